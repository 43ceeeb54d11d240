"""The CLI's face (SPEC §9.5): Typer's rich help in Danish for every command, panels, examples, completion, -V."""

from __future__ import annotations

import re

import pytest
import typer.main
from typer.testing import Result

from tests.conftest import Cli
from visitation import __version__
from visitation.cli import face
from visitation.cli.main import app

ENGLISH = ("Show this message", "Usage:", "Options", "Commands", "Arguments", "[required]", "[default:",
           "env var", "Try '", "for help", "Error", "No such", "Missing", "Invalid value", "is not one of",
           "Install completion", "Show completion", "current shell", "Aborted", "<str>", "<int>", "<bool>",
           "<path>", "list[", "TEXT", "INTEGER", "Got unexpected", "requires an argument", "Did you mean",
           "COMMAND [ARGS]", "[OPTIONS]")
"""Words of Click's and Typer's own that must never reach the user."""


def _paths(command: object, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command path of the tree, groups included."""
    found = [path]
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        found += _paths(sub, (*path, name))
    return found


PATHS = _paths(typer.main.get_command(app))
def _command(path: tuple[str, ...]) -> object:
    command = typer.main.get_command(app)
    for name in path:
        command = command.commands[name]  # type: ignore[attr-defined]
    return command


LEAVES = [p for p in PATHS if not hasattr(_command(p), "commands")]


def run(cli: Cli, *args: str) -> Result:
    """The CLI as `visitation` (the name the help shows)."""
    return cli.runner.invoke(app, ["--db", cli.url, *args], prog_name="visitation")


def _english(text: str) -> list[str]:
    return [word for word in ENGLISH if word in text]


def test_the_tree_is_walked() -> None:
    assert len(LEAVES) >= 35 and ("case", "import") in LEAVES and ("decide",) in LEAVES


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "visitation")
def test_every_help_is_danish(cli: Cli, path: tuple[str, ...]) -> None:
    result = run(cli, *path, "--help")
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.replace("│", " ").split())
    assert "Brug: visitation" in text and "Vis denne hjælp og afslut." in text
    assert "╭─ Tilvalg" in text
    assert not _english(text), _english(text)


@pytest.mark.parametrize("path", LEAVES, ids=" ".join)
def test_every_command_has_an_example(cli: Cli, path: tuple[str, ...]) -> None:
    text = " ".join(run(cli, *path, "--help").stdout.split())
    found = re.search(r"Eksempel: (visitation [^│]*)", text)
    assert found, text
    assert f" {' '.join(path)} " in found.group(1), found.group(1)


def test_the_short_help_is_not_cut_at_the_first_full_stop(cli: Cli) -> None:
    text = " ".join(run(cli, "--help").stdout.replace("│", " ").split())
    assert "stats Nøgletal: børn pr. trin, anbringelsestyper" in text


def test_commands_are_grouped_in_panels(cli: Cli) -> None:
    text = run(cli, "--help").stdout
    titles = re.findall(r"╭─ (.+?) ─", text)
    assert titles == ["Tilvalg", face.CASES, face.MEETINGS, face.METHODS, face.FIGURES, face.DATA], titles
    cases_panel = text.split(f"╭─ {face.CASES}")[1].split("╰")[0]
    assert re.search(r"│ case\s", cases_panel) and re.search(r"│ network\s", cases_panel)


def test_repeatable_options_show_a_metavar_not_a_python_type(cli: Cli) -> None:
    text = run(cli, "meeting", "new", "--help").stdout
    assert re.search(r"--participant\s+TEKST", text) and "list[str]" not in text
    assert re.search(r"--date\s+DATO", text)


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version_has_a_short_alias(cli: Cli, flag: str) -> None:
    result = run(cli, flag)
    assert result.exit_code == 0 and result.stdout == f"visitation {__version__}\n"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["nope"], "ukendt kommando 'nope'"),
        (["case", "show"], "mangler argumentet SAG"),
        (["case", "list", "--limit", "x"], "--limit: skal være et helt tal"),
        (["case", "list", "--limit", "0"], "--limit"),
        (["case", "list", "--serch", "x"], "ukendt tilvalg --serch"),
        (["meeting", "new", "--date", "2026-12-02"], "mangler tilvalget --chair"),
        (["case", "show", "a", "b"], "uventet ekstra argument"),
        (["case", "list", "--search"], "kræver en værdi"),
    ],
)
def test_no_english_in_an_error_line(cli: Cli, args: list[str], expected: str) -> None:
    result = run(cli, *args)
    assert result.exit_code == 2 and result.stdout == ""
    line = result.stderr.strip()
    assert line.startswith("Fejl: ") and expected in line and "\n" not in line, line
    assert not _english(line), line


def test_a_group_without_a_command_shows_its_help_in_danish(cli: Cli) -> None:
    result = run(cli, "case")
    assert result.exit_code == 2
    assert "Brug: visitation case" in result.stdout and not _english(result.output)


def test_completion_completes_commands(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_VISITATION_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", "visitation mee")
    monkeypatch.setenv("COMP_CWORD", "1")
    result = cli.runner.invoke(app, [], prog_name="visitation")
    assert result.exit_code == 0 and result.stdout.split() == ["meeting"], result.output


def test_completion_completes_subcommands_and_options(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_VISITATION_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", "visitation case list --")
    monkeypatch.setenv("COMP_CWORD", "3")
    result = cli.runner.invoke(app, [], prog_name="visitation")
    assert {"--search", "--step", "--json"} <= set(result.stdout.split()), result.output


def test_show_completion_prints_the_shell_script(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")  # no parent shell to detect here
    result = cli.runner.invoke(app, ["--show-completion", "bash"], prog_name="visitation")
    assert result.exit_code == 0, result.output
    assert "_VISITATION_COMPLETE=complete_bash" in result.stdout and "complete " in result.stdout
