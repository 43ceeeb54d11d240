"""The ruler points to the step (SPEC §9.3): every profile's zone-to-step ranges, a broken range refused naming
its line, and the warning inside and outside a zone's range."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from visitation.domain.decision import CaseFacts, DecisionDraft, Outcome
from visitation.domain.profiles import DataFileError, builtin_names, load_profile
from visitation.domain.rules import ruler_range, ruler_warning
from visitation.paths import profiles_dir


@pytest.mark.parametrize("name", builtin_names())
def test_every_zone_has_a_range_on_the_staircase_rising_with_the_zone(name: str) -> None:
    profile = load_profile(name)
    steps = [s.number for s in profile.steps]
    ranges = [profile.ruler_steps.range_for(z.number) for z in profile.zones]
    assert None not in ranges, f"{name}: a zone without a range"
    assert all(lo in steps and hi in steps and lo <= hi for lo, hi in ranges)  # type: ignore[misc]
    assert [r[0] for r in ranges] == sorted(r[0] for r in ranges)  # type: ignore[index]
    assert [r[1] for r in ranges] == sorted(r[1] for r in ranges)  # type: ignore[index]
    assert ranges[0] == (1, 1) and ranges[-1][1] == max(steps)  # type: ignore[index]
    assert profile.ruler_steps.basis.strip()
    assert profile.ruler_steps.range_for(0) is None and profile.ruler_steps.range_for(6) is None


def test_the_four_profiles_ranges() -> None:
    """All four follow the ruler's handleanvisninger against the steps' legal basis (the profiles' comments)."""
    for name in builtin_names():
        assert load_profile(name).ruler_steps.zones == {1: (1, 1), 2: (1, 2), 3: (2, 3), 4: (3, 4), 5: (3, 6)}


ZONES = "zones = { 1 = [1, 1], 2 = [1, 2], 3 = [2, 3], 4 = [3, 4], 5 = [3, 6] }"


def _error(tmp_path: Path, text: str) -> str:
    path = tmp_path / "minkommune.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_profile(str(path))
    assert err.value.exit_code == 2 and "\n" not in err.value.message
    return err.value.message


def _line(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if line.startswith(needle))


@pytest.mark.parametrize("zones, problem", [
    ("{ 1 = [1, 1], 2 = [1, 2], 3 = [3, 2], 4 = [3, 4], 5 = [3, 6] }",
     "zone 3: skal være [laveste, højeste] trin på trappen"),
    ("{ 1 = [1, 1], 2 = [1, 2], 3 = [2, 3], 4 = [3, 4], 5 = [3, 7] }",
     "zone 5: skal være [laveste, højeste] trin på trappen"),
    ("{ 1 = [0, 1], 2 = [1, 2], 3 = [2, 3], 4 = [3, 4], 5 = [3, 6] }",
     "zone 1: skal være [laveste, højeste] trin på trappen"),
    ("{ 1 = [1], 2 = [1, 2], 3 = [2, 3], 4 = [3, 4], 5 = [3, 6] }",
     "zone 1: skal være [laveste, højeste] trin på trappen"),
    ('{ 1 = [1, 1], 2 = [1, "2"], 3 = [2, 3], 4 = [3, 4], 5 = [3, 6] }',
     "zone 2: skal være [laveste, højeste] trin på trappen"),
    ("{ 1 = [1, 1], 2 = [1, 2], 3 = [2, 3], 4 = [3, 4], 5 = [3, 6], 6 = [6, 6] }",
     "'6' er ikke en zone på linealen"),
    ("{ 1 = [1, 1], 2 = [1, 2], 3 = [2, 3], 4 = [3, 4] }", "skal nævne hver zone på linealen"),
])
@pytest.mark.parametrize("name", builtin_names())
def test_a_bad_range_is_refused_naming_its_line(tmp_path: Path, name: str, zones: str, problem: str) -> None:
    text = (profiles_dir() / f"{name}.toml").read_text(encoding="utf-8")
    assert text.count(ZONES) == 1
    text = text.replace(ZONES, f"zones = {zones}")
    assert _error(tmp_path, text) == f"minkommune.toml:{_line(text, 'zones = ')}: ruler_steps.zones: {problem}"


def test_ranges_without_their_basis_are_refused(tmp_path: Path) -> None:
    text = (profiles_dir() / "odder.toml").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("basis = ")]
    message = _error(tmp_path, "\n".join(lines) + "\n")
    assert message == f"minkommune.toml:{_line(text, '[ruler_steps]')}: ruler_steps.basis: mangler: hvor kommunens " \
                      "retning kommer fra"


def _draft(zone: int | None, step: int, outcome: Outcome = Outcome.APPROVED) -> DecisionDraft:
    return DecisionDraft(outcome=outcome, step=step, facts=CaseFacts(zone=zone))


@pytest.mark.parametrize("name", builtin_names())
def test_inside_the_range_there_is_no_warning(name: str) -> None:
    profile = load_profile(name)
    for zone, (lo, hi) in profile.ruler_steps.zones.items():
        for step in range(lo, hi + 1):
            assert ruler_range(_draft(zone, step), profile) is None
            assert ruler_warning(_draft(zone, step), profile) is None


@pytest.mark.parametrize("name", builtin_names())
def test_outside_the_range_the_warning_names_zone_range_and_step(name: str) -> None:
    profile = load_profile(name)
    udsat = profile.zone(4).label
    assert ruler_range(_draft(4, 5), profile) == (3, 4)
    assert ruler_warning(_draft(4, 5), profile) == f"zone 4 ({udsat}) peger normalt på trin 3–4; trin 5 er valgt"
    assert ruler_warning(_draft(4, 2), profile) == f"zone 4 ({udsat}) peger normalt på trin 3–4; trin 2 er valgt"
    assert ruler_warning(_draft(1, 3), profile) == (f"zone 1 ({profile.zone(1).label}) peger normalt på trin 1; "
                                                    "trin 3 er valgt")


def test_no_warning_without_a_zone_or_when_the_child_is_not_put_on_the_step() -> None:
    profile = load_profile("odder")
    assert ruler_warning(_draft(None, 6), profile) is None
    for outcome in (Outcome.REJECTED, Outcome.POSTPONED, Outcome.REFERRED):
        assert ruler_warning(_draft(1, 6, outcome), profile) is None
    assert ruler_warning(_draft(1, 6, Outcome.CHANGED), profile) is not None


def test_a_profile_without_ranges_never_warns() -> None:
    profile = replace(load_profile("odder"), ruler_steps=replace(load_profile("odder").ruler_steps, zones={}))
    assert ruler_warning(_draft(1, 6), profile) is None
