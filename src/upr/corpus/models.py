"""The UPR corpus: States, cycles, sessions, reviews, recommendations and pledges.

Names follow the UPR's own words (sur, recommending State, response, action category, issue). The
public corpus belongs to no workspace; workspace data lives in other apps and points here.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class RegionalGroup(models.TextChoices):
    AFRICAN = "African", _("African Group")
    ASIA_PACIFIC = "Asia-Pacific", _("Asia-Pacific Group")
    EEG = "EEG", _("Eastern European Group")
    GRULAC = "GRULAC", _("Latin American and Caribbean Group")
    WEOG = "WEOG", _("Western European and Others Group")


class Response(models.TextChoices):
    """A State "supports" or "notes" a recommendation; it cannot reject one (seed 002)."""

    SUPPORTED = "supported", _("Supported")
    NOTED = "noted", _("Noted")
    PENDING = "pending", _("Pending")


class ActionCategory(models.IntegerChoices):
    """Edward McMahon's scale of the action a recommendation asks of the State (seed 004)."""

    MINIMAL = 1, _("1 · Minimal action")
    CONTINUING = 2, _("2 · Continuing action")
    CONSIDERING = 3, _("3 · Considering action")
    GENERAL = 4, _("4 · General action")
    SPECIFIC = 5, _("5 · Specific action")


class Origin(models.TextChoices):
    UPR_INFO = "upr-info", _("UPR Info database export")
    UN_DOCUMENT = "un-document", _("UN document, not yet in UPR Info's database")


class Cycle(models.Model):
    number = models.PositiveSmallIntegerField(primary_key=True)
    start_year = models.PositiveSmallIntegerField()
    end_year = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["number"]

    def __str__(self) -> str:
        return _("Cycle %(n)s (%(a)s–%(b)s)") % {
            "n": self.number,
            "a": self.start_year,
            "b": self.end_year,
        }


class Session(models.Model):
    """A Working Group session; its dates are editable data, since the calendar slips."""

    number = models.PositiveSmallIntegerField(primary_key=True)
    cycle = models.ForeignKey(Cycle, on_delete=models.PROTECT, related_name="sessions")
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    dates_source = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["number"]

    def __str__(self) -> str:
        return _("Session %(n)s") % {"n": self.number}


class Organisation(models.Model):
    code = models.CharField(max_length=20, primary_key=True)
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code


class State(models.Model):
    """A UN Member State or observer State; spellings are resolved by upr.sources.state_names."""

    iso3 = models.CharField(max_length=3, primary_key=True)
    iso2 = models.CharField(max_length=2, blank=True)
    name = models.CharField(max_length=100, help_text=_("Short common name"))
    un_name = models.CharField(max_length=200, help_text=_("Official UN short name"))
    regional_group = models.CharField(max_length=20, choices=RegionalGroup.choices, blank=True)
    observer = models.BooleanField(default=False)
    organisations = models.ManyToManyField(Organisation, related_name="states", blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Issue(models.Model):
    """An issue of UPR Info's taxonomy, under its 2015 export name, with its later spelling."""

    name = models.CharField(max_length=100, unique=True)
    later_name = models.CharField(max_length=100, blank=True)
    in_export_2015 = models.BooleanField(default=True)
    in_later_list = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Review(models.Model):
    """One State under Review at one Working Group session."""

    sur = models.ForeignKey(State, on_delete=models.PROTECT, related_name="reviews")
    session = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="reviews")
    review_date = models.DateField(null=True, blank=True)
    document_symbols = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["session_id", "sur_id"]
        constraints = [
            models.UniqueConstraint(fields=["sur", "session"], name="review_unique_sur_session")
        ]

    def __str__(self) -> str:
        return f"{self.sur} · {self.session}"


class Recommendation(models.Model):
    """A recommendation made to a State under Review, as the corpus holds it.

    Like UPR Info's export, a row is usually one recommending State's recommendation; a UN document
    may name several States for one paragraph, hence the many-to-many. ``sur``, ``session`` and
    ``cycle`` repeat the review's so that search facets count without joins.
    """

    key = models.CharField(
        max_length=40, unique=True, help_text=_("Natural key (idempotent import)")
    )
    review = models.ForeignKey(Review, on_delete=models.PROTECT, related_name="recommendations")
    sur = models.ForeignKey(
        State, on_delete=models.PROTECT, related_name="recommendations_received"
    )
    session = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="recommendations")
    cycle = models.PositiveSmallIntegerField(db_index=True)
    text = models.TextField()
    recommending_states = models.ManyToManyField(
        State, related_name="recommendations_made", blank=True
    )
    recommending_unknown = models.BooleanField(
        default=False, help_text=_("The source names the recommending State as unknown")
    )
    response = models.CharField(max_length=10, choices=Response.choices, db_index=True)
    response_original = models.CharField(max_length=100, blank=True)
    action_category = models.PositiveSmallIntegerField(
        choices=ActionCategory.choices, null=True, blank=True, db_index=True
    )
    issues = models.ManyToManyField(Issue, related_name="recommendations", blank=True)
    paragraph = models.CharField(max_length=20, blank=True)
    document_symbol = models.CharField(max_length=60, blank=True)
    origin = models.CharField(max_length=20, choices=Origin.choices, default=Origin.UPR_INFO)
    source_file = models.CharField(max_length=255, blank=True)
    source_line = models.PositiveIntegerField(null=True, blank=True)
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["session_id", "sur_id", "id"]
        indexes = [models.Index(fields=["sur", "session"])]

    def __str__(self) -> str:
        return self.text[:80]


class Pledge(models.Model):
    """A voluntary pledge or commitment of the State under Review (part of the UPR outcome)."""

    key = models.CharField(max_length=40, unique=True)
    review = models.ForeignKey(Review, on_delete=models.PROTECT, related_name="pledges")
    sur = models.ForeignKey(State, on_delete=models.PROTECT, related_name="pledges")
    session = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="pledges")
    text = models.TextField()
    action_category = models.PositiveSmallIntegerField(
        choices=ActionCategory.choices, null=True, blank=True
    )
    issues = models.ManyToManyField(Issue, related_name="pledges", blank=True)
    source_file = models.CharField(max_length=255, blank=True)
    source_line = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["session_id", "sur_id", "id"]

    def __str__(self) -> str:
        return self.text[:80]


class ImportRun(models.Model):
    """What one import of one file did, for the record and for the summary shown to the user."""

    kind = models.CharField(max_length=20, default="upr-info")
    file_name = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64)
    rows_read = models.PositiveIntegerField(default=0)
    imported = models.PositiveIntegerField(default=0)
    pledges = models.PositiveIntegerField(default=0)
    already_present = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    details = models.JSONField(default=dict)
    finished_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-finished_at"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.finished_at:%Y-%m-%d %H:%M})"


# Suggested tags and the decisions on them live beside the ML glue; imported here so that the
# model belongs to this app.
from .ml.models import TagSuggestion  # noqa: E402, F401
