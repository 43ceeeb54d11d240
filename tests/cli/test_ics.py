"""`ics` (SPEC §9.3) and `case classify` (Socialstyrelsen's prevention triangle, position × trivsel): ids on
stdout, the notes on `case show`; bad input is one line, exit 2, nothing written."""

from __future__ import annotations

from typing import Any

import pytest

from tests.cli.helpers import as_json, copied_sqlite_url, fails, fingerprint, ok, out_id
from tests.conftest import Cli

sqlite_url = copied_sqlite_url
"""Every test here starts from a copy of an empty, migrated database."""

SIDES = {"child": ["health", "development", "school", "leisure"], "parents": ["care", "stimulation", "relations"],
         "family": ["background", "housing", "network"]}


@pytest.fixture
def liva(cli: Cli) -> str:
    return str(out_id(cli("case", "add", "--name", "Liva Marie Jensen", "--birth-date", "2018-04-11")))


@pytest.mark.parametrize("side, dimension", [(s, d) for s, keys in SIDES.items() for d in keys])
def test_a_note_on_every_dimension_of_every_side(cli: Cli, liva: str, side: str, dimension: str) -> None:
    first = out_id(cli("ics", liva, "--side", side, "--dimension", dimension, "--strength", "Godt fodfæste"))
    second = out_id(cli("ics", liva, "--side", side, "--dimension", dimension, "--concern", "Stigende fravær"))
    assert second == first + 1
    notes = as_json(cli("case", "show", liva, "--json"))["ics"]
    assert [(n["side"], n["dimension"], n["kind"], n["text"]) for n in notes] == [
        (side, dimension, "strength", "Godt fodfæste"), (side, dimension, "concern", "Stigende fravær")]


def test_case_show_lists_the_notes_in_the_triangles_order(cli: Cli, liva: str) -> None:
    assert "ICS" not in ok(cli("case", "show", liva))
    out_id(cli("ics", liva, "--side", "family", "--dimension", "network", "--strength", "Mormor bor tæt på"))
    out_id(cli("ics", liva, "--side", "child", "--dimension", "school", "--concern", "Fravær  i\nnovember"))
    lines = ok(cli("case", "show", liva)).splitlines()
    start = lines.index("ICS: styrker 1, bekymringer 1")
    assert lines[start + 1:start + 3] == [
        "  Barnets udvikling – Dagtilbud, skoleforhold og læring: bekymring – Fravær i november",
        "  Familie og netværk – Socialt netværk: styrke – Mormor bor tæt på"]


def test_the_help_names_the_dimensions_of_each_side(cli: Cli) -> None:
    text = " ".join(ok(cli("ics", "--help")).replace("│", " ").split())  # rich help: text in a panel
    for side, keys in SIDES.items():
        assert f"{side}: {', '.join(keys)}" in text
    assert "child (Barnets udvikling) | parents (Forældrekompetencer) | family (Familie og netværk)" in text


@pytest.mark.parametrize("args, message", [
    (["--side", "kid", "--dimension", "health", "--strength", "x"],
     "Fejl: --side: skal være child | parents | family (ikke «kid»)"),
    (["--side", "child", "--dimension", "sleep", "--strength", "x"],
     "Fejl: --dimension: siden child har health, development, school, leisure (ikke «sleep»)"),
    (["--side", "child", "--dimension", "care", "--concern", "x"],
     "Fejl: --dimension: siden child har health, development, school, leisure (ikke «care»)"),
    (["--side", "family", "--dimension", "school", "--concern", "x"],
     "Fejl: --dimension: siden family har background, housing, network (ikke «school»)"),
    (["--side", "child", "--dimension", "health"], "Fejl: giv enten --strength eller --concern"),
    (["--side", "child", "--dimension", "health", "--strength", "a", "--concern", "b"],
     "Fejl: giv enten --strength eller --concern"),
    (["--side", "child", "--dimension", "health", "--strength", "  "], "Fejl: giv enten --strength eller --concern"),
    (["--side", "child", "--dimension", "health", "--concern", "a\x1b[2Jb"], "Fejl: --concern: indeholder styretegn"),
    (["--side", "child", "--dimension", "health", "--strength", "a\x00"], "Fejl: --strength: indeholder styretegn"),
    (["--side", "child", "--dimension", "health", "--strength", "x" * 2001], "Fejl: --strength: teksten er for lang"),
    (["--dimension", "health", "--strength", "x"], "Fejl: "),
])
def test_bad_input_is_one_line_exit_2_and_writes_nothing(cli: Cli, liva: str, args: list[str], message: str) -> None:
    out_id(cli("ics", liva, "--side", "child", "--dimension", "health", "--strength", "Sund og rask"))
    before = fingerprint(cli)
    line = fails(cli("ics", liva, *args))
    assert line.startswith(message), line
    assert fingerprint(cli) == before


