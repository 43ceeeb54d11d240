"""Ages and age facts (SPEC §3 rule 7), and what each privacy level shows."""

from __future__ import annotations

from datetime import date

import pytest

from visitation.domain.privacy import Privacy, age_facts, age_on, child_label, cpr_for

PARTY = "Barnet er fyldt 10 år og har partsbeføjelser (BL § 3)."
CONSENT = "Den unge er fyldt 15 år og skal selv give samtykke til anbringelse (BL § 46, stk. 1)."


@pytest.mark.parametrize(
    ("born", "on", "age"),
    [
        (date(2018, 4, 11), date(2026, 4, 10), 7),  # the day before the birthday
        (date(2018, 4, 11), date(2026, 4, 11), 8),  # on the birthday
        (date(2018, 4, 11), date(2026, 12, 31), 8),
        (date(2018, 4, 11), date(2018, 4, 11), 0),  # the day of birth
        (date(2017, 12, 31), date(2018, 1, 1), 0),
        (date(2017, 12, 31), date(2026, 12, 31), 9),
        # Born on a leap day: in a common year the birthday is counted as 1 March.
        (date(2016, 2, 29), date(2026, 2, 28), 9),
        (date(2016, 2, 29), date(2026, 3, 1), 10),
        (date(2016, 2, 29), date(2028, 2, 28), 11),
        (date(2016, 2, 29), date(2028, 2, 29), 12),  # and on the leap day itself in a leap year
        (date(2015, 3, 1), date(2016, 2, 29), 0),
        (date(2015, 3, 1), date(2016, 3, 1), 1),
    ],
)
def test_age_on(born: date, on: date, age: int) -> None:
    assert age_on(born, on) == age


@pytest.mark.parametrize(
    ("born", "on", "facts"),
    [
        (date(2017, 6, 1), date(2026, 5, 31), []),  # 8
        (date(2016, 6, 1), date(2026, 5, 31), []),  # 9, one day before 10
        (date(2016, 6, 1), date(2026, 6, 1), [PARTY]),  # 10 on the birthday
        (date(2012, 6, 2), date(2026, 6, 1), [PARTY]),  # 13
        (date(2011, 6, 2), date(2026, 6, 1), [PARTY]),  # 14, one day before 15
        (date(2011, 6, 1), date(2026, 6, 1), [PARTY, CONSENT]),  # 15 on the birthday
        (date(2009, 1, 1), date(2026, 6, 1), [PARTY, CONSENT]),  # 17
        (date(2016, 2, 29), date(2026, 2, 28), []),  # leap day child is still 9
        (date(2016, 2, 29), date(2026, 3, 1), [PARTY]),
    ],
)
def test_bl_3_party_rights_from_10_and_bl_46_stk_1_own_consent_from_15(born: date, on: date, facts: list[str]) -> None:
    assert age_facts(born, on) == facts


def test_child_label_per_privacy_level() -> None:
    born, on = date(2018, 4, 11), date(2026, 11, 22)
    assert child_label("Liva Jensen", "LJ", born, on, Privacy.SCREEN) == "LJ, 8 år"
    assert child_label("Liva Jensen", "LJ", born, on, Privacy.INTERNAL) == "Liva Jensen, 8 år"
    assert child_label("Liva Jensen", "LJ", born, on, Privacy.FULL) == "Liva Jensen, 8 år"


def test_cpr_per_privacy_level() -> None:
    number = "110418-4932"
    assert cpr_for(number, Privacy.SCREEN) == ""
    assert cpr_for(number, Privacy.INTERNAL) == "110418-xxxx"
    assert cpr_for(number, Privacy.FULL) == number
    assert all(cpr_for(None, p) == "" for p in Privacy)


def test_the_age_of_the_youth_s_own_consent_is_the_one_the_consent_rules_use() -> None:
    from visitation.domain.law import load_law

    law = load_law()
    [own] = [a for a in law.ages if a.key == "consent"]
    assert {r.youth_from for r in law.rules_of("consent")} == {own.age} == {15}


def test_at_screen_the_names_on_the_network_map_become_initials_in_free_text() -> None:
    from visitation.domain.privacy import Privacy, Scrubber

    scrub = Scrubber("Liva Jensen", "LJ", Privacy.SCREEN, ["Sonja Hansen", "Dennis", "Thomas Vang"])
    said = "Sonja og Dennis kommer; Thomas Vang fortsætter. Sonjas bil."
    assert scrub(said) == "S og D kommer; TV fortsætter. Ss bil."
    assert scrub("mor og far kommer") == "mor og far kommer"                  # words, not names, stay
    internal = Scrubber("Liva Jensen", "LJ", Privacy.INTERNAL, ["Sonja Hansen"])
    assert internal("Sonja Hansen kommer") == "Sonja Hansen kommer"          # names in files for the case system
