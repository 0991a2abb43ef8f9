"""Why a ranking cannot be made: each case gets its own message instead of an empty page."""

from __future__ import annotations

from django.utils.translation import gettext as _

from ..local_names import contract, state_in_sentence


class TargetError(Exception):
    """A request the finder cannot answer; ``str()`` is a message fit for the user."""


class UnknownSuR(TargetError):
    def __init__(self, code: str) -> None:
        super().__init__(_("Unknown State under Review: “%(code)s”.") % {"code": code})


class UnknownIssue(TargetError):
    def __init__(self, names: list[str]) -> None:
        super().__init__(
            _("Unknown issue(s): %(names)s. Issues are UPR Info's names, e.g. “Women's rights”.")
            % {"names": ", ".join(f"“{n}”" for n in names)}
        )


class NoIssues(TargetError):
    def __init__(self) -> None:
        super().__init__(_("Choose at least one priority issue."))


class NoHistory(TargetError):
    def __init__(self) -> None:
        super().__init__(
            _("The corpus holds no recommendations in the chosen sessions: import data first.")
        )


class NoSuRData(TargetError):
    def __init__(self, name: str) -> None:
        message = _(
            "The corpus holds no recommendations made to %(name)s in the chosen sessions, "
            "so there is no earlier review to learn from."
        )
        super().__init__(contract(message % {"name": state_in_sentence(name)}))


class NoIssueHistory(TargetError):
    def __init__(self, names: list[str]) -> None:
        super().__init__(
            _(
                "No State made a recommendation on %(names)s (or matching the keywords) in the "
                "chosen sessions: choose a broader issue or other keywords."
            )
            % {"names": ", ".join(f"“{n}”" for n in names)}
        )
