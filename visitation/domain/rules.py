"""The rules of SPEC §3, as small pure functions; `check` runs them all.

The law's rules are data (`[[rules]]` of data/law/barnets-lov.toml: which decisions, which fields, which
paragraphs); a municipality's policy (the placement priority, the steps to consider) is its profile's, and
its violations name the municipality, never a paragraph.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from visitation.domain.decision import (
    SPECS,
    Consent,
    DecisionDraft,
    Outcome,
    Verdict,
    YouthConsent,
    short_label,
)
from visitation.domain.law import LawRule
from visitation.domain.profiles import Profile
from visitation.domain.sos import SAFETY_PLAN_KEY


@dataclass(frozen=True)
class Violation:
    """A broken rule: which rule, and what is missing, in words the meeting understands."""

    rule: str
    message: str
    field: str = field(default="", compare=False)
    """The form field that answers it (`alternatives` for the alternatives step; empty when none does)."""

    def __str__(self) -> str:
        return f"{self.rule}: {self.message}"


def measures(draft: DecisionDraft, profile: Profile) -> frozenset[str]:
    """The kinds of measure the draft decides (preventive, support, placement)."""
    return profile.measures(draft.interventions, draft.step)


def moves_home(draft: DecisionDraft, profile: Profile) -> bool:
    """Whether the decision takes a placed child home: from a placement step to one without placement."""
    before = draft.facts.step_before
    return (draft.places_child and before is not None and profile.is_placement(before)
            and not profile.is_placement(draft.step))


def covers(applies_to: str, kinds: frozenset[str]) -> bool:
    """Whether `applies_to` covers a decision of these measures ("measure": a § 32 measure or a placement)."""
    return bool(kinds & {"support", "placement"}) if applies_to == "measure" else applies_to in kinds


def concerns(applies_to: str, draft: DecisionDraft, profile: Profile) -> bool:
    """Whether a rule of the law that `applies_to` such decisions concerns this draft (it puts the child there)."""
    if not draft.places_child:
        return False
    if applies_to == "return-home":
        return moves_home(draft, profile)
    return covers(applies_to, measures(draft, profile))


def title(rule: LawRule, draft: DecisionDraft, profile: Profile) -> str:
    """`Formål og varighed (BL § 46, stk. 1)`: the rule with the paragraphs that concern the draft's measures."""
    kinds = measures(draft, profile)
    keys = tuple(k for k in rule.legal if profile.law.paragraphs[k].measure in ("", *kinds)) or rule.legal
    return f"{rule.title} ({profile.law.refs(keys)})"


def _considered(draft: DecisionDraft, step: int) -> bool:
    """Whether a step below was considered with a reason (rejected or not relevant)."""
    return any(a.step == step and a.reason.strip() and a.verdict != Verdict.CHOSEN
               for a in draft.alternatives)


def catalogue(draft: DecisionDraft, profile: Profile) -> list[Violation]:
    """Every intervention is in the profile's tilbudsvifte; none above the chosen step, one on it."""
    found = []
    for key in draft.interventions:
        if profile.intervention(key) is None:
            found.append(Violation("Tilbudsvifte", f"ukendt indsats '{key}' i profilen {profile.key}", "interventions"))
    if found or not draft.places_child:
        return found
    steps = [profile.intervention(k).step for k in draft.interventions]  # type: ignore[union-attr]
    if not steps:
        return [Violation("Tilbudsvifte", "vælg mindst én indsats", "interventions")]
    if max(steps) > draft.step:
        found.append(Violation("Tilbudsvifte", f"en indsats ligger over det valgte trin {draft.step}", "interventions"))
    elif draft.step not in steps:
        found.append(Violation("Tilbudsvifte", f"mindst én indsats skal ligge på trin {draft.step}", "interventions"))
    return found


