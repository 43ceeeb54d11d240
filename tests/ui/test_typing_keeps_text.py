"""Tabbing into a filled field and typing adds to the text; it never replaces what the team wrote."""

from __future__ import annotations

from screens.app import make_app
from screens.widgets.sentence import SentenceArea
from tests.ui.helpers import settle, type_text
from visitation.services import drafts
from visitation.services.db import Db

MEETING = "VM-2026-11-26-OD"


async def test_typing_into_the_filled_purpose_appends(ui_db: Db) -> None:
    app = make_app(ui_db, MEETING, clock=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # 2026-0104 (first on Odder's docket), whose proposal fills the purpose
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)
        while getattr(app.focused, "id", None) != "purpose":
            await pilot.press("tab")
        field = app.focused
        assert isinstance(field, SentenceArea)
        before = field.value
        assert before.startswith("At O kommer i skole")
        await type_text(pilot, " Tjek efter jul.")
        await pilot.press("tab")
        await settle(pilot)
        assert field.value == before + " Tjek efter jul."
    saved = drafts.load(ui_db, "2026-0104", MEETING).fields
    assert saved["purpose"] == before + " Tjek efter jul."
