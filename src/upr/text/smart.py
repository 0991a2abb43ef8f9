"""Checks of a draft recommendation: McMahon's action category and S.M.A.R.T. hints.

The category comes from a transparent rule on the leading verb ("continue" → 2, "consider" → 3,
"ensure" → 4, "ratify" → 5), so an NGO can see *why* its draft got a 3 and what verb would make it
a 5 [004]. A trained model can replace the rule later through :func:`register_classifier`; the
rule stays as the fallback and as the explanation. Pure Python: no Django, no database.

Messages are marked with ``gettext_noop`` (this room must not import Django); the apps translate
them on display.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date


def gettext_noop(message: str) -> str:
    """Mark ``message`` for translation; Django's ``makemessages`` collects this name."""
    return message


_ = gettext_noop

#: Leading phrases per category, longest match wins; categories per McMahon (seed 004).
#: English first; ``FR_ES_PHRASES`` below adds French and Spanish verbs (matched as prefixes:
#: "ratifi" covers "ratifier" and "ratificar").
CATEGORY_PHRASES: dict[int, tuple[str, ...]] = {
    5: (
        "adopt",
        "ratify",
        "establish",
        "amend",
        "repeal",
        "criminalize",
        "criminalise",
        "allocate",
        "enact",
        "set up",
        "abolish",
        "accede",
        "withdraw",
        "decriminalize",
        "decriminalise",
        "incorporate",
        "create",
        "introduce",
        "pass",
        "extend a standing",
        "issue a standing",
        "lift",
        "publish",
        "sign and ratify",
        "remove",
        "prohibit",
        "ban",
    ),
    4: (
        "take measures",
        "take steps",
        "take all necessary",
        "take effective",
        "take concrete",
        "take further",
        "take action",
        "take",
        "promote",
        "ensure",
        "strengthen",
        "guarantee",
        "protect",
        "improve",
        "combat",
        "intensify",
        "step up",
        "implement",
        "enhance",
        "raise",
        "fight",
        "eliminate",
        "prevent",
        "address",
        "provide",
        "increase",
        "reduce",
        "support",
        "facilitate",
        "encourage",
        "respect",
        "redouble",
        "investigate",
        "prosecute",
        "end",
        "put an end",
        "make efforts",
        "develop",
        "bring",
        "align",
        "harmonize",
        "harmonise",
    ),
    3: (
        "consider",
        "explore",
        "study",
        "examine",
        "reflect",
        "look into",
        "envisage",
        "assess",
        "evaluate",
        "review",
        "analyse",
        "analyze",
        "think about",
    ),
    2: ("continue", "pursue", "maintain", "keep", "persist", "further", "carry on", "sustain"),
    1: ("share", "seek", "request", "call upon", "call on", "engage", "cooperate", "ask"),
}

FR_ES_PHRASES: dict[int, tuple[str, ...]] = {
    5: (
        "ratifi", "adhérer", "adherir", "abolir", "abroger", "abrogar", "derogar", "modifier",
        "modificar", "enmendar", "créer", "crear", "établir", "establecer", "instituer",
        "promulguer", "promulgar", "incriminer", "ériger en infraction", "tipificar", "interdire",
        "prohibir", "allouer", "asignar", "signer et ratifier", "firmar y ratificar", "retirer",
        "retirar", "lever", "levantar", "publier", "publicar", "supprimer", "suprimir",
        "mettre en place", "incorporer", "incorporar", "introduire", "introducir", "dépénaliser",
        "despenalizar", "criminaliser", "penalizar", "adresser une invitation permanente",
        "cursar una invitación permanente",
    ),
    4: (
        "prendre des mesures", "prendre", "adopter des mesures", "adoptar medidas", "tomar medidas",
        "tomar", "promouvoir", "promover", "garantir", "garantizar", "veiller", "velar", "assurer",
        "asegurar", "renforcer", "reforzar", "fortalecer", "protéger", "proteger", "améliorer",
        "mejorar", "lutter", "luchar", "combatir", "intensifier", "intensificar", "mettre en œuvre",
        "mettre en oeuvre", "aplicar", "implementar", "prévenir", "prevenir", "éliminer",
        "eliminar", "fournir", "proporcionar", "augmenter", "aumentar", "réduire", "reducir",
        "soutenir", "apoyar", "faciliter", "facilitar", "encourager", "alentar", "respecter",
        "respetar", "redoubler", "redoblar", "enquêter", "investigar", "mettre fin", "poner fin",
        "développer", "desarrollar", "harmoniser", "armonizar", "aligner", "sensibiliser",
        "sensibilizar", "combattre",
    ),
    3: (
        "envisager", "considérer", "étudier", "évaluer", "réexaminer", "considerar", "estudiar",
        "examinar", "evaluar", "explorar", "plantearse", "contemplar", "analizar", "analyser",
    ),
    2: (
        "continuer", "poursuivre", "maintenir", "persévérer", "continuar", "proseguir", "seguir",
        "mantener", "perseverar",
    ),
    1: ("partager", "solliciter", "demander", "coopérer", "compartir", "solicitar", "cooperar"),
}  # fmt: skip

