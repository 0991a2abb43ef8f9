from django.apps import AppConfig


class CorpusConfig(AppConfig):
    name = "upr.corpus"
    label = "corpus"
    verbose_name = "UPR corpus"
