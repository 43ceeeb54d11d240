"""Calendar durations: month ends handled the way people count them, and clear parse errors."""

from __future__ import annotations

from datetime import date

import pytest

from visitation.domain.durations import Duration, add_months


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2027, 1, 31), 1, date(2027, 2, 28)),  # no 31 Feb: the month's last day
        (date(2028, 1, 31), 1, date(2028, 2, 29)),  # leap year
        (date(2028, 2, 29), 12, date(2029, 2, 28)),  # leap day + 1 year
        (date(2028, 2, 29), 48, date(2032, 2, 29)),  # leap day + 4 years is a leap day again
        (date(2026, 8, 31), 6, date(2027, 2, 28)),  # 31 Aug + 6 m crosses the year into February
        (date(2027, 8, 31), 6, date(2028, 2, 29)),  # … and into a leap February
        (date(2026, 3, 31), 1, date(2026, 4, 30)),  # 30-day month
        (date(2026, 12, 31), 1, date(2027, 1, 31)),  # December → January of the next year
        (date(2026, 12, 15), 12, date(2027, 12, 15)),
        (date(2026, 5, 10), 0, date(2026, 5, 10)),
        (date(2026, 1, 15), 25, date(2028, 2, 15)),
    ],
)
def test_add_months(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


def test_add_months_never_drifts_when_counted_from_the_start() -> None:
    # 31 Jan + 1 m = 28 Feb, but 31 Jan + 2 m is 31 Mar (not 28 Mar): counted from the start.
    start = date(2027, 1, 31)
    assert [add_months(start, n) for n in range(1, 5)] == [
        date(2027, 2, 28),
        date(2027, 3, 31),
        date(2027, 4, 30),
        date(2027, 5, 31),
    ]


@pytest.mark.parametrize(
    ("text", "count", "unit"),
    [
        ("2w", 2, "w"),
        ("6w", 6, "w"),
        ("3m", 3, "m"),
        ("12m", 12, "m"),
        ("14d", 14, "d"),
        ("1y", 1, "y"),
        (" 12 m ", 12, "m"),
    ],
)
def test_parse(text: str, count: int, unit: str) -> None:
    parsed = Duration.parse(text)
    assert (parsed.count, parsed.unit) == (count, unit)
    assert str(parsed) == f"{count}{unit}"


@pytest.mark.parametrize(
    "text", ["", "m", "3", "3 months", "3M", "-3m", "1.5m", "3mm", "1000d", "2 w x", "uger"]
)
def test_parse_errors_name_the_text(text: str) -> None:
    with pytest.raises(ValueError) as err:
        Duration.parse(text)
    assert f"'{text}'" in str(err.value)
    assert "2w" in str(err.value)  # the message shows what a duration looks like


@pytest.mark.parametrize(
    ("text", "start", "times", "expected"),
    [
        ("2w", date(2027, 1, 31), 1, date(2027, 2, 14)),
        ("6w", date(2027, 1, 31), 2, date(2027, 4, 25)),  # 84 days
        ("14d", date(2026, 12, 25), 1, date(2027, 1, 8)),
        ("3m", date(2026, 11, 30), 1, date(2027, 2, 28)),
        ("6m", date(2028, 2, 29), 2, date(2029, 2, 28)),
        ("1y", date(2028, 2, 29), 1, date(2029, 2, 28)),
        ("1y", date(2028, 2, 29), 4, date(2032, 2, 29)),
    ],
)
def test_after(text: str, start: date, times: int, expected: date) -> None:
    assert Duration.parse(text).after(start, times) == expected


@pytest.mark.parametrize(
    ("text", "danish"),
    [
        ("1w", "1 uge"),
        ("2w", "2 uger"),
        ("1m", "1 måned"),
        ("3m", "3 måneder"),
        ("1d", "1 dag"),
        ("2y", "2 år"),
    ],
)
def test_danish(text: str, danish: str) -> None:
    assert Duration.parse(text).danish() == danish
