"""The audit log: every read, write and export of a case, attributed and hash-chained."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from sqlmodel import Session, col, select

from visitation.domain.cpr import redact
from visitation.domain.privacy import Privacy, Scrubber
from visitation.services import changes, lookup
from visitation.services.db import Db
from visitation.services.views import AuditRow
from visitation.store import chain
from visitation.store.engine import PENDING_AUDIT, audit_connection
from visitation.store.models import AuditEvent, Case, Child

HIDDEN_VALUES = ("name",)
"""Fields whose values the audit log never holds (a network person's full name)."""


def log(session: Session, db: Db, action: str, case_id: int | None = None, entity: str = "",
        entity_id: int | None = None, detail: str = "") -> None:
    """Append an event inside the caller's transaction (so it is written exactly when the change is).

    PostgreSQL: queued, and appended just before the transaction commits (`write_session`)."""
    row = _event(db, action, case_id, entity, entity_id, detail)
    pending = session.info.get(PENDING_AUDIT)
    if pending is not None:
        pending.append(row)
    else:
        chain.append(session, row)
    if changes.is_change(action):
        changes.mine(session, row)  # live screens of this process skip their own changes


def log_now(db: Db, action: str, case_id: int | None = None, entity: str = "",
            entity_id: int | None = None, detail: str = "") -> None:
    """Append an event in a transaction of its own (for reads): Core, no ORM session, and on PostgreSQL
    the audit chain's lock only — a read does not wait for a write to finish."""
    log_reads(db, action, [case_id], entity, entity_id, detail)


def log_reads(db: Db, action: str, case_ids: list[int | None], entity: str = "", entity_id: int | None = None,
              detail: str = "") -> None:
    """`log_now` for several cases read together (a meeting's docket): one event each, one transaction."""
    with audit_connection(db.engine) as conn:
        for case_id in case_ids:
            chain.append_event(conn, _event(db, action, case_id, entity, entity_id, detail))


T = TypeVar("T")


def read_logged(db: Db, ident: str, read: Callable[[Session, Case], T], action: str, entity: str,
                detail: str = "", names_case: bool = False) -> T:
    """Read a case (by id or reference) in a read session, then log the read (`log_now`) before it is returned:
    a read holds no write lock, so on PostgreSQL it does not wait for a long write. `names_case`: the event's
    entity id is the case's."""
    with db.read() as session:
        case = lookup.case(session, ident)
        found = read(session, case)
    log_now(db, action, case.id, entity, case.id if names_case else None, detail)
    return found


def _event(db: Db, action: str, case_id: int | None, entity: str, entity_id: int | None, detail: str) -> AuditEvent:
    return AuditEvent(user=db.user, action=action, case_id=case_id, entity=entity, entity_id=entity_id,
                      purpose=redact(db.purpose)[:300], detail=redact(detail)[:1000])


def events(db: Db, case_id: int | None = None, limit: int = 1000) -> list[AuditRow]:
    """The newest events, for one case or all, oldest first."""
    with db.read() as session:
        query = select(AuditEvent)
        if case_id is not None:
            query = query.where(AuditEvent.case_id == case_id)
        rows = session.exec(query.order_by(col(AuditEvent.id).desc()).limit(limit)).all()
        return [AuditRow(id=r.id or 0, at=r.at, user=r.user, action=r.action, case_id=r.case_id,
                         entity=r.entity, entity_id=r.entity_id, purpose=r.purpose, detail=r.detail)
                for r in reversed(rows)]


def changes_text(session: Session, case_id: int, changes: dict[str, object]) -> str:
    """`field: 'value'` for an audit line: CPR numbers out, the child's name as initials, names hidden."""
    case = session.get(Case, case_id)
    child = session.get(Child, case.child_id) if case else None
    scrub = Scrubber(child.name if child else "", child.initials if child else "", Privacy.SCREEN)
    parts = []
    for field, value in changes.items():
        shown = "(ændret)" if field in HIDDEN_VALUES else repr(_short(scrub(str(value))))
        parts.append(f"{field}: {shown}")
    return "; ".join(parts)


def log_refused(db: Db, case_id: int, entity: str, entity_id: int | None, changes: dict[str, object]) -> None:
    """A save refused as a conflict: what this user tried to write, in a transaction of its own."""
    with db.write() as session:
        log(session, db, "conflict", case_id, entity, entity_id,
            "afvist, en anden havde ændret det: " + changes_text(session, case_id, changes))


def _short(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


CITIZEN_ACTIONS = {"read": "oplysningerne er læst", "create": "oplysninger er registreret",
                   "import": "sagen er indlæst", "update": "oplysninger er ændret", "delete": "en oplysning er fjernet",
                   "decide": "der er truffet en beslutning", "export": "referat eller sag er udskrevet",
                   "conflict": "en ændring blev afvist", "print": "sagen er udskrevet",
                   "citizen": "der er lavet et udtræk til borgeren"}


@dataclass(frozen=True)
class CitizenLine:
    """One use of a case as a citizen's access request gets it: when, what, why — not by whom."""

    date: str
    what: str
    purpose: str


def for_citizen(db: Db, case_id: int) -> list[CitizenLine]:
    """The case's audit log for the person it concerns (employee identities left out); the extract is logged."""
    with db.write() as session:
        rows = session.exec(select(AuditEvent).where(AuditEvent.case_id == case_id)
                            .order_by(col(AuditEvent.id))).all()
        lines = [CitizenLine(r.at.date().isoformat(), CITIZEN_ACTIONS.get(r.action, "sagen er brugt"),
                             r.purpose or "sagsbehandling") for r in rows]
        log(session, db, "citizen", case_id, "case", case_id, "udtræk af loggen til borgerens indsigt")
        return lines
