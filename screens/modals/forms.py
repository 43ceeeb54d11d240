"""Dialogs that fill in a network person, an alternative considered, or a short reason."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from screens.widgets.filter_list import FilterList
from screens.widgets.marks import MarkedCheckbox
from screens.widgets.sentence import SentenceArea
from visitation.domain.casefile import NetworkPerson
from visitation.domain.decision import AlternativeDraft, Verdict

SECTOR_LABELS = [("Familie", "family"), ("Venner og naboer", "friends"),
                 ("Skole, dagtilbud, fritid", "school"), ("Professionelle", "professional")]
VALENCE_LABELS = [("Ressource", "resource"), ("Bekymring", "concern"), ("Både og", "both")]
VERDICT_LABELS = [("Fravalgt", "rejected"), ("Ikke relevant", "not-relevant")]

FORM_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{ width: 90%; max-width: 90; height: auto; max-height: 95%; border: thick $primary;
                     background: $surface; padding: 0 2; overflow-y: auto; }}
{name} Label {{ margin-top: 1; }}
{name} #form-error {{ color: $error; text-style: bold; height: auto; }}
{name} Horizontal {{ height: auto; align-horizontal: right; margin-top: 1; }}
{name} Button {{ margin-left: 2; }}
"""


def initials(name: str) -> str:
    """A person's initials, as the wall may show them (`Karen Marie Holm` → `K.M.H.`)."""
    return "".join(f"{word[:1].upper()}." for word in name.split())


class FormDialog(ModalScreen[object]):
    """Shared behaviour: Esc cancels, Ctrl+S saves; the subclass builds the value or says what is wrong."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Annullér", id="form.cancel"),
                Binding("ctrl+s", "save", "Gem", id="form.save", priority=True)]

    def buttons(self) -> ComposeResult:
        """The error line and the buttons."""
        yield Static("", id="form-error")
        with Horizontal():
            yield Button("Annullér (Esc)", id="cancel")
            yield Button("Gem (Ctrl+S)", id="save", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Save or cancel."""
        if event.button.id == "save":
            self.action_save()
        else:
            self.dismiss(None)

    def action_save(self) -> None:
        """Build the value; show the problem instead of closing when it is incomplete."""
        value, problem = self.value()
        if problem:
            error = self.query_one("#form-error", Static)
            error.update(problem)
            self.call_after_refresh(error.scroll_visible, animate=False)  # a low terminal scrolls the form to it
        else:
            self.dismiss(value)

    def value(self) -> tuple[object, str]:
        """The dialog's value, or an explanation of what is missing."""
        raise NotImplementedError


class PersonDialog(FormDialog):
    """Add or edit a person on the network map. In privacy mode a stored name is not shown: the field is empty
    with the initials as its placeholder, and left empty it keeps the stored name (a typed name replaces it)."""

    DEFAULT_CSS = FORM_CSS.format(name="PersonDialog")

    def __init__(self, person: NetworkPerson | None = None, privacy: bool = False) -> None:
        super().__init__()
        self.person = person or NetworkPerson("", "", "family", 1)
        self.hidden = privacy and bool(self.person.name)
        """The stored name is kept out of the field (privacy mode, an existing person)."""

    def compose(self) -> ComposeResult:
        """The fields of a network person."""
        p = self.person
        with Vertical():
            if self.hidden:
                yield Label("Navn (skjult, privatliv til: tomt felt beholder det gemte navn)")
                yield Input("", id="name", placeholder=f"{initials(p.name)} (gemt navn beholdes)",
                            select_on_focus=False)
            else:
                yield Label("Navn")
                yield Input(p.name, id="name", select_on_focus=False)
            yield Label("Relation til barnet (fx mormor, nabo, klasselærer)")
            yield Input(p.relation, id="relation", select_on_focus=False)
            yield Label("Sektor")
            yield Select(SECTOR_LABELS, value=p.sector, allow_blank=False, id="sector")
            yield Label("Ring (1 tættest … 3 yderst)")
            yield Select([("1 – tættest", 1), ("2", 2), ("3 – yderst", 3)], value=p.ring, allow_blank=False, id="ring")
            yield Select(VALENCE_LABELS, value=p.valence, allow_blank=False, id="valence")
            yield MarkedCheckbox("Mulig anbringelses- eller støtteressource", p.placement_candidate, id="candidate")
            yield Label("Note")
            yield SentenceArea(p.note, id="note")
            yield from self.buttons()

    def value(self) -> tuple[object, str]:
        """The person, or what is missing."""
        name, relation = self.query_one("#name", Input).value.strip(), self.query_one("#relation", Input).value.strip()
        if not name and self.hidden:
            name = self.person.name
        if not name or not relation:
            return None, "Navn og relation skal udfyldes."
        return NetworkPerson(
            name=name, relation=relation, sector=str(self.query_one("#sector", Select).value),
            ring=int(self.query_one("#ring", Select).value),  # type: ignore[arg-type]
            valence=str(self.query_one("#valence", Select).value),
            placement_candidate=self.query_one("#candidate", MarkedCheckbox).value,
            note=self.query_one("#note", SentenceArea).value.strip()), ""


