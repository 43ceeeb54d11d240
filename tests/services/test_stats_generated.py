"""`stats --json` on a generated database: every figure against the truth worked out here, independently.

A seeded generator builds children, meetings, dockets, decisions (with corrections, decisions outside a
meeting, every outcome) and follow-ups (on time, late, overdue, made moot, belonging to a corrected
decision), of which some cite the paragraphs the law's own follow-up rules rest on; goals and sub-goals,
reached, dropped or open with scores. The truth is computed from the generated Python records by the definitions in
docs/key-figures.md, never from the database; `stats --json` must agree on every figure, with and
without a period (SQLite and PostgreSQL).
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import json
import random
import statistics
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import pytest
from typer.testing import CliRunner

from visitation.cli.main import app
from visitation.domain.keyfigures import FIGURES
from visitation.services.db import open_db
from visitation.services.stats import KeyFigures
from visitation.store.models import (
    Case,
    Child,
    Decision,
    DocketItem,
    Followup,
    Goal,
    GoalScore,
    Meeting,
)

TODAY = dt.date.today()
PLACING = ("approved", "changed")
OUTCOMES = ("approved", "approved", "changed", "postponed", "rejected", "referred")
WORKERS = ("Mette Holm", "Ole Berg", "Sara Lund")
LAW = ("BL § 95", "BL § 156, stk. 5", "BL § 20")
"""The paragraphs of data/law/barnets-lov.toml's [[followups]]: a follow-up citing one is the law's minimum."""
LAW_95, OWN_96 = "BL § 95 (tidl. SEL § 70, stk. 1)", "BL § 96 (tidl. SEL § 69)"
CITATIONS = ([], [LAW_95], [OWN_96], ["BL § 156, stk. 5 (tidl. SEL § 148)"], [OWN_96, LAW_95], ["BL § 20"],
             ["BL § 156"])
"""The follow-ups' legal lists, in turn: none, the law's (with and without the old paragraph), a profile's own."""
PLACEMENT_STEPS = {"network": 4, "foster": 5, "institution": 6}


def _ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


def _moment(day: dt.date, minutes_after_nine: int) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 9, tzinfo=dt.UTC) + dt.timedelta(minutes=minutes_after_nine)


@dataclass
class Dec:
    """A generated decision."""

    key: int
    case: int
    meeting: int | None
    at: dt.datetime
    start: dt.date | None
    outcome: str
    before: int
    step: int
    alt_steps: list[int]
    supersedes: int | None = None
    id: int = 0


@dataclass
class Fol:
    """A generated follow-up."""

    case: int
    decision: int
    due: dt.date
    done: dt.date | None
    moot_by: int | None
    legal: list[str] = field(default_factory=list)


@dataclass
class GoalRec:
    """A generated goal: its status, the day it was closed, its scores (score, day) in the order entered."""

    case: int
    status: str
    closed: dt.date | None
    scores: list[tuple[int, dt.date]]


@dataclass
class World:
    """Everything generated, in the order it is inserted."""

    cases: list[dict[str, Any]] = field(default_factory=list)
    meetings: list[dt.date] = field(default_factory=list)
    docket: list[tuple[int, int, int, dt.datetime | None]] = field(default_factory=list)
    decisions: list[Dec] = field(default_factory=list)
    followups: list[Fol] = field(default_factory=list)
    goals: list[GoalRec] = field(default_factory=list)


def generate(seed: int, n_cases: int = 45) -> World:
    """A random but fully known world."""
    rng = random.Random(seed)
    w = World(meetings=sorted(_ago(d) for d in rng.sample(range(3, 700), 14)))
    for c in range(n_cases):
        created = rng.randint(20, 720)
        step = rng.randint(1, 6)
        case = {"created": created, "worker": rng.choice(WORKERS), "status": "open" if rng.random() < 0.9 else "closed"}
        w.cases.append(case)
        later = [m for m, day in enumerate(w.meetings) if day > _ago(created)]
        for m in sorted(rng.sample(later, min(len(later), rng.randint(0, 3)))):
            started = _moment(w.meetings[m], 10 * len(w.docket) % 60) if rng.random() < 0.7 else None
            w.docket.append((m, c, rng.choice((15, 20, 30)), started))
            if rng.random() < 0.2:
                continue  # on the docket, not decided (yet)
            at = (started or _moment(w.meetings[m], 60)) + dt.timedelta(minutes=rng.randint(5, 45))
            step = _decide(w, rng, c, m, at, step)
        if rng.random() < 0.3:  # moved at a follow-up, outside a meeting
            last = max([d.at.date() for d in w.decisions if d.case == c] or [_ago(created)])
            if last < _ago(2):
                day = last + dt.timedelta(days=rng.randint(1, (_ago(1) - last).days))
                step = _decide(w, rng, c, None, _moment(day, 200), step, outcome="changed")
        case["step"] = step
    _goals(w, random.Random(seed + 1))
    _classify(w, random.Random(seed + 2))
    return w


