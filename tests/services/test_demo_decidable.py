"""Every case on the demo meetings can be decided as its caseworker proposes, once the meeting states what
Barnets lov asks (the youth's consent from 15, the investigation, § 52, the return period) and what the profile
asks (a safety plan weighed before a placement in Hjørring; the reason for a step outside the ruler's range) – or
referred where the parents do not consent. The demo shows the rules, it does not trip over them."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

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
from visitation.domain.profiles import Profile, load_profile
from visitation.domain.sos import SAFETY_PLAN_KEY
from visitation.paths import demo_dir
from visitation.services import decisions
from visitation.services.db import Db

PLAN = json.loads((demo_dir() / "meetings.json").read_text(encoding="utf-8"))
ON_DOCKET = [(m["ref"], m["date"], item["case"]) for m in PLAN["meetings"] for item in m["docket"]]
START = dt.date(2027, 1, 4)
AT_THE_MEETING = {"2026-0109": (AlternativeDraft(4, "netvaerksplejefamilie", Verdict.REJECTED, "Intet egnet netværk"),)}
"""What the meeting adds: 2026-0109's caseworker left the network placement out (the demo shows the refusal)."""
SAFETY = AlternativeDraft(3, SAFETY_PLAN_KEY, Verdict.REJECTED, "Netværket kan ikke holde en sikkerhedsplan")
"""What a Hjørring meeting adds before a placement when the caseworker has not weighed a safety plan."""
RULER_REASON = "Barnets behov går ud over det, zonen normalt peger på"
"""What the meeting says when the proposal lies outside the steps the case's zone usually calls for."""


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
        return_period_months=6 if home and not placed else None,
        alternatives=AT_THE_MEETING.get(data["ref"], ()) + _safety_plan_weighed(data, profile, placed))


def _safety_plan_weighed(data: dict, profile: Profile, placed: bool) -> tuple[AlternativeDraft, ...]:  # type: ignore[type-arg]
    """The safety plan weighed at the meeting, where the profile asks it before a placement and the case has none."""
    weighed = any(a["intervention"] == SAFETY_PLAN_KEY for a in data.get("alternatives", []))
    return (SAFETY,) if placed and profile.methods.safety_plan_before_placement and not weighed else ()


def as_decided(db: Db, meeting: str, ref: str) -> DecisionDraft:
    """The proposal as the meeting decides it, with the meeting's reason where it lies outside the steps the case's
    zone usually calls for (and only there)."""
    draft = _proposed(_case(ref))
    day = next(dt.date.fromisoformat(d) for m, d, _ in ON_DOCKET if m == meeting)
    outside = any(v.rule.startswith("Linealens retning") for v in decisions.preview(db, ref, draft, day).violations)
    return replace(draft, ruler_reason=RULER_REASON) if outside else draft


@pytest.mark.parametrize(("meeting", "day", "ref"), ON_DOCKET, ids=[f"{m}:{r}" for m, _, r in ON_DOCKET])
def test_a_demo_case_is_decided_as_proposed(demo_db: Db, meeting: str, day: str, ref: str) -> None:
    data = _case(ref)
    done = decisions.record(demo_db, ref, meeting, as_decided(demo_db, meeting, ref))
    expected = "approved" if data["parents_view"]["consent"] == "yes" else "referred"
    assert done.outcome == expected


def test_kerteminde_s_demo_children_are_in_its_target_group_0_to_14() -> None:
    days = {ref: dt.date.fromisoformat(day) for _, day, ref in ON_DOCKET}
    for ref, day in days.items():
        data = _case(ref)
        if data["profile"] == "kerteminde":
            assert age_on(dt.date.fromisoformat(data["child"]["birth_date"]), day) <= 14, ref
