"""Run by test_crash: types a rationale, completes one change, types more, then kills itself (SIGKILL)."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys

from textual.widgets import TextArea

from screens.app import make_app
from tests.ui.helpers import settle, type_text
from visitation.services.db import open_db


async def main(url: str) -> None:
    app = make_app(open_db(url, "tester"), "VM-2026-11-26-OD", clock=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("enter")                # 2026-0104, first on Odder's docket
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)
        area = app.screen.query_one("#rationale", TextArea)
        area.focus()
        await type_text(pilot, "Teamet er enigt. ")
        await pilot.press("tab")                  # leaving the field completes the change
        await settle(pilot)
        print("SAVED:" + json.dumps(area.text), flush=True)
        area.focus()
        await type_text(pilot, "Halvt skrevet sætn")
        os.kill(os.getpid(), signal.SIGKILL)      # the laptop dies mid-word


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
