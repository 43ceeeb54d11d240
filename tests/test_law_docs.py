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


def test_each_profile_lists_its_methods_and_the_ruler_ranges_as_its_own_policy() -> None:
    from visitation.domain.profiles import builtin_names, load_profile

    text = document()
    sections = text.split("### ")
    for name in builtin_names():
        p = load_profile(name)
        (section,) = [s for s in sections if s.startswith(f"{p.municipality} (`{p.key}` {p.version})")]
        assert "- Metoder (kommunens politik, ikke en lovregel)" in section
        assert ("Signs of Safety" in section) == p.methods.signs_of_safety
        assert ("Sikkerhedsplan før anbringelse" in section) == p.methods.safety_plan_before_placement
        assert ("forebyggelsestrekanten" in section) == p.methods.prevention_triangle
        policy = "Linealen peger på trinnet (kommunens politik, ikke en paragraf; grundlag: "
        assert f"{policy}{p.ruler_steps.basis})" in section
        assert f'"Linealens retning ({p.policy_owner})"' in section
        for zone in p.zones:
            low, high = p.ruler_steps.range_for(zone.number)  # type: ignore[misc]
            span = f"trin {low}" if low == high else f"trin {low}–{high}"
            assert f"  - zone {zone.number} ({zone.label}): {span}\n" in section
        assert "§" not in section.split("- Linealen peger")[1].split("\n\n")[0]  # policy, not a paragraph
