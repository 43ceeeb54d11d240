"""A stateful property test over the CLI and the services: whatever the order of deciding, correcting,
postponing and following up, no decision in force is replaced without naming it, and every child's step is
the step its decision in force leaves it on.
"""

from __future__ import annotations

import datetime as dt
import shutil

import hypothesis.strategies as st
from hypothesis import HealthCheck, settings
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from sqlmodel import col, select
from typer.testing import CliRunner

from tests.reliability.demo_copies import demo_copy
from tests.services.helpers import placement
from visitation.cli.main import app
from visitation.domain.decision import DecisionDraft, Outcome, resulting_step
from visitation.errors import DecisionExists, InvalidInput
from visitation.services import decisions, followups, meetings
from visitation.services.db import Db, open_db
from visitation.store.models import Case, Decision

MEETING = "VM-2026-11-24"
OUTCOMES = ("approved", "postponed", "rejected", "postponed")
class Decisions(RuleBasedStateMachine):
    """The model: which decision is in force for each case at the meeting, as the writers were told."""

    def __init__(self) -> None:
        super().__init__()
        self.url, self.folder = demo_copy()
        self.db: Db = open_db(self.url, "tester")
        self.cases = [d.case_ref for d in meetings.show(self.db, MEETING).docket]
        self.in_force: dict[str, int | None] = dict.fromkeys(self.cases)
        self.seen: dict[str, list[int]] = {ref: [] for ref in self.cases}
        self.runner = CliRunner()

    def teardown(self) -> None:
        self.db.engine.dispose()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _draft(self, outcome: str, case: str) -> DecisionDraft:
        with self.db.read() as session:
            step = session.exec(select(Case.current_step).where(Case.ref == case)).one()
        if outcome == "approved":
            return placement()
        return DecisionDraft(outcome=Outcome(outcome), step=step, rationale="Af hensyn til processen")

    def _supersedes(self, case: str, which: str) -> int | None:
        if which == "current":
            return self.in_force[case]
        if which == "stale":
            return self.seen[case][0] if self.seen[case] else 1
        return None

    def _expect(self, case: str, supersedes: int | None, recorded: int | None, refused: bool) -> None:
        """A write goes through exactly when it names the decision in force (or none when there is none)."""
        assert refused == (supersedes != self.in_force[case]), (case, supersedes, self.in_force[case])
        if recorded is not None:
            self.in_force[case] = recorded
            self.seen[case].append(recorded)

    @rule(case=st.integers(0, 5), outcome=st.sampled_from(OUTCOMES),
          which=st.sampled_from(["none", "current", "stale"]))
    def decide_through_the_service(self, case: int, outcome: str, which: str) -> None:
        ref = self.cases[case % len(self.cases)]
        draft, supersedes = self._draft(outcome, ref), self._supersedes(ref, which)
        try:
            done = decisions.record(self.db, ref, MEETING, draft, supersedes)
        except DecisionExists:
            self._expect(ref, supersedes, None, True)
            return
        except InvalidInput:  # a rule of §3 for this case's profile: nothing written, nothing to model
            return
        self._expect(ref, supersedes, done.id, False)

    @rule(case=st.integers(0, 5), which=st.sampled_from(["none", "current", "stale"]))
    def postpone_through_the_cli(self, case: int, which: str) -> None:
        ref = self.cases[case % len(self.cases)]
        supersedes = self._supersedes(ref, which)
        with self.db.read() as session:
            step = session.exec(select(Case.current_step).where(Case.ref == ref)).one()
        args = ["--db", self.url, "decide", ref, "--meeting", MEETING, "--outcome", "postponed", "--step",
                str(step), "--rationale", "Udsat"] + (["--supersedes", str(supersedes)] if supersedes else [])
        result = self.runner.invoke(app, args)
        assert result.exit_code in (0, 2), result.output
        self._expect(ref, supersedes, int(result.stdout.strip()) if result.exit_code == 0 else None,
                     result.exit_code == 2)

    @precondition(lambda self: any(self.in_force.values()))
    @rule(data=st.data(), propose=st.sampled_from([None, 2, 3, 6]))
    def a_followup_proposes_but_never_moves(self, data: st.DataObject, propose: int | None) -> None:
        due = followups.pending(self.db)
        if not due:
            return
        item = data.draw(st.sampled_from(due))
        steps_before, count_before = self._steps(), self._decision_count()
        try:
            followups.done(self.db, item.id, "Fulgt op", next_in="6w", propose_step=propose,
                           today=dt.date(2027, 1, 15))
        except InvalidInput:
            pass
        assert self._steps() == steps_before and self._decision_count() == count_before

    def _steps(self) -> dict[str, int]:
        with self.db.read() as session:
            return dict(session.exec(select(Case.ref, Case.current_step)).all())  # type: ignore[arg-type]

    def _decision_count(self) -> int:
        with self.db.read() as session:
            return len(session.exec(select(Decision.id)).all())

    @invariant()
    def one_decision_in_force_and_the_step_follows_it(self) -> None:
        with self.db.read() as session:
            rows = session.exec(select(Decision).order_by(col(Decision.id))).all()
            steps = dict(session.exec(select(Case.id, Case.current_step)).all())
        replaced = {d.supersedes_id for d in rows if d.supersedes_id}
        in_force = [d for d in rows if d.id not in replaced]
        assert len({(d.case_id, d.meeting_id) for d in in_force}) == len(in_force)
        for d in in_force:
            assert steps[d.case_id] == resulting_step(d.outcome, d.step, d.step_before), d.id


Decisions.TestCase.settings = settings(max_examples=25, stateful_step_count=12, deadline=None, derandomize=True,
                                       suppress_health_check=[HealthCheck.too_slow])
test_decisions_hold = Decisions.TestCase
