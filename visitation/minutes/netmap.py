"""The network map as inline SVG: the child in the centre, three rings, four sectors, people as marks.

Marks differ by shape, never by colour alone: resource ● circle, concern ▲ triangle, both ◆ diamond;
a possible placement or support resource gets a second ring around its mark.
"""

from __future__ import annotations

import math
from html import escape

from visitation.minutes.model import CaseMinutes, Person

SIZE = 460
WIDTH = 760
"""Wider than tall, so labels on the left and right fit."""
CX, CY = WIDTH / 2, SIZE / 2
RADII = (70, 135, 200)
SECTORS = {  # sector: (label, start angle in degrees, counter-clockwise from east) — as on the TUI's map
    "family": ("Familie", 90), "friends": ("Venner og naboer", 0),
    "school": ("Skole, dagtilbud, fritid", 180), "professional": ("Professionelle", 270),
}
FILL = {"resource": "#2e7d32", "concern": "#c62828", "both": "#ef6c00"}
LEGEND = (("resource", "ressource"), ("concern", "bekymring"), ("both", "både og"))


def _n(value: float) -> str:
    """A coordinate with one decimal (stable text, so the file is byte-identical)."""
    return f"{value:.1f}"


def svg(case: CaseMinutes) -> str:
    """The case's network map; the centre shows the child as the privacy level allows."""
    parts = [f'<svg class="netmap" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {SIZE + 40}" '
             f'role="img" aria-label="Netværkskort for sag {escape(case.ref)}">']
    parts += [f'<circle cx="{_n(CX)}" cy="{_n(CY)}" r="{r}" class="ring"/>' for r in RADII]
    parts += _sector_lines() + _sector_labels()
    centre = escape(case.child.initials)
    parts.append(f'<circle cx="{_n(CX)}" cy="{_n(CY)}" r="22" class="child"/>'
                 f'<text x="{_n(CX)}" y="{_n(CY + 4)}" class="centre">{centre}</text>')
    for person, (x, y) in positions(case.network.people):
        parts.append(mark(person, x, y))
    parts += _legend()
    parts.append("</svg>")
    return "".join(parts)


def _sector_lines() -> list[str]:
    edge = RADII[-1] + 8
    return [f'<line x1="{_n(CX - edge)}" y1="{_n(CY)}" x2="{_n(CX + edge)}" y2="{_n(CY)}" class="axis"/>',
            f'<line x1="{_n(CX)}" y1="{_n(CY - edge)}" x2="{_n(CX)}" y2="{_n(CY + edge)}" class="axis"/>']


def _sector_labels() -> list[str]:
    near = RADII[-1] - 40
    spots = {"family": (CX - near, 16, "end"), "friends": (CX + near, 16, "start"),
             "school": (CX - near, SIZE - 6, "end"), "professional": (CX + near, SIZE - 6, "start")}
    return [f'<text x="{x}" y="{y}" text-anchor="{anchor}" class="sector">{escape(SECTORS[key][0])}</text>'
            for key, (x, y, anchor) in spots.items()]


def positions(people: tuple[Person, ...]) -> list[tuple[Person, tuple[float, float]]]:
    """Each person's place: their ring, spread evenly over their sector's quarter."""
    groups: dict[tuple[str, int], list[Person]] = {}
    for p in people:
        groups.setdefault((p.sector if p.sector in SECTORS else "professional", min(max(p.ring, 1), 3)), []).append(p)
    placed = []
    for (sector, ring), members in groups.items():
        start = SECTORS[sector][1]
        radius = (RADII[ring - 1] + (RADII[ring - 2] if ring > 1 else 24)) / 2
        for i, p in enumerate(members):
            angle = math.radians(start + 90 * (i + 1) / (len(members) + 1))
            placed.append((p, (CX + radius * math.cos(angle), CY - radius * math.sin(angle))))
    return placed


def mark(p: Person, x: float, y: float) -> str:
    """One person: a shape for the valence, a second ring if a placement candidate, a label (over a white halo
    of its own, not `paint-order`, which a printed PDF would carry as a second copy of the text)."""
    title = f"{p.name} ({p.relation}): {p.valence_label}" + (", mulig anbringelses-/støtteressource"
                                                            if p.placement_candidate else "")
    out = [f'<g class="person {escape(p.valence)}"><title>{escape(title)}</title>', shape(p.valence, x, y)]
    if p.placement_candidate:
        out.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="10.5" class="candidate"/>')
    label = f"{p.name} ({p.relation})"
    anchor = "start" if x >= CX else "end"
    dx = 13 if x >= CX else -13
    at = f'x="{_n(x + dx)}" y="{_n(y + 3.5)}" text-anchor="{anchor}"'
    out.append(f'<text {at} class="halo" aria-hidden="true">{escape(label)}</text>'
               f'<text {at} class="label">{escape(label)}</text></g>')
    return "".join(out)


def shape(valence: str, x: float, y: float, size: float = 6.5) -> str:
    """Circle, triangle or diamond, filled (colour is extra, never the only difference)."""
    fill = FILL.get(valence, "#555555")
    if valence == "concern":
        points = [(x, y - size * 1.2), (x + size * 1.1, y + size * 0.8), (x - size * 1.1, y + size * 0.8)]
    elif valence == "both":
        points = [(x, y - size * 1.2), (x + size * 1.2, y), (x, y + size * 1.2), (x - size * 1.2, y)]
    else:
        return f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(size)}" fill="{fill}" class="shape"/>'
    text = " ".join(f"{_n(px)},{_n(py)}" for px, py in points)
    return f'<polygon points="{text}" fill="{fill}" class="shape"/>'


def _legend() -> list[str]:
    y = SIZE + 22
    out, x = [], 10.0
    for valence, label in LEGEND:
        out.append(shape(valence, x + 6, y - 4, 5) + f'<text x="{_n(x + 16)}" y="{y}" class="legend">{label}</text>')
        x += 95
    out.append(f'<circle cx="{_n(x + 6)}" cy="{y - 4}" r="5" fill="#555555" class="shape"/>'
               f'<circle cx="{_n(x + 6)}" cy="{y - 4}" r="8.5" class="candidate"/>'
               f'<text x="{_n(x + 18)}" y="{y}" class="legend">mulig anbringelse/støtte</text>')
    return out
