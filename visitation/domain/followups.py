"""The follow-ups a decision creates — the law's (BL §§ 20, 46, 91, 95, 100, 156) and the profile's — and the
next one of a running measure when one is done (BL § 95: follow-up is continuous, never a single date)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from visitation.domain.decision import DecisionDraft, Outcome
from visitation.domain.durations import Duration
from visitation.domain.law import FollowupRule
from visitation.domain.profiles import Profile
from visitation.domain.rules import concerns, covers, measures

NEXT_KIND = "loebende"
"""The kind of a follow-up set at the cadence agreed (or the profile's) when the previous one was done."""


@dataclass(frozen=True)
class PlannedFollowup:
    """One follow-up that falls due: when, what kind, and the legal basis."""

    due: date
    kind: str
    label: str
    legal: tuple[str, ...] = ()


def applies(rule: FollowupRule, d: DecisionDraft, profile: Profile) -> bool:
    """Whether a follow-up rule covers this decision (see `applies_to` in data/law/barnets-lov.toml)."""
    if rule.applies_to == "investigation":
        return d.investigation_since is not None
    if rule.applies_to == "acute":
        return d.acute and d.investigation_since is None and concerns("placement", d, profile)
    if rule.applies_to == "referral":
        return d.outcome is Outcome.REFERRED and "placement" in measures(d, profile)
    if rule.applies_to == "all":
        return d.places_child
    if rule.applies_to == "preventive":  # only § 30 measures: no BL § 95 follow-up covers the decision
        return d.places_child and measures(d, profile) == {"preventive"}
    return concerns(rule.applies_to, d, profile)


def base_date(rule: FollowupRule, d: DecisionDraft) -> date | None:
    """The day a rule's due dates count from, None when the decision has none (no start, no period)."""
    if rule.counts_from == "investigation":
        return d.investigation_since
    if rule.counts_from == "decision":
        return d.facts.decided_on or d.start
    if rule.counts_from == "return":
        months = d.return_period_months
        return Duration(months, "m").after(d.start) if d.start and months else None
    return d.start


def occurrences(rule: FollowupRule, start: date) -> list[date]:
    """The due dates a decision creates for one rule, counted from `start` so month ends never drift; a
    continuing rule gives its first date only (the next is made when it is done: `next_due`)."""
    if rule.every is None or rule.continuing:
        return [rule.after.after(start)]
    limit = rule.until.after(start) if rule.until else None
    dates: list[date] = []
    for k in range(rule.count or 1 if limit is None else 1000):
        due = _nth(rule, start, k)
        if limit is not None and due > limit:
            break
        dates.append(due)
    return dates


def _nth(rule: FollowupRule, start: date, k: int) -> date:
    """The k-th (from 0) due date of a recurring rule, counted from `start`."""
    assert rule.every is not None
    if rule.every.unit == rule.after.unit:
        return Duration(rule.after.count + k * rule.every.count, rule.after.unit).after(start)
    return rule.every.after(rule.after.after(start), k)


def next_due(rule: FollowupRule, start: date, done_due: date) -> date | None:
    """A continuing rule's next due date after the one just done (counted from `start`), else None."""
    if not rule.continuing:
        return None
    k = 0
    while (due := _nth(rule, start, k)) <= done_due:
        k += 1
    return due


def _expand(rule: FollowupRule, start: date, profile: Profile) -> list[PlannedFollowup]:
    legal = tuple(profile.law.cite(k) for k in rule.legal)
    return [PlannedFollowup(d, rule.kind, rule.label, legal) for d in occurrences(rule, start)]


def rules_of(profile: Profile) -> tuple[FollowupRule, ...]:
    """The profile's follow-up rules, then the law's."""
    return (*profile.followups, *profile.law.followups)


def schedule(d: DecisionDraft, profile: Profile) -> list[PlannedFollowup]:
    """Every follow-up a decision creates, sorted by date.

    A running børnefaglig undersøgelse (BL § 20) counts from the day it began, whatever the outcome. A
    'no later than' rule of the law (BL § 95's first follow-up: the earlier of the investigation's end and
    3 months) is met by an earlier follow-up (never by a task such as barnets plan), which then carries the
    legal reference instead of a second, redundant follow-up.
    """
    counted = [(r, day) for r in rules_of(profile) if applies(r, d, profile) and (day := base_date(r, d))]
    planned = [(f, r.task) for r, day in counted if not r.deadline for f in _expand(r, day, profile)]
    for rule, day in counted:
        if not rule.deadline:
            continue
        for item in _expand(rule, day, profile):
            earlier = [i for i, (f, task) in enumerate(planned) if not task and f.due <= item.due]
            if earlier:
                first = min(earlier, key=lambda i: (planned[i][0].due, i))
                f = planned[first][0]
                planned[first] = (replace(f, legal=tuple(dict.fromkeys(f.legal + item.legal))), False)
            else:
                planned.append((item, False))
    return sorted((f for f, _ in planned), key=lambda f: (f.due, f.kind))


def sets_cadence(kind: str, legal: list[str] | tuple[str, ...], profile: Profile) -> bool:
    """Whether a follow-up, done, sets the next at the agreed or the profile's cadence (BL § 95, stk. 3): a
    cadence rule's follow-up, one that met such a rule's deadline (it carries its paragraph), or a follow-up
    set at a cadence itself."""
    cadence = [r for r in rules_of(profile) if r.cadence]
    cited = {profile.law.cite(k) for r in cadence for k in r.legal}
    return kind.split(":")[0] == NEXT_KIND or kind in {r.kind for r in cadence} or bool(cited & set(legal))


def agreed(kind: str) -> Duration | None:
    """The cadence a follow-up set at a cadence was set at (`loebende:6w` → 6 weeks): it holds until changed."""
    head, _, cadence = kind.partition(":")
    try:
        return Duration.parse(cadence) if head == NEXT_KIND and cadence else None
    except ValueError:
        return None


def cadence_legal(kinds: frozenset[str], profile: Profile) -> tuple[str, ...]:
    """The paragraphs (keys) a follow-up set at a cadence rests on: the law's cadence rules for these measures
    (BL § 95 for a § 32 measure or a placement; none for a § 30 measure)."""
    return tuple(dict.fromkeys(k for r in profile.law.followups if r.cadence and covers(r.applies_to, kinds)
                               for k in r.legal))


def continuing_rule(kind: str, profile: Profile) -> FollowupRule | None:
    """The continuing rule (supervision visits, BL § 156) a follow-up of this kind comes from; its dates count
    from the decision's start."""
    return next((r for r in rules_of(profile) if r.kind == kind and r.continuing), None)


APPLIES_TO_WORDS = {
    "all": "alle beslutninger", "preventive": "forebyggende indsatser (§ 30)",
    "measure": "støttende indsatser og anbringelser", "support": "støttende indsatser", "placement": "anbringelser",
    "return-home": "et anbragt barn, der flytter hjem", "investigation": "mens en børnefaglig undersøgelse kører",
    "acute": "akutte eller foreløbige anbringelser",
    "referral": "anbringelsessager indstillet til børne- og ungeudvalget",
}
"""Which decisions a rule concerns, in words (`profiles show`, docs/law.md)."""
_FROM_WORDS = {"start": "start", "decision": "afgørelsen", "investigation": "undersøgelsens start",
               "return": "hjemgivelsesperiodens slutning"}


def when(rule: FollowupRule) -> str:
    """`6 måneder efter start, derefter hver 6. måned, så længe indsatsen varer` – a rule's dates in words."""
    since = _FROM_WORDS[rule.counts_from]
    text = f"ved {since}" if rule.after.count == 0 else f"{rule.after.danish()} efter {since}"
    if rule.every:
        text += f", derefter hver {rule.every.danish()}"
        text += (", så længe indsatsen varer" if rule.continuing
                 else f" frem til {rule.until.danish()}" if rule.until else f" ({rule.count} gange)")
    return ("senest " if rule.deadline else "") + text
