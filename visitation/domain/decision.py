"""What a decision is before it is recorded: the draft the rules are checked against."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from visitation.domain.dates import parse_day
from visitation.domain.privacy import age_on


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


class YouthConsent(StrEnum):
    """The youth's own consent (from 15 at the start date)."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


CONSENT_LABELS = {Consent.YES: "ja", Consent.NO: "nej", Consent.PARTIAL: "delvist",
                  Consent.UNKNOWN: "ukendt"}
YOUTH_CONSENT_LABELS = {YouthConsent.YES: "ja", YouthConsent.NO: "nej", YouthConsent.UNKNOWN: "ukendt"}
VERDICT_LABELS = {Verdict.CHOSEN: "valgt", Verdict.REJECTED: "fravalgt",
                  Verdict.NOT_RELEVANT: "ikke relevant"}
CHOICE_LABELS: dict[type[StrEnum], dict[Any, str]] = {
    Outcome: OUTCOME_LABELS, Consent: CONSENT_LABELS, YouthConsent: YOUTH_CONSENT_LABELS}
"""The Danish words of each choice field's values, by its enum."""


@dataclass(frozen=True)
class AlternativeDraft:
    """An alternative considered: a step, an intervention on it, the verdict and the reason."""

    step: int
    intervention: str
    verdict: Verdict
    reason: str


@dataclass(frozen=True)
class FieldSpec:
    """How a decision field is asked for: its label (form, minutes), CLI option and help, and its kind.

    Kinds: `choice` (one of an enum), `step`, `keys` (interventions), `line` (a short text), `text` (a
    sentence or more), `lines` (one item a line; a repeatable option), `date`, `flag` (yes or no), `int`
    (a whole number within `range`), `facts` (the case's facts, filled in by the service, never asked).
    """

    label: str
    help: str
    kind: str
    option: str = ""
    placeholder: str = ""
    heading: str = ""
    """The field's name in the minutes and summaries (the label without its typing hints), when it differs."""
    required: bool = False
    """Whether `decide` must be given it (the form starts from a value)."""
    stored: bool = True
    """Whether the decision row keeps it (a column of the decision and of its row view)."""
    asked: bool = True
    """Whether `decide` and the form ask for it (False: the service fills it in from the case)."""
    range: tuple[int, int] | None = None
    """The whole numbers an `int` field takes, both ends included."""


def _f(default: Any, label: str, help: str, kind: str, **spec: Any) -> Any:
    return field(default=default, metadata={"spec": FieldSpec(label, help, kind, **spec)})


@dataclass(frozen=True)
class CaseFacts:
    """What the rules need to know about the case, filled in by `services.decisions.complete`."""

    birth_date: date | None = None
    step_before: int | None = None
    """Where the child is before this decision."""
    decided_on: date | None = None
    """The meeting's date (the decision's date)."""
    zone: int | None = None
    """The case's zone on the Børnelineal now: the newest consensus, else the newest assessment."""


