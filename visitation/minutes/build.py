"""Building the minutes document from the services' data: privacy applied, labels looked up, sorted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from visitation.domain.decision import (
    CONSENT_LABELS,
    OUTCOME_LABELS,
    VERDICT_LABELS,
    YOUTH_CONSENT_LABELS,
    Consent,
    Outcome,
    Verdict,
    YouthConsent,
)
from visitation.domain.goals import status_label
from visitation.domain.privacy import Privacy
from visitation.errors import InvalidInput
from visitation.minutes import methods, people
from visitation.minutes.model import (
    FORMAT,
    Alternative,
    Assessment,
    CaseMinutes,
    Child,
    Decision,
    Followup,
    GoalLine,
    Intervention,
    Meeting,
    MinutesDocument,
    Participant,
    Spread,
    Step,
    sealed,
)

if TYPE_CHECKING:
    from visitation.domain.profiles import Profile
    from visitation.services.db import Db
    from visitation.services.minutes_data import CaseData, MinutesData
    from visitation.services.views import AssessmentRow, DecisionRow

PRIVACY_LABELS = {Privacy.SCREEN: "skærm: initialer og alder", Privacy.INTERNAL: "internt: navne, intet CPR",
                  Privacy.FULL: "fuldt: med CPR, til sagen"}
AXIS_LABELS = {"child": "Barnets udvikling", "parents": "Forældrenes omsorg"}
STATUS_LABELS = {"decided": "Godkendt", "rejected": "Afvist", "postponed": "Udsat",
                 "referred": "Indstillet til børne- og ungeudvalget", "not_handled": "Ikke behandlet"}
STATUS = {"approved": "decided", "changed": "decided", "rejected": "rejected", "postponed": "postponed",
          "referred": "referred"}


def privacy_level(value: Privacy | str) -> Privacy:
    """A privacy level from its name, with one clear error."""
    try:
        return Privacy(value)
    except ValueError:
        raise InvalidInput("--privacy: skal være screen, internal eller full") from None


def build(db: Db, meeting: str, privacy: Privacy | str, case: str | None = None, *,
          action: str = "export", then: Callable[[MinutesDocument], object] | None = None) -> MinutesDocument:
    """The minutes of a meeting (or one case on it) at a privacy level; audited as `action` per case,
    after `then` (writing them) succeeded: a failed export is not logged."""
    from visitation.services import minutes_data

    level = privacy_level(privacy)
    made: list[MinutesDocument] = []

    def done(found: MinutesData) -> None:
        made.append(from_data(found, level, case is not None))
        if then is not None:
            then(made[0])

    minutes_data.gather(db, str(meeting), None if case is None else str(case), action=action,
                        detail=f"referat, niveau {level.value}", then=done)
    return made[0]


def from_data(found: MinutesData, level: Privacy, one_case: bool = False) -> MinutesDocument:
    """The sealed document for gathered data."""
    m = found.meeting
    meeting = Meeting(ref=m.ref, title=m.title, date=m.date.isoformat(), chair=m.chair, state=m.state,
                      participants=tuple(Participant(p.name, p.role, p.organisation, p.present)
                                         for p in m.participants))
    cases = tuple(case_minutes(c, level) for c in sorted(found.cases, key=lambda c: (c.position, c.ref)))
    return sealed(MinutesDocument(format=FORMAT, privacy=level.value, privacy_label=PRIVACY_LABELS[level],
                                  case=cases[0].ref if one_case and cases else None, meeting=meeting,
                                  cases=cases, chain_head=found.chain_head))


def case_minutes(c: CaseData, level: Privacy) -> CaseMinutes:
    """One docket case at a privacy level."""
    scrub = people.Scrubber.for_case(c, level)
    d = c.decision
    status = STATUS.get(d.outcome, "decided") if d else "not_handled"
    before = d.step_before if d else c.current_step
    after = d.step if d and status == "decided" else before
    marks = [assessment(a, scrub) for a in sorted(c.assessments, key=_assessment_order)]
    return CaseMinutes(
        position=c.position, ref=c.ref, time_box=c.time_box, status=status, status_label=_status_label(status, d),
        child=Child(initials=c.initials, name=None if level is Privacy.SCREEN else c.name, age=c.age,
                    birth_date=None if level is Privacy.SCREEN else c.birth_date.isoformat(),
                    cpr=c.cpr if level is Privacy.FULL and c.cpr else None, age_facts=tuple(c.age_facts)),
        caseworker=c.caseworker, school=scrub(c.school), reason=scrub(c.reason),
        profile=f"{c.profile.name} ({c.profile.key} {c.profile.version})",
        step_before=step(c.profile, before), step_after=step(c.profile, after),
        assessments=tuple(a for a in marks if not a.consensus),
        consensus=tuple(a for a in marks if a.consensus), spread=spread(marks),
        network=people.network(c, scrub), alternatives=alternatives(c, scrub),
        decision=decision(d, c, scrub) if d else None,
        goals=tuple(GoalLine(scrub(g.text), g.parent_id is not None, g.due.isoformat() if g.due else None,
                             status_label(g.status), " → ".join(str(p.score) for p in g.scores))
                    for g in c.progress),
        prevention=methods.prevention(c.profile, c.prevention), ics=methods.ics_notes(c.ics, scrub),
        signs_of_safety=methods.signs_of_safety(c.sos, scrub))


def _status_label(status: str, d: DecisionRow | None) -> str:
    """The docket's word for a case: the decision's own outcome (`Godkendt med ændringer`), as the case says it."""
    if d is not None and status == "decided":
        return _label(OUTCOME_LABELS, Outcome, d.outcome)
    return STATUS_LABELS[status]


def step(profile: Profile, number: int) -> Step:
    """A step with the profile's label (blank if the profile has no such step)."""
    return Step(number, profile.step(number).label if profile.has_step(number) else "")


