"""The seeds' methods on the Sagen step: the ICS triangle's notes by side, Socialstyrelsen's target group line."""

from __future__ import annotations

from visitation.domain.ics import NoteKind, triangle
from visitation.domain.prevention import (
    POSITION_LABELS,
    PREVENTION_LABELS,
    WELLBEING_LABELS,
    Position,
    Prevention,
    Wellbeing,
    in_target_group,
)
from visitation.domain.privacy import Privacy, Scrubber
from visitation.services.views import CaseDetail

MARKS = {NoteKind.STRENGTH.value: "+", NoteKind.CONCERN.value: "!"}
"""As on the network map: + a strength (ressource), ! a concern."""


def ics_text(case: CaseDetail, privacy: bool) -> str:
    """The strengths and concerns grouped by the triangle's sides, one line a note; `i` adds one."""
    if not case.ics:
        return "ICS-trekanten: ingen styrker eller bekymringer noteret endnu (i: tilføj)"
    tri = triangle()
    scrub = Scrubber.for_case(case, Privacy.SCREEN if privacy else Privacy.INTERNAL)
    lines = ["ICS-trekanten – + styrke, ! bekymring (i: tilføj)"]
    for side in tri.sides:
        notes = [n for n in case.ics if n.side == side.key]
        if notes:
            lines.append(f"{side.label}:")
            lines += [f"  {MARKS.get(n.kind, '?')} {n.label.split(' – ', 1)[-1]}: {scrub(n.text)}" for n in notes]
    return "\n".join(lines)


def prevention_line(case: CaseDetail) -> str:
    """Socialstyrelsen's prevention triangle and position × trivsel in one line, when any of it is set."""
    parts = [PREVENTION_LABELS[Prevention(case.prevention)]] if case.prevention else []
    cell = ([POSITION_LABELS[Position(case.position)]] if case.position else []) + \
        ([WELLBEING_LABELS[Wellbeing(case.wellbeing)]] if case.wellbeing else [])
    if case.position and case.wellbeing:
        inside = in_target_group(Position(case.position), Wellbeing(case.wellbeing))
        cell[-1] += " (i målgruppen)" if inside else " (uden for målgruppen)"
    if cell:
        parts.append(" × ".join(cell))
    return f"Forebyggelsestrekanten: {' · '.join(parts)}" if parts else ""
