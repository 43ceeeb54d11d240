"""A command line loads and builds only the module of its command; help at the top, the TUI and completion get
the whole tree, which is the same tree as before (the registry matches what each module adds)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer
import typer.main

from visitation.cli import main


def _names(app: typer.Typer) -> list[str]:
    return list(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def test_the_registry_names_what_each_module_adds() -> None:
    for module, names in main.MODULES.items():
        app = typer.Typer()
        main.add_module(app, module)
        assert tuple(g.name for g in app.registered_groups) + tuple(c.name for c in app.registered_commands) == names
    every = [name for names in main.MODULES.values() for name in names]
    assert sorted(_names(main.build())) == sorted(every) and len(set(every)) == len(every)


@pytest.mark.parametrize("name", sorted({n for names in main.MODULES.values() for n in names}))
def test_one_command_builds_only_its_module(name: str) -> None:
    built = _names(main.build(name))
    (owner,) = [names for names in main.MODULES.values() if name in names]
    assert sorted(built) == sorted(owner)


@pytest.mark.parametrize(("argv", "expected"), [
    (["meeting", "list"], "meeting"), (["--db", "case", "stats"], "stats"), (["--db=x.db", "--debug", "case"], "case"),
    (["--user", "Mette", "minutes", "VM-1"], "minutes"), ([], None), (["--help"], None), (["meetin", "list"], None),
    (["--", "case"], None), (["-V"], None),
])
def test_the_command_is_read_past_the_global_options(argv: list[str], expected: str | None) -> None:
    assert main.command_named(argv) == expected


def test_completion_builds_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_VISITATION_COMPLETE", "bash_complete")
    assert main.command_named(["meeting"]) is None


PROBE = ("import sys\nsys.argv = ['visitation', 'meeting', 'list']\nfrom visitation.cli.entry import run\n"
         "try:\n    run()\nexcept SystemExit:\n    pass\n"
         "sys.stderr.write(' '.join(m for m in sys.modules if m.startswith('visitation.cli')))\n")
"""The console script's path, then the CLI modules it loaded (importlib's import_module escapes -X importtime)."""


def test_a_command_line_imports_only_its_module(tmp_path: Path) -> None:
    environment = {**os.environ, "VISITATION_DB": str(tmp_path / "v.db"), "VISITATION_USER": "test"}
    run = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=environment, timeout=120)
    assert "mødeleder" in run.stdout, run.stderr[-500:]
    loaded = set(run.stderr.split())
    assert "visitation.cli.meetings" in loaded
    assert not loaded & {"visitation.cli.cases", "visitation.cli.records", "visitation.cli.trust",
                         "visitation.cli.sos", "visitation.cli.goals", "visitation.cli.minutes", "visitation.cli.misc"}
