"""Horizontal bar charts in characters, with an optional reference line."""

from __future__ import annotations


def bar_chart(rows: list[tuple[str, float]], width: int, unit: str = "", reference: float | None = None) -> str:
    """One bar per row scaled to `width`; `reference` is drawn as `│` at its value (e.g. 25 cases)."""
    if not rows:
        return "(ingen data)"
    top = max([v for _, v in rows] + ([reference] if reference else []) + [1])
    label_width = max(len(label) for label, _ in rows)
    lines = []
    for label, value in rows:
        cells = list("█" * round(value / top * width) + " " * (width - round(value / top * width)))
        if reference:
            at = min(width - 1, round(reference / top * width))
            cells[at] = "│" if cells[at] == " " else "┃"
        shown = f"{value:g}{unit}"
        lines.append(f"{label.ljust(label_width)} {''.join(cells)} {shown}")
    return "\n".join(lines)