def _classify(w: World, rng: random.Random) -> None:
    """A profile for each case (mostly Socialstyrelsen's, which works with the prevention triangle; some Odder's,
    which does not) and its level and position × trivsel, each sometimes unset."""
    for case in w.cases:
        case["profile"] = "odder" if rng.random() < 0.2 else "socialstyrelsen"
        case["prevention"] = rng.choice(("", "primary", "secondary", "tertiary"))
        case["position"] = rng.choice(("", "not-exposed", "at-risk", "exposed"))
        case["wellbeing"] = rng.choice(("", "thriving", "not-thriving"))


def _goals(w: World, rng: random.Random) -> None:
    """0-3 goals a case, closed or open, each scored 0-4 times (on few days, so some share a day)."""
    for c in range(len(w.cases)):
        for _ in range(rng.randint(0, 3)):
            status = rng.choice(("open", "open", "reached", "dropped"))
            closed = _ago(rng.randint(0, 500)) if status != "open" else None
            scores = [(rng.randint(0, 10), _ago(rng.choice((10, 40, 40, 90, 200)))) for _ in range(rng.randint(0, 4))]
            w.goals.append(GoalRec(c, status, closed, scores))


def _decide(w: World, rng: random.Random, c: int, m: int | None, at: dt.datetime, step: int,
            outcome: str | None = None) -> int:
    """A decision (sometimes corrected at once), its follow-ups; the step the child is left on."""
    before = step
    for attempt in range(2 if rng.random() < 0.15 else 1):
        chosen = outcome or rng.choice(OUTCOMES)
        new = rng.randint(1, 6)
        start = at.date() + dt.timedelta(days=rng.randint(0, 14)) if rng.random() < 0.85 else None
        d = Dec(len(w.decisions), c, m, at + dt.timedelta(minutes=attempt), start, chosen, before,
                new if chosen in PLACING else before, sorted(rng.sample(range(1, 7), rng.randint(0, 3))),
                supersedes=len(w.decisions) - 1 if attempt else None)
        w.decisions.append(d)
        for _ in range(rng.randint(0, 3) if chosen in PLACING else 0):
            due = (start or at.date()) + dt.timedelta(days=rng.randint(10, 250))
            done = rng.choice((None, due - dt.timedelta(days=rng.randint(0, 9)), due,
                               due + dt.timedelta(days=rng.randint(1, 20))))
            w.followups.append(Fol(c, d.key, due, done if done is None or done <= TODAY else None, None,
                                   CITATIONS[len(w.followups) % len(CITATIONS)]))
    final = w.decisions[-1]
    if rng.random() < 0.2:  # a later move made one of the case's follow-ups moot
        mine = [f for f in w.followups if f.case == c]
        if mine:
            rng.choice(mine).moot_by = final.key
    return final.step if final.outcome in PLACING else step


