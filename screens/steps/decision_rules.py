"""The one verdict on the decision form: what the rules panel shows, what ctrl+s checks and what the
alternatives step reports are all `verdict(...)` of the form's values as they are now.

The form starts from the caseworker's proposal (step, interventions, purpose, duration, rationale) and the
meeting's date as start date (a proposal has none), overlaid by what was saved of the form.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from visitation.domain.decision import FORM_FIELDS, draft_from_fields, field_faults, short_label
from visitation.services.decisions import Preview
from visitation.services.views import CaseDetail

ALTERNATIVES = "alternatives"
"""The problems the alternatives step answers (a step below the proposed one, the placement priority …)."""


@dataclass(frozen=True)
class Problem:
    """One thing standing in the way of saving, and the form field that answers it ('' when none does)."""

    field: str
    text: str


@dataclass(frozen=True)
class FormVerdict:
    """The rules' verdict on the form's values: the problems in the order ctrl+s names them."""

    values: dict[str, Any]
    preview: Preview
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        """Whether the decision may be saved."""
        return not self.problems

    @property
    def step(self) -> int:
        """The step the form proposes (what the alternatives are judged against)."""
        return int(self.values.get("step") or 0)

    def lines(self) -> list[str]:
        """The problems as the panel and the refusal say them."""
        return [p.text for p in self.problems]

    def first_field(self) -> str | None:
        """Where ctrl+s puts the keyboard: the topmost field of the form with a problem, else the alternatives
        step when its gaps are all that is left, else None."""
        fields = {p.field for p in self.problems}
        return next((name for name in FORM_FIELDS if name in fields), ALTERNATIVES if ALTERNATIVES in fields else None)

    def of_alternatives(self) -> list[str]:
        """The problems the alternatives step answers."""
        return [p.text for p in self.problems if p.field == ALTERNATIVES]


def prefill(case: CaseDetail, meeting_date: dt.date, saved: dict[str, Any]) -> dict[str, Any]:
    """The form's values: the proposal, the case's recorded views and the meeting's date, overlaid by the saved
    form (a field once typed keeps what was typed, even blank)."""
    p = case.proposal
    start: dict[str, Any] = {"outcome": "approved", "step": p.step if p else case.step,
                             "interventions": list(p.interventions) if p else [],
                             "purpose": p.purpose if p else "", "duration": p.duration if p else "",
                             "start": meeting_date.isoformat(), "investigation_since": "", "investigation_done": "",
                             "acute": False, "return_period_months": "", "goals": "",
                             "child_view": case.child_view, "child_view_how": case.child_view_how,
                             "parents_view": case.parents_view, "consent": case.parents_consent,
                             "youth_consent": "unknown", "siblings": "", "schooling": "", "foster_assessment": "",
                             "dissent": "", "rationale": p.rationale if p else "", "ruler_reason": ""}
    return {**start, **saved}


def verdict(db: Any, case: CaseDetail, values: dict[str, Any], on: dt.date) -> FormVerdict:
    """The rules on the form as it is (read-only; call in a worker): a date or number field that is not one,
    then the rules' violations, each with the field that answers it."""
    from visitation.services import decisions

    preview = decisions.preview(db, case.ref, draft_from_fields(values, case.step), on)
    problems = [Problem(name, text) for name, text in field_faults(values)]
    problems += [Problem(v.field, str(v)) for v in preview.violations]
    return FormVerdict(dict(values), preview, tuple(problems))


def panel_text(found: FormVerdict) -> str:
    """The rules panel: what is still missing, or that the decision can be saved."""
    if found.ok:
        return "✔ Reglerne er opfyldt – beslutningen kan gemmes (Ctrl+S)."
    return "✘ Mangler før beslutningen kan gemmes:\n" + "\n".join(f"• {line}" for line in found.lines())


def refusal_text(found: FormVerdict) -> str:
    """The short toast of a refusal (the panel lists everything): where the keyboard went, and how much is left."""
    first = found.first_field()
    where = ("Alternativer: tilføj det manglende med A." if first == ALTERNATIVES else
             f"Markøren står i feltet «{short_label(first)}»." if first else found.lines()[0])
    more = len(found.problems) - 1
    return where + (f" {more + 1} mangler i alt – se reglerne." if more else "")
