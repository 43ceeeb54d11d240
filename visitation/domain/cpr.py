"""CPR numbers: format and date validation (python-stdnum), modulus 11 only as a warning, masking."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from stdnum.dk import cpr as stdnum_cpr
from stdnum.exceptions import ValidationError


@dataclass(frozen=True)
class CprCheck:
    """A validated CPR number in the form DDMMYY-SSSS, its birth date and an optional warning."""

    number: str
    birth_date: date
    warning: str = ""


def validate(text: str) -> CprCheck:
    """Check format and embedded date; raise ValueError with a message that never repeats the number.

    The modulus-11 check is only a warning: CPR has issued numbers without it since 2007.
    """
    digits = stdnum_cpr.compact(text)
    if len(digits) != 10 or not digits.isdigit():
        raise ValueError("skal have formen DDMMÅÅ-LLLL (10 cifre)")
    try:
        stdnum_cpr.validate(digits)
        born = stdnum_cpr.get_birth_date(digits)
    except ValidationError:
        raise ValueError("indeholder ikke en gyldig fødselsdato") from None
    warning = "" if stdnum_cpr.checksum(digits) == 0 else "tjek for tastefejl (ingen modulus 11-kontrol)"
    return CprCheck(f"{digits[:6]}-{digits[6:]}", born, warning)


def mask(number: str | None) -> str:
    """`110418-xxxx`: the birth date part only, never the sequence number."""
    if not number:
        return ""
    return f"{number[:6]}-xxxx"


_CPR_LIKE = re.compile(r"(?<!\d)(\d{6})[- ]?(\d{4})(?!\d)")


def redact(text: str) -> str:
    """Mask every CPR number in free text (DDMMYY-SSSS, DDMMYYSSSS or with a space) as `110418-xxxx`, for
    names, notes, logs and errors. A number counts when python-stdnum finds a real birth date in it, so a
    case reference or a telephone number is left alone."""
    if not _CPR_LIKE.search(text):
        return text
    return _CPR_LIKE.sub(lambda m: f"{m.group(1)}-xxxx" if _is_cpr(m.group(1) + m.group(2)) else m.group(), text)


def _is_cpr(digits: str) -> bool:
    try:
        stdnum_cpr.get_birth_date(digits)
    except ValidationError:
        return False
    return True
