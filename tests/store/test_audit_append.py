"""A read's audit row appended through Core (no ORM session) is sealed exactly as the ORM path seals it, and
PostgreSQL reads do not wait for a long write (issue 17)."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import text

from visitation.errors import DatabaseError, InvalidInput
from visitation.services import audit, cases, meetings, network_diff
from visitation.services.db import Db
from visitation.store import chain, chainkey, engine
from visitation.store.models import AuditEvent

TABLE = AuditEvent.__table__  # type: ignore[attr-defined]


def _stored(db: Db) -> list[chain.Stored]:
    with db.engine.connect() as conn:
        return list(chain.stored_rows(conn, TABLE))


def test_core_and_orm_appends_make_one_chain_that_verifies(db: Db) -> None:
    at = dt.datetime(2026, 5, 1, 12, 30, 15, 123456, tzinfo=dt.UTC)
    with db.write() as session:
        chain.append(session, AuditEvent(user="a", action="read", detail="orm", at=at))
    with engine.audit_connection(db.engine) as conn:
        chain.append_event(conn, AuditEvent(user="a", action="read", detail="core", at=at))
    audit.log_now(db, "search", None, "case", None, "søgning: x; 0 sager: ")
    with db.write() as session:
        audit.log(session, db, "read", None, "case", None, "orm again")
    rows = _stored(db)
    key = chainkey.load()
    assert key is not None and [r.values["detail"] for r in rows] == ["orm", "core", "søgning: x; 0 sager: ",
                                                                      "orm again"]
    assert [r.prev_hash for r in rows[1:]] == [r.hash for r in rows[:-1]]
    assert all(r.hash == chain.seal(key, r.values) for r in rows)
    with db.engine.connect() as conn:
        assert list(chain.problems(conn, TABLE, key)) == []


def test_the_core_hash_is_the_one_the_orm_path_computes(db: Db) -> None:
    """Same values, same id, same previous hash: the same seal, whichever path wrote the row."""
    at = dt.datetime(2026, 5, 1, 12, 30, 15, 123456, tzinfo=dt.UTC)
    with engine.audit_connection(db.engine) as conn:
        chain.append_event(conn, AuditEvent(user="a", action="read", entity="case", detail="x", at=at))
    (row,) = _stored(db)
    orm_row = AuditEvent(id=row.id, user="a", action="read", entity="case", detail="x", at=at, prev_hash="")
    assert row.hash == chain.seal(chainkey.load() or b"", chain.content_of(orm_row))


def test_a_search_and_a_case_view_are_logged(db: Db) -> None:
    case_id = cases.add(db, name="Alma Jensen", birth_date=dt.date(2016, 3, 4), school="Munkebo Skole")
    cases.search(db, text="munkebo")
    cases.show(db, str(case_id))
    actions = [(r.action, r.case_id) for r in audit.events(db)]
    assert actions[-2:] == [("search", None), ("read", case_id)]


def _hold_write(db: Db, holding: threading.Event, release: threading.Event) -> None:
    with db.write() as session:
        audit.log(session, db, "update", None, "case", None, "lang skrivning")
        session.execute(text("SELECT 1"))
        holding.set()
        release.wait(30)


@pytest.mark.pg
def test_a_read_completes_while_another_connection_holds_a_long_write(db_url: str) -> None:
    if not db_url.startswith("postgresql"):
        pytest.skip("PostgreSQL: SQLite has one writer at a time by design")
    from visitation.services.db import open_db

    db = open_db(db_url, "tester")
    case_id = cases.add(db, name="Alma Jensen", birth_date=dt.date(2016, 3, 4), school="Munkebo Skole")
    meeting_id = meetings.new(db, day=dt.date(2026, 12, 8), chair="Hanne Kjeldsen")
    meetings.add_case(db, str(meeting_id), str(case_id))
    holding, release = threading.Event(), threading.Event()
    writer = threading.Thread(target=_hold_write, args=(db, holding, release))
    writer.start()
    try:
        assert holding.wait(30)
        found = cases.search(db, text="munkebo")  # audited: appends its row while the write is open
        shown = cases.show(db, str(case_id))
        docket = meetings.show(db, str(meeting_id))  # a read of each case on it
        with pytest.raises(InvalidInput, match="ikke været på et møde før"):
            network_diff.diff(db, str(case_id))  # read (and refused: nothing logged) without waiting
        assert not release.is_set() and writer.is_alive()
    finally:
        release.set()
        writer.join(30)
    assert [r.id for r in found] == [case_id] and shown.id == case_id
    assert [item.case_id for item in docket.docket] == [case_id]
    assert [(r.action, r.entity) for r in audit.events(db)][-4:] == [
        ("search", "case"), ("read", "case"), ("read", "meeting"), ("update", "case")]
    with db.engine.connect() as conn:
        assert list(chain.problems(conn, TABLE, chainkey.load())) == []
    db.engine.dispose()


@pytest.mark.pg
def test_a_write_waits_for_the_lock_a_bounded_time_and_says_so(db_url: str,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    if not db_url.startswith("postgresql"):
        pytest.skip("PostgreSQL's write lock (SQLite waits busy_timeout and says so already)")
    from visitation.services.db import open_db

    monkeypatch.setattr(engine, "LOCK_TIMEOUT_S", 1)
    db = open_db(db_url, "tester")
    holding, release = threading.Event(), threading.Event()
    writer = threading.Thread(target=_hold_write, args=(db, holding, release))
    writer.start()
    try:
        assert holding.wait(30)
        with pytest.raises(DatabaseError, match="optaget af en anden bruger") as raised:
            cases.add(db, name="Ida Holm", birth_date=dt.date(2017, 1, 1))
        assert raised.value.exit_code == 1
    finally:
        release.set()
        writer.join(30)
    assert cases.search(db, text="ida holm", audit_read=False) == []
    db.engine.dispose()
