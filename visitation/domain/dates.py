"""Calendar days as people type them: `ÅÅÅÅ-MM-DD`, in years this work can concern."""

from __future__ import annotations

import re
from datetime import date

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FIRST_YEAR, LAST_YEAR = 1900, 2200
"""Outside these years a date is a typing error (and follow-ups counted from it would overflow)."""


def parse_day(text: str) -> date:
    """A `YYYY-MM-DD` date between 1900 and 2200; ValueError with a Danish reason otherwise."""
    text = text.strip()
    try:
        day = date.fromisoformat(text) if _DAY.match(text) else None
    except ValueError:
        day = None
    if day is None:
        raise ValueError("skal være en dato ÅÅÅÅ-MM-DD")
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueError(f"skal ligge mellem år {FIRST_YEAR} og {LAST_YEAR}")
    return day
