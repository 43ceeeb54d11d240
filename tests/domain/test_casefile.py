"""The case file format `visitation.case/1` (SPEC §5): the example parses, errors name the field."""

from __future__ import annotations

import copy
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.history_example import changed, history
from visitation.domain.casefile import check_against, parse_case
from visitation.domain.decision import Consent, Verdict
from visitation.domain.profiles import load_profile
from visitation.errors import InvalidInput

SPEC = Path(__file__).resolve().parents[3] / "shared" / "SPEC.md"  # beside the repository, if there


def spec_example() -> dict[str, Any]:
    """The JSON example of SPEC §5, read from the spec itself when it is there."""
    if SPEC.is_file():
        block = re.search(
            r"### The case file format.*?```json\n(.*?)```", SPEC.read_text(encoding="utf-8"), re.S
        )
        assert block, "SPEC §5 example not found"
        return json.loads(block.group(1))
    return copy.deepcopy(EXAMPLE)


EXAMPLE: dict[str, Any] = {
    "format": "visitation.case/1",
    "ref": "2026-0042",
    "child": {"name": "Liva Jensen", "initials": "LJ", "birth_date": "2018-04-11", "cpr": None},
    "caseworker": "Mette Holm",
    "school": "Munkebo Skole, 2.b",
    "reason": "Underretning fra skolen: stigende fravær og uro.",
    "current_step": 3,
    "child_view": {"text": "…", "how": "børnesamtale på skolen", "date": "2026-11-10"},
    "parents_view": {"text": "…", "consent": "partial"},
    "assessments": [
        {
            "date": "2026-11-12",
            "zone": 4,
            "axis": "child",
            "rater": "Ole Berg",
            "role": "PPR",
            "protective": ["…"],
            "risk": ["…"],
            "note": "…",
        }
    ],
    "network": [
        {
            "name": "Grethe",
            "relation": "mormor",
            "sector": "family",
            "ring": 1,
            "valence": "resource",
            "placement_candidate": True,
            "note": "…",
        }
    ],
    "proposal": {
        "step": 4,
        "interventions": ["netvaerksplejefamilie"],
        "purpose": "…",
        "duration": "6 måneder",
        "rationale": "…",
    },
    "alternatives": [
        {"step": 3, "intervention": "familiebehandling", "verdict": "rejected", "reason": "…"}
    ],
}


