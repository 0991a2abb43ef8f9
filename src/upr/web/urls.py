from django.urls import include, path

urlpatterns = [
    path("", include("upr.corpus.urls")),
    path("api/", include("upr.corpus.api_urls")),
    path("", include("upr.workspaces.urls.accounts")),
    path("", include("upr.workspaces.urls.workspaces")),
    path("", include("upr.campaigns.urls")),
]
