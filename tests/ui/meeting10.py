"""A meeting of ten cases for the chair's whole path: the demo's four Socialstyrelsen cases and six copies of
them under new references (one municipality a meeting), on a docket of their own."""

from __future__ import annotations

import datetime as dt

from visitation.domain.casefile import parse_case
from visitation.paths import demo_dir
from visitation.services import casefiles, lookup, meetings
from visitation.services.db import Db

MEETING10 = "VM-2026-11-24-TI"
ORIGINALS = ("2026-0101", "2026-0102", "2026-0103", "2026-0109")
COPIES = {"2026-0901": "2026-0101", "2026-0902": "2026-0102", "2026-0903": "2026-0109",
          "2026-0904": "2026-0103", "2026-0905": "2026-0101", "2026-0906": "2026-0102"}
DOCKET = ("2026-0101", "2026-0102", "2026-0103", "2026-0109", *COPIES)


def add_meeting10(db: Db) -> str:
    """Store the six copies and the ten-case meeting on a database with the demo loaded; its reference."""
    folder = demo_dir() / "cases"
    with db.write() as session:
        for ref, original in COPIES.items():
            data = casefiles.read_json(folder / f"{original}.json")
            casefiles.store_case(session, db, parse_case({**data, "ref": ref}))
        meeting = meetings.create(session, db, day=dt.date(2026, 11, 24), chair="Hanne Kjeldsen",
                                  title="Visitationsmøde, ti sager", ref=MEETING10,
                                  participants=[meetings.NewParticipant("Hanne Kjeldsen", "mødeleder", "", True)])
        for ref in DOCKET:
            meetings.put_on_docket(session, db, meeting, lookup.case(session, ref), 20)
    return MEETING10
