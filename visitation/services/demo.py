"""The demo database: fictional cases and meetings from `data/demo`, loaded in one transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from visitation.domain.casefile import parse_case
from visitation.errors import InvalidInput
from visitation.paths import demo_dir
from visitation.services import audit, casefiles, lookup, meetings
from visitation.services.db import Db

Progress = Callable[[str], None]


def load(db: Db, progress: Progress | None = None) -> tuple[int, int]:
    """Load every demo case and meeting (skipped if already there); returns (cases, meetings) added."""
    folder = demo_dir()
    files = sorted((folder / "cases").glob("*.json"))
    parsed = [parse_case(casefiles.read_json(p)) for p in files]
    plan = casefiles.read_json(folder / "meetings.json")
    added_cases = added_meetings = 0
    with db.write() as session:
        for case in parsed:
            try:
                lookup.case(session, case.ref)
                continue
            except InvalidInput:
                pass
            stored = casefiles.store_case(session, db, case)
            audit.log(session, db, "import", stored.id, "case", stored.id, "demo")
            added_cases += 1
            if progress:
                progress(f"sag {case.ref}")
        for item in plan.get("meetings", []):
            if _add_meeting(session, db, item):
                added_meetings += 1
    return added_cases, added_meetings


def _add_meeting(session: Any, db: Db, item: dict[str, Any]) -> bool:
    try:
        lookup.meeting(session, item["ref"])
        return False
    except InvalidInput:
        pass
    people = [meetings.NewParticipant(p["name"], p.get("role", ""), p.get("organisation", ""),
                                      p.get("present", True)) for p in item.get("participants", [])]
    meeting = meetings.create(session, db, day=dt.date.fromisoformat(item["date"]), chair=item["chair"],
                              title=item.get("title", ""), participants=people, ref=item["ref"])
    for entry in item.get("docket", []):
        meetings.put_on_docket(session, db, meeting, lookup.case(session, entry["case"]), entry.get("minutes", 20))
    return True