# Addressees and politeness that precede the verb: "That the Government …", "We recommend to …".
_PREAMBLE = re.compile(
    r"^\s*(?:(?:we\s+)?(?:recommend|urge|call\s+on|ask)s?\s+(?:that\s+)?(?:to\s+)?)?"
    r"(?:that\s+)?(?:the\s+(?:state|government|authorities)(?:\s+of\s+[\w\s-]+?)?\s+"
    r"(?:should\s+|shall\s+|must\s+)?)?(?:to\s+)?(?:urgently\s+|promptly\s+|immediately\s+)?",
    re.IGNORECASE,
)

_BY_LENGTH: tuple[tuple[str, int], ...] = tuple(
    sorted(
        (
            (phrase, cat)
            for table in (CATEGORY_PHRASES, FR_ES_PHRASES)
            for cat, phrases in table.items()
            for phrase in phrases
        ),
        key=lambda pair: -len(pair[0]),
    )
)


@dataclass(frozen=True, slots=True)
class ActionCheck:
    """A draft's action category, the phrase that decided it and who decided (rule or model)."""

    category: int | None
    phrase: str
    decided_by: str  # "rule" or "model"
    confidence: float | None = None  # the model's, in [0, 1]; None when the rule decided
    reason: str = ""  # the model's one-line explanation, shown to the user


Classifier = Callable[[str], int | tuple[int, float, str] | None]
"""text → category 1–5, or (category, confidence, one-line reason), or None to let the rule
decide."""
_classifier: Classifier | None = None


def register_classifier(classifier: Classifier | None) -> None:
    """Plug in a trained model (text → 1–5 or None); ``None`` goes back to the rule alone."""
    global _classifier
    _classifier = classifier


def leading_phrase(text: str) -> tuple[str, int | None]:
    """The category phrase the draft starts with after its preamble, and its category."""
    words = _PREAMBLE.sub("", text, count=1).strip().lower()
    for phrase, category in _BY_LENGTH:
        if re.match(rf"{re.escape(phrase)}\w*\b", words):
            return phrase, category
    return "", None


def action_category(text: str) -> ActionCheck:
    """The action category of ``text``: the registered model's answer, else the verb rule."""
    phrase, category = leading_phrase(text)
    if _classifier is not None:
        predicted = _classifier(text)
        confidence, reason = None, ""
        if isinstance(predicted, tuple):
            predicted, confidence, reason = predicted
        if predicted in (1, 2, 3, 4, 5):
            return ActionCheck(predicted, phrase, "model", confidence, reason)
    return ActionCheck(category, phrase, "rule")


@dataclass(frozen=True, slots=True)
class Hint:
    """One S.M.A.R.T. criterion, a translatable message and an optional detail.

    ``ok`` is ``None`` where no rule can judge the text (achievable, relevant): claiming a ✓
    there would be a lie, so the person judges.
    """

    criterion: str
    ok: bool | None
    message: str
    detail: str = ""

    @property
    def state(self) -> str:
        """``ok``, ``todo`` or ``ask`` (the person judges): one CSS class per state."""
        if self.ok is None:
            return "ask"
        return "ok" if self.ok else "todo"


