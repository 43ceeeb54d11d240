"""The ICS triangle as data: three sides, ten dimensions, each on a side; a broken file names its line."""

from __future__ import annotations

import pytest

from visitation.domain.ics import parse_triangle, triangle
from visitation.domain.tomlcheck import DataFileError, Source
from visitation.errors import InvalidInput
from visitation.paths import reference_dir

DATA = reference_dir() / "methods" / "ics.toml"
SIDES = {"child": ["health", "development", "school", "leisure"], "parents": ["care", "stimulation", "relations"],
         "family": ["background", "housing", "network"]}


def test_three_sides_and_ten_dimensions_each_on_a_side() -> None:
    tri = triangle()
    assert [s.key for s in tri.sides] == ["child", "parents", "family"]
    assert [s.label for s in tri.sides] == ["Barnets udvikling", "Forældrekompetencer", "Familie og netværk"]
    assert [d.number for d in tri.dimensions] == list(range(1, 11))
    assert {s.key: [d.key for d in tri.dimensions if d.side == s.key] for s in tri.sides} == SIDES
    assert all(d.label for d in tri.dimensions)
    assert tri.source and tri.url.startswith("https://")


@pytest.mark.parametrize("side, key", [(side, key) for side, keys in SIDES.items() for key in keys])
def test_every_dimension_is_found_on_its_side_only(side: str, key: str) -> None:
    tri = triangle()
    assert tri.dimension(side, key).side == side
    for other in SIDES.keys() - {side}:
        with pytest.raises(InvalidInput) as err:
            tri.dimension(other, key)
        assert err.value.message.startswith(f"--dimension: siden {other} har {', '.join(SIDES[other])}")


def test_an_unknown_side_or_dimension_names_the_choices() -> None:
    tri = triangle()
    with pytest.raises(InvalidInput, match=r"^--side: skal være child \| parents \| family \(ikke «kid»\)$"):
        tri.side("kid")
    with pytest.raises(InvalidInput, match=r"^--side: "):
        tri.dimension("kid", "health")
    with pytest.raises(InvalidInput, match="^--dimension: siden child har health, development, school, leisure "
                                           r"\(ikke «sleep»\)$"):
        tri.dimension("child", "sleep")


def test_a_stored_note_is_labelled_side_and_dimension() -> None:
    assert triangle().label("child", "school") == "Barnets udvikling – Dagtilbud, skoleforhold og læring"
    assert triangle().label("child", "gone") == "Barnets udvikling – gone"


def _error(text: str) -> str:
    with pytest.raises(DataFileError) as err:
        parse_triangle(Source(text, "ics.toml"))
    assert err.value.exit_code == 2 and "\n" not in err.value.message
    return err.value.message


def _line(text: str, needle: str, nth: int = 0) -> int:
    return [i for i, line in enumerate(text.splitlines(), start=1) if line == needle][nth]


def test_a_dimension_on_an_unknown_side_names_its_line() -> None:
    text = DATA.read_text(encoding="utf-8").replace('side = "parents"', 'side = "forældre"', 1)
    line = _line(text, 'side = "forældre"')
    assert _error(text) == f"ics.toml:{line}: dimensions[4].side: skal være en af siderne"


def test_a_dimension_out_of_order_names_its_line() -> None:
    text = DATA.read_text(encoding="utf-8").replace("number = 3", "number = 7", 1)
    assert _error(text) == f"ics.toml:{_line(text, 'number = 7')}: dimensions[2].number: skal være 3"


def test_a_missing_label_names_its_dimension() -> None:
    text = DATA.read_text(encoding="utf-8").replace('label = "Socialt netværk"\n', "")
    assert _error(text) == f"ics.toml:{_line(text, '[[dimensions]]', 9)}: dimensions[9].label: mangler"


def test_a_side_without_dimensions_is_refused() -> None:
    text = DATA.read_text(encoding="utf-8").replace('side = "family"', 'side = "parents"')
    assert _error(text) == (f"ics.toml:{_line(text, '[[sides]]')}: sides: trekanten har tre sider, hver med mindst "
                            "én dimension")


def test_malformed_toml_is_one_line() -> None:
    assert _error(DATA.read_text(encoding="utf-8").replace('key = "ics"', 'key = "ics', 1)).startswith(
        "ics.toml: ikke gyldig TOML: ")
