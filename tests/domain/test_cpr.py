"""CPR numbers (REFERENCE §8.1): format and date checked, modulus 11 only a warning, never shown."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from visitation.domain.cpr import mask, redact, validate

WEIGHTS = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)


def mod11(number: str) -> int:
    digits = [int(c) for c in number.replace("-", "")]
    return sum(w * d for w, d in zip(WEIGHTS, digits, strict=True)) % 11


# Worked by hand: 1·4 + 1·3 + 0·2 + 4·7 + 1·6 + 8·5 + 4·4 + 9·3 + 3·2 = 130; 130 + 2 = 132 = 12·11.
WITH_MOD11 = "110418-4932"
WITHOUT_MOD11 = "110418-4933"  # 133 = 12·11 + 1: issued since 2007, fully valid


def test_hand_computed_numbers() -> None:
    assert mod11(WITH_MOD11) == 0
    assert mod11(WITHOUT_MOD11) == 1


def test_valid_with_modulus_11() -> None:
    checked = validate(WITH_MOD11)
    assert checked.number == WITH_MOD11
    # digit 7 is 4 and YY is 18: born in the 2000s
    assert checked.birth_date == date(2018, 4, 11)
    assert checked.warning == ""


def test_valid_without_modulus_11_is_a_warning_not_an_error() -> None:
    checked = validate(WITHOUT_MOD11)
    assert checked.number == WITHOUT_MOD11 and checked.birth_date == date(2018, 4, 11)
    assert checked.warning and "modulus 11" in checked.warning
    assert "4933" not in checked.warning and "110418" not in checked.warning


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("1104184932", "110418-4932"),
        ("110418 4932", "110418-4932"),
        (" 110418-4932 ", "110418-4932"),
    ],
)
def test_format_is_normalised(text: str, normal: str) -> None:
    assert validate(text).number == normal


@pytest.mark.parametrize(
    ("number", "born"),
    [
        ("010190-1230", date(1990, 1, 1)),  # digit 7 in 0-3: 1900s
        ("010160-4000", date(1960, 1, 1)),  # digit 7 = 4, YY 37-99: 1900s
        ("010120-4000", date(2020, 1, 1)),  # digit 7 = 4, YY 00-36: 2000s
        ("290216-5000", date(2016, 2, 29)),  # digit 7 in 5-8, YY 00-57: 2000s; leap day
        ("010170-9000", date(1970, 1, 1)),  # digit 7 = 9, YY 37-99: 1900s
    ],
)
def test_century_from_digit_seven(number: str, born: date) -> None:
    assert validate(number).birth_date == born


@pytest.mark.parametrize(
    "number",
    [
        "310218-4000",  # 31 February
        "290217-4000",  # 29 February in a common year
        "001018-4000",  # day 0
        "011318-4000",  # month 13
    ],
)
def test_bad_date(number: str) -> None:
    with pytest.raises(ValueError) as err:
        validate(number)
    message = str(err.value)
    assert "fødselsdato" in message
    assert number not in message and number[:6] not in message and number[7:] not in message


def test_future_birth_date_is_refused() -> None:
    tomorrow = date.today() + timedelta(days=1)
    number = f"{tomorrow:%d%m%y}-4000"  # digit 7 = 4 keeps it in the 2000s
    with pytest.raises(ValueError) as err:
        validate(number)
    assert number[:6] not in str(err.value)


@pytest.mark.parametrize(
    "number",
    ["", "12345", "110418-493", "110418-49321", "11041A-4932", "abcdefghij", "110418/4932"],
)
def test_bad_format(number: str) -> None:
    with pytest.raises(ValueError) as err:
        validate(number)
    message = str(err.value)
    assert "DDMMÅÅ-LLLL" in message
    if number:
        assert number not in message


def test_mask() -> None:
    assert mask(WITH_MOD11) == "110418-xxxx"
    assert mask(None) == "" and mask("") == ""
    assert "4932" not in mask(WITH_MOD11)


def test_redact_hides_every_sequence_number() -> None:
    text = f"Barnet {WITH_MOD11} og søster 1104184933, 110418 4932; sag 2026-0042, tlf. 12345678"
    redacted = redact(text)
    assert "4932" not in redacted and "4933" not in redacted
    assert redacted.count("110418-xxxx") == 3
    assert "2026-0042" in redacted and "12345678" in redacted
