from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "upr.campaigns"
    label = "campaigns"
