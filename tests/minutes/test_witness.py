"""Every minutes stamp carries the decision chain's head at export, so a kept copy witnesses the chain:
`--verify` still accepts it after unrelated later decisions, and says so when the chain was rewritten."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from sqlalchemy import text

from tests.minutes.helpers import FORMATS, LATER, MEETING, decide_three, docx_raw
from visitation.domain.decision import DecisionDraft, Outcome
from visitation.minutes import build, render, verify
from visitation.minutes.model import find_stamp, sealed
from visitation.services import decisions
from visitation.services.db import Db

OTHER_CASE = "2026-0102"
"""A case on the later meeting, decided after the export (an unrelated decision)."""


@pytest.fixture
def decided(demo_db: Db) -> Db:
    decide_three(demo_db)
    return demo_db


def _head(db: Db) -> tuple[int, str]:
    with db.engine.connect() as conn:
        found = conn.execute(text("SELECT id, hash FROM decision ORDER BY id DESC LIMIT 1")).first()
    assert found is not None
    return found[0], found[1]


def test_every_format_carries_the_head_at_export(decided: Db) -> None:
    number, digest = _head(decided)
    doc = build(decided, MEETING, "internal")
    assert doc.chain_head == f"beslutning:{number}:{digest[:16]}"
    for fmt in ("md", "html"):
        text_ = render(doc, fmt).decode()
        assert f"kædehoved={doc.chain_head}" in text_
        assert find_stamp(text_).chain_head == doc.chain_head  # type: ignore[union-attr]
    assert f"kædehoved={doc.chain_head}" in docx_raw(render(doc, "docx"))
    assert json.loads(render(doc, "json"))["chain_head"] == doc.chain_head


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_copy_still_verifies_after_unrelated_decisions(decided: Db, fmt: str) -> None:
    exported = render(build(decided, MEETING, "full"), fmt)
    number, _ = _head(decided)
    decisions.record(decided, OTHER_CASE, LATER, DecisionDraft(outcome=Outcome.POSTPONED, step=2, interventions=(),
                                                               rationale="Udsat til næste møde"))
    assert _head(decided)[0] > number
    result = verify(decided, exported)
    assert result, result.message
    assert f"kædehovedet ved udskrivningen (beslutning {number}" in result.message


def test_a_rewritten_decision_chain_is_told(decided: Db) -> None:
    exported = render(build(decided, MEETING, "internal"), "md")
    number, _ = _head(decided)
    with decided.engine.begin() as conn:
        conn.execute(text("UPDATE decision SET hash = :h WHERE id = :id"), {"h": "0" * 64, "id": number})
    result = verify(decided, exported)
    assert not result and "skrevet om" in result.message and f"beslutning {number}" in result.message
    assert "\n" not in result.message


def test_a_file_from_before_heads_were_stamped_still_verifies(decided: Db) -> None:
    old = sealed(replace(build(decided, MEETING, "internal"), chain_head=""))
    data = render(old, "json")
    assert "chain_head" not in json.loads(data)
    result = verify(decided, data)
    assert result and "før kædehovedet" in result.message
