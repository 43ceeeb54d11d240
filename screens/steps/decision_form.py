"""The fields of the decision form: built from the profile, filled from the saved draft, read back as values."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, cast

from textual.app import ComposeResult
from textual.widgets import Input, Label, Select, SelectionList, TextArea

from screens.messages import CaseBundle
from screens.widgets.marks import MarkedSelectionList
from screens.widgets.sentence import SentenceArea
from visitation.domain.decision import CHOICE_LABELS, FORM_FIELDS, SPECS, DecisionDraft

SENTENCES = ("purpose", "dissent", "child_view_how")
"""One-line fields in the domain that hold a sentence or more: multi-line here, so the wall shows them whole."""
TEXT_AREAS = tuple(n for n, s in SPECS.items() if s.kind in ("text", "lines") or n in SENTENCES)
"""Fields that hold sentences (or one goal a line): multi-line."""
LABELS = {name: spec.label for name, spec in SPECS.items()}
PLACEHOLDERS = {name: spec.placeholder for name, spec in SPECS.items() if spec.placeholder}
ORDER = FORM_FIELDS
FLAG_CHOICES = [("nej", False), ("ja", True)]


def fields(bundle: CaseBundle) -> ComposeResult:
    """One labelled widget per field, with the id of the field."""
    p = bundle.profile
    for name in ORDER:
        yield Label(LABELS[name], classes="field-label")
        kind = SPECS[name].kind
        if kind == "choice":
            labels = CHOICE_LABELS[cast("type[StrEnum]", type(DecisionDraft.__dataclass_fields__[name].default))]
            yield Select([(v, k.value) for k, v in labels.items()], allow_blank=False, id=name)
        elif kind == "flag":
            yield Select(FLAG_CHOICES, allow_blank=False, id=name)
        elif name == "step":
            yield Select([(f"{s.number} {s.label}", s.number) for s in p.steps], allow_blank=False, id=name)
        elif name == "interventions":
            yield MarkedSelectionList(*[(f"{i.step} – {i.label}", i.key) for i in p.interventions], id=name)
        elif name in TEXT_AREAS:
            yield SentenceArea(id=name, classes="field-text", placeholder=PLACEHOLDERS.get(name, ""))
        else:
            yield Input(id=name, placeholder=PLACEHOLDERS.get(name, ""),
                        select_on_focus=False)  # typing into a filled field must never replace it


def read(widget: Any) -> Any:
    """The value of one field widget."""
    if isinstance(widget, SelectionList):
        return sorted(widget.selected)
    if isinstance(widget, TextArea):
        return widget.text
    return widget.value


def write(widget: Any, value: Any) -> None:
    """Put a value into a field widget."""
    if isinstance(widget, SelectionList):
        widget.deselect_all()
        for key in value or []:
            widget.toggle(key)  # after deselect_all, toggling selects
    elif isinstance(widget, TextArea):
        widget.load_text(value or "")
    elif isinstance(widget, Select):
        widget.value = value
    else:
        widget.value = "" if value is None else str(value)
