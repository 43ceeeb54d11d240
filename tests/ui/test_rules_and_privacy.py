"""On the wall: a decision that breaks a rule cannot be confirmed; no CPR and no full name in privacy mode."""

from __future__ import annotations

import datetime as dt
import json

from screens.app import make_app
from screens.modals.confirm import ConfirmDialog
from tests.ui.helpers import go_to, screen_text, settle
from visitation.paths import demo_dir
from visitation.services import cases
from visitation.services.db import Db

NOW = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC)


async def test_a_decision_breaking_a_rule_cannot_be_confirmed(ui_db: Db) -> None:
    app = make_app(ui_db, "VM-2026-11-24", clock=False, now=lambda: NOW)
    async with app.run_test(size=(160, 45), notifications=True) as pilot:
        await settle(pilot)
        for _ in range(3):
            await pilot.press("down")
        await pilot.press("enter")                       # 2026-0109 (fourth): a placement without the network step
        await settle(pilot)
        await go_to(pilot, "beslutning")
        text = screen_text(app)
        assert "Mangler før beslutningen kan gemmes" in text
        assert "Mindst indgribende først" in text and "trin 4" in text
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmDialog)
        assert any("Markøren står i feltet «Undersøgelsen afsluttet»" in n.message for n in app._notifications)
        assert app.focused.id == "investigation_done"        # the refusal put the keyboard in the first missing field
        assert "Mindst indgribende først" in screen_text(app)   # the panel still names every rule
    assert cases.show(ui_db, "2026-0109").decisions == []


def _secrets() -> tuple[set[str], set[str]]:
    """Every demo child's full name and CPR digits, and the full names of family and friends on the maps
    (professionals on a map are staff, who also appear as meeting participants)."""
    names, cprs = set(), set()
    for path in (demo_dir() / "cases").glob("*.json"):
        case = json.loads(path.read_text(encoding="utf-8"))
        names.add(case["child"]["name"])
        if case["child"]["cpr"]:
            cprs |= {case["child"]["cpr"], case["child"]["cpr"].replace("-", ""), case["child"]["cpr"][-4:]}
        names |= {p["name"] for p in case["network"] if " " in p["name"] and p["sector"] in ("family", "friends")}
    return names, cprs


async def test_privacy_mode_hides_names_and_cpr_on_every_screen(ui_db: Db) -> None:
    names, cprs = _secrets()
    app = make_app(ui_db, "VM-2026-11-25-HJ", clock=False, now=lambda: NOW)  # three of its four children have a CPR
    seen: list[str] = []
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        seen.append(screen_text(app))
        for row in range(4):                             # every case on the docket, every step
            await pilot.press("escape") if row else None
            await settle(pilot)
            await pilot.press(*(["down"] * row), "enter")
            await settle(pilot)
            steps = len(app.screen.shown_panes)  # type: ignore[attr-defined]
            for step in range(1, steps + 1):     # the number keys, the last step by ctrl+pagedown
                await pilot.press(str(step) if step < steps else "ctrl+pagedown")
                await settle(pilot)
                seen.append(screen_text(app))
        await pilot.press("escape")
        for key in ("o", "escape", "n", "escape", "f1", "escape", "e"):
            await pilot.press(key)
            await settle(pilot)
            seen.append(screen_text(app))
    for text in seen:
        assert "privatliv til" in text.splitlines()[0], text[:300]  # the header, above every screen and dialog
        leaked = {s for s in names | cprs if s in text}
        assert not leaked, leaked


async def test_toggling_privacy_shows_names_and_says_so(ui_db: Db) -> None:
    app = make_app(ui_db, "VM-2026-11-24", clock=False, now=lambda: NOW)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert "PRIVATLIV TIL" in screen_text(app) and "Alma Nørgaard" not in screen_text(app)
        await pilot.press("f2", "ctrl+s")  # names are shown only when confirmed
        await settle(pilot)
        assert "PRIVATLIV FRA" in screen_text(app) and "Alma Nørgaard" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert "PRIVATLIV FRA" in screen_text(app) and "Alma Nørgaard" in screen_text(app)
