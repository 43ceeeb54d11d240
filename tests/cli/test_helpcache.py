"""A plain `--help` is replayed from the cache: the same bytes as drawn, without loading Typer, and drawn afresh
when the request, the terminal or the code differs."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from visitation.cli import helpcache


def _run(args: list[str], cache: Path, *, importtime: bool = False, **env: str) -> subprocess.CompletedProcess[str]:
    flags = ["-X", "importtime"] if importtime else []
    environment = {k: v for k, v in os.environ.items() if k not in helpcache.ENVIRONMENT and k != helpcache.OFF}
    return subprocess.run([sys.executable, *flags, "-m", "visitation", *args], capture_output=True, text=True,
                          env={**environment, "XDG_CACHE_HOME": str(cache), **env}, timeout=60)


def _kept(cache: Path) -> list[Path]:
    folder = cache / "visitation" / "help"
    return sorted(folder.iterdir()) if folder.exists() else []


@pytest.mark.parametrize("args", [["--help"], ["case", "--help"], ["meeting", "close", "-h"]])
def test_replayed_help_is_the_drawn_help_without_typer(tmp_path: Path, args: list[str]) -> None:
    drawn = _run(args, tmp_path)
    assert drawn.returncode == 0 and "Brug: visitation" in drawn.stdout
    (kept,) = _kept(tmp_path)
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert stat.S_IMODE(kept.parent.stat().st_mode) == 0o700
    replayed = _run(args, tmp_path, importtime=True)
    assert replayed.returncode == 0 and replayed.stdout == drawn.stdout
    loaded = {line.split("|")[-1].strip() for line in replayed.stderr.splitlines() if "|" in line}
    assert not loaded & {"typer", "rich", "click", "sqlalchemy", "visitation.cli.main"}
    assert _run(args, tmp_path, VISITATION_NO_HELP_CACHE="1").stdout == drawn.stdout


def test_another_width_or_request_is_drawn_afresh(tmp_path: Path) -> None:
    narrow = _run(["case", "--help"], tmp_path, COLUMNS="60")
    wide = _run(["case", "--help"], tmp_path, COLUMNS="120")
    assert max(map(len, narrow.stdout.splitlines())) <= 60 < max(map(len, wide.stdout.splitlines()))
    _run(["goal", "--help"], tmp_path)
    assert len(_kept(tmp_path)) == 3


@pytest.mark.parametrize("args", [["nope", "--help"], ["case"], ["--db", "x.db", "--help"],
                                  ["case", "show", "2026-0101", "--help"], ["-V"]])
def test_only_a_plain_help_that_succeeded_is_kept(tmp_path: Path, args: list[str]) -> None:
    _run(args, tmp_path)
    assert _kept(tmp_path) == []


def test_the_key_follows_the_code(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Any module of the CLI or the domain, and Typer's and Rich's own, mark the key; a change to one moves it."""
    marks = helpcache._code()
    names = {mark.split(":")[0] for mark in marks}
    assert {"main.py", "face.py", "decision.py", "typer", "rich", "visitation"} <= names
    before = helpcache._place(["case", "--help"])
    monkeypatch.setattr(helpcache, "_code", lambda: [*marks[:-1], marks[-1] + "0"])
    assert helpcache._place(["case", "--help"]) != before


def test_wanted_only_names_then_help() -> None:
    assert helpcache.wanted(["--help"]) and helpcache.wanted(["case", "list", "-h"])
    for argv in ([], ["case"], ["case", "--json", "--help"], ["Case", "--help"], ["--help", "case"],
                 ["case", "2026-0101", "--help"]):
        assert not helpcache.wanted(argv), argv
