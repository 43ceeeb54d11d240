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


def test_children_per_step_over_time_reads_without_colour() -> None:
    from visitation.charts import stacked_by_step

    lines = stacked_by_step({"2026-09": {}, "2026-10": {1: 2, 3: 4}, "2026-11": {1: 1, 3: 4, 5: 1}}, 12).splitlines()
    assert [line[:7] for line in lines] == ["2026-10", "2026-11"]  # empty months are left out
    assert lines[1].split()[1] == "113333333355" and lines[1].endswith("1:1 3:4 5:1")


def test_the_counts_after_each_month_fit_the_line() -> None:
    from visitation.charts import stacked_by_step

    months = {"2026-10": {1: 12905, 2: 11730, 3: 10327, 4: 4577, 5: 4075, 6: 2643},
              "2026-11": {1: 15427, 2: 14062, 3: 12352, 4: 5490, 5: 4880, 6: 3136}}
    for line_width in (76, 156):
        lines = stacked_by_step(months, 120, line_width).splitlines()
        assert max(len(line) for line in lines) <= line_width, line_width
        assert lines[1].endswith("1:15427 2:14062 3:12352 4:5490 5:4880 6:3136")
    assert len(stacked_by_step(months, 120).splitlines()[1]) > 156  # without a line width: the bar as asked
