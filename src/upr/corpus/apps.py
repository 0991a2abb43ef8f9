from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _sync_reference_data(sender, **kwargs) -> None:
    from .reference import sync_reference_data

    sync_reference_data()


class CorpusConfig(AppConfig):
    name = "upr.corpus"
    label = "corpus"
    verbose_name = "UPR corpus"

    def ready(self) -> None:
        post_migrate.connect(_sync_reference_data, sender=self)
        from .ml.predict import connect

        connect()  # the trained action classifier, when there is one, in the draft check
