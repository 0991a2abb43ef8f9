"""``{{ day|long_date }}``: a date in words, as each language writes it.

"19 January 2027", "19 janvier 2027" (and "1er janvier"), "19 de enero de 2027"; with
``"weekday"``: "Tuesday 19 January 2027", "mardi 19 janvier 2027", "martes, 19 de enero de
2027". Django's ``date`` filter translates the names but takes one pattern for all languages.
"""

from __future__ import annotations

from datetime import date

from django import template
from django.utils.dateformat import format as date_format
from django.utils.translation import get_language

register = template.Library()

_PATTERNS = {
    "en": ("j F Y", "l j F Y"),
    "fr": ("j F Y", "l j F Y"),
    "es": (r"j \d\e F \d\e Y", r"l, j \d\e F \d\e Y"),
}


@register.filter
def long_date(day: date | None, style: str = "") -> str:
    if not day:
        return ""
    language = (get_language() or "en").split("-")[0]
    plain, with_weekday = _PATTERNS.get(language, _PATTERNS["en"])
    pattern = with_weekday if style == "weekday" else plain
    if language == "fr" and day.day == 1:  # "1er janvier", as French writes the first
        pattern = pattern.replace("j", r"j\e\r", 1)
    return date_format(day, pattern)
