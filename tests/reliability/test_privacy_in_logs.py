"""No CPR number and no full name in the audit log's free text, whatever the team typed."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import text

from visitation.domain.casefile import NetworkPerson
from visitation.services import cases, drafts, meetings, network
from visitation.services.db import open_db

CPR = "110418-4932"
NAME = "Liva Marie Jensen"


def test_free_text_in_the_audit_log_holds_no_cpr_and_no_full_name(db_url: str) -> None:
    db = open_db(db_url, "tester")
    cases.add(db, name=NAME, birth_date=dt.date(2018, 4, 11), cpr=CPR, ref="K-1",
              reason=f"Underretning om {NAME} ({CPR})")
    meeting = str(meetings.new(db, day=dt.date(2026, 11, 24), chair="Hanne Kjeldsen"))
    person = NetworkPerson("Grethe Jensen", "mormor", "family", 2)
    member = network.add(db, "K-1", person)
    version = network.members(db, "K-1")[0].version
    network.update(db, member, version, dataclasses.replace(person, note=f"{NAME} bor hos mormor, CPR {CPR}"), person)
    meetings.add_case(db, meeting, "K-1", 20)
    drafts.save(db, "K-1", meeting, "rationale", f"{NAME} ({CPR}) skal have støtte", None, 0)
    cases.search(db, text=CPR)
    cases.search(db, text=NAME)
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT action, purpose, detail FROM audit_event")).all()
    assert len(rows) >= 5
    for action, purpose, detail in rows:
        for field in (purpose, detail):
            assert CPR not in field and "4932" not in field, (action, field)  # masked: 110418-xxxx at most
            assert NAME not in field, (action, field)
