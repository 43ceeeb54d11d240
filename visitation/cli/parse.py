"""Parsing the CLI's compound options into domain values, with errors that name the option."""

from __future__ import annotations

from enum import StrEnum

from visitation.domain.decision import AlternativeDraft, Verdict
from visitation.errors import InvalidInput


def choice(value: str, kind: type[StrEnum], option: str) -> str:
    """A value among an enum's values."""
    allowed = [v.value for v in kind]
    if value not in allowed:
        raise InvalidInput(f"{option}: skal være {' | '.join(allowed)}")
    return value


def within(value: int | None, bounds: tuple[int, int] | None, option: str) -> int | None:
    """A whole number within its field's bounds (both included), or None when not given."""
    if value is not None and bounds and not bounds[0] <= value <= bounds[1]:
        raise InvalidInput(f"{option}: skal være et helt tal fra {bounds[0]} til {bounds[1]}, ikke {value}")
    return value


def alternatives(values: list[str]) -> tuple[AlternativeDraft, ...]:
    """`STEP;KEY;rejected|not-relevant;REASON` options as alternatives."""
    found = []
    for text in values:
        parts = [p.strip() for p in text.split(";", 3)]
        if len(parts) != 4 or not (parts[0].isascii() and parts[0].isdigit() and len(parts[0]) < 4):
            raise InvalidInput("--alternative: skal have formen \"TRIN;INDSATS;rejected|not-relevant;BEGRUNDELSE\"")
        verdict = choice(parts[2], Verdict, "--alternative (vurdering)")
        if not parts[3]:
            raise InvalidInput("--alternative: begrundelsen mangler")
        found.append(AlternativeDraft(int(parts[0]), parts[1], Verdict(verdict), parts[3]))
    return tuple(found)
