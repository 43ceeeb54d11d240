"""Shared fixtures: isolated directories, a database per test on SQLite and (when configured) PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from visitation.services.db import Db, open_db

PG_ADMIN_URL = os.environ.get("VISITATION_TEST_PG", "")


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the user data and config directories (so the chain key too) and every VISITATION_ variable at
    the test's own folder."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("VISITATION_DB", raising=False)
    monkeypatch.delenv("VISITATION_CHAIN_KEY", raising=False)
    monkeypatch.setenv("VISITATION_USER", "tester")
    return home


def _pg_database() -> Iterator[str]:
    """A fresh PostgreSQL database for one test, dropped afterwards."""
    import psycopg
    from sqlalchemy.engine import make_url

    admin = make_url(PG_ADMIN_URL)
    name = f"t_{uuid.uuid4().hex[:12]}"
    conninfo = admin.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield admin.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(conninfo, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database URL: a SQLite file, and a real PostgreSQL database when VISITATION_TEST_PG is set."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    if not PG_ADMIN_URL:
        pytest.skip("no PostgreSQL server configured (VISITATION_TEST_PG)")
    yield from _pg_database()


@pytest.fixture
def fresh(db_url: str, tmp_path: Path) -> Iterator[Db]:
    """A second, empty database of the same kind as `db`: where a transferred case arrives."""
    urls = iter([f"sqlite:///{tmp_path / 'fresh.db'}"]) if db_url.startswith("sqlite") else _pg_database()
    opened = open_db(next(urls), "modtager")
    yield opened
    opened.engine.dispose()
    next(urls, None)  # drops the PostgreSQL database


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A SQLite database file URL (for tests that are about SQLite or the CLI)."""
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture
def db(db_url: str) -> Iterator[Db]:
    """An open, migrated database used by 'tester'."""
    opened = open_db(db_url, "tester")
    yield opened
    opened.engine.dispose()


@pytest.fixture
def demo_db(db: Db) -> Db:
    """The database with the demo cases and meetings loaded."""
    from visitation.services import demo

    demo.load(db)
    return db


class Cli:
    """Runs `visitation` in-process against one database, as a user would type it."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None):  # type: ignore[no-untyped-def]
        from visitation.cli.main import app

        return self.runner.invoke(app, ["--db", self.url, *args], input=input)


@pytest.fixture
def cli(sqlite_url: str) -> Cli:
    """The CLI on a fresh SQLite database."""
    return Cli(sqlite_url)


@pytest.fixture
def demo_cli(cli: Cli) -> Cli:
    """The CLI on a database with the demo loaded."""
    result = cli("demo", "--no-tui")
    assert result.exit_code == 0, result.output
    return cli
