"""Backup → restore into an empty database → verify passes and every table compares equal; a restore that
would not verify writes nothing; the chain key is never in a backup."""

from __future__ import annotations

import shutil
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from tests.reliability.test_tamper import _demo
from visitation.cli.main import app
from visitation.errors import IntegrityFailure, InvalidInput, VisitationError
from visitation.paths import chain_key_path
from visitation.services import audit, backup
from visitation.services.db import Db, open_db
from visitation.services.verify import verify
from visitation.store import chainkey
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


def _without_the_restore(found: dict[str, list[dict[str, object]]]) -> dict[str, list[dict[str, object]]]:
    """A restored database's tables minus what the restore added: its audit event and that chain's anchor."""
    events = found["audit_event"]
    assert events[-1]["action"] == "restore" and "kontrolleret" in str(events[-1]["detail"])
    return {**found, "audit_event": events[:-1],
            "setting": [s for s in found["setting"] if s["key"] != "chain.audit_event"]}


def _same_but_logged(target: Db, source: Db) -> None:
    before, after = _tables(source), _without_the_restore(_tables(target))
    assert after == {**before, "setting": [s for s in before["setting"] if s["key"] != "chain.audit_event"]}


def test_backup_then_restore_gives_the_same_database(db_url: str, tmp_path: Path) -> None:
    source = _demo(db_url)
    file = tmp_path / "visitation.backup"
    made = backup.backup(source, file)
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    target = open_db(_fresh(db_url, tmp_path), "tester")
    done = backup.restore(target, file)
    assert done.rows == made.rows > 250 and done.logged and done.report.ok and not done.report.unproven
    assert verify(target).ok
    _same_but_logged(target, source)


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
    _same_but_logged(target, source)


def test_restore_refuses_a_database_in_use_unless_forced(sqlite_url: str, tmp_path: Path) -> None:
    source = _demo(sqlite_url)
    file = tmp_path / "b.backup"
    backup.backup(source, file)
    with pytest.raises(InvalidInput, match="ikke tom"):
        backup.restore(source, file)
    assert backup.restore(source, file, force=True).rows > 0
    assert verify(source).ok


def test_the_commands(sqlite_url: str, tmp_path: Path) -> None:
    _demo(sqlite_url)
    runner = CliRunner()
    file = tmp_path / "cli.backup"
    made = runner.invoke(app, ["--db", sqlite_url, "backup", str(file)])
    assert made.exit_code == 0 and f"nøglefilen {chain_key_path()}" in made.stderr
    again = runner.invoke(app, ["--db", sqlite_url, "backup", str(file)])
    assert again.exit_code == 2 and "--force" in again.stderr
    empty = f"sqlite:///{tmp_path / 'empty.db'}"
    done = runner.invoke(app, ["--db", empty, "restore", str(file)])
    assert done.exit_code == 0 and "verify: OK" in done.stderr and "auditloggen" in done.stderr
    refused = runner.invoke(app, ["--db", empty, "restore", str(file)])
    assert refused.exit_code == 2 and "ikke tom" in refused.stderr
    junk = tmp_path / "junk.backup"
    junk.write_text("not a backup\n")
    bad = runner.invoke(app, ["--db", f"sqlite:///{tmp_path / 'e2.db'}", "restore", str(junk)])
    assert bad.exit_code == 2 and len(bad.stderr.strip().splitlines()) == 1


def test_a_backup_never_holds_the_key(db_url: str, tmp_path: Path) -> None:
    source = _demo(db_url)
    file = tmp_path / "k.backup"
    assert backup.backup(source, file).key_place == f"nøglefilen {chain_key_path()}"
    key = chainkey.load()
    assert key is not None
    content = file.read_bytes()
    assert key.hex().encode() not in content and key.hex().upper().encode() not in content and key not in content


def _tampered_copy(tmp_path: Path) -> tuple[Db, Path, Path]:
    """A SQLite source, a good backup of it, and a copy of that backup with one decision edited by SQL."""
    source = _demo(f"sqlite:///{tmp_path / 'source.db'}")
    good, bad = tmp_path / "good.backup", tmp_path / "bad.backup"
    backup.backup(source, good)
    shutil.copyfile(good, bad)
    con = sqlite3.connect(bad)
    con.execute("UPDATE decision SET rationale = rationale || ' (rettet)' WHERE id = 3")
    con.commit()
    con.close()
    return source, good, bad


