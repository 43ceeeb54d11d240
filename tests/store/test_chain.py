"""The hash chain over decisions and audit events detects changes, deletions and reordering."""

from __future__ import annotations

from sqlalchemy import text

from visitation.services.db import Db
from visitation.store import chain
from visitation.store.models import AuditEvent


def _audit_rows(db: Db, n: int) -> None:
    with db.write() as session:
        for i in range(n):
            chain.append(session, AuditEvent(user="tester", action="read", detail=f"event {i}"))


def test_intact_chain_verifies(db: Db) -> None:
    _audit_rows(db, 5)
    with db.read() as session:
        assert chain.first_break(session, AuditEvent) is None


def test_changed_row_is_named(db: Db) -> None:
    _audit_rows(db, 5)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_event SET detail = 'forged' WHERE id = 3"))
    with db.read() as session:
        assert chain.first_break(session, AuditEvent) == (3, "indholdet er ændret efter det blev gemt")


def test_deleted_row_breaks_the_link_of_the_next(db: Db) -> None:
    _audit_rows(db, 5)
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_event WHERE id = 2"))
    with db.read() as session:
        found = chain.first_break(session, AuditEvent)
    assert found is not None and found[0] == 3


def test_each_hash_covers_the_previous(db: Db) -> None:
    _audit_rows(db, 3)
    with db.read() as session:
        rows = session.exec(__import__("sqlmodel").select(AuditEvent).order_by(AuditEvent.id)).all()
    assert rows[0].prev_hash == ""
    assert [r.prev_hash for r in rows[1:]] == [r.hash for r in rows[:-1]]
    assert all(r.hash == chain.digest(r) for r in rows)
