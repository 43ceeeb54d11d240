"""Stored rows as the plain views services return, and the small reads behind them.

They live apart from the use-case modules so that any service can build a view without importing
another use case (which is how the import circles cases → followups → decisions → cases arose).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ColumnElement
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from visitation.domain.decision import STORED_FIELDS
from visitation.services.views import (
    AlternativeRow,
    AssessmentRow,
    DecisionRow,
    FollowupRow,
    NetworkRow,
)
from visitation.store.models import Alternative, Assessment, Decision, Followup, NetworkMember


def replaced() -> SelectOfScalar[int | None]:
    """SQL: the ids of the decisions a correction replaced."""
    return select(col(Decision.supersedes_id)).where(col(Decision.supersedes_id).is_not(None))


def active() -> ColumnElement[bool]:
    """Follow-ups still due: their decision not replaced by a correction, and not made moot by a later one."""
    return col(Followup.decision_id).not_in(replaced()) & col(Followup.superseded_by_id).is_(None)


def followup_row(f: Followup, ref: str, today: dt.date) -> FollowupRow:
    """A follow-up as plain data."""
    return FollowupRow(id=f.id, case_id=f.case_id, case_ref=ref, decision_id=f.decision_id, due=f.due,  # type: ignore[arg-type]
                       kind=f.kind, label=f.label, legal=list(f.legal), responsible=f.responsible,
                       done_on=f.done_on, note=f.note, overdue=f.done_on is None and f.due < today)


def network_row(m: NetworkMember) -> NetworkRow:
    """A network person as plain data."""
    return NetworkRow(id=m.id, name=m.name, relation=m.relation, sector=m.sector, ring=m.ring,  # type: ignore[arg-type]
                      valence=m.valence, placement_candidate=m.placement_candidate, note=m.note,
                      version=m.version)


def network_rows(session: Session, case_id: int) -> list[NetworkRow]:
    """The current network map of a case (people not removed)."""
    rows = session.exec(select(NetworkMember).where(NetworkMember.case_id == case_id,
                                                    col(NetworkMember.removed_at).is_(None))
                        .order_by(col(NetworkMember.ring), col(NetworkMember.id))).all()
    return [network_row(m) for m in rows]


def alternative_rows(session: Session, case_id: int) -> list[AlternativeRow]:
    """The alternatives considered on a case, lowest step first."""
    rows = session.exec(select(Alternative).where(Alternative.case_id == case_id)
                        .order_by(col(Alternative.step), col(Alternative.id))).all()
    return [AlternativeRow(a.step, a.intervention, a.verdict, a.reason, a.id, a.version) for a in rows]  # type: ignore[arg-type]


def assessment_row(a: Assessment, zone_label: dict[int, str]) -> AssessmentRow:
    """An assessment as plain data."""
    return AssessmentRow(id=a.id, date=a.date, zone=a.zone, zone_label=zone_label.get(a.zone, ""),  # type: ignore[arg-type]
                         axis=a.axis, rater=a.rater, role=a.role, protective=list(a.protective),
                         risk=list(a.risk), note=a.note, consensus=a.consensus)


def decision_row(d: Decision, superseded: bool = False, followups: list[FollowupRow] | None = None) -> DecisionRow:
    """A decision as plain data: the declared fields as stored, then who, when and what it replaced."""
    declared = {**{name: getattr(d, name) for name in STORED_FIELDS}, "interventions": list(d.interventions)}
    return DecisionRow(
        **declared, id=d.id, case_id=d.case_id, meeting_id=d.meeting_id,  # type: ignore[arg-type]
        step_before=d.step_before, legal_basis=list(d.legal_basis), law_version=d.law_version,
        created_at=d.created_at, created_by=d.created_by, supersedes_id=d.supersedes_id,
        superseded=superseded, alternatives=list(d.alternatives), followups=followups or [])


def decision_rows(session: Session, case_id: int) -> list[DecisionRow]:
    """Every decision on a case, oldest first, each marked if a later one superseded it."""
    rows = session.exec(select(Decision).where(Decision.case_id == case_id).order_by(col(Decision.id))).all()
    superseded = {d.supersedes_id for d in rows if d.supersedes_id}
    planned: dict[int, list[FollowupRow]] = {}
    today = dt.date.today()
    for f in session.exec(select(Followup).where(Followup.case_id == case_id).order_by(col(Followup.due))):
        planned.setdefault(f.decision_id, []).append(followup_row(f, "", today))
    return [decision_row(d, d.id in superseded, planned.get(d.id, [])) for d in rows]  # type: ignore[arg-type]
