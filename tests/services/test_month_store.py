"""Kept months of the key figures: read back only while nothing has changed them, equal to a full replay.

A finished month is kept once counted and the running month is replayed from the cases opened or moved
in it; any change that alters a finished month (a correction, a case closed, a backdated row, a step
changed on a case that never moved, whichever program makes it) must make the kept months stale. The
property test drives random histories, with such changes made straight in SQL, and after each step
compares the figure read through the kept months with a replay of every month from the rows.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlmodel import select

from visitation.services import backup, demo
from visitation.services.db import Db, open_db
from visitation.services.stats import _months, key_figures
from visitation.services.stats_months import kept_steps_by_month, steps_by_month
from visitation.services.verify import verify
from visitation.store import month_store
from visitation.store.models import Case, Child, Decision, utcnow

NOW = utcnow()
TODAY = NOW.date()


def _months_ago(n: int, day: int = 10) -> dt.datetime:
    """09:00 on the 10th of the month `n` months before this one, or now if that is still to come."""
    year, month = divmod(TODAY.year * 12 + TODAY.month - 1 - n, 12)
    moment = dt.datetime(year, month + 1, min(day, 28), 9, tzinfo=dt.UTC)
    return min(moment, utcnow())


def _case(db: Db, ref: str, step: int, at: dt.datetime, status: str = "open") -> int:
    with db.write() as s:
        child = Child(name=f"Barn {ref}", initials="BB", birth_date=dt.date(2015, 1, 1))
        s.add(child)
        s.flush()
        case = Case(ref=ref, child_id=child.id, profile_key="socialstyrelsen",  # type: ignore[arg-type]
                    profile_version="2026.1", caseworker="Mette", current_step=step, created_at=at, status=status)
        s.add(case)
        s.flush()
        return case.id  # type: ignore[return-value]


def _decide(db: Db, case_id: int, outcome: str, step: int, at: dt.datetime, supersedes: int | None = None,
            before: int | None = None) -> int:
    """A decision as `decisions.decide` writes it: the row first, then the case follows it."""
    with db.write() as s:
        case = s.get(Case, case_id)
        assert case is not None
        replaced = s.get(Decision, supersedes) if supersedes else None
        step_before = before if before is not None else replaced.step_before if replaced else case.current_step
        d = Decision(case_id=case_id, outcome=outcome, step_before=step_before, step=step, law_version="test",
                     profile_key="socialstyrelsen", profile_version="2026.1", consent="yes", created_by="tester",
                     created_at=at, supersedes_id=supersedes)
        s.add(d)
        s.flush()
        case.current_step = step if outcome in ("approved", "changed") else step_before
        s.add(case)
        return d.id  # type: ignore[return-value]


def _figures(db: Db, months: list[dt.date]) -> tuple[dict[str, dict[int, int]], dict[str, dict[int, int]], bool]:
    """The months through the kept ones (then kept), a full replay, and whether every finished one was kept."""
    with db.read() as s:
        kept, finished = kept_steps_by_month(s, months, utcnow())
        replayed = steps_by_month(s, months)
    month_store.keep(db.engine, finished)
    return kept, replayed, not finished.months


def _generation(db: Db) -> int:
    with db.engine.connect() as conn:
        return month_store.generation(conn)


MONTHS = _months(None, None, TODAY)


def test_finished_months_are_kept_and_read_back_equal_to_a_replay(db: Db) -> None:
    old = _case(db, "A", 3, _months_ago(5))
    _decide(db, old, "approved", 4, _months_ago(3))
    _case(db, "B", 2, _months_ago(2))
    first, replayed, all_kept = _figures(db, MONTHS)
    assert first == replayed and not all_kept
    assert not [f for f in verify(db).findings if f.table == month_store.TABLE]
    with db.engine.connect() as conn:
        assert set(month_store.kept(conn).months) == {m.strftime("%Y-%m") for m in MONTHS[:-1]} or TODAY.day == 1
    _case(db, "C", 5, utcnow())
    _decide(db, old, "approved", 5, utcnow())
    second, replayed, all_kept = _figures(db, MONTHS)
    assert second == replayed
    assert all_kept or TODAY.day == 1, "a case opened and one moved this month left the finished months standing"
    assert second[MONTHS[-1].strftime("%Y-%m")] == {2: 1, 5: 2}


def test_a_correction_of_an_earlier_month_makes_the_kept_months_stale(db: Db) -> None:
    case = _case(db, "A", 3, _months_ago(6))
    moved = _decide(db, case, "approved", 5, _months_ago(4))
    _figures(db, MONTHS)
    before = _generation(db)
    _decide(db, case, "rejected", 3, utcnow(), supersedes=moved)
    assert _generation(db) > before
    kept, replayed, all_kept = _figures(db, MONTHS)
    assert kept == replayed and not all_kept
    assert kept[MONTHS[-2].strftime("%Y-%m")] == {3: 1}


@pytest.mark.parametrize("change", [
    "UPDATE \"case\" SET status = 'closed'",
    "UPDATE \"case\" SET current_step = 6",
    "UPDATE decision SET step = 1",
    "DELETE FROM decision WHERE supersedes_id IS NULL AND id > (SELECT min(id) FROM decision)",
])
def test_a_change_made_outside_visitation_makes_them_stale(db: Db, change: str) -> None:
    unmoved = _case(db, "A", 3, _months_ago(6))
    moved = _case(db, "B", 2, _months_ago(6))
    _decide(db, moved, "approved", 4, _months_ago(5))
    _decide(db, moved, "approved", 5, _months_ago(3))
    assert unmoved
    _figures(db, MONTHS)
    before = _generation(db)
    with db.engine.begin() as conn:
        conn.execute(text(change))
    assert _generation(db) > before
    kept, replayed, _ = _figures(db, MONTHS)
    assert kept == replayed


def test_the_running_months_work_leaves_them_standing(db: Db) -> None:
    """What happens every week (a case opened, a first and a later decision, one corrected the same day)
    does not touch a finished month, so it must not cost their recount."""
    unmoved = _case(db, "A", 3, _months_ago(6))
    moved = _case(db, "B", 2, _months_ago(6))
    _decide(db, moved, "approved", 4, _months_ago(3))
    _figures(db, MONTHS)
    before = _generation(db)
    new = _case(db, "C", 1, utcnow())
    _decide(db, new, "approved", 2, utcnow())
    first = _decide(db, unmoved, "approved", 4, utcnow())
    _decide(db, unmoved, "changed", 5, utcnow(), supersedes=first)
    _decide(db, moved, "postponed", 4, utcnow())
    assert _generation(db) == before
    kept, replayed, all_kept = _figures(db, MONTHS)
    assert kept == replayed and (all_kept or TODAY.day == 1)


def test_a_first_move_that_does_not_start_where_the_case_stood_makes_them_stale(db: Db) -> None:
    case = _case(db, "A", 3, _months_ago(6))
    _figures(db, MONTHS)
    before = _generation(db)
    _decide(db, case, "approved", 4, utcnow(), before=1)
    assert _generation(db) > before
    kept, replayed, _ = _figures(db, MONTHS)
    assert kept == replayed and kept[MONTHS[-2].strftime("%Y-%m")] == {1: 1}


def test_months_counted_before_a_change_are_not_kept_after_it(db: Db) -> None:
    case = _case(db, "A", 3, _months_ago(6))
    with db.read() as s:
        _, finished = kept_steps_by_month(s, MONTHS, utcnow())
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE \"case\" SET status = 'closed' WHERE id = :c"), {"c": case})
    assert not month_store.keep(db.engine, finished)
    with db.engine.connect() as conn:
        assert month_store.kept(conn).months == {}


def test_a_busy_database_leaves_the_months_uncounted_within_a_second(tmp_path: Path) -> None:
    db = open_db(f"sqlite:///{tmp_path / 'busy.db'}", "tester")
    _case(db, "A", 3, _months_ago(6))
    with db.read() as s:
        _, finished = kept_steps_by_month(s, MONTHS, utcnow())
    held, release = threading.Event(), threading.Event()

    def writer() -> None:
        with db.write():
            held.set()
            release.wait(10)

    thread = threading.Thread(target=writer)
    thread.start()
    held.wait(5)
    started = time.monotonic()
    try:
        assert not month_store.keep(db.engine, finished)
        waited = time.monotonic() - started
    finally:
        release.set()
        thread.join()
    assert waited < month_store.STORE_WAIT_S + 2
    assert month_store.keep(db.engine, finished)
    db.engine.dispose()


def test_a_restore_recounts_the_months_of_the_restored_rows(db: Db, fresh: Db, tmp_path: Path) -> None:
    demo.load(fresh)
    _case(fresh, "A", 6, _months_ago(6))
    expected, _, _ = _figures(fresh, MONTHS)
    demo.load(db)
    _case(db, "Z", 1, _months_ago(6))
    _figures(db, MONTHS)
    target = tmp_path / "kopi.db"
    backup.backup(fresh, target)
    try:
        backup.restore(db, target, force=True)
    except Exception as exc:
        raise AssertionError(getattr(exc, "findings", exc)) from exc
    kept, replayed, all_kept = _figures(db, MONTHS)
    assert kept == replayed == expected and not all_kept


def test_key_figures_read_the_kept_months(db: Db) -> None:
    _case(db, "A", 3, _months_ago(6))
    first = key_figures(db, today=TODAY)
    with db.engine.connect() as conn:
        assert month_store.kept(conn).months or TODAY.day == 1
        conn.execute(text(f"UPDATE {month_store.TABLE} SET steps = '{{\"2\": 7}}'"))
        conn.commit()
    second = key_figures(db, today=TODAY)
    if TODAY.day > 1:
        assert second.children_per_step_by_month[MONTHS[-2].strftime("%Y-%m")] == {2: 7}, "not read back"
        found = [str(f) for f in verify(db).findings if f.table == month_store.TABLE]
        assert len(found) == len(MONTHS) - 1 and all("afviger fra en genberegning" in f for f in found), found
    assert first.children_per_step_by_month[MONTHS[-2].strftime("%Y-%m")] == {3: 1}


# Random histories: every kind of change, through the services' order and straight in SQL.
_ops = st.one_of(
    st.tuples(st.just("case"), st.integers(0, 14), st.integers(1, 6), st.sampled_from(["open", "open", "closed"])),
    st.tuples(st.just("move"), st.integers(0, 30), st.integers(0, 14), st.sampled_from(
        ["approved", "changed", "postponed", "rejected"]), st.integers(1, 6)),
    st.tuples(st.just("correct"), st.integers(0, 30), st.sampled_from(["approved", "rejected"]), st.integers(1, 6)),
    st.tuples(st.just("sql"), st.integers(0, 30), st.sampled_from(
        ["UPDATE \"case\" SET status = CASE status WHEN 'open' THEN 'closed' ELSE 'open' END WHERE id = :n",
         "UPDATE \"case\" SET current_step = 1 + (current_step % 6) WHERE id = :n",
         "UPDATE decision SET step_before = 1 + (step_before % 6) WHERE id = :n"])),
    st.just(("stats",)),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(_ops, min_size=3, max_size=25))
def test_any_history_reads_the_same_through_the_kept_months(db: Db, ops: list[tuple]) -> None:  # type: ignore[type-arg]
    """Each example adds its history to the same database (so later ones start from a busy one)."""
    cases: list[int] = []
    decisions: list[int] = []
    for op in ops:
        _apply(db, op, cases, decisions)
        kept, replayed, _ = _figures(db, MONTHS)
        assert kept == replayed, op


def _apply(db: Db, op: tuple, cases: list[int], decisions: list[int]) -> None:  # type: ignore[type-arg]
    kind = op[0]
    if kind == "case":
        cases.append(_case(db, f"S{uuid.uuid4().hex[:10]}", op[2], _months_ago(op[1]), op[3]))
    elif kind == "move" and cases:
        decisions.append(_decide(db, cases[op[1] % len(cases)], op[3], op[4], _months_ago(op[2])))
    elif kind == "correct" and decisions:
        replaced = decisions[op[1] % len(decisions)]
        with db.read() as s:
            row = s.exec(select(Decision).where(Decision.id == replaced)).one()
            taken = s.exec(select(Decision.id).where(Decision.supersedes_id == replaced)).first()
        if taken is None:
            decisions.append(_decide(db, row.case_id, op[2], op[3], utcnow(), supersedes=replaced))
    elif kind == "sql" and cases:
        with db.engine.begin() as conn:
            conn.execute(text(op[2]), {"n": (cases + decisions)[op[1] % (len(cases) + len(decisions))]})
