"""The seeds' methods travel in the case file (SPEC §9.3): the mapping, the safety plan, the ICS notes and the
prevention triangle come back the same in a fresh database; a bad value writes nothing; the demo carries them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.history_example import METHODS, changed, history
from tests.services.helpers import counts
from visitation.domain.decision import Consent, DecisionDraft, Outcome, Verdict
from visitation.domain.privacy import Privacy
from visitation.errors import InvalidInput
from visitation.services import audit, casefiles, cases, decisions, ics, network, sos
from visitation.services.db import Db

WALKTHROUGH = "2026-0105"
"""Hjørring's case for the walk from mapping to a safety plan chosen instead of placement: mapped, no rules yet."""
RULES = [("E ringer til mormor Hanne, hvis mor og far råber; Hanne kommer eller ringer til Brian",
          ["Hanne", "Brian"]),
         ("Hører Lis uro fra lejligheden, banker hun på og ringer til Hanne", ["Lis", "Hanne"]),
         ("Rune går en tur, når han mærker vreden, og ringer til Brian", ["Rune", "Brian"])]


def _planned(db: Db) -> None:
    """The walkthrough case as the meeting leaves it: the plan written live, levels set, one more ICS note."""
    for rule, keepers in RULES:
        sos.plan(db, WALKTHROUGH, rule, keepers)
    sos.scale(db, WALKTHROUGH, "Sanne Vestergaard", 6, on=dt.date(2026, 11, 24))
    ics.note(db, WALKTHROUGH, "family", "network", strength="Brian kan ringes op døgnet rundt")
    ics.classify(db, WALKTHROUGH, prevention="tertiary", position="exposed", wellbeing="thriving")


def test_everything_comes_back_the_same_in_a_fresh_database(demo_db: Db, fresh: Db) -> None:
    _planned(demo_db)
    first = casefiles.export(demo_db, WALKTHROUGH, Privacy.FULL)
    casefiles.import_data(fresh, first)
    second = casefiles.export(fresh, WALKTHROUGH, Privacy.FULL)
    assert second == first
    mapping = first["signs_of_safety"]
    assert [len(mapping[k]) for k in ("worries", "working", "next", "danger", "goals", "scale", "plan")] == [
        4, 5, 3, 1, 2, 5, 3]
    assert mapping["plan"] == [{"rule": rule, "keepers": keepers} for rule, keepers in RULES]
    assert mapping["scale"][-1] == {"who": "Sanne Vestergaard", "score": 6, "date": "2026-11-24"}
    assert first["ics"][-1] == {"side": "family", "dimension": "network",
                                "strength": "Brian kan ringes op døgnet rundt"}
    assert (first["prevention"], first["position"], first["wellbeing"]) == ("tertiary", "exposed", "thriving")
    shown = cases.show(fresh, WALKTHROUGH)
    assert [(r.text, r.keepers) for r in shown.sos.plan] == RULES
    assert shown.sos.latest["Sanne Vestergaard"].score == 6 and len(shown.ics) == 7


def test_the_import_says_in_one_event_what_came_with_the_case(db: Db) -> None:
    case_id = casefiles.import_data(db, history())
    events = [(e.action, e.detail) for e in audit.events(db, case_id) if e.entity == "sos"]
    assert events == [("import", "kortlægning (6 linjer, 2 skaleringer), sikkerhedsplan (1 regler) og 2 ICS-noter "
                                 "indlæst med sagen")]
    assert casefiles.export(db, str(case_id), Privacy.FULL)["signs_of_safety"] == METHODS["signs_of_safety"]


