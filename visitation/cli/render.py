"""Plain-text renderings of cases, profiles and key figures for the terminal."""

from __future__ import annotations

from typing import Any

from visitation import charts
from visitation.domain import format as fmt
from visitation.domain.followups import APPLIES_TO_WORDS, when
from visitation.domain.keyfigures import PLACEMENT_TYPES, PREVENTION_WORDS
from visitation.domain.profiles import Profile
from visitation.domain.sos import KIND_LABELS
from visitation.services.stats import KeyFigures
from visitation.services.views import CaseDetail


def case_text(c: CaseDetail, profile: Profile | None = None) -> str:
    """A case as a caseworker reads it in the terminal (CPR masked; labels, not keys; Danish dates).

    `profile`: the case's own profile, for the interventions' labels (without it the keys are shown)."""
    lines = [f"Sag {c.ref} (id {c.id}) – {c.name} ({c.initials}), {c.age} år, født {fmt.prose_day(c.birth_date)}"
             + (f", CPR {c.cpr}" if c.cpr else ""),
             f"Profil: {c.profile} {c.profile_version}   Trin {c.step}: {c.step_label}   "
             f"Status: {fmt.label(fmt.CASE_STATES, c.status)}",
             f"Rådgiver: {c.caseworker or '–'}   Skole/dagtilbud: {c.school or '–'}",
             f"Anledning: {c.reason or '–'}"]
    lines += [f"  ! {fact}" for fact in c.age_facts]
    lines.append(f"Barnets perspektiv: {c.child_view or '–'}" + (f" ({c.child_view_how})" if c.child_view_how else ""))
    lines.append(f"Forældrenes perspektiv: {c.parents_view or '–'} "
                 f"(samtykke: {fmt.label(fmt.CONSENTS, c.parents_consent)})")
    if c.assessments:
        lines.append("Børnelinealen:")
        lines += [f"  {fmt.day(a.date)} zone {a.zone} {a.zone_label} ({fmt.label(fmt.AXIS_LABELS, a.axis)}) – "
                  f"{a.rater}, {a.role}"
                  + (" [konsensus]" if a.consensus else "") for a in c.assessments]
    if c.network:
        lines.append("Netværk:")
        lines += [f"  ring {n.ring} {n.name} ({n.relation}, {fmt.label(fmt.SECTORS, n.sector)}) – "
                  f"{fmt.label(fmt.VALENCE_LABELS, n.valence)}"
                  + (", mulig anbringelsesressource" if n.placement_candidate else "") for n in c.network]
    if c.proposal:
        p = c.proposal
        lines.append(f"Indstilling: trin {p.step}: {fmt.interventions(p.interventions, profile)} – {p.purpose} "
                     f"({p.duration})")
    if c.alternatives:
        lines.append("Alternativer:")
        lines += [f"  trin {a.step} {fmt.interventions([a.intervention], profile)}: "
                  f"{fmt.label(fmt.VERDICTS, a.verdict)} – {a.reason}" for a in c.alternatives]
    lines += methods_lines(c)
    for d in c.decisions:
        mark = " (erstattet)" if d.superseded else ""
        lines.append(f"Beslutning {d.id}{mark}: {fmt.label(fmt.OUTCOMES, d.outcome)}, trin {d.step_before} → "
                     f"{d.step}, {fmt.interventions(d.interventions, profile)} ({fmt.day(d.created_at)})")
    if c.trajectory:
        lines.append("Forløb (trin og fælles zone over tid):")
        lines += [f"  {line}" for line in charts.trajectory(c.trajectory)]
    return "\n".join(lines)


def methods_lines(c: CaseDetail) -> list[str]:
    """The seeds' methods on the case in a few lines: the prevention triangle, the Signs of Safety mapping and
    plan in numbers (the whole of it: `visitation sos show`), the ICS notes (CPR-like numbers masked)."""
    from visitation.domain.cpr import redact
    from visitation.domain.ics import NoteKind
    from visitation.domain.prevention import POSITION_LABELS, PREVENTION_LABELS, WELLBEING_LABELS

    lines = []
    placed = [labels.get(value, value) for labels, value in ((PREVENTION_LABELS, c.prevention),  # type: ignore[call-overload]
                                                             (POSITION_LABELS, c.position),
                                                             (WELLBEING_LABELS, c.wellbeing)) if value]
    if placed:
        lines.append(f"Målgruppe: {', '.join(placed)}")
    if not c.sos.empty:
        counts = ", ".join(f"{heading.lower()} {len(c.sos.of(kind))}" for kind, heading in KIND_LABELS.items()
                           if c.sos.of(kind)) or "ingen linjer"
        scale = ", ".join(f"{r.who} {r.score}" for r in c.sos.latest.values()) or "–"
        rules = len(c.sos.plan)
        lines.append(f"Signs of Safety: {counts}; skala: {scale}; sikkerhedsplan: {rules} "
                     f"{'regel' if rules == 1 else 'regler'} (visitation sos show {c.ref})")
    if c.ics:
        lines.append("ICS: " + ", ".join(f"{ICS_WORDS[k][1]} {sum(n.kind == k for n in c.ics)}" for k in NoteKind))
        lines += [f"  {n.label}: {ICS_WORDS[n.kind][0]} – {redact(' '.join(n.text.split()))}"
                  for n in c.ics]
    return lines


