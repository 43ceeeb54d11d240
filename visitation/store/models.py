"""The SQLModel tables. Decisions and audit events are append-only and hash-chained."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Index, MetaData, UniqueConstraint
from sqlmodel import Field, SQLModel

SQLModel.metadata.naming_convention = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata: MetaData = SQLModel.metadata


def utcnow() -> dt.datetime:
    """Now, aware and in UTC (every timestamp in the database is UTC)."""
    return dt.datetime.now(dt.UTC)


def _json(**kw: Any) -> Any:
    return Field(default_factory=list, sa_type=JSON, **kw)


class Setting(SQLModel, table=True):
    """A database-wide setting, such as the default profile."""

    __tablename__ = "setting"
    key: str = Field(primary_key=True, max_length=100)
    value: str = Field(max_length=200)


class StoredProfile(SQLModel, table=True):
    """A profile's text as it was when a case was put under it, so old cases read as decided."""

    __tablename__ = "profile"
    __table_args__ = (UniqueConstraint("key", "version"),)
    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=100)
    version: str = Field(max_length=50)
    text: str
    created_at: dt.datetime = Field(default_factory=utcnow)


class Child(SQLModel, table=True):
    """The child a case is about."""

    __tablename__ = "child"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    initials: str = Field(max_length=10)
    birth_date: dt.date
    cpr: str | None = Field(default=None, max_length=11)


class Case(SQLModel, table=True):
    """A case (sag): the child, the caseworker, the reason, where the child is on the staircase."""

    __tablename__ = "case"
    __table_args__ = (
        # Covers the key figures' reads of open cases (per step, caseworker, month opened) without
        # touching the wide rows: 10x faster at 100,000 cases.
        Index("ix_case_figures", "status", "current_step", "caseworker", "created_at"),
        # Covers Socialstyrelsen's figures (open cases by profile, prevention level, position × trivsel) in
        # the GROUP BY's order: 20-30 ms instead of 150-400 ms at 100,000 cases.
        Index("ix_case_prevention", "status", "profile_key", "profile_version", "prevention", "position",
              "wellbeing"),
        # The cases opened in the running month, which the kept months of the key figures do not count yet.
        Index("ix_case_created", "created_at", "id"),
    )
    id: int | None = Field(default=None, primary_key=True)
    ref: str = Field(max_length=40, unique=True)
    child_id: int = Field(foreign_key="child.id", index=True)
    profile_key: str = Field(max_length=100)
    profile_version: str = Field(max_length=50)
    caseworker: str = Field(default="", max_length=200, index=True)
    school: str = Field(default="", max_length=300)
    reason: str = ""
    current_step: int = Field(index=True)
    status: str = Field(default="open", max_length=20)
    child_view: str = ""
    child_view_how: str = Field(default="", max_length=500)
    child_view_date: dt.date | None = None
    parents_view: str = ""
    parents_consent: str = Field(default="unknown", max_length=20)
    search_text: str = Field(default="", max_length=1000)
    """Lower-case ref, names, initials, caseworker and school: what `case list --search` scans."""
    prevention: str = Field(default="", max_length=20)
    """The prevention triangle's level (Socialstyrelsen): primary, secondary, tertiary or blank."""
    position: str = Field(default="", max_length=20)
    """Skema 2's position: not-exposed, at-risk, exposed or blank."""
    wellbeing: str = Field(default="", max_length=20)
    """Skema 2's trivsel: thriving, not-thriving or blank."""
    created_at: dt.datetime = Field(default_factory=utcnow)
    updated_at: dt.datetime = Field(default_factory=utcnow)
    version: int = 1


class NetworkMember(SQLModel, table=True):
    """A person on the child's network map; removal is a date, so earlier maps can be compared."""

    __tablename__ = "network_member"
    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    name: str = Field(max_length=200)
    relation: str = Field(max_length=200)
    sector: str = Field(max_length=20)
    ring: int
    valence: str = Field(default="resource", max_length=20)
    placement_candidate: bool = False
    note: str = ""
    created_at: dt.datetime = Field(default_factory=utcnow)
    removed_at: dt.datetime | None = None
    version: int = 1


class Assessment(SQLModel, table=True):
    """A rater's zone on the Børnelineal, or the team's consensus."""

    __tablename__ = "assessment"
    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    meeting_id: int | None = Field(default=None, foreign_key="meeting.id")
    date: dt.date
    zone: int
    axis: str = Field(default="child", max_length=20)
    rater: str = Field(max_length=200)
    role: str = Field(max_length=200)
    protective: list[str] = _json()
    risk: list[str] = _json()
    note: str = ""
    consensus: bool = False
    created_at: dt.datetime = Field(default_factory=utcnow)


