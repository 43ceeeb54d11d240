"""Free text a person types (a goal, a worry, a rule): stripped, bounded, free of characters that disguise it.

The one definition of the characters Visitation never takes in and never lets out (SPEC §9.5): control
characters (C0 except newline and tab in multi-line texts, DEL, C1) and bidi overrides and isolates
(U+202A–U+202E, U+2066–U+2069); and lone surrogates, which are what undecodable bytes (invalid UTF-8 in an
argument or a file) become. Every entry refuses them with `refuse_unsafe`; every output of stored text
gets `neutralised` (a visible U+FFFD in place of each), so an old database cannot steer a terminal.
"""

from __future__ import annotations

import re
from typing import Any

from visitation.errors import InvalidInput

MAX_TEXT = 2_000
"""A sentence or a short paragraph; longer is a paste gone wrong."""
_BIDI_AND_SURROGATES = "\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI_AND_SURROGATES}]")
"""In a multi-line text: control characters (newline and tab allowed), bidi overrides, lone surrogates."""
_UNSAFE_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI_AND_SURROGATES}]")
"""In a one-line text (a name, a role): the same, and newline and tab too."""
ONE_LINE = 300
"""A text of at most this many characters (a name, a role, a title, a label) is one line: no newline or tab."""
PLACEHOLDER = "\N{REPLACEMENT CHARACTER}"
"""What a forbidden character stored earlier is shown as: visible, never dropped silently."""


def checked_text(text: str, option: str, limit: int = MAX_TEXT) -> str:
    """The text, stripped; refused (naming `option`) when blank, too long or carrying control characters."""
    text = text.strip()
    if not text:
        raise InvalidInput(f"{option}: mangler")
    if len(text) > limit:
        raise InvalidInput(f"{option}: teksten er for lang (højst {limit} tegn)")
    return refuse_unsafe(text, option)


def unsafe_char(text: str, multiline: bool = True) -> str | None:
    """The first forbidden character in the text, or None."""
    found = (_UNSAFE if multiline else _UNSAFE_LINE).search(text)
    return found.group() if found else None


def has_unsafe(text: str, multiline: bool = True) -> bool:
    """Whether the text carries control characters, bidi overrides or undecodable bytes."""
    return unsafe_char(text, multiline) is not None


def refuse_unsafe(text: str, field: str, multiline: bool = True) -> str:
    """The text unchanged; InvalidInput naming `field` (never repeating the text) if it has a forbidden character."""
    char = unsafe_char(text, multiline)
    if char is None:
        return text
    raise InvalidInput(f"{field}: {problem_of(char)}")


def problem_of(char: str) -> str:
    """What is wrong with a forbidden character, in words (its code point, so the user can find it)."""
    if "\ud800" <= char <= "\udfff":
        return "er ikke gyldig UTF-8 (tegnkodningen skal være UTF-8)"
    if char in "\n\t":
        return "skal stå på én linje (linjeskift og tabulator er ikke tilladt her)"
    kind = "retningstegnet " if char >= "\u202a" else ""
    return f"indeholder styretegn ({kind}U+{ord(char):04X}), som ikke er tilladt"


def refuse_unsafe_in(value: Any, field: str) -> None:
    """Refuse a forbidden character anywhere in decoded data (keys too), naming its path: `network[2].name`."""
    if isinstance(value, str):
        refuse_unsafe(value, field or "filen")
    elif isinstance(value, dict):
        for key, inner in value.items():
            path = f"{field}.{key}" if field else str(key)
            if isinstance(key, str) and has_unsafe(key):
                raise InvalidInput(f"{field or 'filen'}: et feltnavn {problem_of(unsafe_char(key) or '')}")
            refuse_unsafe_in(inner, path)
    elif isinstance(value, (list, tuple)):
        for i, inner in enumerate(value):
            refuse_unsafe_in(inner, f"{field}[{i}]")


def neutralised(text: str, multiline: bool = True) -> str:
    """The text with each forbidden character replaced by U+FFFD (stored before the entries refused them)."""
    pattern = _UNSAFE if multiline else _UNSAFE_LINE
    return pattern.sub(PLACEHOLDER, text) if pattern.search(text) else text


def neutralised_value(value: Any) -> Any:
    """Strings anywhere in a value (lists and dicts of JSON columns) neutralised; the same object if clean."""
    if isinstance(value, str):
        return neutralised(value)
    if isinstance(value, list):
        items = [neutralised_value(v) for v in value]
        return value if items == value else items
    if isinstance(value, dict):
        pairs = {neutralised(k) if isinstance(k, str) else k: neutralised_value(v) for k, v in value.items()}
        return value if pairs == value else pairs
    return value
