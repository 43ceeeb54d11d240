"""The follow-up schedule a decision creates (SPEC §3 rule 6), computed independently here.

Kerteminde (seed): after 2 weeks, then every 6 weeks (from week 8) up to 12 months; a 7-month
review of a return home; a review at 12 months. The law: the first follow-up no later than 3 months
(BL § 95) – met by the 2-week follow-up, so not a separate item – and two supervision visits a year
(BL § 156), at 6 and 12 months.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from visitation.domain.followups import schedule
from visitation.domain.profiles import load_profile

BL95 = "BL § 95 (tidl. SEL § 70, stk. 1)"
BL96 = "BL § 96 (tidl. SEL § 70, stk. 2)"
BL100 = "BL § 100 (tidl. SEL § 68)"
BL156 = "BL § 156, stk. 5 (tidl. SEL § 148)"

# Month arithmetic done by hand for each start date: (start, +3 m, +6 m, +7 m, +12 m).
MONTHS = {
    date(2027, 1, 31): (date(2027, 4, 30), date(2027, 7, 31), date(2027, 8, 31), date(2028, 1, 31)),
    date(2028, 2, 29): (date(2028, 5, 29), date(2028, 8, 29), date(2028, 9, 29), date(2029, 2, 28)),
    date(2026, 12, 31): (
        date(2027, 3, 31),
        date(2027, 6, 30),
        date(2027, 7, 31),
        date(2027, 12, 31),
    ),
    date(2026, 3, 10): (
        date(2026, 6, 10),
        date(2026, 9, 10),
        date(2026, 10, 10),
        date(2027, 3, 10),
    ),
    date(2026, 11, 30): (
        date(2027, 2, 28),
        date(2027, 5, 30),
        date(2027, 6, 30),
        date(2027, 11, 30),
    ),
}


def expected_kerteminde_placement(start: date) -> list[tuple[date, str]]:
    """The dates and kinds Kerteminde's rules and the law give a placement starting on `start`."""
    _, six, seven, twelve = MONTHS[start]
    items = [(start + timedelta(weeks=2), "anbringelse-2-uger")]
    week = 8
    while start + timedelta(weeks=week) <= twelve:
        items.append((start + timedelta(weeks=week), "anbringelse-6-uger"))
        week += 6
    items += [
        (seven, "hjemgivelse-review"),
        (twelve, "anbringelse-1-aar-review"),
        (six, "tilsyn"),
        (twelve, "tilsyn"),
    ]
    return sorted(items)


@pytest.mark.parametrize("start", list(MONTHS))
def test_kerteminde_placement_schedule(start: date) -> None:
    planned = schedule(5, start, load_profile("kerteminde"))
    assert [(p.due, p.kind) for p in planned] == expected_kerteminde_placement(start)
    assert [p.due for p in planned] == sorted(p.due for p in planned)


@pytest.mark.parametrize("start", list(MONTHS))
def test_kerteminde_first_followup_meets_bl95_and_is_not_repeated(start: date) -> None:
    planned = schedule(5, start, load_profile("kerteminde"))
    three_months = MONTHS[start][0]
    # No separate "first follow-up within 3 months" item: the 2-week follow-up meets the deadline.
    assert "first" not in {p.kind for p in planned}
    first = planned[0]
    assert first.kind == "anbringelse-2-uger" and first.due == start + timedelta(days=14)
    assert first.due <= three_months
    assert set(first.legal) == {BL96, BL95}
    # Only that one follow-up carries BL § 95.
    assert [p.kind for p in planned if BL95 in p.legal] == ["anbringelse-2-uger"]


@pytest.mark.parametrize("start", list(MONTHS))
def test_kerteminde_supervision_and_reviews_carry_their_law(start: date) -> None:
    planned = schedule(5, start, load_profile("kerteminde"))
    _, six, seven, twelve = MONTHS[start]
    tilsyn = [p for p in planned if p.kind == "tilsyn"]
    assert [p.due for p in tilsyn] == [six, twelve]
    assert all(p.legal == (BL156,) for p in tilsyn)
    [review7] = [p for p in planned if p.kind == "hjemgivelse-review"]
    assert review7.due == seven and set(review7.legal) == {BL96, BL100}
    [review12] = [p for p in planned if p.kind == "anbringelse-1-aar-review"]
    assert review12.due == twelve
    # A review trigger, never an automatic end (REFERENCE §4.6).
    assert "aldrig et automatisk ophør" in review12.label
    sixweekly = [p.due for p in planned if p.kind == "anbringelse-6-uger"]
    assert sixweekly[0] == start + timedelta(weeks=8)
    assert all((b - a).days == 42 for a, b in zip(sixweekly, sixweekly[1:], strict=False))
    assert sixweekly[-1] <= twelve < sixweekly[-1] + timedelta(weeks=6)


