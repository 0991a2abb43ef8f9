from django.urls import include, path

from upr.workspaces.language import set_language

urlpatterns = [
    path("", include("upr.corpus.urls")),
    path("api/", include("upr.corpus.api_urls")),
    path("", include("upr.workspaces.urls.accounts")),
    path("", include("upr.workspaces.urls.workspaces")),
    path("", include("upr.campaigns.urls")),
    # The language switcher in the page header posts here: the cookie, and the account's choice.
    path("i18n/setlang/", set_language, name="set_language"),
]
