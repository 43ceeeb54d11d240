"""Text charts shared by the CLI and the TUI (plain strings: no colour needed to read them)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def trajectory(points: Sequence[Any], top_step: int = 6) -> list[str]:
    """One line per point: the date, the step drawn as a stair of that height, the zone, what happened."""
    from visitation.domain.format import day

    return [f"{day(p.date)}  {'▆' * p.step * 2}{' ' * (top_step - p.step) * 2}  trin {p.step}"
            f"{f' · zone {p.zone}' if p.zone else ''} · {p.event}" for p in points]


BLOCKS = "▁▂▃▄▅▆▇█"


def score_line(points: Sequence[Any], most: int = 8) -> str:
    """A goal's latest scores (0–10) as a small bar per score, then the numbers: `▂▄▆ 2 → 4 → 7`."""
    shown = list(points)[-most:]
    if not shown:
        return ""
    bars = "".join(BLOCKS[round(p.score * (len(BLOCKS) - 1) / 10)] for p in shown)
    return f"{bars} {' → '.join(str(p.score) for p in shown)}"


def stacked_by_step(months: dict[str, dict[int, int]], width: int, line_width: int | None = None) -> str:
    """One stacked bar per month, each step drawn with its own digit (readable without colour).

    Bars are at most `width` wide, narrower where the counts after them would not fit in `line_width`.
    """
    rows = {m: c for m, c in months.items() if c}
    if not rows:
        return "(ingen data)"
    top = max(sum(c.values()) for c in rows.values())
    details = {m: " ".join(f"{step}:{n}" for step, n in sorted(c.items())) for m, c in rows.items()}
    if line_width is not None:
        room = line_width - max(len(m) + len(d) for m, d in details.items()) - 2
        width = max(10, min(width, room))
    lines = []
    for month, counts in rows.items():
        bar = "".join(str(step)[-1] * round(n / top * width) for step, n in sorted(counts.items()))
        lines.append(f"{month} {bar.ljust(width)} {details[month]}")
    return "\n".join(lines)


def target_grid(cells: Sequence[Any]) -> list[str]:
    """Skema 2 as a small table: a row per position, a column per trivsel, each count marked `*` where the cell
    is the target group. `cells`: `TargetCell`s in the figure's order (positions, then trivsel within each)."""
    from visitation.domain.prevention import POSITION_LABELS, WELLBEING_LABELS, Position, Wellbeing

    heads = [WELLBEING_LABELS[w] for w in Wellbeing]
    label_width = max(len(label) for label in POSITION_LABELS.values())
    widths = [max(len(h), *(len(str(c.count)) for c in cells)) for h in heads]
    lines = [" " * label_width + "".join(f"  {h:>{w}}  " for h, w in zip(heads, widths, strict=True))]
    for position in Position:
        row = [c for c in cells if c.position == position.value]
        lines.append(POSITION_LABELS[position].ljust(label_width) + "".join(
            f"  {c.count:>{w}}{' *' if c.in_target_group else '  '}" for c, w in zip(row, widths, strict=True)))
    return [line.rstrip() for line in lines]
