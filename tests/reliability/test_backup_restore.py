"""Backup → restore into an empty database → verify passes and every table compares equal."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.reliability.test_tamper import _demo
from visitation.cli.main import app
from visitation.errors import InvalidInput
from visitation.services import backup
from visitation.services.db import Db, open_db
from visitation.services.verify import verify
from visitation.store.models import metadata


def _tables(db: Db) -> dict[str, list[dict[str, object]]]:
    found: dict[str, list[dict[str, object]]] = {t.name: [] for t in metadata.sorted_tables}
    for table, row in backup.table_rows(db):
        found[table.name].append(row)
    return found


def _fresh(db_url: str, tmp_path: Path) -> str:
    """An empty database of the same kind (a second SQLite file, or a second PostgreSQL database)."""
    if db_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'restored.db'}"
    from tests.conftest import _pg_database

    gen = _pg_database()
    url = next(gen)
    _CLEANUP.append(gen)
    return url


_CLEANUP: list = []  # type: ignore[type-arg]


@pytest.fixture(autouse=True)
def _drop_second_databases():  # type: ignore[no-untyped-def]
    yield
    while _CLEANUP:
        next(_CLEANUP.pop(), None)


def test_backup_then_restore_gives_the_same_database(db_url: str, tmp_path: Path) -> None:
    source = _demo(db_url)
    file = tmp_path / "visitation.backup"
    made = backup.backup(source, file)
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    target = open_db(_fresh(db_url, tmp_path), "tester")
    rows = backup.restore(target, file)
    assert rows == made.rows > 250
    assert verify(target).ok
    assert _tables(target) == _tables(source)


def test_a_backup_restores_across_engines(db_url: str, tmp_path: Path) -> None:
    """A SQLite copy into PostgreSQL and a PostgreSQL dump into SQLite: the same rows, the chain whole."""
    source = _demo(db_url)
    file = tmp_path / "cross.backup"
    backup.backup(source, file)
    other = "sqlite:///" + str(tmp_path / "other.db") if not db_url.startswith("sqlite") else None
    if other is None:
        from tests.conftest import PG_ADMIN_URL

        if not PG_ADMIN_URL:
            pytest.skip("no PostgreSQL server configured (VISITATION_TEST_PG)")
        other = _fresh("postgresql", tmp_path)
    target = open_db(other, "tester")
    backup.restore(target, file)
    assert verify(target).ok
    assert _tables(target) == _tables(source)


def test_restore_refuses_a_database_in_use_unless_forced(sqlite_url: str, tmp_path: Path) -> None:
    source = _demo(sqlite_url)
    file = tmp_path / "b.backup"
    backup.backup(source, file)
    with pytest.raises(InvalidInput, match="ikke tom"):
        backup.restore(source, file)
    assert backup.restore(source, file, force=True) > 0
    assert verify(source).ok


def test_the_commands(sqlite_url: str, tmp_path: Path) -> None:
    _demo(sqlite_url)
    runner = CliRunner()
    file = tmp_path / "cli.backup"
    assert runner.invoke(app, ["--db", sqlite_url, "backup", str(file)]).exit_code == 0
    again = runner.invoke(app, ["--db", sqlite_url, "backup", str(file)])
    assert again.exit_code == 2 and "--force" in again.stderr
    empty = f"sqlite:///{tmp_path / 'empty.db'}"
    done = runner.invoke(app, ["--db", empty, "restore", str(file)])
    assert done.exit_code == 0 and "verify: OK" in done.stderr
    refused = runner.invoke(app, ["--db", empty, "restore", str(file)])
    assert refused.exit_code == 2 and "ikke tom" in refused.stderr
    junk = tmp_path / "junk.backup"
    junk.write_text("not a backup\n")
    bad = runner.invoke(app, ["--db", f"sqlite:///{tmp_path / 'e2.db'}", "restore", str(junk)])
    assert bad.exit_code == 2 and len(bad.stderr.strip().splitlines()) == 1
