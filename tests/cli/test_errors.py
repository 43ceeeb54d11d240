"""Bad input (SPEC §5): exit code 2, exactly one line on stderr, no traceback, nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import (
    CASE,
    case_file,
    case_on_docket,
    copied_sqlite_url,
    decide_args,
    fails,
    fingerprint,
    out_id,
)
from tests.conftest import Cli

sqlite_url = copied_sqlite_url
"""Every test here starts from a copy of an empty, migrated database."""


HOME = "3;familiebehandling;rejected;Afprøvet uden effekt"
NETWORK = "4;netvaerksplejefamilie;rejected;Intet egnet netværk"


@pytest.fixture
def ready(cli: Cli, tmp_path: Path) -> tuple[Cli, str, int]:
    """A Kerteminde case (step 3) on a meeting's docket."""
    ref, m = case_on_docket(cli, tmp_path)
    return cli, ref, m


def _refused(cli: Cli, *args: str) -> str:
    before = fingerprint(cli)
    line = fails(cli(*args))
    assert fingerprint(cli) == before, "a failed command wrote to the database"
    assert line.startswith("Fejl: ")
    return line


def test_invalid_cpr_date(cli: Cli) -> None:
    line = _refused(
        cli,
        "case",
        "add",
        "--name",
        "Liva Jensen",
        "--birth-date",
        "2018-02-28",
        "--cpr",
        "310218-4000",
    )
    assert "--cpr" in line and "fødselsdato" in line and "4000" not in line


def test_cpr_that_does_not_match_the_birth_date(cli: Cli) -> None:
    line = _refused(
        cli,
        "case",
        "add",
        "--name",
        "Liva Jensen",
        "--birth-date",
        "2018-04-12",
        "--cpr",
        "110418-4932",
    )
    assert "--cpr" in line and "4932" not in line


def test_cpr_in_bad_format(cli: Cli) -> None:
    line = _refused(
        cli,
        "case",
        "add",
        "--name",
        "Liva Jensen",
        "--birth-date",
        "2018-04-11",
        "--cpr",
        "11041849",
    )
    assert "DDMMÅÅ-LLLL" in line and "11041849" not in line


def test_bad_birth_date(cli: Cli) -> None:
    assert "--birth-date" in _refused(
        cli, "case", "add", "--name", "L", "--birth-date", "2018-02-30"
    )
    assert "fremtiden" in _refused(cli, "case", "add", "--name", "L", "--birth-date", "2099-01-01")
    assert "--birth-date: skal ligge mellem" in _refused(
        cli, "case", "add", "--name", "L", "--birth-date", "2999-01-01"
    )


def test_step_not_on_the_staircase(cli: Cli) -> None:
    assert "trin 7" in _refused(
        cli, "case", "add", "--name", "L", "--birth-date", "2018-01-01", "--step", "7"
    )


def test_ring_four(ready: tuple[Cli, str, int]) -> None:
    cli, ref, _ = ready
    line = _refused(
        cli,
        "network",
        "add",
        ref,
        "--name",
        "Grethe",
        "--relation",
        "mormor",
        "--sector",
        "family",
        "--ring",
        "4",
    )
    assert line == "Fejl: --ring: skal være 1, 2 eller 3"


def test_unknown_sector(ready: tuple[Cli, str, int]) -> None:
    cli, ref, _ = ready
    line = _refused(
        cli,
        "network",
        "add",
        ref,
        "--name",
        "G",
        "--relation",
        "r",
        "--sector",
        "naboer",
        "--ring",
        "1",
    )
    assert line.startswith("Fejl: --sector: skal være family")


def test_unknown_intervention_key_in_decide(ready: tuple[Cli, str, int]) -> None:
    cli, ref, m = ready
    line = _refused(
        cli,
        *decide_args(
            ref,
            m,
            step=5,
            interventions=["hestevogn"],
            start="2027-01-31",
            alternatives=[HOME, NETWORK],
        ),
    )
    assert "'hestevogn'" in line and "kerteminde" in line


def test_unknown_intervention_key_in_an_alternative(ready: tuple[Cli, str, int]) -> None:
    cli, ref, m = ready
    line = _refused(
        cli,
        *decide_args(
            ref,
            m,
            step=5,
            interventions=["plejefamilie"],
            start="2027-01-31",
            alternatives=[HOME, "4;hestevogn;rejected;Nej"],
        ),
    )
    assert "--alternative" in line and "'hestevogn'" in line


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (("--outcome", "approved", "maybe"), "--outcome"),
        (("--consent", "yes", "ja"), "--consent"),
        (("--start", "2027-01-31", "2027-02-30"), "--start"),
    ],
)
def test_bad_decide_options(
    ready: tuple[Cli, str, int], change: tuple[str, str, str], words: str
) -> None:
    cli, ref, m = ready
    args = decide_args(
        ref,
        m,
        step=5,
        interventions=["plejefamilie"],
        start="2027-01-31",
        alternatives=[HOME, NETWORK],
    )
    option, old, new = change
    args[args.index(option) + 1] = new
    assert words in _refused(cli, *args)


