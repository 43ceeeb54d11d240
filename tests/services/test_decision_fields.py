"""The decision's fields are declared once (domain.decision.SPECS); the row, the view, the CLI and the form
follow that declaration, so a new field cannot be kept in one place and lost in another."""

from __future__ import annotations

import dataclasses

from visitation.domain.decision import ASKED_FIELDS, FORM_FIELDS, SPECS, STORED_FIELDS
from visitation.services.views import DecisionRow
from visitation.store.models import Decision


def test_every_stored_field_is_a_column_and_in_the_row_view() -> None:
    columns = set(Decision.__table__.columns.keys())  # type: ignore[attr-defined]
    view = {f.name for f in dataclasses.fields(DecisionRow)}
    assert set(STORED_FIELDS) <= columns and set(STORED_FIELDS) <= view


def test_decide_has_one_option_per_declared_field() -> None:
    import inspect

    import visitation.cli.main  # noqa: F401  (registering decide gives it the declared options)
    from visitation.cli.declared import option_name
    from visitation.cli.records import decide

    names = set(inspect.signature(decide).parameters)
    assert set(ASKED_FIELDS) <= names and "facts" not in names  # the case's facts are never an option
    assert option_name("goals") == "--goal" and option_name("child_view_how") == "--child-view-how"


def test_the_form_shows_every_declared_field_but_the_alternatives_and_the_case_facts() -> None:
    from screens.steps.decision_form import LABELS, ORDER

    assert tuple(ORDER) == FORM_FIELDS and set(SPECS) - set(FORM_FIELDS) == {"alternatives", "facts", "safety_plan"}
    assert all(LABELS[name] == SPECS[name].label for name in ORDER)
