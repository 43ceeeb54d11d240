"""The follow-ups a decision creates (SPEC §3 rules 6-9), computed independently here.

Kerteminde (seed): after 2 weeks, then every 6 weeks (set when each follow-up is done: the profile's cadence);
a 7-month review of a return home; a review at 12 months – a review, never an end. The law: the first
follow-up no later than 3 months (BL § 95) – met by the 2-week follow-up, so not a separate item –,
supervision visits twice a year for as long as the placement lasts (BL § 156, stk. 5: the next one is made
when one is done), barnets plan within 3 months of a placement decision (BL § 91).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from visitation.domain.decision import CaseFacts, DecisionDraft, Outcome
from visitation.domain.followups import (
    agreed,
    cadence_legal,
    continuing_rule,
    next_due,
    schedule,
    sets_cadence,
)
from visitation.domain.profiles import builtin_names, load_profile

BL20 = "BL § 20 (tidl. SEL § 50)"
BL46_3 = "BL § 46, stk. 3"
BL91 = "BL § 91 (tidl. SEL § 140)"
BL95 = "BL § 95 (tidl. SEL § 70, stk. 1)"
BL96 = "BL § 96 (tidl. SEL § 70, stk. 2)"
BL100 = "BL § 100 (tidl. SEL § 68)"
BL156 = "BL § 156, stk. 5 (tidl. SEL § 148)"
ON_STEP = {1: "ppr-konsultation", 2: "konsulentbistand", 3: "familiebehandling", 4: "netvaerksplejefamilie",
           5: "plejefamilie", 6: "boerne-og-ungehjem"}

# Month arithmetic done by hand for each start date: (start, +3 m, +6 m, +7 m, +12 m).
MONTHS = {
    date(2027, 1, 31): (date(2027, 4, 30), date(2027, 7, 31), date(2027, 8, 31), date(2028, 1, 31)),
    date(2028, 2, 29): (date(2028, 5, 29), date(2028, 8, 29), date(2028, 9, 29), date(2029, 2, 28)),
    date(2026, 12, 31): (date(2027, 3, 31), date(2027, 6, 30), date(2027, 7, 31), date(2027, 12, 31)),
    date(2026, 3, 10): (date(2026, 6, 10), date(2026, 9, 10), date(2026, 10, 10), date(2027, 3, 10)),
    date(2026, 11, 30): (date(2027, 2, 28), date(2027, 5, 30), date(2027, 6, 30), date(2027, 11, 30)),
}


def plan(step: int, start: date | None, profile: str, investigation: date | None = None,
         **changes: object) -> list[tuple[date, str]]:
    """(due, kind) of what a decision on `step` (its shared intervention), decided on its start date, creates."""
    d = decision(step, start, investigation, **changes)
    return [(p.due, p.kind) for p in schedule(d, load_profile(profile))]


def decision(step: int, start: date | None, investigation: date | None = None, **changes: object) -> DecisionDraft:
    base = DecisionDraft(outcome=Outcome.APPROVED, step=step, interventions=(ON_STEP[step],), start=start,
                         investigation_since=investigation, facts=CaseFacts(date(2018, 4, 11), 3, start))
    return replace(base, **changes)  # type: ignore[arg-type]


def expected_kerteminde_placement(start: date) -> list[tuple[date, str]]:
    """The dates and kinds Kerteminde's rules and the law give a placement starting on `start`."""
    three, six, seven, twelve = MONTHS[start]
    return sorted([(start + timedelta(weeks=2), "anbringelse-2-uger"), (three, "barnets-plan"),
                   (seven, "hjemgivelse-review"), (twelve, "anbringelse-1-aar-review"), (six, "tilsyn")])


@pytest.mark.parametrize("start", list(MONTHS))
def test_kerteminde_placement_schedule(start: date) -> None:
    assert plan(5, start, "kerteminde") == expected_kerteminde_placement(start)


