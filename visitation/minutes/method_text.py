"""The wording of the seeds' methods in the minutes: the prevention triangle on Sagen, the ICS notes, the
Signs of Safety mapping and safety plan, the decision's locked plan and a step outside the ruler's range.

Each part is said only when the case has it, so a case without the methods reads as before them.
"""

from __future__ import annotations

from itertools import zip_longest

from visitation.domain.sos import COLUMNS, KIND_LABELS, SCALE_ANCHORS, Kind
from visitation.minutes.blocks import NONE, Block, Fields, Para, Section, Sub, Table, short_date
from visitation.minutes.methods import PlanRule, RulerNote, SignsOfSafety, SosItem
from visitation.minutes.model import CaseMinutes, Decision

PLAN_HEADERS = ("Regel", "Holdes af")


def prevention_rows(c: CaseMinutes) -> list[tuple[str, str]]:
    """`Forebyggelsestrekanten: Tertiær forebyggelse · Udsat position · Mistrivsel` (the values set)."""
    p = c.prevention
    if p is None:
        return []
    return [("Forebyggelsestrekanten",
             " · ".join(x for x in (p.prevention_label, p.position_label, p.wellbeing_label) if x))]


def ics(c: CaseMinutes) -> tuple[Section, ...]:
    """ICS-trekanten: each strength and concern on its dimension."""
    if not c.ics:
        return ()
    rows = tuple((n.label, n.kind_label, n.text) for n in c.ics)
    return (Section("ICS-trekanten", (Table(("Dimension", "Styrke/bekymring", "Note"), rows),)),)


def signs_of_safety(c: CaseMinutes) -> tuple[Section, ...]:
    """Signs of Safety: the three columns, danger statements, safety goals, the scale and the safety plan."""
    s = c.signs_of_safety
    if s is None:
        return ()
    blocks: list[Block] = []
    columns = (s.worries, s.working, s.next)
    if any(columns):
        rows = tuple(tuple(_item(x) for x in row) for row in zip_longest(*columns))
        blocks.append(Table(tuple(KIND_LABELS[k] for k in COLUMNS), rows))
    statements = _numbered(KIND_LABELS[Kind.DANGER], s.danger) + _numbered(KIND_LABELS[Kind.GOAL], s.goals)
    if statements:
        blocks.append(Fields(tuple(statements)))
    blocks += _scale(s)
    if s.plan:
        blocks += [Sub("Sikkerhedsplan"), plan_table(s.plan)]
    return (Section("Signs of Safety", tuple(blocks)),)


def _item(x: SosItem | None) -> str:
    if x is None:
        return ""
    return f"{x.text} ({x.who})" if x.who else x.text


def _numbered(label: str, texts: tuple[str, ...]) -> list[tuple[str, str]]:
    """`Farefaktorudsagn` for one, `Farefaktorudsagn 1`, `… 2` for more."""
    if len(texts) == 1:
        return [(label, texts[0])]
    return [(f"{label} {n}", text) for n, text in enumerate(texts, start=1)]


def _scale(s: SignsOfSafety) -> list[Block]:
    """The newest rating per person as it stood at the meeting, with the scale's two ends said once."""
    if not s.scale:
        return []
    rows = tuple((r.who, str(r.score), short_date(r.rated_on)) for r in s.scale)
    return [Sub("Sikkerhedsskala 0–10"), Table(("Vurderet af", "Skala", "Dato"), rows),
            Para(f"Skalaen: {SCALE_ANCHORS[0]}; {SCALE_ANCHORS[1]}. Nyeste vurdering pr. person ved mødet.")]


def plan_table(rules: tuple[PlanRule, ...], headers: tuple[str, str] = PLAN_HEADERS) -> Table:
    """A safety plan: each rule and who keeps it."""
    return Table(headers, tuple((r.text, ", ".join(r.keepers) or NONE) for r in rules))


def decision_plan(d: Decision) -> tuple[Block, ...]:
    """The rules the decision locked when it chose the safety plan (none otherwise)."""
    if not d.safety_plan:
        return ()
    return (plan_table(d.safety_plan, ("Sikkerhedsplanens regler (låst med beslutningen)", "Holdes af")),)


def ruler_rows(d: Decision) -> list[tuple[str, str]]:
    """Trin uden for linealens retning: the warning the meeting saw and the reason it gave, next to the step."""
    note: RulerNote | None = d.ruler
    if note is None:
        return []
    rows = [("Trin uden for linealens retning", note.warning)] if note.warning else []
    rows.append(("Begrundelse for trinnet", note.reason))
    if note.basis:
        rows.append(("Linealens retning", note.basis))
    return rows
