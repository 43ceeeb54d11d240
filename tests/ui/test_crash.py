"""Killing the process mid-typing loses nothing that was completed: the form reopens as it was."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from textual.widgets import TextArea

from screens.app import make_app
from tests.ui.helpers import settle
from visitation.services import drafts
from visitation.services.db import Db

ROOT = Path(__file__).resolve().parents[2]


async def test_rationale_survives_kill_9(ui_db: Db) -> None:
    url = str(ui_db.engine.url)
    run = subprocess.run([sys.executable, "-m", "tests.ui.crash_writer", url], cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == -9, run.stderr[-2000:]
    saved = json.loads(next(line for line in run.stdout.splitlines() if line.startswith("SAVED:"))[6:])
    assert saved.endswith("Teamet er enigt. ")  # typing adds after what the proposal wrote
    # Every change is saved within a fraction of a second, so what survives is the completed change plus
    # whatever part of the interrupted typing had been saved before the kill: never less, never garbled.
    survived = drafts.load(ui_db, "2026-0104", "VM-2026-11-26-OD").fields["rationale"]
    typed = "Halvt skrevet sætn"
    extra = survived[len(saved):]
    assert survived.startswith(saved) and typed.startswith(extra)

    app = make_app(ui_db, "VM-2026-11-26-OD", clock=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("enter")                # 2026-0104, first on Odder's docket
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)
        assert app.screen.query_one("#rationale", TextArea).text == survived
