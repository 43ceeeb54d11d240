"""Text charts shared by the CLI and the TUI (plain strings: no colour needed to read them)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def trajectory(points: Sequence[Any], top_step: int = 6) -> list[str]:
    """One line per point: the date, the step drawn as a stair of that height, the zone, what happened."""
    return [f"{p.date:%d-%m-%Y}  {'▆' * p.step * 2}{' ' * (top_step - p.step) * 2}  trin {p.step}"
            f"{f' · zone {p.zone}' if p.zone else ''} · {p.event}" for p in points]
