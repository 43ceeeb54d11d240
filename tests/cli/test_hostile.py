"""SPEC §9.5 at the CLI's edges: what an old database holds is neutralised on the way out (docx too), CPR
numbers in free text are masked below `full`, no file is overwritten without --force, a closed pipe and a
missing terminal end with one line or none, and a failed command logs nothing."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from tests.cli.helpers import fails, ok
from tests.conftest import Cli
from visitation.services.db import open_db

ROOT = Path(__file__).resolve().parents[2]
MEETING = "VM-2026-11-24"
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""What must never reach a terminal or a file (newline and tab aside); written out here, not imported."""
HOSTILE = "Li\x1b]0;ejet\x07va\x1b[2J \u202eJensen\x00\x9b\x1b]52;c;ZWNobyBoaQ==\x07"
CPR = "110418-4932"


def _sql(cli: Cli, statement: str, *params: object) -> None:
    """Write straight into the database, as an old version or a hand with SQL might have."""
    path = cli.url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as conn:
        conn.execute(statement, params)


def _docket_case(cli: Cli) -> str:
    return ok(cli("meeting", "show", MEETING, "--json")).split('"case_ref": "')[1].split('"')[0]


def _poison(cli: Cli) -> str:
    """Control characters in a child's name, a network person and the meeting's title, by SQL."""
    ref = _docket_case(cli)
    _sql(cli, "UPDATE child SET name = ? WHERE id = (SELECT child_id FROM \"case\" WHERE ref = ?)", HOSTILE, ref)
    _sql(cli, "UPDATE network_member SET name = ?, note = ? WHERE case_id = (SELECT id FROM \"case\" WHERE ref = ?)",
         HOSTILE, HOSTILE, ref)
    _sql(cli, "UPDATE meeting SET title = ? WHERE ref = ?", HOSTILE, MEETING)
    return ref


def test_stored_control_characters_are_neutralised_in_tables_show_and_minutes(demo_cli: Cli, tmp_path: Path) -> None:
    ref = _poison(demo_cli)
    for args in (("case", "list"), ("case", "show", ref), ("network", "list", ref), ("meeting", "show", MEETING),
                 ("case", "show", ref, "--json"), ("case", "export", ref)):
        shown = ok(demo_cli(*args))
        assert not CONTROL.search(shown), args
    shown = ok(demo_cli("case", "show", ref))
    assert "Li\N{REPLACEMENT CHARACTER}" in shown  # visible, not dropped
    for fmt in ("md", "html", "json"):
        result = demo_cli("minutes", MEETING, "--format", fmt, "--privacy", "full")
        assert not CONTROL.search(ok(result)) and not CONTROL.search(result.stderr), fmt


def test_docx_of_a_meeting_with_stored_control_characters_succeeds_and_logs_once(demo_cli: Cli, tmp_path: Path) -> None:
    _poison(demo_cli)
    before = _exports(demo_cli)
    target = tmp_path / "referat.docx"
    ok(demo_cli("minutes", MEETING, "--format", "docx", "-o", str(target), "--privacy", "full"))
    with zipfile.ZipFile(target) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    assert "\N{REPLACEMENT CHARACTER}" in body and not CONTROL.search(body)
    assert _exports(demo_cli) > before


def _exports(cli: Cli) -> int:
    db = open_db(cli.url, "tester")
    try:
        from visitation.services import audit

        return sum(1 for e in audit.events(db, None) if e.action in ("export", "backup"))
    finally:
        db.engine.dispose()


def test_a_failed_export_or_backup_is_not_logged(demo_cli: Cli, tmp_path: Path) -> None:
    before = _exports(demo_cli)
    line = fails(demo_cli("backup", "/nonexistent/b.bk"))
    assert "findes ikke" in line and "Uventet" not in line
    fails(demo_cli("minutes", MEETING, "--format", "docx", "-o", "/nonexistent/r.docx"))
    assert _exports(demo_cli) == before


