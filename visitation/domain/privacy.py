"""How much of a child may be shown: privacy levels and ages."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from visitation.domain.cpr import mask


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
    """The age rules that matter for a decision (SPEC §3 rule 7)."""
    age = age_on(birth_date, on)
    facts = []
    if age >= 10:
        facts.append("Barnet er fyldt 10 år og har partsbeføjelser (BL § 3).")
    if age >= 15:
        facts.append("Den unge er fyldt 15 år og skal selv give samtykke til anbringelse (BL § 46).")
    return facts
