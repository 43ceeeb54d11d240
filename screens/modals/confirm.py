"""A confirmation dialog that shows the whole thing being confirmed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmDialog(ModalScreen[bool]):
    """Shows a text and asks: confirm (ctrl+s / enter on the button) or go back (escape)."""

    DEFAULT_CSS = """
    ConfirmDialog { align: center middle; }
    ConfirmDialog > Vertical {
        width: 90%; max-width: 110; height: 90%; border: thick $primary; background: $surface; padding: 1 2;
    }
    ConfirmDialog #confirm-title { text-style: bold; color: $primary; }
    ConfirmDialog VerticalScroll { height: 1fr; }
    ConfirmDialog Horizontal { height: auto; align-horizontal: right; }
    ConfirmDialog Button { margin-left: 2; }
    """
    BINDINGS = [
        Binding("escape", "dismiss(False)", "Tilbage", id="confirm.back"),
        Binding("ctrl+s", "dismiss(True)", "Bekræft", id="confirm.ok", priority=True),
    ]

    def __init__(self, title: str, body: str, confirm_label: str = "Bekræft og lås") -> None:
        super().__init__()
        self.title_text, self.body, self.confirm_label = title, body, confirm_label

    def compose(self) -> ComposeResult:
        """Title, the whole text, the two buttons."""
        with Vertical():
            yield Static(self.title_text, id="confirm-title")
            with VerticalScroll():
                yield Static(self.body, id="confirm-body", markup=False)
            with Horizontal():
                yield Button("Tilbage (Esc)", id="back")
                yield Button(f"{self.confirm_label} (Ctrl+S)", id="ok", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Either button closes the dialog with its answer."""
        self.dismiss(event.button.id == "ok")
