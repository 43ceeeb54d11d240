"""`stats --json` on a database whose true figures are worked out by hand below (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import json

from typer.testing import CliRunner

from visitation.cli.main import app
from visitation.services.db import open_db
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
    assert k["prevention_levels"] == {"primary": 0, "secondary": 0, "tertiary": 0, "unset": 4}  # none classified
    assert (k["position_by_wellbeing_unset"], k["target_group"]) == (4, 0)
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


LAW_95, LAW_156 = "BL § 95 (tidl. SEL § 70, stk. 1)", "BL § 156, stk. 5 (tidl. SEL § 148)"
OWN_96 = "BL § 96 (tidl. SEL § 69)"
"""A paragraph only a profile's own follow-ups cite (Kerteminde's), not the law's minimum."""


def _build_outcomes(url: str) -> None:
    """Four children E-H: placements of each type, goals with scores, follow-ups the law requires or not,
    and the decisions that came after them (see the test for what they mean)."""
    db = open_db(url, "tester")
    with db.write() as s:
        kids = {}
        for key, step in (("E", 2), ("F", 4), ("G", 3), ("H", 2)):
            child = Child(name=f"Barn {key}", initials=key, birth_date=dt.date(2015, 1, 1))
            s.add(child)
            s.flush()
            case = Case(ref=f"S-{key}", child_id=child.id, profile_key="socialstyrelsen", profile_version="2026.1",
                        caseworker="Mette", current_step=step, created_at=_at(400))
            s.add(case)
            s.flush()
            kids[key] = case.id
        decisions: dict[str, int] = {}
        for key, case, days, hour, outcome, before, step, start, supersedes in (
                ("e1", "E", 300, 9, "approved", 3, 5, 300, None), ("e2", "E", 200, 9, "approved", 5, 6, 195, None),
                ("e3", "E", 100, 9, "changed", 6, 2, 95, None),
                ("f0", "F", 60, 9, "approved", 2, 6, None, None), ("f1", "F", 60, 10, "approved", 2, 4, None, "f0"),
                ("g0", "G", 150, 9, "approved", 2, 3, 150, None), ("g1", "G", 40, 9, "postponed", 3, 3, None, None),
                ("g2", "G", 20, 9, "approved", 3, 3, 20, None),
                ("h0", "H", 200, 9, "approved", 2, 3, 200, None), ("h1", "H", 80, 14, "approved", 3, 2, 80, None)):
            d = Decision(case_id=kids[case], outcome=outcome, step_before=before, step=step, law_version="test",
                         profile_key="socialstyrelsen", profile_version="2026.1", consent="yes", created_by="tester",
                         start=_ago(start) if start is not None else None, created_at=_at(days, hour),
                         supersedes_id=decisions[supersedes] if supersedes else None)
            s.add(d)
            s.flush()
            decisions[key] = d.id
        for decision, case, due, done, legal in (
                ("e1", "E", 205, 210, [LAW_95]), ("e2", "E", 100, 110, [OWN_96]), ("f0", "F", 50, 55, [LAW_95]),
                ("f1", "F", -20, None, [OWN_96, LAW_95]), ("g0", "G", 45, 50, []), ("h0", "H", 70, 80, [LAW_156]),
                ("h1", "H", 30, None, ["BL § 20"]), ("h0", "H", 120, 100, [LAW_95]),
                ("g0", "G", 44, 50, LAW_95), ("g0", "G", 43, 50, [{"ref": LAW_95}, 95])):  # not lists of texts
            s.add(Followup(decision_id=decisions[decision], case_id=kids[case], due=_ago(due), kind="k", label="l",
                           legal=legal, done_on=_ago(done) if done is not None else None))
        for status, closed, scores in (("reached", 100, []), ("reached", 120, []), ("dropped", 10, []),
                                       ("open", None, [(3, 100), (5, 50)]), ("open", None, [(6, 40), (4, 40)]),
                                       ("open", None, [(8, 30)]), ("open", None, [(2, 30), (7, 60)])):
            goal = Goal(case_id=kids["E"], text="mål", status=status, created_by="tester",
                        closed_on=_ago(closed) if closed is not None else None)
            s.add(goal)
            s.flush()
            for score, days in scores:
                s.add(GoalScore(goal_id=goal.id, score=score, scored_on=_ago(days), scored_by="tester"))
    db.engine.dispose()


