"""The follow-up schedule a decision creates: the law's minimum (BL §§ 95, 156) and the profile's rules."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from visitation.domain.durations import Duration
from visitation.domain.law import FollowupRule
from visitation.domain.profiles import Profile


@dataclass(frozen=True)
class PlannedFollowup:
    """One follow-up that falls due: when, what kind, and the legal basis."""

    due: date
    kind: str
    label: str
    legal: tuple[str, ...] = ()


def applies(rule: FollowupRule, step: int, profile: Profile) -> bool:
    """Whether a rule covers a decision on this step."""
    if rule.applies_to == "placement":
        return profile.is_placement(step)
    if rule.applies_to == "measure":
        return step >= profile.measure_from_step
    return True


def occurrences(rule: FollowupRule, start: date) -> list[date]:
    """The due dates of one rule, counted from the start date so month ends never drift."""
    if rule.every is None:
        return [rule.after.after(start)]
    limit = rule.until.after(start) if rule.until else None
    dates: list[date] = []
    for k in range(rule.count if limit is None else 1000):
        if rule.every.unit == rule.after.unit:
            due = Duration(rule.after.count + k * rule.every.count, rule.after.unit).after(start)
        else:
            due = rule.every.after(rule.after.after(start), k)
        if limit is not None and due > limit:
            break
        dates.append(due)
    return dates


def _expand(rule: FollowupRule, start: date, profile: Profile) -> list[PlannedFollowup]:
    legal = tuple(profile.law.cite(k) for k in rule.legal)
    return [PlannedFollowup(d, rule.kind, rule.label, legal) for d in occurrences(rule, start)]


def schedule(step: int, start: date, profile: Profile) -> list[PlannedFollowup]:
    """Every follow-up due after a decision on `step` starting on `start`, sorted by date.

    A 'no later than' rule of the law (BL § 95's first follow-up) is met by an earlier follow-up of the
    profile, which then carries the legal reference instead of a second, redundant follow-up.
    """
    own = [f for r in profile.followups if applies(r, step, profile) for f in _expand(r, start, profile)]
    planned = list(own)
    for rule in profile.law.followups:
        if not applies(rule, step, profile):
            continue
        for item in _expand(rule, start, profile):
            earlier = [f for f in own if f.due <= item.due]
            if rule.deadline and earlier:
                first = min(earlier, key=lambda f: f.due)
                index = own.index(first)
                first = planned[index]
                planned[index] = replace(first, legal=tuple(dict.fromkeys(first.legal + item.legal)))
            else:
                planned.append(item)
    return sorted(planned, key=lambda f: (f.due, f.kind))