class AlternativeDialog(FormDialog):
    """Record an alternative considered on a lower step: the step, the intervention on it (typing filters the
    step's interventions), the verdict and the reason."""

    DEFAULT_CSS = FORM_CSS.format(name="AlternativeDialog")
    AUTO_FOCUS = "#intervention Input"

    def __init__(self, options: list[tuple[str, tuple[int, str]]], alt: AlternativeDraft | None = None,
                 step: int | None = None) -> None:
        super().__init__()
        self.options = options
        """(label, (step, key)) for each intervention on the steps below the proposal."""
        self.alt = alt
        steps = [s for _, (s, _) in options]
        self.step = alt.step if alt else step if step in steps else max(steps, default=0)
        """The step shown first: the alternative's, the one asked for (an empty row), else the highest."""

    def of_step(self, step: int) -> list[tuple[str, tuple[int, str]]]:
        """The interventions of one step, without the step in their labels."""
        return [(label.split(" – ", 1)[-1], value) for label, value in self.options if value[0] == step]

    def compose(self) -> ComposeResult:
        """Step, intervention (type-ahead), verdict, reason."""
        steps = list(dict.fromkeys(s for _, (s, _) in self.options))
        with Vertical():
            yield Label("Trin")
            yield Select([(f"Trin {s}", s) for s in steps], value=self.step, allow_blank=False, id="alt-step",
                         compact=True)
            yield Label("Indsats (skriv for at søge, ↑/↓ og Enter vælger)")
            yield FilterList(self.of_step(self.step), (self.alt.step, self.alt.intervention) if self.alt else None,
                             id="intervention")
            yield Label("Vurdering")
            yield Select(VERDICT_LABELS, value=self.alt.verdict.value if self.alt else "rejected",
                         allow_blank=False, id="verdict")
            yield Label("Begrundelse")
            yield SentenceArea(self.alt.reason if self.alt else "", id="reason")
            yield from self.buttons()

    @on(Select.Changed, "#alt-step")
    def step_chosen(self, event: Select.Changed) -> None:
        """Another step: its interventions only."""
        self.query_one(FilterList).set_choices(self.of_step(int(event.value)))  # type: ignore[call-overload]

    @on(FilterList.Chosen)
    def intervention_chosen(self) -> None:
        """Enter on an intervention: on to the reason (the verdict is «fravalgt» unless changed)."""
        self.query_one("#reason").focus()

    def value(self) -> tuple[object, str]:
        """The alternative, or what is missing."""
        chosen = self.query_one(FilterList).value
        reason = self.query_one("#reason", SentenceArea).value.strip()
        if chosen is None or not reason:
            return None, "Vælg en indsats og skriv begrundelsen."
        step, key = chosen
        return AlternativeDraft(step, key, Verdict(str(self.query_one("#verdict", Select).value)), reason), ""


class ReasonDialog(FormDialog):
    """A short reason, e.g. why a case is postponed."""

    DEFAULT_CSS = FORM_CSS.format(name="ReasonDialog")

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title_text = title

    def compose(self) -> ComposeResult:
        """The question and one line of text."""
        with Vertical():
            yield Label(self.title_text)
            yield SentenceArea(id="reason")
            yield from self.buttons()

    def value(self) -> tuple[object, str]:
        """The reason, or a request for one."""
        reason = self.query_one("#reason", SentenceArea).value.strip()
        return (reason, "") if reason else (None, "Skriv en begrundelse.")