def example(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(EXAMPLE)
    data.update(changes)
    return data


def error(data: Any) -> str:
    with pytest.raises(InvalidInput) as err:
        parse_case(data)
    assert err.value.exit_code == 2
    return err.value.message


def test_spec_example_parses() -> None:
    data = spec_example()
    assert data == EXAMPLE  # the copy here is the spec's
    case = parse_case(data)
    assert case.ref == "2026-0042"
    assert (case.child.name, case.child.initials, case.child.birth_date, case.child.cpr) == (
        "Liva Jensen",
        "LJ",
        date(2018, 4, 11),
        None,
    )
    assert (
        case.current_step == 3
        and case.caseworker == "Mette Holm"
        and case.school == "Munkebo Skole, 2.b"
    )
    assert case.child_view.how == "børnesamtale på skolen" and case.child_view.date == date(
        2026, 11, 10
    )
    assert case.parents_view.consent is Consent.PARTIAL
    [a] = case.assessments
    assert (a.date, a.zone, a.axis, a.rater, a.role, a.protective, a.risk) == (
        date(2026, 11, 12),
        4,
        "child",
        "Ole Berg",
        "PPR",
        ("…",),
        ("…",),
    )
    [n] = case.network
    assert (n.name, n.relation, n.sector, n.ring, n.valence, n.placement_candidate) == (
        "Grethe",
        "mormor",
        "family",
        1,
        "resource",
        True,
    )
    assert case.proposal is not None and case.proposal.step == 4
    assert (
        case.proposal.interventions == ("netvaerksplejefamilie",)
        and case.proposal.duration == "6 måneder"
    )
    [alt] = case.alternatives
    assert (alt.step, alt.intervention, alt.verdict) == (3, "familiebehandling", Verdict.REJECTED)
    assert case.profile is None
    check_against(case, load_profile("socialstyrelsen"))


def test_optional_parts_may_be_left_out() -> None:
    minimal = {
        "format": "visitation.case/1",
        "ref": "K-1",
        "current_step": 1,
        "child": {"name": "Liva Jensen", "initials": "LJ", "birth_date": "2018-04-11"},
    }
    case = parse_case(minimal)
    assert (
        case.assessments == ()
        and case.network == ()
        and case.alternatives == ()
        and case.proposal is None
    )
    assert case.parents_view.consent is Consent.UNKNOWN


def test_cpr_is_validated_against_the_birth_date() -> None:
    good = example(
        child={"name": "L J", "initials": "LJ", "birth_date": "2018-04-11", "cpr": "1104184932"}
    )
    assert parse_case(good).child.cpr == "110418-4932"
    wrong = example(
        child={"name": "L J", "initials": "LJ", "birth_date": "2018-04-12", "cpr": "110418-4932"}
    )
    message = error(wrong)
    assert message.startswith("child.cpr: ") and "4932" not in message
    bad = example(
        child={"name": "L J", "initials": "LJ", "birth_date": "2018-04-11", "cpr": "310218-4000"}
    )
    message = error(bad)
    assert message.startswith("child.cpr: ") and "310218" not in message


def _network(ring: Any) -> list[dict[str, Any]]:
    person = {"name": "X", "relation": "nabo", "sector": "friends", "ring": 2}
    return [dict(person), dict(person), dict(person, ring=ring)]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (example(network=_network(4)), "network[2].ring: skal være 1, 2 eller 3"),
        (example(network=_network("1")), "network[2].ring: skal være 1, 2 eller 3"),
        (example(network=_network(True)), "network[2].ring: skal være 1, 2 eller 3"),
        (
            example(network=[{"name": "X", "relation": "nabo", "sector": "neighbours", "ring": 1}]),
            "network[0].sector: skal være family | friends | school | professional",
        ),
        (
            example(network=[{"name": " ", "relation": "nabo", "sector": "family", "ring": 1}]),
            "network[0].name: mangler",
        ),
        (example(network={"name": "X"}), "network: skal være en liste"),
        (
            example(child={"name": "L", "initials": "L", "birth_date": "11-04-2018"}),
            "child.birth_date: skal være en dato ÅÅÅÅ-MM-DD",
        ),
        (
            example(child={"name": "L", "initials": "L", "birth_date": "2018-02-30"}),
            "child.birth_date: skal være en dato ÅÅÅÅ-MM-DD",
        ),
        (
            example(child={"name": "L", "initials": "L"}),
            "child.birth_date: skal være en dato ÅÅÅÅ-MM-DD",
        ),
        (example(child={"name": "L", "birth_date": "2018-04-11"}), "child.initials: mangler"),
        (example(child="Liva"), "child: skal være et objekt"),
        (
            example(assessments=[{"date": "2026-11-12", "zone": 11, "rater": "O", "role": "PPR"}]),
            "assessments[0].zone: skal være en zone (1, 2, 3 …)",
        ),
        (
            example(assessments=[{"date": "2026-11-12", "zone": "4", "rater": "O", "role": "PPR"}]),
            "assessments[0].zone: skal være en zone (1, 2, 3 …)",
        ),
        (
            example(
                assessments=[
                    {"date": "2026-11-12", "zone": 3, "axis": "family", "rater": "O", "role": "PPR"}
                ]
            ),
            "assessments[0].axis: skal være child | parents",
        ),
        (
            example(format="visitation.case/3"),
            'format: skal være "visitation.case/1" eller "visitation.case/2"',
        ),
        (
            {k: v for k, v in EXAMPLE.items() if k != "format"},
            'format: skal være "visitation.case/1" eller "visitation.case/2"',
        ),
        (example(ref="42"), "ref: skal være en sagsreference"),
        (example(ref="2026 0042"), "ref: skal være en sagsreference"),
        (example(current_step=0), "current_step: skal være et trin (1, 2, 3 …)"),
        (
            example(parents_view={"text": "x", "consent": "maybe"}),
            "parents_view.consent: skal være yes | no | partial | unknown",
        ),
        (
            example(
                alternatives=[{"step": 3, "intervention": "familiebehandling", "verdict": "maybe"}]
            ),
            "alternatives[0].verdict: skal være chosen | rejected | not-relevant",
        ),
        (
            example(proposal={"step": 4, "interventions": "netvaerksplejefamilie"}),
            "proposal.interventions: skal være en liste",
        ),
        (
            example(
                network=[
                    {
                        "name": "X",
                        "relation": "r",
                        "sector": "family",
                        "ring": 1,
                        "placement_candidate": "yes",
                    }
                ]
            ),
            "network[0].placement_candidate: skal være true eller false",
        ),
        (example(reason="x" * 20_001), "reason: er for lang"),
    ],
)
def test_errors_name_the_field(data: Any, expected: str) -> None:
    assert error(data).startswith(expected)


@pytest.mark.parametrize("data", [[], "tekst", 42, None])
def test_not_an_object(data: Any) -> None:
    assert error(data) == "filen: skal være et objekt"


