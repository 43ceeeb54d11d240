"""Every case on the demo meetings can be decided as its caseworker proposes, once the meeting states what
Barnets lov asks (the youth's consent from 15, the investigation, § 52, the return period) – or referred
where the parents do not consent. The demo shows the rules, it does not trip over them."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from visitation.domain.decision import (
    AlternativeDraft,
    Consent,
    DecisionDraft,
    Outcome,
    Verdict,
    YouthConsent,
)
from visitation.domain.privacy import age_on
from visitation.domain.profiles import load_profile
from visitation.paths import demo_dir
from visitation.services import decisions
from visitation.services.db import Db

PLAN = json.loads((demo_dir() / "meetings.json").read_text(encoding="utf-8"))
ON_DOCKET = [(m["ref"], m["date"], item["case"]) for m in PLAN["meetings"] for item in m["docket"]]
START = dt.date(2027, 1, 4)
AT_THE_MEETING = {"2026-0109": (AlternativeDraft(4, "netvaerksplejefamilie", Verdict.REJECTED, "Intet egnet netværk"),)}
"""What the meeting adds: 2026-0109's caseworker left the network placement out (the demo shows the refusal)."""


def _case(ref: str) -> dict:  # type: ignore[type-arg]
    return json.loads((demo_dir() / "cases" / f"{ref}.json").read_text(encoding="utf-8"))


def _proposed(data: dict) -> DecisionDraft:  # type: ignore[type-arg]
    """The proposal as the meeting decides it, with what the law asks stated."""
    p = data["proposal"]
    profile = load_profile(data["profile"])
    placed, home = profile.is_placement(p["step"]), profile.is_placement(data["current_step"])
    consent = Consent(data["parents_view"]["consent"])
    return DecisionDraft(
        outcome=Outcome.APPROVED if consent is Consent.YES else Outcome.REFERRED, step=p["step"],
        interventions=tuple(p["interventions"]), purpose=p["purpose"], duration=p["duration"], start=START,
        rationale=p["rationale"], consent=consent, youth_consent=YouthConsent.YES,
        investigation_done=dt.date(2026, 11, 10) if placed else None,
        siblings="Ingen anbragte søskende" if placed else "", schooling="Drøftet med skolen" if placed else "",
        foster_assessment="Vurderet i den børnefaglige undersøgelse" if placed else "",
        return_period_months=6 if home and not placed else None, alternatives=AT_THE_MEETING.get(data["ref"], ()))


@pytest.mark.parametrize(("meeting", "day", "ref"), ON_DOCKET, ids=[f"{m}:{r}" for m, _, r in ON_DOCKET])
def test_a_demo_case_is_decided_as_proposed(demo_db: Db, meeting: str, day: str, ref: str) -> None:
    data = _case(ref)
    done = decisions.record(demo_db, ref, meeting, _proposed(data))
    expected = "approved" if data["parents_view"]["consent"] == "yes" else "referred"
    assert done.outcome == expected


def test_kerteminde_s_demo_children_are_in_its_target_group_0_to_14() -> None:
    days = {ref: dt.date.fromisoformat(day) for _, day, ref in ON_DOCKET}
    for ref, day in days.items():
        data = _case(ref)
        if data["profile"] == "kerteminde":
            assert age_on(dt.date.fromisoformat(data["child"]["birth_date"]), day) <= 14, ref
