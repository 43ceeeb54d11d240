"""`sos add|danger|goal|scale|plan|show` (SPEC §9.3): ids on stdout, the mapping under its Danish headings, the
newest rating per person with the scale's anchors, the plan with its keepers; bad input is one line, exit 2,
nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.helpers import as_json, case_on_docket, copied_sqlite_url, decide_args, fails, fingerprint, ok, out_id
from tests.conftest import Cli

sqlite_url = copied_sqlite_url
"""Every test here starts from a copy of an empty, migrated database."""

ANCHORS = "0: barnet kan ikke blive boende hjemme, 10: sikkert nok til at lukke sagen"


def _case(cli: Cli, name: str = "Liva Marie Jensen") -> str:
    return str(out_id(cli("case", "add", "--name", name, "--birth-date", "2018-04-11")))


def _person(cli: Cli, case: str, name: str, relation: str) -> int:
    return out_id(cli("network", "add", case, "--name", name, "--relation", relation, "--sector", "family",
                      "--ring", "1"))


@pytest.fixture
def liva(cli: Cli) -> str:
    """A case with two people on its network map: Grethe (mormor) and Jens Hansen (nabo)."""
    case = _case(cli)
    _person(cli, case, "Grethe", "mormor")
    _person(cli, case, "Jens Hansen", "nabo")
    return case


def test_each_command_prints_the_new_id(cli: Cli, liva: str) -> None:
    ids = [out_id(cli("sos", "add", liva, "--column", "worries", "--text", "Mor drikker om aftenen", "--who", "Mor")),
           out_id(cli("sos", "add", liva, "--column", "working", "--text", "Mormor henter hver dag")),
           out_id(cli("sos", "add", liva, "--column", "next", "--text", "Netværksmøde i januar")),
           out_id(cli("sos", "danger", liva, "--text", "Vi er bekymrede for, at Liva er alene om aftenen")),
           out_id(cli("sos", "goal", liva, "--text", "Liva har altid en voksen hjemme om aftenen"))]
    assert ids == [1, 2, 3, 4, 5]  # one table of mapping lines
    assert out_id(cli("sos", "scale", liva, "--who", "Mor", "--score", "4")) == 1
    assert out_id(cli("sos", "plan", liva, "--rule", "Mormor henter Liva kl. 15", "--keeper", "Grethe")) == 1


def _mapped(cli: Cli, case: str) -> None:
    for column, text, who in (("worries", "Mor drikker om aftenen", "Mor"), ("worries", "Fravær i skolen", ""),
                              ("working", "Mormor henter hver dag", "Grethe"), ("next", "Netværksmøde", "")):
        out_id(cli("sos", "add", case, "--column", column, "--text", text, *(["--who", who] if who else [])))
    out_id(cli("sos", "danger", case, "--text", "Liva er alene om aftenen"))
    out_id(cli("sos", "goal", case, "--text", "En voksen er hjemme hver aften"))
    for who, score in (("Mor", "3"), ("Rådgiver", "2"), ("Mor", "6")):
        out_id(cli("sos", "scale", case, "--who", who, "--score", score))
    out_id(cli("sos", "plan", case, "--rule", "Mormor henter kl. 15", "--keeper", "Grethe", "--keeper",
               "jens hansen"))


def test_show_reads_the_mapping_under_its_headings(cli: Cli, liva: str) -> None:
    _mapped(cli, liva)
    lines = ok(cli("sos", "show", liva)).splitlines()
    assert lines[:11] == [
        "Hvad bekymrer os:", "  - Mor drikker om aftenen (Mor)", "  - Fravær i skolen",
        "Hvad fungerer godt:", "  - Mormor henter hver dag (Grethe)",
        "Hvad skal der ske:", "  - Netværksmøde",
        "Farefaktorudsagn:", "  - Liva er alene om aftenen",
        "Sikkerhedsmål:", "  - En voksen er hjemme hver aften"]
    assert lines[11] == f"Sikkerhedsskala ({ANCHORS}):"
    assert [line.split(" (")[0] for line in lines[12:14]] == ["  Mor: 6", "  Rådgiver: 2"]  # the newest per person
    assert lines[14:] == ["Sikkerhedsplan:", "  - Mormor henter kl. 15 (holdes af: Grethe, Jens Hansen)"]


def test_an_empty_mapping_shows_every_heading(cli: Cli, liva: str) -> None:
    lines = ok(cli("sos", "show", liva)).splitlines()
    assert [line for line in lines if not line.startswith("  ")] == [
        "Hvad bekymrer os:", "Hvad fungerer godt:", "Hvad skal der ske:", "Farefaktorudsagn:", "Sikkerhedsmål:",
        f"Sikkerhedsskala ({ANCHORS}):", "Sikkerhedsplan:"]
    assert {line for line in lines if line.startswith("  ")} == {"  –"}


def test_show_json_is_the_view(cli: Cli, liva: str) -> None:
    _mapped(cli, liva)
    found = as_json(cli("sos", "show", liva, "--json"))
    assert set(found) == {"lines", "ratings", "plan"}
    assert found["lines"][0] == {"id": 1, "kind": "worries", "text": "Mor drikker om aftenen", "who": "Mor"}
    assert [line["kind"] for line in found["lines"]] == ["worries", "worries", "working", "next", "danger", "goal"]
    assert [(r["who"], r["score"]) for r in found["ratings"]] == [("Mor", 3), ("Rådgiver", 2), ("Mor", 6)]
    assert found["plan"] == [{"id": 1, "text": "Mormor henter kl. 15", "keepers": ["Grethe", "Jens Hansen"]}]


def test_a_cpr_number_in_the_text_is_masked_names_are_kept(cli: Cli, liva: str) -> None:
    out_id(cli("sos", "add", liva, "--column", "worries", "--text", "Far (111111-1118) kommer uanmeldt",
               "--who", "Grethe"))
    shown = ok(cli("sos", "show", liva))
    assert "111111-xxxx" in shown and "1118" not in shown and "(Grethe)" in shown
    assert as_json(cli("sos", "show", liva, "--json"))["lines"][0]["text"] == "Far (111111-xxxx) kommer uanmeldt"


@pytest.mark.parametrize("score", ["0", "10"])
def test_the_scale_ends_are_ratings(cli: Cli, liva: str, score: str) -> None:
    out_id(cli("sos", "scale", liva, "--who", "Mor", "--score", score))
    assert as_json(cli("sos", "show", liva, "--json"))["ratings"][0]["score"] == int(score)


def test_case_show_sums_the_mapping_up(cli: Cli, liva: str) -> None:
    assert "Signs of Safety" not in ok(cli("case", "show", liva))
    _mapped(cli, liva)
    [line] = [x for x in ok(cli("case", "show", liva)).splitlines() if x.startswith("Signs of Safety")]
    assert line == ("Signs of Safety: hvad bekymrer os 2, hvad fungerer godt 1, hvad skal der ske 1, "
                    "farefaktorudsagn 1, sikkerhedsmål 1; skala: Mor 6, Rådgiver 2; sikkerhedsplan: 1 regel "
                    "(visitation sos show 2026-0001)")


@pytest.mark.parametrize("args, message", [
    (["scale", "CASE", "--who", "Mor", "--score", "11"], "Fejl: --score: skal være et helt tal fra 0 til 10 (ikke 11)"),
    (["scale", "CASE", "--who", "Mor", "--score", "-1"], "Fejl: --score: skal være et helt tal fra 0 til 10 (ikke -1)"),
    (["scale", "CASE", "--who", "Mor", "--score", "x"], "Fejl: --score: skal være et helt tal"),
    (["scale", "CASE", "--who", "Mor", "--score", "5.5"], "Fejl: --score: skal være et helt tal"),
    (["scale", "CASE", "--who", " ", "--score", "5"], "Fejl: --who: mangler"),
    (["scale", "CASE", "--score", "5"], "Fejl: "),
    (["add", "CASE", "--column", "danger", "--text", "x"], "Fejl: --column: skal være worries, working eller next"),
    (["add", "CASE", "--column", "bekymringer", "--text", "x"], "Fejl: --column: skal være worries, working eller"),
    (["add", "CASE", "--column", "worries", "--text", "   "], "Fejl: --text: mangler"),
    (["add", "CASE", "--column", "worries", "--text", "Mor \x1b[2J drikker"], "Fejl: --text: indeholder styretegn"),
    (["add", "CASE", "--column", "worries", "--text", "Mor\u202edrikker"], "Fejl: --text: indeholder styretegn"),
    (["add", "CASE", "--column", "worries", "--text", "x" * 2001], "Fejl: --text: teksten er for lang"),
    (["add", "CASE", "--column", "worries", "--text", "x", "--who", "M\x07or"], "Fejl: --who: indeholder styretegn"),
    (["add", "999", "--column", "worries", "--text", "x"], "Fejl: sagen '999' findes ikke"),
    (["danger", "CASE", "--text", ""], "Fejl: --text: mangler"),
    (["danger", "CASE", "--text", "a\x00b"], "Fejl: --text: indeholder styretegn"),
    (["goal", "CASE", "--text", " \t "], "Fejl: --text: mangler"),
    (["goal", "999", "--text", "x"], "Fejl: sagen '999' findes ikke"),
    (["plan", "CASE", "--rule", "Mormor henter", "--keeper", "Karen"],
     "Fejl: --keeper: «Karen» er ikke på sagens netværkskort (visitation network list 2026-0001)"),
    (["plan", "CASE", "--rule", "Mormor henter", "--keeper", "Grethe", "--keeper", "Karen"],
     "Fejl: --keeper: «Karen» er ikke på sagens netværkskort"),
    (["plan", "CASE", "--rule", "Mormor henter", "--keeper", "Noah"], "Fejl: --keeper: «Noah» er ikke på sagens"),
    (["plan", "CASE", "--rule", "Mormor henter"], "Fejl: --keeper: mindst én fra netværket skal holde reglen"),
    (["plan", "CASE", "--rule", " ", "--keeper", "Grethe"], "Fejl: --rule: mangler"),
    (["plan", "CASE", "--rule", "a\x1bb", "--keeper", "Grethe"], "Fejl: --rule: indeholder styretegn"),
    (["show", "999"], "Fejl: sagen '999' findes ikke"),
])
def test_bad_input_is_one_line_exit_2_and_writes_nothing(cli: Cli, liva: str, args: list[str], message: str) -> None:
    other = _case(cli, "Noah Berg")
    _person(cli, other, "Noah", "bror")  # on another case's map: not a keeper of this one
    out_id(cli("sos", "add", liva, "--column", "worries", "--text", "Mor drikker"))
    before = fingerprint(cli)
    line = fails(cli("sos", *[liva if a == "CASE" else a for a in args]))
    assert line.startswith(message), line
    assert fingerprint(cli) == before


def test_a_keeper_is_a_name_on_the_map_not_an_id(cli: Cli, liva: str) -> None:
    before = fingerprint(cli)
    assert fails(cli("sos", "plan", liva, "--rule", "Mormor henter", "--keeper", "1")).startswith(
        "Fejl: --keeper: «1» er ikke på sagens netværkskort")
    assert fingerprint(cli) == before
    assert out_id(cli("sos", "plan", liva, "--rule", "Mormor henter", "--keeper", "  GRETHE ")) == 1


GRETHE = {"name": "Grethe", "relation": "mormor", "sector": "family", "ring": 1, "valence": "resource",
          "placement_candidate": False, "note": ""}


def test_a_chosen_safety_plan_is_decided_with_its_rules_and_keepers(cli: Cli, tmp_path: Path) -> None:
    ref, m = case_on_docket(cli, tmp_path, network=[GRETHE])
    args = decide_args(ref, m, step=3, interventions=["sikkerhedsplan"], start="2027-01-04",
                       alternatives=["2;konsulentbistand;rejected;Prøvet i efteråret"])
    before = fingerprint(cli)
    assert fails(cli(*args)) == ("Fejl: Beslutningen bryder reglerne: Sikkerhedsplan: sikkerhedsplanen er valgt, men "
                                 "sagen har ingen regler med nogen, der holder dem (visitation sos plan)")
    assert fingerprint(cli) == before
    out_id(cli("sos", "plan", ref, "--rule", "Mormor henter Liva kl. 15", "--keeper", "Grethe"))
    out_id(cli(*args))
    [decision] = as_json(cli("case", "show", ref, "--json"))["decisions"]
    assert decision["safety_plan"] == "Mormor henter Liva kl. 15 (holdes af: Grethe)"
