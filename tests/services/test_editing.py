"""Edits made in the meeting: versions, conflicts that name the field, nothing overwritten silently."""

from __future__ import annotations

from dataclasses import replace

import pytest

from visitation.domain.casefile import NetworkPerson
from visitation.domain.decision import AlternativeDraft, Verdict
from visitation.errors import Conflict, InvalidInput
from visitation.services import alternatives, audit, cases, drafts, meetings, network
from visitation.services.db import Db

CASE, MEETING = "2026-0109", "VM-2026-11-24"


def _person(db: Db) -> tuple[int, NetworkPerson]:
    person = NetworkPerson("Grethe", "mormor", "family", 1, "resource", True, "")
    return network.add(db, CASE, person), person


def test_network_update_and_remove(demo_db: Db) -> None:
    pid, person = _person(demo_db)
    row = network.update(demo_db, pid, 1, replace(person, ring=2), base=person)
    assert (row.ring, row.version) == (2, 2)
    network.remove(demo_db, pid, 2)
    assert pid not in {m.id for m in cases.show(demo_db, CASE).network}


def test_stale_edit_of_the_same_field_is_a_conflict_naming_it(demo_db: Db) -> None:
    pid, person = _person(demo_db)
    network.update(demo_db, pid, 1, replace(person, ring=3), base=person)       # the other user
    with pytest.raises(Conflict, match="ring er nu '3'"):
        network.update(demo_db, pid, 1, replace(person, ring=2), base=person)   # me, from version 1
    assert next(m for m in cases.show(demo_db, CASE).network if m.id == pid).ring == 3


def test_stale_edit_of_another_field_merges(demo_db: Db) -> None:
    pid, person = _person(demo_db)
    network.update(demo_db, pid, 1, replace(person, note="ringer hver søndag"), base=person)
    row = network.update(demo_db, pid, 1, replace(person, ring=2), base=person)
    assert (row.ring, row.note) == (2, "ringer hver søndag")


def test_alternatives_add_and_conflict(demo_db: Db) -> None:
    alt = AlternativeDraft(4, "netvaerksplejefamilie", Verdict.REJECTED, "Farmor kan ikke")
    rows = alternatives.add(demo_db, CASE, alt)
    new = next(r for r in rows if r.intervention == "netvaerksplejefamilie")
    alternatives.update(demo_db, new.id, new.version, replace(alt, reason="Farmor er syg"), base=alt)
    with pytest.raises(Conflict, match="reason"):
        alternatives.update(demo_db, new.id, new.version, replace(alt, reason="Noget andet"), base=alt)
    with pytest.raises(InvalidInput, match="ligger på trin 4"):
        alternatives.add(demo_db, CASE, replace(alt, step=3))


def test_draft_fields_survive_and_conflict_per_field(demo_db: Db) -> None:
    state = drafts.save(demo_db, CASE, MEETING, "rationale", "Første udkast", None, 0)
    state = drafts.save(demo_db, CASE, MEETING, "purpose", "Tryghed", None, state.version)
    assert drafts.load(demo_db, CASE, MEETING).fields == {"rationale": "Første udkast", "purpose": "Tryghed"}
    other = Db(demo_db.engine, "kollega")
    drafts.save(other, CASE, MEETING, "rationale", "Kollegaens tekst", "Første udkast", state.version)
    with pytest.raises(Conflict, match="kollega har ændret feltet 'rationale'"):
        drafts.save(demo_db, CASE, MEETING, "rationale", "Min tekst", "Første udkast", state.version)
    merged = drafts.save(demo_db, CASE, MEETING, "duration", "6 måneder", None, state.version)
    assert merged.fields["rationale"] == "Kollegaens tekst" and merged.fields["duration"] == "6 måneder"
    changes = [(e.user, e.action, e.detail) for e in audit.events(demo_db) if e.entity == "draft_decision"]
    assert changes == [
        ("tester", "update", "rationale: 'Første udkast'"),
        ("tester", "update", "purpose: 'Tryghed'"),
        ("kollega", "update", "rationale: 'Kollegaens tekst'"),
        ("tester", "conflict", "afvist, en anden havde ændret det: rationale: 'Min tekst'"),
        ("tester", "update", "duration: '6 måneder'"),
    ]  # both values of the contested field are in the audit log; the second was not written


def test_docket_start_and_reorder(demo_db: Db) -> None:
    shown = meetings.start_case(demo_db, MEETING, CASE)
    assert shown.state == "running"
    assert next(d.state for d in shown.docket if d.case_ref == CASE) == "in_progress"
    before = [d.case_ref for d in shown.docket]
    after = [d.case_ref for d in meetings.move(demo_db, MEETING, CASE, -1).docket]
    i = before.index(CASE)
    assert after[i - 1] == CASE and after[i] == before[i - 1]
    assert [d.case_ref for d in meetings.move(demo_db, MEETING, before[0], -1).docket] == after
