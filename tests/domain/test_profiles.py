"""Municipality profiles: the four built-ins, a municipality's own file, located errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from visitation.domain.profiles import DataFileError, builtin_names, load_profile
from visitation.errors import InvalidInput, NotFound
from visitation.paths import profiles_dir

# SPEC §2: the intervention keys every built-in profile shares, on these steps.
SHARED = {
    2: {"konsulentbistand", "netvaerksgruppe", "familieraadslagning", "oekonomisk-stoette"},
    3: {
        "dagbehandling",
        "praktisk-paedagogisk-stoette",
        "kontaktperson",
        "familiebehandling",
        "familieanbringelse",
        "stoetteophold",
        "sikkerhedsplan",
        "anden-hjaelp",
    },
    4: {"netvaerksplejefamilie"},
    5: {"plejefamilie", "forstaerket-plejefamilie", "specialiseret-plejefamilie"},
    6: {"boerne-og-ungehjem", "kost-efterskole"},
}
SOURCE = profiles_dir() / "socialstyrelsen.toml"


def test_the_four_builtins() -> None:
    assert builtin_names() == ("socialstyrelsen", "odder", "kerteminde", "hjoerring")
    assert builtin_names()[0] == "socialstyrelsen"  # the default first


@pytest.mark.parametrize("name", ["socialstyrelsen", "odder", "kerteminde", "hjoerring"])
def test_builtin_loads_with_the_shared_staircase(name: str) -> None:
    profile = load_profile(name)
    assert profile.key == name and profile.version and profile.name and profile.municipality
    assert [s.number for s in profile.steps] == [1, 2, 3, 4, 5, 6]
    assert [s.number for s in profile.steps if s.placement] == [4, 5, 6]
    assert [profile.is_placement(n) for n in range(1, 7)] == [False, False, False, True, True, True]
    assert [z.number for z in profile.zones] == [1, 2, 3, 4, 5]
    assert all(
        z.label and z.guidance and z.who_acts and re.fullmatch(r"#[0-9a-fA-F]{6}", z.hex)
        for z in profile.zones
    )
    by_key = {i.key: i for i in profile.interventions}
    for step, keys in SHARED.items():
        for key in keys:
            assert key in by_key, f"{name}: {key} missing"
            assert by_key[key].step == step, f"{name}: {key} on step {by_key[key].step}, not {step}"
    assert [i for i in profile.interventions if i.step == 1], "step 1 has the profile's own keys"
    assert not {i.key for i in profile.interventions if i.step == 1} & set().union(*SHARED.values())
    assert {"dialog-med-foraeldre", "ppr-konsultation"} <= {
        i.key for i in profile.interventions if i.step == 1
    }
    # Placements carry their type, and every intervention its legal basis in the law file.
    assert {
        by_key["netvaerksplejefamilie"].placement_type,
        by_key["plejefamilie"].placement_type,
        by_key["boerne-og-ungehjem"].placement_type,
    } == {"network", "foster", "institution"}
    for item in profile.interventions:
        assert item.legal and all(k in profile.law.paragraphs for k in item.legal)
    assert profile.legal_basis("familiebehandling") == (
        "BL § 32, stk. 1, nr. 5 (tidl. SEL § 52, stk. 3, nr. 3)",
    )
    assert profile.legal_basis("hestevogn") == ()
    assert profile.cadences  # a follow-up cadence for its measures (SPEC §9.2)
    assert profile.roles


def test_kerteminde_phases_and_priority() -> None:
    k = load_profile("kerteminde")
    assert [(p.key, p.steps) for p in k.phases] == [
        ("trivsel-og-sundhedsfremme", (1,)),
        ("forebygge", (2,)),
        ("foranstalte", (3,)),
        ("anbringe", (4, 5, 6)),
    ]
    assert all(p.methods and p.actors for p in k.phases)
    assert k.phase_of(5).key == "anbringe" and k.phase_of(1).key == "trivsel-og-sundhedsfremme"  # type: ignore[union-attr]
    assert [o.key for o in k.priority] == [
        "network",
        "foster",
        "own-residential",
        "external-residential",
    ]
    assert k.priority[0].interventions == ("netvaerksplejefamilie",)
    assert set(k.priority[1].interventions) == {
        "plejefamilie",
        "forstaerket-plejefamilie",
        "specialiseret-plejefamilie",
    }
    assert k.priority[2].interventions == ("boerne-og-ungehjem",)
    assert set(k.priority[3].interventions) == {"eksternt-opholdssted", "kost-efterskole"}
    assert [r.kind for r in k.followups] == [
        "anbringelse-2-uger",
        "hjemgivelse-review",
        "anbringelse-1-aar-review",
        "forebyggende-opfoelgning",
    ]
    # Every 6 weeks is the placement's cadence, set as each follow-up is done, with no end.
    assert [(c.applies_to, str(c.every)) for c in k.cadences] == [
        ("placement", "6w"), ("support", "3m"), ("preventive", "3m")]


@pytest.mark.parametrize("name", ["socialstyrelsen", "odder", "hjoerring"])
def test_other_profiles_have_no_phases(name: str) -> None:
    assert load_profile(name).phases == ()
    assert load_profile(name).phase_of(3) is None


def test_unknown_profile_name() -> None:
    with pytest.raises(NotFound) as err:
        load_profile("nope")
    assert "'nope'" in err.value.message and "socialstyrelsen" in err.value.message


# --- a municipality's own profile file -----------------------------------------------------------


def test_own_profile_file_loads_by_path(tmp_path: Path) -> None:
    text = SOURCE.read_text(encoding="utf-8")
    text = text.replace('key = "socialstyrelsen"', 'key = "minkommune"', 1)
    text = text.replace(
        'municipality = "Landsdækkende standard"', 'municipality = "Min Kommune"', 1
    )
    text = text.replace('label = "Hjemmebaserede foranstaltninger"', 'label = "Hjælp i hjemmet"', 1)
    text += (
        '\n[[interventions]]\nkey = "lektiecafe"\nlabel = "Lektiecafé"\nstep = 2\n'
        'legal = ["bl-30-1-4"]\n'
    )
    path = tmp_path / "minkommune.toml"
    path.write_text(text, encoding="utf-8")
    own = load_profile(str(path))
    assert own.key == "minkommune" and own.municipality == "Min Kommune"
    assert own.step(3).label == "Hjælp i hjemmet"
    assert own.intervention("lektiecafe").step == 2  # type: ignore[union-attr]
    assert len(own.interventions) == len(load_profile("socialstyrelsen").interventions) + 1
    assert own.text == text  # kept whole, so a case reads as it was decided
    # The built-in is untouched.
    assert load_profile("socialstyrelsen").step(3).label == "Hjemmebaserede foranstaltninger"


# --- broken profile files: file, line and field named --------------------------------------------


def _lines(text: str) -> list[str]:
    return text.splitlines()


def _nth_line(text: str, pattern: str, n: int = 0, after: int = 0) -> int:
    """The 1-based number of the n-th line after line `after` that is `pattern` when stripped."""
    hits = [
        i + 1 for i, line in enumerate(_lines(text)) if i + 1 > after and line.strip() == pattern
    ]
    return hits[n]


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "minkommune.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _error(path: Path) -> str:
    with pytest.raises(DataFileError) as err:
        load_profile(str(path))
    assert isinstance(err.value, InvalidInput) and err.value.exit_code == 2
    return err.value.message


def test_zone_missing_guidance(tmp_path: Path) -> None:
    text = SOURCE.read_text(encoding="utf-8")
    third_zone = _nth_line(text, "[[zones]]", 2)
    guidance = [
        i
        for i, line in enumerate(_lines(text))
        if i + 1 > third_zone and line.startswith("guidance =")
    ][0]
    lines = _lines(text)
    del lines[guidance]
    message = _error(_write(tmp_path, "\n".join(lines) + "\n"))
    assert message == f"minkommune.toml:{third_zone}: zones[2].guidance: mangler"


def test_unknown_intervention_in_placement_priority(tmp_path: Path) -> None:
    old = 'interventions = ["boerne-og-ungehjem", "kost-efterskole"]'
    text = SOURCE.read_text(encoding="utf-8").replace(
        old, 'interventions = ["boerne-og-ungehjem", "hestevogn"]'
    )
    line = _nth_line(text, 'interventions = ["boerne-og-ungehjem", "hestevogn"]')
    message = _error(_write(tmp_path, text))
    assert (
        message == f"minkommune.toml:{line}: placement_priority[2].interventions: "
        "ukendt indsats 'hestevogn'"
    )


def test_unknown_legal_key(tmp_path: Path) -> None:
    text = SOURCE.read_text(encoding="utf-8")
    key_line = _nth_line(text, 'key = "familiebehandling"')
    index = sum(1 for line in _lines(text)[:key_line] if line.strip() == "[[interventions]]") - 1
    lines = _lines(text)
    legal = next(i for i in range(key_line, len(lines)) if lines[i].startswith("legal ="))
    lines[legal] = 'legal = ["bl-32-1-5", "bl-999"]'
    message = _error(_write(tmp_path, "\n".join(lines) + "\n"))
    assert (
        message == f"minkommune.toml:{legal + 1}: interventions[{index}].legal: "
        "ukendt lovhenvisning 'bl-999' (se data/law/)"
    )
    assert (
        index == 10
    )  # 3 on step 1, 4 on step 2, then dagbehandling, praktisk…, kontaktperson, familiebehandling


def test_unknown_legal_key_in_a_zone(tmp_path: Path) -> None:
    text = SOURCE.read_text(encoding="utf-8").replace(
        'legal = ["bl-28", "bl-30"]', 'legal = ["bl-28", "sel-52"]', 1
    )
    line = _nth_line(text, 'legal = ["bl-28", "sel-52"]')
    assert (
        _error(_write(tmp_path, text))
        == f"minkommune.toml:{line}: zones[1].legal: ukendt lovhenvisning 'sel-52' (se data/law/)"
    )


def test_step_number_out_of_order(tmp_path: Path) -> None:
    text = SOURCE.read_text(encoding="utf-8")
    header = _nth_line(text, "[[steps]]", 2)
    lines = _lines(text)
    number = next(i for i in range(header, len(lines)) if lines[i].startswith("number ="))
    assert lines[number] == "number = 3"
    lines[number] = "number = 4"
    message = _error(_write(tmp_path, "\n".join(lines) + "\n"))
    assert message.startswith(f"minkommune.toml:{number + 1}: steps[2].number: skal være 3")


def test_wrong_type(tmp_path: Path) -> None:
    text = SOURCE.read_text(encoding="utf-8")
    key_line = _nth_line(text, 'key = "kontaktperson"')
    lines = _lines(text)
    step = next(i for i in range(key_line, len(lines)) if lines[i].startswith("step ="))
    lines[step] = 'step = "tre"'
    index = sum(1 for line in lines[:key_line] if line.strip() == "[[interventions]]") - 1
    message = _error(_write(tmp_path, "\n".join(lines) + "\n"))
    assert (
        message == f"minkommune.toml:{step + 1}: interventions[{index}].step: skal være et heltal"
    )


def test_bad_required_alternatives(tmp_path: Path) -> None:
    old = "required_alternatives = { 4 = [3], 5 = [3, 4], 6 = [3, 4] }"
    text = SOURCE.read_text(encoding="utf-8").replace(
        old, "required_alternatives = { 4 = [3], 5 = [3, 4], 6 = [3, 7] }"
    )
    line = _nth_line(text, "required_alternatives = { 4 = [3], 5 = [3, 4], 6 = [3, 7] }")
    message = _error(_write(tmp_path, text))
    assert (
        message == f"minkommune.toml:{line}: rules.required_alternatives: "
        "trin 6: skal være en liste af lavere trin"
    )


def test_bad_followup_duration(tmp_path: Path) -> None:
    text = SOURCE.read_text(encoding="utf-8") + (
        '\n[[followups]]\nkind = "x"\nlabel = "X"\napplies_to = "placement"\nafter = "2 uger"\n'
    )
    line = len(_lines(text))
    message = _error(_write(tmp_path, text))
    assert message.startswith(
        f"minkommune.toml:{line}: followups[1].after: '2 uger' is not a duration"
    )


def test_bad_profile_key(tmp_path: Path) -> None:
    text = SOURCE.read_text(encoding="utf-8").replace(
        'key = "socialstyrelsen"', 'key = "Min Kommune"', 1
    )
    line = _nth_line(text, 'key = "Min Kommune"')
    assert _error(_write(tmp_path, text)).startswith(f"minkommune.toml:{line}: profile.key: ")


def test_malformed_toml(tmp_path: Path) -> None:
    text = SOURCE.read_text(encoding="utf-8")
    line = _nth_line(text, 'label = "Forebyggende indsatser"')
    text = text.replace('label = "Forebyggende indsatser"', 'label = "Forebyggende indsatser', 1)
    message = _error(_write(tmp_path, text))
    assert message.startswith("minkommune.toml: ikke gyldig TOML: ")
    assert f"line {line}" in message
    assert "\n" not in message


def test_missing_file(tmp_path: Path) -> None:
    message = _error(tmp_path / "findes-ikke.toml")
    assert "findes-ikke.toml" in message and "findes ikke" in message


# --- validation gaps found while testing (see the report) ----------------------------------------


def test_required_alternatives_must_name_steps_on_the_staircase(tmp_path: Path) -> None:
    old = "required_alternatives = { 4 = [3], 5 = [3, 4], 6 = [3, 4] }"
    text = SOURCE.read_text(encoding="utf-8").replace(
        old, "required_alternatives = { 4 = [0], 5 = [3, 4], 6 = [3, 4] }"
    )
    line = _nth_line(text, "required_alternatives = { 4 = [0], 5 = [3, 4], 6 = [3, 4] }")
    assert _error(_write(tmp_path, text)).startswith(
        f"minkommune.toml:{line}: rules.required_alternatives: "
    )


def test_followup_interval_must_be_positive(tmp_path: Path) -> None:
    text = SOURCE.read_text(encoding="utf-8") + (
        '\n[[followups]]\nkind = "x"\nlabel = "X"\napplies_to = "placement"\n'
        'after = "2w"\nevery = "0w"\n'
        'until = "12m"\n'
    )
    line = len(_lines(text)) - 1
    assert _error(_write(tmp_path, text)).startswith(
        f"minkommune.toml:{line}: followups[1].every: "
    )
