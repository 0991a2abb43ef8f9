"""Write the "State names and aliases" section of docs/data.md from the code that it documents.

The alias table is hundreds of rows and changes whenever a new source brings a new spelling, so it
is generated rather than hand-kept; only the text between the ``states`` markers is replaced, the
rest of docs/data.md belongs to other sections. Run: ``.venv/bin/python scripts/gen_alias_doc.py``
(``--check`` exits 1 when the file is out of date, for CI).
"""

from __future__ import annotations

import sys
from pathlib import Path

from upr.sources.state_names import ALIASES, normalise
from upr.sources.states import (
    EXPORT_GROUP_WORDS,
    EXPORT_ORG_CORRECTIONS,
    ORGANISATIONS,
    REGIONAL_GROUPS,
    all_states,
    by_iso3,
)

DOC = Path(__file__).resolve().parent.parent / "docs" / "data.md"
START, END = "<!-- states:start -->", "<!-- states:end -->"

INTRO = """\
## State names and aliases

`src/upr/sources/states.py` holds the one table of States the project knows: the 193 UN Member
States and the two observer States (Holy See, State of Palestine), one literal line each, with ISO
3166 alpha-3 and alpha-2 codes, the UN short name (UNTERM English short, trailing "(the)" dropped),
a short display name, the UN regional group and organisation memberships (`StateFact`,
`all_states()`, `by_iso3()`). It is plain Python: the project works without the data directory.

**Checked against** (by `tests/sources/test_states.py`, on the real files in the data directory):

- `world-countries/countries.json` and `un_member_states_derived.csv`: UN membership, alpha-2,
  regional group. Known error in the source: Vatican City (VAT) is flagged `unMember: true`.
- `country-codes/country-codes.csv`: alpha-2/alpha-3 and UNTERM English short names. It still has
  the pre-2023 "Netherlands (the)"; we use the current UNTERM "Netherlands (Kingdom of the)".
  Its UNTERM short name is empty for CIV and TUR.
- `cehdi-upr/countries.xlsx` (UNTERM, 6 languages): our UN short names are exactly its English
  short names, in its order; every English short name resolves.
- the UPR Info export (`terman-upr-info/*.csv`): every `To`/`From` value resolves (9 rows have
  `From` = `&#40;Unknown&#41;`, recognised by `is_unknown_marker`); `To-Rgrp`/`From-Rgrp` agree
  with our groups except that the export files observers under `Observer` (Palestine is a member
  of the Asia-Pacific Group in our table); `To-Org`/`From-Org` agree except for the corrections
  below.
- Terman's `sessions.csv`, `upr-years.csv`, `year-csvs/*` (`to`, `From`), report file names, and
  every recommending State printed in parentheses in the 248 Working Group report texts.

**Regional groups.** Codes and the UPR Info export's words:

{groups}

**Organisations.** Codes met in the export's `To-Org`/`From-Org` columns:

{orgs}

Memberships are today's, not the export's (August 2015). Where they differ from the export:

{corrections}

**Normalisation** (`state_names.normalise`, the key every spelling is compared by): Unicode NFKD
with accents stripped; curly apostrophes read as `'`, and apostrophes join (`People's` ->
`peoples`); lower case; `&` reads `and`; any other run of non-letters/digits is one space; the
word `st` becomes `saint`; every `the` is dropped. The result holds only `[a-z0-9 ]`, so
`normalise` is idempotent.

**Resolution** (`state_names.resolve_state`): exact alias, then normalised alias, then the bare
letters (slug form, `unitedstatesofamerica`); it returns `None` for anything else and never raises.
ISO codes are not names (treaty acronyms such as CAT or CED look like codes): use `by_iso3`;
only the abbreviations printed as names in the reports (USA, UK, UAE, DPRK, DRC) are aliases.
Each look-up is a dictionary hit; a key claimed by two States fails at import.

### Alias table

Every spelling in `ALIASES` ({count} entries); each State's UN short name and display name are
included. Regenerate with `.venv/bin/python scripts/gen_alias_doc.py`.

| alias | ISO3 | UN short name |
|---|---|---|
"""


def _section() -> str:
    groups = "\n".join(
        f"- `{code}` — {name}; export word(s): "
        + ", ".join(f"`{w}`" for w, g in EXPORT_GROUP_WORDS.items() if g == code)
        for code, name in REGIONAL_GROUPS.items()
    )
    groups += "\n- export word `Observer` — no group (Holy See; Palestine takes Asia-Pacific)"
    orgs = "\n".join(f"- `{code}` — {name}" for code, name in ORGANISATIONS.items())
    corrections = []
    for iso3, (added, removed, reason) in EXPORT_ORG_CORRECTIONS.items():
        state = by_iso3(iso3)
        assert state is not None
        change = ", ".join([*(f"+{c}" for c in sorted(added)), *(f"−{c}" for c in sorted(removed))])
        corrections.append(f"- {state.name} (`{iso3}`): {change} — {reason}")
    order = {s.iso3: i for i, s in enumerate(all_states())}
    rows = sorted(ALIASES.items(), key=lambda item: (order[item[1]], normalise(item[0]), item[0]))
    table = "".join(f"| {alias} | {iso3} | {by_iso3(iso3).un_name} |\n" for alias, iso3 in rows)  # type: ignore[union-attr]
    return (
        INTRO.format(
            groups=groups,
            orgs=orgs,
            corrections="\n".join(corrections),
            count=len(ALIASES),
        )
        + table
    )


def render(existing: str) -> str:
    """Replace (or append) the marked section, leaving the rest of the file as it is."""
    block = f"{START}\n{_section()}{END}"
    if START in existing and END in existing:
        head, rest = existing.split(START, 1)
        _, tail = rest.split(END, 1)
        return head + block + tail
    if not existing:
        return f"# Data\n\n{block}\n"
    return existing.rstrip("\n") + "\n\n" + block + "\n"


def main(argv: list[str]) -> int:
    existing = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
    new = render(existing)
    if "--check" in argv:
        return 0 if new == existing else 1
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