# --- against a profile ---------------------------------------------------------------------------


def _against(data: dict[str, Any], profile: str = "socialstyrelsen") -> str:
    with pytest.raises(InvalidInput) as err:
        check_against(parse_case(data), load_profile(profile))
    return err.value.message


def test_check_against_unknown_intervention_key() -> None:
    data = example(proposal={"step": 4, "interventions": ["netvaerksplejefamilie", "hestevogn"]})
    assert (
        _against(data)
        == "proposal.interventions[1]: ukendt indsats 'hestevogn' i profilen socialstyrelsen"
    )
    data = example(
        alternatives=[
            EXAMPLE["alternatives"][0],
            {"step": 6, "intervention": "eksternt-opholdssted", "verdict": "rejected"},
        ]
    )
    assert (
        _against(data) == "alternatives[1].intervention: "
        "ukendt indsats 'eksternt-opholdssted' i profilen socialstyrelsen"
    )
    check_against(parse_case(data), load_profile("kerteminde"))  # a Kerteminde key


def test_check_against_alternative_on_the_wrong_step() -> None:
    data = example(
        alternatives=[{"step": 2, "intervention": "familiebehandling", "verdict": "rejected"}]
    )
    assert _against(data) == "alternatives[0].step: 'familiebehandling' ligger på trin 3, ikke 2"


def test_check_against_zone_and_steps() -> None:
    data = example(assessments=[{"date": "2026-11-12", "zone": 6, "rater": "O", "role": "PPR"}])
    assert _against(data) == "assessments[0].zone: zone 6 findes ikke i profilen socialstyrelsen"
    assert (
        _against(example(current_step=7))
        == "current_step: trin 7 findes ikke i profilen socialstyrelsen"
    )
    assert (
        _against(example(proposal={"step": 9, "interventions": []}))
        == "proposal.step: trin 9 findes ikke i profilen socialstyrelsen"
    )


# --- the history (`visitation.case/2`) -------------------------------------------------------------


def test_a_history_parses_in_order_with_its_links() -> None:
    case = parse_case(history())
    assert [d.declared["outcome"] for d in case.decisions] == ["approved", "approved", "changed"]
    first, second, last = case.decisions
    assert (first.meeting_ref, first.meeting_date, first.created_by) == ("VM-2025-03-04", date(2025, 3, 4),
                                                                         "Hanne Kjeldsen")
    assert first.created_at.isoformat() == "2025-03-04T10:15:00+00:00"
    assert second.created_at.microsecond == 345678
    assert (last.supersedes, last.leaves_on, case.current_step) == (1, 3, 3)
    assert [f.moot_by for f in first.followups] == [None, 1]
    assert first.network_snapshot[0].id == 7 and first.network_snapshot[0].person.name == "Grethe"
    assert [p.present for p in first.participants] == [True, False]
    goals = case.goals
    assert [g.parent for g in goals] == [None, 0, None]
    assert [s.score for s in goals[0].scores] == [4, 6] and goals[1].scores[0].by == "Jonas Kragh"
    check_against(case, load_profile("kerteminde"))


def test_a_first_format_file_ignores_history_fields() -> None:
    """`/1` imports exactly as before: what it does not know (history included) is left alone."""
    case = parse_case(history(format="visitation.case/1", current_step=3, decisions="rubbish", goals=[1]))
    assert case.decisions == () and case.goals == ()


