"""Dialogs of the seeds' methods: a Signs of Safety line, a scale rating, a safety plan rule, an ICS note."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Select, Static

from screens.modals.forms import FORM_CSS, FormDialog
from screens.steps.people import ROLES
from screens.widgets.marks import MarkedSelectionList
from screens.widgets.sentence import SentenceArea
from visitation.domain.ics import NOTE_LABELS, NoteKind, triangle
from visitation.domain.sos import COLUMNS, KIND_LABELS, SCALE_ANCHORS, Kind, check_scale
from visitation.errors import InvalidInput


def form_css(name: str) -> str:
    """The dialogs' look; the form scrolls when the terminal is too low to show all of it (80×24)."""
    return FORM_CSS.format(name=name)


QUESTIONS = {
    Kind.DANGER: "Farefaktorudsagn: hvad er vi bekymrede for vil ske med barnet, hvis intet ændres?",
    Kind.GOAL: "Sikkerhedsmål: hvad skal vi se, før vi er trygge nok til at lukke sagen?",
}


@dataclass(frozen=True)
class SosInput:
    """A line of the mapping as typed: its kind (a column, danger or goal), the text, who said it."""

    kind: Kind
    text: str
    who: str = ""


@dataclass(frozen=True)
class ScaleInput:
    """A rating on the safety scale."""

    who: str
    score: int


@dataclass(frozen=True)
class RuleInput:
    """A rule of the safety plan with the names of its keepers (as on the network map)."""

    text: str
    keepers: list[str]


@dataclass(frozen=True)
class IcsInput:
    """A strength or concern on a dimension of the ICS triangle."""

    side: str
    dimension: str
    kind: NoteKind
    text: str


def who_fields(people: list[tuple[str, str]], label: str) -> ComposeResult:
    """Who: a person from the network map or a role, or written in."""
    yield Label(label)
    yield Select([*people, *((r, r) for r in ROLES)], id="who", prompt="Vælg fra netværkskortet eller en rolle")
    yield Input(id="who-text", placeholder="… eller skriv navn eller rolle", select_on_focus=False)


def chosen_who(dialog: FormDialog) -> str:
    """What was written, else what was chosen, else blank."""
    written = dialog.query_one("#who-text", Input).value.strip()
    chosen = dialog.query_one("#who", Select).value
    return written or ("" if chosen is Select.NULL else str(chosen))


class SosLineDialog(FormDialog):
    """A line of the mapping: an item in a column (with who said it), or a danger statement or a safety goal."""

    DEFAULT_CSS = form_css("SosLineDialog")

    def __init__(self, kind: Kind | None, people: list[tuple[str, str]]) -> None:
        super().__init__()
        self.kind, self.people = kind, people
        """`kind` None: the user chooses one of the three columns."""

    def compose(self) -> ComposeResult:
        """Column (for an item), text, who (for an item)."""
        with Vertical():
            if self.kind is None:
                yield Label("Kolonne")
                yield Select([(KIND_LABELS[k], k.value) for k in COLUMNS], value=Kind.WORRIES.value,
                             allow_blank=False, id="column")
                yield Label("Punkt")
            else:
                yield Label(QUESTIONS[self.kind])
            yield SentenceArea(id="text")
            if self.kind is None:
                yield from who_fields(self.people, "Hvem siger det (valgfrit)")
            yield from self.buttons()

    def value(self) -> tuple[object, str]:
        """The line, or what is missing."""
        text = self.query_one("#text", SentenceArea).value.strip()
        if not text:
            return None, "Skriv teksten."
        if self.kind is not None:
            return SosInput(self.kind, text), ""
        return SosInput(Kind(str(self.query_one("#column", Select).value)), text, chosen_who(self)), ""


