"""Recording decisions: rules, follow-ups, supersession, the docket, the audit log — all or nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from visitation.domain.decision import Consent, Outcome
from visitation.errors import InvalidInput, RuleViolation
from visitation.services import audit, cases, decisions, followups, meetings
from visitation.services.db import Db
from tests.services.helpers import counts, placement

MEETING = "VM-2026-11-24"
CASE = "2026-0109"  # socialstyrelsen, step 3, on the first demo meeting, network alternative missing


def test_placement_without_network_alternative_writes_nothing(demo_db: Db) -> None:
    before = counts(demo_db)
    draft = placement(alternatives=placement().alternatives[:1])
    with pytest.raises(RuleViolation) as err:
        decisions.record(demo_db, CASE, MEETING, draft)
    assert "trin 4 (Anbringelse i slægt eller netværk)" in err.value.message
    assert counts(demo_db) == before


def test_recorded_placement_creates_law_followups_and_moves_the_case(demo_db: Db) -> None:
    done = decisions.record(demo_db, CASE, MEETING, placement())
    assert [(f.due, f.kind) for f in done.followups] == [
        (dt.date(2027, 3, 1), "first"), (dt.date(2027, 6, 1), "tilsyn"), (dt.date(2027, 12, 1), "tilsyn")]
    shown = cases.show(demo_db, CASE)
    assert shown.step == 5
    [decision] = shown.decisions
    assert decision.step_before == 3 and decision.legal_basis[0].startswith("BL § 46")
    assert {(a["step"], a["intervention"]) for a in decision.alternatives} >= {(4, "netvaerksplejefamilie")}
    docket = meetings.show(demo_db, MEETING).docket
    assert next(d.state for d in docket if d.case_ref == CASE) == "decided"
    assert "decide" in [e.action for e in audit.events(demo_db, shown.id)]


def test_no_consent_can_only_be_referred(demo_db: Db) -> None:
    with pytest.raises(RuleViolation, match="børne- og ungeudvalget"):
        decisions.record(demo_db, CASE, MEETING, placement(consent=Consent.NO))
    done = decisions.record(demo_db, CASE, MEETING, placement(consent=Consent.NO, outcome=Outcome.REFERRED))
    assert done.followups == []
    assert cases.show(demo_db, CASE).step == 3
    assert next(d.state for d in meetings.show(demo_db, MEETING).docket if d.case_ref == CASE) == "referred"


def test_a_correction_supersedes_and_retires_old_followups(demo_db: Db) -> None:
    first = decisions.record(demo_db, CASE, MEETING, placement())
    second = decisions.record(demo_db, CASE, MEETING, placement(start=dt.date(2027, 1, 4)))
    assert second.supersedes_id == first.id
    pending = followups.pending(demo_db)
    assert {f.decision_id for f in pending if f.case_ref == CASE} == {second.id}
    shown = cases.show(demo_db, CASE)
    assert [d.superseded for d in shown.decisions] == [True, False]
    assert shown.decisions[1].step_before == 3


def test_case_must_be_on_the_docket(demo_db: Db) -> None:
    with pytest.raises(InvalidInput, match="ikke på dagsordenen"):
        decisions.record(demo_db, "2026-0101", "VM-2026-12-08", placement())


def test_closed_meeting_takes_no_decisions(demo_db: Db) -> None:
    meetings.close(demo_db, MEETING)
    with pytest.raises(InvalidInput, match="lukket"):
        decisions.record(demo_db, CASE, MEETING, placement())


def test_preview_shows_violations_and_dates_without_writing(demo_db: Db) -> None:
    before = counts(demo_db)
    result = decisions.preview(demo_db, CASE, placement(alternatives=()))
    assert any(v.rule.startswith("Mindst indgribende") for v in result.violations)
    assert result.followups[0].due == dt.date(2027, 3, 1)
    assert counts(demo_db) == before


def test_followup_done_moves_down_as_a_decision(demo_db: Db) -> None:
    decisions.record(demo_db, CASE, MEETING, placement())
    first = followups.pending(demo_db)[0]
    followups.done(demo_db, first.id, "Går godt; hjemgivelse forberedes", step=3, today=dt.date(2027, 3, 1))
    shown = cases.show(demo_db, CASE)
    assert shown.step == 3
    assert shown.decisions[-1].outcome == "changed" and shown.decisions[-1].step_before == 5
    assert first.id not in {f.id for f in followups.pending(demo_db)}


def test_followup_cannot_move_up(demo_db: Db) -> None:
    decisions.record(demo_db, CASE, MEETING, placement())
    first = followups.pending(demo_db)[0]
    before = counts(demo_db)
    with pytest.raises(InvalidInput, match="visitationsmøde"):
        followups.done(demo_db, first.id, "Det går skidt", step=6)
    assert counts(demo_db) == before


def test_overdue(demo_db: Db) -> None:
    decisions.record(demo_db, CASE, MEETING, placement(start=dt.date(2026, 1, 5)))
    overdue = followups.pending(demo_db, overdue=True, today=dt.date(2026, 11, 22))
    assert [f.due for f in overdue] == [dt.date(2026, 4, 5), dt.date(2026, 7, 5)]
