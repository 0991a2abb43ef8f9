from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "upr.web"
    label = "web"