_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)?\s*(?:%|per\s*cent|percent)?")
_NAMED = re.compile(
    r"\b(?:Act|Law|Code|Bill|Decree|Convention|Covenant|Protocol|Statute|Committee|Commission|"
    r"Council|Ministry|Ombudsman|Institution|Principles|Rapporteur|Plan|Strategy|Court|"
    # the same in French and Spanish drafts
    r"Loi|Ley|Código|Décret|Decreto|Convención|Pacte|Pacto|Protocole|Protocolo|Statut|Estatuto|"
    r"Comité|Commission|Comisión|Conseil|Consejo|Ministère|Ministerio|Médiateur|Defensor|"
    r"Institución|Principes|Principios|Rapporteur|Relator|Stratégie|Estrategia|Cour|Corte|"
    r"Tribunal)\b|"
    r"\b(?:CEDAW|CRC|CAT|OPCAT|ICCPR|ICESCR|CRPD|ICERD|CED|CMW|NHRI|OP-\w+)\b"
)
_YEAR = re.compile(r"\b(20\d\d)\b")

#: A cycle lasts about 4½ years: a draft should be done by the next review [003].
HORIZON_MONTHS = 54

# Time phrases are matched on a copy with one apostrophe: users type "d'ici" and "d’ici".
_APOSTROPHES = str.maketrans(dict.fromkeys("’‘ʼ`´′", "'"))

# "By the next review" and its French and Spanish forms, and "within the current cycle".
_NEXT = r"(?:next|following|upcoming|coming|prochaine?|pr[oó]xim[oa]|siguiente)"
_REVIEW = r"(?:upr|review|cycle|examen|epu|ciclo)\b"
_NEXT_REVIEW = re.compile(
    "|".join(
        (
            r"\b(?:by|before|ahead\s+of|prior\s+to|(?:no|not)\s+later\s+than|in\s+time\s+for|"
            rf"by\s+the\s+time\s+of|until)\s+(?:the\s+|its\s+|their\s+)?{_NEXT}\s+{_REVIEW}",
            r"\b(?:by|before)\s+the\s+end\s+of\s+(?:the|this|its)\s+(?:current\s+|present\s+)?"
            r"(?:upr\s+)?cycle\b",
            r"\b(?:within|during)\s+(?:the|this|its)\s+(?:current|present)\s+(?:upr\s+)?cycle\b",
            r"\b(?:d'ici|avant|au\s+plus\s+tard|jusqu'(?=à|au))\s*(?:à\s+|au\s+|lors\s+du\s+)?"
            rf"(?:le\s+|son\s+|leur\s+)?{_NEXT}\s+{_REVIEW}",
            r"\b(?:d'ici|avant)\s+(?:à\s+)?la\s+fin\s+du\s+(?:présent\s+)?cycle\b",
            r"\b(?:au\s+cours\s+du|pendant\s+le|durant\s+le)\s+"
            r"(?:présent\s+cycle|cycle\s+(?:actuel|en\s+cours))\b",
            r"\b(?:antes\s+del?|para(?:\s+el)?|a\s+m[aá]s\s+tardar\s+(?:en|para)(?:\s+el)?|"
            r"de\s+aqu[ií]\s+al?|hasta(?:\s+el)?|con\s+anterioridad\s+al?)\s+(?:su\s+)?"
            rf"{_NEXT}\s+{_REVIEW}",
            r"\b(?:antes\s+del?\s+(?:final|fin)\s+del|dentro\s+del|durante\s+el)\s+"
            r"(?:presente\s+ciclo|ciclo\s+(?:actual|en\s+curso))\b",
        )
    ),
    re.IGNORECASE,
)