class ScaleDialog(FormDialog):
    """One person's rating on the safety scale, 0–10."""

    DEFAULT_CSS = form_css("ScaleDialog")

    def __init__(self, people: list[tuple[str, str]]) -> None:
        super().__init__()
        self.people = people

    def compose(self) -> ComposeResult:
        """Who rates, and the score."""
        with Vertical():
            yield from who_fields(self.people, "Hvem vurderer")
            yield Label("Score på sikkerhedsskalaen, 0–10")
            yield Static(f"{SCALE_ANCHORS[0]}\n{SCALE_ANCHORS[1]}", markup=False)
            yield Input(id="score", placeholder="0–10", select_on_focus=False)
            yield from self.buttons()

    def value(self) -> tuple[object, str]:
        """The rating, or why not: nobody named, or a score that is not a whole number 0–10."""
        who, raw = chosen_who(self), self.query_one("#score", Input).value.strip()
        if not who:
            return None, "Vælg eller skriv, hvem der vurderer."
        if not raw:
            return None, "Skriv scoren: et helt tal fra 0 til 10."
        try:
            score = check_scale(int(raw))
        except (ValueError, InvalidInput):
            return None, f"Scoren skal være et helt tal fra 0 til 10 (ikke «{raw[:20]}»)."
        return ScaleInput(who, score), ""


class PlanRuleDialog(FormDialog):
    """A rule of the safety plan and who keeps it, chosen from the network map."""

    DEFAULT_CSS = form_css("PlanRuleDialog") + "PlanRuleDialog SelectionList { height: auto; max-height: 10; }"

    def __init__(self, people: list[tuple[str, str]]) -> None:
        super().__init__()
        self.people = people

    def compose(self) -> ComposeResult:
        """The rule, then the keepers (space chooses)."""
        with Vertical():
            yield Label("Regel i sikkerhedsplanen")
            yield SentenceArea(id="rule")
            yield Label("Hvem holder reglen (fra netværkskortet; mellemrum vælger)")
            yield MarkedSelectionList(*self.people, id="keepers")
            if not self.people:
                yield Label("Netværkskortet er tomt: tilføj personer på trinnet Netværk først.")
            yield from self.buttons()

    def value(self) -> tuple[object, str]:
        """The rule, or what is missing."""
        rule = self.query_one("#rule", SentenceArea).value.strip()
        keepers = list(self.query_one("#keepers", MarkedSelectionList).selected)
        if not rule or not keepers:
            return None, "Skriv reglen og vælg mindst én fra netværket, der holder den."
        return RuleInput(rule, keepers), ""


class IcsDialog(FormDialog):
    """A strength or a concern on one dimension of the ICS triangle."""

    DEFAULT_CSS = form_css("IcsDialog")

    def compose(self) -> ComposeResult:
        """Side, dimension (of that side), strength or concern, text."""
        tri = triangle()
        first = tri.sides[0].key
        with Vertical():
            yield Label("Side af ICS-trekanten")
            yield Select([(s.label, s.key) for s in tri.sides], value=first, allow_blank=False, id="side")
            yield Label("Dimension")
            yield Select(self.dimensions(first), value=self.dimensions(first)[0][1], allow_blank=False, id="dimension")
            yield Label("Styrke eller bekymring")
            yield Select([(label, kind.value) for kind, label in NOTE_LABELS.items()], value=NoteKind.STRENGTH.value,
                         allow_blank=False, id="kind")
            yield Label("Tekst")
            yield SentenceArea(id="text")
            yield from self.buttons()

    @staticmethod
    def dimensions(side: str) -> list[tuple[str, str]]:
        """The dimensions of a side, as (label, key)."""
        return [(d.label, d.key) for d in triangle().dimensions if d.side == side]

    def on_select_changed(self, event: Select.Changed) -> None:
        """A new side offers its own dimensions."""
        if event.select.id == "side" and event.value is not Select.NULL:
            options = self.dimensions(str(event.value))
            dimension = self.query_one("#dimension", Select)
            dimension.set_options(options)
            dimension.value = options[0][1]

    def value(self) -> tuple[object, str]:
        """The note, or what is missing."""
        text = self.query_one("#text", SentenceArea).value.strip()
        if not text:
            return None, "Skriv styrken eller bekymringen."
        return IcsInput(str(self.query_one("#side", Select).value), str(self.query_one("#dimension", Select).value),
                        NoteKind(str(self.query_one("#kind", Select).value)), text), ""
