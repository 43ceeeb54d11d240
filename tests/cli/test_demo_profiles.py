"""`demo`, `case list` on the demo, `profiles list|show`, `--version`, `stats`."""

from __future__ import annotations

import json
from collections import Counter
from importlib.metadata import version

from typer.testing import CliRunner

from tests.cli.helpers import as_json, fails, fingerprint, ok
from tests.conftest import Cli
from visitation.domain.profiles import load_profile
from visitation.paths import demo_dir

DEMO = [
    json.loads(p.read_text(encoding="utf-8")) for p in sorted((demo_dir() / "cases").glob("*.json"))
]


def test_demo_files_are_fourteen_cases() -> None:
    assert len(DEMO) == 14


def test_demo_then_case_list(cli: Cli) -> None:
    result = cli("demo", "--no-tui")
    ok(result)
    assert "14 nye sager" in result.stderr
    rows = as_json(cli("case", "list", "--json"))
    assert sorted(r["ref"] for r in rows) == sorted(c["ref"] for c in DEMO)
    by_ref = {c["ref"]: c for c in DEMO}
    for row in rows:
        case = by_ref[row["ref"]]
        assert row["name"] == case["child"]["name"] and row["initials"] == case["child"]["initials"]
        assert row["step"] == case["current_step"] and row["caseworker"] == case["caseworker"]
        assert row["profile"] == case["profile"] and row["status"] == "open"
    # newest reference first
    assert [r["ref"] for r in rows] == sorted((r["ref"] for r in rows), reverse=True)


def test_demo_is_idempotent(demo_cli: Cli) -> None:
    before = fingerprint(demo_cli)
    result = demo_cli("demo", "--no-tui")
    ok(result)
    assert "0 nye sager, 0 nye møder" in result.stderr
    assert fingerprint(demo_cli) == before
    assert len(as_json(demo_cli("case", "list", "--json"))) == 14


def test_demo_meetings(demo_cli: Cli) -> None:
    meetings = as_json(demo_cli("meeting", "list", "--json"))
    plan = json.loads((demo_dir() / "meetings.json").read_text(encoding="utf-8"))["meetings"]
    assert sorted(m["ref"] for m in meetings) == sorted(m["ref"] for m in plan)
    for m in plan:
        shown = as_json(demo_cli("meeting", "show", m["ref"], "--json"))
        assert [d["case_ref"] for d in shown["docket"]] == [e["case"] for e in m["docket"]]
        assert [p["name"] for p in shown["participants"]] == [p["name"] for p in m["participants"]]


def test_profiles_list(cli: Cli) -> None:
    text = ok(cli("profiles", "list"))
    for key in ("socialstyrelsen", "odder", "kerteminde", "hjoerring"):
        assert key in text
    rows = as_json(cli("profiles", "list", "--json"))
    assert [r["key"] for r in rows] == ["socialstyrelsen", "odder", "kerteminde", "hjoerring"]
    assert all(r["steps"] == 6 and r["zones"] == 5 for r in rows)
    assert {r["key"]: r["interventions"] for r in rows} == {
        k: len(load_profile(k).interventions)
        for k in ("socialstyrelsen", "odder", "kerteminde", "hjoerring")
    }


