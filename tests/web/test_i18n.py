"""French and Spanish: complete catalogues, intact placeholders, compiled files in sync, real pages.

The catalogues (``src/upr/locale/<lang>/LC_MESSAGES/django.po``) and their compiled ``.mo`` files
are committed, so the running app never needs GNU gettext. ``make messages`` refreshes both; these
tests fail while a string is untranslated, fuzzy, has lost a placeholder, or the ``.mo`` is stale.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation.template import templatize

from upr.workspaces.models import Membership, Role, User, Workspace

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
SRC_DIR = Path(settings.BASE_DIR)  # src/upr: everything makemessages reads
LANGS = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
PASSWORD = "correct horse battery staple 42"

# %(name)s, %(pct).1f, %s, %d, %% … — what Python's %-formatting reads (blocktranslate variables
# become %(name)s in the msgid).
PRINTF = re.compile(r"%(?:\(\w+\))?[#0 +\-]*(?:\d+|\*)?(?:\.\d+)?[diouxXeEfFgGcrsa%]")
BRACES = re.compile(r"\{\{?\s*\w+\s*\}\}?")
TAG = re.compile(r"</?[A-Za-z][^>]*>")


def po_file(lang: str) -> polib.POFile:
    return polib.pofile(str(LOCALE_DIR / lang / "LC_MESSAGES" / "django.po"))


def mo_file(lang: str) -> polib.MOFile:
    return polib.mofile(str(LOCALE_DIR / lang / "LC_MESSAGES" / "django.mo"))


def placeholders(text: str) -> Counter:
    return Counter(PRINTF.findall(text) + BRACES.findall(text) + TAG.findall(text))


def nplurals(po: polib.POFile) -> int:
    match = re.search(r"nplurals\s*=\s*(\d+)", po.metadata.get("Plural-Forms", ""))
    assert match, "the catalogue has no Plural-Forms header"
    return int(match.group(1))


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_is_translated(lang):
    po = po_file(lang)
    assert po.metadata.get("Language") == lang
    assert not po.metadata_is_fuzzy, "the header is fuzzy: msgfmt would drop the plural forms"
    assert len(po) > 700
    forms = nplurals(po)
    problems = []
    for entry in po:
        if entry.obsolete:
            problems.append(("obsolete (run make messages)", entry.msgid))
        elif "fuzzy" in entry.flags:
            problems.append(("fuzzy", entry.msgid))
        elif entry.msgid_plural:
            strings = [entry.msgstr_plural.get(i, "") for i in range(forms)]
            if len(entry.msgstr_plural) != forms or not all(s.strip() for s in strings):
                problems.append(("plural forms missing", entry.msgid))
        elif not entry.msgstr.strip():
            problems.append(("untranslated", entry.msgid))
    assert not problems, f"{lang}: {len(problems)} entries to fix, e.g. {problems[:5]}"


@pytest.mark.parametrize("lang", LANGS)
def test_placeholders_and_markup_survive_translation(lang):
    problems = []
    for entry in po_file(lang):
        if entry.obsolete:
            continue
        if entry.msgid_plural:
            # Every form keeps the plural's placeholders (the singular's count may be dropped
            # in no language we ship, so the same set is required everywhere).
            expected = placeholders(entry.msgid_plural)
            assert set(placeholders(entry.msgid)) <= set(expected), entry.msgid
            for form, text in entry.msgstr_plural.items():
                if placeholders(text) != expected:
                    problems.append((form, entry.msgid_plural, text))
        elif placeholders(entry.msgstr) != placeholders(entry.msgid):
            problems.append((None, entry.msgid, entry.msgstr))
    assert not problems, f"{lang}: placeholders or HTML differ: {problems[:5]}"


@pytest.mark.parametrize("lang", LANGS)
def test_python_formatting_works_on_every_translation(lang):
    """What the views do at runtime: ``msgstr % values`` must neither raise nor leave a ``%``."""
    for entry in po_file(lang):
        if entry.obsolete or "python-format" not in entry.flags:
            continue
        names = set(re.findall(r"%\((\w+)\)", entry.msgid_plural or entry.msgid))
        texts = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        for text in texts:
            if names:
                text % dict.fromkeys(names, 1)
            else:
                text % ((1,) * len(PRINTF.findall(text.replace("%%", ""))))


def _catalogue(entries) -> dict:
    out = {}
    for entry in entries:
        if entry.msgid == "" or getattr(entry, "obsolete", False):
            continue
        plural = {int(k): v for k, v in entry.msgstr_plural.items()}
        out[(entry.msgctxt, entry.msgid, entry.msgid_plural)] = (entry.msgstr, plural)
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_committed_mo_files_match_the_po_files(lang):
    po, mo = po_file(lang), mo_file(lang)
    translated = [e for e in po if "fuzzy" not in e.flags]
    assert _catalogue(mo) == _catalogue(translated), (
        f"{lang}: django.mo is stale: run `make messages` (or `upr compilemessages`)"
    )
    assert mo.metadata.get("Plural-Forms") == po.metadata.get("Plural-Forms")


@pytest.mark.parametrize("lang", LANGS)
def test_django_serves_the_committed_translations(lang):
    """The runtime (LOCALE_PATHS, the .mo file) answers every msgid with our msgstr."""
    with translation.override(lang):
        for entry in po_file(lang):
            if entry.obsolete or entry.msgid_plural:
                continue
            got = (
                translation.pgettext(entry.msgctxt, entry.msgid)
                if entry.msgctxt
                else translation.gettext(entry.msgid)
            )
            assert got == entry.msgstr, (lang, entry.msgid)
        plural = next(e for e in po_file(lang) if e.msgid_plural)
        assert translation.ngettext(plural.msgid, plural.msgid_plural, 7) in set(
            plural.msgstr_plural.values()
        )


# --- every string the code marks is in the catalogues (without GNU gettext) -----------------

PY_KEYWORDS = {  # xgettext's Python keywords plus Django's (makemessages), → (context?, plural?)
    "_": (False, False),
    "gettext": (False, False),
    "gettext_lazy": (False, False),
    "gettext_noop": (False, False),
    "ngettext": (False, True),
    "ngettext_lazy": (False, True),
    "pgettext": (True, False),
    "pgettext_lazy": (True, False),
    "npgettext": (True, True),
    "npgettext_lazy": (True, True),
}
# templatize() turns {% translate %}, {% blocktranslate %} and _("…") into gettext(u'…') calls.
STRING = r"""u?(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")"""
TEMPLATE_CALL = re.compile(rf"\b(n?p?gettext|_)\(((?:\s*{STRING}\s*,?)+)")


def _python_messages(path: Path) -> set[tuple[str | None, str]]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name not in PY_KEYWORDS:
            continue
        has_context, _plural = PY_KEYWORDS[name]
        args = [a.value if isinstance(a, ast.Constant) else None for a in node.args]
        context, args = (args[0], args[1:]) if has_context else (None, args)
        if args and isinstance(args[0], str):
            found.add((context, args[0]))
    return found


def _template_messages(path: Path) -> set[tuple[str | None, str]]:
    found = set()
    for name, raw in TEMPLATE_CALL.findall(templatize(path.read_text(encoding="utf-8"))):
        strings = [ast.literal_eval(s) for s in re.findall(STRING, raw)]
        context, strings = (
            (strings[0], strings[1:])
            if name.startswith(("pg", "npg"))
            else (
                None,
                strings,
            )
        )
        found.add((context, strings[0]))
    return found


def test_the_catalogues_hold_every_marked_string():
    """A string marked in the code but missing here means `make messages` was not run."""
    marked: set[tuple[str | None, str]] = set()
    for path in sorted(SRC_DIR.rglob("*")):
        if "locale" in path.parts or not path.is_file():
            continue
        if path.suffix == ".py":
            marked |= _python_messages(path)
        elif path.suffix in {".html", ".txt"} and "templates" in path.parts:
            marked |= _template_messages(path)
    assert len(marked) > 700
    for lang in LANGS:
        known = {(e.msgctxt, e.msgid) for e in po_file(lang) if not e.obsolete}
        missing = sorted(marked - known, key=str)
        assert not missing, f"{lang}: not in the catalogue (run `make messages`): {missing[:5]}"


# --- real pages ------------------------------------------------------------------------------

HOME = {
    "en": ["The UPR corpus at a glance", "Recommendations", "Skip to content"],
    "fr": ["Le corpus de l’EPU en un coup d’œil", "Recommandations", "Aller au contenu"],
    "es": ["El corpus del EPU de un vistazo", "Recomendaciones", "Ir al contenido"],
}
WORKSPACE = {
    "en": ["Members", "Audit log", "Sign out", "New note"],
    "fr": ["Membres", "Journal d’audit", "Se déconnecter", "Nouvelle note"],
    "es": ["Miembros", "Registro de auditoría", "Cerrar sesión", "Nueva nota"],
}
TIMELINE = {
    "fr": ["Contribution écrite au HCDH (date limite)", "Rapport à mi-parcours", "Calendrier"],
    "es": ["Contribución escrita al ACNUDH (plazo)", "Informe de mitad de período", "Cronograma"],
}


def _assert_page(response, lang: str, expected: list[str], absent: list[str] = ()) -> str:
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert response["Content-Language"] == lang
    for text in expected:
        assert text in html, (lang, text)
    for text in absent:
        assert text not in html, (lang, text)
    return html


def _switch(client: Client, page: str, lang: str):
    """Use the switcher as a browser does: read the form (and its CSRF token) off the page."""
    html = client.get(page).content.decode()
    form = re.search(
        r'<form class="language" method="post" action="([^"]+)"[^>]*>(.*?)</form>', html, re.S
    )
    assert form, "no language switcher on the page"
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.group(2)).group(1)
    next_url = re.search(r'name="next" value="([^"]+)"', form.group(2)).group(1)
    options = re.findall(r'<option value="(\w+)"', form.group(2))
    assert options == [code for code, _name in settings.LANGUAGES]
    response = client.post(
        form.group(1), {"csrfmiddlewaretoken": token, "next": next_url, "language": lang}
    )
    assert response.status_code == 302 and response["Location"] == page
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == lang and cookie["httponly"] and cookie["samesite"] == "Lax"
    return client.get(page)


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_home_page_follows_accept_language(db, lang):
    response = Client(headers={"accept-language": f"{lang},en;q=0.5"}).get(reverse("corpus:home"))
    html = _assert_page(response, lang, HOME[lang])
    assert re.search(rf'<option value="{lang}" lang="{lang}" selected>', html)


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_through_the_switcher(db, lang):
    client = Client(enforce_csrf_checks=True, headers={"accept-language": "en"})
    home = reverse("corpus:home")
    _assert_page(client.get(home), "en", HOME["en"])
    _assert_page(_switch(client, home, lang), lang, HOME[lang], absent=HOME["en"][:1])
    # The choice outlives the page and beats the browser's preference.
    _assert_page(client.get(reverse("corpus:states")), lang, HOME[lang][1:])
    _assert_page(_switch(client, home, "en"), "en", HOME["en"])


