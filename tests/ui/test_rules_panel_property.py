"""Property (issue 14): after any field edit on Beslutning, the rules panel shows the verdict of the form as it
is now – the output of the same function ctrl+s runs – and ctrl+s agrees with it (a confirmation exactly when
the panel says the rules are met)."""

from __future__ import annotations

import asyncio
import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.widgets import Input, Select, SelectionList, Static, TextArea

from screens.app import make_app
from screens.messages import RulesChecked
from screens.modals.confirm import ConfirmDialog
from screens.steps import decision_form as form
from screens.steps.decision_rules import panel_text, verdict
from screens.steps.decision_step import RULES_DEBOUNCE, DecisionStep
from tests.ui.helpers import go_to, settle
from visitation.services import cases, demo
from visitation.services.db import open_db

NOW = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC)
MEETING, DAY, CASE = "VM-2026-11-24", dt.date(2026, 11, 24), "2026-0109"
TEXTS = st.sampled_from(["", "ikke relevant", "Barnet trives"])
EDITS = st.one_of(
    st.tuples(st.sampled_from(["purpose", "duration", "rationale", "child_view", "child_view_how", "siblings",
                               "schooling", "foster_assessment", "ruler_reason", "goals"]), TEXTS),
    st.tuples(st.sampled_from(["start", "investigation_done", "investigation_since"]),
              st.sampled_from(["", "2026-11-01", "2026-13-40", "i går"])),
    st.tuples(st.just("return_period_months"), st.sampled_from(["", "3", "9", "tre"])),
    st.tuples(st.just("step"), st.integers(1, 6)),
    st.tuples(st.just("outcome"), st.sampled_from(["approved", "changed", "rejected", "postponed", "referred"])),
    st.tuples(st.just("consent"), st.sampled_from(["yes", "no", "partial", "unknown"])),
    st.tuples(st.just("acute"), st.booleans()),
    st.tuples(st.just("interventions"), st.lists(st.sampled_from(
        ["forstaerket-plejefamilie", "netvaerksplejefamilie", "konsulentbistand", "sikkerhedsplan"]), max_size=2,
        unique=True)),
    st.tuples(st.just("tab"), st.none()),
)


def edit(step: DecisionStep, name: str, value: Any) -> None:
    """Change one field's widget as typing or choosing would (its Changed message follows)."""
    widget = step.query_one(f"#{name}")
    if isinstance(widget, TextArea):
        widget.replace(value, (0, 0), widget.document.end)
    elif isinstance(widget, SelectionList):
        widget.deselect_all()
        for key in value:
            widget.select(key)
    elif isinstance(widget, (Input, Select)):
        widget.value = value


async def run(db_path: Path, edits: list[tuple[str, Any]]) -> None:
    db = open_db(f"sqlite:///{db_path}", "tester")
    demo.load(db)
    case = cases.show(db.for_meeting(MEETING), CASE)
    seen: list[Any] = []
    app = make_app(db, MEETING, clock=False, now=lambda: NOW)
    async with app.run_test(size=(160, 45), message_hook=seen.append) as pilot:
        await settle(pilot)
        await pilot.press("down", "down", "down", "enter")
        await settle(pilot)
        await go_to(pilot, "beslutning")
        step = app.screen.query_one(DecisionStep)
        for name, value in edits:
            if name == "tab":
                await pilot.press("tab")
            else:
                edit(step, name, value)
            await pilot.pause(RULES_DEBOUNCE * 2)  # the panel is checked once typing pauses (a timer, not a worker)
            await settle(pilot)
            values = {n: form.read(step.query_one(f"#{n}")) for n in form.ORDER}  # the form as it is now
            expected = verdict(db, case, values, DAY)
            panel = str(step.query_one("#decision-rules", Static).render())
            assert panel == panel_text(expected), (name, value)
            seen.clear()
            await pilot.press("ctrl+s")
            await settle(pilot)
            [said] = [m.verdict for m in seen if isinstance(m, RulesChecked)][-1:]
            assert said.problems == expected.problems                    # ctrl+s ran the same function on the same form
            assert isinstance(app.screen, ConfirmDialog) == expected.ok
            if isinstance(app.screen, ConfirmDialog):
                await pilot.press("escape")
                await settle(pilot)
            assert str(step.query_one("#decision-rules", Static).render()) == panel


@settings(max_examples=3, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(EDITS, min_size=2, max_size=6))
def test_rules_panel_equals_the_ctrl_s_verdict_after_every_edit(tmp_path: Path, edits: list[tuple[str, Any]]) -> None:
    asyncio.run(run(Path(tempfile.mkdtemp(dir=tmp_path)) / "ui.db", edits))