def test_kerteminde_six_weekly_count_for_an_ordinary_year() -> None:
    # 2026-03-10 to 2027-03-10 is 365 days; week 8 … 50 (350 days) fits, week 56 (392) does not:
    # 8, 14, 20, 26, 32, 38, 44, 50 = 8 follow-ups.
    planned = schedule(5, date(2026, 3, 10), load_profile("kerteminde"))
    assert len([p for p in planned if p.kind == "anbringelse-6-uger"]) == 8
    assert len(planned) == 1 + 8 + 2 + 2


@pytest.mark.parametrize("step", [4, 5, 6])
def test_every_kerteminde_placement_step_gets_the_placement_schedule(step: int) -> None:
    start = date(2026, 12, 31)
    assert [
        (p.due, p.kind) for p in schedule(step, start, load_profile("kerteminde"))
    ] == expected_kerteminde_placement(start)


@pytest.mark.parametrize("start", list(MONTHS))
@pytest.mark.parametrize("profile", ["socialstyrelsen", "kerteminde", "odder", "hjoerring"])
def test_support_measure_gets_exactly_one_followup_after_three_months(
    start: date, profile: str
) -> None:
    planned = schedule(3, start, load_profile(profile))
    assert [(p.due, p.kind) for p in planned] == [(MONTHS[start][0], "first")]
    assert planned[0].legal == (BL95,)


@pytest.mark.parametrize("profile", ["socialstyrelsen", "kerteminde"])
def test_step_two_is_a_measure_too(profile: str) -> None:
    assert [p.due for p in schedule(2, date(2026, 12, 31), load_profile(profile))] == [
        date(2027, 3, 31)
    ]


@pytest.mark.parametrize("profile", ["socialstyrelsen", "kerteminde", "odder", "hjoerring"])
def test_step_one_gets_no_followup(profile: str) -> None:
    assert schedule(1, date(2027, 1, 31), load_profile(profile)) == []


def test_socialstyrelsen_placement_gets_the_law_only() -> None:
    # No profile rules: the law's first follow-up (3 m) stays an item, plus two supervision visits.
    planned = schedule(5, date(2026, 11, 30), load_profile("socialstyrelsen"))
    assert [(p.due, p.kind, p.legal) for p in planned] == [
        (date(2027, 2, 28), "first", (BL95,)),
        (date(2027, 5, 30), "tilsyn", (BL156,)),
        (date(2027, 11, 30), "tilsyn", (BL156,)),
    ]


BL20 = "BL § 20 (tidl. SEL § 50)"


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
        planned = schedule(3, None, load_profile(profile), investigation=since)
        assert [(p.due, p.kind, p.legal) for p in planned] == [
            (four_months, "boernefaglig-undersoegelse", (BL20,))
        ]


def test_no_investigation_no_bl20_followup() -> None:
    for step in range(1, 7):
        assert all(
            BL20 not in p.legal for p in schedule(step, date(2026, 3, 10), load_profile("kerteminde"))
        )


def test_an_investigation_ending_first_meets_bl95() -> None:
    # BL § 95: the first follow-up at the earlier of the investigation's end and 3 months.
    planned = schedule(3, date(2026, 12, 31), load_profile("socialstyrelsen"), date(2026, 10, 15))
    assert [(p.due, p.kind, p.legal) for p in planned] == [
        (date(2027, 2, 15), "boernefaglig-undersoegelse", (BL20, BL95))
    ]


def test_an_investigation_ending_later_is_a_followup_of_its_own() -> None:
    planned = schedule(5, date(2026, 12, 1), load_profile("socialstyrelsen"), date(2026, 11, 15))
    assert [(p.due, p.kind, p.legal) for p in planned] == [
        (date(2027, 3, 1), "first", (BL95,)),
        (date(2027, 3, 15), "boernefaglig-undersoegelse", (BL20,)),
        (date(2027, 6, 1), "tilsyn", (BL156,)),
        (date(2027, 12, 1), "tilsyn", (BL156,)),
    ]


def test_kerteminde_placement_with_an_investigation() -> None:
    # The 2-week follow-up still carries BL § 95; the investigation's end is one more date.
    start = date(2026, 12, 31)
    planned = schedule(5, start, load_profile("kerteminde"), date(2026, 12, 1))
    assert [(p.due, p.kind) for p in planned] == sorted(
        [*expected_kerteminde_placement(start), (date(2027, 4, 1), "boernefaglig-undersoegelse")]
    )
    assert [p.kind for p in planned if BL95 in p.legal] == ["anbringelse-2-uger"]