@pytest.mark.parametrize("start", list(MONTHS))
def test_bl_95_kerteminde_s_two_weeks_meet_the_first_followup_and_set_the_cadence(start: date) -> None:
    planned = schedule(decision(5, start), load_profile("kerteminde"))
    # No separate "first follow-up within 3 months": the 2-week follow-up meets the deadline.
    assert "first" not in {p.kind for p in planned}
    first = planned[0]
    assert first.kind == "anbringelse-2-uger" and first.due == start + timedelta(days=14)
    assert set(first.legal) == {BL96, BL95}
    assert [p.kind for p in planned if BL95 in p.legal] == ["anbringelse-2-uger"]
    assert sets_cadence(first.kind, first.legal, load_profile("kerteminde"))


@pytest.mark.parametrize("start", list(MONTHS))
def test_kerteminde_supervision_and_reviews_carry_their_law(start: date) -> None:
    planned = schedule(decision(5, start), load_profile("kerteminde"))
    _, six, seven, twelve = MONTHS[start]
    [tilsyn] = [p for p in planned if p.kind == "tilsyn"]
    assert tilsyn.due == six and tilsyn.legal == (BL156,)
    [review7] = [p for p in planned if p.kind == "hjemgivelse-review"]
    assert review7.due == seven and set(review7.legal) == {BL96, BL100}
    [review12] = [p for p in planned if p.kind == "anbringelse-1-aar-review"]
    assert review12.due == twelve and review12.label == "Revurdering af anbringelsen efter 1 år"
    # The label is printed in official minutes: no developer's notes in it.
    assert all("aldrig" not in p.label and "ophør" not in p.label for p in planned)


def test_kerteminde_s_cadence_is_every_6_weeks_for_a_placement_and_continues_after_the_year() -> None:
    profile = load_profile("kerteminde")
    cadence = profile.cadence(profile.measures(("plejefamilie",), 5))
    assert cadence is not None and str(cadence.every) == "6w"
    # A cadence, not a series up to 12 months: no follow-up rule of the profile ends (no `until`).
    assert all(r.until is None for r in profile.followups)
    assert str(profile.cadence(profile.measures(("familiebehandling",), 3)).every) == "3m"  # type: ignore[union-attr]


@pytest.mark.parametrize("name", builtin_names())
def test_every_profile_has_a_cadence_for_every_kind_of_measure(name: str) -> None:
    # SPEC §9.2: profiles carry their follow-up cadence for every measure, not only placements.
    assert {c.applies_to for c in load_profile(name).cadences} == {"preventive", "support", "placement"}


@pytest.mark.parametrize("step", [4, 5, 6])
def test_every_kerteminde_placement_step_gets_the_placement_schedule(step: int) -> None:
    start = date(2026, 12, 31)
    assert plan(step, start, "kerteminde") == expected_kerteminde_placement(start)


@pytest.mark.parametrize("name", builtin_names())
@pytest.mark.parametrize("start", [date(2027, 1, 31), date(2026, 3, 10)])
def test_bl_156_stk_5_supervision_visits_twice_a_year_for_the_whole_placement(name: str, start: date) -> None:
    profile = load_profile(name)
    rule = continuing_rule("tilsyn", profile)
    assert rule is not None and rule.continuing and rule.legal == ("bl-156",)
    visits, due = [], schedule(decision(5, start), profile)
    due = next(p.due for p in due if p.kind == "tilsyn")
    while due is not None and len(visits) < 6:
        visits.append(due)
        due = next_due(rule, start, due)
    months = [6, 12, 18, 24, 30, 36]
    from visitation.domain.durations import Duration

    assert visits == [Duration(m, "m").after(start) for m in months]
    # Two in the second year and two in the third: the placement is supervised as long as it lasts.
    assert sum(start.replace(year=start.year + 1) < v <= start.replace(year=start.year + 2) for v in visits) == 2
    assert sum(start.replace(year=start.year + 2) < v <= start.replace(year=start.year + 3) for v in visits) == 2


