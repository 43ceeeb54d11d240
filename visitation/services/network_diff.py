"""`network diff`: who joined, left or changed on a child's network map between two meetings."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from visitation.domain.network import NetworkChange, changes
from visitation.errors import InvalidInput
from visitation.services import audit, lookup, rows
from visitation.services.db import Db
from visitation.services.views import NetworkRow, snapshot_row
from visitation.store.models import Case, Decision, Meeting


@dataclass(frozen=True)
class NetworkDiff:
    """The two maps compared and what changed between them."""

    case_ref: str
    before: str
    after: str
    changes: tuple[NetworkChange, ...]


def diff(db: Db, case_ident: str, before: str | None = None, after: str | None = None) -> NetworkDiff:
    """The map at meeting `before` (default: the one before `after`) against the map at `after` (default:
    the map now). A map at a meeting is the one snapshotted with the case's decision there. Logged once read
    (`audit.read_logged`: no write lock held)."""
    return audit.read_logged(db, case_ident, lambda session, case: _diff(session, case, before, after), "read",
                             "network", "netværk over tid")


def _diff(session: Session, case: Case, before: str | None, after: str | None) -> NetworkDiff:
    """`diff` in a read session, for a case found."""
    decided = _decisions(session, case.id)  # type: ignore[arg-type]
    if after is None:
        after_label, after_map, earlier = "nu", rows.network_rows(session, case.id), decided  # type: ignore[arg-type]
    else:
        at_after = _at(session, case, decided, after, "--to")
        after_label, after_map = at_after[1].ref, _rows(at_after[0])
        earlier = [d for d in decided if d[0].id < at_after[0].id and d[1].id != at_after[1].id]  # type: ignore[operator]
    if before is not None:
        before_decision, before_meeting = _at(session, case, decided, before, "--from")
    elif earlier:
        before_decision, before_meeting = earlier[-1]
    else:
        raise InvalidInput(f"sagen {case.ref} har ikke været på et møde før; der er intet at sammenligne med")
    return NetworkDiff(case.ref, before_meeting.ref, after_label, changes(_rows(before_decision), after_map))


def _at(session: Session, case: Case, decided: list[tuple[Decision, Meeting]], ident: str,
        option: str) -> tuple[Decision, Meeting]:
    """The case's (last) decision at a meeting named by an option; refused if the case was not treated there."""
    meeting = lookup.meeting(session, ident)
    found = [d for d in decided if d[1].id == meeting.id]
    if not found:
        raise InvalidInput(f"{option}: sagen {case.ref} blev ikke behandlet på mødet {meeting.ref}")
    return found[-1]


def meetings(db: Db, case_ident: str) -> list[tuple[str, str]]:
    """The meetings the case was decided at, oldest first, as (reference, "reference · date")."""
    with db.read() as session:
        case = lookup.case(session, case_ident)
        seen = dict.fromkeys((m.ref, f"{m.ref} · {m.date:%d-%m-%Y}") for _, m in _decisions(session, case.id))  # type: ignore[arg-type]
        return list(seen)


def _decisions(session: Session, case_id: int) -> list[tuple[Decision, Meeting]]:
    """The case's decisions taken at meetings, oldest first."""
    query = (select(Decision, Meeting).join(Meeting, col(Decision.meeting_id) == col(Meeting.id))
             .where(Decision.case_id == case_id).order_by(col(Decision.id)))
    return [(d, m) for d, m in session.exec(query).all()]


def _rows(decision: Decision) -> list[NetworkRow]:
    """The map as snapshotted with a decision."""
    return [snapshot_row(p) for p in decision.network_snapshot]