def _stats(url: str, *period: str) -> dict[str, object]:
    result = CliRunner().invoke(app, ["--db", url, "stats", "--json", *period])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_the_figures_of_follow_up_goals_and_placement_types_worked_out_by_hand(db_url: str) -> None:
    _build_outcomes(db_url)
    k = _stats(db_url)
    # Stays: E foster 300→195 days ago (start dates), institution 195→95; F network from 60 days ago (the
    # correction f0 to step 6 does not count). Placements: E 300→95 (205 days), F 60 days.
    assert (k["placement_days_mean"], k["placement_days_median"]) == (132.5, 132.5)
    assert k["placement_days_by_type"] == {"network": {"mean": 60.0, "median": 60.0, "count": 1},
                                           "foster": {"mean": 105.0, "median": 105.0, "count": 1},
                                           "institution": {"mean": 100.0, "median": 100.0, "count": 1}}
    # The law's: E 205 (on time), F -20 (not due yet), H 70 (on time), H 30 (bare "BL § 20", overdue), H 120
    # (late); not BL § 96 alone, not the follow-up of the corrected f0, not a legal basis that is no list of texts.
    assert k["followups_due"] == 9 and k["followups_legal_due"] == 5
    assert k["followups_legal_on_time_pct"] == 50.0
    # Closed goals: two reached, one dropped. Open goals scored twice: 3→5 rises; 6→4 (same day, the later
    # one last) and 7→2 (by date, not by entry) fall.
    assert (k["goals_closed"], k["goals_reached_pct"], k["goals_rising_pct"]) == (3, 66.7, 33.3)
    # Followed up: E (its follow-up 110 days ago is followed by 6→2), G (next placing decision 3→3; the
    # postponement is skipped), H (100 days ago, then 3→2); F's only one is the corrected decision's.
    assert (k["children_followed_up"], k["moved_down_after_followup_pct"]) == (3, 66.7)
    text = CliRunner().invoke(app, ["--db", db_url, "stats"]).stdout
    for line in ("efter type (dage, gennemsnit/median, antal ophold): netværk 60/60 (1), plejefamilie "
                 "105/105 (1), institution 100/100 (1)",  # whole numbers without a decimal (domain/format.number)
                 "heraf lovpligtige: 5 med frist i perioden; til tiden: 50 %",
                 "børn med en udført opfølgning: 3; flyttet ned ved den næste beslutning: 66,7 %",
                 "Mål og delmål: 3 lukket i perioden, nået: 66,7 %; åbne i fremgang: 33,3 %"):
        assert line in text


def test_a_period_bounds_the_follow_ups_done_and_the_goals_closed(db_url: str) -> None:
    _build_outcomes(db_url)
    recent = _stats(db_url, "--from", _ago(90).isoformat())
    # G (50 days ago) and H (80 days ago, the move down later that same day)
    assert (recent["children_followed_up"], recent["moved_down_after_followup_pct"]) == (2, 50.0)
    assert (recent["goals_closed"], recent["goals_reached_pct"]) == (1, 0.0)
    assert (recent["followups_legal_due"], recent["followups_legal_on_time_pct"]) == (3, 50.0)
    early = _stats(db_url, "--to", _ago(150).isoformat())
    assert (early["children_followed_up"], early["moved_down_after_followup_pct"]) == (1, 0.0)  # E: then 5→6
    assert (early["goals_closed"], early["goals_reached_pct"]) == (0, None)
    assert (early["followups_legal_due"], early["followups_legal_on_time_pct"]) == (1, 100.0)
    assert early["placement_days_by_type"] == recent["placement_days_by_type"]  # lengths are not bounded