def store(url: str, w: World) -> None:
    """Write the world to the database (ids assigned by the database)."""
    db = open_db(url, "tester")
    with db.write() as s:
        case_ids, meeting_ids = [], []
        for n, c in enumerate(w.cases):
            child = Child(name=f"Barn {n}", initials=f"B{n}", birth_date=dt.date(2015, 1, 1))
            s.add(child)
            s.flush()
            row = Case(ref=f"G-{n:03d}", child_id=child.id, profile_key=c["profile"], profile_version="2026.1",  # type: ignore[arg-type]
                       caseworker=c["worker"], current_step=c["step"], status=c["status"],
                       prevention=c["prevention"], position=c["position"], wellbeing=c["wellbeing"],
                       created_at=_moment(_ago(c["created"]), 0))
            s.add(row)
            s.flush()
            case_ids.append(row.id)
        for n, day in enumerate(w.meetings):
            meeting = Meeting(ref=f"GM-{n:02d}", date=day, chair="Hanne")
            s.add(meeting)
            s.flush()
            meeting_ids.append(meeting.id)
        for n, (m, c, minutes, started) in enumerate(w.docket):
            s.add(DocketItem(meeting_id=meeting_ids[m], case_id=case_ids[c], position=n, minutes=minutes,
                             started_at=started))
        for d in w.decisions:
            row = Decision(case_id=case_ids[d.case],  # type: ignore[arg-type]
                           meeting_id=meeting_ids[d.meeting] if d.meeting is not None else None,
                           supersedes_id=w.decisions[d.supersedes].id if d.supersedes is not None else None,
                           outcome=d.outcome, step_before=d.before, step=d.step, law_version="test",
                           profile_key="socialstyrelsen", profile_version="2026.1", start=d.start, consent="yes",
                           created_by="tester", created_at=d.at,
                           alternatives=[{"step": a, "intervention": "x", "verdict": "rejected", "reason": "r"}
                                         for a in d.alt_steps])
            s.add(row)
            s.flush()
            d.id = row.id  # type: ignore[assignment]
        for f in w.followups:
            s.add(Followup(decision_id=w.decisions[f.decision].id, case_id=case_ids[f.case], due=f.due, kind="k",
                           label="l", legal=f.legal, done_on=f.done,
                           superseded_by_id=w.decisions[f.moot_by].id if f.moot_by is not None else None))
        for g in w.goals:
            goal = Goal(case_id=case_ids[g.case], text="mål", status=g.status, closed_on=g.closed, created_by="tester")
            s.add(goal)
            s.flush()
            s.add_all(GoalScore(goal_id=goal.id, score=score, scored_on=day, scored_by="tester")
                      for score, day in g.scores)
            s.flush()
    db.engine.dispose()


def _within(day: dt.date, since: dt.date | None, until: dt.date | None) -> bool:
    return (since is None or since <= day) and (until is None or day <= until)