@pytest.mark.parametrize("start", list(MONTHS))
@pytest.mark.parametrize("profile", builtin_names())
def test_bl_95_a_support_measure_gets_its_first_followup_within_three_months(start: date, profile: str) -> None:
    planned = schedule(decision(3, start), load_profile(profile))
    assert [(p.due, p.kind) for p in planned] == [(MONTHS[start][0], "first")]
    assert planned[0].legal == (BL95,)


@pytest.mark.parametrize("profile", builtin_names())
def test_bl_95_not_on_a_bl_30_measure(profile: str) -> None:
    # A § 30 preventive measure is no § 32 measure: BL § 95 does not cover it; the profile follows it up.
    planned = schedule(decision(2, date(2026, 12, 31)), load_profile(profile))
    assert [(p.due, p.kind, p.legal) for p in planned] == [(date(2027, 3, 31), "forebyggende-opfoelgning", ())]
    assert sets_cadence(planned[0].kind, planned[0].legal, load_profile(profile))
    assert cadence_legal(frozenset({"preventive"}), load_profile(profile)) == ()
    assert cadence_legal(frozenset({"support"}), load_profile(profile)) == ("bl-95",)


def test_a_preventive_measure_beside_a_support_measure_is_followed_up_once() -> None:
    d = decision(3, date(2026, 12, 31), interventions=("familiebehandling", "konsulentbistand"))
    assert [p.kind for p in schedule(d, load_profile("socialstyrelsen"))] == ["first"]


@pytest.mark.parametrize("profile", builtin_names())
def test_step_one_gets_no_followup(profile: str) -> None:
    assert plan(1, date(2027, 1, 31), profile) == []


def test_socialstyrelsen_placement_gets_the_law_only() -> None:
    planned = schedule(decision(5, date(2026, 11, 30)), load_profile("socialstyrelsen"))
    assert [(p.due, p.kind, p.legal) for p in planned] == [
        (date(2027, 2, 28), "barnets-plan", (BL91,)),
        (date(2027, 2, 28), "first", (BL95,)),
        (date(2027, 5, 30), "tilsyn", (BL156,)),
    ]


def test_bl_91_barnets_plan_within_3_months_of_the_placement_decision() -> None:
    # Counted from the meeting's date, not the (later) start; a task never meets BL § 95's deadline.
    d = decision(5, date(2027, 1, 31), facts=CaseFacts(date(2018, 4, 11), 3, date(2026, 11, 24)))
    planned = schedule(d, load_profile("socialstyrelsen"))
    assert [(p.due, p.legal) for p in planned if p.kind == "barnets-plan"] == [(date(2027, 2, 24), (BL91,))]
    assert [p.due for p in planned if p.kind == "first"] == [date(2027, 4, 30)]


@pytest.mark.parametrize("profile", builtin_names())
def test_bl_91_a_referral_creates_barnets_plan_before_the_committee(profile: str) -> None:
    referred = decision(5, None, outcome=Outcome.REFERRED,
                        facts=CaseFacts(date(2018, 4, 11), 3, date(2026, 11, 24)))
    planned = schedule(referred, load_profile(profile))
    assert [(p.due, p.kind, p.legal) for p in planned] == [(date(2026, 12, 8), "barnets-plan", (BL91,))]
    assert "inden børne- og ungeudvalget" in planned[0].label
    # A referred support measure is no placement: no plan is due by § 91 before a committee decision.
    assert schedule(replace(referred, step=3, interventions=("familiebehandling",)), load_profile(profile)) == []


def test_bl_46_stk_3_an_acute_placement_gets_its_investigation_within_4_months() -> None:
    start = date(2026, 12, 31)
    planned = schedule(decision(5, start, acute=True), load_profile("socialstyrelsen"))
    [done] = [p for p in planned if p.kind == "boernefaglig-undersoegelse"]
    assert done.due == date(2027, 4, 30) and done.legal[:2] == (BL46_3, BL20)
    # An investigation recorded as running counts from its own start instead (one follow-up, not two).
    with_since = schedule(decision(5, start, date(2026, 12, 1), acute=True), load_profile("socialstyrelsen"))
    assert [p.due for p in with_since if p.kind == "boernefaglig-undersoegelse"] == [date(2027, 4, 1)]
    # Not acute: nothing of the kind.
    assert "boernefaglig-undersoegelse" not in [p.kind for p in schedule(decision(5, start), load_profile("odder"))]


