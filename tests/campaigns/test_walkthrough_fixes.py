"""What a second walk through the app in French and Spanish found (each fails without its fix)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation

from upr.corpus.models import State
from upr.corpus.outcome import MIN_SCORE, THANK_SCORE, review_outcome


def test_the_campaign_form_names_its_dates_in_french(team):
    client = team.client("editor")
    client.cookies["upr_language"] = "fr"
    html = client.get(reverse("campaigns:create", args=[team.ws])).content.decode()
    assert "Contribution écrite au HCDH (date limite)" in html
    assert "Written submission to OHCHR (deadline)" not in html


def test_djangos_empty_choice_is_spanish_too() -> None:
    with translation.override("es"):
        assert translation.gettext("- Select an option -") == "- Seleccione una opción -"


def test_tab_from_a_draft_reaches_the_add_button_before_the_live_check(team):
    item = team.objects.issue
    html = (
        team.client("editor")
        .get(reverse("campaigns:issue", args=[team.ws, team.campaign.pk, item.pk]))
        .content.decode()
    )
    assert html.index("Add and check") < html.index('id="live-check"')


def test_only_close_wording_puts_a_state_on_the_thank_you_list(corpus):
    draft = "Ratify the Optional Protocol to the Convention against Torture"
    outcome = review_outcome(State.objects.get(pk="NGA"), 17, [draft], [])
    scores = [m.score for m in outcome.drafts[0].matches]
    assert any(MIN_SCORE <= s < THANK_SCORE for s in scores)  # shown under the draft …
    thanked = [m.score for t in outcome.thanks for _n, m in t.matches]
    assert all(s >= THANK_SCORE for s in thanked)  # … but only close ones are thanked


def test_pagination_says_next_page_not_upcoming(corpus, client):
    client.cookies["upr_language"] = "fr"
    html = client.get("/recommendations/", {"q": "marriage"}).content.decode()
    assert 'rel="next">Suivante →' in html and "À venir →" not in html
