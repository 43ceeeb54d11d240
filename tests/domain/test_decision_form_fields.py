"""The decision form's saved fields read as a draft: dates parsed, a bad date named, never silently dropped."""

from __future__ import annotations

import datetime as dt

import pytest

from visitation.domain.decision import FORM_FIELDS, draft_from_fields, field_problems


def test_both_dates_are_read() -> None:
    draft = draft_from_fields({"start": "2026-12-01", "investigation_since": " 2026-11-02 "}, current_step=2)
    assert (draft.start, draft.investigation_since) == (dt.date(2026, 12, 1), dt.date(2026, 11, 2))
    assert field_problems({"start": "2026-12-01", "investigation_since": "2026-11-02"}) == []


@pytest.mark.parametrize("bad", ["2026-13-02", "2. nov", "2026-02-30", "1899-12-31"])
def test_a_bad_investigation_date_is_named_not_dropped_silently(bad: str) -> None:
    fields = {"investigation_since": bad}
    assert draft_from_fields(fields, current_step=2).investigation_since is None
    assert field_problems(fields) == [f"Børnefaglig undersøgelse i gang siden: «{bad}» er ikke en dato (ÅÅÅÅ-MM-DD)"]


def test_blank_dates_are_no_problem_and_the_field_is_saved_like_the_others() -> None:
    assert field_problems({"start": "", "investigation_since": "  "}) == []
    assert "investigation_since" in FORM_FIELDS
