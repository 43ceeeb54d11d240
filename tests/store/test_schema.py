"""The schema: Alembic migrations equal the models; the SQLite file is private and configured."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from visitation.store import schema
from visitation.store.engine import make_engine
from visitation.store.models import metadata
from visitation.store.search import not_a_model


def test_migrations_equal_models(db_url: str) -> None:
    engine = make_engine(db_url)
    schema.upgrade(engine)
    with engine.connect() as conn:
        opts = {"compare_type": True, "include_name": not_a_model}
        diff = compare_metadata(MigrationContext.configure(conn, opts=opts), metadata)
    assert diff == []
    engine.dispose()


def test_head_constant_is_alembic_head() -> None:
    script = ScriptDirectory.from_config(schema.alembic_config())
    assert script.get_current_head() == schema.HEAD


def test_ensure_creates_then_is_idempotent(db_url: str) -> None:
    engine = make_engine(db_url)
    assert schema.current_revision(engine) is None
    assert schema.ensure(engine) is True
    assert schema.current_revision(engine) == schema.HEAD
    assert schema.ensure(engine) is False
    engine.dispose()


def test_sqlite_file_is_owner_only_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "v.db"
    engine = make_engine(f"sqlite:///{path}")
    schema.ensure(engine)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 1000
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            assert stat.S_IMODE(os.stat(side).st_mode) & 0o077 == 0
    engine.dispose()
