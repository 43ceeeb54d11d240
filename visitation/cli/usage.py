"""Click's usage errors in Danish, one line each (the rest of the CLI speaks Danish too)."""

from __future__ import annotations

import re

GLOBAL_OPTIONS = ("--db", "--user", "--debug")
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), r) for p, r in (
    (r"^No such option: (\S+?)\.?(?: Did you mean (\S+?)\?| \(Possible options: (.*)\))?$", "ukendt tilvalg {0}"),
    (r"^Missing argument '(.+)'\.$", "mangler argumentet {0}"),
    (r"^Missing option '(.+)'\.$", "mangler tilvalget {0}"),
    (r"^Missing parameter: (.+)$", "mangler {0}"),
    (r"^Option '(.+)' requires an argument\.$", "tilvalget {0} kræver en værdi"),
    (r"^No such command '(.+?)'\.(?: Did you mean '(.+)'\?)?$", "ukendt kommando '{0}'"),
    (r"^Got unexpected extra argument(?:s|\(s\))? \((.*)\)$", "uventet ekstra argument: {0}"),
    (r"^Invalid value for '(.+?)': (.*)$", "{0}: {1}"),
))
_VALUES: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), r) for p, r in (
    (r"Input should be a valid integer", "skal være et helt tal"),
    (r"Input should be a valid number", "skal være et tal"),
    (r"Input should be a valid boolean", "skal være true eller false"),
    (r"is not one of (.*)\.?$", "skal være en af {0}"),
    (r"does not exist", "findes ikke"),
))


def danish(message: str) -> str:
    """A Click usage message in Danish; unknown ones pass through unchanged."""
    for pattern, template in _RULES:
        found = pattern.match(message.strip())
        if found:
            parts = list(found.groups())
            if template.startswith("{0}: "):
                parts[1] = _value(parts[1])
            text = template.format(*parts)
            if template.startswith("ukendt tilvalg"):
                text += _option_hint(found.group(1), found.group(2) or found.group(3))
            elif template.startswith("ukendt kommando") and found.group(2):
                text += f"; mente du '{found.group(2)}'?"
            return text
    return message


def _option_hint(option: str, suggestion: str | None) -> str:
    if option in GLOBAL_OPTIONS:
        return f" her; {option} står før kommandoen (visitation {option} … KOMMANDO)"
    return f" (mente du {suggestion}?)" if suggestion else ""


def _value(problem: str) -> str:
    for pattern, template in _VALUES:
        found = pattern.search(problem)
        if found:
            return template.format(*found.groups())
    return problem
