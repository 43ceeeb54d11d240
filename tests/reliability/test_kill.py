"""`kill -9` of a writer at random moments, a hundred times: verify passes and every acknowledged write is there."""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlmodel import select

from visitation.services import cases
from visitation.services.db import open_db
from visitation.services.verify import verify
from visitation.store.models import NetworkMember

WRITER = Path(__file__).with_name("cli_writer.py")
KILLS = int(os.environ.get("VISITATION_KILLS", "100"))


def test_a_hundred_kills_lose_nothing_acknowledged(sqlite_url: str, capsys) -> None:  # type: ignore[no-untyped-def]
    db = open_db(sqlite_url, "tester")
    cases.add(db, name="Liva Jensen", birth_date=dt.date(2018, 4, 11), ref="K-1")
    db.engine.dispose()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    rng = random.Random(20261124)
    acknowledged: set[str] = set()
    during_write = 0
    began = time.perf_counter()
    for n in range(KILLS):
        writer = subprocess.Popen([sys.executable, str(WRITER), sqlite_url, "K-1", f"k{n}", "10000"],
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
        time.sleep(rng.uniform(0.45, 1.0))  # start-up takes about 0.4 s; then it writes continuously
        writer.send_signal(signal.SIGKILL)
        out, _ = writer.communicate()
        saved = {line.split()[1] for line in out.splitlines() if line.startswith("saved ")}
        during_write += bool(saved)
        acknowledged |= saved
        check = open_db(sqlite_url, "tester", migrate=False)
        report = verify(check)
        with check.read() as session:
            present = {m.name for m in session.exec(select(NetworkMember)).all()}
        check.engine.dispose()
        assert report.ok, (n, [str(f) for f in report.findings])
        assert acknowledged <= present, (n, sorted(acknowledged - present)[:5])
    with capsys.disabled():
        print(f"\n  {KILLS} × kill -9 in {time.perf_counter() - began:.0f} s ({during_write} while writing): "
              f"verify passed every time; {len(acknowledged)} acknowledged writes, all present")
