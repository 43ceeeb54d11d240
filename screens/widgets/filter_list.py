"""A choice with type-ahead: typing filters the list, ↑/↓ move, Enter takes the highlighted choice."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option


def matches(label: str, typed: str) -> bool:
    """Whether every typed word occurs in the label (case-insensitive), e.g. «fam pl» finds «Familiepleje»."""
    text = label.casefold()
    return all(word in text for word in typed.casefold().split())


class FilterList(Vertical):
    """An input over a list of (label, value): the list shows the labels matching what is typed."""

    DEFAULT_CSS = """
    FilterList { height: auto; }
    FilterList > OptionList { height: auto; max-height: 8; }
    """
    BINDINGS = [Binding("down", "move(1)", "Næste", show=False), Binding("up", "move(-1)", "Forrige", show=False)]

    @dataclass
    class Chosen(Message):
        """Enter took a choice (the dialog moves on to its next field)."""

        filter_list: FilterList
        value: Any

    def __init__(self, choices: list[tuple[str, Any]], value: Any = None, placeholder: str = "Skriv for at søge",
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.choices = list(choices)
        self.initial = value
        self.placeholder = placeholder
        self.shown: list[tuple[str, Any]] = []

    def compose(self) -> ComposeResult:
        """The search line and the list."""
        yield Input(placeholder=self.placeholder, select_on_focus=False, compact=True)
        yield OptionList(compact=True)

    def on_mount(self) -> None:
        """Every choice, the given value highlighted."""
        self.set_choices(self.choices, self.initial)

    def set_choices(self, choices: list[tuple[str, Any]], value: Any = None) -> None:
        """New choices (another step chosen), filtered by what is typed; `value` highlighted when shown."""
        self.choices = list(choices)
        self._show(self.query_one(Input).value, value)

    def _show(self, typed: str, value: Any = None) -> None:
        self.shown = [(label, v) for label, v in self.choices if matches(label, typed)]
        options = self.query_one(OptionList)
        options.set_options([Option(label) for label, _ in self.shown])
        values = [v for _, v in self.shown]
        options.highlighted = values.index(value) if value in values else (0 if self.shown else None)

    @property
    def value(self) -> Any:
        """The highlighted choice's value (None when nothing matches)."""
        index = self.query_one(OptionList).highlighted
        return self.shown[index][1] if index is not None and index < len(self.shown) else None

    @on(Input.Changed)
    def typed(self, event: Input.Changed) -> None:
        """Filter as the user types."""
        event.stop()
        self._show(event.value, self.value)

    def action_move(self, delta: int) -> None:
        """Move the highlight without leaving the search line."""
        options = self.query_one(OptionList)
        if options.option_count:
            options.highlighted = ((options.highlighted or 0) + delta) % options.option_count

    @on(Input.Submitted)
    @on(OptionList.OptionSelected)
    def chosen(self, event: Message) -> None:
        """Enter on the search line or the list takes the highlighted choice."""
        event.stop()
        if self.value is not None:
            self.post_message(self.Chosen(self, self.value))
