from django.urls import path

from .views import calendar, campaigns, children, issues, targets, timeline

app_name = "campaigns"
C = "w/<str:ws>/campaigns/<int:pk>/"
urlpatterns = [
    path("w/<str:ws>/campaigns/", campaigns.campaign_list, name="list"),
    path("w/<str:ws>/campaigns/new/", campaigns.campaign_create, name="create"),
    path(C, campaigns.campaign_detail, name="detail"),
    path(C + "edit/", campaigns.campaign_edit, name="edit"),
    path(C + "delete/", campaigns.campaign_delete, name="delete"),
    path(C + "timeline/", timeline.timeline, name="timeline"),
    path(C + "tasks/<int:task_pk>/", timeline.task, name="task"),
    path(C + "calendar.ics", calendar.ics_download, name="ics"),
    path(C + "calendar/address/", calendar.feed_token, name="feed_token"),
    path("calendar/<str:token>.ics", calendar.feed, name="feed"),
    path(C + "issues/", issues.issues, name="issues"),
    path(C + "issues/<int:issue_pk>/", issues.issue, name="issue"),
    path(C + "issues/<int:issue_pk>/delete/", issues.issue_delete, name="issue_delete"),
    path(C + "issues/<int:issue_pk>/drafts/", issues.draft_create, name="draft_create"),
    path(C + "drafts/<int:draft_pk>/", issues.draft, name="draft"),
    path(C + "drafts/<int:draft_pk>/delete/", issues.draft_delete, name="draft_delete"),
    path(C + "drafts/check/", issues.draft_check, name="draft_check"),
    path(C + "targets/", targets.targets, name="targets"),
    path(C + "targets/<int:target_pk>/", targets.target, name="target"),
    path(C + "targets/<int:target_pk>/delete/", targets.target_delete, name="target_delete"),
    path(
        C + "targets/<int:target_pk>/entry-points/",
        targets.entry_point_create,
        name="entry_point_create",
    ),
    path(
        C + "entry-points/<int:entry_pk>/contacts/",
        targets.contact_create,
        name="contact_create",
    ),
    path(C + "contacts/<int:contact_pk>/", targets.contact, name="contact"),
    path(C + "targets/<int:target_pk>/outreach/", targets.outreach_create, name="outreach_create"),
    path(C + "children/", children.children, name="children"),
]
