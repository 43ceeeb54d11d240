"""A meeting with a decided, a postponed, a referred and some untouched cases; reading minutes back."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from tests.services.helpers import placement
from visitation.domain.decision import Consent, DecisionDraft, Outcome
from visitation.paths import demo_dir
from visitation.services import assessments, decisions, meetings
from visitation.services.db import Db

MEETING = "VM-2026-11-24"
LATER = "VM-2026-12-08"
"""The next meeting, where the decided case is on the docket again."""
DECIDED, POSTPONED, REFERRED = "2026-0109", "2026-0102", "2026-0103"
UNTOUCHED = ("2026-0101",)
OFF_DOCKET = "2026-0104"
"""A demo case that is not on MEETING's docket (an Odder case)."""
FORMATS = ("md", "html", "docx", "json")
SCHEMA = Path(__file__).resolve().parents[2] / "visitation" / "minutes" / "schema.json"

RULER_REASON = "Netværket kan ikke løfte en sikkerhedsplan; plejefamilien er afprøvet som aflastning."
"""Why the decided case (consensus zone 4, usually steps 3–4) is placed on step 5: the ruler asks (issue 13)."""
DECIDED_DRAFT = placement(dissent="PPR ville først afprøve netværkspleje.", ruler_reason=RULER_REASON)
POSTPONED_DRAFT = DecisionDraft(outcome=Outcome.POSTPONED, step=2, interventions=(),
                                rationale="Afventer PPR's udtalelse om Noahs skolegang.",
                                parents_view="Forældrene ønsker at vente", consent=Consent.UNKNOWN)
REFERRED_DRAFT = placement(outcome=Outcome.REFERRED, consent=Consent.NO,
                           rationale="Forældrene samtykker ikke; anbringelse kræver udvalgets afgørelse.",
                           parents_view="Mor er imod en anbringelse")


def decide_three(db: Db) -> None:
    """Record the decided, postponed and referred cases (and a consensus on the decided one)."""
    meeting_id = next(m.id for m in meetings.listing(db) if m.ref == MEETING)
    assessments.add(db, DECIDED, zone=4, rater="Teamet", role="visitationsmødet", consensus=True,
                    on=dt.date(2026, 11, 24), meeting_id=meeting_id)
    decisions.record(db, DECIDED, MEETING, DECIDED_DRAFT)
    decisions.record(db, POSTPONED, MEETING, POSTPONED_DRAFT)
    decisions.record(db, REFERRED, MEETING, REFERRED_DRAFT)


def demo_case(ref: str) -> dict[str, Any]:
    """A demo case file."""
    return json.loads((demo_dir() / "cases" / f"{ref}.json").read_text(encoding="utf-8"))


def all_demo_children() -> list[dict[str, Any]]:
    """Every demo child (name, initials, birth date, cpr)."""
    return [json.loads(p.read_text(encoding="utf-8"))["child"] for p in sorted((demo_dir() / "cases").glob("*.json"))]


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[str] = []
        self.meta: dict[str, str] = {}
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "meta":
            values = dict(attrs)
            if values.get("name"):
                self.meta[str(values["name"])] = str(values.get("content"))
        if tag in ("style", "title"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "title"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def parse_html(data: bytes) -> _Text:
    """The HTML parsed with the standard library's parser."""
    parser = _Text()
    parser.feed(data.decode("utf-8"))
    parser.close()
    return parser


def docx_text(data: bytes) -> str:
    """Every paragraph and table cell of a Word file, opened with python-docx."""
    import docx

    word = docx.Document(io.BytesIO(data))
    lines = [p.text for p in word.paragraphs]
    for table in word.tables:
        lines += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(lines)


def docx_raw(data: bytes) -> str:
    """Every XML part of a Word file, as text (for searching what must not be there)."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    return "\n".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist()
                     if n.endswith((".xml", ".rels")))


def json_strings(value: Any) -> list[str]:
    """Every string and number in a JSON value."""
    if isinstance(value, dict):
        return [s for v in value.values() for s in json_strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in json_strings(v)]
    return [] if value is None else [str(value)]


def text_of(data: bytes, fmt: str) -> str:
    """What a reader of the file sees, as one text."""
    if fmt == "md":
        return re.sub(r"\\(.)", r"\1", data.decode("utf-8"))
    if fmt == "html":
        return "".join(parse_html(data).parts)
    if fmt == "docx":
        return docx_text(data)
    return "\n".join(json_strings(json.loads(data)))


def everything(data: bytes, fmt: str) -> str:
    """Every character in the file (Word: every XML part), for privacy searches."""
    return docx_raw(data) if fmt == "docx" else data.decode("utf-8")


def changed(**kw: Any) -> DecisionDraft:
    """The decided case's draft, changed (for a correction)."""
    return replace(DECIDED_DRAFT, **kw)
