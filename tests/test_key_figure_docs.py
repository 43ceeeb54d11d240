"""Every key figure is defined once, with its formula, and the document and `stats --json` follow it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from visitation.domain.keyfigures import FIGURES, document
from visitation.services.stats import KeyFigures

ROOT = Path(__file__).resolve().parent.parent


def test_the_document_is_generated_from_the_definitions() -> None:
    written = (ROOT / "docs" / "key-figures.md").read_text(encoding="utf-8")
    assert written == document(), "regenerate it: python docs/make_key_figures.py"


def test_every_defined_figure_is_computed() -> None:
    computed = {f.name for f in dataclasses.fields(KeyFigures)}
    assert {f.key for f in FIGURES} <= computed


def test_the_legal_minimum_names_every_paragraph_the_law_follows_up() -> None:
    from visitation.domain.keyfigures import legal_followup_paragraphs
    from visitation.domain.law import load_law

    (formula,) = [f.formula for f in FIGURES if f.key == "followups_legal_on_time_pct"]
    paragraphs = legal_followup_paragraphs(load_law())
    assert paragraphs and all(p in formula for p in paragraphs)
