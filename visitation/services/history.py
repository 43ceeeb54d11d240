"""A case's history in the case file (`visitation.case/2`): its decisions with their follow-ups, its goals
with their scores — written out for another municipality, and restored from one.

Restored decisions are history, not new decisions: they are appended to this database's decision chain
in their original order with their original time and author, never judged by today's rules, and they
belong to no meeting here (the meeting they were made at is kept as their origin).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from typing import Any, TypeVar

from sqlmodel import Session, SQLModel, col, select

from visitation.domain.casefile import (
    CaseFile,
    DecisionRecord,
    FollowupRecord,
    GoalRecord,
    SnapshotPerson,
)
from visitation.domain.decision import STORED_FIELDS
from visitation.errors import InvalidInput
from visitation.services import audit
from visitation.services.db import Db
from visitation.services.views import NetworkRow, jsonable
from visitation.store import chain
from visitation.store.models import (
    Case,
    Decision,
    DecisionOrigin,
    Followup,
    Goal,
    GoalScore,
    Meeting,
)

Row = TypeVar("Row", bound=SQLModel)

# --- out ------------------------------------------------------------------------------------------


def document(session: Session, case: Case) -> dict[str, Any]:
    """The `decisions` and `goals` of a case file: oldest first, links between them as list positions."""
    return {"decisions": _decisions_out(session, case.id), "goals": _goals_out(session, case.id)}  # type: ignore[arg-type]


def moment(value: dt.datetime) -> str:
    """A stored time as the file writes it: UTC, to the microsecond, so a restored decision is the same."""
    return value.astimezone(dt.UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _decisions_out(session: Session, case_id: int) -> list[dict[str, Any]]:
    rows = session.exec(select(Decision).where(Decision.case_id == case_id).order_by(col(Decision.id))).all()
    position = {d.id: i for i, d in enumerate(rows)}
    planned: dict[int, list[Followup]] = defaultdict(list)
    for f in session.exec(select(Followup).where(Followup.case_id == case_id).order_by(col(Followup.id))):
        planned[f.decision_id].append(f)
    held = _meetings(session, rows)
    return [{**_decision_out(d, position), "meeting": held.get(d.id),  # type: ignore[arg-type]
             "followups": [_followup_out(f, position) for f in planned[d.id]]}  # type: ignore[index]
            for d in rows]


def _decision_out(d: Decision, position: dict[int | None, int]) -> dict[str, Any]:
    """A decision row as the file has it: the declared fields, then who, when, under which law."""
    return {"outcome": d.outcome, "step_before": d.step_before,
            **{name: jsonable(getattr(d, name)) for name in STORED_FIELDS},
            "legal_basis": list(d.legal_basis), "law_version": d.law_version, "profile_key": d.profile_key,
            "profile_version": d.profile_version, "alternatives": list(d.alternatives),
            "network_snapshot": list(d.network_snapshot), "participants": list(d.participants),
            "created_at": moment(d.created_at), "created_by": d.created_by,
            "supersedes": position.get(d.supersedes_id)}


def _meetings(session: Session, rows: Sequence[Decision]) -> dict[int, dict[str, str]]:
    """The meeting of each decision, here or (for one imported with its case) where it was made."""
    ids = [d.id for d in rows]
    here = session.exec(select(col(Decision.id), col(Meeting.ref), col(Meeting.date))
                        .join(Meeting, col(Meeting.id) == col(Decision.meeting_id)).where(col(Decision.id).in_(ids)))
    there = session.exec(select(col(DecisionOrigin.decision_id), col(DecisionOrigin.meeting_ref),
                                col(DecisionOrigin.meeting_date))
                         .where(col(DecisionOrigin.decision_id).in_(ids)))
    return {i: {"ref": ref, "date": day.isoformat()} for i, ref, day in [*here, *there]}


def _followup_out(f: Followup, position: dict[int | None, int]) -> dict[str, Any]:
    return {"due": f.due.isoformat(), "kind": f.kind, "label": f.label, "legal": list(f.legal),
            "responsible": f.responsible, "done_on": _day(f.done_on), "done_by": f.done_by, "note": f.note,
            "moot_by": position.get(f.superseded_by_id)}


def _goals_out(session: Session, case_id: int) -> list[dict[str, Any]]:
    """Goals in the order made, so a sub-goal always comes after its goal."""
    goals = session.exec(select(Goal).where(Goal.case_id == case_id).order_by(col(Goal.id))).all()
    position = {g.id: i for i, g in enumerate(goals)}
    scores: dict[int, list[GoalScore]] = defaultdict(list)
    for s in session.exec(select(GoalScore).join(Goal, col(GoalScore.goal_id) == col(Goal.id))
                          .where(Goal.case_id == case_id).order_by(col(GoalScore.scored_on), col(GoalScore.id))):
        scores[s.goal_id].append(s)
    return [{"text": g.text, "parent": position.get(g.parent_id), "due": _day(g.due), "status": g.status,
             "closed_on": _day(g.closed_on), "created_at": moment(g.created_at), "created_by": g.created_by,
             "scores": [{"date": s.scored_on.isoformat(), "score": s.score, "by": s.scored_by}
                        for s in scores[g.id]]}  # type: ignore[index]
            for g in goals]


# --- in -------------------------------------------------------------------------------------------


def restore(session: Session, db: Db, case: Case, parsed: CaseFile) -> None:
    """Write a case file's history inside the caller's transaction; one audit event says what came with it."""
    decisions = _restore_decisions(session, case, parsed.decisions)
    _restore_followups(session, case, parsed.decisions, decisions)
    _restore_goals(session, db, case, parsed.goals)
    if parsed.decisions or parsed.goals:
        followups = sum(len(r.followups) for r in parsed.decisions)
        scores = sum(len(g.scores) for g in parsed.goals)
        audit.log(session, db, "import", case.id, "decision" if decisions else "goal", None,
                  f"{len(decisions)} beslutninger ({followups} opfølgninger) og {len(parsed.goals)} mål "
                  f"({scores} scoringer) indlæst med sagen")


def _restore_decisions(session: Session, case: Case, records: Sequence[DecisionRecord]) -> list[Decision]:
    """The decisions appended to the chain in the file's order (so a replaced one is there before its successor)."""
    rows = [_decision_row(case, r, f"decisions[{i}]") for i, r in enumerate(records)]
    for row, record in zip(rows, records, strict=True):
        if record.supersedes is not None:
            row.supersedes_id = rows[record.supersedes].id
        chain.append(session, row)
        if record.meeting_ref:
            session.add(DecisionOrigin(decision_id=row.id, meeting_ref=record.meeting_ref,  # type: ignore[arg-type]
                                       meeting_date=record.meeting_date))  # type: ignore[arg-type]
    return rows