ICS_WORDS = {"strength": ("styrke", "styrker"), "concern": ("bekymring", "bekymringer")}
"""An ICS note's kind in the summary: (one, many)."""


def profile_data(p: Profile) -> dict[str, Any]:
    """A profile as JSON-ready data."""
    return {
        "key": p.key, "name": p.name, "municipality": p.municipality, "version": p.version, "source": p.source,
        "law": f"{p.law.name}, {p.law.version}",
        "phases": [{"key": f.key, "label": f.label, "steps": list(f.steps), "methods": list(f.methods),
                    "actors": list(f.actors)} for f in p.phases],
        "steps": [{"number": s.number, "label": s.label, "placement": s.placement, "goals": list(s.goals)}
                  for s in p.steps],
        "zones": [{"number": z.number, "label": z.label, "colour": z.colour, "who_acts": z.who_acts,
                   "guidance": z.guidance, "group": z.group} for z in p.zones],
        "interventions": [{"key": i.key, "label": i.label, "step": i.step, "legal_basis": list(p.legal_basis(i.key))}
                          for i in p.interventions],
        "placement_priority": [{"key": o.key, "label": o.label, "interventions": list(o.interventions)}
                               for o in p.priority],
        "followups": [_rule(r) for r in p.law.followups + p.followups],
        "cadence": [{"applies_to": c.applies_to, "every": str(c.every), "label": c.label} for c in p.cadences],
        "required_alternatives": {str(k): list(v) for k, v in p.required_alternatives.items()},
        "roles": [{"key": r.key, "label": r.label, "organisation": r.organisation} for r in p.roles],
    }


def _rule(r: Any) -> dict[str, Any]:
    return {"kind": r.kind, "label": r.label, "applies_to": r.applies_to, "after": str(r.after),
            "every": str(r.every) if r.every else None, "until": str(r.until) if r.until else None,
            "count": r.count, "from": r.counts_from, "legal": list(r.legal)}


def profile_text(p: Profile) -> str:
    """A profile as a terminal page: phases, steps, interventions, ruler, follow-up rules."""
    lines = [f"{p.name} – {p.municipality} (profil {p.key} {p.version})",
             f"Lovgrundlag: {p.law.name}, {p.law.version}", ""]
    if p.phases:
        lines.append("Faser:")
        for f in p.phases:
            lines.append(f"  {f.label} (trin {', '.join(map(str, f.steps))})")
            lines += [f"    metode: {m}" for m in f.methods] + [f"    aktør: {a}" for a in f.actors]
        lines.append("")
    lines.append("Indsatstrappen og tilbudsviften:")
    for s in p.steps:
        lines.append(f"  Trin {s.number}: {s.label}" + (" (anbringelse)" if s.placement else ""))
        for i in (i for i in p.interventions if i.step == s.number):
            lines.append(f"    {i.key:<30} {i.label} – {'; '.join(p.legal_basis(i.key))}")
    lines += ["", "Børnelinealen:"]
    lines += [f"  {z.number} {z.label} ({z.colour})" + (f" [{z.group}]" if z.group else "") + f": {z.guidance}"
              for z in p.zones]
    lines += ["", "Opfølgning:"]
    lines += [f"  {r.label}: {when(r)} ({APPLIES_TO_WORDS[r.applies_to]})"
              + (f" – {', '.join(p.law.cite(k) for k in r.legal)}" if r.legal else "")
              for r in p.law.followups + p.followups]
    lines += [f"  {c.label}: næste opfølgning om {c.every.danish()}, når ingen anden er aftalt "
              f"({APPLIES_TO_WORDS[c.applies_to]})" for c in p.cadences]
    lines += _methods_text(p)
    if p.priority:
        lines += ["", f"Kommunens anbringelsesprioritet ({p.policy_owner}; ikke en lovregel): "
                  + " → ".join(o.label for o in p.priority)]
    return "\n".join(lines)


