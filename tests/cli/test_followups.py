"""`followups [--overdue|--due-before|--caseworker]` and `followup done [--next] [--propose-step]`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.cli.helpers import (
    as_json,
    case_on_docket,
    copied_sqlite_url,
    decide_args,
    fails,
    fingerprint,
    meeting,
    ok,
    out_id,
    pending,
)
from tests.conftest import Cli
from visitation.domain.durations import add_months

sqlite_url = copied_sqlite_url
"""Every test here starts from a copy of an empty, migrated database."""


TODAY = dt.date.today()
HOME = "3;familiebehandling;rejected;Afprøvet uden effekt"
NETWORK = "4;netvaerksplejefamilie;rejected;Intet egnet netværk"
LOWER = "2;konsulentbistand;rejected;Prøvet i foråret"


def _setup(cli: Cli, tmp_path: Path) -> dict[str, object]:
    """Three decisions: a placement 98 days ago (Kerteminde), a support measure last June, one starting soon
    (both Socialstyrelsen's, at a meeting of their own: a meeting belongs to one municipality)."""
    placed, k = case_on_docket(cli, tmp_path, ref="K-PLACED")
    support, m = case_on_docket(
        cli,
        tmp_path,
        ref="S-SUPPORT",
        profile="socialstyrelsen",
        caseworker="Jonas Kragh",
    )
    future, _ = case_on_docket(
        cli,
        tmp_path,
        meeting_id=m,
        ref="S-FUTURE",
        profile="socialstyrelsen",
        caseworker="Jonas Kragh",
    )
    placed_start = TODAY - dt.timedelta(days=98)
    support_start = dt.date(TODAY.year - 1, 6, 15)
    out_id(
        cli(
            *decide_args(
                placed,
                k,
                step=5,
                interventions=["plejefamilie"],
                start=placed_start.isoformat(),
                alternatives=[HOME, NETWORK],
            )
        )
    )
    out_id(
        cli(
            *decide_args(
                support,
                m,
                step=3,
                interventions=["familiebehandling", "konsulentbistand"],
                start=support_start.isoformat(),
                alternatives=[LOWER],
            )
        )
    )
    out_id(
        cli(
            *decide_args(
                future,
                m,
                step=3,
                interventions=["familiebehandling"],
                start=(TODAY + dt.timedelta(days=10)).isoformat(),
                alternatives=[LOWER],
            )
        )
    )
    return {"placed_start": placed_start, "support_start": support_start}


def test_overdue_lists_exactly_the_overdue(cli: Cli, tmp_path: Path) -> None:
    dates = _setup(cli, tmp_path)
    placed_start = dates["placed_start"]
    assert isinstance(placed_start, dt.date)
    # Kerteminde: 2 weeks (84 days ago) is overdue (the 6-weekly ones follow as each is done). The support
    # measure: its first follow-up, 3 months after 15 June last year = 15 September last year.
    expected = sorted(
        [
            ((placed_start + dt.timedelta(weeks=2)).isoformat(), "K-PLACED", "anbringelse-2-uger"),
            (dt.date(TODAY.year - 1, 9, 15).isoformat(), "S-SUPPORT", "first"),
        ]
    )
    overdue = pending(cli, "--overdue")
    assert sorted((f["due"], f["case_ref"], f["kind"]) for f in overdue) == expected
    assert [f["due"] for f in overdue] == sorted(f["due"] for f in overdue)  # earliest first
    assert all(f["overdue"] for f in overdue)
    everything = pending(cli)
    assert all(not f["overdue"] for f in everything if f["due"] >= TODAY.isoformat())
    assert {f["id"] for f in everything if f["overdue"]} == {f["id"] for f in overdue}
    assert {f["case_ref"] for f in everything} == {"K-PLACED", "S-SUPPORT", "S-FUTURE"}
    # The other filters.
    assert {f["case_ref"] for f in pending(cli, "--caseworker", "Jonas Kragh")} == {
        "S-SUPPORT",
        "S-FUTURE",
    }
    assert pending(cli, "--overdue", "--caseworker", "Nobody") == []
    assert [f["id"] for f in pending(cli, "--due-before", TODAY.isoformat())] == [
        f["id"] for f in overdue
    ]
    table = ok(cli("followups", "--overdue"))
    assert table.count("OVERSKREDET") == 2


def test_done_removes_it_from_the_list(cli: Cli, tmp_path: Path) -> None:
    _setup(cli, tmp_path)
    overdue = pending(cli, "--overdue")
    first = overdue[0]
    assert (
        out_id(cli("followup", "done", str(first["id"]), "--note", "Besøg holdt, barnet trives"))
        == first["id"]
    )
    assert first["id"] not in {f["id"] for f in pending(cli, "--overdue")}
    assert first["id"] not in {f["id"] for f in pending(cli)}
    assert len(pending(cli, "--overdue")) == len(overdue) - 1
    # The case shows it done, with the note.
    decisions = as_json(cli("case", "show", first["case_ref"], "--json"))["decisions"]
    done = [f for d in decisions for f in d["followups"] if f["id"] == first["id"]]
    assert (
        done[0]["done_on"] == TODAY.isoformat() and done[0]["note"] == "Besøg holdt, barnet trives"
    )
    # Twice is refused, and writes nothing.
    before = fingerprint(cli)
    assert "allerede udført" in fails(cli("followup", "done", str(first["id"]), "--note", "igen"))
    assert "findes ikke" in fails(cli("followup", "done", "99999", "--note", "x"))
    assert "--note" in fails(cli("followup", "done", str(overdue[1]["id"]), "--note", "  "))
    assert fingerprint(cli) == before


def test_a_followup_proposes_a_step_change_for_the_next_meeting(cli: Cli, tmp_path: Path) -> None:
    _setup(cli, tmp_path)
    [item] = [f for f in pending(cli) if f["case_ref"] == "S-SUPPORT"]
    before = as_json(cli("case", "show", "S-SUPPORT", "--json"))
    assert before["step"] == 3 and len(before["decisions"]) == 1

    # --step is gone (a follow-up never moves a child); an unknown step is refused; nothing is written.
    prints = fingerprint(cli)
    assert "visitation decide" in fails(cli("followup", "done", str(item["id"]), "--note", "x", "--step", "2"))
    assert "trin 9" in fails(cli("followup", "done", str(item["id"]), "--note", "x", "--propose-step", "9"))
    assert "--next" in fails(cli("followup", "done", str(item["id"]), "--note", "x", "--next", "snart"))
    assert fingerprint(cli) == prints

    upcoming = meeting(cli, (TODAY + dt.timedelta(days=7)).isoformat())
    result = cli("followup", "done", str(item["id"]), "--note", "Familien klarer sig", "--propose-step", "2",
                 "--next", "6w")
    assert out_id(result) == item["id"]
    assert "dagsordenen" in result.stderr
    after = as_json(cli("case", "show", "S-SUPPORT", "--json"))
    assert after["step"] == 3 and len(after["decisions"]) == 1
    assert after["proposal"]["step"] == 2 and "Familien klarer sig" in after["proposal"]["rationale"]
    docket = as_json(cli("meeting", "show", str(upcoming), "--json"))["docket"]
    assert [d["case_ref"] for d in docket] == ["S-SUPPORT"]
    # The measure goes on: the next follow-up at the cadence agreed now (BL § 95).
    [next_one] = [f for f in pending(cli) if f["case_ref"] == "S-SUPPORT"]
    assert next_one["kind"] == "loebende:6w" and next_one["due"] == (TODAY + dt.timedelta(weeks=6)).isoformat()
    log = as_json(cli("audit", "S-SUPPORT", "--json"))
    assert "decide" not in {e["action"] for e in log[len(log) - 6:]}
    assert any(e["entity"] == "proposal" and "trin 3 → 2" in e["detail"] for e in log)


PLACEMENT_ONLY = {
    "anbringelse-2-uger",
    "hjemgivelse-review",
    "anbringelse-1-aar-review",
    "tilsyn",
    "barnets-plan",
}


def test_moving_a_placed_child_home_at_a_meeting_retires_the_placement_followups(
    cli: Cli, tmp_path: Path
) -> None:
    _setup(cli, tmp_path)
    later = meeting(cli, (TODAY + dt.timedelta(days=7)).isoformat())
    ok(cli("meeting", "add-case", str(later), "K-PLACED"))
    home = decide_args("K-PLACED", later, step=3, interventions=["familiebehandling"], start=TODAY.isoformat(),
                       alternatives=[LOWER])
    # BL § 100: a placed child goes home with a hjemgivelsesperiode of 0-6 months, followed up when it ends.
    before = fingerprint(cli)
    assert "Hjemgivelse (BL § 100)" in fails(cli(*home))
    for bad in ("7", "-1"):
        assert "--return-period-months" in fails(cli(*home, "--return-period-months", bad))
    assert fingerprint(cli) == before
    ok(cli(*home, "--return-period-months", "4"))
    assert as_json(cli("case", "show", "K-PLACED", "--json"))["step"] == 3
    left = {(f["kind"], f["due"]) for f in pending(cli) if f["case_ref"] == "K-PLACED"}
    assert {k for k, _ in left} == {"first", "hjemgivelsesperiode"} and not {k for k, _ in left} & PLACEMENT_ONLY
    assert ("hjemgivelsesperiode", add_months(TODAY, 4).isoformat()) in left


def test_a_running_investigation_gets_its_four_months(cli: Cli, tmp_path: Path) -> None:
    # BL § 20: the børnefaglig undersøgelse done 4 months after it began, whatever the outcome.
    support, m = case_on_docket(cli, tmp_path, ref="S-BFU", profile="socialstyrelsen")
    waiting, _ = case_on_docket(cli, tmp_path, meeting_id=m, ref="S-WAIT", profile="socialstyrelsen")
    ok(cli(*decide_args(support, m, step=3, interventions=["familiebehandling"], start="2026-12-31",
                        alternatives=[LOWER]), "--investigation-since", "2026-10-15"))
    ok(cli("decide", waiting, "--meeting", str(m), "--outcome", "postponed", "--step", "3",
           "--rationale", "Afventer den børnefaglige undersøgelse", "--investigation-since", "2026-10-31"))
    found = {(f["case_ref"], f["due"], f["kind"], tuple(f["legal"])) for f in pending(cli)}
    bl20, bl95 = "BL § 20 (tidl. SEL § 50)", "BL § 95 (tidl. SEL § 70, stk. 1)"
    assert found == {
        # The investigation ends before the 3 months: it is the first follow-up of BL § 95 as well.
        ("S-BFU", "2027-02-15", "boernefaglig-undersoegelse", (bl20, bl95)),
        # Postponed: nothing put in place, but the investigation's deadline stands.
        ("S-WAIT", "2027-02-28", "boernefaglig-undersoegelse", (bl20,)),
    }
    assert "--investigation-since" in fails(
        cli("decide", waiting, "--meeting", str(m), "--outcome", "postponed", "--step", "3",
            "--rationale", "x", "--investigation-since", "15-10-2026"))


def test_goal_scores_at_a_followup_and_a_bad_score_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    _setup(cli, tmp_path)
    [item] = [f for f in pending(cli) if f["case_ref"] == "S-SUPPORT"]
    goal = out_id(cli("goal", "add", "S-SUPPORT", "--text", "Møder i skole hver dag"))
    prints = fingerprint(cli)
    for bad in (f"{goal}=11", f"{goal}=-1", "x=3", "99999=5"):
        assert "--goal" in fails(cli("followup", "done", str(item["id"]), "--note", "x", "--goal", bad))
    assert fingerprint(cli) == prints
    ok(cli("followup", "done", str(item["id"]), "--note", "Bedre", "--goal", f"{goal}=6"))
    [row] = as_json(cli("goal", "list", "S-SUPPORT", "--json"))
    assert row["latest"] == 6 and [p["score"] for p in row["scores"]] == [6]
