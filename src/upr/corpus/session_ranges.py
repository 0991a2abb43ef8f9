"""Session ranges as people type them on the command line (``1-12``, ``1-5,7,9-12``)."""

from __future__ import annotations

from django.core.management.base import CommandError
from django.utils.translation import gettext as _


def parse_sessions(text: str) -> tuple[int, ...]:
    """``"1-12"`` or ``"1-5,7,9-12"`` → session numbers; ValueError with a readable message."""
    out: set[int] = set()
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        first, _sep, last = part.partition("-")
        try:
            a, b = int(first), int(last or first)
        except ValueError:
            raise ValueError(_("Not a session range: “%(t)s” (e.g. 1-12).") % {"t": part}) from None
        if a < 1 or b < a:
            raise ValueError(_("Not a session range: “%(t)s” (e.g. 1-12).") % {"t": part})
        out.update(range(a, b + 1))
    if not out:
        raise ValueError(_("No sessions given (e.g. 1-12)."))
    return tuple(sorted(out))


def sessions_option(text: str | None) -> tuple[int, ...] | None:
    """A command's optional ``--sessions``-like value; a bad range is a clear CommandError."""
    if not text:
        return None
    try:
        return parse_sessions(text)
    except ValueError as exc:
        raise CommandError(str(exc)) from None
