"""One review's UN documents read together: the WG report and, optionally, the State's answers.

A review's recommendations are printed in the WG report; the State's final position is in the
addendum ("Views on conclusions …") and again in the OHCHR thematic list. Users hand over the
files in any order, so each file is recognised by its content, not its name. The final
response of a recommendation is the most authoritative one found: thematic list, then
addendum, then the report's own grouping ("enjoy the support of …"), which for recent
reports is only "will be examined". Pure: bytes in, records out; any problem is a
:class:`DocumentError` naming the file and the reason.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from upr.sources.addendum import ParsedAddendum, parse_addendum_text
from upr.sources.thematic_list import ThematicList, parse_thematic_list_data
from upr.sources.un_text import DocumentError, document_text
from upr.sources.wg_report import ParsedDocument, parse_wg_report_text

__all__ = ["BundleRecommendation", "ReportBundle", "read_bundle"]


@dataclass(frozen=True)
class BundleRecommendation:
    paragraph: str
    text: str
    recommending_states: tuple[str, ...]
    unknown_states: tuple[str, ...]
    response: str | None  # wording as found: "supported", "noted", "partially supported" …
    response_source: str  # "thematic list" / "addendum" / "report"


@dataclass
class ReportBundle:
    report: ParsedDocument
    addendum: ParsedAddendum | None = None
    thematic: ThematicList | None = None
    recommendations: list[BundleRecommendation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        docs = [self.report, self.addendum, self.thematic]
        return [d.name for d in docs if d is not None]


_ADDENDUM = re.compile(
    r"Views on conclusions|Addendum\b.{0,400}?(?:replies|responses?) (?:presented|of)",
    re.IGNORECASE | re.DOTALL,
)


def _paragraph_prefix(report: ParsedDocument) -> str | None:
    """The addendum often writes '18' for '115.18': complete it when the report has one
    recommendation paragraph; with several (121.x supported, 122.x examined) it cannot."""
    tops = Counter(r.paragraph.split(".")[0] for r in report.recommendations if "." in r.paragraph)
    return next(iter(tops)) if len(tops) == 1 else None


def read_bundle(files: list[tuple[str, bytes]]) -> ReportBundle:
    """Recognise the WG report, addendum and thematic list among ``files`` and combine them."""
    reports: list[ParsedDocument] = []
    addenda: list[tuple[str, str]] = []
    thematic: list[ThematicList] = []
    for name, data in files:
        if name.lower().endswith(".docx"):
            try:
                thematic.append(parse_thematic_list_data(data, name))
                continue
            except DocumentError:
                pass  # a WG report or addendum saved as .docx: read it as text below
        text = document_text(data, name)
        if _ADDENDUM.search(text[:6000]) and "Conclusions and" not in text[:200]:
            addenda.append((name, text))
        else:
            reports.append(parse_wg_report_text(text, name))
    if len(reports) != 1:
        names = ", ".join(name for name, _ in files)
        raise DocumentError(names, _no_single_report(reports, addenda, thematic))
    if len(addenda) > 1 or len(thematic) > 1:
        raise DocumentError(addenda[-1][0] if len(addenda) > 1 else thematic[-1].name,
                            "give at most one addendum and one thematic list")  # fmt: skip
    bundle = ReportBundle(reports[0], thematic=thematic[0] if thematic else None)
    bundle.warnings += bundle.report.warnings
    if addenda:
        name, text = addenda[0]
        bundle.addendum = parse_addendum_text(text, name, _paragraph_prefix(bundle.report))
        bundle.warnings += [f"{name}: {w}" for w in bundle.addendum.warnings]
        _check_same_review(bundle.report, bundle.addendum)
    if bundle.thematic:
        bundle.warnings += [f"{bundle.thematic.name}: {w}" for w in bundle.thematic.warnings]
    _combine(bundle)
    return bundle


def _no_single_report(
    reports: list[ParsedDocument], addenda: list[tuple[str, str]], thematic: list[ThematicList]
) -> str:
    """Why the files are not one review's documents, in words that say what to do."""
    if reports:
        found = ", ".join(r.name for r in reports)
        return f"{found} are each a Working Group report: import one review's documents at a time"
    others = [f"{name} is an addendum (the State's responses)" for name, _ in addenda]
    others += [f"{t.name} is a thematic list of recommendations" for t in thematic]
    return (
        "no Working Group report among the files"
        + (f" ({'; '.join(others)})" if others else "")
        + ': the report, titled "Report of the Working Group on the Universal Periodic'
        ' Review", holds the recommendations; the addendum and the thematic list go in their'
        " own fields beside it"
    )


def _check_same_review(report: ParsedDocument, addendum: ParsedAddendum) -> None:
    if addendum.sur and report.sur and addendum.sur != report.sur:
        raise DocumentError(
            addendum.name, f"answers of {addendum.sur}, but the report reviews {report.sur}"
        )
    if addendum.session and report.session and addendum.session != report.session:
        raise DocumentError(
            addendum.name,
            f"session {addendum.session}, but the report is of session {report.session}",
        )


def _combine(bundle: ReportBundle) -> None:
    by_thematic = {r.paragraph: r.position for r in bundle.thematic.recommendations} if (
        bundle.thematic) else {}  # fmt: skip
    by_addendum = {p: r.response for p, r in bundle.addendum.by_paragraph().items()} if (
        bundle.addendum) else {}  # fmt: skip
    paragraphs = {r.paragraph for r in bundle.report.recommendations}
    for doc, found in ((bundle.thematic, by_thematic), (bundle.addendum, by_addendum)):
        if doc is None:
            continue
        if not paragraphs & found.keys():
            raise DocumentError(doc.name, "its paragraph numbers do not match the report's")
        if missing := len(paragraphs - found.keys()):
            bundle.warnings.append(
                f"{doc.name}: gives no position (supported or noted) for {missing} of the"
                " report's recommendations; their response stays as the report has it"
            )
    for rec in bundle.report.recommendations:
        if rec.paragraph in by_thematic:
            response, source = by_thematic[rec.paragraph], "thematic list"
        elif rec.paragraph in by_addendum:
            response, source = by_addendum[rec.paragraph], "addendum"
        else:
            response, source = rec.response, "report"
        bundle.recommendations.append(
            BundleRecommendation(
                rec.paragraph,
                rec.text,
                rec.recommending_states,
                rec.unknown_states,
                response,
                source,
            )
        )