# "Within two years", "dans un délai de 12 mois", "en un plazo de dos años": a duration.
_COUNTS = {
    word: number
    for number, words in {
        1: "a an one un une uno una",
        2: "two deux dos",
        3: "three trois tres",
        4: "four quatre cuatro",
        5: "five cinq cinco",
        6: "six seis",
        7: "seven sept siete",
        8: "eight huit ocho",
        9: "nine neuf nueve",
        10: "ten dix diez",
        12: "twelve douze doce",
        18: "eighteen dix-huit dieciocho",
        24: "twenty-four vingt-quatre veinticuatro",
    }.items()
    for word in words.split()
}
_COUNT = "|".join(sorted(map(re.escape, _COUNTS), key=len, reverse=True))
_WITHIN = re.compile(
    r"\b(?:within(?:\s+(?:the\s+)?(?:next|coming|following))?|"
    r"within\s+a\s+(?:period|time\s*frame|timeframe)\s+of|"
    r"(?:in|over|during)\s+the\s+(?:next|coming|following)|"
    r"dans\s+un\s+délai\s+(?:maximum\s+|maximal\s+)?d(?:e|')|dans\s+les|d'ici(?:\s+à)?|sous|"
    r"en\s+moins\s+d(?:e|')|au\s+cours\s+des|"
    r"en\s+(?:un|el)\s+plazo\s+(?:m[aá]ximo\s+)?de|dentro\s+de(?:\s+los)?|en\s+los|"
    r"en\s+menos\s+de|durante\s+los)"
    r"(?:\s+|(?<='))(?:a\s+|(?:prochain(?:e)?s|pr[oó]xim[oa]s)\s+)?"
    rf"(?P<n>\d{{1,3}}|{_COUNT})[\s-]+(?:(?:prochain(?:e)?s|pr[oó]xim[oa]s)\s+)?"
    r"(?P<unit>years?|months?|ans?|années|annees|mois|años|anos|meses)\b",
    re.IGNORECASE,
)

# A year inside a name is no deadline: "Child Rights Act 2003", "Law No. 12 of 2010",
# "Código de la Niñez de 2003", "the 2030 Agenda", "Vision 2030", "Plan 2021–2025".
_INSTRUMENT = (
    r"(?i:act|law|code|bill|decree|ordinance|regulations?|convention|covenant|protocol|statute|"
    r"constitution|charter|declaration|treaty|agreement|agenda|plan|strategy|policy|programme|"
    r"program|vision|framework|loi|décret|ordonnance|arrêté|règlement|pacte|protocole|statut|"
    r"charte|déclaration|traité|accord|stratégie|politique|cadre|ley|código|decreto|ordenanza|"
    r"reglamento|convención|pacto|protocolo|estatuto|constitución|carta|declaración|tratado|"
    r"acuerdo|programa|estrategia|política|visión|marco)\b"
)
_DEADLINE_WORD = (
    r"(?i:by|before|until|till|in|within|later|than|during|from|since|after|between|at|end|"
    r"ici|avant|après|depuis|dans|durant|pour|tard|fin|para|antes|hasta|desde|durante|tardar)\b"
)
_MONTHS = (
    r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
    r"noviembre|diciembre"
)
_NAME_WORD = (
    rf"(?:(?!{_DEADLINE_WORD})[A-ZÀ-ÖØ-Þ][\w'-]*|"
    r"(?i:no|nr|núm|num|number|of|on|the|for|and|to|de|du|des|del|la|le|les|el|los|las|sur|y|"
    rf"et|al|au|à|a|dated|relative|relatif|relativa|relativo|{_MONTHS})\b\.?|"
    r"(?i:n[°º]\.?|[dl]')|&|\d[\d./]*)"
)
_SEP = r"(?:[\s,(–—-]+|(?<=['/.]))"
_NAME_BEFORE = re.compile(rf"\b{_INSTRUMENT}(?:{_SEP}{_NAME_WORD}){{0,10}}{_SEP}\Z")
_NAME_AFTER = re.compile(
    rf"(?:[\s–—-]+(?:[A-ZÀ-ÖØ-Þ][a-zß-ÿ'-]+|\d[\d./]*)){{0,5}}[\s–—-]+{_INSTRUMENT}"
)