class Proposal(SQLModel, table=True):
    """The caseworker's proposal (indstilling); the newest one counts."""

    __tablename__ = "proposal"
    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    step: int
    interventions: list[str] = _json()
    purpose: str = ""
    duration: str = Field(default="", max_length=200)
    rationale: str = ""
    created_at: dt.datetime = Field(default_factory=utcnow)


class Alternative(SQLModel, table=True):
    """An alternative considered for the case (afdækning af alternativer)."""

    __tablename__ = "alternative"
    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    step: int
    intervention: str = Field(max_length=100)
    verdict: str = Field(max_length=20)
    reason: str = ""
    created_at: dt.datetime = Field(default_factory=utcnow)
    version: int = 1


class DraftDecision(SQLModel, table=True):
    """The decision form as it is being filled in, saved field by field so a crash loses nothing."""

    __tablename__ = "draft_decision"
    __table_args__ = (UniqueConstraint("case_id", "meeting_id"),)
    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    meeting_id: int = Field(foreign_key="meeting.id")
    fields: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    updated_at: dt.datetime = Field(default_factory=utcnow)
    updated_by: str = Field(default="", max_length=200)
    version: int = 1


class Meeting(SQLModel, table=True):
    """A visitation meeting: date, chair, state."""

    __tablename__ = "meeting"
    id: int | None = Field(default=None, primary_key=True)
    ref: str = Field(max_length=40, unique=True)
    date: dt.date = Field(index=True)
    title: str = Field(default="Visitationsmøde", max_length=200)
    chair: str = Field(max_length=200)
    state: str = Field(default="planned", max_length=20)
    created_at: dt.datetime = Field(default_factory=utcnow)
    closed_at: dt.datetime | None = None
    version: int = 1


class Participant(SQLModel, table=True):
    """Someone at (or invited to) a meeting."""

    __tablename__ = "participant"
    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True)
    name: str = Field(max_length=200)
    role: str = Field(default="", max_length=200)
    organisation: str = Field(default="", max_length=200)
    present: bool = True


class DocketItem(SQLModel, table=True):
    """A case on a meeting's docket, in order, with its time box."""

    __tablename__ = "docket_item"
    __table_args__ = (UniqueConstraint("meeting_id", "case_id"),)
    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    position: int
    minutes: int = 20
    state: str = Field(default="waiting", max_length=20)
    started_at: dt.datetime | None = None
    version: int = 1


class Decision(SQLModel, table=True):
    """A decision; never updated: a correction is a new row that supersedes it."""

    __tablename__ = "decision"
    __table_args__ = (
        # The thin columns the key figures read, so they never touch the wide rows (rationale, network).
        Index("ix_decision_figures", "outcome", "case_id", "id", "step_before", "step", "created_at", "start",
              "meeting_id", "supersedes_id"),
        # The cases moved in the running month, which the kept months of the key figures do not count yet.
        Index("ix_decision_created", "created_at", "outcome", "case_id"),
    )
    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    meeting_id: int | None = Field(default=None, foreign_key="meeting.id", index=True)
    supersedes_id: int | None = Field(default=None, foreign_key="decision.id", index=True)
    outcome: str = Field(max_length=20)
    step_before: int
    step: int
    interventions: list[str] = _json()
    legal_basis: list[str] = _json()
    law_version: str = Field(max_length=100)
    profile_key: str = Field(max_length=100)
    profile_version: str = Field(max_length=50)
    purpose: str = ""
    duration: str = Field(default="", max_length=200)
    start: dt.date | None = None
    goals: str = ""
    child_view: str = ""
    child_view_how: str = Field(default="", max_length=500)
    parents_view: str = ""
    consent: str = Field(max_length=20)
    youth_consent: str = Field(default="unknown", max_length=20)
    investigation_done: dt.date | None = None
    acute: bool = False
    return_period_months: int | None = None
    siblings: str = ""
    schooling: str = ""
    foster_assessment: str = ""
    dissent: str = ""
    rationale: str = ""
    ruler_reason: str = ""
    safety_plan: str = ""
    alternatives: list[dict[str, Any]] = _json()
    network_snapshot: list[dict[str, Any]] = _json()
    participants: list[dict[str, Any]] = _json()
    created_at: dt.datetime = Field(default_factory=utcnow)
    created_by: str = Field(max_length=200)
    prev_hash: str = Field(default="", max_length=64)
    hash: str = Field(default="", max_length=64)


class DecisionOrigin(SQLModel, table=True):
    """Where a decision imported with its case was made: a meeting of another system, not in this database."""

    __tablename__ = "decision_origin"
    decision_id: int = Field(foreign_key="decision.id", primary_key=True)
    meeting_ref: str = Field(max_length=40)
    meeting_date: dt.date


