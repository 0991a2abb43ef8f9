"""A campaign: one workspace's advocacy for one State under Review at one review."""

from __future__ import annotations

from datetime import date

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from upr.workspaces.models import WorkspaceOwned


class Campaign(WorkspaceOwned):
    """The review is a WG session plus, when known, the exact review date.

    ``exact_dates`` holds what the user knows for sure (milestone key → ISO date); everything else
    is derived from the review date each time, so moving the review moves every estimate and
    keeps every entered date. ``feed_key`` identifies the secret calendar URL (see ``feeds.py``);
    it is not the secret itself, so the audit log and exports may show it.
    """

    name = models.CharField(_("name"), max_length=200, blank=True)
    sur = models.ForeignKey(
        "corpus.State",
        verbose_name=_("State under Review"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    session = models.ForeignKey(
        "corpus.Session",
        verbose_name=_("Working Group session"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    review_date = models.DateField(
        _("review date"),
        null=True,
        blank=True,
        help_text=_("Leave empty while unknown: the session's dates are used."),
    )
    exact_dates = models.JSONField(default=dict, blank=True, editable=False)
    involves_children = models.BooleanField(
        _("children take part"),
        default=False,
        help_text=_("Shows the Committee on the Rights of the Child's nine standards."),
    )
    child_checklist = models.JSONField(default=dict, blank=True, editable=False)
    feed_key = models.CharField(max_length=32, null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def __str__(self) -> str:
        if self.name:
            return self.name
        from upr.corpus.local_names import state_label  # the page's language, at display

        if self.session_id:
            return _("%(sur)s · session %(n)s") % {
                "sur": state_label(self.sur.name),
                "n": self.session_id,
            }
        return state_label(self.sur.name)

    def review_basis(self) -> tuple[date | None, str]:
        """(date the plan hangs on, where it comes from: "entered", "corpus", "session" or "").

        An entered review date wins; else the corpus may know the State's own day within the
        session (the reports' index); else the session's first day stands in, as an estimate.
        """
        if self.review_date:
            return self.review_date, "entered"
        if self.session_id is None:
            return None, ""
        from upr.corpus.models import Review

        known = (
            Review.objects.filter(sur_id=self.sur_id, session_id=self.session_id)
            .exclude(review_date=None)
            .values_list("review_date", flat=True)
            .first()
        )
        if known:
            return known, "corpus"
        if self.session.start_date:
            return self.session.start_date, "session"
        return None, ""

    @property
    def review_day(self) -> date | None:
        return self.review_basis()[0]

    def exact(self) -> dict[str, date]:
        """The user's exact dates as ``date`` objects, ready for ``build_plan``."""
        return {key: date.fromisoformat(value) for key, value in self.exact_dates.items()}