def test_profiles_show_kerteminde(cli: Cli) -> None:
    text = ok(cli("profiles", "show", "kerteminde"))
    assert "Kerteminde Kommune" in text
    for phase, steps in (
        ("Trivsel og sundhedsfremme", "1"),
        ("Forebygge", "2"),
        ("Foranstalte", "3"),
        ("Anbringe", "4, 5, 6"),
    ):
        assert f"  {phase} (trin {steps})" in text
    assert "metode: TOPI" in text and "aktør: Ressourcepædagoger" in text
    assert "aktør: Opholdssteder" in text and "metode: Signs of safety" in text
    for number, label in (
        (1, "Tidlig indsats på almenområdet"),
        (2, "Forebyggende indsatser"),
        (3, "Indsatser i hjemmet"),
        (4, "Anbringelse i netværket"),
        (5, "Anbringelse i plejefamilie"),
        (6, "Anbringelse på døgninstitution eller opholdssted"),
    ):
        assert f"Trin {number}: {label}" in text
    for key in (
        "topi-opsporing",
        "familiebehandling",
        "netvaerksplejefamilie",
        "eksternt-opholdssted",
        "kost-efterskole",
        "plejefamilie",
    ):
        assert f"    {key} " in text
    assert "BL § 32, stk. 1, nr. 5 (tidl. SEL § 52, stk. 3, nr. 3)" in text
    # follow-up rules: the profile's and the law's
    assert "2 uger efter start (anbringelser)" in text
    assert "næste opfølgning om 6 uger, når ingen anden er aftalt (anbringelser)" in text
    assert "7 måneder efter start (anbringelser)" in text and "12 måneder efter start (anbringelser)" in text
    assert "senest 3 måneder efter start (støttende indsatser og anbringelser) – BL § 95" in text
    assert "6 måneder efter start, derefter hver 6 måneder, så længe indsatsen varer (anbringelser) – BL § 156" in text
    assert "3 måneder efter afgørelsen (anbringelser) – BL § 91" in text
    assert (
        "Kommunens anbringelsesprioritet (Kerteminde; ikke en lovregel): Slægts- eller netværksplejefamilie → "
        "Almen, specialiseret eller forstærket "
        "plejefamilie → Egne døgntilbud → Eksterne døgntilbud" in text
    )


def test_profiles_show_json(cli: Cli) -> None:
    data = as_json(cli("profiles", "show", "kerteminde", "--json"))
    assert [p["steps"] for p in data["phases"]] == [[1], [2], [3], [4, 5, 6]]
    assert [s["number"] for s in data["steps"]] == [1, 2, 3, 4, 5, 6]
    assert [s["placement"] for s in data["steps"]] == [False, False, False, True, True, True]
    assert len(data["zones"]) == 5 and len(data["placement_priority"]) == 4
    assert {f["kind"] for f in data["followups"]} == {
        "first",
        "tilsyn",
        "boernefaglig-undersoegelse",
        "anbringelse-2-uger",
        "hjemgivelse-review",
        "anbringelse-1-aar-review",
        "barnets-plan",
        "hjemgivelsesperiode",
        "forebyggende-opfoelgning",
    }
    assert [(c["applies_to"], c["every"]) for c in data["cadence"]] == [
        ("placement", "6w"), ("support", "3m"), ("preventive", "3m")]
    assert data["required_alternatives"] == {"4": [3], "5": [3, 4], "6": [3, 4]}


def test_profiles_show_unknown(cli: Cli) -> None:
    assert "nope" in fails(cli("profiles", "show", "nope"))


def test_version(cli: Cli) -> None:
    assert ok(cli("--version")) == f"visitation {version('visitation')}\n"


def test_stats_on_the_demo(demo_cli: Cli) -> None:
    figures = as_json(demo_cli("stats", "--json"))
    per_step = {int(k): v for k, v in figures["children_per_step"].items()}
    assert sum(per_step.values()) == 14 == figures["cases_open"]
    assert per_step == dict(Counter(c["current_step"] for c in DEMO))
    assert figures["caseload"] == dict(Counter(c["caseworker"] for c in DEMO))
    placed = {t: per_step.get(s, 0) for s, t in ((4, "network"), (5, "foster"), (6, "institution"))}
    total = sum(placed.values())
    assert figures["placements_by_type"] == {
        t: round(100 * n / total, 1) for t, n in placed.items()
    }
    assert (
        figures["meetings"] == 5
        and figures["followups_due"] == 0
        and figures["decisions_by_outcome"] == {}
    )
    text = ok(demo_cli("stats"))
    assert "Åbne sager: 14" in text


def test_a_new_user_sees_the_demo_until_init_makes_the_real_database() -> None:
    """README's first steps: `demo --no-tui`, then `case list --json` lists the demo; after `init`, the real one."""
    from visitation.cli.main import app
    from visitation.paths import default_db_path

    runner = CliRunner()
    assert runner.invoke(app, ["demo", "--no-tui"]).exit_code == 0
    listed = runner.invoke(app, ["case", "list", "--json"])
    assert listed.exit_code == 0
    assert len(json.loads(listed.stdout)) == 14
    assert "demodatabasen" in listed.stderr and not default_db_path().exists()
    assert runner.invoke(app, ["init"]).exit_code == 0
    assert default_db_path().exists()
    assert json.loads(runner.invoke(app, ["case", "list", "--json"]).stdout) == []
