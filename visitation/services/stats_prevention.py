"""Socialstyrelsen's key figures: open cases per level of the prevention triangle, and position × trivsel
(skema 2) with the target group marked — for the cases of the profiles that work with the triangle.

One grouped scan of the open cases (profile, level, position, trivsel); each profile version found is read
once to see whether its methods include the triangle. Formulas: `visitation.domain.keyfigures`.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import select
from sqlmodel import Session, col, func

from visitation.domain.keyfigures import position_by_wellbeing, prevention_levels
from visitation.errors import NotFound
from visitation.services.db import profile_for
from visitation.services.stats_over_time import rows
from visitation.store.models import Case

NONE: dict[str, Any] = {"prevention_profiles": [], "prevention_levels": {}, "position_by_wellbeing": [],
                        "position_by_wellbeing_unset": 0, "target_group": 0}
"""The figures where no open case belongs to a profile with the triangle: nothing to count."""


def prevention(session: Session) -> dict[str, Any]:
    """The triangle's figures over the open cases whose own profile version has `methods.prevention_triangle`."""
    grouped = rows(session, select(col(Case.profile_key), col(Case.profile_version), col(Case.prevention),
                                   col(Case.position), col(Case.wellbeing), func.count())
                   .where(col(Case.status) == "open")
                   .group_by(Case.profile_key, Case.profile_version, Case.prevention, Case.position, Case.wellbeing))
    uses = {pair: _uses_triangle(session, *pair) for pair in {(key, version) for key, version, *_ in grouped}}
    counted = [(key, level, position, wellbeing, n) for key, version, level, position, wellbeing, n in grouped
               if uses[key, version]]
    if not counted:
        return dict(NONE)
    levels, cells = Counter[str](), Counter[tuple[str, str]]()
    for _, level, position, wellbeing, n in counted:
        levels[level] += n
        cells[position, wellbeing] += n
    grid, unset = position_by_wellbeing((p, w, n) for (p, w), n in cells.items())
    return {"prevention_profiles": sorted({key for key, *_ in counted}),
            "prevention_levels": prevention_levels(levels.items()), "position_by_wellbeing": grid,
            "position_by_wellbeing_unset": unset, "target_group": sum(c.count for c in grid if c.in_target_group)}


def _uses_triangle(session: Session, key: str, version: str) -> bool:
    """Whether the profile version a case was made under works with the prevention triangle (unknown: no)."""
    try:
        return profile_for(session, key, version).methods.prevention_triangle
    except NotFound:
        return False
