"""A case's history in the case file (`visitation.case/2`, SPEC §9.2): decisions, follow-ups, goals and scores
travel with the case to a fresh database and come back the same; on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlmodel import col, select

from tests.history_example import history
from tests.services.helpers import counts, placement
from visitation.domain.decision import AlternativeDraft, Consent, DecisionDraft, Outcome, Verdict
from visitation.domain.goals import GoalStatus
from visitation.domain.privacy import Privacy
from visitation.errors import InvalidInput
from visitation.services import audit, casefiles, cases, decisions, followups, goals, sos
from visitation.services.db import Db
from visitation.services.verify import verify
from visitation.store.models import Case, Decision

CASE, SPRING, WINTER = "2026-0109", "VM-2026-11-24", "VM-2026-12-08"  # the demo's case at step 3, two meetings
CPR = "110418-4932"
REASON = "Zonen peger på trin 3–4, men farmor kan ikke have V boende, og V har brug for en plejefamilie nu"
RULE = "Farmor Inge henter V fra SFO hver dag og ringer til rådgiveren, hvis far ikke er hjemme"


def _lived(db: Db) -> None:
    """The demo case through two meetings: a placement corrected (on a step outside the ruler's range, with the
    reason), a follow-up done with scores and a cadence, a sub-goal, a goal dropped, then the child home again
    with a safety plan (which makes the placement's follow-ups moot)."""
    first = decisions.record(db, CASE, SPRING, placement(goals="Går i skole hver dag\nTrives i plejefamilien",
                                                         ruler_reason=REASON))
    decisions.record(db, CASE, SPRING, placement(start=dt.date(2027, 1, 4), dissent=f"PPR; CPR {CPR}",
                                                 ruler_reason=REASON), supersedes=first.id)
    top, other = goals.listing(db, CASE)
    sub = goals.add(db, CASE, "Møder til tiden", parent_id=top.id, due=dt.date(2027, 6, 1))
    due = [f for f in followups.pending(db) if f.case_ref == CASE]
    followups.done(db, due[0].id, f"Bedre ({CPR})", scores={top.id: 7, sub: 5}, next_in="6w",
                   today=dt.date(2027, 3, 1))
    goals.close(db, other.id, GoalStatus.DROPPED, on=dt.date(2027, 3, 2))
    sos.plan(db, CASE, RULE, ["Inge"])
    decisions.record(db, CASE, WINTER, DecisionDraft(
        outcome=Outcome.APPROVED, step=3, interventions=("familiebehandling", "sikkerhedsplan"), purpose="Hjem igen",
        duration="6 måneder", start=dt.date(2027, 4, 1), rationale="Klar til at komme hjem",
        child_view="Vil hjem", child_view_how="samtale", parents_view="Ja", consent=Consent.YES,
        return_period_months=3, alternatives=(AlternativeDraft(2, "konsulentbistand", Verdict.REJECTED, "For lidt"),)))


def _moved(db: Db, fresh: Db) -> tuple[dict[str, Any], dict[str, Any]]:
    """The case exported in full from `db`, imported into `fresh`, exported from there."""
    first = casefiles.export(db, CASE, Privacy.FULL)
    casefiles.import_data(fresh, first)
    return first, casefiles.export(fresh, CASE, Privacy.FULL)


def test_the_history_comes_back_the_same(demo_db: Db, fresh: Db) -> None:
    _lived(demo_db)
    first, second = _moved(demo_db, fresh)
    assert first["format"] == "visitation.case/2"
    assert [d["outcome"] for d in first["decisions"]] == ["approved", "approved", "approved"]
    assert [d["supersedes"] for d in first["decisions"]] == [None, 0, None]
    assert [d["meeting"]["ref"] for d in first["decisions"]] == [SPRING, SPRING, WINTER]
    assert [f["moot_by"] for f in first["decisions"][1]["followups"]] == [None, 2, 2, 2]
    assert [(g["text"], g["parent"], g["status"]) for g in first["goals"]] == [
        ("Går i skole hver dag", None, "open"), ("Trives i plejefamilien", None, "dropped"),
        ("Møder til tiden", 0, "open")]
    assert [s["score"] for g in first["goals"] for s in g["scores"]] == [7, 5]
    # The decision's columns of issue 13 travel with it (STORED_FIELDS), and so does the plan it kept.
    assert [(d["ruler_reason"], d["safety_plan"]) for d in first["decisions"]] == [
        (REASON, ""), (REASON, ""), ("", f"{RULE} (holdes af: Inge)")]
    assert first["signs_of_safety"]["plan"] == [{"rule": RULE, "keepers": ["Inge"]}]
    # A new database changes one thing only, and not here: the path's first point is dated by the case's
    # creation there or its first decision, whichever is earlier (the next test).
    assert second == first
    assert first["trajectory"][0]["event"] == "sagen oprettet"


def test_only_the_cases_creation_date_is_new(demo_db: Db, fresh: Db) -> None:
    """A case created long before it moves: the new database dates its creation by the first decision."""
    _lived(demo_db)
    with demo_db.write() as session:
        case = session.exec(select(Case).where(Case.ref == CASE)).one()
        case.created_at = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
        session.add(case)
    first, second = _moved(demo_db, fresh)
    decided = dt.datetime.fromisoformat(first["decisions"][0]["created_at"]).date()
    assert first["trajectory"][0]["date"] == "2020-01-01"
    assert second == {**first, "trajectory": [{**first["trajectory"][0], "date": decided.isoformat()},
                                              *first["trajectory"][1:]]}


def test_restored_decisions_are_history_appended_to_the_chain(demo_db: Db) -> None:
    _lived(demo_db)
    with demo_db.read() as session:
        head = session.exec(select(Decision).order_by(col(Decision.id).desc())).first()
    assert head is not None
    case_id = casefiles.import_data(demo_db, history())
    with demo_db.read() as session:
        rows = session.exec(select(Decision).where(Decision.case_id == case_id).order_by(col(Decision.id))).all()
        assert rows[0].prev_hash == head.hash and rows[0].id > head.id  # type: ignore[operator]
        assert [r.prev_hash for r in rows[1:]] == [r.hash for r in rows[:-1]]
        assert {r.meeting_id for r in rows} == {None}
        assert [(r.created_at, r.created_by) for r in rows] == [
            (dt.datetime(2025, 3, 4, 10, 15, tzinfo=dt.UTC), "Hanne Kjeldsen"),
            (dt.datetime(2025, 9, 2, 9, 30, 12, 345678, tzinfo=dt.UTC), "Hanne Kjeldsen"),
            (dt.datetime(2025, 9, 2, 9, 48, tzinfo=dt.UTC), "Jonas Kragh")]
        assert rows[2].supersedes_id == rows[1].id
    assert verify(demo_db).findings == ()
    events = [e for e in audit.events(demo_db, case_id) if e.entity == "decision"]
    assert [(e.action, e.detail) for e in events] == [
        ("import", "3 beslutninger (4 opfølgninger) og 3 mål (3 scoringer) indlæst med sagen")]


def test_restored_followups_and_goals_are_as_they_were(db: Db) -> None:
    case_id = casefiles.import_data(db, history())
    shown = cases.show(db, str(case_id))
    assert shown.step == 3
    assert [(d.superseded, d.step_before, d.step) for d in shown.decisions] == [
        (False, 2, 3), (True, 3, 4), (False, 3, 3)]
    # Still due: the last decision's follow-up (the replaced one's is not; the moot one is not).
    assert [(f.due, f.decision_id) for f in followups.pending(db)] == [
        (dt.date(2025, 12, 15), shown.decisions[2].id)]
    listed = goals.listing(db, str(case_id))
    assert [(g.text, g.parent_id, g.status, [(p.date, p.score) for p in g.scores]) for g in listed] == [
        ("Liva kommer i skole hver dag", None, "open", [(dt.date(2025, 6, 2), 4), (dt.date(2025, 9, 1), 6)]),
        ("Morgenmad hver dag", listed[0].id, "reached", [(dt.date(2025, 6, 2), 7)]),
        ("Mor i behandling", None, "dropped", [])]


def test_below_full_a_cpr_in_the_history_is_masked(demo_db: Db) -> None:
    _lived(demo_db)
    internal = casefiles.export(demo_db, CASE)
    assert CPR not in str(internal) and "110418-xxxx" in internal["decisions"][1]["dissent"]
    assert "110418-xxxx" in internal["decisions"][1]["followups"][0]["note"]
    full = casefiles.export(demo_db, CASE, Privacy.FULL)
    assert CPR in full["decisions"][1]["dissent"]


def test_a_text_longer_than_its_column_names_the_field_and_writes_nothing(db: Db) -> None:
    data = history()
    data["decisions"][1]["child_view_how"] = "x" * 501
    before = counts(db)
    with pytest.raises(InvalidInput, match=r"^decisions\[1\]\.child_view_how: er for lang \(højst 500 tegn\)$"):
        casefiles.import_data(db, data)
    assert counts(db) == before