def test_a_keeper_who_left_the_map_leaves_the_rule_in_the_file(demo_db: Db) -> None:
    _planned(demo_db)
    lis = next(m for m in cases.show(demo_db, WALKTHROUGH).network if m.name == "Lis")
    network.remove(demo_db, lis.id, lis.version)
    plan = casefiles.export(demo_db, WALKTHROUGH)["signs_of_safety"]["plan"]
    assert plan[1] == {"rule": RULES[1][0], "keepers": ["Hanne"]}  # the file's map has no Lis


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (changed("signs_of_safety.scale.0", score=11), "signs_of_safety.scale[0].score: "),
        (changed("signs_of_safety.scale.0", score="x"), "signs_of_safety.scale[0].score: "),
        (changed("signs_of_safety.scale.1", score=-1), "signs_of_safety.scale[1].score: "),
        (changed("signs_of_safety", farer=[{"text": "x"}]), "signs_of_safety.farer: ukendt felt"),
        (changed("signs_of_safety.worries.0", text="x" * 100_000), "signs_of_safety.worries[0].text: "),
        (changed("signs_of_safety.working.0", who="Gre\x00the"), "signs_of_safety.working[0].who: "),
        (changed("signs_of_safety.plan.0", keepers=["Grethe", "X"]),
         "signs_of_safety.plan[0].keepers[1]: «X» er ikke på sagens netværkskort"),
        (changed("ics.1", dimension="school"), "ics[1].dimension: siden family har background, housing, network"),
        (history(wellbeing="glad"), "wellbeing: "),
    ],
)
def test_a_hostile_value_is_refused_with_its_path_and_nothing_written(db: Db, data: Any, expected: str) -> None:
    before = counts(db)
    with pytest.raises(InvalidInput) as err:
        casefiles.import_data(db, data)
    assert err.value.message.startswith(expected), err.value.message
    assert counts(db) == before


# --- the demo ---------------------------------------------------------------------------------------


def test_the_demo_cases_carry_their_mapping_plan_and_ics(demo_db: Db) -> None:
    shown = {ref: cases.show(demo_db, ref) for ref in (
        "2026-0101", "2026-0102", "2026-0103", "2026-0104", "2026-0105", "2026-0106", "2026-0107", "2026-0108",
        "2026-0109", "2026-0110", "2026-0111", "2026-0112", "2026-0113")}
    mapped = {ref for ref, c in shown.items() if c.sos.of("worries") and c.sos.of("danger") and c.sos.of("goal")}
    assert mapped == {"2026-0105", "2026-0108", "2026-0111", "2026-0113", "2026-0106", "2026-0110"}
    assert all(len(shown[ref].sos.latest) >= 2 for ref in mapped)
    assert {ref for ref, c in shown.items() if c.sos.plan} == {"2026-0113"}
    assert all(r.keepers for r in shown["2026-0113"].sos.plan)
    with_ics = {ref for ref, c in shown.items() if c.ics}
    for profile in ("socialstyrelsen", "odder", "kerteminde", "hjoerring"):
        assert len({ref for ref in with_ics if shown[ref].profile == profile}) >= 2, profile
    assert {ref: (c.prevention, c.position, c.wellbeing) for ref, c in shown.items() if c.prevention} == {
        "2026-0101": ("primary", "not-exposed", "not-thriving"),
        "2026-0102": ("secondary", "at-risk", "not-thriving"),
        "2026-0103": ("secondary", "at-risk", "thriving"),
        "2026-0109": ("tertiary", "exposed", "not-thriving")}


def _rules_broken(db: Db, ref: str, **fields: Any) -> list[str]:
    """The names of the rules a draft for the demo case breaks (the case's recorded alternatives included)."""
    draft = DecisionDraft(outcome=Outcome.APPROVED, rationale="Som indstillet", consent=Consent.PARTIAL, **fields)
    return [v.rule for v in decisions.preview(db, ref, draft, on=dt.date(2026, 11, 24)).violations]


def test_the_walkthrough_goes_from_mapping_to_a_safety_plan_instead_of_placement(demo_db: Db) -> None:
    case = cases.show(demo_db, WALKTHROUGH)
    assert case.profile == "hjoerring" and case.sos.plan == [] and len(case.sos.of("danger")) == 1
    assert any(a.step >= 4 and a.verdict == Verdict.REJECTED for a in case.alternatives)  # placement weighed
    plan = {"step": 3, "interventions": ("sikkerhedsplan", "familiebehandling")}
    assert "Sikkerhedsplan" in _rules_broken(demo_db, WALKTHROUGH, **plan)  # the rules are written at the meeting
    _planned(demo_db)
    assert "Sikkerhedsplan" not in _rules_broken(demo_db, WALKTHROUGH, **plan)


@pytest.mark.parametrize(("ref", "step", "key"), [("2026-0108", 5, "plejefamilie"),
                                                  ("2026-0111", 6, "kost-efterskole")])
def test_hjoerrings_demo_placements_have_weighed_a_safety_plan(demo_db: Db, ref: str, step: int, key: str) -> None:
    broken = _rules_broken(demo_db, ref, step=step, interventions=(key,))
    assert not [r for r in broken if r.startswith("Sikkerhedsplan")], broken