def _decision_row(case: Case, r: DecisionRecord, path: str) -> Decision:
    declared: dict[str, Any] = {name: list(value) if isinstance(value, tuple) else value
                                for name, value in r.declared.items()}
    return _fitting(path, Decision(
        **declared, case_id=case.id, meeting_id=None,  # type: ignore[arg-type]
        step_before=r.step_before, legal_basis=list(r.legal_basis),
        law_version=r.law_version, profile_key=r.profile_key, profile_version=r.profile_version,
        alternatives=jsonable(r.alternatives), network_snapshot=[_snapshot(p) for p in r.network_snapshot],
        participants=jsonable(r.participants), created_at=r.created_at, created_by=r.created_by))


def _snapshot(p: SnapshotPerson) -> dict[str, Any]:
    """A network person as a decision keeps it (the shape of `NetworkRow`)."""
    snapshot: dict[str, Any] = jsonable(NetworkRow(id=p.id, **asdict(p.person), version=p.version))
    return snapshot


def _restore_followups(session: Session, case: Case, records: Sequence[DecisionRecord],
                       rows: list[Decision]) -> None:
    for i, (record, decision) in enumerate(zip(records, rows, strict=True)):
        for j, f in enumerate(record.followups):
            session.add(_fitting(f"decisions[{i}].followups[{j}]", _followup_row(case, decision, f, rows)))


def _followup_row(case: Case, decision: Decision, f: FollowupRecord, rows: list[Decision]) -> Followup:
    return Followup(decision_id=decision.id, case_id=case.id, due=f.due, kind=f.kind, label=f.label,  # type: ignore[arg-type]
                    legal=list(f.legal), responsible=f.responsible, done_on=f.done_on, done_by=f.done_by,
                    note=f.note, superseded_by_id=rows[f.moot_by].id if f.moot_by is not None else None)


def _restore_goals(session: Session, db: Db, case: Case, records: Iterable[GoalRecord]) -> None:
    """Goals in the file's order (a goal before its sub-goals), each with its scores."""
    made: list[Goal] = []
    for i, g in enumerate(records):
        row = _fitting(f"goals[{i}]", _goal_row(db, case, g, made))
        session.add(row)
        session.flush()
        made.append(row)
        for j, s in enumerate(g.scores):
            session.add(_fitting(f"goals[{i}].scores[{j}]", GoalScore(
                goal_id=row.id, score=s.score, scored_on=s.date, scored_by=s.by or db.user),  # type: ignore[arg-type]
                {"scored_by": "by"}))


def _goal_row(db: Db, case: Case, g: GoalRecord, made: list[Goal]) -> Goal:
    """A goal as it was; who made it and when, if the file does not say, is the importer and now."""
    when: dict[str, Any] = {"created_at": g.created_at} if g.created_at else {}
    return Goal(case_id=case.id, parent_id=made[g.parent].id if g.parent is not None else None, text=g.text,  # type: ignore[arg-type]
                due=g.due, status=g.status.value, closed_on=g.closed_on, created_by=g.created_by or db.user, **when)


def _fitting(path: str, row: Row, names: dict[str, str] | None = None) -> Row:
    """The row, if every text fits its column (PostgreSQL would refuse a longer one with an error, not a
    message); else an error naming the file's field."""
    for column in row.__table__.columns:  # type: ignore[attr-defined]
        length, value = getattr(column.type, "length", None), getattr(row, column.name)
        if length and isinstance(value, str) and len(value) > length:
            name = (names or {}).get(column.name, column.name)
            raise InvalidInput(f"{path}.{name}: er for lang (højst {length} tegn)")
    return row
