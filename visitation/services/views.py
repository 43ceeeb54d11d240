"""The plain data services return: frozen dataclasses, never live ORM rows."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from visitation.services.method_views import IcsNoteRow, SosView


def jsonable(value: Any) -> Any:
    """A view (or list of views) as JSON-ready data: dates as ISO strings."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def cpr_masked(value: Any) -> Any:
    """A view (or list of views) for screens and tables below `--privacy full` (SPEC §9.5): every CPR
    number in its free text (names, relations, notes) masked as `110418-xxxx`. Minutes and case exports
    choose their level themselves (the Scrubber); this is for the views that have no level to choose."""
    from visitation.domain.cpr import redact

    if isinstance(value, str):
        return redact(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: cpr_masked(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
        return dataclasses.replace(value, **{k: v for k, v in changes.items() if v is not getattr(value, k)})
    if isinstance(value, list):
        return [cpr_masked(v) for v in value]
    if isinstance(value, tuple):
        return tuple(cpr_masked(v) for v in value)
    if isinstance(value, dict):
        return {k: cpr_masked(v) for k, v in value.items()}
    return value


@dataclass(frozen=True)
class CaseRow:
    """A case in a listing."""

    id: int
    ref: str
    name: str
    initials: str
    age: int
    step: int
    caseworker: str
    status: str
    profile: str


@dataclass(frozen=True)
class NetworkRow:
    """A person on the network map."""

    id: int
    name: str
    relation: str
    sector: str
    ring: int
    valence: str
    placement_candidate: bool
    note: str
    version: int


def snapshot_row(p: dict[str, Any]) -> NetworkRow:
    """A person as kept in a decision's network snapshot."""
    return NetworkRow(id=int(p.get("id") or 0), name=str(p.get("name", "")), relation=str(p.get("relation", "")),
                      sector=str(p.get("sector", "")), ring=int(p.get("ring") or 3),
                      valence=str(p.get("valence", "resource")),
                      placement_candidate=bool(p.get("placement_candidate")), note=str(p.get("note", "")),
                      version=int(p.get("version") or 1))


@dataclass(frozen=True)
class AssessmentRow:
    """One rater's mark on the Børnelineal (or the consensus)."""

    id: int
    date: dt.date
    zone: int
    zone_label: str
    axis: str
    rater: str
    role: str
    protective: list[str]
    risk: list[str]
    note: str
    consensus: bool


@dataclass(frozen=True)
class AlternativeRow:
    """An alternative considered."""

    step: int
    intervention: str
    verdict: str
    reason: str
    id: int = 0
    version: int = 1


@dataclass(frozen=True)
class FollowupRow:
    """A follow-up with its state."""

    id: int
    case_id: int
    case_ref: str
    decision_id: int
    due: dt.date
    kind: str
    label: str
    legal: list[str]
    responsible: str
    done_on: dt.date | None
    note: str
    overdue: bool


@dataclass(frozen=True)
class DecisionRow:
    """A recorded decision."""

    id: int
    case_id: int
    meeting_id: int | None
    outcome: str
    step_before: int
    step: int
    interventions: list[str]
    legal_basis: list[str]
    law_version: str
    purpose: str
    duration: str
    start: dt.date | None
    child_view: str
    child_view_how: str
    parents_view: str
    consent: str
    dissent: str
    rationale: str
    created_at: dt.datetime
    created_by: str
    supersedes_id: int | None
    goals: str = ""
    youth_consent: str = "unknown"
    investigation_done: dt.date | None = None
    acute: bool = False
    return_period_months: int | None = None
    siblings: str = ""
    schooling: str = ""
    foster_assessment: str = ""
    ruler_reason: str = ""
    safety_plan: str = ""
    superseded: bool = False
    alternatives: list[dict[str, Any]] = field(default_factory=list)
    followups: list[FollowupRow] = field(default_factory=list)


@dataclass(frozen=True)
class NetworkChanges:
    """The map now against the one kept with the last decision: who joined, changed, left."""

    joined: list[int]
    changed: list[int]
    left: list[dict[str, str]]
    """name and relation of each person no longer on the map."""


@dataclass(frozen=True)
class ScorePoint:
    """A goal's score (0–10) on a day."""

    date: dt.date
    score: int


@dataclass(frozen=True)
class GoalRow:
    """A goal or sub-goal (parent_id set) of a case, with its scores over time, oldest first."""

    id: int
    parent_id: int | None
    text: str
    due: dt.date | None
    status: str
    closed_on: dt.date | None
    latest: int | None
    """The newest score, None before the first follow-up."""
    scores: list[ScorePoint] = field(default_factory=list)


@dataclass(frozen=True)
class ProposalView:
    """The caseworker's proposal."""

    step: int
    interventions: list[str]
    purpose: str
    duration: str
    rationale: str


@dataclass(frozen=True)
class TrajectoryPoint:
    """A day in the child's path: the step in force, the team's zone on the ruler, and what happened."""

    date: dt.date
    step: int
    zone: int | None
    event: str


@dataclass(frozen=True)
class CaseDetail:
    """A whole case, as `case show` and the TUI's case flow see it."""

    id: int
    ref: str
    name: str
    initials: str
    birth_date: dt.date
    age: int
    cpr: str
    caseworker: str
    school: str
    reason: str
    step: int
    step_label: str
    status: str
    profile: str
    profile_version: str
    child_view: str
    child_view_how: str
    child_view_date: dt.date | None
    parents_view: str
    parents_consent: str
    version: int
    proposal: ProposalView | None
    assessments: list[AssessmentRow]
    network: list[NetworkRow]
    alternatives: list[AlternativeRow]
    decisions: list[DecisionRow]
    age_facts: list[str]
    network_changes: NetworkChanges = field(default_factory=lambda: NetworkChanges([], [], []))
    trajectory: list[TrajectoryPoint] = field(default_factory=list)
    goals: list[GoalRow] = field(default_factory=list)
    sos: SosView = field(default_factory=SosView)
    ics: list[IcsNoteRow] = field(default_factory=list)
    prevention: str = ""
    position: str = ""
    wellbeing: str = ""


@dataclass(frozen=True)
class ParticipantRow:
    """A meeting participant."""

    name: str
    role: str
    organisation: str
    present: bool


@dataclass(frozen=True)
class DocketRow:
    """A case on a meeting's docket."""

    position: int
    case_id: int
    case_ref: str
    name: str
    initials: str
    age: int
    step: int
    minutes: int
    state: str
    started_at: dt.datetime | None = None
    overdue: int = 0
    """Follow-ups of the case past their due date (on the meeting's date)."""
    next_followup: dt.date | None = None
    """The case's earliest open follow-up (overdue ones included)."""
    decided_at: dt.datetime | None = None
    """When the decision in force at this meeting was recorded (the end of the case's time at the meeting)."""


@dataclass(frozen=True)
class MeetingRow:
    """A meeting in a listing or shown whole (with participants and docket)."""

    id: int
    ref: str
    date: dt.date
    title: str
    chair: str
    state: str
    cases: int
    participants: list[ParticipantRow] = field(default_factory=list)
    docket: list[DocketRow] = field(default_factory=list)
    municipality: str | None = None
    """The municipality the meeting belongs to: that of the cases on its docket (None while it is empty)."""
    profile: str | None = None
    """The key of that municipality's profile."""


@dataclass(frozen=True)
class AuditRow:
    """One audit event."""

    id: int
    at: dt.datetime
    user: str
    action: str
    case_id: int | None
    entity: str
    entity_id: int | None
    purpose: str
    detail: str
