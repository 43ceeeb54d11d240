"""The decision as text: the confirmation's full summary and the locked view."""

from __future__ import annotations

from typing import Any

from screens.messages import CaseBundle
from visitation.domain.decision import (
    CHOICE_LABELS,
    CONSENT_LABELS,
    OUTCOME_LABELS,
    DecisionDraft,
    heading,
    stated,
)


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
              f"Start: {d.start.isoformat() if d.start else '–'}",
              *([f"Børnefaglig undersøgelse i gang siden {d.investigation_since.isoformat()} (BL § 20)"]
                if d.investigation_since else []), f"Mål: {d.goals or '–'}",
              f"Barnets synspunkt: {d.child_view or '–'}", f"  indhentet: {d.child_view_how or '–'}",
              f"Forældrenes synspunkt: {d.parents_view or '–'}", f"Samtykke: {CONSENT_LABELS[d.consent]}",
              *(f"{heading(name)}: {_words(value)}" for name, value in stated(d)),
              f"Dissens: {d.dissent or 'ingen'}", f"Begrundelse: {d.rationale or '–'}", "",
              "Når beslutningen er bekræftet, låses den. En rettelse bliver en ny beslutning."]
    return "\n".join(lines)


def _words(value: object) -> str:
    """A stated law field's value as the summary shows it."""
    if value is True:
        return "ja"
    labels = CHOICE_LABELS.get(type(value), {})  # type: ignore[call-overload]
    return labels.get(value, str(value))


def locked_text(bundle: CaseBundle, d: Any) -> str:
    """A recorded decision, read-only, with its follow-up dates."""
    followups = [f"Opfølgning {f.due:%d-%m-%Y}: {f.label} – ansvarlig {f.responsible or '–'}" for f in d.followups]
    lines = [f"🔒 Beslutning {d.id} er gemt og låst ({d.created_at:%d-%m-%Y %H:%M} UTC, {d.created_by}).",
             f"Udfald: {OUTCOME_LABELS.get(d.outcome, d.outcome)} · trin {d.step_before} → {d.step}",
             f"Indsatser: {', '.join(d.interventions) or '–'}", f"Hjemmel: {'; '.join(d.legal_basis) or '–'}",
             f"Formål: {d.purpose or '–'} · varighed: {d.duration or '–'} · start: {d.start or '–'}",
             f"Begrundelse: {d.rationale}", ""] + followups + ["", "Ctrl+E: ret beslutningen (en ny beslutning erstatter denne)."]
    return "\n".join(lines)

