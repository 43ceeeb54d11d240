"""Danish output (SPEC §9.5): labels not keys, decimal comma, one date style, Copenhagen time; case import from
standard input and of many files in one transaction."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from tests.cli.helpers import fails, fingerprint, ok
from tests.conftest import Cli
from visitation.domain import format as fmt


@pytest.fixture
def other(tmp_path: Path) -> Cli:
    """The CLI on a second, empty database (to import into)."""
    return Cli(f"sqlite:///{tmp_path / 'other.db'}")


ISO_DAY = re.compile(r"\b20\d\d-\d\d-\d\d\b")
KEYS = ("planned", "waiting", "(child)", "(parents)", "family", "rejected", "resource", "samtykke: yes",
        "forstaerket-plejefamilie", "familiebehandling:")


def test_the_formatter_speaks_danish() -> None:
    assert fmt.number(33.3333) == "33,3" and fmt.percent(33.3333) == "33,3 %" and fmt.number(4.0) == "4"
    assert fmt.day(dt.date(2026, 12, 2)) == "02.12.2026" and fmt.day("2026-12-02") == "02.12.2026"
    assert fmt.prose_day(dt.date(2026, 12, 2)) == "2. december 2026"
    assert fmt.moment(dt.datetime(2026, 12, 2, 15, 45)) == "02.12.2026 16:45"  # UTC stored, winter: +1
    assert fmt.moment(dt.datetime(2026, 7, 1, 10, 0, tzinfo=dt.UTC)) == "01.07.2026 12:00"  # summer: +2
    assert fmt.label(fmt.DOCKET_STATES, "waiting") == "venter" and fmt.label(fmt.DOCKET_STATES, "new") == "new"


def test_case_show_has_labels_and_danish_dates(demo_cli: Cli) -> None:
    text = ok(demo_cli("case", "show", "2026-0109"))
    assert not [k for k in KEYS if k in text], [k for k in KEYS if k in text]
    assert not ISO_DAY.search(text), ISO_DAY.search(text)
    assert "født 27. oktober 2019" in text and "16.10.2026 zone 4" in text and "(barnets udvikling)" in text
    assert "Anbringelse i forstærket plejefamilie" in text and "Familiebehandling: fravalgt" in text
    assert "(far, familie) – ressource og bekymring" in text and "Status: åben" in text


def test_the_json_keeps_keys_and_iso_dates(demo_cli: Cli) -> None:
    found = json.loads(ok(demo_cli("case", "show", "2026-0109", "--json")))
    assert found["birth_date"] == "2019-10-27" and found["proposal"]["interventions"] == ["forstaerket-plejefamilie"]
    assert found["network"][0]["sector"] == "family"


def test_meetings_show_states_and_dates_in_danish(demo_cli: Cli) -> None:
    listing = ok(demo_cli("meeting", "list"))
    assert "24.11.2026  planlagt" in listing and "planned" not in listing  # (the refs hold ISO dates: ids)
    shown = ok(demo_cli("meeting", "show", "VM-2026-11-24"))
    assert shown.startswith("Visitationsmøde Børn og Familie 24. november 2026 (VM-2026-11-24, planlagt)")
    assert "venter" in shown and "waiting" not in shown


def test_network_list_has_labels(demo_cli: Cli) -> None:
    text = ok(demo_cli("network", "list", "2026-0101"))
    assert "familie" in text and "ressource" in text and "family" not in text and "resource " not in text


def test_stats_have_a_decimal_comma(demo_cli: Cli) -> None:
    text = ok(demo_cli("stats"))
    assert "netværk 33,3 %" in text and "sager pr. møde: 3,2" in text
    assert not re.search(r"\d\.\d", text.replace("pr. ", "")), re.search(r"\d\.\d", text)
    figures = json.loads(ok(demo_cli("stats", "--json")))
    assert isinstance(figures["cases_per_meeting"], float)


def test_audit_times_are_copenhagen_time(demo_cli: Cli) -> None:
    text = ok(demo_cli("audit"))
    assert "UTC" not in text and re.search(r"\b\d\d\.\d\d\.20\d\d \d\d:\d\d\b", text)
    assert not ISO_DAY.search(text.split("\n", 2)[2].split("  ")[1])
    row = text.splitlines()[2]
    assert row.split()[4:7] == ["oprettet", "1", "sag"] and "create" not in text, row


def _exported(demo_cli: Cli, tmp_path: Path, refs: list[str]) -> list[Path]:
    files = []
    for ref in refs:
        path = tmp_path / f"{ref}.json"
        path.write_text(ok(demo_cli("case", "export", ref)), encoding="utf-8")
        files.append(path)
    return files


def test_case_import_reads_standard_input(demo_cli: Cli, other: Cli, tmp_path: Path) -> None:
    document = ok(demo_cli("case", "export", "2026-0101"))
    result = other("case", "import", "-", input=document)
    assert ok(result).strip().isdigit()
    assert "2026-0101" in ok(other("case", "list"))


def test_case_import_takes_many_files_in_one_transaction(demo_cli: Cli, other: Cli,
                                                         tmp_path: Path) -> None:
    files = _exported(demo_cli, tmp_path, ["2026-0101", "2026-0102", "2026-0103"])
    ids = ok(other("case", "import", *map(str, files))).split()
    assert len(ids) == 3 and all(i.isdigit() for i in ids)
    listing = ok(other("case", "list"))
    assert all(ref in listing for ref in ("2026-0101", "2026-0102", "2026-0103"))


def test_one_bad_file_writes_nothing_and_is_named(demo_cli: Cli, other: Cli, tmp_path: Path) -> None:
    files = _exported(demo_cli, tmp_path, ["2026-0101", "2026-0102"])
    bad = tmp_path / "ødelagt.json"
    bad.write_text(json.dumps({**json.loads(files[1].read_text()), "ref": "2026-0199", "child": {}}))
    other("init")
    before = fingerprint(other)
    line = fails(other("case", "import", str(files[0]), str(bad), str(files[1])))
    assert line.startswith("Fejl: ødelagt.json: "), line
    assert fingerprint(other) == before


def test_a_file_refused_while_stored_rolls_back_the_ones_before(demo_cli: Cli, other: Cli,
                                                                tmp_path: Path) -> None:
    files = _exported(demo_cli, tmp_path, ["2026-0101", "2026-0102"])
    other("init")
    before = fingerprint(other)
    line = fails(other("case", "import", str(files[0]), str(files[1]), str(files[0])))
    assert line.startswith("Fejl: 2026-0101.json: ") and "findes allerede" in line, line
    assert fingerprint(other) == before


def test_no_progress_bar_without_a_terminal(demo_cli: Cli, other: Cli, tmp_path: Path) -> None:
    files = _exported(demo_cli, tmp_path, ["2026-0101", "2026-0102"])
    result = other("case", "import", *map(str, files))
    assert result.stderr == "" and len(ok(result).split()) == 2
