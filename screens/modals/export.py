"""The export dialog: format, privacy level and file for the minutes of a meeting or one case."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Select

from screens.modals.forms import FORM_CSS, FormDialog

FORMAT_LABELS = [("Word (.docx) – til journalisering", "docx"), ("HTML – til udskrift og PDF", "html"),
                 ("Markdown (.md)", "md"), ("JSON – til andre systemer", "json")]
PRIVACY_LABELS = [("Intern – navne, intet CPR", "internal"), ("Skærm – kun initialer og alder", "screen"),
                  ("Fuld – med CPR-nummer", "full")]


class ExportDialog(FormDialog):
    """Choose how to export the minutes; the value is (format, privacy, path)."""

    DEFAULT_CSS = FORM_CSS.format(name="ExportDialog") + """
    ExportDialog Label { margin-top: 0; }
    ExportDialog #export-heading { text-style: bold; margin-bottom: 1; }
    """

    def __init__(self, heading: str, folder: Path, stem: str) -> None:
        super().__init__()
        self.heading, self.folder, self.stem = heading, folder, stem

    def compose(self) -> ComposeResult:
        """Heading, format, privacy level, file name."""
        with Vertical():
            yield Label(self.heading, id="export-heading")
            yield Label("Format")
            yield Select(FORMAT_LABELS, value="docx", allow_blank=False, id="format")
            yield Label("Privatlivsniveau")
            yield Select(PRIVACY_LABELS, value="internal", allow_blank=False, id="privacy")
            yield Label("Fil (læses kun af dig, mode 0600)")
            yield Input(str(self.folder / f"{self.stem}.docx"), id="path")
            yield from self.buttons()

    @on(Select.Changed, "#format")
    def format_changed(self, event: Select.Changed) -> None:
        """Keep the file's suffix in step with the format."""
        path = self.query_one("#path", Input)
        if path.value.strip():
            path.value = str(Path(path.value.strip()).with_suffix(f".{event.value}"))

    def value(self) -> tuple[object, str]:
        """(format, privacy, path), or what is wrong with the file name."""
        text = self.query_one("#path", Input).value.strip()
        if not text:
            return None, "Angiv en fil."
        path = Path(text).expanduser()
        if not path.parent.is_dir():
            return None, f"Mappen findes ikke: {path.parent}"
        if path.is_dir():
            return None, f"{path} er en mappe; angiv et filnavn."
        fmt, privacy = self.query_one("#format", Select).value, self.query_one("#privacy", Select).value
        return (str(fmt), str(privacy), path), ""
