"""The decision as text: the confirmation's full summary, the locked view, the ruler's warning, the safety plan."""

from __future__ import annotations

from typing import Any

from screens.messages import CaseBundle
from screens.steps.people import who_label
from visitation.domain.decision import (
    CHOICE_LABELS,
    CONSENT_LABELS,
    OUTCOME_LABELS,
    DecisionDraft,
    heading,
    short_label,
    stated,
)
from visitation.domain.format import day, moment
from visitation.domain.sos import SAFETY_PLAN_KEY


def decision_summary(bundle: CaseBundle, d: DecisionDraft) -> str:
    """Everything that will be recorded, for the confirmation dialog."""
    p = bundle.profile
    lines = [f"Sag {bundle.case.ref} – møde {bundle.meeting.ref}",
             f"Udfald: {OUTCOME_LABELS[d.outcome]}", f"Trin: {bundle.case.step} → {d.step} {p.step(d.step).label}"
             if p.has_step(d.step) else f"Trin: {d.step}", "Indsatser:"]
    for key in d.interventions:
        item = p.intervention(key)
        lines.append(f"  • {item.label if item else key} – {'; '.join(p.legal_basis(key))}")
    lines += [f"Formål: {d.purpose or '–'}", f"Forventet varighed: {d.duration or '–'}",
              f"Start: {day(d.start)}",
              *([f"Børnefaglig undersøgelse i gang siden {day(d.investigation_since)} (BL § 20)"]
                if d.investigation_since else []), f"Mål: {d.goals or '–'}",
              f"Barnets synspunkt: {d.child_view or '–'}", f"  indhentet: {d.child_view_how or '–'}",
              f"Forældrenes synspunkt: {d.parents_view or '–'}", f"Samtykke: {CONSENT_LABELS[d.consent]}",
              *(f"{heading(name)}: {_words(value)}" for name, value in stated(d)),
              *([f"Trin uden for linealens retning: {d.ruler_reason}"] if d.ruler_reason.strip() else []),
              *plan_summary(bundle, d.interventions),
              f"Dissens: {d.dissent or 'ingen'}", f"Begrundelse: {d.rationale or '–'}", "",
              "Når beslutningen er bekræftet, låses den. En rettelse bliver en ny beslutning."]
    return "\n".join(lines)


def _words(value: object) -> str:
    """A stated law field's value as the summary shows it."""
    if value is True:
        return "ja"
    labels = CHOICE_LABELS.get(type(value), {})  # type: ignore[arg-type]  # any type: not a choice, no labels
    return labels.get(value, str(value))


def locked_text(bundle: CaseBundle, d: Any) -> str:
    """A recorded decision, read-only, with its follow-up dates."""
    followups = [f"Opfølgning {day(f.due)}: {f.label} – ansvarlig {f.responsible or '–'}" for f in d.followups]
    lines = [f"🔒 Beslutning {d.id} er gemt og låst ({moment(d.created_at)}, {d.created_by}).",
             f"Udfald: {OUTCOME_LABELS.get(d.outcome, d.outcome)} · trin {d.step_before} → {d.step}",
             f"Indsatser: {', '.join(_label(bundle, k) for k in d.interventions) or '–'}",
             f"Hjemmel: {'; '.join(d.legal_basis) or '–'}",
             f"Formål: {d.purpose or '–'} · varighed: {d.duration or '–'} · start: {d.start or '–'}",
             *([f"Trin uden for linealens retning: {d.ruler_reason}"] if d.ruler_reason else []),
             *([f"Sikkerhedsplan:\n{d.safety_plan}"] if d.safety_plan else []),
             f"Begrundelse: {d.rationale}", ""]
    lines += [*followups, "", "Ctrl+E: ret beslutningen (en ny beslutning erstatter denne)."]
    return "\n".join(lines)



def ruler_note(preview: Any) -> str:
    """The ruler's warning on the wall: where the zone usually points and the step chosen; until the reason is
    written, where to write it. Not a block: the reason is asked, the step stays the team's choice."""
    if not preview.ruler_warning:
        return ""
    missing = any(v.rule.startswith("Linealens retning") for v in preview.violations)
    tail = f" – skriv hvorfor i feltet «{short_label('ruler_reason')}»" if missing else " – begrundelsen er skrevet"
    return f"⚠ Linealen: {preview.ruler_warning}{tail}."


def plan_rules(bundle: CaseBundle, privacy: bool) -> list[str]:
    """The case's safety plan, one rule a line with who keeps it (named as on the network map)."""
    c = bundle.case
    return [f"{n}. {r.text} (holdes af: {', '.join(who_label(k, c, privacy) for k in r.keepers)})"
            for n, r in enumerate(c.sos.plan, start=1)]


def plan_note(bundle: CaseBundle | None, interventions: list[str], privacy: bool) -> str:
    """The safety plan beside the form when the case has one: chosen, or how to choose it instead of placement."""
    if bundle is None or not bundle.case.sos.plan:
        return ""
    item = bundle.profile.intervention(SAFETY_PLAN_KEY)
    if item is None:
        return ""
    how = ("✔ Sikkerhedsplanen er valgt: reglerne kommer med i beslutningen." if SAFETY_PLAN_KEY in interventions
           else f"Vælg indsatsen «{item.label}» (trin {item.step}) for at beslutte planen i stedet for en anbringelse.")
    return "\n".join(["Sagens sikkerhedsplan:", *plan_rules(bundle, privacy), how])


def plan_summary(bundle: CaseBundle, interventions: tuple[str, ...]) -> list[str]:
    """The confirmation names the plan's rules when the safety plan is chosen."""
    if SAFETY_PLAN_KEY not in interventions or not bundle.case.sos.plan:
        return []
    return ["Sikkerhedsplan:", *(f"  {line}" for line in plan_rules(bundle, True))]


def _label(bundle: CaseBundle, key: str) -> str:
    """An intervention as the wall names it (its label, never its key)."""
    item = bundle.profile.intervention(key)
    return item.label if item else key