@pytest.mark.parametrize(("months", "end"), [(3, date(2027, 3, 31)), (6, date(2027, 6, 30))])
def test_bl_100_a_return_home_is_followed_up_when_the_return_period_ends(months: int, end: date) -> None:
    home = decision(3, date(2026, 12, 31), return_period_months=months,
                    facts=CaseFacts(date(2018, 4, 11), 5, date(2026, 12, 1)))
    planned = schedule(home, load_profile("kerteminde"))
    assert [(p.due, p.legal[0]) for p in planned if p.kind == "hjemgivelsesperiode"] == [(end, BL100)]
    # From home to home, or with no period, there is no period to end.
    assert "hjemgivelsesperiode" not in [p.kind for p in schedule(replace(home, return_period_months=0),
                                                                   load_profile("kerteminde"))]
    assert "hjemgivelsesperiode" not in [p.kind for p in schedule(
        replace(home, facts=CaseFacts(date(2018, 4, 11), 3, date(2026, 12, 1))), load_profile("kerteminde"))]


def test_agreed_cadence_is_read_from_the_kind() -> None:
    assert str(agreed("loebende:6w")) == "6w" and agreed("loebende") is None and agreed("tilsyn") is None
    assert agreed("loebende:x") is None


@pytest.mark.parametrize(
    ("since", "four_months"),
    [
        (date(2026, 10, 31), date(2027, 2, 28)),  # a month end into February
        (date(2027, 10, 31), date(2028, 2, 29)),  # … of a leap year
        (date(2028, 2, 29), date(2028, 6, 29)),
        (date(2026, 3, 10), date(2026, 7, 10)),
    ],
)
def test_a_running_investigation_adds_its_four_months(since: date, four_months: date) -> None:
    # BL § 20, stk. 3: complete within 4 months of the municipality's knowledge, counted from then.
    for profile in ("socialstyrelsen", "kerteminde"):
        postponed = decision(3, None, since, outcome=Outcome.POSTPONED)
        assert [(p.due, p.kind, p.legal) for p in schedule(postponed, load_profile(profile))] == [
            (four_months, "boernefaglig-undersoegelse", (BL20,))
        ]


def test_no_investigation_no_bl20_followup() -> None:
    for step in range(1, 7):
        assert all(BL20 not in p.legal for p in schedule(decision(step, date(2026, 3, 10)), load_profile("kerteminde")))


def test_an_investigation_ending_first_meets_bl95() -> None:
    # BL § 95: the first follow-up at the earlier of the investigation's end and 3 months.
    planned = schedule(decision(3, date(2026, 12, 31), date(2026, 10, 15)), load_profile("socialstyrelsen"))
    assert [(p.due, p.kind, p.legal) for p in planned] == [
        (date(2027, 2, 15), "boernefaglig-undersoegelse", (BL20, BL95))
    ]


def test_an_investigation_ending_later_is_a_followup_of_its_own() -> None:
    planned = schedule(decision(5, date(2026, 12, 1), date(2026, 11, 15), acute=True), load_profile("socialstyrelsen"))
    assert [(p.due, p.kind, p.legal) for p in planned] == [
        (date(2027, 3, 1), "barnets-plan", (BL91,)),
        (date(2027, 3, 1), "first", (BL95,)),
        (date(2027, 3, 15), "boernefaglig-undersoegelse", (BL20,)),
        (date(2027, 6, 1), "tilsyn", (BL156,)),
    ]


def test_kerteminde_placement_with_an_investigation() -> None:
    # The 2-week follow-up still carries BL § 95; the investigation's end is one more date.
    start = date(2026, 12, 31)
    assert plan(5, start, "kerteminde", date(2026, 12, 1)) == sorted(
        [*expected_kerteminde_placement(start), (date(2027, 4, 1), "boernefaglig-undersoegelse")]
    )
