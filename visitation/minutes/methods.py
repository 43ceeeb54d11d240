"""The seeds' methods in the minutes: the Signs of Safety mapping and safety plan, the ICS notes, the
prevention triangle, and a decision outside the ruler's range with its reason (SPEC §9.3).

Frozen, JSON-ready dataclasses like the rest of the document, and the pure functions that make them from
the gathered data with the privacy level applied: people's names (who said it, who keeps a rule, who
rated) as the network map shows them, free text as the rest of the minutes scrub it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from visitation.domain.decision import CaseFacts, DecisionDraft, Outcome
from visitation.domain.ics import NOTE_LABELS, NoteKind
from visitation.domain.prevention import (
    POSITION_LABELS,
    PREVENTION_LABELS,
    WELLBEING_LABELS,
    Position,
    Prevention,
    Wellbeing,
)
from visitation.domain.rules import ruler_range, ruler_warning
from visitation.domain.sos import COLUMNS, Kind

if TYPE_CHECKING:
    from visitation.domain.privacy import Scrubber
    from visitation.domain.profiles import Profile
    from visitation.services.method_views import IcsNoteRow, SosView
    from visitation.services.views import DecisionRow


@dataclass(frozen=True)
class SosItem:
    """A line of the mapping; `who` said it (blank when not named)."""

    text: str
    who: str


@dataclass(frozen=True)
class ScaleLine:
    """A person's newest rating on the safety scale as it stood at the meeting."""

    who: str
    score: int
    rated_on: str


@dataclass(frozen=True)
class PlanRule:
    """A rule of a safety plan and the network people who keep it."""

    text: str
    keepers: tuple[str, ...]


@dataclass(frozen=True)
class SignsOfSafety:
    """The case's mapping and safety plan as they stood at the meeting."""

    worries: tuple[SosItem, ...]
    working: tuple[SosItem, ...]
    next: tuple[SosItem, ...]
    danger: tuple[str, ...]
    goals: tuple[str, ...]
    scale: tuple[ScaleLine, ...]
    plan: tuple[PlanRule, ...]


@dataclass(frozen=True)
class IcsNote:
    """A strength or a concern on one dimension of the ICS triangle."""

    side: str
    dimension: str
    label: str
    """`Barnets udvikling – Sundhedsforhold`."""
    kind: str
    kind_label: str
    text: str


@dataclass(frozen=True)
class PreventionLine:
    """Socialstyrelsen's prevention triangle and position × trivsel on the case (blank when not set)."""

    prevention: str
    prevention_label: str
    position: str
    position_label: str
    wellbeing: str
    wellbeing_label: str


@dataclass(frozen=True)
class RulerNote:
    """A decision whose step lies outside the steps the case's zone usually calls for, and why."""

    zone: int | None
    zone_label: str
    low: int | None
    high: int | None
    """The range of steps the profile's guidance gives for the zone (None when the step lies inside it now)."""
    step: int
    warning: str
    """`Zone 4 (…) peger normalt på trin 3–4; trin 5 er valgt` ('' when the zone at the meeting is unknown)."""
    basis: str
    """Where the municipality's guidance comes from."""
    reason: str


def signs_of_safety(view: SosView | None, scrub: Scrubber) -> SignsOfSafety | None:
    """The mapping, the newest rating per person and the plan; None when nothing is mapped."""
    if view is None or view.empty:
        return None

    def items(kind: Kind) -> tuple[SosItem, ...]:
        return tuple(SosItem(scrub(x.text), scrub.person(x.who) if x.who else "") for x in view.of(kind.value))

    worries, working, next_ = (items(k) for k in COLUMNS)
    latest = sorted(view.latest.values(), key=lambda r: (r.who.casefold(), r.who))
    return SignsOfSafety(
        worries=worries, working=working, next=next_,
        danger=tuple(scrub(x.text) for x in view.of(Kind.DANGER.value)),
        goals=tuple(scrub(x.text) for x in view.of(Kind.GOAL.value)),
        scale=tuple(ScaleLine(scrub.person(r.who), r.score, r.rated_on.isoformat()) for r in latest),
        plan=tuple(PlanRule(scrub(r.text), tuple(scrub.person(k) for k in r.keepers)) for r in view.plan))