@dataclass(frozen=True)
class DecisionDraft:
    """Everything the meeting decides about one case, before the rules have passed it.

    This is the one declaration of a decision's fields: each field's metadata says how the CLI, the
    TUI form, the row views and the minutes ask for and show it (`FieldSpec`).
    """

    outcome: Outcome = _f(Outcome.APPROVED, "Udfald", "approved | changed | rejected | postponed | referred",
                          "choice", required=True)
    step: int = _f(0, "Trin", "Det valgte trin.", "step", required=True)
    interventions: tuple[str, ...] = _f((), "Indsatser (mellemrum vælger)", "Indsats fra tilbudsviften (gentag).",
                                        "keys", option="--intervention")
    purpose: str = _f("", "Formål", "Formål.", "line")
    duration: str = _f("", "Forventet varighed", "Forventet varighed.", "line")
    start: date | None = _f(None, "Startdato (ÅÅÅÅ-MM-DD)", "Startdato ÅÅÅÅ-MM-DD.", "date",
                            placeholder="ÅÅÅÅ-MM-DD", heading="Start")
    investigation_since: date | None = _f(
        None, "Børnefaglig undersøgelse i gang siden (BL § 20)",
        "En børnefaglig undersøgelse (BL § 20) kører, begyndt ÅÅÅÅ-MM-DD: opfølgning, når den senest skal være "
        "færdig (4 måneder).", "date", placeholder="ÅÅÅÅ-MM-DD (tom: ingen kører)", stored=False)
    investigation_done: date | None = _f(
        None, "Undersøgelsen afsluttet (BL § 20; § 46, stk. 3)",
        "Anbringelse: datoen ÅÅÅÅ-MM-DD, den børnefaglige undersøgelse (BL § 20) blev afsluttet (BL § 46, stk. 3).",
        "date", placeholder="ÅÅÅÅ-MM-DD", heading="Børnefaglig undersøgelse afsluttet")
    acute: bool = _f(False, "Akut eller foreløbig anbringelse (BL § 46, stk. 3)",
                     "Akut eller foreløbig anbringelse sideløbende med den børnefaglige undersøgelse "
                     "(BL § 46, stk. 3): "
                     "opfølgning, når den senest skal være afsluttet (4 måneder).", "flag",
                     heading="Akut eller foreløbig anbringelse")
    return_period_months: int | None = _f(
        None, "Hjemgivelsesperiode i måneder (BL § 100, 0-6)",
        "Et anbragt barn flytter hjem: hjemgivelsesperioden i måneder, 0-6 (BL § 100); opfølgning ved dens slutning.",
        "int", placeholder="0-6", heading="Hjemgivelsesperiode (måneder)", range=(0, 6))
    goals: str = _f("", "Mål (ét pr. linje)", "Et mål for indsatsen (gentag).", "lines", option="--goal",
                    heading="Mål")
    child_view: str = _f("", "Barnets synspunkt (eller hvorfor det ikke kunne indhentes)",
                         "Barnets synspunkt (eller hvorfor det ikke kunne indhentes).", "text",
                         heading="Barnets synspunkt")
    child_view_how: str = _f("", "Hvordan og hvornår barnets synspunkt er indhentet",
                             "Hvordan og hvornår barnets synspunkt er indhentet.", "line",
                             heading="Indhentet (hvordan og hvornår)")
    parents_view: str = _f("", "Forældrenes synspunkt", "Forældrenes synspunkt.", "text")
    consent: Consent = _f(Consent.UNKNOWN, "Forældrenes samtykke", "yes | no | partial | unknown", "choice",
                          heading="Samtykke")
    youth_consent: YouthConsent = _f(
        YouthConsent.UNKNOWN, "Den unges samtykke (fra 15 år)",
        "yes | no | unknown – den unges eget samtykke, når den unge er fyldt 15 år på startdatoen (anbringelse og "
        "støttende indsats).", "choice", heading="Den unges samtykke")
    siblings: str = _f("", "Søskende (BL § 52, stk. 3)",
                       "Anbringelse: overvejelserne om søskende (BL § 52, stk. 3) – \"ikke relevant\" og hvorfor "
                       "er et svar.",
                       "text", heading="Søskende")
    schooling: str = _f("", "Skolegang (BL § 52, stk. 2 og 4)",
                        "Anbringelse: stillingtagen til skolegangen (BL § 52, stk. 2 og 4) – "
                        "\"ikke relevant\" og hvorfor er et svar.", "text", heading="Skolegang")
    foster_assessment: str = _f(
        "", "Vurdering af plejefamilie (BL § 52, stk. 2)",
        "Anbringelse: om en plejefamilie er mest hensigtsmæssig (BL § 52, stk. 2) – \"ikke relevant\" og hvorfor er "
        "et svar.", "text", heading="Vurdering af plejefamilie")
    dissent: str = _f("", "Dissens", "Dissens.", "line")
    rationale: str = _f("", "Begrundelse", "Begrundelse.", "text")
    ruler_reason: str = _f(
        "", "Hvorfor et trin uden for linealens retning",
        "Når det valgte trin ligger uden for de trin, sagens zone på Børnelinealen normalt peger på (kommunens "
        "retning): hvorfor dette trin er valgt.", "text", heading="Trin uden for linealens retning")
    safety_plan: str = _f(
        "", "Sikkerhedsplan", "Sikkerhedsplanens regler og hvem der holder dem, når sikkerhedsplanen vælges "
        "(fra sagens plan: visitation sos plan).", "lines", asked=False, heading="Sikkerhedsplanens regler")
    alternatives: tuple[AlternativeDraft, ...] = _f(
        (), "Alternativer", '"TRIN;INDSATS;rejected|not-relevant;BEGRUNDELSE" (gentag).', "alternatives",
        option="--alternative", stored=False)
    facts: CaseFacts = _f(CaseFacts(), "Sagens fakta", "Fødselsdato, trin før beslutningen og mødets dato.",
                          "facts", stored=False, asked=False)

    @property
    def places_child(self) -> bool:
        """Whether the outcome puts the child on the chosen step (approved or changed)."""
        return self.outcome in (Outcome.APPROVED, Outcome.CHANGED)

    @property
    def age_at_start(self) -> int | None:
        """The child's age on the start date (else the meeting's), None when either is unknown."""
        on = self.start or self.facts.decided_on
        return age_on(self.facts.birth_date, on) if self.facts.birth_date and on else None


def heading(name: str) -> str:
    """A decision field's name in the minutes."""
    return SPECS[name].heading or SPECS[name].label


LAW_FIELDS = ("youth_consent", "investigation_done", "acute", "return_period_months", "siblings", "schooling",
              "foster_assessment")
