"""Check boxes, radio buttons and selection lists whose state reads without colour.

Textual draws a chosen and an unchosen box with the same glyph in two colours; on a washed-out
projector, or for a colour-blind member of the team, that is no difference at all. These show the
mark only when the item is chosen.
"""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Checkbox, RadioButton, SelectionList
from textual.widgets._toggle_button import ToggleButton


class MarkedCheckbox(Checkbox):
    """A check box showing X only when checked."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # noqa: N802 - Textual's name
        return "X" if self.value else " "


class MarkedRadioButton(RadioButton):
    """A radio button showing ● only when chosen."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # noqa: N802 - Textual's name
        return "●" if self.value else " "


class MarkedSelectionList(SelectionList[Any]):
    """A selection list showing X only beside the chosen items."""

    def render_line(self, y: int) -> Strip:
        """Textual's line, with the mark blanked for an unchosen item."""
        strip = super().render_line(y)
        index = self.scroll_offset.y + y
        if index >= self.option_count or self.get_option_at_index(index).value in self._selected:
            return strip
        segments = list(strip)
        if len(segments) > 1 and segments[1].text == ToggleButton.BUTTON_INNER:
            segments[1] = Segment(" ", segments[1].style, segments[1].control)
            return Strip(segments, strip.cell_length)
        return strip