def ics_notes(rows: list[IcsNoteRow], scrub: Scrubber) -> tuple[IcsNote, ...]:
    """The notes in the triangle's order; within a dimension the strengths first, each as written."""
    ordered = sorted(enumerate(rows), key=lambda p: (_dimension_rank(rows, p[1]), p[1].kind != NoteKind.STRENGTH,
                                                     p[0]))
    return tuple(IcsNote(n.side, n.dimension, n.label, n.kind, _kind_label(n.kind), scrub(n.text))
                 for _, n in ordered)


def _dimension_rank(rows: list[IcsNoteRow], row: IcsNoteRow) -> int:
    """Where a dimension first comes in the rows (already in the triangle's order)."""
    return next(i for i, r in enumerate(rows) if (r.side, r.dimension) == (row.side, row.dimension))


def _kind_label(kind: str) -> str:
    try:
        return NOTE_LABELS[NoteKind(kind)]
    except ValueError:
        return kind


def prevention(profile: Profile, values: tuple[str, str, str]) -> PreventionLine | None:
    """The prevention triangle's line, for a profile that uses it and a case with any of the three set."""
    if not profile.methods.prevention_triangle or not any(values):
        return None
    level, position, wellbeing = values
    return PreventionLine(level, _enum_label(PREVENTION_LABELS, Prevention, level),
                          position, _enum_label(POSITION_LABELS, Position, position),
                          wellbeing, _enum_label(WELLBEING_LABELS, Wellbeing, wellbeing))


def _enum_label(labels: dict, kind: type, value: str) -> str:  # type: ignore[type-arg]
    if not value:
        return ""
    try:
        return str(labels[kind(value)])
    except (ValueError, KeyError):
        return value


_KEPT = re.compile(r"^(?P<rule>.*) \(holdes af: (?P<keepers>[^()]*)\)$")


def decision_plan(text: str, scrub: Scrubber) -> tuple[PlanRule, ...]:
    """The safety plan a decision locked (one rule a line, `RULE (holdes af: A, B)`), as rules with keepers."""
    rules = []
    for line in filter(None, (x.strip() for x in text.splitlines())):
        found = _KEPT.match(line)
        if found is None:
            rules.append(PlanRule(scrub(line), ()))
            continue
        keepers = tuple(scrub.person(k.strip()) for k in found["keepers"].split(",") if k.strip())
        rules.append(PlanRule(scrub(found["rule"]), keepers))
    return tuple(rules)


def ruler_note(d: DecisionRow, profile: Profile, zone: int | None, scrub: Scrubber) -> RulerNote | None:
    """The warning the meeting saw and the reason it gave, for a decision that states a ruler reason.

    Recomputed with the rules' own function from the decision's step and outcome and the case's zone at
    the meeting, so it says what the wall said then."""
    if not d.ruler_reason.strip():
        return None
    try:
        outcome = Outcome(d.outcome)
    except ValueError:
        outcome = Outcome.APPROVED
    draft = DecisionDraft(outcome=outcome, step=d.step, facts=CaseFacts(zone=zone))
    span = ruler_range(draft, profile)
    warning = ruler_warning(draft, profile) or ""
    label = profile.zone(zone).label if zone is not None and _has_zone(profile, zone) else ""
    return RulerNote(zone=zone, zone_label=label, low=span[0] if span else None, high=span[1] if span else None,
                     step=d.step, warning=warning[:1].upper() + warning[1:], basis=profile.ruler_steps.basis,
                     reason=scrub(d.ruler_reason))


def _has_zone(profile: Profile, number: int) -> bool:
    return any(z.number == number for z in profile.zones)