def test_the_step_follows_the_last_decision() -> None:
    assert error(history(current_step=4)) == (
        "current_step: skal være 3: det trin den sidste beslutning (decisions[2]) efterlader barnet på")
    postponed = history()
    postponed["decisions"][2].update(outcome="postponed", step=5)  # leaves the child where it was (step 3)
    assert parse_case(postponed).current_step == 3
    assert parse_case(history(decisions=[], current_step=5)).current_step == 5


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (changed("decisions.1", outcome="maybe"),
         "decisions[1].outcome: skal være approved | changed | rejected | postponed | referred"),
        (changed("decisions.1", outcome=None),
         "decisions[1].outcome: skal være approved | changed | rejected | postponed | referred"),
        (changed("decisions.0", supersedes=0), "decisions[0].supersedes: skal være null (den første i listen)"),
        (changed("decisions.1", supersedes=2),
         "decisions[1].supersedes: skal være nummeret på en tidligere i listen (0–0)"),
        (changed("decisions.2", supersedes=7),
         "decisions[2].supersedes: skal være nummeret på en tidligere i listen (0–1)"),
        (changed("decisions.2", supersedes=-1),
         "decisions[2].supersedes: skal være nummeret på en tidligere i listen (0–1)"),
        (changed("decisions.2", supersedes="1"),
         "decisions[2].supersedes: skal være nummeret på en tidligere i listen (0–1)"),
        (changed("decisions.1", supersedes=0),  # then decisions[2] replaces 1, and 0 is replaced by 1 only
         None),
        (changed("decisions.2", supersedes=0, step_before=2),
         None),
        (changed("decisions.0.followups.1", moot_by=0),
         "decisions[0].followups[1].moot_by: skal være nummeret på en senere beslutning (1–2)"),
        (changed("decisions.2.followups.0", moot_by=1),
         "decisions[2].followups[0].moot_by: skal være null (ingen senere beslutning)"),
        (changed("decisions.0.followups.0", due="2025-02-30"),
         "decisions[0].followups[0].due: skal være en dato ÅÅÅÅ-MM-DD"),
        (changed("decisions.0.followups.0", done_on="i går"),
         "decisions[0].followups[0].done_on: skal være en dato ÅÅÅÅ-MM-DD"),
        (changed("decisions.0.followups.0", kind=" "), "decisions[0].followups[0].kind: mangler"),
        (changed("decisions.1", created_at="2025-09-02T09:30:12"),
         "decisions[1].created_at: skal være et tidspunkt med tidszone"),
        (changed("decisions.1", created_at="2025-09-02"),
         "decisions[1].created_at: skal være et tidspunkt med tidszone"),
        (changed("decisions.1", created_by=""), "decisions[1].created_by: mangler"),
        (changed("decisions.1", step=0), "decisions[1].step: skal være et trin"),
        (changed("decisions.1", step_before=True), "decisions[1].step_before: skal være et trin"),
        (changed("decisions.1", consent="måske"), "decisions[1].consent: skal være yes | no | partial | unknown"),
        (changed("decisions.1", start="15-09-2025"), "decisions[1].start: skal være en dato ÅÅÅÅ-MM-DD"),
        (changed("decisions.1", interventions="kontaktperson"), "decisions[1].interventions: skal være en liste"),
        (changed("decisions.1", rationale="x" * 20_001), "decisions[1].rationale: er for lang"),
        (changed("decisions.1", meeting={"ref": "VM-1"}), "decisions[1].meeting.date: skal være en dato"),
        (changed("decisions.1", meeting="VM-1"), "decisions[1].meeting: skal være et objekt"),
        (changed("decisions.0.network_snapshot.0", ring=4), "decisions[0].network_snapshot[0].ring: skal være 1"),
        (changed("decisions.0.network_snapshot.0", id="7"),
         "decisions[0].network_snapshot[0].id: skal være et id"),
        (changed("decisions.0.participants.1", present="nej"),
         "decisions[0].participants[1].present: skal være true eller false"),
        (changed("decisions.0.alternatives.0", verdict="nej"), "decisions[0].alternatives[0].verdict: skal være"),
        (history(decisions={}), "decisions: skal være en liste"),
        (changed("goals.0.scores.1", score=11), "goals[0].scores[1].score: skal være 0–10"),
        (changed("goals.0.scores.1", score=6.5), "goals[0].scores[1].score: skal være 0–10"),
        (changed("goals.0.scores.1", date=None), "goals[0].scores[1].date: skal være en dato"),
        (changed("goals.0", parent=1),
         "goals[0].parent: skal være null (den første i listen); mål og delmål kan ikke gå i ring"),
        (changed("goals.1", parent=1),
         "goals[1].parent: skal være nummeret på en tidligere i listen (0–0); mål og delmål kan ikke gå i ring"),
        (changed("goals.2", parent=1),
         "goals[2].parent: goals[1] er selv et delmål (mål har kun delmål, ikke flere niveauer)"),
        (changed("goals.0", status="done"), "goals[0].status: skal være open | reached | dropped"),
        (changed("goals.0", closed_on="2025-09-01"), "goals[0].closed_on: skal være null for et åbent mål"),
        (changed("goals.2", closed_on=None), "goals[2].closed_on: mangler for et lukket mål"),
        (changed("goals.0", text="  "), "goals[0].text: mangler"),
        (changed("goals.0", text="Mål\u202e"), "goals[0].text: indeholder styretegn"),
    ],
)
def test_history_errors_name_the_field(data: Any, expected: str | None) -> None:
    if expected is None:
        parse_case(data)  # a valid variation, for contrast
    else:
        assert error(data).startswith(expected)


def test_a_decision_is_replaced_at_most_once() -> None:
    data = changed("decisions.2", supersedes=0)
    data["decisions"][1]["supersedes"] = 0
    assert error(data) == "decisions[2].supersedes: decisions[0] er allerede erstattet af decisions[1]"
