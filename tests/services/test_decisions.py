"""Recording decisions: rules, follow-ups, supersession, the docket, the audit log — all or nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.services.helpers import counts, placement
from visitation.domain.decision import Consent, DecisionDraft, Outcome
from visitation.errors import DecisionExists, InvalidInput, RuleViolation
from visitation.services import audit, cases, decisions, followups, goals, meetings
from visitation.services.db import Db

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
    # BL § 91 counts from the meeting (24 November), BL §§ 95 and 156 from the start (1 December); the
    # supervision visits continue as each is done.
    assert [(f.due, f.kind) for f in done.followups] == [
        (dt.date(2027, 2, 24), "barnets-plan"), (dt.date(2027, 3, 1), "first"), (dt.date(2027, 6, 1), "tilsyn")]
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
    # BL § 91: barnets plan before the committee decides (2 weeks after the referral, a working deadline).
    assert [(f.kind, f.due) for f in done.followups] == [("barnets-plan", dt.date(2026, 12, 8))]
    [decision] = cases.show(demo_db, CASE).decisions
    assert decision.legal_basis[-2:] == ["BL § 47 (tidl. SEL § 58)", "BL § 142 (tidl. SEL § 74)"]
    assert cases.show(demo_db, CASE).step == 3
    assert next(d.state for d in meetings.show(demo_db, MEETING).docket if d.case_ref == CASE) == "referred"


def test_a_correction_supersedes_and_retires_old_followups(demo_db: Db) -> None:
    first = decisions.record(demo_db, CASE, MEETING, placement())
    second = decisions.record(demo_db, CASE, MEETING, placement(start=dt.date(2027, 1, 4)), supersedes=first.id)
    assert second.supersedes_id == first.id
    pending = followups.pending(demo_db)
    assert {f.decision_id for f in pending if f.case_ref == CASE} == {second.id}
    shown = cases.show(demo_db, CASE)
    assert [d.superseded for d in shown.decisions] == [True, False]
    assert shown.decisions[1].step_before == 3


def test_a_second_decision_without_supersedes_names_the_one_in_force_and_writes_nothing(demo_db: Db) -> None:
    first = decisions.record(demo_db, CASE, MEETING, placement())
    before = counts(demo_db)
    with pytest.raises(DecisionExists, match=f"beslutning {first.id} .*--supersedes {first.id}"):
        decisions.record(demo_db, CASE, MEETING, placement(start=dt.date(2027, 1, 4)))
    assert counts(demo_db) == before


def test_a_stale_supersedes_is_refused_naming_the_decision_now_in_force(demo_db: Db) -> None:
    first = decisions.record(demo_db, CASE, MEETING, placement())
    second = decisions.record(demo_db, CASE, MEETING, placement(start=dt.date(2027, 1, 4)), supersedes=first.id)
    before = counts(demo_db)
    with pytest.raises(DecisionExists, match=f"den gældende er nu beslutning {second.id}"):
        decisions.record(demo_db, CASE, MEETING, placement(start=dt.date(2027, 2, 1)), supersedes=first.id)
    with pytest.raises(DecisionExists, match="ingen beslutning"):
        decisions.record(demo_db, "2026-0101", MEETING, placement(), supersedes=first.id)
    assert counts(demo_db) == before
    assert decisions.current(demo_db, CASE, MEETING).id == second.id  # type: ignore[union-attr]


def test_postponing_a_placed_case_puts_the_child_back_where_the_meeting_found_it(demo_db: Db) -> None:
    placed = decisions.record(demo_db, CASE, MEETING, placement())
    assert cases.show(demo_db, CASE).step == 5
    decisions.record(demo_db, CASE, MEETING, DecisionDraft(outcome=Outcome.POSTPONED, step=5, rationale="Udsat"),
                     supersedes=placed.id)
    assert cases.show(demo_db, CASE).step == 3
    assert [f for f in followups.pending(demo_db) if f.case_ref == CASE] == []


def test_case_must_be_on_the_docket(demo_db: Db) -> None:
    with pytest.raises(InvalidInput, match="ikke på dagsordenen"):
        decisions.record(demo_db, "2026-0101", "VM-2026-12-08", placement())


def test_closed_meeting_takes_no_decisions(demo_db: Db) -> None:
    meetings.close(demo_db, MEETING, postpone_rest="Tiden slap op")  # the untreated cases are postponed first
    with pytest.raises(InvalidInput, match="lukket"):
        decisions.record(demo_db, CASE, MEETING, placement())


def test_preview_shows_violations_and_dates_without_writing(demo_db: Db) -> None:
    before = counts(demo_db)
    result = decisions.preview(demo_db, CASE, placement(alternatives=()))
    assert any(v.rule.startswith("Mindst indgribende") for v in result.violations)
    assert result.followups[0].due == dt.date(2027, 3, 1)
    assert counts(demo_db) == before


def test_a_followup_proposes_a_step_change_and_never_moves_the_child(demo_db: Db) -> None:
    decisions.record(demo_db, CASE, MEETING, placement())
    first = followups.pending(demo_db)[0]
    done = followups.done(demo_db, first.id, "Går godt; hjemgivelse forberedes", propose_step=3,
                          today=dt.date(2026, 12, 2))
    shown = cases.show(demo_db, CASE)
    assert shown.step == 5 and len(shown.decisions) == 1
    assert shown.proposal is not None and shown.proposal.step == 3 and "hjemgivelse" in shown.proposal.rationale
    assert done.proposed_at == "VM-2026-12-08"
    assert CASE in {d.case_ref for d in meetings.show(demo_db, "VM-2026-12-08").docket}
    assert first.id not in {f.id for f in followups.pending(demo_db)}


def test_a_followup_sets_the_next_one_at_the_cadence_agreed(demo_db: Db) -> None:
    decisions.record(demo_db, CASE, MEETING, placement())
    first = followups.pending(demo_db)[0]
    done = followups.done(demo_db, first.id, "Trives", next_in="6w", today=dt.date(2027, 1, 10))
    assert done.next is not None and done.next.due == dt.date(2027, 2, 21)
    assert done.next.decision_id == first.decision_id and done.next.legal[0].startswith("BL § 95")
    assert done.next.id in {f.id for f in followups.pending(demo_db)}


@pytest.mark.parametrize("options", [{"propose_step": 9}, {"propose_step": 5}, {"next_in": "6x"},
                                     {"next_in": "0w"}, {"next_in": "30m"}])
def test_a_bad_followup_option_writes_nothing(demo_db: Db, options: dict[str, object]) -> None:
    decisions.record(demo_db, CASE, MEETING, placement())
    first = followups.pending(demo_db)[0]
    before = counts(demo_db)
    with pytest.raises(InvalidInput):
        followups.done(demo_db, first.id, "Det går skidt", **options)  # type: ignore[arg-type]
    assert counts(demo_db) == before


def test_overdue(demo_db: Db) -> None:
    decisions.record(demo_db, CASE, MEETING, placement(start=dt.date(2026, 1, 5),
                                                       investigation_done=dt.date(2025, 12, 1)))
    overdue = followups.pending(demo_db, overdue=True, today=dt.date(2026, 11, 22))
    assert [f.due for f in overdue] == [dt.date(2026, 4, 5), dt.date(2026, 7, 5)]


def test_a_decisions_goals_become_the_cases_goals_scored_at_the_followup(demo_db: Db) -> None:
    decisions.record(demo_db, CASE, MEETING, placement(goals="Går i skole hver dag\nTrives i plejefamilien"))
    found = goals.listing(demo_db, CASE)
    assert [g.text for g in found] == ["Går i skole hver dag", "Trives i plejefamilien"]
    first = followups.pending(demo_db)[0]
    followups.done(demo_db, first.id, "Bedre fremmøde", scores={found[0].id: 7}, today=dt.date(2027, 3, 1))
    assert [(p.date, p.score) for p in goals.listing(demo_db, CASE)[0].scores] == [(dt.date(2027, 3, 1), 7)]
    second = followups.pending(demo_db)[0]
    before = counts(demo_db)
    with pytest.raises(InvalidInput, match="--goal"):
        followups.done(demo_db, second.id, "x", scores={found[1].id: 11})
    assert counts(demo_db) == before


def _pending(db: Db, kind: str) -> list[followups.FollowupRow]:
    return [f for f in followups.pending(db) if f.case_ref == CASE and f.kind.split(":")[0] == kind]


def test_bl_156_stk_5_supervision_visits_in_the_second_and_third_year_of_a_placement(demo_db: Db) -> None:
    decisions.record(demo_db, CASE, MEETING, placement())  # starts 1 December 2026
    visits = []
    for _ in range(6):
        [visit] = _pending(demo_db, "tilsyn")
        visits.append(visit.due)
        done = followups.done(demo_db, visit.id, "Samtale med barnet uden personale", today=visit.due)
        assert done.recurring is not None and done.recurring.legal == ["BL § 156, stk. 5 (tidl. SEL § 148)"]
    assert visits == [dt.date(2027, 6, 1), dt.date(2027, 12, 1), dt.date(2028, 6, 1), dt.date(2028, 12, 1),
                      dt.date(2029, 6, 1), dt.date(2029, 12, 1)]
    assert [f.due for f in _pending(demo_db, "tilsyn")] == [dt.date(2030, 6, 1)]  # as long as it lasts


def test_bl_95_the_first_followup_done_without_a_cadence_sets_the_profile_s(demo_db: Db) -> None:
    decisions.record(demo_db, CASE, MEETING, placement())
    [first] = _pending(demo_db, "first")
    done = followups.done(demo_db, first.id, "Trives", today=dt.date(2027, 2, 20))
    # Socialstyrelsen's cadence for a placement: every 3 months (BL § 95 continuous follow-up).
    assert done.next is not None and done.next.due == dt.date(2027, 5, 20) and done.next.kind == "loebende:3m"
    assert done.next.legal == ["BL § 95 (tidl. SEL § 70, stk. 1)"] and "hver 3. måned" in done.next.label
    # An agreed cadence holds until another is agreed.
    agreed = followups.done(demo_db, done.next.id, "Godt", next_in="6w", today=dt.date(2027, 5, 20))
    assert agreed.next is not None and agreed.next.kind == "loebende:6w"
    kept = followups.done(demo_db, agreed.next.id, "Godt", today=dt.date(2027, 7, 1))
    assert kept.next is not None and kept.next.due == dt.date(2027, 8, 12) and kept.next.kind == "loebende:6w"
    # A task (barnets plan) done sets no follow-up.
    [plan] = _pending(demo_db, "barnets-plan")
    assert followups.done(demo_db, plan.id, "Planen er lavet", today=dt.date(2027, 2, 1)).next is None


def test_bl_30_a_preventive_measure_is_followed_up_at_the_profile_s_cadence_without_bl_95(demo_db: Db) -> None:
    from visitation.domain.decision import AlternativeDraft, Verdict

    tried = (AlternativeDraft(1, "ppr-konsultation", Verdict.REJECTED, "Prøvet i skolen"),)
    done = decisions.record(demo_db, "2026-0102", MEETING, placement(step=2, interventions=("konsulentbistand",),
                                                                     alternatives=tried, consent=Consent.NO))
    [f] = done.followups
    assert (f.kind, f.due, f.legal) == ("forebyggende-opfoelgning", dt.date(2027, 3, 1), [])
    [decision] = cases.show(demo_db, "2026-0102").decisions
    assert all("§ 95" not in c and "§ 32" not in c and "§ 46" not in c for c in decision.legal_basis)
    following = followups.done(demo_db, f.id, "Forløbet er i gang", today=dt.date(2027, 3, 1)).next
    assert following is not None and following.legal == [] and following.due == dt.date(2027, 6, 1)
