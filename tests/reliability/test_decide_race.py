"""Eight people decide the same case at the same moment: exactly one wins, the others are told who did."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.services.helpers import placement
from visitation.services import decisions, demo
from visitation.services.db import open_db

RACER = Path(__file__).with_name("decide_racer.py")
MEETING, CASE, PROCESSES = "VM-2026-11-24", "2026-0109", 8


def _race(tmp_path: Path, url: str, args: list[str]) -> list[tuple[int, str]]:
    """Start PROCESSES deciders, release them together; (exit code, stderr) of each."""
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    procs = [subprocess.Popen([sys.executable, str(RACER), str(go), url, f"deltager{n}", *args],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
             for n in range(PROCESSES)]
    time.sleep(4)  # every racer has imported the CLI and waits for the go-file
    go.touch()
    results = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert "Traceback" not in out + err, (out + err)[-800:]
        first, _, told = out.partition("\n")
        results.append((int(first.split()[1]), told.strip()))
    return results


@pytest.mark.parametrize("replacing", [False, True], ids=["first-decision", "same-supersedes"])
def test_of_eight_deciding_at_once_exactly_one_wins(db_url: str, tmp_path: Path, replacing: bool) -> None:
    db = open_db(db_url, "tester")
    demo.load(db)
    args = ["decide", CASE, "--meeting", MEETING, "--outcome", "postponed", "--step", "3",
            "--rationale", "Udsat: forældrene høres igen"]
    if replacing:
        placed = decisions.record(db, CASE, MEETING, placement())
        args += ["--supersedes", str(placed.id)]
    results = _race(tmp_path, db_url, args)
    winners = [r for r in results if r[0] == 0]
    assert len(winners) == 1, results
    current = decisions.current(db, CASE, MEETING)
    assert current is not None and current.outcome == "postponed"
    losers = [told for code, told in results if code != 0]
    assert {code for code, _ in results if code != 0} == {2}
    assert all(f"beslutning {current.id}" in told for told in losers), losers
    with db.read() as session:
        from sqlmodel import select

        from visitation.store.models import Decision
        count = len(session.exec(select(Decision).where(Decision.case_id == current_case_id(db))).all())
    assert count == (2 if replacing else 1)
    db.engine.dispose()


def current_case_id(db) -> int:  # type: ignore[no-untyped-def]
    """The raced case's id."""
    from visitation.services import cases

    return cases.show(db, CASE).id
