"""The seeds' methods in the case file (SPEC §9.3): the mapping, the safety plan, ICS notes and the prevention
triangle parse from `/1` and `/2`; every bad value is refused naming its path."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.history_example import changed, history
from visitation.domain.casefile import parse_case
from visitation.domain.casefile_methods import IcsNote, PlanRule, ScaleRating, SosLine
from visitation.domain.ics import NoteKind
from visitation.domain.sos import Kind
from visitation.errors import InvalidInput

KEEPERS = "signs_of_safety.plan[0].keepers"


def error(data: Any) -> str:
    with pytest.raises(InvalidInput) as err:
        parse_case(data)
    assert err.value.exit_code == 2
    return err.value.message


def test_the_methods_parse_in_the_files_order() -> None:
    methods = parse_case(history()).methods
    assert methods.sos.lines == (
        SosLine(Kind.WORRIES, "Liva kommer for sent og uden morgenmad", "Mette Holm"),
        SosLine(Kind.WORKING, "Mormor henter Liva hver dag", "Grethe"),
        SosLine(Kind.WORKING, "Liva er glad for sin klasse"),
        SosLine(Kind.NEXT, "En kontaktperson fra september", "Mette Holm"),
        SosLine(Kind.DANGER, "Vi er bekymrede for, at Liva ikke får mad og søvn nok, når mor har det dårligt"),
        SosLine(Kind.GOAL, "Liva møder i skole hver dag, mæt og udhvilet"))
    assert methods.sos.scale == (ScaleRating("Grethe", 6, date(2025, 9, 1)),
                                 ScaleRating("Mette Holm", 4, date(2025, 9, 2)))
    assert methods.sos.plan == (PlanRule("Mormor vækker Liva og giver hende morgenmad, når mor er indlagt",
                                         ("Grethe",)),)
    assert methods.ics == (IcsNote("child", "school", NoteKind.CONCERN, "Stigende fravær"),
                           IcsNote("family", "network", NoteKind.STRENGTH, "Mormor bor tæt på og hjælper hver dag"))
    assert (methods.prevention, methods.position, methods.wellbeing) == ("secondary", "at-risk", "not-thriving")


def test_the_methods_are_optional_and_travel_in_the_first_format_too() -> None:
    bare = {k: v for k, v in history().items()
            if k not in ("signs_of_safety", "ics", "prevention", "position", "wellbeing")}
    empty = parse_case(bare).methods
    assert (empty.sos.lines, empty.sos.scale, empty.sos.plan, empty.ics, empty.prevention) == ((), (), (), (), "")
    first = parse_case(history(format="visitation.case/1", decisions=[], goals=[], current_step=3)).methods
    assert first == parse_case(history()).methods  # the case as it stands, not its history


def test_keepers_are_matched_on_the_files_map_and_written_as_it_names_them() -> None:
    data = changed("signs_of_safety.plan.0", keepers=["  grethe ", "GRETHE"])
    assert parse_case(data).methods.sos.plan[0].keepers == ("Grethe",)
    assert parse_case(changed("signs_of_safety.working.0", who="  ")).methods.sos.lines[1].who == ""
    danger_who = changed("signs_of_safety.danger.0", who="Mette Holm")  # only the columns name who said it
    assert parse_case(danger_who).methods.sos.lines[4].who == ""


TWO_GRETHES = history(network=[*history()["network"], {**history()["network"][0], "relation": "nabo"}])


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (changed("signs_of_safety.scale.0", score=11),
         "signs_of_safety.scale[0].score: skal være et helt tal fra 0 til 10 (ikke 11)"),
        (changed("signs_of_safety.scale.1", score=-1),
         "signs_of_safety.scale[1].score: skal være et helt tal fra 0 til 10 (ikke -1)"),
        (changed("signs_of_safety.scale.0", score="x"),
         "signs_of_safety.scale[0].score: skal være et helt tal fra 0 til 10 (ikke x)"),
        (changed("signs_of_safety.scale.0", score=5.0),
         "signs_of_safety.scale[0].score: skal være et helt tal fra 0 til 10 (ikke 5.0)"),
        (changed("signs_of_safety.scale.0", score=True),
         "signs_of_safety.scale[0].score: skal være et helt tal fra 0 til 10 (ikke True)"),
        (changed("signs_of_safety.scale.0", score=None),
         "signs_of_safety.scale[0].score: skal være et helt tal fra 0 til 10 (ikke None)"),
        (changed("signs_of_safety.scale.0", date="2025-02-30"), "signs_of_safety.scale[0].date: "),
        (changed("signs_of_safety.scale.0", who=""), "signs_of_safety.scale[0].who: mangler"),
        (changed("signs_of_safety", bekymringer=[]),
         "signs_of_safety.bekymringer: ukendt felt; skal være worries | working | next | danger | goals | scale "
         "| plan"),
        (history(signs_of_safety=[]), "signs_of_safety: skal være et objekt"),
        (changed("signs_of_safety", worries={"text": "x"}), "signs_of_safety.worries: skal være en liste"),
        (changed("signs_of_safety.worries.0", text="x" * 2001),
         "signs_of_safety.worries[0].text: teksten er for lang (højst 2000 tegn)"),
        (changed("signs_of_safety.working.0", who="x" * 201),
         "signs_of_safety.working[0].who: teksten er for lang (højst 200 tegn)"),
        (changed("signs_of_safety.next.0", text="Ring\x07 nu"),
         "signs_of_safety.next[0].text: indeholder styretegn"),
        (changed("signs_of_safety.worries.0", who="Mette\u202eHolm"),
         "signs_of_safety.worries[0].who: indeholder styretegn"),
        (changed("signs_of_safety.danger.0", text="   "), "signs_of_safety.danger[0].text: mangler"),
        (changed("signs_of_safety.goals.0", text=42), "signs_of_safety.goals[0].text: skal være en tekst"),
        (changed("signs_of_safety.plan.0", rule="\x1b[2J"),
         "signs_of_safety.plan[0].rule: indeholder styretegn"),
        (changed("signs_of_safety.plan.0", keepers=["Grethe", "Bo"]),
         f"{KEEPERS}[1]: «Bo» er ikke på sagens netværkskort"),
        (changed("signs_of_safety.plan.0", keepers=["G" * 300]),
         f"{KEEPERS}[0]: teksten er for lang (højst 200 tegn)"),
        (changed("signs_of_safety.plan.0", keepers=[]), f"{KEEPERS}: mindst én fra netværket skal holde reglen"),
        (changed("signs_of_safety.plan.0", keepers=None), f"{KEEPERS}: mindst én fra netværket skal holde reglen"),
        (changed("signs_of_safety.plan.0", keepers="Grethe"), f"{KEEPERS}: skal være en liste"),
        (changed("signs_of_safety.plan.0", keepers=["Grethe"] * 21), f"{KEEPERS}: højst 20 for én regel"),
        (history(network=[], signs_of_safety=history()["signs_of_safety"]),
         f"{KEEPERS}[0]: «Grethe» er ikke på sagens netværkskort"),
        (TWO_GRETHES, f"{KEEPERS}[0]: «Grethe» står 2 gange på netværkskortet; giv dem forskellige navne"),
        (changed("ics.0", side="school"), "ics[0].side: skal være child | parents | family (ikke «school»)"),
        (changed("ics.0", dimension="hobby"),
         "ics[0].dimension: siden child har health, development, school, leisure (ikke «hobby»)"),
        (changed("ics.1", dimension="care"),  # a dimension of another side
         "ics[1].dimension: siden family har background, housing, network (ikke «care»)"),
        (changed("ics.0", side=None), "ics[0].side: mangler"),
        (changed("ics.0", strength="Møder igen"), "ics[0]: skal have enten strength eller concern (én af dem)"),
        (changed("ics.0", concern=None), "ics[0]: skal have enten strength eller concern (én af dem)"),
        (changed("ics.0", concern="x" * 2001), "ics[0].concern: teksten er for lang (højst 2000 tegn)"),
        (history(ics={"side": "child"}), "ics: skal være en liste"),
        (history(prevention="quaternary"), "prevention: skal være primary | secondary | tertiary (ikke «quaternary»)"),
        (history(position=3), "position: skal være en tekst"),
        (history(wellbeing="trivsel"), "wellbeing: skal være thriving | not-thriving (ikke «trivsel»)"),
    ],
)
def test_a_bad_value_names_its_path(data: Any, expected: str) -> None:
    assert error(data).startswith(expected)


def test_a_hostile_key_is_named_short() -> None:
    message = error(changed("signs_of_safety", **{"x" * 5000: []}))
    assert message.startswith(f"signs_of_safety.{'x' * 40}: ukendt felt") and len(message) < 200