def test_a_restore_that_fails_verification_writes_nothing_and_a_retry_works(db_url: str, tmp_path: Path) -> None:
    source, good, bad = _tampered_copy(tmp_path)
    url = _fresh(db_url, tmp_path)
    runner = CliRunner()
    failed = runner.invoke(app, ["--db", url, "restore", str(bad)])
    assert failed.exit_code == 1, failed.output
    assert "FEJL decision række 3: beslutning: indholdet er ændret" in failed.stderr
    assert "intet er gendannet" in failed.stderr and "Traceback" not in failed.output
    target = open_db(url, "tester")
    assert backup.count_rows(target) == 0
    target.engine.dispose()
    again = runner.invoke(app, ["--db", url, "restore", str(good)])
    assert again.exit_code == 0, again.output
    target = open_db(url, "tester")
    assert verify(target).ok and audit.events(target)[-1].action == "restore"
    if not db_url.startswith("sqlite"):
        with target.engine.connect() as conn:
            analyzed = conn.execute(text("SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'decision'"))
            assert analyzed.scalar() is not None
    target.engine.dispose()


def test_a_restore_without_the_key_verifies_the_structure_and_says_authenticity_is_unproven(
        db_url: str, tmp_path: Path) -> None:
    source, good, _ = _tampered_copy(tmp_path)
    key_file = chain_key_path()
    kept = key_file.with_name("elsewhere")
    key_file.rename(kept)  # another machine: no key
    url = _fresh(db_url, tmp_path)
    done = CliRunner().invoke(app, ["--db", url, "restore", str(good)])
    assert done.exit_code == 0, done.output
    assert "ægtheden er ikke bevist" in done.stderr and "ikke skrevet i auditloggen" in done.stderr
    assert "verify: OK" not in done.stderr
    unproven = CliRunner().invoke(app, ["--db", url, "verify"])
    assert unproven.exit_code == 0 and "ADVARSEL: ægtheden er ikke bevist" in unproven.stderr
    assert not unproven.stdout.startswith("OK")
    kept.rename(key_file)  # the key is given
    proven = CliRunner().invoke(app, ["--db", url, "verify"])
    assert proven.exit_code == 0 and proven.stdout.startswith("OK:") and "ADVARSEL" not in proven.stderr
    target = open_db(url, "tester")
    assert [e.action for e in audit.events(target)][-1] == "backup"  # the restore could not log itself
    target.engine.dispose()


def test_a_restore_on_a_machine_with_another_key_is_refused(db_url: str, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    _, good, _ = _tampered_copy(tmp_path)
    monkeypatch.setenv(chainkey.ENV, "cd" * 32)
    target = open_db(_fresh(db_url, tmp_path), "tester")
    with pytest.raises(IntegrityFailure) as refused:
        backup.restore(target, good)
    assert any("anden kædenøgle" in f for f in refused.value.findings)
    assert backup.count_rows(target) == 0


def test_a_backup_that_fails_during_the_copy_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills during the copy: one line, no file, and the log's "backup" line is followed by the failure
    (the first is written before the copy, so that a backup holds its own line)."""
    import errno

    source = _demo(f"sqlite:///{tmp_path / 'source.db'}")
    target = tmp_path / "full.backup"

    def disk_full(engine: object, to: Path) -> str:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup, "write_copy", disk_full)
    with pytest.raises(VisitationError) as failed:
        backup.backup(source, target)
    assert "kunne ikke skrives (No space left on device)" in failed.value.message and not target.exists()
    logged = [e.detail for e in audit.events(source) if e.action == "backup"]
    assert logged[-2:] == ["sikkerhedskopi: full.backup",
                           "sikkerhedskopi mislykkedes: full.backup (No space left on device)"]
    result = CliRunner().invoke(app, ["--db", str(source.url), "backup", str(tmp_path / "full2.backup")])
    assert result.exit_code == 1 and result.stderr.strip().splitlines() == [
        "Fejl: full2.backup: sikkerhedskopien kunne ikke skrives (No space left on device); ingen fil er skrevet"]
