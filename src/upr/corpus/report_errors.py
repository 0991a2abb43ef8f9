"""The reasons an import of UN documents fails, in the reader's language.

The parsers (``upr.sources``) are pure and speak English; the worker stores their message with
the task. The status page shows it to the person who asked, in their language: the reasons a
user can act on are recognised here and put into words with ``gettext``; any other reason is
shown as the parser wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.utils.translation import gettext as _

_Reason = tuple[re.Pattern[str], Callable[[dict[str, str]], str]]

_REASONS: tuple[_Reason, ...] = (
    (
        re.compile(r"^(?P<name>.+?): no 'Conclusions and/or recommendations' section found"),
        lambda g: (
            _(
                "%(name)s has no “Conclusions and/or recommendations” section: is it the Working"
                " Group's report? A national report, a compilation or a stakeholders' summary holds"
                " no recommendations to import."
            )
            % g
        ),
    ),
    (
        re.compile(r"^(?P<name>.+?): no Working Group report among the files"),
        lambda g: (
            _(
                "No Working Group report among %(name)s. The report, titled “Report of the Working"
                " Group on the Universal Periodic Review”, holds the recommendations; the addendum"
                " and the thematic list go in their own fields beside it."
            )
            % g
        ),
    ),
    (
        re.compile(
            r"^(?P<name>.+?): the report is about (?P<printed>.+?), not (?P<typed>[A-Z]{3}):"
        ),
        lambda g: (
            _(
                "%(name)s is the report on %(printed)s, not on %(typed)s: leave the State empty to"
                " use the report's, or upload that State's report."
            )
            % g
        ),
    ),
    (
        re.compile(
            r"^(?P<name>.+?): the report is of session (?P<printed>\d+), not (?P<typed>\d+):"
        ),
        lambda g: (
            _(
                "%(name)s is the report of session %(printed)s, not %(typed)s: leave the session"
                " empty to use the report's."
            )
            % g
        ),
    ),
    (
        re.compile(
            r"^(?P<name>.+?): (?P<symbol>\S+) is already imported for the review of"
            r" (?P<sur>[A-Z]{3}) at session (?P<session>\d+):"
        ),
        lambda g: (
            _(
                "%(symbol)s is already imported for the review of %(sur)s at session %(session)s:"
                " import it there, or check the session you gave."
            )
            % g
        ),
    ),
    (
        re.compile(r"^(?P<name>.+?): truncated PDF"),
        lambda g: (
            _("%(name)s is cut short (its end is missing): download it again from the UN's site.")
            % g
        ),
    ),
)


def explain(reason: str) -> str:
    """The parser's reason for the reader: translated when known, else as written."""
    for pattern, words in _REASONS:
        if m := pattern.match(reason):
            return words(m.groupdict())
    return reason
