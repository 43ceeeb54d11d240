"""The network map places every label in its own sector's quadrant, never over another label, at 80×24 and
160×45; a family member added during the meeting is drawn in the family quadrant."""

from __future__ import annotations

import pytest

from screens.app import make_app
from screens.widgets.network_map import SECTORS, NetworkMap, Person, Placed, layout, quadrants
from tests.ui.helpers import go_to, settle
from visitation.domain.casefile import NetworkPerson
from visitation.services import network
from visitation.services.db import Db

RELATIONS = {"family": ["mor", "far", "mormor", "morfar", "moster", "storebror"],
             "friends": ["bedste ven", "nabo", "fodboldtræner"],
             "school": ["klasselærer", "pædagog", "skolepædagog", "SFO"],
             "professional": ["sundhedsplejerske", "PPR-psykolog", "familiebehandler"]}


def crowd() -> tuple[Person, ...]:
    """Sixteen people in all four sectors and rings, with long relations."""
    return tuple(Person(f"{n[:1]}{k}. ({relation})", sector, 1 + k % 3, ("resource", "concern", "both")[k % 3],
                        candidate=k == 1, change="ny" if k == 2 else "")
                 for sector, relations in RELATIONS.items() for k, relation in enumerate(relations)
                 for n in [sector.upper()])


def assert_apart_and_in_sector(placed: list[Placed], width: int, height: int) -> None:
    """No two labels share a cell or touch on a row; a person's label lies in its sector's quadrant."""
    cells: dict[tuple[int, int], str] = {}
    boxes = quadrants(width, height)
    for p in placed:
        assert 0 <= p.y < height and 0 <= p.x and p.x + len(p.text) <= width, p
        for x in range(p.x, p.x + len(p.text)):
            assert (x, p.y) not in cells, f"{p.text!r} over {cells[(x, p.y)]!r}"
            cells[(x, p.y)] = p.text
        if p.sector:
            assert boxes[p.sector].holds(p.x, p.y, len(p.text)), p
    for p in placed:
        assert (p.x - 1, p.y) not in cells and (p.x + len(p.text), p.y) not in cells, f"{p.text!r} touches"


@pytest.mark.parametrize(("width", "height"), [(38, 10), (78, 12), (158, 30)])
def test_a_crowded_map_keeps_labels_apart_and_in_their_sectors(width: int, height: int) -> None:
    people = crowd()
    placed = layout(people, width, height, "AN, 5 år")
    assert_apart_and_in_sector(placed, width, height)
    shown = [p for p in placed if p.text.startswith(("+", "!", "±")) and "i tabellen" not in p.text]
    notes = sum(int(p.text.split()[0][1:]) for p in placed if p.text.endswith("i tabellen"))
    assert len(shown) + notes == len(people)  # everyone is drawn, or counted where the table lists them
    if width >= 78:
        assert len(shown) == len(people)


@pytest.mark.parametrize("size", [(80, 24), (160, 45)])
async def test_a_family_member_added_at_the_meeting_is_drawn_in_the_family_quadrant(ui_db: Db, size) -> None:  # type: ignore[no-untyped-def]
    network.add(ui_db, "2026-0101", NetworkPerson("Grete Holm", "oldemor", "family", 1))
    app = make_app(ui_db, "VM-2026-11-24", clock=False)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # 2026-0101
        await settle(pilot)
        await go_to(pilot, "netvaerk")
        await pilot.pause()
        board = app.screen.query_one(NetworkMap)
        width, height = max(30, board.size.width), max(10, board.size.height - 1)
        placed = board.placed
        assert_apart_and_in_sector(placed, width, height)
        added = next(p for p in placed if "oldemor" in p.text)
        assert added.sector == "family" and quadrants(width, height)["family"].holds(added.x, added.y, len(added.text))
        assert {p.text for p in placed if not p.sector} == {"AN"}  # the child, by initials
        assert all(SECTORS[s][0][:5] in {p.text[:5] for p in placed} for s in SECTORS)