def _assessment_order(a: AssessmentRow) -> tuple[int, bool, str, str, int]:
    return (0 if a.axis == "child" else 1, a.consensus, a.date.isoformat(), a.rater, a.id)


def assessment(a: AssessmentRow, scrub: people.Scrubber) -> Assessment:
    """A Børnelineal mark."""
    return Assessment(date=a.date.isoformat(), axis=a.axis, axis_label=AXIS_LABELS.get(a.axis, a.axis),
                      zone=a.zone, zone_label=a.zone_label, rater=a.rater, role=a.role, consensus=a.consensus,
                      protective=tuple(scrub(t) for t in a.protective), risk=tuple(scrub(t) for t in a.risk),
                      note=scrub(a.note))


def spread(marks: list[Assessment]) -> tuple[Spread, ...]:
    """Lowest and highest rater zone per axis (raters only, not the consensus)."""
    found = []
    for axis in ("child", "parents"):
        zones = [a.zone for a in marks if a.axis == axis and not a.consensus]
        if zones:
            found.append(Spread(axis, AXIS_LABELS[axis], min(zones), max(zones)))
    return tuple(found)


def alternatives(c: CaseData, scrub: people.Scrubber) -> tuple[Alternative, ...]:
    """The alternatives table, lowest step first (stable within a step), each alternative once: when a decision
    names one the case already had, the row keeps its place, takes the decision's verdict and says each
    distinct reason, one a line."""
    once: dict[tuple[int, str], tuple[str, list[str]]] = {}
    for a in c.alternatives:
        reasons = once.get((a.step, a.intervention), ("", []))[1]
        once[(a.step, a.intervention)] = (a.verdict, reasons + [a.reason] if a.reason not in reasons else reasons)
    rows = sorted(once.items(), key=lambda item: item[0][0])
    return tuple(Alternative(step=number, step_label=step(c.profile, number).label, intervention=key,
                             intervention_label=_intervention_label(c.profile, key),
                             verdict=verdict, verdict_label=_label(VERDICT_LABELS, Verdict, verdict),
                             reason=scrub("\n".join(r for r in reasons if r)))
                 for (number, key), (verdict, reasons) in rows)


def decision(d: DecisionRow, c: CaseData, scrub: people.Scrubber) -> Decision:
    """The decision with labels and, per intervention, its legal basis."""
    stored = set(d.legal_basis)
    chosen = tuple(Intervention(key=k, label=_intervention_label(c.profile, k), step=_intervention_step(c.profile, k),
                                legal=tuple(x for x in c.profile.legal_basis(k) if x in stored))
                   for k in d.interventions)
    return Decision(
        id=d.id, outcome=d.outcome, outcome_label=_label(OUTCOME_LABELS, Outcome, d.outcome),
        step=step(c.profile, d.step), interventions=chosen, legal_basis=tuple(d.legal_basis),
        law_version=d.law_version, purpose=scrub(d.purpose), duration=scrub(d.duration),
        start=d.start.isoformat() if d.start else None, goals=scrub(c.goals), child_view=scrub(d.child_view),
        child_view_how=scrub(d.child_view_how), parents_view=scrub(d.parents_view), consent=d.consent,
        consent_label=_label(CONSENT_LABELS, Consent, d.consent), youth_consent=d.youth_consent,
        youth_consent_label=_label(YOUTH_CONSENT_LABELS, YouthConsent, d.youth_consent),
        investigation_done=d.investigation_done.isoformat() if d.investigation_done else None, acute=d.acute,
        return_period_months=d.return_period_months, siblings=scrub(d.siblings), schooling=scrub(d.schooling),
        foster_assessment=scrub(d.foster_assessment), dissent=scrub(d.dissent), rationale=scrub(d.rationale),
        followups=tuple(Followup(due=f.due.isoformat(), kind=f.kind, label=f.label, legal=tuple(f.legal),
                                 responsible=f.responsible) for f in d.followups),
        created_at=_utc(d.created_at), created_by=d.created_by, supersedes=d.supersedes_id,
        safety_plan=methods.decision_plan(d.safety_plan, scrub), ruler=methods.ruler_note(d, c.profile, c.zone, scrub))


def _utc(moment: dt.datetime) -> str:
    """A stored time as UTC to the second (the database keeps UTC, naive or aware)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _label(labels: dict, kind: type, value: str) -> str:  # type: ignore[type-arg]
    try:
        return str(labels[kind(value)])
    except (ValueError, KeyError):
        return value


def _intervention_label(profile: Profile, key: str) -> str:
    item = profile.intervention(key)
    return item.label if item else key


def _intervention_step(profile: Profile, key: str) -> int:
    item = profile.intervention(key)
    return item.step if item else 0
