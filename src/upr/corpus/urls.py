from django.urls import path

from . import views

app_name = "corpus"
urlpatterns = [
    path("", views.home, name="home"),
    path("recommendations/", views.recommendations, name="recommendations"),
    path("recommendations/<int:pk>/", views.recommendation, name="recommendation"),
]
