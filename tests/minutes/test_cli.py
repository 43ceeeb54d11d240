"""`visitation minutes`: stdout or a private file, docx needs -o, --verify exits 0 or 1, errors are one line."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from tests.conftest import Cli
from tests.minutes.helpers import DECIDED, LATER, MEETING, OFF_DOCKET

DECIDE = ["decide", DECIDED, "--meeting", MEETING, "--outcome", "approved", "--step", "5",
          "--intervention", "plejefamilie", "--purpose", "En tryg hverdag", "--duration", "12 måneder",
          "--start", "2026-12-01", "--rationale", "Hjemmet kan ikke give omsorgen",
          "--child-view", "Vil bo tæt på skolen", "--child-view-how", "børnesamtale 2026-11-10",
          "--parents-view", "Samtykker", "--consent", "yes",
          "--alternative", "4;netvaerksplejefamilie;rejected;Intet egnet netværk",
          "--investigation-done", "2026-11-02", "--siblings", "Ingen søskende", "--schooling", "Bliver på sin skole",
          "--foster-assessment", "En plejefamilie passer bedst",
          "--ruler-reason", "Netværket kan ikke løfte en sikkerhedsplan"]


def test_markdown_on_stdout_by_default(demo_cli: Cli) -> None:
    result = demo_cli("minutes", MEETING)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# UDKAST – Beslutningsreferat") and "Indholdshash" in result.stdout


def test_json_and_html_on_stdout(demo_cli: Cli) -> None:
    body = json.loads(demo_cli("minutes", MEETING, "--format", "json", "--case", DECIDED).stdout)
    assert body["case"] == DECIDED and body["privacy"] == "internal"
    assert demo_cli("minutes", MEETING, "--format", "html").stdout.startswith("<!DOCTYPE html>")


def test_docx_needs_a_file(demo_cli: Cli) -> None:
    result = demo_cli("minutes", MEETING, "--format", "docx")
    assert result.exit_code == 2
    assert result.stdout == "" and len(result.stderr.strip().splitlines()) == 1 and "-o" in result.stderr


def test_files_are_private_and_verify_until_a_correction(demo_cli: Cli, tmp_path: Path) -> None:
    first = demo_cli(*DECIDE)
    assert first.exit_code == 0
    files = {fmt: tmp_path / f"referat.{fmt}" for fmt in ("md", "html", "docx", "json")}
    for fmt, path in files.items():
        result = demo_cli("minutes", MEETING, "--format", fmt, "-o", str(path), "--privacy", "full")
        assert result.exit_code == 0, result.output
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert len(result.stdout.strip()) == 64
    for path in files.values():
        ok = demo_cli("minutes", "--verify", str(path))
        assert ok.exit_code == 0 and "passer med databasen" in ok.stdout
    assert demo_cli(*DECIDE, "--dissent", "PPR er uenig").exit_code == 2  # never a silent replacement
    assert demo_cli(*DECIDE, "--dissent", "PPR er uenig", "--supersedes", first.stdout.strip()).exit_code == 0
    for path in files.values():
        bad = demo_cli("minutes", "--verify", str(path))
        assert bad.exit_code == 1 and len(bad.stderr.strip().splitlines()) == 1
        assert "passer ikke længere" in bad.stderr


def test_verify_names_the_wrong_meeting(demo_cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "m.md"
    assert demo_cli("minutes", MEETING, "-o", str(path)).exit_code == 0
    result = demo_cli("minutes", LATER, "--verify", str(path))
    assert result.exit_code == 2 and MEETING in result.stderr


def test_errors_are_one_line_and_exit_2(demo_cli: Cli, tmp_path: Path) -> None:
    for args in (["minutes", "VM-1999-01-01"], ["minutes", MEETING, "--privacy", "wall"],
                 ["minutes", MEETING, "--format", "pdf"], ["minutes", MEETING, "--case", OFF_DOCKET],
                 ["minutes"], ["minutes", "--verify", str(tmp_path / "missing.md")]):
        result = demo_cli(*args)
        assert result.exit_code == 2, args
        assert result.stderr.startswith("Fejl: ") and len(result.stderr.strip().splitlines()) == 1, args
    junk = tmp_path / "junk.md"
    junk.write_text("no stamp here", encoding="utf-8")
    assert demo_cli("minutes", "--verify", str(junk)).exit_code == 2
    assert not list(tmp_path.glob(".*.tmp"))
