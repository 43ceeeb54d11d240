"""Snapshots of the seeds' methods in the case flow at 80×24 and 160×45: the Signs of Safety step and its
dialogs, ICS and the prevention triangle on Sagen, the ruler's warning and the safety plan on Beslutning."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.snapshots.test_snapshots import SIZES, _app
from tests.ui.helpers import settle, type_text
from visitation.services import cases, ics, sos
from visitation.services.db import Db

HJOERRING, HJ_MEETING = "2026-0108", "VM-2026-11-25-HJ"
RULER = "2026-0111"  # Hjørring, zone 3, proposal step 6
ON = dt.date(2026, 12, 8)


def with_mapping(db: Db) -> None:
    """A full mapping on the Hjørring case, the same whatever the demo brings (its own lines are removed)."""
    with db.engine.begin() as conn:
        for table in ("sos_entry", "sos_scale", "safety_rule"):
            conn.execute(text(f"DELETE FROM {table}"))  # noqa: S608 - fixed table names
    people = {m.relation: m.name for m in cases.show(db, HJOERRING).network}
    for column, line, who in (("worries", "Mor har drukket, når hun passer L alene", "Rådgiveren"),
                              ("worries", "Far har to gange hentet L påvirket", people["mormor"]),
                              ("working", "L er tryg hos mormor og morfar", people["mor"]),
                              ("working", "Mor er i alkoholbehandling og møder op", ""),
                              ("next", "Mormor og morfar vil være en del af planen", people["morfar"])):
        sos.add(db, HJOERRING, column, line, who)
    sos.danger(db, HJOERRING, "Vi er bekymrede for, at L bliver passet af en voksen, der er påvirket")
    sos.goal(db, HJOERRING, "L passes hver dag af en ædru voksen, som netværket har aftalt")
    for who, score, on in ((people["mor"], 3, dt.date(2026, 11, 10)), (people["mor"], 6, ON),
                           ("Rådgiveren", 4, ON), (people["mormor"], 5, ON)):
        sos.scale(db, HJOERRING, who, score, on)
    sos.plan(db, HJOERRING, "Mormor eller morfar henter L i vuggestuen hver dag", [people["mormor"], people["morfar"]])
    sos.plan(db, HJOERRING, "Ingen voksne drikker, når L er hjemme", [people["mor"], people["far"]])


def _drive(keys: list[str], case: str = HJOERRING, meeting: str = HJ_MEETING):  # type: ignore[no-untyped-def]
    async def drive(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        pilot.app.open_case(case, meeting)
        await settle(pilot)
        for key in keys:
            await (type_text(pilot, key[5:]) if key.startswith("type:") else pilot.press(key))
            await settle(pilot)
    return drive


FLOWS = {
    "sos_step": ["4"],
    "sos_step_end": ["4", "end"],
    "sos_scale_refused": ["4", "s", "enter", "down", "enter", "tab", "tab", "type:11", "ctrl+s"],
    "sos_plan_dialog": ["4", "p", "type:Morfar sover hjemme hos L i weekenden", "tab", "down", "down", "space",
                        "down", "down", "down", "down", "space"],
    "alternatives_with_plan": ["5"],
    "decision_with_plan": ["6"],
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", list(FLOWS))
def test_signs_of_safety(snap_compare, tmp_path: Path, name: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    """The Hjørring case with its mapping and plan (privacy on)."""
    app = _app(tmp_path)
    with_mapping(app.db)
    assert snap_compare(app, terminal_size=size, run_before=_drive(FLOWS[name]))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_ruler_warning(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    """Beslutning with the step outside the zone's range: the warning above the form and the rules."""
    app = _app(tmp_path)
    assert snap_compare(app, terminal_size=size, run_before=_drive(["6"], RULER))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_sagen_with_ics(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    """Sagen of a Socialstyrelsen case with its ICS notes and its place in the prevention triangle."""
    app = _app(tmp_path)
    ics.classify(app.db, "2026-0101", prevention="secondary", position="at-risk", wellbeing="not-thriving")
    for side, dimension, kind, note in (("child", "development", "concern", "Stille og trækker sig fra legen"),
                                        ("child", "leisure", "strength", "Har en god ven i børnehaven"),
                                        ("parents", "care", "strength", "Begge forældre søger hjælp"),
                                        ("family", "network", "concern", "Få voksne omkring familien")):
        ics.note(app.db, "2026-0101", side, dimension, **{kind: note})
    assert snap_compare(app, terminal_size=size, run_before=_drive(["down", "down", "down", "down", "down", "down",
                                                                    "down", "down", "down", "down", "down"],
                                                                   "2026-0101", "VM-2026-11-24"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_ics_dialog(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    """The ICS dialog with the family side chosen: its own dimensions."""
    app = _app(tmp_path)
    keys = ["i", "enter", "down", "down", "enter", "tab", "enter"]
    assert snap_compare(app, terminal_size=size, run_before=_drive(keys, "2026-0104", "VM-2026-11-26-OD"))