def _pct(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def month_ends(since: dt.date | None, until: dt.date | None) -> list[dt.date]:
    """The months the figures over time cover: from `since` (or 12 months back) to `until` (or today)."""
    last = until or TODAY
    months = [(last.year * 12 + last.month - 1 - k) for k in range(11, -1, -1)] if since is None else \
        list(range(since.year * 12 + since.month - 1, last.year * 12 + last.month))[:24]
    ends = []
    for m in months:
        year, month = divmod(m, 12)
        ends.append(min(dt.date(year, month + 1, calendar.monthrange(year, month + 1)[1]), last))
    return ends


def _stays(w: World, placing: list[Dec], inside: Any) -> list[int]:
    """Days of each stay on the steps `inside` holds, from a move onto them to a move off them (or today)."""
    durations = []
    for n in range(len(w.cases)):
        began = None
        for d in (d for d in placing if d.case == n):
            day = d.start or d.at.date()
            if began is None and inside(d.step) and not inside(d.before):
                began = day
            elif began is not None and not inside(d.step):
                durations.append(max(0, (day - began).days))
                began = None
        if began is not None:
            durations.append(max(0, (TODAY - began).days))
    return durations


def _mean(values: list[int]) -> float | None:
    return round(statistics.fmean(values), 1) if values else None


def _median(values: list[int]) -> float | None:
    return float(statistics.median(values)) if values else None


def _moved_down(placing: list[Dec], done: list[Fol]) -> set[int]:
    """The cases whose first placing decision on or after one of their follow-ups' day moved them down."""
    moved = set()
    for f in done:
        later = sorted((d for d in placing if d.case == f.case and d.at.date() >= f.done), key=lambda d: (d.at, d.key))  # type: ignore[operator]
        if later and later[0].step < later[0].before:
            moved.add(f.case)
    return moved


def _rising(goals: list[GoalRec]) -> float | None:
    """Of the open goals scored twice or more, the share whose latest score (by day, then entry) beats the
    one before."""
    compared = [sorted(range(len(g.scores)), key=lambda i: (g.scores[i][1], i)) for g in goals]
    pairs = [(g.scores[order[-1]][0], g.scores[order[-2]][0]) for g, order in zip(goals, compared, strict=True)
             if len(order) > 1]
    return _pct(sum(last > before for last, before in pairs), len(pairs))


def _prevention(w: World, open_cases: list[int]) -> dict[str, Any]:
    """Socialstyrelsen's open cases per level, and in skema 2's grid: every cell is the target group except a child
    who thrives and is not in an exposed position (Strategisk ramme, skema 2)."""
    mine = [w.cases[n] for n in open_cases if w.cases[n]["profile"] == "socialstyrelsen"]
    if not mine:
        return {"prevention_profiles": [], "prevention_levels": {}, "position_by_wellbeing": [],
                "position_by_wellbeing_unset": 0, "target_group": 0}
    levels = Counter(c["prevention"] or "unset" for c in mine)
    cells = [{"position": p, "wellbeing": t, "count": sum(c["position"] == p and c["wellbeing"] == t for c in mine),
              "in_target_group": (p, t) != ("not-exposed", "thriving")}
             for p in ("not-exposed", "at-risk", "exposed") for t in ("thriving", "not-thriving")]
    return {"prevention_profiles": ["socialstyrelsen"],
            "prevention_levels": {k: levels[k] for k in ("primary", "secondary", "tertiary", "unset")},
            "position_by_wellbeing": cells,
            "position_by_wellbeing_unset": sum(not c["position"] or not c["wellbeing"] for c in mine),
            "target_group": sum(c["count"] for c in cells if c["in_target_group"])}


def truth(w: World, since: dt.date | None = None, until: dt.date | None = None) -> dict[str, Any]:
    """Every key figure, by its definition, from the generated records alone."""
    replaced = {d.supersedes for d in w.decisions if d.supersedes is not None}
    valid = [d for d in w.decisions if d.key not in replaced]
    placing = [d for d in valid if d.outcome in PLACING]
    period = [d for d in valid if _within(d.at.date(), since, until)]
    period_placing = [d for d in period if d.outcome in PLACING]
    open_cases = [n for n, c in enumerate(w.cases) if c["status"] == "open"]
    per_step = Counter(w.cases[n]["step"] for n in open_cases)
    placed = {"network": per_step[4], "foster": per_step[5], "institution": per_step[6]}

    by_month: dict[str, dict[str, int]] = {}
    moves: dict[str, dict[str, int]] = {}
    for end in month_ends(since, until):
        key = f"{end:%Y-%m}"
        counts: Counter[int] = Counter()
        for n in open_cases:
            if _ago(w.cases[n]["created"]) > end:
                continue
            mine = [d for d in placing if d.case == n]
            so_far = [d for d in mine if d.at.date() <= end]
            counts[so_far[-1].step if so_far else mine[0].before if mine else w.cases[n]["step"]] += 1
        by_month[key] = {str(s): v for s, v in sorted(counts.items())}
        in_month = [d for d in placing if f"{d.at.date():%Y-%m}" == key]
        moves[key] = {"down": sum(d.step < d.before for d in in_month), "up": sum(d.step > d.before for d in in_month)}

    durations = _stays(w, placing, lambda step: step >= 4)
    by_type = {kind: _stays(w, placing, lambda step, on=on: step == on) for kind, on in PLACEMENT_STEPS.items()}

    live = [f for f in w.followups if f.decision not in replaced and f.moot_by is None]
    due = [f for f in live if _within(f.due, since, until)]
    closed = [f for f in due if f.due < TODAY or f.done is not None]
    overdue = [f for f in live if f.done is None and f.due < TODAY]

    held = {m for m, day in enumerate(w.meetings) if _within(day, since, until)}
    items = [i for i in w.docket if i[0] in held]
    used, boxes = [], []
    for m, c, minutes, started in items:
        there = [d for d in valid if d.meeting == m and d.case == c]
        if there and started is not None:
            used.append(max(0.0, (there[-1].at - started).total_seconds() / 60))
            boxes.append(minutes)
    at_held = [d for d in valid if d.meeting in held and d.outcome in PLACING]
    back = [d for d in at_held if any(c == d.case and 0 < (w.meetings[m] - w.meetings[d.meeting]).days <= 183  # type: ignore[index]
                                      for m, c, _, _ in w.docket)]
    lowest = [d for d in period_placing if d.step <= min([d.step, *d.alt_steps])]
    legal = [f for f in due if any(c.split(" (")[0] in LAW for c in f.legal)]
    legal_closed = [f for f in legal if f.due < TODAY or f.done is not None]
    followed = [f for f in live if f.done is not None and _within(f.done, since, until)]
    closed_goals = [g for g in w.goals if g.status != "open" and _within(g.closed, since, until)]  # type: ignore[arg-type]
    return {
        "period_from": since.isoformat() if since else None, "period_to": until.isoformat() if until else None,
        "cases_open": len(open_cases),
        "children_per_step": {str(s): v for s, v in sorted(per_step.items())},
        "children_per_step_by_month": by_month,
        "moves_by_month": moves,
        "placements_by_type": {k: _pct(v, sum(placed.values())) or 0.0 for k, v in placed.items()},
        "placement_days_mean": _mean(durations),
        "placement_days_median": _median(durations),
        "placement_days_by_type": {kind: {"mean": _mean(d), "median": _median(d), "count": len(d)}
                                   for kind, d in by_type.items()},
        "decisions_by_outcome": dict(sorted(Counter(d.outcome for d in period).items())),
        "moves_down": sum(d.step < d.before for d in period_placing),
        "moves_up": sum(d.step > d.before for d in period_placing),
        "followups_due": len(due),
        "followups_on_time_pct": _pct(sum(f.done is not None and f.done <= f.due for f in closed), len(closed)),
        "followups_legal_due": len(legal),
        "followups_legal_on_time_pct": _pct(sum(f.done is not None and f.done <= f.due for f in legal_closed),
                                            len(legal_closed)),
        "followups_overdue_now": len(overdue),
        "children_with_overdue": len({f.case for f in overdue}),
        "caseload": dict(sorted(Counter(w.cases[n]["worker"] for n in open_cases).items())),
        "caseload_reference": 25,
        "meetings": len(held),
        "cases_per_meeting": round(len(items) / len(held), 1) if held else None,
        "minutes_per_case": round(statistics.fmean(used), 1) if used else None,
        "time_box_per_case": round(statistics.fmean(boxes), 1) if boxes else None,
        "over_time_box_pct": _pct(sum(u > b for u, b in zip(used, boxes, strict=True)), len(used)),
        "lowest_step_pct": _pct(len(lowest), len(period_placing)),
        "back_within_6m_pct": _pct(len(back), len(at_held)),
        "goals_closed": len(closed_goals),
        "goals_reached_pct": _pct(sum(g.status == "reached" for g in closed_goals), len(closed_goals)),
        "goals_rising_pct": _rising([g for g in w.goals if g.status == "open"]),
        "children_followed_up": len({f.case for f in followed}),
        "moved_down_after_followup_pct": _pct(len(_moved_down(placing, followed)), len({f.case for f in followed})),
        **_prevention(w, open_cases),
        "notes": [],
    }


def test_every_key_is_a_figure_or_the_period() -> None:
    computed = {f.name for f in dataclasses.fields(KeyFigures)}
    checked = set(truth(generate(1)))
    assert computed == checked  # the test below compares every figure stats computes
    assert {f.key for f in FIGURES} <= checked


PERIODS = [(None, None), (_ago(300), None), (_ago(420), _ago(90))]


@pytest.mark.parametrize("seed", [7, 2026])
def test_stats_json_matches_the_independent_truth(db_url: str, seed: int) -> None:
    world = generate(seed)
    store(db_url, world)
    assert len(world.decisions) > 40 and len(world.followups) > 30 and len(world.goals) > 40  # a world worth the name
    for since, until in PERIODS:
        args = ["--db", db_url, "stats", "--json"]
        args += ["--from", since.isoformat()] if since else []
        args += ["--to", until.isoformat()] if until else []
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, result.output
        got, expected = json.loads(result.stdout), truth(world, since, until)
        for key, value in expected.items():
            assert got[key] == value, f"{key} ({since} – {until}): {got[key]!r} != {value!r}"
        assert set(got) == set(expected)