def _build_prevention(url: str) -> None:
    """Socialstyrelsen's cases with their level and position × trivsel set by hand, and cases that must not count:
    a closed one, one of a profile without the triangle (Odder), one made under a stored socialstyrelsen version
    whose methods leave the triangle out."""
    from visitation.domain.profiles import load_profile
    from visitation.store.models import StoredProfile

    db = open_db(url, "tester")
    text = load_profile("socialstyrelsen").text
    assert "prevention_triangle = true" in text and 'version = "2026.2"' in text
    with db.write() as s:
        s.add(StoredProfile(key="socialstyrelsen", version="2025.9", text=text.replace(
            "prevention_triangle = true", "prevention_triangle = false").replace('version = "2026.2"',
                                                                              'version = "2025.9"')))
        for key, profile, version, status, level, position, wellbeing in (
                ("P1", "socialstyrelsen", "2026.2", "open", "primary", "not-exposed", "thriving"),
                ("P2", "socialstyrelsen", "2026.2", "open", "secondary", "at-risk", "not-thriving"),
                ("P3", "socialstyrelsen", "2026.1", "open", "secondary", "at-risk", "thriving"),
                ("P4", "socialstyrelsen", "2026.2", "open", "tertiary", "exposed", "not-thriving"),
                ("P5", "socialstyrelsen", "2026.2", "open", "", "", ""),
                ("P6", "socialstyrelsen", "2026.2", "open", "tertiary", "exposed", ""),
                ("P7", "socialstyrelsen", "2026.2", "closed", "primary", "exposed", "not-thriving"),
                ("O1", "odder", "2026.2", "open", "tertiary", "exposed", "not-thriving"),
                ("V1", "socialstyrelsen", "2025.9", "open", "tertiary", "exposed", "not-thriving")):
            child = Child(name=f"Barn {key}", initials=key, birth_date=dt.date(2015, 1, 1))
            s.add(child)
            s.flush()
            s.add(Case(ref=f"S-{key}", child_id=child.id, profile_key=profile, profile_version=version,
                       caseworker="Mette", current_step=2, status=status, prevention=level, position=position,
                       wellbeing=wellbeing, created_at=_at(30)))
    db.engine.dispose()


def test_the_prevention_triangle_and_the_target_group_worked_out_by_hand(db_url: str) -> None:
    _build_prevention(db_url)
    k = _stats(db_url)
    # P1-P6: the open cases of socialstyrelsen versions with the triangle (2026.1 is not stored: the built-in
    # profile). Not P7 (closed), O1 (Odder), V1 (a stored version without the triangle).
    assert k["prevention_profiles"] == ["socialstyrelsen"]
    assert k["prevention_levels"] == {"primary": 1, "secondary": 2, "tertiary": 2, "unset": 1}
    assert k["position_by_wellbeing"] == [
        {"position": "not-exposed", "wellbeing": "thriving", "count": 1, "in_target_group": False},
        {"position": "not-exposed", "wellbeing": "not-thriving", "count": 0, "in_target_group": True},
        {"position": "at-risk", "wellbeing": "thriving", "count": 1, "in_target_group": True},
        {"position": "at-risk", "wellbeing": "not-thriving", "count": 1, "in_target_group": True},
        {"position": "exposed", "wellbeing": "thriving", "count": 0, "in_target_group": True},
        {"position": "exposed", "wellbeing": "not-thriving", "count": 1, "in_target_group": True}]
    assert (k["position_by_wellbeing_unset"], k["target_group"]) == (2, 3)  # P5, P6 unset; P2, P3, P4 the group
    text = CliRunner().invoke(app, ["--db", db_url, "stats"]).stdout
    for line in ("Forebyggelsestrekanten (socialstyrelsen; 6 åbne sager): primær 1, sekundær 2, tertiær 2, "
                 "uden niveau 1",
                 "Position × trivsel (skema 2): 3 i målgruppen (*), 2 uden position eller trivsel",
                 "                             Trivsel    Mistrivsel",
                 "  Ikke udsat position              1             0 *",
                 "  Potentielt udsat position        1 *           1 *",
                 "  Udsat position                   0 *           1 *"):
        assert line in text.splitlines()


def test_without_a_profile_that_uses_the_triangle_there_is_no_such_figure(db_url: str) -> None:
    db = open_db(db_url, "tester")
    with db.write() as s:
        child = Child(name="Barn O", initials="O", birth_date=dt.date(2015, 1, 1))
        s.add(child)
        s.flush()
        s.add(Case(ref="O-1", child_id=child.id, profile_key="odder", profile_version="2026.2", current_step=1,
                   prevention="primary", position="exposed", wellbeing="thriving"))
    db.engine.dispose()
    k = _stats(db_url)
    assert (k["prevention_profiles"], k["prevention_levels"], k["position_by_wellbeing"]) == ([], {}, [])
    assert (k["position_by_wellbeing_unset"], k["target_group"]) == (0, 0)
    assert "Forebyggelsestrekanten" not in CliRunner().invoke(app, ["--db", db_url, "stats"]).stdout