def least_intrusive(draft: DecisionDraft, profile: Profile) -> list[Violation]:
    """Rule 1: a lower step rejected with a reason; placements need the profile's required steps."""
    if not draft.places_child or draft.step <= 1:
        return []
    found = []
    lower_rejected = any(a.step < draft.step and a.verdict == Verdict.REJECTED and a.reason.strip()
                         for a in draft.alternatives)
    if not lower_rejected:
        found.append(Violation("Mindst indgribende først", f"mindst ét alternativ på et trin under {draft.step} "
                               "skal være fravalgt med en begrundelse", "alternatives"))
    for step in profile.required_alternatives.get(draft.step, ()):
        if not _considered(draft, step):
            label = profile.step(step).label
            found.append(Violation("Mindst indgribende først",
                                   f"trin {step} ({label}) skal være afdækket med en begrundelse", "alternatives"))
    return found


def placement_priority(draft: DecisionDraft, profile: Profile) -> list[Violation]:
    """Rule 2, the municipality's policy (not a paragraph): a later placement option in the profile's order
    needs the reason each earlier one does not fit."""
    if not draft.places_child:
        return []
    options = profile.priority
    chosen = [i for i, o in enumerate(options) if set(o.interventions) & set(draft.interventions)]
    if not chosen:
        return []
    considered = {a.intervention for a in draft.alternatives
                  if a.verdict != Verdict.CHOSEN and a.reason.strip()}
    return [Violation(f"Kommunens anbringelsesprioritet ({profile.policy_owner})",
                      f"begrund hvorfor {o.label.lower()} ikke passer (et fravalgt alternativ blandt: "
                      f"{', '.join(_label(profile, key) for key in o.interventions)})", "alternatives")
            for o in options[: min(chosen)] if not considered & set(o.interventions)]


def _label(profile: Profile, key: str) -> str:
    """An intervention as the wall and the minutes name it (its key only if the profile lacks it)."""
    found = profile.intervention(key)
    return found.label if found else key


def child_voice(draft: DecisionDraft, profile: Profile) -> list[Violation]:
    """Rule 3 (BL § 5): the child's view, and how and when it was obtained, or why it could not be."""
    if draft.outcome is Outcome.POSTPONED:
        return []
    if not draft.child_view.strip():
        return [Violation("Barnets perspektiv (BL § 5)",
                          "barnets synspunkt mangler – eller begrundelsen for, at det ikke kunne indhentes",
                          "child_view")]
    if not draft.child_view_how.strip():
        return [Violation("Barnets perspektiv (BL § 5)", "angiv hvordan og hvornår barnets synspunkt er indhentet",
                          "child_view_how")]
    return []


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def required_fields(draft: DecisionDraft, profile: Profile) -> list[Violation]:
    """Rules 2 (BL § 52), 4 (BL §§ 32, 46) and 9 (BL § 100): the fields the law asks of such a decision."""
    found = []
    for rule in profile.law.rules_of("required"):
        blank = [n for n in rule.fields if _blank(getattr(draft, n))]
        if blank and concerns(rule.applies_to, draft, profile):
            hint = f" ({rule.hint})" if rule.hint else ""
            missing = " og ".join(short_label(n).lower() for n in blank)
            found.append(Violation(title(rule, draft, profile), f"udfyld {missing}{hint}", blank[0]))
    return found


def start_date(draft: DecisionDraft, profile: Profile) -> list[Violation]:
    """A measure put in place has a start date: its follow-ups count from it (the tool's need, not a paragraph)."""
    if not draft.places_child or draft.start is not None or not measures(draft, profile):
        return []
    return [Violation("Startdato", "angiv startdatoen – opfølgningen regnes fra den", "start")]


