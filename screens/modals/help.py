"""F1: the keys of the current screen, in Danish."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

GENERAL = """Visitation – hjælp

Alt kan gøres med tastaturet; musen virker også.
  F1            denne hjælp
  F2            privatliv til/fra (initialer og alder ↔ fulde navne; fulde navne kræver en bekræftelse)
  F3            skift tema (projektor, mørk, lys)
  Ctrl+P        kommandopalet: sager (nummer eller initialer), møder, handlinger
  1–6 (1–7)     sagens trin, som trinlinjen viser dem (ikke mens et tekstfelt har tastaturet)
  Tab           næste felt (feltet med tastaturet har en farvet ramme)
  Ctrl+Q        afslut (alt er allerede gemt)

Privatliv er slået TIL, når programmet starter: på væggen vises kun initialer og alder, aldrig CPR-nummer.
Hvert felt gemmes, mens du skriver; går strømmen, står alt der, når sagen åbnes igen.
En beslutning låses, når den er bekræftet; en rettelse er en ny beslutning, der erstatter den gamle."""


class HelpDialog(ModalScreen[None]):
    """The general help and the keys of the screen underneath."""

    DEFAULT_CSS = """
    HelpDialog { align: center middle; }
    HelpDialog > VerticalScroll { width: 90%; max-width: 110; height: auto; max-height: 90%; border: thick $primary;
                                  background: $surface; padding: 1 2; }
    HelpDialog > VerticalScroll:focus { border: thick $border; }
    """
    BINDINGS = [Binding("escape,f1,q", "dismiss", "Luk", id="help.close")]

    def __init__(self, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self.keys = keys

    def compose(self) -> ComposeResult:
        """General help, then this screen's keys."""
        lines = "\n".join(f"  {key:<14}{text}" for key, text in self.keys)
        with VerticalScroll(id="help-body"):  # focused: ↑/↓, PgUp/PgDn scroll a low terminal through it
            yield Static(GENERAL + "\n\nPå denne skærm:\n" + lines + "\n\n↑/↓ og PgUp/PgDn ruller · Esc lukker",
                         markup=False)
