"""Click's own usage errors come out as one Danish line with exit code 2, like every other error."""

from __future__ import annotations

import pytest

from tests.conftest import Cli
from visitation.cli.usage import danish


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["network", "add", "2026-0001", "--ring", "x"], "--ring: skal være et helt tal"),
        (["case", "show"], "mangler argumentet"),
        (["nope"], "ukendt kommando 'nope'"),
        (["meetin", "list"], "ukendt kommando 'meetin'; mente du 'meeting'?"),
        (["meeting", "lst"], "ukendt kommando 'lst'; mente du 'list'?"),
        (["case", "list", "--serch", "x"], "ukendt tilvalg --serch (mente du --search"),
        (["case", "show", "a", "b"], "uventet ekstra argument: b"),
        (["case", "list", "--search"], "tilvalget --search kræver en værdi"),
    ],
)
def test_usage_errors_are_one_danish_line(cli: Cli, args: list[str], expected: str) -> None:
    result = cli(*args)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Fejl: ") and expected in lines[0], lines
    assert result.stdout == ""


def test_a_global_option_after_the_command_says_where_it_belongs() -> None:
    assert "står før kommandoen" in danish("No such option: --db")


def test_an_unknown_message_passes_through() -> None:
    assert danish("Something new from Click.") == "Something new from Click."
