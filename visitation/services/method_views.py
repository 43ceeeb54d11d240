"""Plain views of the seeds' methods on a case: the Signs of Safety mapping and plan, the ICS notes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class SosLine:
    """A line of the mapping: a column's item, a danger statement or a safety goal; `who` said it, if named."""

    id: int
    kind: str
    text: str
    who: str


@dataclass(frozen=True)
class ScaleRating:
    """One person's rating on the safety scale (0: cannot stay at home; 10: safe enough to close the case)."""

    who: str
    score: int
    rated_on: dt.date


@dataclass(frozen=True)
class PlanRule:
    """A rule of the safety plan with the names of the network people who keep it."""

    id: int
    text: str
    keepers: list[str]


@dataclass(frozen=True)
class SosView:
    """The case's mapping, the newest rating per person (with earlier ones) and the safety plan."""

    lines: list[SosLine] = field(default_factory=list)
    ratings: list[ScaleRating] = field(default_factory=list)
    """Every rating, oldest first."""
    plan: list[PlanRule] = field(default_factory=list)

    def of(self, kind: str) -> list[SosLine]:
        """The lines of one kind (a column, danger statements, safety goals), in the order written."""
        return [line for line in self.lines if line.kind == kind]

    @property
    def latest(self) -> dict[str, ScaleRating]:
        """Each person's newest rating."""
        return {r.who: r for r in self.ratings}

    @property
    def empty(self) -> bool:
        """Whether nothing is mapped yet."""
        return not (self.lines or self.ratings or self.plan)


@dataclass(frozen=True)
class IcsNoteRow:
    """A strength or concern on a dimension of the ICS triangle, with its labels."""

    id: int
    side: str
    dimension: str
    kind: str
    text: str
    label: str
    """`Barnets udvikling – Sundhedsforhold`."""
