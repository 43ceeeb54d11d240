"""The ten-case meeting of tests/ui/test_meeting_by_keys.py driven the way the TUI before issue 14 needed it,
counting keys and characters: the "before" figure of the chair's path.

    PYTHONPATH=<a checkout from before issue 14> python benchmarks/chair_keys_before.py

Before issue 14 the docket kept its cursor on the decided case (↓ each time), the start date was empty (Tab to
it, type it), a refusal left the keyboard where it was (Tab to each missing field) and the alternative dialog
listed every intervention of every step (↓ to the one wanted). The answers typed are the test's. Measured on
2026-12-02: 187 keys + 328 characters (the test, after: 70 keys + 228 characters). Not a test: it needs the old
screens.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import importlib.util
import os
import tempfile
from pathlib import Path

from textual.widgets import Select

from screens.app import make_app  # the old screens, from PYTHONPATH
from screens.modals.confirm import ConfirmDialog
from visitation.services import demo, meetings
from visitation.services.db import open_db

os.environ["HOME"] = tempfile.mkdtemp()  # a chain key of its own
_spec = importlib.util.spec_from_file_location(
    "meeting10", Path(__file__).resolve().parent.parent / "tests" / "ui" / "meeting10.py")
meeting10 = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(meeting10)  # type: ignore[union-attr]
DOCKET, add_meeting10 = meeting10.DOCKET, meeting10.add_meeting10
ANSWERS = {"investigation_done": "2026-11-02", "siblings": "Ingen søskende", "schooling": "Bliver på sin skole",
           "foster_assessment": "Forstærket plejefamilie er bedst", "ruler_reason": "Omsorgssvigt over tid"}
ALTERNATIVE_REASON = "Netværket kan ikke"
"""As in tests/ui/test_meeting_by_keys.py."""
KEYS = {" ": "space", "-": "minus", ".": "full_stop", ",": "comma"}
PLACEMENTS = ("2026-0109", "2026-0903")
"""The two cases whose proposal needs the alternatives and the placement's fields."""


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(4):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


class Chair:
    """Presses keys and types, counting both."""

    def __init__(self, pilot) -> None:  # type: ignore[no-untyped-def]
        self.pilot, self.keys, self.chars = pilot, 0, 0

    async def press(self, *keys: str) -> None:
        self.keys += len(keys)
        await self.pilot.press(*keys)
        await settle(self.pilot)

    async def write(self, text: str) -> None:
        self.chars += len(text)
        await self.pilot.press(*[KEYS.get(c, c) for c in text])

    async def tab_to(self, field: str) -> None:
        for _ in range(60):
            if getattr(self.pilot.app.focused, "id", None) == field:
                return
            await self.press("tab")
        raise AssertionError(field)


async def alternative(chair: Chair, app, key: str) -> None:  # type: ignore[no-untyped-def]
    """The old dialog: open the list, ↓ through every intervention to step 4's, Tab Tab to the reason."""
    await chair.press(key, "a")
    dialog = app.screen
    target = next(v for _, v in dialog.options if v[1] == "netvaerksplejefamilie")
    await chair.press("enter")
    await chair.press(*["down"] * (1 + [v for _, v in dialog.options].index(target)), "enter")
    assert dialog.query_one("#intervention", Select).value == target
    await chair.press("tab", "tab")
    await chair.write(ALTERNATIVE_REASON)
    await chair.press("ctrl+s")


async def main() -> None:
    db = open_db(f"sqlite:///{tempfile.mkdtemp()}/before.db", "bench")
    demo.load(db)
    meeting = add_meeting10(db)
    app = make_app(db, meeting, clock=False, now=lambda: dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        chair = Chair(pilot)
        for n, ref in enumerate(DOCKET):
            if n:
                await chair.press("down")                  # the cursor stayed on the decided case
            await chair.press("enter")
            flow = app.screen
            assert flow.bundle.case.ref == ref
            decision = str(flow.shown_panes.index("beslutning") + 1)
            if ref in PLACEMENTS:
                await alternative(chair, app, str(flow.shown_panes.index("alternativer") + 1))
            await chair.press(decision)
            await chair.tab_to("start")
            await chair.write("2026-11-24")
            for field in ANSWERS if ref in PLACEMENTS else ():
                await chair.tab_to(field)
                await chair.write(ANSWERS[field])
            await chair.press("ctrl+s")
            if not isinstance(app.screen, ConfirmDialog):  # a live check could cancel ctrl+s's own check
                await chair.press("ctrl+s")
            assert isinstance(app.screen, ConfirmDialog), ref
            await chair.press("ctrl+s", "escape")
        print(f"before issue 14: {chair.keys} keys + {chair.chars} characters")  # noqa: T201 - the figure
    assert [d.state for d in meetings.agenda(db, meeting).docket] == ["decided"] * len(DOCKET)


if __name__ == "__main__":
    asyncio.run(main())
