"""The case file format `visitation.case/1` (SPEC §5): the example parses, errors name the field."""

from __future__ import annotations

import copy
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

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
        (example(format="visitation.case/2"), 'format: skal være "visitation.case/1"'),
        (
            {k: v for k, v in EXAMPLE.items() if k != "format"},
            'format: skal være "visitation.case/1"',
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
