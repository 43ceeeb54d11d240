"""The TUI's first docket, read with sqlite3 before SQLAlchemy loads, is the docket `meetings` reads: the same
SQL (`store.docket_sql`), the same rows, hostile text neutralised and CPR masked alike; anything it cannot
answer (PostgreSQL, an old schema, an unknown meeting) is left to the normal path."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from visitation.services import demo, docket_fast, meetings
from visitation.services.db import Db, open_db


@pytest.fixture
def demo_db(tmp_path: Path) -> tuple[Db, str]:
    path = tmp_path / "demo.db"
    db = open_db(f"sqlite:///{path}", "tester")
    demo.load(db)
    return db, str(path)


def test_every_meeting_reads_the_same_by_either_path(demo_db: tuple[Db, str]) -> None:
    db, path = demo_db
    listed = meetings.listing(db)
    assert len(listed) >= 5
    for m in listed:
        for ident in (m.ref, str(m.id)):
            fast = docket_fast.first_paint(path, ident)
            assert fast is not None and fast == meetings.show(db, m.ref), ident
    for today in (dt.date(2026, 11, 1), dt.date(2026, 11, 26), dt.date(2030, 1, 1)):
        assert docket_fast.first_paint(path, None, today) == meetings.agenda(db, None, today)


def test_hostile_text_and_cpr_numbers_come_out_as_the_normal_path_shows_them(demo_db: tuple[Db, str]) -> None:
    db, path = demo_db
    ref = meetings.listing(db)[-1].ref
    with sqlite3.connect(path) as raw:  # written behind the application's back, as an attacker would
        raw.execute("UPDATE meeting SET title = ? WHERE ref = ?", ("Møde \x1b]0;EJET\x07 om 010203-1234", ref))
        raw.execute("UPDATE child SET name = ? WHERE id = (SELECT c.child_id FROM \"case\" c JOIN docket_item d "
                    "ON d.case_id = c.id JOIN meeting m ON m.id = d.meeting_id WHERE m.ref = ? LIMIT 1)",
                    ("Liva \u202eJensen", ref))
    fast = docket_fast.first_paint(path, ref)
    assert fast is not None and fast == meetings.show(db, ref)
    assert "\x1b" not in fast.title and "1234" not in fast.title
    assert any("\ufffd" in row.name for row in fast.docket)


def test_what_it_cannot_answer_is_left_to_the_normal_path(demo_db: tuple[Db, str], tmp_path: Path) -> None:
    db, path = demo_db
    assert docket_fast.first_paint(path, "VM-1999-01-01") is None
    assert docket_fast.first_paint(str(tmp_path / "nowhere.db"), None) is None
    assert docket_fast.sqlite_file("postgresql+psycopg://u@localhost/v") is None
    assert docket_fast.sqlite_file(str(tmp_path / "nowhere.db")) is None
    assert docket_fast.sqlite_file(path) == str(Path(path).resolve())
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '0010'")  # a database still to be migrated
    assert docket_fast.first_paint(path, None) is None


def test_the_first_read_writes_nothing(demo_db: tuple[Db, str]) -> None:
    db, path = demo_db
    with sqlite3.connect(path) as raw:
        before = raw.execute("SELECT count(*) FROM audit_event").fetchone()
    assert docket_fast.first_paint(path, None) is not None
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT count(*) FROM audit_event").fetchone() == before
