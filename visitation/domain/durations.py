"""Calendar durations such as `2w`, `6w`, `3m`, `12m`, with month ends handled the way people expect."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

_PATTERN = re.compile(r"^\s*(\d{1,3})\s*([dwmy])\s*$")
_UNITS = {"d": "days", "w": "weeks", "m": "months", "y": "years"}
_DANISH = {"d": ("dag", "dage"), "w": ("uge", "uger"), "m": ("måned", "måneder"), "y": ("år", "år")}


def add_months(day: date, months: int) -> date:
    """`day` plus whole months; the 31st becomes the month's last day (31 Jan + 1 m = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Duration:
    """A count of days, weeks, months or years."""

    count: int
    unit: str

    @classmethod
    def parse(cls, text: str) -> Duration:
        """Parse `2w`, `6w`, `3m`, `12m`, `14d`, `1y`; raise ValueError otherwise."""
        match = _PATTERN.match(str(text))
        if not match:
            raise ValueError(f"'{text}' is not a duration like 2w, 6w, 3m or 12m")
        return cls(int(match.group(1)), match.group(2))

    def after(self, start: date, times: int = 1) -> date:
        """The date `times` of this duration after `start`, counted from `start` (no drift)."""
        n = self.count * times
        if self.unit == "d":
            return start + timedelta(days=n)
        if self.unit == "w":
            return start + timedelta(weeks=n)
        if self.unit == "m":
            return add_months(start, n)
        return add_months(start, 12 * n)

    def danish(self) -> str:
        """`2 uger`, `3 måneder`."""
        one, many = _DANISH[self.unit]
        return f"{self.count} {one if self.count == 1 else many}"

    def __str__(self) -> str:
        return f"{self.count}{self.unit}"
