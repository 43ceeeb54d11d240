"""The rules of SPEC §3, as small pure functions; `check` runs them all."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from visitation.domain.decision import Consent, DecisionDraft, Outcome, Verdict
from visitation.domain.profiles import Profile


@dataclass(frozen=True)
class Violation:
    """A broken rule: which rule, and what is missing, in words the meeting understands."""

    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.rule}: {self.message}"


def _considered(draft: DecisionDraft, step: int) -> bool:
    """Whether a step below was considered with a reason (rejected or not relevant)."""
    return any(a.step == step and a.reason.strip() and a.verdict != Verdict.CHOSEN
               for a in draft.alternatives)


def catalogue(draft: DecisionDraft, profile: Profile) -> list[Violation]:
    """Every intervention is in the profile's tilbudsvifte; none above the chosen step, one on it."""
    found = []
    for key in draft.interventions:
        if profile.intervention(key) is None:
            found.append(Violation("Tilbudsvifte", f"ukendt indsats '{key}' i profilen {profile.key}"))
    if found or not draft.places_child:
        return found
    steps = [profile.intervention(k).step for k in draft.interventions]  # type: ignore[union-attr]
    if not steps:
        return [Violation("Tilbudsvifte", "vælg mindst én indsats")]
    if max(steps) > draft.step:
        found.append(Violation("Tilbudsvifte", f"en indsats ligger over det valgte trin {draft.step}"))
    elif draft.step not in steps:
        found.append(Violation("Tilbudsvifte", f"mindst én indsats skal ligge på trin {draft.step}"))
    return found


def least_intrusive(draft: DecisionDraft, profile: Profile) -> list[Violation]:
    """Rule 1: a lower step rejected with a reason; placements need the profile's required steps."""
    if not draft.places_child or draft.step <= 1:
        return []
    found = []
    lower_rejected = any(a.step < draft.step and a.verdict == Verdict.REJECTED and a.reason.strip()
                         for a in draft.alternatives)
    if not lower_rejected:
        found.append(Violation("Mindst indgribende først",
                               f"mindst ét alternativ på et trin under {draft.step} skal være fravalgt med en begrundelse"))
    for step in profile.required_alternatives.get(draft.step, ()):
        if not _considered(draft, step):
            label = profile.step(step).label
            found.append(Violation("Mindst indgribende først",
                                   f"trin {step} ({label}) skal være afdækket med en begrundelse"))
    return found


def placement_priority(draft: DecisionDraft, profile: Profile) -> list[Violation]:
    """Rule 2 (BL § 52): a later placement option needs the reason each earlier one does not fit."""
    if not draft.places_child:
        return []
    options = profile.priority
    chosen = [i for i, o in enumerate(options) if set(o.interventions) & set(draft.interventions)]
    if not chosen:
        return []
    considered = {a.intervention for a in draft.alternatives
                  if a.verdict != Verdict.CHOSEN and a.reason.strip()}
    return [Violation("Anbringelsesprioritet (BL § 52)",
                      f"begrund hvorfor {o.label.lower()} ikke passer (et fravalgt alternativ blandt: "
                      f"{', '.join(o.interventions)})")
            for o in options[: min(chosen)] if not considered & set(o.interventions)]


def child_voice(draft: DecisionDraft, profile: Profile) -> list[Violation]:
    """Rule 3 (BL § 5): the child's view, and how and when it was obtained, or why it could not be."""
    if draft.outcome is Outcome.POSTPONED:
        return []
    if not draft.child_view.strip():
        return [Violation("Barnets perspektiv (BL § 5)",
                          "barnets synspunkt mangler – eller begrundelsen for, at det ikke kunne indhentes")]
    if not draft.child_view_how.strip():
        return [Violation("Barnets perspektiv (BL § 5)", "angiv hvordan og hvornår barnets synspunkt er indhentet")]
    return []


def purpose_and_duration(draft: DecisionDraft, profile: Profile) -> list[Violation]:
    """Rule 4 (BL §§ 32, 46): purpose and expected duration for support measures and placements."""
    if not draft.places_child or draft.step < profile.measure_from_step:
        return []
    missing = [name for name, value in (("formål", draft.purpose), ("forventet varighed", draft.duration))
               if not value.strip()]
    if draft.start is None:
        missing.append("startdato")
    if not missing:
        return []
    return [Violation("Formål og varighed (BL §§ 32, 46)", f"mangler {' og '.join(missing)}")]


def consent_for_placement(draft: DecisionDraft, profile: Profile) -> list[Violation]:
    """Rule 5 (BL § 47): a placement without full consent can only be referred to the committee."""
    if not draft.places_child or not profile.is_placement(draft.step) or draft.consent is Consent.YES:
        return []
    return [Violation("Ingen samtykke, ingen anbringelse her (BL § 47)",
                      "anbringelse uden samtykke afgøres af børne- og ungeudvalget; "
                      "mødet kan kun indstille sagen (udfald 'referred')")]


def rationale(draft: DecisionDraft, profile: Profile) -> list[Violation]:
    """Every decision states its reasons (forvaltningsloven § 22)."""
    if draft.rationale.strip():
        return []
    return [Violation("Begrundelse", "beslutningen skal begrundes")]


RULES: tuple[Callable[[DecisionDraft, Profile], list[Violation]], ...] = (
    catalogue, least_intrusive, placement_priority, child_voice, purpose_and_duration,
    consent_for_placement, rationale,
)


def check(draft: DecisionDraft, profile: Profile) -> list[Violation]:
    """Every broken rule of SPEC §3 for this draft under this profile; empty when it may be recorded."""
    if not profile.has_step(draft.step):
        return [Violation("Trin", f"trin {draft.step} findes ikke på trappen i profilen {profile.key}")]
    return [v for rule in RULES for v in rule(draft, profile)]