def test_an_unknown_case_writes_nothing(cli: Cli) -> None:
    before = fingerprint(cli)
    assert fails(cli("ics", "999", "--side", "child", "--dimension", "health", "--strength", "x")) == (
        "Fejl: sagen '999' findes ikke")
    assert fingerprint(cli) == before


def _classes(cli: Cli, case: str) -> dict[str, Any]:
    found = as_json(cli("case", "show", case, "--json"))
    return {k: found[k] for k in ("prevention", "position", "wellbeing")}


def test_classify_sets_what_is_given_and_keeps_the_rest(cli: Cli, liva: str) -> None:
    assert _classes(cli, liva) == {"prevention": "", "position": "", "wellbeing": ""}
    result = cli("case", "classify", liva, "--prevention", "secondary", "--position", "at-risk")
    assert result.exit_code == 0 and result.stdout == "" and result.stderr.strip()
    assert _classes(cli, liva) == {"prevention": "secondary", "position": "at-risk", "wellbeing": ""}
    ok(cli("case", "classify", liva, "--wellbeing", "Not-Thriving"))
    assert _classes(cli, liva) == {"prevention": "secondary", "position": "at-risk", "wellbeing": "not-thriving"}
    assert "Målgruppe: Sekundær forebyggelse, Potentielt udsat position, Mistrivsel" in ok(cli("case", "show", liva))


@pytest.mark.parametrize("args, message", [
    ([], "Fejl: giv mindst én af --prevention, --position og --wellbeing"),
    (["--prevention", "quaternary"],
     "Fejl: --prevention: skal være primary | secondary | tertiary (ikke «quaternary»)"),
    (["--position", "udsat"], "Fejl: --position: skal være not-exposed | at-risk | exposed (ikke «udsat»)"),
    (["--wellbeing", "ok"], "Fejl: --wellbeing: skal være thriving | not-thriving (ikke «ok»)"),
    (["--prevention", "primary", "--wellbeing", "ok"], "Fejl: --wellbeing: skal være thriving | not-thriving"),
])
def test_classify_bad_input_is_one_line_exit_2_and_changes_nothing(
        cli: Cli, liva: str, args: list[str], message: str) -> None:
    ok(cli("case", "classify", liva, "--prevention", "tertiary"))
    classes = _classes(cli, liva)
    before = fingerprint(cli)
    assert fails(cli("case", "classify", liva, *args)).startswith(message)
    assert fingerprint(cli) == before
    assert _classes(cli, liva) == classes


def test_the_help_names_the_sides_and_dimensions_of_the_data_file() -> None:
    from visitation.cli.ics import DIMENSION_HELP, SIDE_HELP
    from visitation.domain.ics import triangle

    tri = triangle()
    assert SIDE_HELP == " | ".join(f"{s.key} ({s.label})" for s in tri.sides) + "."
    keys = "; ".join(f"{s.key}: {', '.join(d.key for d in tri.dimensions if d.side == s.key)}" for s in tri.sides)
    assert DIMENSION_HELP == f"Dimensionens nøgle på siden – {keys}."