@pytest.fixture
def member(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    workspace = Workspace.objects.create(name="Coalition des défenseurs")
    user = User.objects.create_user("owner@example.org", PASSWORD, name="Owner")
    Membership.objects.create(workspace=workspace, user=user, role=Role.OWNER)
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client, workspace


@pytest.mark.parametrize("lang", LANGS)
def test_workspace_page_in_french_and_spanish(member, lang):
    client, workspace = member
    page = reverse("workspaces:home", args=[workspace.public_id])
    _assert_page(client.get(page), "en", WORKSPACE["en"])
    _assert_page(_switch(client, page, lang), lang, WORKSPACE[lang], absent=WORKSPACE["en"])
    by_header = Client(headers={"accept-language": lang})
    by_header.force_login(User.objects.get(email="owner@example.org"))
    _assert_page(by_header.get(page), lang, WORKSPACE[lang], absent=WORKSPACE["en"])


@pytest.mark.parametrize("lang", LANGS)
def test_campaign_plan_in_french_and_spanish(member, corpus, lang):
    """Milestones are data marked with gettext_noop in a pure room and translated on display."""
    from tests.campaigns.objects import make_campaign

    _client, workspace = member
    campaign = make_campaign(workspace)
    page = reverse("campaigns:timeline", args=[workspace.public_id, campaign.pk])
    by_header = Client(headers={"accept-language": lang})
    by_header.force_login(User.objects.get(email="owner@example.org"))
    _assert_page(by_header.get(page), lang, TIMELINE[lang], absent=["Written submission to OHCHR"])
    dashboard = reverse("campaigns:detail", args=[workspace.public_id, campaign.pk])
    _assert_page(by_header.get(dashboard), lang, [], absent=["Written submission to OHCHR"])


def test_unknown_language_is_ignored(db):
    client = Client()
    response = client.post(reverse("set_language"), {"language": "xx", "next": "/"})
    assert response.status_code == 302
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    assert '<html lang="en">' in client.get("/").content.decode()


def test_djangos_empty_choice_is_spanish_too() -> None:
    with translation.override("es"):
        assert translation.gettext("- Select an option -") == "- Seleccione una opción -"
