"""State and issue names in the page's language; data exports keep UPR Info's English names."""

from __future__ import annotations

import re

from django.test import Client
from django.utils import translation

from upr.corpus.local_names import ISSUE_LABELS, issue_label, state_label
from upr.sources.issues import ALL_ISSUES


def test_labels_follow_the_active_language() -> None:
    with translation.override("en"):
        assert [str(ISSUE_LABELS[n]) for n in ALL_ISSUES] == list(ALL_ISSUES)  # same order
        assert state_label("Germany") == "Germany" and issue_label("Women's rights") == (
            "Women's rights"
        )
    with translation.override("fr"):
        assert state_label("Germany") == "Allemagne" and state_label("DEU") == "Allemagne"
        assert state_label("United Kingdom") == "Royaume-Uni"
        assert issue_label("Women's rights") == "Droits des femmes"
        assert issue_label("General") == "Général" and state_label("Atlantis") == "Atlantis"
    with translation.override("es"):
        assert state_label("Germany") == "Alemania"
        assert issue_label("Rights of the Child") == "Derechos del niño"


def test_french_pages_name_states_and_issues_in_french(corpus) -> None:
    french = Client(headers={"accept-language": "fr"})
    page = french.get("/recommendations/", {"sur": "NGA", "issue": []}).content.decode()
    assert "Nigéria" in page and "Droits des femmes" in page
    assert "Women&#x27;s rights" not in page
    state = french.get("/states/DEU/").content.decode()
    assert "<h1>Allemagne" in state
    english = Client().get("/states/DEU/").content.decode()
    assert "<h1>Germany" in english


def test_exports_keep_the_english_names(corpus) -> None:
    french = Client(headers={"accept-language": "fr"})
    response = french.get("/recommendations/export.csv", {"sur": "NGA"})
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Nigeria" in body and "Nigéria" not in body


def test_target_explanations_use_the_languages_names_and_numbers(corpus) -> None:
    from upr.corpus.targets import rank_targets

    with translation.override("fr"):
        ranking = rank_targets("DEU", ["Women's rights"], limit=5)
        texts = [f.explanation for s in ranking.states for f in s.factors]
    assert any("Allemagne" in t for t in texts)
    assert any(re.search(r"\d,\d recommandations par examen", t) for t in texts)


def test_issue_profile_labels_show_the_state_and_the_average(corpus) -> None:
    from upr.corpus import profiles
    from upr.corpus.models import State

    made = profiles.as_recommending_state(State.objects.get(pk="DEU"))
    html = Client().get("/states/DEU/").content.decode()
    _name, mine, avg = made.issue_vs_average[0]
    assert f"{mine:.0%} / {avg:.0%}" in html  # the bar pair's label names both shares
    assert ">0% /" not in html  # a small share reads "<1%", not "0%"
    table = html[html.index("Issue profile compared") :]
    assert f">{round(mine * 100)}%<" in table and "0.1" not in table.split("</table>")[0][-400:]


def test_a_missing_figure_is_a_dash_not_a_dash_percent() -> None:
    from upr.corpus.local_names import percent
    from upr.corpus.templatetags.ml_tags import percent_sure

    with translation.override("fr"):
        assert percent(percent_sure(None)) == "–" and percent(None) == "–"
        assert percent(percent_sure(0.5)) == "50\u00a0%"


def test_percentages_are_written_alike_on_a_page_as_its_language_writes_them(corpus) -> None:
    """One rule for every figure: "62%" in English, "62 %" (no-break space) in French and
    Spanish — the page once showed "62%" beside "6 %"."""
    from upr.corpus.models import State
    from upr.corpus.profiles import as_state_under_review

    rate = round(100 * as_state_under_review(State.objects.get(pk="DEU")).support_rate)
    pages = {}
    for lang in ("en", "fr", "es"):
        client = Client()
        client.cookies["upr_language"] = lang
        pages[lang] = client.get("/states/DEU/").content.decode()
    assert f">{rate}%<" in pages["en"] and not re.search(r"\d[ \u00a0]%", pages["en"])
    for lang in ("fr", "es"):
        assert f">{rate}\u00a0%<" in pages[lang]
        body = pages[lang][pages[lang].index("<main") :]
        assert not re.search(r"\d%", body.replace('width="100%"', "")), lang


