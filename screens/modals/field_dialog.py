"""Ctrl+G on Beslutning: go to a field by typing part of its name; the fields the rules miss come first."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from screens.widgets.filter_list import FilterList


class FieldDialog(ModalScreen[str | None]):
    """A list of the form's fields with type-ahead; Enter goes to the field, Esc stays where one was."""

    DEFAULT_CSS = """
    FieldDialog { align: center middle; }
    FieldDialog > Vertical { width: 90%; max-width: 80; height: auto; max-height: 90%; border: thick $primary;
                             background: $surface; padding: 0 2; }
    FieldDialog FilterList > OptionList { max-height: 16; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", "Annullér", id="field.cancel")]
    AUTO_FOCUS = "FilterList Input"

    def __init__(self, labels: dict[str, str], order: tuple[str, ...], missing: list[str]) -> None:
        super().__init__()
        first = [n for n in order if n in missing]
        self.choices = [(f"✘ {labels[n]}", n) for n in first] + [(labels[n], n) for n in order if n not in missing]

    def compose(self) -> ComposeResult:
        """The heading and the filtered list."""
        with Vertical():
            yield Label("Gå til felt (skriv for at søge, ↑/↓, Enter – ✘ mangler)")
            yield FilterList(self.choices, placeholder="fx start, formål, begrundelse")

    @on(FilterList.Chosen)
    def chosen(self, event: FilterList.Chosen) -> None:
        """Go to the chosen field."""
        self.dismiss(event.value)
