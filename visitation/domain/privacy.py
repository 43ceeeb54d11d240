"""How much of a child may be shown: privacy levels, ages, and free text scrubbed to a level."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from typing import Any

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


def _name_parts(names: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern for every part of the names (longest first), also with a genitive s."""
    parts = sorted({p for n in names for p in n.split() if len(p) > 1 and p[0].isupper()}, key=len, reverse=True)
    return re.compile(rf"\b({'|'.join(map(re.escape, parts))})(?=s?\b)") if parts else None


class Scrubber:
    """Free text as the privacy level allows: below `full` CPR-like numbers are masked; at `screen`
    they are removed, the child's name becomes the initials (each part of it its first letter), and so do
    the names of the people on the case's network map (`others`)."""

    def __init__(self, name: str, initials: str, level: Privacy, others: Iterable[str] = ()) -> None:
        self.name, self.initials, self.level = name.strip(), initials, level
        parts = [re.escape(p) for p in self.name.split() if len(p) > 1]
        self._parts = re.compile(rf"\b({'|'.join(parts)})(?=s?\b)") if parts else None
        self.others = sorted({o.strip() for o in others if o.strip() and o.strip() != self.name}, key=len, reverse=True)
        self._other_parts = _name_parts(self.others)

    @classmethod
    def for_case(cls, case: Any, level: Privacy) -> Scrubber:
        """For a case view (its child's name and initials, and the names on its network map)."""
        return cls(case.name, case.initials, level, [m.name for m in getattr(case, "network", ())])

    def __call__(self, text: str) -> str:
        if self.level is Privacy.FULL or not text:
            return text
        if self.level is Privacy.INTERNAL:
            return redact(text)
        text = _ANY_CPR.sub("[CPR]", text)
        if self.name:
            text = text.replace(self.name, self.initials)
            text = self._parts.sub(lambda m: m.group(1)[0], text) if self._parts else text
        for other in self.others:
            text = text.replace(other, self.person(other))
        return self._other_parts.sub(lambda m: m.group(1)[0], text) if self._other_parts else text

    def person(self, name: str) -> str:
        """A network person's name: initials at `screen` (the wall), else the name as recorded (below
        `full` with any CPR number in it masked, like all free text)."""
        if self.level is Privacy.FULL:
            return name
        if self.level is Privacy.INTERNAL:
            return redact(name)
        return "".join(part[0].upper() for part in name.split() if part) or "?"
