"""Engines and sessions: SQLite (WAL, foreign keys, busy timeout, owner-only file) or PostgreSQL."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import DataError, OperationalError, SQLAlchemyError
from sqlmodel import Session

from visitation.errors import DatabaseError, InvalidInput

BUSY_TIMEOUT_MS = 15_000
_WRITE_LOCK = 7_340_011  # PostgreSQL advisory lock that orders writes (and the decision chain)
_AUDIT_LOCK = 7_340_012  # PostgreSQL advisory lock that orders the audit chain only
LOCK_TIMEOUT_S = 10
"""PostgreSQL: how long a transaction waits for a lock before it gives up with a clear message."""
PENDING_AUDIT = "pending_audit"
"""`Session.info` key: audit events a PostgreSQL write appends just before it commits (see `write_session`)."""


def is_sqlite(engine: Engine) -> bool:
    """Whether the engine talks to SQLite."""
    return engine.dialect.name == "sqlite"


def _create_private_file(path: Path) -> None:
    """Create the database file readable by its owner only, before SQLite opens it."""
    if path.exists():
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        pass
    except OSError as exc:
        raise DatabaseError(f"kan ikke oprette databasen i {path.parent} ({exc.strerror})") from None


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # we issue BEGIN ourselves (SQLAlchemy's pysqlite recipe)
    cursor = dbapi_connection.cursor()
    for pragma in ("journal_mode=WAL", "foreign_keys=ON", f"busy_timeout={BUSY_TIMEOUT_MS}",
                   "synchronous=FULL"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _sqlite_begin(conn: Any) -> None:
    # Writers take the lock at BEGIN so a busy database waits (busy_timeout) instead of failing.
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def make_engine(url: str) -> Engine:
    """The engine for a URL; nothing else in Visitation creates one. Its sessions guard text (`textguard`)."""
    from visitation.store import models, textguard  # noqa: F401  (the tables must be mapped first)

    textguard.install()
    if url.startswith("sqlite:///"):
        path = url.removeprefix("sqlite:///")
        if path and path != ":memory:":
            _create_private_file(Path(path))
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    try:
        # Every timestamp is UTC; the session says so, so dates taken in SQL are UTC days too.
        utc = {"options": "-c TimeZone=UTC"} if url.startswith("postgresql") else {}
        return create_engine(url, pool_pre_ping=True, connect_args=utc)
    except (SQLAlchemyError, ImportError, ValueError) as exc:
        raise DatabaseError(f"ugyldig database-URL ({exc.__class__.__name__})") from None


@contextmanager
def read_session(engine: Engine) -> Iterator[Session]:
    """A short session for reading."""
    with translated(), Session(engine, expire_on_commit=False) as session:
        yield session


@contextmanager
def write_session(engine: Engine) -> Iterator[Session]:
    """One transaction that commits on success and writes nothing on any error.

    PostgreSQL: the write lock is waited for at most `LOCK_TIMEOUT_S`; the transaction's audit events are
    queued (`PENDING_AUDIT`) and appended to their chain just before the commit, under the audit lock alone,
    so a long write holds the audit chain for milliseconds and a read's audit row need not wait for it.
    """
    with translated(), Session(engine, expire_on_commit=False) as session:
        if is_sqlite(engine):
            session.connection(execution_options={"sqlite_begin": "IMMEDIATE"})
        else:
            _bounded_lock(session, _WRITE_LOCK)
            session.info[PENDING_AUDIT] = []
        try:
            yield session
            _append_pending(session)
            session.commit()
        except BaseException:
            session.rollback()
            raise


@contextmanager
def audit_connection(engine: Engine) -> Iterator[Connection]:
    """A Core transaction that may append to the audit chain and nothing else (a read's audit row).

    SQLite: `BEGIN IMMEDIATE`, as any write. PostgreSQL: the audit lock only, waited for at most
    `LOCK_TIMEOUT_S` — never the write lock, so a read is not held up by a long write.
    """
    with translated(), engine.connect() as conn:
        if is_sqlite(engine):
            conn = conn.execution_options(sqlite_begin="IMMEDIATE")
        with conn.begin():
            if not is_sqlite(engine):
                _bounded_lock(conn, _AUDIT_LOCK)
            yield conn


def audit_lock(conn: Connection | Session) -> None:
    """PostgreSQL: take the audit chain's lock for the rest of the transaction (SQLite: the write lock is held)."""
    bind = conn.get_bind() if isinstance(conn, Session) else conn.engine
    if isinstance(bind, Engine) and not is_sqlite(bind):
        _bounded_lock(conn, _AUDIT_LOCK)


def _bounded_lock(conn: Connection | Session, key: int) -> None:
    """A PostgreSQL advisory lock for the transaction, with every lock wait in it bounded."""
    conn.execute(text(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT_S}s'"))
    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": key})


def _append_pending(session: Session) -> None:
    """Append the audit events a PostgreSQL write queued, in the order they were logged."""
    pending = session.info.pop(PENDING_AUDIT, None)
    if pending:
        from visitation.store import chain

        for row in pending:
            chain.append(session, row)


@contextmanager
def translated() -> Iterator[None]:
    """Database failures become one clear line; the driver's text (which may hold data) is not shown."""
    try:
        yield
    except OperationalError as exc:
        reason = str(exc.orig).splitlines()[0] if exc.orig else exc.__class__.__name__
        if "locked" in reason or "busy" in reason:
            raise DatabaseError("databasen er optaget af en anden bruger; prøv igen om lidt") from None
        if "lock timeout" in reason:
            raise DatabaseError(f"databasen er optaget af en anden bruger (ventede {LOCK_TIMEOUT_S} s); "
                                "prøv igen om lidt") from None
        raise DatabaseError(f"databasen kan ikke bruges: {reason[:120]}") from None
    except (OverflowError, DataError) as exc:  # a number no column can hold, or text longer than one can
        cause = exc.__class__.__name__
        raise InvalidInput(
            f"en værdi er for stor til databasen (et id, et trin, et antal eller en tekst; {cause})") from None
