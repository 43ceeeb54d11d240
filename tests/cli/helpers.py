"""Helpers for the CLI contract tests: results, database fingerprints, case files, docket cases."""

from __future__ import annotations

import copy
import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from tests.conftest import Cli
from tests.services.helpers import counts
from visitation.services.db import open_db

CHILD_VIEW = "Vil gerne bo tæt på sin skole og sin veninde"


def ok(result: Result) -> str:
    """A successful command: exit 0, no traceback; its stdout."""
    assert result.exit_code == 0, f"exit {result.exit_code}: {result.output!r} {result.exception!r}"
    assert "Traceback" not in result.output
    return result.stdout


def out_id(result: Result) -> int:
    """A command that creates something prints its id alone on stdout."""
    stdout = ok(result)
    assert stdout.strip().isdigit() and stdout.count("\n") == 1, repr(stdout)
    return int(stdout)


def fails(result: Result, code: int = 2) -> str:
    """A refused command: the exit code, one line on stderr, nothing on stdout, no traceback."""
    assert result.exit_code == code, (
        f"exit {result.exit_code}: {result.output!r} {result.exception!r}"
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].strip(), repr(result.stderr)
    return lines[0]


def as_json(result: Result) -> Any:
    return json.loads(ok(result))


def fingerprint(cli: Cli) -> dict[str, int]:
    """Rows per table of the CLI's database (creating it if it is not there yet)."""
    db = open_db(cli.url, "tester")
    try:
        return counts(db)
    finally:
        db.engine.dispose()


_TEMPLATE: list[Path] = []


def fresh_database(tmp_path_factory: pytest.TempPathFactory, target: Path) -> str:
    """A copy of an empty database at the current schema; its URL.

    The empty database is made once per session: migrating takes most of a first CLI call, and the
    creation itself is exercised by the tests that use the conftest's own `cli` fixture.
    """
    if not _TEMPLATE:
        path = tmp_path_factory.mktemp("template") / "empty.db"
        open_db(f"sqlite:///{path}", "tester").engine.dispose()
        _TEMPLATE.append(path)
    with sqlite3.connect(_TEMPLATE[0]) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return f"sqlite:///{target}"


CASE: dict[str, Any] = {
    "format": "visitation.case/1",
    "ref": "K-2026-01",
    "profile": "kerteminde",
    "child": {
        "name": "Liva Marie Jensen",
        "initials": "LMJ",
        "birth_date": "2018-04-11",
        "cpr": None,
    },
    "caseworker": "Mette Holm",
    "school": "Munkebo Skole, 2.b",
    "reason": "Underretning fra skolen: stigende fravær og uro.",
    "current_step": 3,
    "child_view": {"text": CHILD_VIEW, "how": "børnesamtale på skolen", "date": "2026-11-10"},
    "parents_view": {"text": "Mor ønsker hjælp, far er tvivlende", "consent": "yes"},
    "assessments": [],
    "network": [],
    "proposal": None,
    "alternatives": [],
}


def case_file(tmp_path: Path, name: str = "case.json", **changes: Any) -> Path:
    """Write a case file (the CASE above, changed as asked) and return its path."""
    data = copy.deepcopy(CASE)
    data.update(changes)
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def meeting(cli: Cli, date: str = "2026-12-01") -> int:
    """A new meeting with two participants; its id."""
    return out_id(
        cli(
            "meeting",
            "new",
            "--date",
            date,
            "--chair",
            "Hanne Kjeldsen",
            "--participant",
            "Hanne Kjeldsen;mødeleder;Børn og Familie",
            "--participant",
            "Ole Berg;PPR-psykolog;PPR",
        )
    )


def case_on_docket(
    cli: Cli, tmp_path: Path, meeting_id: int | None = None, **changes: Any
) -> tuple[str, int]:
    """Import a case and put it on a (new) meeting's docket; (case ref, meeting id)."""
    path = case_file(tmp_path, f"{changes.get('ref', CASE['ref'])}.json", **changes)
    out_id(cli("case", "import", str(path)))
    meeting_id = meeting_id or meeting(cli)
    out_id(cli("meeting", "add-case", str(meeting_id), changes.get("ref", CASE["ref"])))
    return changes.get("ref", CASE["ref"]), meeting_id


def decide_args(
    ref: str,
    meeting_id: int,
    *,
    step: int,
    interventions: list[str],
    start: str,
    outcome: str = "approved",
    consent: str = "yes",
    alternatives: tuple[str, ...] | list[str] = (),
    placement: bool | None = None,
) -> list[str]:
    """The arguments of a complete `decide`; a placement (steps 4-6, unless `placement` says otherwise) with
    what BL §§ 46, stk. 3 and 52 ask of it."""
    args = ["decide", ref, "--meeting", str(meeting_id), "--outcome", outcome, "--step", str(step)]
    for key in interventions:
        args += ["--intervention", key]
    args += [
        "--purpose",
        "En tryg hverdag",
        "--duration",
        "12 måneder",
        "--start",
        start,
        "--rationale",
        "Hjemmet kan ikke give den nødvendige omsorg",
        "--child-view",
        CHILD_VIEW,
        "--child-view-how",
        "børnesamtale på skolen 2026-11-10",
        "--parents-view",
        "Samtykker",
        "--consent",
        consent,
    ]
    for alt in alternatives:
        args += ["--alternative", alt]
    if step >= 4 if placement is None else placement:
        done = min(dt.date.fromisoformat(start), dt.date(2026, 11, 20))  # before the start and the meeting
        args += ["--investigation-done", done.isoformat(), *PLACEMENT_ARGS]
    return args


PLACEMENT_ARGS = [
    "--siblings", "Ingen søskende",
    "--schooling", "Bliver på sin skole; plejefamilien kører hende",
    "--foster-assessment", "En plejefamilie giver de nære, stabile voksne, hun har brug for",
]
"""What a placement records beside the common fields and the investigation's date (BL § 52, stk. 2-4)."""


def pending(cli: Cli, *extra: str) -> list[dict[str, Any]]:
    """`followups --json` (with extra options)."""
    return as_json(cli("followups", *extra, "--json"))


@pytest.fixture
def copied_sqlite_url(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The CLI's database: a copy of an empty, migrated one (see fresh_database); bind it as `sqlite_url`."""
    return fresh_database(tmp_path_factory, tmp_path / "test.db")
