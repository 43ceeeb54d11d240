"""The follow-up schedule a decision creates: the law's minimum (BL §§ 20, 95, 156) and the profile's rules."""

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


def applies(rule: FollowupRule, step: int, profile: Profile, investigation: bool = False) -> bool:
    """Whether a rule covers a decision on this step (an `investigation` rule: only while one runs)."""
    if rule.applies_to == "investigation":
        return investigation
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


def schedule(step: int, start: date | None, profile: Profile,
             investigation: date | None = None) -> list[PlannedFollowup]:
    """Every follow-up due after a decision on `step` starting on `start`, sorted by date.

    `investigation` is the day a børnefaglig undersøgelse (BL § 20) began, if one runs: its rules count
    from that day (it must be complete within 4 months). Without a `start` (nothing put in place: the
    case was postponed, say), only those. A 'no later than' rule of the law (BL § 95's first follow-up:
    the earlier of the investigation's end and 3 months) is met by an earlier follow-up, which then
    carries the legal reference instead of a second, redundant follow-up.
    """
    rules = [r for r in (*profile.followups, *profile.law.followups)
             if applies(r, step, profile, investigation is not None)]
    counted = [(r, investigation if r.applies_to == "investigation" else start) for r in rules]
    counted = [(r, day) for r, day in counted if day is not None]
    planned = [f for r, day in counted if not r.deadline for f in _expand(r, day, profile)]
    own = len(planned)
    for rule, day in counted:
        if not rule.deadline:
            continue
        for item in _expand(rule, day, profile):
            earlier = [i for i in range(own) if planned[i].due <= item.due]
            if earlier:
                first = min(earlier, key=lambda i: (planned[i].due, i))
                planned[first] = replace(planned[first], legal=tuple(dict.fromkeys(planned[first].legal + item.legal)))
            else:
                planned.append(item)
    return sorted(planned, key=lambda f: (f.due, f.kind))
