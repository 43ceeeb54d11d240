"""Generated: for any case decided as proposed and any sequence of follow-ups done — early or late, with or
without a cadence agreed (`--next`) — a running measure always has a follow-up pending, until a decision
ends it (BL § 95: follow-up is continuous; § 156, stk. 5: supervision for as long as a placement lasts)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import hypothesis.strategies as st
from hypothesis import HealthCheck, given, settings

from tests.reliability.demo_copies import demo_copy
from tests.services.test_demo_decidable import ON_DOCKET, _case, as_decided
from visitation.services import decisions, followups
from visitation.services.db import Db, open_db

RUNNING = [(m, r) for m, _, r in ON_DOCKET
           if _case(r)["parents_view"]["consent"] == "yes" and _case(r)["proposal"]["step"] >= 2]
"""The demo's cases a meeting puts a measure in place for: step 2 and up (step 1 is the universal services'
own help, no measure of Barnets Lov; cases without consent are referred)."""
def _fresh() -> tuple[Db, Path]:
    url, folder = demo_copy()
    return open_db(url, "tester"), folder


STEPS = st.lists(st.tuples(st.integers(0, 20), st.sampled_from([None, None, "2w", "6w", "3m"]),
                           st.integers(-30, 60)), min_size=1, max_size=8)
"""Each follow-up done: which of the pending ones, the cadence agreed (or none), days early (-) or late."""


@settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(case=st.sampled_from(RUNNING), steps=STEPS)
def test_a_running_measure_always_has_a_followup_pending(case: tuple[str, str], steps) -> None:  # type: ignore[no-untyped-def]
    meeting, ref = case
    db, folder = _fresh()
    try:
        decisions.record(db, ref, meeting, as_decided(db, meeting, ref))
        for which, cadence, late in steps:
            due = [f for f in followups.pending(db) if f.case_ref == ref]
            assert due, f"{ref}: the measure runs, but no follow-up is pending"
            chosen = due[which % len(due)]
            followups.done(db, chosen.id, "Fulgt op", next_in=cadence,
                           today=max(chosen.due + dt.timedelta(days=late), dt.date(2027, 1, 4)))
        assert [f for f in followups.pending(db) if f.case_ref == ref], f"{ref}: ran dry after {steps}"
    finally:
        db.engine.dispose()
        shutil.rmtree(folder, ignore_errors=True)
