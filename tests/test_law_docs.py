"""docs/law.md is generated from the law's data, so a jurist reviews what the tool enforces."""

from __future__ import annotations

from pathlib import Path

from visitation.domain.law import load_law
from visitation.domain.lawdoc import document

ROOT = Path(__file__).resolve().parent.parent


def test_the_document_is_generated_from_the_law_data() -> None:
    written = (ROOT / "docs" / "law.md").read_text(encoding="utf-8")
    assert written == document(), "regenerate it: python docs/make_law.py"


def test_every_rule_and_followup_of_the_law_cites_a_paragraph_with_its_source() -> None:
    law = load_law()
    text = document()
    for rule in law.rules:
        assert rule.legal and f"### {rule.title}" in text
        assert all(law.source_of(k) for k in rule.legal)
    assert all(r.legal for r in law.followups)