def test_minutes_never_overwrite_without_force(demo_cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "referat.md"
    target.write_text("mine\n", encoding="utf-8")
    line = fails(demo_cli("minutes", MEETING, "-o", str(target)))
    assert "--force" in line and target.read_text(encoding="utf-8") == "mine\n"
    ok(demo_cli("minutes", MEETING, "-o", str(target), "--force"))
    assert target.read_text(encoding="utf-8").startswith("#")


def test_a_cpr_number_in_a_network_name_is_masked_below_full(demo_cli: Cli) -> None:
    ref = _docket_case(demo_cli)
    ok(demo_cli("network", "add", ref, "--name", f"Onkel Bo ({CPR})", "--relation", f"onkel, {CPR.replace('-', '')}",
                "--sector", "family", "--ring", "2", "--note", f"CPR {CPR[:6]} {CPR[7:]}"))
    for args in (("network", "list", ref), ("case", "show", ref), ("case", "show", ref, "--json"),
                 ("minutes", MEETING, "--privacy", "internal")):
        shown = ok(demo_cli(*args))
        assert "Onkel Bo (110418-xxxx)" in shown and "4932" not in shown, args
    assert CPR in ok(demo_cli("minutes", MEETING, "--privacy", "full"))


def test_hostile_arguments_are_refused_naming_the_option(cli: Cli) -> None:
    for args, field in ((("case", "add", "--name", "A\x00B", "--birth-date", "2018-01-01"), "--name"),
                        (("case", "add", "--birth-date", "2018-01-01", f"--name=A{HOSTILE}"), "--name"),
                        (("case", "show", "\u202e1"), "CASE"),
                        (("--user", "x\x1b[2J", "case", "list"), "--user"),
                        (("case", "add", "--name", "A\udcff", "--birth-date", "2018-01-01"), "--name")):
        line = fails(cli(*args))
        assert line.startswith(f"Fejl: {field}: ") and not CONTROL.search(line), (args, line)
    assert ok(cli("case", "list", "--json")).strip() == "[]"


def _visitation(*args: str, **kw: object) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "visitation", *args], env=env, capture_output=True,
                          timeout=60, **kw)  # type: ignore[call-overload, no-any-return]


def test_case_list_into_head_ends_quietly(demo_cli: Cli, tmp_path: Path) -> None:
    columns = ("child_id, profile_key, profile_version, school, reason, current_step, status, child_view, "
               "child_view_how, child_view_date, parents_view, parents_consent, search_text, created_at, updated_at, "
               "version, prevention, position, wellbeing")
    with sqlite3.connect(demo_cli.url.removeprefix("sqlite:///")) as conn:  # more than a pipe holds (64 KiB)
        conn.executemany(f'INSERT INTO "case" (ref, caseworker, {columns}) SELECT ?, ?, {columns} FROM "case" '
                         "WHERE id = 1", [(f"P-{n:04d}", "r" * 190) for n in range(500)])
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    pipeline = f"'{sys.executable}' -m visitation --db '{demo_cli.url}' case list --limit 1000 | head -1"
    done = subprocess.run(["bash", "-c", f"set -o pipefail; {pipeline}; echo \"rc=${{PIPESTATUS[0]}}\" >&2"],
                          env=env, capture_output=True, timeout=60)
    assert done.stdout.decode().count("\n") == 1
    err = done.stderr.decode()
    assert "Uventet" not in err and "Traceback" not in err and "BrokenPipe" not in err, err
    assert re.search(r"rc=[01]$", err.strip()), err


def test_without_a_terminal_the_tui_does_not_start(tmp_path: Path) -> None:
    for args in ((), ("demo",)):
        started = time.monotonic()
        done = _visitation("--db", str(tmp_path / "x.db"), *args, stdin=subprocess.DEVNULL)
        assert time.monotonic() - started < 5
        assert done.returncode == 2 and done.stdout == b"", args
        assert len(done.stderr.decode().strip().splitlines()) == 1 and b"terminal" in done.stderr
        assert b"\x1b" not in done.stderr
    assert not (tmp_path / "x.db").exists() or _visitation("--db", str(tmp_path / "x.db"), "case", "list",
                                                         "--json").stdout.strip() == b"[]"