"""The fields Barnets Lov asks of a placement or a return home (§§ 46, 52, 100): shown where stated."""


def stated(values: Any) -> list[tuple[str, Any]]:
    """The law fields a decision (any object with those attributes) states, in order: (name, value) – not the
    unknown, unset, blank or false ones."""
    found = [(name, getattr(values, name)) for name in LAW_FIELDS]
    return [(n, v) for n, v in found if v is not None and v is not False and str(v).strip() not in ("", "unknown")]


def short_label(name: str) -> str:
    """A field's label without its hints in brackets: `Startdato`, `Søskende`."""
    return SPECS[name].label.split(" (")[0]


SPECS: dict[str, FieldSpec] = {f.name: f.metadata["spec"] for f in dataclasses.fields(DecisionDraft)}
"""Every decision field in the order the form and the minutes show them."""

MAX_TEXT = 20_000
"""The longest text a decision field holds (about eight pages): longer is a paste gone wrong, refused."""
TEXT_FIELDS = tuple(n for n, s in SPECS.items() if s.kind in ("line", "text", "lines"))
STORED_FIELDS = tuple(n for n, s in SPECS.items() if s.stored)
"""The fields a decision row keeps, as the draft has them (the row adds who, when, the step before …)."""


def resulting_step(outcome: str, step: int, step_before: int) -> int:
    """Where a decision leaves the child: the chosen step if it puts the child there, else where it was."""
    return step if outcome in (Outcome.APPROVED, Outcome.CHANGED) else step_before


def too_long(draft: DecisionDraft) -> str | None:
    """The first text field of a draft longer than MAX_TEXT, or None."""
    return next((name for name in TEXT_FIELDS if len(getattr(draft, name)) > MAX_TEXT), None)


ASKED_FIELDS = tuple(n for n, s in SPECS.items() if s.asked)
"""The fields `decide` and the form ask for."""
FORM_FIELDS = tuple(n for n in ASKED_FIELDS if SPECS[n].kind != "alternatives")
"""The fields of the decision form, saved one by one as they change."""


DATE_FIELDS = {n: short_label(n) for n, s in SPECS.items() if s.kind == "date"}
"""The decision form's date fields, as the form labels them."""
INT_FIELDS = {n: short_label(n) for n, s in SPECS.items() if s.kind == "int"}
"""The decision form's whole-number fields, as the form labels them."""


def _day_field(fields: dict[str, object], name: str) -> date | None:
    value = fields.get(name)
    try:
        return parse_day(value) if isinstance(value, str) and value.strip() else None
    except ValueError:
        return None


def _whole_number(value: object) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = value.strip() if isinstance(value, str) else ""
    return int(text) if text.isascii() and text.isdigit() and len(text) < 4 else None


def field_faults(fields: dict[str, object]) -> list[tuple[str, str]]:
    """(field, problem) for each date or number field filled in with something else (a draft reads it as blank)."""
    found = [(name, f"{label}: «{fields[name]}» er ikke en dato (ÅÅÅÅ-MM-DD)") for name, label in DATE_FIELDS.items()
             if isinstance(fields.get(name), str) and str(fields[name]).strip() and _day_field(fields, name) is None]
    return found + [(name, f"{label}: «{fields[name]}» er ikke et helt tal") for name, label in INT_FIELDS.items()
                    if isinstance(fields.get(name), str) and str(fields[name]).strip()
                    and _whole_number(fields[name]) is None]


def field_problems(fields: dict[str, object]) -> list[str]:
    """The date and number fields filled in with something else, as the form says it."""
    return [text for _, text in field_faults(fields)]


def _form_value(name: str, kind: str, default: Any, value: object) -> Any:
    """One saved form value as the draft holds it; anything unreadable is the field's default ('missing')."""
    if kind == "choice":
        choices: type[StrEnum] = type(default)
        return choices(value) if isinstance(value, str) and value in tuple(choices) else default
    if kind == "step":
        return value if isinstance(value, int) and not isinstance(value, bool) else default
    if kind == "keys":
        return tuple(i for i in value if isinstance(i, str)) if isinstance(value, list) else ()
    if kind == "date":
        return _day_field({name: value}, name)
    if kind == "flag":
        return value if isinstance(value, bool) else default
    if kind == "int":
        return _whole_number(value)
    return value if isinstance(value, str) else default


def draft_from_fields(fields: dict[str, object], current_step: int) -> DecisionDraft:
    """The decision form's saved fields as a draft; blanks and unparsable values become 'missing'."""
    defaults = {f.name: f.default for f in dataclasses.fields(DecisionDraft)}
    defaults["step"] = current_step
    values = {name: _form_value(name, SPECS[name].kind, defaults[name], fields.get(name)) for name in FORM_FIELDS}
    return DecisionDraft(**values)