def test_bad_alternative_syntax(ready: tuple[Cli, str, int]) -> None:
    cli, ref, m = ready
    args = decide_args(
        ref,
        m,
        step=5,
        interventions=["plejefamilie"],
        start="2027-01-31",
        alternatives=[HOME, "fire;netvaerksplejefamilie;rejected;x"],
    )
    assert "--alternative" in _refused(cli, *args)


def test_unknown_profile(cli: Cli) -> None:
    line = _refused(cli, "init", "--profile", "nope")
    assert "'nope'" in line


def test_unknown_case_and_meeting(ready: tuple[Cli, str, int]) -> None:
    cli, ref, _ = ready
    assert "findes ikke" in _refused(cli, "case", "show", "2099-9999")
    assert "findes ikke" in _refused(cli, "meeting", "show", "VM-2099-01-01")
    assert "findes ikke" in _refused(cli, "meeting", "add-case", "VM-2099-01-01", ref)
    assert "findes ikke" in _refused(cli, "case", "export", "nope")


def test_malformed_json_import(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"format": "visitation.case/1",\n  "ref": ', encoding="utf-8")
    line = _refused(cli, "case", "import", str(path))
    assert "broken.json" in line and "JSON" in line


def test_not_utf8_import(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes(
        json.dumps({**CASE, "reason": "Bekymring for Søren"}, ensure_ascii=False).encode("latin-1")
    )
    assert "UTF-8" in _refused(cli, "case", "import", str(path))


def test_missing_file(cli: Cli, tmp_path: Path) -> None:
    line = _refused(cli, "case", "import", str(tmp_path / "findes-ikke.json"))
    assert "findes-ikke.json" in line and "findes ikke" in line


def test_directory_instead_of_a_file(cli: Cli, tmp_path: Path) -> None:
    assert "mappe" in _refused(cli, "case", "import", str(tmp_path))


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        (
            {
                "network": [
                    {"name": "A", "relation": "mor", "sector": "family", "ring": 1},
                    {"name": "B", "relation": "far", "sector": "family", "ring": 1},
                    {"name": "C", "relation": "nabo", "sector": "friends", "ring": 4},
                ]
            },
            "network[2].ring: skal være 1, 2 eller 3",
        ),
        (
            {"child": {"name": "L", "initials": "L", "birth_date": "11/04/2018"}},
            "child.birth_date:",
        ),
        ({"format": "visitation.case/0"}, "format:"),
        (
            {"assessments": [{"date": "2026-11-12", "zone": 6, "rater": "O", "role": "PPR"}]},
            "assessments[0].zone:",
        ),
        (
            {"alternatives": [{"step": 3, "intervention": "hestevogn", "verdict": "rejected"}]},
            "alternatives[0].intervention: ukendt indsats 'hestevogn'",
        ),
        ({"profile": "nope"}, "ukendt profil 'nope'"),
        ({"current_step": 8}, "current_step: trin 8"),
    ],
)
def test_case_file_with_a_wrong_field(
    cli: Cli, tmp_path: Path, changes: dict[str, object], field: str
) -> None:
    path = case_file(tmp_path, "wrong.json", ref="W-1", **changes)
    line = _refused(cli, "case", "import", str(path))
    assert field in line


def test_errors_never_show_a_cpr(cli: Cli, tmp_path: Path) -> None:
    # A CPR not matching the birth date, in a case file: the line names the field, not the CPR.
    path = case_file(
        tmp_path,
        "cpr.json",
        ref="C-1",
        child={"name": "L J", "initials": "LJ", "birth_date": "2018-04-12", "cpr": "110418-4932"},
    )
    line = _refused(cli, "case", "import", str(path))
    assert "child.cpr" in line and "4932" not in line


def test_debug_shows_the_exception(cli: Cli) -> None:
    result = cli("--debug", "case", "show", "2099-9999")
    assert result.exit_code == 2
    assert "Traceback" in result.stderr and "visitation.errors.NotFound" in result.stderr


def test_debug_tracebacks_hold_no_cpr(cli: Cli) -> None:
    result = cli("--debug", "case", "add", "--name", "L J", "--birth-date", "2018-04-12", "--cpr", "110418-4932")
    assert result.exit_code == 2 and "Traceback" in result.stderr
    assert "4932" not in result.stderr and "110418" not in result.stderr


def test_option_type_errors_are_one_line_too(ready: tuple[Cli, str, int]) -> None:
    cli, ref, _ = ready
    _refused(
        cli,
        "network",
        "add",
        ref,
        "--name",
        "G",
        "--relation",
        "r",
        "--sector",
        "family",
        "--ring",
        "x",
    )


def test_nothing_written_by_a_failed_import_then_a_good_one_works(cli: Cli, tmp_path: Path) -> None:
    bad = case_file(
        tmp_path,
        "bad.json",
        ref="W-2",
        network=[{"name": "A", "relation": "x", "sector": "family", "ring": 0}],
    )
    _refused(cli, "case", "import", str(bad))
    good = case_file(tmp_path, "good.json", ref="W-2")
    assert out_id(cli("case", "import", str(good))) > 0


def test_start_date_too_far_ahead(ready: tuple[Cli, str, int]) -> None:
    cli, ref, m = ready
    args = decide_args(
        ref,
        m,
        step=5,
        interventions=["plejefamilie"],
        start="9999-06-01",
        alternatives=[HOME, NETWORK],
    )
    assert "--start" in _refused(cli, *args)
