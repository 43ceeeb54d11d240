"""Chosen and unchosen boxes differ by their glyph, not only by colour (a projector washes colour out)."""

from __future__ import annotations

from textual.app import App, ComposeResult

from screens.widgets.marks import MarkedCheckbox, MarkedRadioButton, MarkedSelectionList
from tests.ui.helpers import screen_text


class _Boxes(App[None]):
    def compose(self) -> ComposeResult:
        yield MarkedSelectionList(("valgt indsats", "a", True), ("fravalgt indsats", "b", False), id="list")
        yield MarkedCheckbox("tjekket", True)
        yield MarkedCheckbox("ikke tjekket", False)
        yield MarkedRadioButton("valgt zone", True)
        yield MarkedRadioButton("anden zone", False)


async def test_only_the_chosen_items_carry_a_mark() -> None:
    app = _Boxes()
    async with app.run_test(size=(60, 20)) as pilot:
        lines = screen_text(app).splitlines()

        def line(label: str) -> str:
            return next(x for x in lines if label in x)

        assert "X" in line("valgt indsats") and "X" not in line("fravalgt indsats")
        assert "X" in line(" tjekket") and "X" not in line("ikke tjekket")
        assert "●" in line("valgt zone") and "●" not in line("anden zone")
        app.query_one("#list", MarkedSelectionList).select("b")
        await pilot.pause()
        assert "X" in next(x for x in screen_text(app).splitlines() if "fravalgt indsats" in x)
