"""`goal add|list|close`: ids on stdout, goals with their sub-goals, scores drawn, bad input refused whole."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.cli.helpers import as_json, copied_sqlite_url, fails, fingerprint, ok, out_id
from tests.conftest import Cli
from visitation.services import goals
from visitation.services.db import open_db

sqlite_url = copied_sqlite_url
"""Every test here starts from a copy of an empty, migrated database."""


def _case(cli: Cli, name: str = "Liva Marie Jensen") -> str:
    return str(out_id(cli("case", "add", "--name", name, "--birth-date", "2018-04-11")))


@pytest.fixture
def liva(cli: Cli) -> tuple[str, int, int]:
    """A case with a goal and a sub-goal: (case id, goal id, sub-goal id)."""
    case = _case(cli)
    top = out_id(cli("goal", "add", case, "--text", "Liva kommer i skole hver dag", "--due", "2027-06-01"))
    sub = out_id(cli("goal", "add", case, "--text", "Liva møder til tiden", "--parent", str(top)))
    return case, top, sub


def test_list_shows_goals_and_sub_goals_with_their_relation(cli: Cli, liva: tuple[str, int, int]) -> None:
    case, top, sub = liva
    lines = ok(cli("goal", "list", case)).splitlines()
    assert lines[0].split() == ["id", "delmål", "af", "mål", "og", "delmål", "frist", "status", "seneste", "score",
                                "udvikling"]
    assert lines[2].split() == [str(top), "Liva", "kommer", "i", "skole", "hver", "dag", "01.06.2027", "åbent"]
    assert lines[3].split() == [str(sub), str(top), "└", "Liva", "møder", "til", "tiden", "åbent"]


def test_list_json_shape(cli: Cli, liva: tuple[str, int, int]) -> None:
    case, top, sub = liva
    assert as_json(cli("goal", "list", case, "--json")) == [
        {"id": top, "parent_id": None, "text": "Liva kommer i skole hver dag", "due": "2027-06-01",
         "status": "open", "closed_on": None, "latest": None, "scores": []},
        {"id": sub, "parent_id": top, "text": "Liva møder til tiden", "due": None,
         "status": "open", "closed_on": None, "latest": None, "scores": []}]


def test_scores_are_drawn_over_time(cli: Cli, liva: tuple[str, int, int]) -> None:
    case, top, _ = liva
    db = open_db(cli.url, "tester")
    for day, value in ((dt.date(2027, 1, 4), 3), (dt.date(2027, 3, 1), 7)):
        with db.write() as session:
            goals.score(session, db, int(case), None, {top: value}, day)
    db.engine.dispose()
    assert ok(cli("goal", "list", case)).splitlines()[2].endswith("  7              ▃▆ 3 → 7")
    [first, _] = as_json(cli("goal", "list", case, "--json"))
    assert first["latest"] == 7
    assert first["scores"] == [{"date": "2027-01-04", "score": 3}, {"date": "2027-03-01", "score": 7}]


@pytest.mark.parametrize("args, message", [
    (["999", "--text", "Et mål"], "Fejl: sagen '999' findes ikke"),
    (["1", "--text", "Et mål", "--parent", "OTHER"], "Fejl: --parent: mål OTHER findes ikke på sagen"),
    (["1", "--text", "Et mål", "--parent", "SUB"], "Fejl: --parent: mål SUB er selv et delmål"),
    (["1", "--text", "Et mål", "--parent", "x"], "Fejl: --parent: skal være et helt tal"),
    (["1", "--text", "Et mål", "--due", "1. juni"], "Fejl: --due: skal være en dato ÅÅÅÅ-MM-DD"),
    (["1", "--text", "Et mål", "--due", "2027-02-30"], "Fejl: --due: skal være en dato ÅÅÅÅ-MM-DD"),
    (["1", "--text", "  "], "Fejl: --text: mangler"),
    (["1", "--text", "Et \x1b[2J mål"], "Fejl: --text: indeholder styretegn"),
])
def test_bad_input_is_one_line_exit_2_and_writes_nothing(
        cli: Cli, liva: tuple[str, int, int], args: list[str], message: str) -> None:
    case, _, sub = liva
    other = out_id(cli("goal", "add", _case(cli, "Noah Berg"), "--text", "Noah sover hjemme"))
    args = [a.replace("OTHER", str(other)).replace("SUB", str(sub)) for a in args]
    message = message.replace("OTHER", str(other)).replace("SUB", str(sub))
    before = fingerprint(cli)
    assert fails(cli("goal", "add", *args)).startswith(message)
    assert fingerprint(cli) == before


def test_close_marks_a_goal_reached(cli: Cli, liva: tuple[str, int, int]) -> None:
    case, top, sub = liva
    assert fails(cli("goal", "close", str(sub))) == "Fejl: angiv enten --reached eller --dropped"
    assert fails(cli("goal", "close", str(top), "--reached")).startswith(f"Fejl: mål {top} har åbne delmål ({sub})")
    result = cli("goal", "close", str(sub), "--dropped")
    assert ok(result) == "" and result.stderr == f"Mål {sub} er lukket: opgivet.\n"
    ok(cli("goal", "close", str(top), "--reached"))
    assert [g["status"] for g in as_json(cli("goal", "list", case, "--json"))] == ["reached", "dropped"]


def test_list_of_an_unknown_case_is_refused(cli: Cli) -> None:
    assert fails(cli("goal", "list", "2099-9999")) == "Fejl: sagen '2099-9999' findes ikke"
