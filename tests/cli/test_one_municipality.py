"""`meeting add-case` refuses a case of another municipality (exit 2, one line naming both, nothing written);
`meeting show` names the meeting's municipality in text and JSON."""

from __future__ import annotations

from tests.cli.helpers import as_json, fails, fingerprint, meeting, ok, out_id
from tests.conftest import Cli


def test_a_case_of_another_municipality_is_refused_in_one_line_and_nothing_is_written(demo_cli: Cli) -> None:
    docket = as_json(demo_cli("meeting", "show", "VM-2026-11-26-OD", "--json"))["docket"]
    before = fingerprint(demo_cli)
    line = fails(demo_cli("meeting", "add-case", "VM-2026-11-26-OD", "2026-0105", "--minutes", "30"))
    assert line == ("Fejl: Sag 2026-0105 (Hjørring Kommune) kan ikke komme på dagsordenen for VM-2026-11-26-OD "
                    "(Odder Kommune): et møde hører til én kommune")
    assert fingerprint(demo_cli) == before
    assert as_json(demo_cli("meeting", "show", "VM-2026-11-26-OD", "--json"))["docket"] == docket


def test_meeting_show_names_the_municipality(demo_cli: Cli) -> None:
    shown = as_json(demo_cli("meeting", "show", "VM-2026-11-25-HJ", "--json"))
    assert (shown["municipality"], shown["profile"]) == ("Hjørring Kommune", "hjoerring")
    text = ok(demo_cli("meeting", "show", "VM-2026-11-25-HJ")).splitlines()
    assert text[1] == "Kommune: Hjørring Kommune (profil hjoerring)"
    empty = meeting(demo_cli, "2027-01-05")
    shown = as_json(demo_cli("meeting", "show", str(empty), "--json"))
    assert (shown["municipality"], shown["profile"]) == (None, None)
    assert "Kommune: afgøres af den første sag" in ok(demo_cli("meeting", "show", str(empty)))
    out_id(demo_cli("meeting", "add-case", str(empty), "2026-0110"))
    assert as_json(demo_cli("meeting", "show", str(empty), "--json"))["municipality"] == "Kerteminde Kommune"
