"""The seeds' methods in the case file (SPEC §9.3): the Signs of Safety mapping with its safety plan, the ICS
notes, and Socialstyrelsen's prevention triangle and position × trivsel.

Checked with the same domain checks as the CLI (`texts.checked_text`, `sos.check_scale`, the ICS triangle,
`prevention.choice`), every error naming the field's path: `signs_of_safety.scale[0].score: …`. A plan rule's
keepers are named as on the file's own network map.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, TypeVar

from visitation.domain.ics import NoteKind, triangle
from visitation.domain.prevention import Position, Prevention, Wellbeing, choice
from visitation.domain.sos import COLUMNS, MAX_KEEPERS, Kind, check_scale
from visitation.domain.texts import MAX_TEXT, checked_text
from visitation.errors import InvalidInput

if TYPE_CHECKING:
    from visitation.domain.casefile import NetworkPerson, Node

T = TypeVar("T")

LINE_KEYS = {"worries": Kind.WORRIES, "working": Kind.WORKING, "next": Kind.NEXT, "danger": Kind.DANGER,
             "goals": Kind.GOAL}
"""The mapping's lists of lines in the file, in the order the mapping is read."""
MAPPING_KEYS = (*LINE_KEYS, "scale", "plan")
NAME_LIMIT = 200


@dataclass(frozen=True)
class SosLine:
    """A line of the mapping: a column's item (with whose words, if named), a danger statement or a safety goal."""

    kind: Kind
    text: str
    who: str = ""


@dataclass(frozen=True)
class ScaleRating:
    """One person's rating on the safety scale on a day."""

    who: str
    score: int
    date: date


@dataclass(frozen=True)
class PlanRule:
    """A rule of the safety plan and the network people (by name) who keep it."""

    rule: str
    keepers: tuple[str, ...]


@dataclass(frozen=True)
class Mapping:
    """The Signs of Safety mapping: its lines in the file's order, the ratings and the plan."""

    lines: tuple[SosLine, ...] = ()
    scale: tuple[ScaleRating, ...] = ()
    plan: tuple[PlanRule, ...] = ()


@dataclass(frozen=True)
class IcsNote:
    """A strength or a concern on one dimension of one side of the ICS triangle."""

    side: str
    dimension: str
    kind: NoteKind
    text: str


@dataclass(frozen=True)
class Methods:
    """The methods' data of a case; blank levels are unset."""

    sos: Mapping = Mapping()
    ics: tuple[IcsNote, ...] = ()
    prevention: str = ""
    position: str = ""
    wellbeing: str = ""


def parse_methods(root: Node, network: Sequence[NetworkPerson]) -> Methods:
    """The methods of a case file (all optional); the plan's keepers must be on `network`, the file's map."""
    return Methods(sos=_mapping(root.at("signs_of_safety"), network),
                   ics=tuple(_ics(n) for n in root.at("ics").items()),
                   prevention=_level(root.at("prevention"), Prevention),
                   position=_level(root.at("position"), Position),
                   wellbeing=_level(root.at("wellbeing"), Wellbeing))


def _named(node: Node, check: Callable[[], T]) -> T:
    """A domain check's result; its refusal (`--score: …`) said of this node's path instead."""
    try:
        return check()
    except InvalidInput as exc:
        raise node.fail(exc.message.partition(": ")[2] or exc.message) from None


def _text(node: Node, limit: int = MAX_TEXT) -> str:
    """A required text, checked as the CLI checks one (blank, too long, control characters)."""
    if not isinstance(node.value, str):
        raise node.fail("skal være en tekst" if node.value is not None else "mangler")
    return checked_text(node.value, node.path, limit)


def _mapping(node: Node, network: Sequence[NetworkPerson]) -> Mapping:
    if node.value is None:
        return Mapping()
    unknown = next((k for k in node.obj() if k not in MAPPING_KEYS), None)
    if unknown is not None:
        raise node.at(unknown[:40]).fail(f"ukendt felt; skal være {' | '.join(MAPPING_KEYS)}")
    lines = tuple(_line(item, kind) for key, kind in LINE_KEYS.items() for item in node.at(key).items())
    return Mapping(lines=lines, scale=tuple(_rating(n) for n in node.at("scale").items()),
                   plan=tuple(_rule(n, network) for n in node.at("plan").items()))


def _line(node: Node, kind: Kind) -> SosLine:
    """`{"text", "who"}`; only the three columns name who said it."""
    node.obj()
    who = node.at("who")
    blank = who.value is None or (isinstance(who.value, str) and not who.value.strip())
    return SosLine(kind, _text(node.at("text")), "" if kind not in COLUMNS or blank else _text(who, NAME_LIMIT))


def _rating(node: Node) -> ScaleRating:
    """`{"who", "score", "date"}`: a whole number 0–10, as `sos scale` takes it."""
    node.obj()
    score = node.at("score")
    shown = score.value if isinstance(score.value, int) else str(score.value)[:40]
    return ScaleRating(who=_text(node.at("who"), NAME_LIMIT), score=_named(score, lambda: check_scale(shown)),  # type: ignore[arg-type]
                       date=node.at("date").day())  # type: ignore[arg-type]


def _rule(node: Node, network: Sequence[NetworkPerson]) -> PlanRule:
    """`{"rule", "keepers": [NAME, …]}`: at least one keeper, each once on the file's network map."""
    node.obj()
    rule, keepers = _text(node.at("rule")), node.at("keepers")
    items = keepers.items()
    if not items:
        raise keepers.fail("mindst én fra netværket skal holde reglen")
    if len(items) > MAX_KEEPERS:
        raise keepers.fail(f"højst {MAX_KEEPERS} for én regel")
    return PlanRule(rule, tuple(dict.fromkeys(_keeper(k, network) for k in items)))


def _keeper(node: Node, network: Sequence[NetworkPerson]) -> str:
    name = _text(node, NAME_LIMIT)
    same = [p for p in network if p.name.casefold() == name.casefold()]
    if not same:
        raise node.fail(f"«{name[:40]}» er ikke på sagens netværkskort")
    if len(same) > 1:
        raise node.fail(f"«{name[:40]}» står {len(same)} gange på netværkskortet; giv dem forskellige navne")
    return same[0].name


def _ics(node: Node) -> IcsNote:
    """`{"side", "dimension", "strength" | "concern"}`, the side and dimension among the triangle's."""
    node.obj()
    side, dimension = node.at("side"), node.at("dimension")
    side_key = side.text(required=True, limit=100)
    _named(side, lambda: triangle().side(side_key))
    dim_key = dimension.text(required=True, limit=100)
    _named(dimension, lambda: triangle().dimension(side_key, dim_key))
    given = [kind for kind in NoteKind if node.at(kind.value).value is not None]
    if len(given) != 1:
        raise node.fail("skal have enten strength eller concern (én af dem)")
    return IcsNote(side_key, dim_key, given[0], _text(node.at(given[0].value)))


def _level(node: Node, enum: type[StrEnum]) -> str:
    """One of the enum's values, as `services.ics.classify` takes it; missing or blank is unset."""
    if node.value is None or node.value == "":
        return ""
    if not isinstance(node.value, str):
        raise node.fail("skal være en tekst")
    return choice(enum, node.value, node.path).value
