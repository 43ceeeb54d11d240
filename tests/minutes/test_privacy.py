"""Must-show 3: `screen` shows no full name and no CPR; `internal` no CPR; `full` has both."""

from __future__ import annotations

from tests.minutes.helpers import (
    FORMATS,
    MEETING,
    POSTPONED,
    all_demo_children,
    decide_three,
    demo_case,
    everything,
    text_of,
)
from visitation.minutes import build, render
from visitation.services.db import Db


def _files(db: Db, level: str) -> dict[str, str]:
    """Every format at one level, as searchable text (Word: every XML part)."""
    doc = build(db, MEETING, level)
    return {fmt: everything(render(doc, fmt), fmt) for fmt in FORMATS}


def _cprs() -> list[str]:
    numbers = [c["cpr"] for c in all_demo_children() if c["cpr"]]
    return numbers + [n.replace("-", "") for n in numbers] + [n[-4:] + "<" for n in numbers]


def test_screen_has_no_full_name_no_cpr_no_birth_date(demo_db: Db) -> None:
    decide_three(demo_db)
    children = all_demo_children()
    for fmt, text in _files(demo_db, "screen").items():
        assert [c["name"] for c in children if c["name"] in text] == [], fmt
        assert [n for n in _cprs() if n in text] == [], fmt
        assert [c["birth_date"] for c in children if c["birth_date"] in text] == [], fmt
        assert "NL" in text, fmt


def test_internal_has_names_but_no_cpr(demo_db: Db) -> None:
    decide_three(demo_db)
    for fmt, text in _files(demo_db, "internal").items():
        assert demo_case(POSTPONED)["child"]["name"] in text, fmt
        assert [n for n in _cprs() if n in text] == [], fmt


def test_full_has_names_and_cpr(demo_db: Db) -> None:
    decide_three(demo_db)
    child = demo_case(POSTPONED)["child"]
    for fmt, text in _files(demo_db, "full").items():
        assert child["name"] in text and child["cpr"] in text, fmt


def test_screen_scrubs_the_childs_name_and_cpr_from_free_text(demo_db: Db) -> None:
    from tests.minutes.helpers import POSTPONED_DRAFT
    from visitation.services import decisions

    text = "Noah Lindberg (230817-5009) og Noahs mor"
    decisions.record(demo_db, POSTPONED, MEETING, POSTPONED_DRAFT.__class__(
        **{**POSTPONED_DRAFT.__dict__, "rationale": text}))
    screen, internal, full = (text_of(render(build(demo_db, MEETING, level, case=POSTPONED), "md"), "md")
                              for level in ("screen", "internal", "full"))
    assert "NL ([CPR]) og Ns mor" in screen and "Noah" not in screen
    assert "Noah Lindberg (230817-xxxx)" in internal and "5009" not in internal
    assert text in full