class Followup(SQLModel, table=True):
    """A follow-up due after a decision."""

    __tablename__ = "followup"
    __table_args__ = (
        # Covers the follow-ups still due (not made moot, not done) by date, for the key figures and the
        # overdue lists, without reading the wide rows.
        Index("ix_followup_figures", "superseded_by_id", "done_on", "due", "decision_id", "case_id"),
    )
    id: int | None = Field(default=None, primary_key=True)
    decision_id: int = Field(foreign_key="decision.id", index=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    due: dt.date = Field(index=True)
    kind: str = Field(max_length=50)
    label: str = Field(max_length=300)
    legal: list[str] = _json()
    responsible: str = Field(default="", max_length=200, index=True)
    done_on: dt.date | None = None
    done_by: str = Field(default="", max_length=200)
    note: str = ""
    outcome_decision_id: int | None = Field(default=None, foreign_key="decision.id")
    superseded_by_id: int | None = Field(default=None, foreign_key="decision.id")
    """A later decision that made this follow-up moot (the child moved home): no longer due, never 'done'."""
    version: int = 1


class Goal(SQLModel, table=True):
    """A goal (mål) of a case, or a sub-goal (delmål) of one: made with the child and the parents."""

    __tablename__ = "goal"
    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    parent_id: int | None = Field(default=None, foreign_key="goal.id", index=True)
    """The goal this is a sub-goal of; None for a goal. Two levels only."""
    text: str = Field(max_length=2000)
    due: dt.date | None = None
    status: str = Field(default="open", max_length=20)
    """open, reached or dropped (visitation.domain.goals.GoalStatus)."""
    closed_on: dt.date | None = None
    created_at: dt.datetime = Field(default_factory=utcnow)
    created_by: str = Field(max_length=200)


class GoalScore(SQLModel, table=True):
    """A goal's progress 0–10 on a day, usually scored at a follow-up; never changed, only added to."""

    __tablename__ = "goal_score"
    id: int | None = Field(default=None, primary_key=True)
    goal_id: int = Field(foreign_key="goal.id", index=True)
    followup_id: int | None = Field(default=None, foreign_key="followup.id", index=True)
    score: int
    scored_on: dt.date
    scored_by: str = Field(max_length=200)
    created_at: dt.datetime = Field(default_factory=utcnow)


class SosEntry(SQLModel, table=True):
    """A line of a case's Signs of Safety mapping: a column's item, a danger statement or a safety goal."""

    __tablename__ = "sos_entry"
    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    kind: str = Field(max_length=20)
    """worries, working, next, danger or goal (visitation.domain.sos.Kind)."""
    text: str = Field(max_length=2000)
    who: str = Field(default="", max_length=200)
    """Whose words (a column's item may name who said it)."""
    created_at: dt.datetime = Field(default_factory=utcnow)
    created_by: str = Field(max_length=200)


class SosScale(SQLModel, table=True):
    """One person's rating on the safety scale, 0 (the child cannot stay at home) to 10 (safe to close)."""

    __tablename__ = "sos_scale"
    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    who: str = Field(max_length=200)
    score: int
    rated_on: dt.date
    created_at: dt.datetime = Field(default_factory=utcnow)
    created_by: str = Field(max_length=200)


class SafetyRule(SQLModel, table=True):
    """A rule of the case's safety plan (sikkerhedsplan), kept by named people of the network map."""

    __tablename__ = "safety_rule"
    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    text: str = Field(max_length=2000)
    keepers: list[int] = _json()
    """The network members (network_member.id) who keep the rule."""
    created_at: dt.datetime = Field(default_factory=utcnow)
    created_by: str = Field(max_length=200)


class IcsNote(SQLModel, table=True):
    """A strength or a concern on one dimension of the ICS triangle."""

    __tablename__ = "ics_note"
    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    side: str = Field(max_length=20)
    dimension: str = Field(max_length=40)
    kind: str = Field(max_length=20)
    """strength or concern (visitation.domain.ics.NoteKind)."""
    text: str = Field(max_length=2000)
    created_at: dt.datetime = Field(default_factory=utcnow)
    created_by: str = Field(max_length=200)


class AuditEvent(SQLModel, table=True):
    """Who did what to which case, when and why; append-only and hash-chained."""

    __tablename__ = "audit_event"
    id: int | None = Field(default=None, primary_key=True)
    at: dt.datetime = Field(default_factory=utcnow)
    user: str = Field(max_length=200)
    action: str = Field(max_length=30)
    case_id: int | None = Field(default=None, index=True)
    entity: str = Field(default="", max_length=50)
    entity_id: int | None = None
    purpose: str = Field(default="", max_length=300)
    detail: str = Field(default="", max_length=1000)
    prev_hash: str = Field(default="", max_length=64)
    hash: str = Field(default="", max_length=64)