def number_ranges(draft: DecisionDraft, profile: Profile) -> list[Violation]:
    """A whole-number field within its declared range (the hjemgivelsesperiode: 0-6 months, BL § 100), named
    by the rule of the law that asks for it."""
    found = []
    for name, spec in SPECS.items():
        value = getattr(draft, name)
        if spec.range and isinstance(value, int) and not spec.range[0] <= value <= spec.range[1]:
            rule = next((r for r in profile.law.rules if name in r.fields), None)
            found.append(Violation(title(rule, draft, profile) if rule else short_label(name),
                                   f"{short_label(name).lower()} skal være {spec.range[0]}-{spec.range[1]}, "
                                   f"ikke {value}", name))
    return found


def _youth_needed(rule: LawRule, draft: DecisionDraft) -> bool:
    age = draft.age_at_start
    return rule.youth_from is not None and age is not None and age >= rule.youth_from


def consent(draft: DecisionDraft, profile: Profile) -> list[Violation]:
    """Rule 5 (BL § 32, stk. 2; § 46, stk. 1): the parents' consent, and the youth's from 15 at the start.
    Without it the meeting can only refer the case (§§ 37-39; § 47, or § 47, stk. 4 when only the youth
    consents); a youth of 15 or more has the own consent recorded when the case is referred."""
    applying = [r for r in profile.law.rules_of("consent")
                if concerns(r.applies_to, draft, profile)
                or draft.outcome is Outcome.REFERRED and r.applies_to in measures(draft, profile)]
    if not applying:
        return []
    name = f"Samtykke ({profile.law.refs(tuple(k for r in applying for k in r.legal))})"
    ages = [r.youth_from for r in applying if r.youth_from is not None and _youth_needed(r, draft)]
    youth = f"fyldt {min(ages)} år" if ages else ""
    if draft.outcome is Outcome.REFERRED:
        if youth and draft.youth_consent is YouthConsent.UNKNOWN:
            return [Violation(name, f"den unge er {youth}: angiv den unges eget samtykke (ja eller nej) – det "
                                    "afgør, efter hvilken bestemmelse sagen indstilles", "youth_consent")]
        return []
    missing = ([] if draft.consent is Consent.YES else ["forældremyndighedsindehaverens"]) + (
        [f"den unges ({youth})"] if youth and draft.youth_consent is not YouthConsent.YES else [])
    if not missing:
        return []
    referral = referral_basis(draft, profile)
    return [Violation(name, f"{' og '.join(missing)} samtykke mangler: mødet kan kun indstille sagen til børne- og "
                            f"ungeudvalget (udfaldet «Indstillet til BUU», på kommandolinjen --outcome 'referred'; "
                            f"{profile.law.refs(referral)})",
                      "consent" if draft.consent is not Consent.YES else "youth_consent")]


def referral_basis(draft: DecisionDraft, profile: Profile) -> tuple[str, ...]:
    """The paragraphs (keys) a referral of this draft rests on: those of its most intrusive measure's consent
    rule (§ 47, or § 47, stk. 4 where the youth consents and the parents do not; §§ 37-39 for support)."""
    kinds = measures(draft, profile)
    rules = [r for r in profile.law.rules_of("consent") if r.applies_to in kinds]
    if not rules:
        return ()
    rule = rules[-1]
    youth_only = (_youth_needed(rule, draft) and draft.youth_consent is YouthConsent.YES
                  and draft.consent is not Consent.YES)
    return rule.youth_referral if youth_only and rule.youth_referral else rule.referral


def investigation(draft: DecisionDraft, profile: Profile) -> list[Violation]:
    """Rule 6 (BL § 46, stk. 3): a placement rests on a completed børnefaglig undersøgelse, dated no later than
    the start and the meeting – unless it is an acute or provisional placement beside it."""
    found = []
    for rule in profile.law.rules_of("investigation"):
        if not concerns(rule.applies_to, draft, profile) or draft.acute:
            continue
        done, name = draft.investigation_done, title(rule, draft, profile)
        latest = min((d for d in (draft.start, draft.facts.decided_on) if d is not None), default=None)
        if done is None:
            found.append(Violation(name, "angiv datoen, den børnefaglige undersøgelse blev afsluttet – eller "
                                         "markér anbringelsen som akut eller foreløbig", "investigation_done"))
        elif latest is not None and done > latest:
            found.append(Violation(name, f"undersøgelsen er registreret afsluttet {done.isoformat()}, efter "
                                         f"{latest.isoformat()}: anbringelsen forudsætter en afsluttet undersøgelse",
                                   "investigation_done"))
    return found


