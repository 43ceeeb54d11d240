"""How much of a child may be shown: privacy levels, ages, and free text scrubbed to a level."""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum

from visitation.domain.cpr import mask, redact


class Privacy(StrEnum):
    """`screen`: initials and age; `internal`: names, no CPR; `full`: with CPR."""

    SCREEN = "screen"
    INTERNAL = "internal"
    FULL = "full"


def age_on(birth_date: date, on: date) -> int:
    """Age in whole years on a date."""
    before_birthday = (on.month, on.day) < (birth_date.month, birth_date.day)
    return on.year - birth_date.year - int(before_birthday)


def child_label(name: str, initials: str, birth_date: date, on: date, privacy: Privacy) -> str:
    """The child as the privacy level allows: `LJ, 8 år` or `Liva Jensen, 8 år`."""
    who = initials if privacy is Privacy.SCREEN else name
    return f"{who}, {age_on(birth_date, on)} år"


def cpr_for(number: str | None, privacy: Privacy) -> str:
    """The CPR as the privacy level allows: in full only at `full`, else masked (or nothing at screen)."""
    if not number or privacy is Privacy.SCREEN:
        return ""
    return number if privacy is Privacy.FULL else mask(number)


def age_facts(birth_date: date, on: date) -> list[str]:
    """The ages the law attaches rights to that the child has reached (SPEC §3 rule 11; data/law `[[ages]]`)."""
    from visitation.domain.law import load_law

    law, age = load_law(), age_on(birth_date, on)
    return [f"{a.fact} ({law.refs(a.legal)})." for a in law.ages if age >= a.age]


_ANY_CPR = re.compile(r"(?<!\d)\d{6}[- ]?\d{4}(?!\d)")


class Scrubber:
    """Free text as the privacy level allows: below `full` CPR-like numbers are masked; at `screen`
    they are removed and the child's name becomes the initials (each part of it its first letter)."""

    def __init__(self, name: str, initials: str, level: Privacy) -> None:
        self.name, self.initials, self.level = name.strip(), initials, level
        parts = [re.escape(p) for p in self.name.split() if len(p) > 1]
        self._parts = re.compile(rf"\b({'|'.join(parts)})(?=s?\b)") if parts else None

    def __call__(self, text: str) -> str:
        if self.level is Privacy.FULL or not text:
            return text
        if self.level is Privacy.INTERNAL:
            return redact(text)
        text = _ANY_CPR.sub("[CPR]", text)
        if not self.name:
            return text
        text = text.replace(self.name, self.initials)
        return self._parts.sub(lambda m: m.group(1)[0], text) if self._parts else text

    def person(self, name: str) -> str:
        """A network person's name: initials at `screen` (the wall), else the name as recorded."""
        if self.level is not Privacy.SCREEN:
            return name
        return "".join(part[0].upper() for part in name.split() if part) or "?"
