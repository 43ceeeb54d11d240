"""`stats --json` on a database whose true figures are worked out by hand below (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import json

from typer.testing import CliRunner

from visitation.cli.main import app
from visitation.services.db import open_db
from visitation.store.models import Case, Child, Decision, DocketItem, Followup, Meeting

T = dt.date.today()


def _at(days_ago: int, hour: int = 9, minute: int = 0) -> dt.datetime:
    day = T - dt.timedelta(days=days_ago)
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=dt.UTC)


def _ago(days: int) -> dt.date:
    return T - dt.timedelta(days=days)


def _build(url: str) -> None:
    """Four children, three meetings, six decisions, six follow-ups (see the test for what they mean)."""
    db = open_db(url, "tester")
    with db.write() as s:
        kids = {}
        for key, step, worker, age in (("A", 5, "Mette", 400), ("B", 3, "Mette", 400), ("C", 1, "Ole", 100),
                                       ("D", 4, "Ole", 50)):
            child = Child(name=f"Barn {key}", initials=key, birth_date=dt.date(2015, 1, 1))
            s.add(child)
            s.flush()
            case = Case(ref=f"S-{key}", child_id=child.id, profile_key="socialstyrelsen", profile_version="2026.1",
                        caseworker=worker, current_step=step, created_at=_at(age))
            s.add(case)
            s.flush()
            kids[key] = case.id
        meets = {}
        for key, days in (("M1", 200), ("M2", 100), ("M3", 20)):
            m = Meeting(ref=f"VM-{key}", date=_ago(days), chair="Hanne")
            s.add(m)
            s.flush()
            meets[key] = m.id
        for n, (meeting, case, started) in enumerate((("M1", "A", _at(200, 9, 0)), ("M1", "B", _at(200, 9, 30)),
                                                      ("M2", "B", None), ("M2", "C", None),
                                                      ("M3", "D", None), ("M3", "A", None))):
            s.add(DocketItem(meeting_id=meets[meeting], case_id=kids[case], position=n, minutes=20, started_at=started))
        decisions = {}
        for key, case, meeting, days, minute, outcome, before, step, alts in (
                ("d1", "A", "M1", 200, 30, "approved", 3, 5, [3, 4]), ("d2", "B", "M1", 200, 40, "approved", 2, 3, []),
                ("d3", "B", "M2", 100, 0, "postponed", 3, 3, []), ("d4", "C", "M2", 100, 10, "approved", 2, 1, []),
                ("d5", "D", "M3", 20, 0, "approved", 3, 4, [3]), ("d6", "A", "M3", 20, 10, "approved", 5, 5, [])):
            d = Decision(case_id=kids[case], meeting_id=meets[meeting], outcome=outcome, step_before=before, step=step,
                         law_version="test", profile_key="socialstyrelsen", profile_version="2026.1",
                         start=_ago(days), consent="yes", created_by="tester", created_at=_at(days, 9, minute),
                         alternatives=[{"step": a, "intervention": "x", "verdict": "rejected", "reason": "r"}
                                       for a in alts])
            s.add(d)
            s.flush()
            decisions[key] = d.id
        for case, due, done, moot in (("A", 150, 151, False), ("A", 50, 40, False), ("B", 10, None, False),
                                      ("B", -10, None, False), ("D", 5, None, False), ("C", 60, None, True)):
            s.add(Followup(decision_id=decisions["d1"], case_id=kids[case], due=_ago(due), kind="k", label="l",
                           legal=[], done_on=_ago(done) if done is not None else None,
                           superseded_by_id=decisions["d4"] if moot else None))
    db.engine.dispose()


def test_stats_json_matches_the_figures_worked_out_by_hand(db_url: str) -> None:
    _build(db_url)
    result = CliRunner().invoke(app, ["--db", db_url, "stats", "--json"])
    assert result.exit_code == 0, result.output
    k = json.loads(result.stdout)
    assert k["cases_open"] == 4
    assert k["children_per_step"] == {"1": 1, "3": 1, "4": 1, "5": 1}
    assert k["placements_by_type"] == {"network": 50.0, "foster": 50.0, "institution": 0.0}
    assert k["placement_days_mean"] == 110.0 and k["placement_days_median"] == 110.0  # A 200 days, D 20 days
    assert k["decisions_by_outcome"] == {"approved": 5, "postponed": 1}
    assert (k["moves_down"], k["moves_up"]) == (1, 3)  # C 2→1; A 3→5, B 2→3, D 3→4
    assert k["followups_due"] == 5  # the moot one does not count
    assert k["followups_on_time_pct"] == 25.0  # closed: A150 on time, A50 late, B10 and D5 overdue
    assert (k["followups_overdue_now"], k["children_with_overdue"]) == (2, 2)
    assert k["caseload"] == {"Mette": 2, "Ole": 2} and k["caseload_reference"] == 25
    assert (k["meetings"], k["cases_per_meeting"]) == (3, 2.0)
    assert (k["minutes_per_case"], k["time_box_per_case"], k["over_time_box_pct"]) == (20.0, 20.0, 50.0)
    assert k["lowest_step_pct"] == 60.0  # d2, d4, d6 of the five placing decisions
    assert k["back_within_6m_pct"] == 40.0  # A (M1→M3, 180 days) and B (M1→M2) of five
    month = lambda days: _ago(days).strftime("%Y-%m")  # noqa: E731
    assert k["moves_by_month"][month(20)] == {"down": 0, "up": 1}
    assert k["children_per_step_by_month"][month(0)] == {"1": 1, "3": 1, "4": 1, "5": 1}


def test_a_period_bounds_decisions_followups_and_meetings(db_url: str) -> None:
    _build(db_url)
    since = _ago(150).isoformat()
    k = json.loads(CliRunner().invoke(app, ["--db", db_url, "stats", "--json", "--from", since]).stdout)
    assert k["decisions_by_outcome"] == {"approved": 3, "postponed": 1}  # d3-d6
    assert (k["moves_down"], k["moves_up"]) == (1, 1)
    assert k["meetings"] == 2 and k["followups_due"] == 5  # follow-ups due from 150 days ago on: all five
