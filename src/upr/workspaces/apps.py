from django.apps import AppConfig


class WorkspacesConfig(AppConfig):
    name = "upr.workspaces"
    label = "workspaces"
