"""The audit log: every read, write and export of a case, attributed and hash-chained."""

from __future__ import annotations

from sqlmodel import Session, col, select

from visitation.domain.cpr import redact
from visitation.services.db import Db
from visitation.services.views import AuditRow
from visitation.store import chain
from visitation.store.models import AuditEvent


def log(session: Session, db: Db, action: str, case_id: int | None = None, entity: str = "",
        entity_id: int | None = None, detail: str = "") -> None:
    """Append an event inside the caller's transaction (so it is written exactly when the change is)."""
    chain.append(session, AuditEvent(user=db.user, action=action, case_id=case_id, entity=entity,
                                     entity_id=entity_id, purpose=redact(db.purpose)[:300],
                                     detail=redact(detail)[:1000]))


def log_now(db: Db, action: str, case_id: int | None = None, entity: str = "",
            entity_id: int | None = None, detail: str = "") -> None:
    """Append an event in a transaction of its own (for reads)."""
    with db.write() as session:
        log(session, db, action, case_id, entity, entity_id, detail)


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
