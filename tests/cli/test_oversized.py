"""Oversized input is refused with one line, never swallowed and never half written."""

from __future__ import annotations

from pathlib import Path

from tests.cli.helpers import case_file, fails, fingerprint
from tests.conftest import Cli

HOME = "3;familiebehandling;rejected;Afprøvet et halvt år uden effekt"


def test_a_50_mb_case_file_is_refused(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    with path.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    before = fingerprint(cli)
    assert "for stor" in fails(cli("case", "import", str(path)))
    assert fingerprint(cli) == before


def test_a_1_mb_rationale_is_refused(demo_cli: Cli) -> None:
    before = fingerprint(demo_cli)
    line = fails(demo_cli("decide", "2026-0101", "--meeting", "VM-2026-11-24", "--outcome", "postponed",
                          "--step", "1", "--rationale", "x" * 1024 * 1024))
    assert "--rationale" in line and "for lang" in line
    assert fingerprint(demo_cli) == before


def test_an_absurd_argument_is_refused_before_anything_runs(cli: Cli) -> None:
    assert "for langt" in fails(cli("case", "list", "--search", "x" * 5_000_000))


def test_a_rationale_just_too_long_names_the_field(demo_cli: Cli) -> None:
    line = fails(demo_cli("decide", "2026-0101", "--meeting", "VM-2026-11-24", "--outcome", "postponed",
                          "--step", "1", "--rationale", "x" * 20_001))
    assert line.startswith("Fejl: --rationale: teksten er for lang")


def test_a_huge_profile_file_is_refused(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "kommune.toml"
    path.write_text("# " + "x" * 2_000_000 + "\n", encoding="utf-8")
    assert "for stor" in fails(cli("init", "--profile", str(path)))


def test_a_case_file_with_a_huge_text_names_the_field(cli: Cli, tmp_path: Path) -> None:
    path = case_file(tmp_path, "long.json", ref="L-1", reason="x" * 30_000)
    assert "reason" in fails(cli("case", "import", str(path)))


def test_a_case_file_nested_too_deep_is_refused(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    before = fingerprint(cli)
    assert "for dybt" in fails(cli("case", "import", str(path)))
    assert fingerprint(cli) == before