def ruler_range(draft: DecisionDraft, profile: Profile) -> tuple[int, int] | None:
    """The steps the case's zone usually calls for, when the chosen step lies outside them (else None).

    The municipality's guidance, not a paragraph: a decision outside the range is allowed with a reason."""
    if not draft.places_child or draft.facts.zone is None:
        return None
    found = profile.ruler_steps.range_for(draft.facts.zone)
    return found if found and not found[0] <= draft.step <= found[1] else None


def ruler_warning(draft: DecisionDraft, profile: Profile) -> str | None:
    """`Zone 4 (Udsat) peger normalt på trin 3–4; trin 6 er valgt` when the step lies outside the range."""
    found = ruler_range(draft, profile)
    if found is None:
        return None
    zone = profile.zone(draft.facts.zone) if draft.facts.zone else None
    span = f"trin {found[0]}" if found[0] == found[1] else f"trin {found[0]}–{found[1]}"
    return (f"zone {draft.facts.zone} ({zone.label if zone else '?'}) peger normalt på {span}; "
            f"trin {draft.step} er valgt")


def ruler(draft: DecisionDraft, profile: Profile) -> list[Violation]:
    """The ruler points to the step (the municipality's guidance): outside its range, the reason is asked."""
    warning = ruler_warning(draft, profile)
    if warning is None or draft.ruler_reason.strip():
        return []
    return [Violation(f"Linealens retning ({profile.policy_owner})",
                      f"{warning}: skriv hvorfor ({short_label('ruler_reason')}; --ruler-reason)", "ruler_reason")]


def safety_plan(draft: DecisionDraft, profile: Profile) -> list[Violation]:
    """A chosen safety plan has rules with keepers; the Hjørring profile weighs one before any placement."""
    if not draft.places_child:
        return []
    if SAFETY_PLAN_KEY in draft.interventions and not draft.safety_plan.strip():
        return [Violation("Sikkerhedsplan", "sikkerhedsplanen er valgt, men sagen har ingen regler med nogen, der "
                                            "holder dem (visitation sos plan)", "interventions")]
    if (profile.methods.safety_plan_before_placement and profile.is_placement(draft.step)
            and not any(a.intervention == SAFETY_PLAN_KEY and a.verdict != Verdict.CHOSEN and a.reason.strip()
                        for a in draft.alternatives)):
        return [Violation(f"Sikkerhedsplan før anbringelse ({profile.policy_owner})",
                          f"en sikkerhedsplan skal være overvejet med en begrundelse før en anbringelse "
                          f"(alternativet {SAFETY_PLAN_KEY})", "alternatives")]
    return []


def rationale(draft: DecisionDraft, profile: Profile) -> list[Violation]:
    """Every decision states its reasons (forvaltningsloven § 22)."""
    if draft.rationale.strip():
        return []
    return [Violation("Begrundelse", "beslutningen skal begrundes", "rationale")]


RULES: tuple[Callable[[DecisionDraft, Profile], list[Violation]], ...] = (
    catalogue, least_intrusive, placement_priority, child_voice, required_fields, start_date, number_ranges,
    consent, investigation, ruler, safety_plan, rationale,
)


def check(draft: DecisionDraft, profile: Profile) -> list[Violation]:
    """Every broken rule of SPEC §3 for this draft under this profile; empty when it may be recorded."""
    if not profile.has_step(draft.step):
        return [Violation("Trin", f"trin {draft.step} findes ikke på trappen i profilen {profile.key}", "step")]
    return [v for rule in RULES for v in rule(draft, profile)]
