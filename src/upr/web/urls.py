from django.urls import include, path

urlpatterns = [
    path("", include("upr.corpus.urls")),
]
