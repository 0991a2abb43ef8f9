"""The read-only JSON API under /api/ (see openapi.json beside this file)."""

from django.urls import path

from . import api

app_name = "api"
urlpatterns = [
    path("openapi.json", api.openapi, name="openapi"),
    path("search", api.search, name="search"),
    path("facets", api.facets, name="facets"),
    path("recommendations/<int:pk>", api.recommendation, name="recommendation"),
    path("recommendations/export.<str:fmt>", api.export, name="export"),
    path("states", api.states, name="states"),
    path("states/<str:iso3>", api.state, name="state"),
]
