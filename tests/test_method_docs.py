"""docs/methods.md is generated from the methods' data, so it names exactly what the commands accept."""

from __future__ import annotations

from pathlib import Path

from visitation.domain.ics import triangle
from visitation.domain.methoddoc import document
from visitation.domain.sos import KIND_LABELS, SCALE_ANCHORS

ROOT = Path(__file__).resolve().parent.parent


def test_the_document_is_generated_from_the_method_data() -> None:
    written = (ROOT / "docs" / "methods.md").read_text(encoding="utf-8")
    assert written == document(), "regenerate it: python docs/make_methods.py"


def test_every_ics_dimension_sos_heading_and_scale_anchor_is_there_with_the_source() -> None:
    text = document()
    t = triangle()
    assert t.url in text
    for d in t.dimensions:
        side = next(s for s in t.sides if s.key == d.side)
        assert f"| {side.label} (`{side.key}`) | {d.number} | {d.label} (`{d.key}`) |" in text
    assert all(f"| {label} | `{kind.value}` |" in text for kind, label in KIND_LABELS.items())
    assert all(f"- {anchor}\n" in text for anchor in SCALE_ANCHORS)


def test_skema_2_marks_every_cell_but_not_exposed_and_thriving() -> None:
    rows = [line for line in document().splitlines() if line.startswith("| ") and "position (`" in line]
    assert rows == ["| Ikke udsat position (`not-exposed`) |  | × |",
                    "| Potentielt udsat position (`at-risk`) | × | × |",
                    "| Udsat position (`exposed`) | × | × |"]
