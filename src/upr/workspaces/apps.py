from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkspacesConfig(AppConfig):
    name = "upr.workspaces"
    label = "workspaces"
    verbose_name = _("Workspaces and accounts")

    def ready(self) -> None:
        from . import audit, language, signins

        audit.connect()
        language.connect()
        signins.connect()
