"""Eight processes × fifty writes on one case at once: every write saved, nobody told 'database is locked'."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from sqlmodel import select

from visitation.services import cases
from visitation.services.db import open_db
from visitation.store.models import NetworkMember

WRITER = Path(__file__).with_name("cli_writer.py")
PROCESSES, WRITES = 8, 50


def test_eight_processes_times_fifty_writes(db_url: str, capsys) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    db = open_db(db_url, "tester")
    ref = "K-1"
    cases.add(db, name="Liva Jensen", birth_date=dt.date(2018, 4, 11), ref=ref)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    began = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, str(WRITER), db_url, ref, f"w{n}", str(WRITES)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
             for n in range(PROCESSES)]
    outputs = [p.communicate(timeout=300) for p in procs]
    seconds = time.perf_counter() - began
    lines = [line for out, _ in outputs for line in out.splitlines()]
    errors = "".join(err for _, err in outputs)
    saved = [line.split()[1] for line in lines if line.startswith("saved ")]
    assert not [line for line in lines if not line.startswith("saved ")], lines[:5]
    assert "locked" not in errors.lower() and "Traceback" not in errors, errors[-500:]
    assert len(saved) == PROCESSES * WRITES
    with db.read() as session:
        names = {m.name for m in session.exec(select(NetworkMember)).all()}
    assert set(saved) <= names
    with capsys.disabled():
        print(f"\n  [{db.engine.dialect.name}] {PROCESSES}×{WRITES} CLI writes in {seconds:.1f} s: "
              f"{len(saved)} saved, {len(set(saved) & names)} in the database")
