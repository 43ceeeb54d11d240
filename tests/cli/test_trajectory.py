"""The child's path: `case show` (text and JSON) and the case export carry the steps and zones over time."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from tests.cli.helpers import as_json, ok
from tests.conftest import Cli

CASE, MEETING = "2026-0104", "VM-2026-11-26-OD"  # step 2 in the demo, on Odder's meeting
TODAY = dt.date.today()


def test_the_path_follows_decisions_and_the_teams_zone(demo_cli: Cli, tmp_path: Path) -> None:
    ok(demo_cli("assess", CASE, "--zone", "3", "--rater", "Teamet", "--role", "visitationsmødet", "--consensus",
                "--date", (TODAY - dt.timedelta(days=1)).isoformat()))
    ok(demo_cli("decide", CASE, "--meeting", MEETING, "--outcome", "postponed", "--step", "2",
                "--rationale", "Vi mangler skolens vurdering"))
    shown = as_json(demo_cli("case", "show", CASE, "--json"))
    path = [(p["step"], p["zone"], p["event"]) for p in shown["trajectory"]]
    assert path == [(2, None, "sagen oprettet"), (2, 3, "fælles vurdering på linealen"), (2, 3, "udsat")]
    assert shown["trajectory"][1]["date"] == (TODAY - dt.timedelta(days=1)).isoformat()
    text = demo_cli("case", "show", CASE).stdout
    assert "Forløb" in text and "trin 2 · zone 3 · udsat" in text
    target = tmp_path / "case.json"
    target.write_text(demo_cli("case", "export", CASE).stdout, encoding="utf-8")
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert [p["event"] for p in exported["trajectory"]] == [e for _, _, e in path]
