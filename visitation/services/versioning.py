"""Optimistic concurrency: every edit names the version it started from; a stale edit is a clear conflict."""

from __future__ import annotations

from typing import Any

from visitation.errors import Conflict


def check(row: Any, expected: int, what: str, changes: dict[str, Any], base: dict[str, Any] | None = None) -> None:
    """Refuse a stale edit of `row` when someone else changed one of the fields being edited.

    `base` holds the values the editor saw; a newer version whose edited fields still equal `base` was
    changed elsewhere only, so the edit goes through without overwriting anything.
    """
    if row.version == expected:
        return
    for field in changes:
        seen = (base or {}).get(field, _MISSING)
        current = getattr(row, field)
        if seen is _MISSING or seen != current:
            raise Conflict(f"{what} er ændret af en anden siden du åbnede den: {field} er nu '{_short(current)}'. "
                           "Indlæs igen og ret til.")


def apply(row: Any, changes: dict[str, Any]) -> None:
    """Set the fields and bump the version."""
    for field, value in changes.items():
        setattr(row, field, value)
    row.version += 1


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


_MISSING = object()