# A past year counts as a missed deadline only after "by", "before", "d'ici", "para" …: a
# bare "2000" may be a count ("recruit 2000 teachers").
_BY_YEAR = re.compile(
    r"\b(?:by|before|until|till|than|d'ici(?:\s+à)?|avant|jusqu'en|para|antes\s+de|hasta|"
    r"tardar\s+en)\s+(?:[\w'-]+\s+){0,3}\Z",
    re.IGNORECASE,
)


def _in_a_name(text: str, start: int, end: int) -> bool:
    """True when the year at ``text[start:end]`` belongs to a law's, treaty's or plan's name."""
    return bool(
        _NAME_BEFORE.search(text[max(0, start - 120) : start])
        or _NAME_AFTER.match(text[end : end + 120])
    )


def _time_bound(text: str, review: date | None, today: date) -> Hint:
    """Deadline check: a next-review phrase, a short duration or a year up to R + 4½ years.

    Past years and years in names are never deadlines; a year after the next review is too
    late only if it is still to come.
    """
    norm = text.translate(_APOSTROPHES)
    due = [text[m.start() : m.end()] for m in _NEXT_REVIEW.finditer(norm)]
    long = []
    for m in _WITHIN.finditer(norm):
        count = int(m["n"]) if m["n"].isdigit() else _COUNTS.get(m["n"].casefold(), 1)
        months = count if m["unit"].casefold().startswith(("month", "mois", "mes")) else count * 12
        (due if months <= HORIZON_MONTHS else long).append(text[m.start() : m.end()])
    found = [m for m in _YEAR.finditer(norm) if not _in_a_name(norm, *m.span())]
    years = [int(m[1]) for m in found]
    first = today.year if review is None else min(today.year, review.year)
    last = None if review is None else (review.year * 12 + review.month - 1 + HORIZON_MONTHS) // 12
    due += [str(y) for y in years if first <= y and (last is None or y <= last)]
    late = [str(y) for y in years if last is not None and y > last and y >= first]
    past = [
        m[1]
        for m in found
        if int(m[1]) < first and _BY_YEAR.search(norm[max(0, m.start() - 60) : m.start()])
    ]
    if due:
        ok, message, shown = True, _("Time-bound: it has a deadline before the next review."), due
    elif late:
        message = _("Time-bound: the year named falls after the next review (4½ years).")
        ok, shown = False, late
    elif long:
        message = _("Time-bound: the time frame named ends after the next review (4½ years).")
        ok, shown = False, long
    elif past:
        message = _("Time-bound: the year named has passed; add a deadline still to come.")
        ok, shown = False, past
    else:
        message = _("Time-bound: add a deadline, e.g. a year or “by the next review”.")
        ok, shown = False, []
    return Hint("time-bound", ok, message, ", ".join(dict.fromkeys(shown)))


def smart_hints(text: str, review: date | None = None, *, today: date | None = None) -> list[Hint]:
    """Hints for each S.M.A.R.T. criterion; achievable and relevant are left to the person.

    Whether the State can do it in a cycle, and whether it answers the issue's evidence, cannot
    be read from the wording, so those two hints ask (``ok=None``) instead of passing.
    """
    check = action_category(text)
    hints = [
        Hint(
            "specific",
            (check.category or 0) >= 5,
            _("Specific: it asks for one concrete action.")
            if (check.category or 0) >= 5
            else _("Specific: start with a concrete action verb (adopt, ratify, establish …)."),
            check.phrase,
        )
    ]
    measurable = [m.group(0).strip() for m in (*_NUMBER.finditer(text), *_NAMED.finditer(text))]
    measurable = [m for m in measurable if not _YEAR.fullmatch(m)]
    hints.append(
        Hint(
            "measurable",
            bool(measurable),
            _("Measurable: it names a number, a law, a treaty or a body.")
            if measurable
            else _("Measurable: name a number, a law, a treaty or a body to check it against."),
            ", ".join(dict.fromkeys(measurable)),
        )
    )
    hints.append(_time_bound(text, review, today or date.today()))
    hints.append(Hint("achievable", None, _("Achievable: can the State do this within one cycle?")))
    hints.append(Hint("relevant", None, _("Relevant: does it answer your issue's evidence?")))
    return hints
