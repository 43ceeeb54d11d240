"""`network diff`: exactly who joined, left and changed between two meetings."""

from __future__ import annotations

import dataclasses

from tests.cli.helpers import as_json, fails, ok
from tests.conftest import Cli
from visitation.domain.casefile import NetworkPerson
from visitation.services import network
from visitation.services.db import open_db

CASE = "2026-0109"


def _decide(cli: Cli, meeting: str) -> None:
    ok(cli("decide", CASE, "--meeting", meeting, "--outcome", "postponed", "--step", "3",
           "--rationale", "Mere viden om netværket"))


def test_diff_between_two_meetings_lists_exactly_the_changes(demo_cli: Cli) -> None:
    _decide(demo_cli, "VM-2026-11-24")
    people = {p["name"]: p for p in as_json(demo_cli("network", "list", CASE, "--json"))}
    gone, moved = sorted(people)[0], sorted(people)[1]
    ok(demo_cli("network", "add", CASE, "--name", "Karen Vang", "--relation", "nabo", "--sector", "friends",
                "--ring", "2"))
    db = open_db(demo_cli.url, "tester")  # the TUI's edits, through the same services
    network.remove(db, people[gone]["id"], people[gone]["version"])
    p = people[moved]
    person = NetworkPerson(p["name"], p["relation"], p["sector"], p["ring"], p["valence"], p["placement_candidate"],
                           p["note"])
    network.update(db, p["id"], p["version"], dataclasses.replace(person, ring=1 if p["ring"] != 1 else 2), person)
    db.engine.dispose()
    _decide(demo_cli, "VM-2026-12-08")
    found = as_json(demo_cli("network", "diff", CASE, "--from", "VM-2026-11-24", "--to", "VM-2026-12-08", "--json"))
    assert (found["before"], found["after"]) == ("VM-2026-11-24", "VM-2026-12-08")
    got = {(c["kind"], c["name"], tuple(c["fields"])) for c in found["changes"]}
    assert got == {("joined", "Karen Vang", ()), ("changed", moved, ("ring",)), ("left", gone, ())}
    assert as_json(demo_cli("network", "diff", CASE, "--json"))["changes"] == []  # nothing since the last meeting
    text = demo_cli("network", "diff", CASE, "--from", "VM-2026-11-24", "--to", "VM-2026-12-08").stdout
    assert "kommet til" in text and "Karen Vang" in text


def test_a_meeting_the_case_was_not_at_is_one_line(demo_cli: Cli) -> None:
    assert "--to" in fails(demo_cli("network", "diff", CASE, "--to", "VM-2026-12-08"))
    assert "intet at sammenligne" in fails(demo_cli("network", "diff", CASE))
