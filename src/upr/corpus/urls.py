from django.urls import path

from . import (
    export_views,
    outcome_views,
    profile_views,
    report_views,
    session_views,
    views,
    views_targets,
)
from .ml import views as ml_views

app_name = "corpus"
urlpatterns = [
    path("", views.home, name="home"),
    path("recommendations/", views.recommendations, name="recommendations"),
    path("recommendations/<int:pk>/", views.recommendation, name="recommendation"),
    path("recommendations/export.<str:fmt>", export_views.export, name="export"),
    path("states/", profile_views.states, name="states"),
    path("states/<str:iso3>/", profile_views.state, name="state"),
    path("targets/", views_targets.targets, name="targets"),
    path("targets.csv", views_targets.targets_csv, name="targets_csv"),
    path("import/report/", report_views.report_upload, name="report_upload"),
    path("import/report/<uuid:task_id>/", report_views.report_status, name="report_status"),
    path("import/report/<uuid:task_id>/remove/", report_views.report_remove, name="report_remove"),
    path("outcome/", outcome_views.outcome, name="outcome"),
    path("recommendations/untagged/", ml_views.untagged_list, name="untagged"),
    path(
        "recommendations/untagged/confirm/",
        ml_views.confirm_suggestions,
        name="confirm_suggestions",
    ),
    path("recommendations/<int:pk>/tags/", ml_views.decide_tags, name="decide_tags"),
    path("models/train/", ml_views.train, name="train_models"),
    path("similar/", ml_views.similar_page, name="similar"),
    path("similar.json", ml_views.similar_json, name="similar_json"),
    path("sessions/", session_views.sessions, name="sessions"),
    path("sessions/<int:number>/edit/", session_views.session_edit, name="session_edit"),
    path(
        "w/<str:ws>/campaigns/<int:pk>/outcome/",
        outcome_views.campaign_outcome,
        name="campaign_outcome",
    ),
]