def _methods_text(p: Profile) -> list[str]:
    """The profile's methods and where the ruler points (its policy, not a paragraph)."""
    used = [label for on, label in (
                (p.methods.signs_of_safety, "Signs of Safety (eget trin på mødet)"),
                (p.methods.safety_plan_before_placement, "sikkerhedsplan overvejes før anbringelse"),
                (p.methods.prevention_triangle, "forebyggelsestrekanten og position × trivsel"))
            if on]
    lines = ["", "Metoder: " + ("; ".join(used) if used else "ingen ud over linealen og trappen")]
    if p.ruler_steps.zones:
        lines.append(f"Linealen peger på trinene ({p.policy_owner}; ikke en lovregel – {p.ruler_steps.basis}):")
        lines += [f"  zone {z}: trin {lo}" + (f"–{hi}" if hi != lo else "")
                  for z, (lo, hi) in sorted(p.ruler_steps.zones.items())]
    return lines


def stats_text(k: KeyFigures) -> str:
    """The key figures as a short terminal report (formulas: docs/key-figures.md)."""
    lines = [f"Åbne sager: {k.cases_open}",
             "Børn pr. trin: " + ", ".join(f"trin {s}: {c}" for s, c in k.children_per_step.items()),
             "Anbringelser: " + ", ".join(f"{PLACEMENT_TYPES[t].lower()} {_n(v, ' %')}"
                                          for t, v in k.placements_by_type.items())
             + f"; varighed gennemsnit {_n(k.placement_days_mean, ' dage')}, "
               f"median {_n(k.placement_days_median, ' dage')}",
             "  efter type (dage, gennemsnit/median, antal ophold): " + ", ".join(
                 f"{PLACEMENT_TYPES[t].lower()} {_n(d['mean'])}/{_n(d['median'])} ({d['count']})"
                 for t, d in k.placement_days_by_type.items()),
             f"Bevægelser: {k.moves_down} ned, {k.moves_up} op ad trappen",
             "  pr. måned (ned/op): " + ", ".join(f"{m} {v['down']}/{v['up']}" for m, v in k.moves_by_month.items()),
             f"Opfølgninger: {k.followups_due} med frist i perioden; til tiden: {_n(k.followups_on_time_pct, ' %')}"
             f"; overskredne nu: {k.followups_overdue_now} (hos {k.children_with_overdue} børn)",
             f"  heraf lovpligtige: {k.followups_legal_due} med frist i perioden; "
             f"til tiden: {_n(k.followups_legal_on_time_pct, ' %')}",
             f"  børn med en udført opfølgning: {k.children_followed_up}; flyttet ned ved den næste beslutning: "
             f"{_n(k.moved_down_after_followup_pct, ' %')}",
             f"Mål og delmål: {k.goals_closed} lukket i perioden, nået: {_n(k.goals_reached_pct, ' %')}; "
             f"åbne i fremgang: {_n(k.goals_rising_pct, ' %')}",
             f"Møder: {k.meetings}; sager pr. møde: {_n(k.cases_per_meeting)}; "
             f"tid pr. sag: {_n(k.minutes_per_case, ' min')}"
             f" mod tidsramme {_n(k.time_box_per_case, ' min')} ({_n(k.over_time_box_pct, ' %')} over)",
             f"Beslutninger på laveste overvejede trin: {_n(k.lowest_step_pct, ' %')}; "
             f"tilbage inden for 6 måneder: {_n(k.back_within_6m_pct, ' %')}",
             f"Sagstal pr. rådgiver (reference {k.caseload_reference}):"]
    lines += [f"  {name or '(ingen)'}: {c}" + (" – over reference" if c > k.caseload_reference else "")
              for name, c in k.caseload.items()]
    return "\n".join(lines + _prevention_lines(k))


def _prevention_lines(k: KeyFigures) -> list[str]:
    """The prevention triangle and skema 2, for the profiles that work with them (none: no lines)."""
    if not k.prevention_profiles:
        return []
    levels = k.prevention_levels
    lines = [f"Forebyggelsestrekanten ({', '.join(k.prevention_profiles)}; {sum(levels.values())} åbne sager): "
             + ", ".join(f"{PREVENTION_WORDS[level]} {n}" for level, n in levels.items()),
             f"Position × trivsel (skema 2): {k.target_group} i målgruppen (*), "
             f"{k.position_by_wellbeing_unset} uden position eller trivsel"]
    lines += [f"  {line}" for line in charts.target_grid(k.position_by_wellbeing)]
    return lines


def _n(value: object, unit: str = "") -> str:
    """A figure in Danish (decimal comma, a space before the unit), or – when there is none."""
    if value is None:
        return fmt.NONE
    return fmt.number(value) + unit  # type: ignore[arg-type]