def test_home_names_issues_in_french_and_leaves_out_empty_responses(corpus) -> None:
    from upr.corpus.models import Response

    french = Client(headers={"accept-language": "fr"}).get("/").content.decode()
    assert "Droits des femmes" in french or "Instruments internationaux" in french
    english = Client().get("/").content.decode()
    pending = Response.PENDING.label
    assert corpus.filter(response=Response.PENDING).count() == 0  # the UPR Info corpus
    assert f">{pending}<" not in english and "response=pending" not in english


def test_state_names_take_their_article_after_a_preposition() -> None:
    from upr.corpus.local_names import contract, state_in_sentence

    cases = {
        "en": [("PHL", "to the Philippines"), ("NGA", "to Nigeria"),
               ("GBR", "to the United Kingdom")],
        "fr": [("NGA", "au Nigéria"), ("FRA", "à la France"), ("ALB", "à l’Albanie"),
               ("USA", "aux États-Unis"), ("SGP", "à Singapour")],
        "es": [("PER", "al Perú"), ("USA", "a los Estados Unidos"), ("DEU", "a Alemania")],
    }  # fmt: skip
    to = {"en": "to", "fr": "à", "es": "a"}
    for language, expected in cases.items():
        with translation.override(language):
            for iso3, phrase in expected:
                assert contract(f"{to[language]} {state_in_sentence(iso3)}") == phrase
    with translation.override("fr"):
        assert contract("Examen de " + state_in_sentence("Niger")) == "Examen du Niger"
        assert contract("De " + state_in_sentence("Netherlands")) == "Des Pays-Bas"
        # only before a State's name: the pronoun of "aider à le faire" is left alone
        assert contract("aider à le faire") == "aider à le faire"
        assert state_in_sentence("Atlantis") == "Atlantis" and state_in_sentence("") == ""
    with translation.override("es"):
        assert contract("Examen de " + state_in_sentence("Peru")) == "Examen del Perú"


def test_french_sentences_contract_the_article_of_the_state(corpus) -> None:
    from upr.corpus.models import Recommendation

    rec = corpus.filter(sur_id="NGA").first()
    french = Client(headers={"accept-language": "fr"})
    page = french.get(f"/recommendations/{rec.pk}/").content.decode()
    assert "Recommandation au Nigéria" in page and "à Nigéria" not in page
    spanish = Client(headers={"accept-language": "es"})
    peru = Recommendation.objects.filter(sur_id="PER").first()
    page = spanish.get(f"/recommendations/{peru.pk}/").content.decode()
    assert "Recomendación al Perú" in page
    english = Client().get(f"/recommendations/{rec.pk}/").content.decode()
    assert "Recommendation to Nigeria" in english


def test_groups_and_organisations_are_named_in_the_pages_language(corpus) -> None:
    url = "/targets/"
    query = {"sur": "NGA", "issues": "Women's rights"}
    english = Client().get(url, query).content.decode()
    assert "<dt>African Group</dt>" in english and "<dt>African Union (AU)</dt>" in english
    assert 'title="African Union (AU)">AU</abbr>' in english  # the badge keeps the code
    french = Client(headers={"accept-language": "fr"}).get(url, query).content.decode()
    assert "<dt>Groupe des États d’Afrique</dt>" in french
    assert "<dt>Union africaine (UA)</dt>" in french and ">UA</abbr>" in french
    assert "<dt>AU</dt>" not in french and "membres de\u00a0: Union africaine (UA)" in french


def test_search_filters_name_organisations_and_state_pages_drop_the_english_un_name(corpus):
    french = Client(headers={"accept-language": "fr"})
    page = french.get("/recommendations/").content.decode()
    assert "Union africaine (UA)" in page
    netherlands = french.get("/states/NLD/").content.decode()
    assert "Netherlands (Kingdom of the)" not in netherlands and "Pays-Bas" in netherlands
    assert "Netherlands (Kingdom of the)" in Client().get("/states/NLD/").content.decode()
