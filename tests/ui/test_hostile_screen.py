"""SPEC §9.5 on the shared screen: names an old database holds with control characters (written by SQL)
reach the docket and the title neutralised, privacy off; a TUI field refuses them by the shared checks."""

from __future__ import annotations

import re
import sqlite3

from screens.app import make_app
from tests.ui.helpers import screen_text, settle
from visitation.services import sos
from visitation.services.db import Db

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HOSTILE = "Alma\x1b]0;ejet\x07\x1b[2J\u202e\x1b]8;;http://x\x07Nørgaard\x00"


async def test_stored_control_characters_reach_the_docket_neutralised(ui_db: Db) -> None:
    path = ui_db.url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE child SET name = ? WHERE name = 'Alma Nørgaard'", (HOSTILE,))
        conn.execute("UPDATE meeting SET title = ? WHERE ref = 'VM-2026-11-24'", (HOSTILE,))
    app = make_app(ui_db, "VM-2026-11-24", clock=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("f2")                                  # privacy off: full names
        await settle(pilot)
        text = screen_text(app)
        assert "Alma\N{REPLACEMENT CHARACTER}" in text and not CONTROL.search(text)
        assert not CONTROL.search(str(app.title)) and not CONTROL.search(str(app.sub_title))


def test_the_service_behind_a_tui_field_refuses_by_the_shared_check(ui_db: Db) -> None:
    """The TUI's forms call these services; the refusal names the field, nothing is written."""
    import pytest

    from visitation.errors import InvalidInput

    before = sos.show(ui_db, "2026-0108")
    for text in ("\x1b]52;c;ZWNobyBoaQ==\x07", "a\u202eb", "nul\x00"):
        with pytest.raises(InvalidInput, match="^--text: indeholder styretegn"):
            sos.danger(ui_db, "2026-0108", text)
    assert sos.show(ui_db, "2026-0108") == before
