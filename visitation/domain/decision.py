"""What a decision is before it is recorded: the draft the rules are checked against."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from visitation.domain.dates import parse_day


class Outcome(StrEnum):
    """The outcome of a case at the meeting."""

    APPROVED = "approved"
    CHANGED = "changed"
    REJECTED = "rejected"
    POSTPONED = "postponed"
    REFERRED = "referred"


class Consent(StrEnum):
    """The parents' consent to the measure."""

    YES = "yes"
    NO = "no"
    PARTIAL = "partial"
    UNKNOWN = "unknown"


class Verdict(StrEnum):
    """What the team concluded about an alternative."""

    CHOSEN = "chosen"
    REJECTED = "rejected"
    NOT_RELEVANT = "not-relevant"


OUTCOME_LABELS = {
    Outcome.APPROVED: "Godkendt", Outcome.CHANGED: "Godkendt med ændringer",
    Outcome.REJECTED: "Afvist", Outcome.POSTPONED: "Udsat",
    Outcome.REFERRED: "Indstillet til børne- og ungeudvalget",
}
CONSENT_LABELS = {Consent.YES: "ja", Consent.NO: "nej", Consent.PARTIAL: "delvist",
                  Consent.UNKNOWN: "ukendt"}
VERDICT_LABELS = {Verdict.CHOSEN: "valgt", Verdict.REJECTED: "fravalgt",
                  Verdict.NOT_RELEVANT: "ikke relevant"}


@dataclass(frozen=True)
class AlternativeDraft:
    """An alternative considered: a step, an intervention on it, the verdict and the reason."""

    step: int
    intervention: str
    verdict: Verdict
    reason: str


@dataclass(frozen=True)
class DecisionDraft:
    """Everything the meeting decides about one case, before the rules have passed it."""

    outcome: Outcome
    step: int
    interventions: tuple[str, ...]
    purpose: str = ""
    duration: str = ""
    start: date | None = None
    rationale: str = ""
    child_view: str = ""
    child_view_how: str = ""
    parents_view: str = ""
    consent: Consent = Consent.UNKNOWN
    dissent: str = ""
    goals: str = ""
    alternatives: tuple[AlternativeDraft, ...] = field(default=())
    investigation_since: date | None = None
    """The day a børnefaglig undersøgelse (BL § 20) running beside the decision began, if one does."""

    @property
    def places_child(self) -> bool:
        """Whether the outcome puts the child on the chosen step (approved or changed)."""
        return self.outcome in (Outcome.APPROVED, Outcome.CHANGED)


MAX_TEXT = 20_000
"""The longest text a decision field holds (about eight pages): longer is a paste gone wrong, refused."""
TEXT_FIELDS = ("purpose", "duration", "rationale", "child_view", "child_view_how", "parents_view", "dissent", "goals")


def too_long(draft: DecisionDraft) -> str | None:
    """The first text field of a draft longer than MAX_TEXT, or None."""
    return next((name for name in TEXT_FIELDS if len(getattr(draft, name)) > MAX_TEXT), None)


FORM_FIELDS = ("outcome", "step", "interventions", "purpose", "duration", "start", "investigation_since", "goals",
               "rationale", "child_view", "child_view_how", "parents_view", "consent", "dissent")
"""The fields of the decision form, saved one by one as they change."""


DATE_FIELDS = {"start": "Startdato", "investigation_since": "Børnefaglig undersøgelse i gang siden"}
"""The decision form's date fields, as the form labels them."""


def _day_field(fields: dict[str, object], name: str) -> date | None:
    value = fields.get(name)
    try:
        return parse_day(value) if isinstance(value, str) and value.strip() else None
    except ValueError:
        return None


def date_problems(fields: dict[str, object]) -> list[str]:
    """The date fields filled in with something that is not a date (a draft reads them as blank)."""
    return [f"{label}: «{fields[name]}» er ikke en dato (ÅÅÅÅ-MM-DD)" for name, label in DATE_FIELDS.items()
            if isinstance(fields.get(name), str) and str(fields[name]).strip() and _day_field(fields, name) is None]


def draft_from_fields(fields: dict[str, object], current_step: int) -> DecisionDraft:
    """The decision form's saved fields as a draft; blanks and unparsable values become 'missing'."""
    def text(name: str) -> str:
        value = fields.get(name)
        return value if isinstance(value, str) else ""

    step = fields.get("step")
    interventions = fields.get("interventions")
    return DecisionDraft(
        outcome=Outcome(text("outcome")) if text("outcome") in tuple(Outcome) else Outcome.APPROVED,
        step=step if isinstance(step, int) else current_step,
        interventions=tuple(i for i in interventions if isinstance(i, str)) if isinstance(interventions, list) else (),
        purpose=text("purpose"), duration=text("duration"), start=_day_field(fields, "start"),
        rationale=text("rationale"), child_view=text("child_view"), child_view_how=text("child_view_how"),
        parents_view=text("parents_view"),
        consent=Consent(text("consent")) if text("consent") in tuple(Consent) else Consent.UNKNOWN,
        dissent=text("dissent"), goals=text("goals"), investigation_since=_day_field(fields, "investigation_since"))
