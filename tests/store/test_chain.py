"""The keyed hash chain over decisions and audit events detects changes, deletions, reordering and forgery."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from visitation.errors import ChainKeyError
from visitation.services.db import Db, open_db
from visitation.store import chain, chainkey
from visitation.store.models import AuditEvent

TABLE = AuditEvent.__table__  # type: ignore[attr-defined]


def _audit_rows(db: Db, n: int) -> None:
    with db.write() as session:
        for i in range(n):
            chain.append(session, AuditEvent(user="tester", action="read", detail=f"event {i}"))


def _problems(db: Db, key: bytes | None = None) -> list[tuple[int | None, str]]:
    with db.engine.connect() as conn:
        return list(chain.problems(conn, TABLE, chainkey.load() if key is None else key))


def test_intact_chain_verifies(db: Db) -> None:
    _audit_rows(db, 5)
    assert _problems(db) == []


def test_changed_row_is_named(db: Db) -> None:
    _audit_rows(db, 5)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_event SET detail = 'forged' WHERE id = 3"))
    assert [(row, "ændret" in problem) for row, problem in _problems(db)] == [(3, True)]


def test_deleted_row_breaks_the_link_of_the_next(db: Db) -> None:
    _audit_rows(db, 5)
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_event WHERE id = 2"))
    assert [row for row, _ in _problems(db)] == [3]


def test_each_hash_is_the_keyed_mac_and_covers_the_previous(db: Db) -> None:
    _audit_rows(db, 3)
    with db.engine.connect() as conn:
        rows = list(chain.stored_rows(conn, TABLE))
    key = chainkey.load()
    assert key is not None and rows[0].prev_hash == ""
    assert [r.prev_hash for r in rows[1:]] == [r.hash for r in rows[:-1]]
    assert all(r.hash == chain.seal(key, r.values) != chain.public_digest(r.values) for r in rows)


def test_the_first_write_keys_a_new_database_and_anchors_both_chains(db: Db) -> None:
    with db.engine.connect() as conn:
        assert chain.setting_value(conn, chain.KEY_CHECK) is None
    _audit_rows(db, 2)
    key = chainkey.load()
    assert key is not None
    with db.engine.connect() as conn:
        assert chain.setting_value(conn, chain.KEY_CHECK) == chain.key_check(key)
        assert chain.setting_value(conn, "chain.decision").startswith("0  ")  # type: ignore[union-attr]
        last = conn.execute(select(TABLE.c.hash).where(TABLE.c.id == 2)).scalar()
        assert chain.setting_value(conn, "chain.audit_event").startswith(f"2 {last} ")  # type: ignore[union-attr]


def test_a_tool_with_another_key_never_extends_the_chain(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    mine = open_db(db_url, "tester")
    _audit_rows(mine, 2)
    mine.engine.dispose()
    monkeypatch.setenv(chainkey.ENV, "ab" * 32)
    theirs = open_db(db_url, "someone")
    with pytest.raises(ChainKeyError, match="ikke databasens"):
        _audit_rows(theirs, 1)
    with theirs.engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM audit_event")).scalar() == 2
    theirs.engine.dispose()


def test_without_the_key_a_keyed_database_takes_no_writes(db: Db, monkeypatch: pytest.MonkeyPatch) -> None:
    _audit_rows(db, 1)
    chainkey.chain_key_path().unlink()
    chain.forget(db.engine)
    with pytest.raises(ChainKeyError, match=chainkey.ENV):
        _audit_rows(db, 1)


def test_a_database_whose_key_check_was_removed_takes_no_writes(db: Db) -> None:
    _audit_rows(db, 1)
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM setting WHERE key = 'chain.key_check'"))
    chain.forget(db.engine)
    with pytest.raises(ChainKeyError, match="nøglemærke"):
        _audit_rows(db, 1)


def test_an_unreadable_value_is_named_and_the_check_goes_on(sqlite_url: str) -> None:
    db = open_db(sqlite_url, "tester")
    _audit_rows(db, 4)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_event SET at = at || 'x' WHERE id = 2"))
        conn.execute(text("UPDATE audit_event SET detail = 'forged' WHERE id = 4"))
    assert [(row, problem.split(":")[0]) for row, problem in _problems(db)] == [
        (2, "ulæselig værdi i kolonnen at"),
        (4, "indholdet er ændret efter det blev gemt (eller rækken er hashet med en anden nøgle)")]
