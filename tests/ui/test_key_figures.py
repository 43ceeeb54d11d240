"""The dashboard draws the present at once, then the history; keys only."""

from __future__ import annotations

from textual.containers import VerticalScroll

from screens.app import make_app
from screens.key_figures import FiguresLoaded
from tests.ui.helpers import screen_text, settle
from visitation.services.db import Db


async def test_the_dashboard_shows_the_present_first_then_everything(ui_db: Db) -> None:
    messages: list[object] = []
    app = make_app(ui_db, "VM-2026-11-24", clock=False)
    async with app.run_test(size=(160, 45), message_hook=messages.append) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        loaded = list({id(m): m for m in messages if isinstance(m, FiguresLoaded)}.values())  # (it bubbles: seen twice)
        assert [m.complete for m in loaded] == [False, True]
        assert loaded[0].figures.children_per_step == loaded[1].figures.children_per_step
        text = screen_text(app)
        assert "Børn pr. trin (14 åbne sager)" in text and "Forebyggelsestrekanten (socialstyrelsen)" in text
        assert "Beregner" not in text
        app.screen.query_one(VerticalScroll).scroll_end(animate=False)  # the history, below the present
        await settle(pilot)
        text = screen_text(app)
        assert "Bevægelser ned ad trappen pr. måned" in text and "Beregner" not in text
        assert "Tid i anbringelse pr. type" in text and "Opfølgningens resultater" in text
        await pilot.press("escape")
        await settle(pilot)
        assert "Visitationsmøde" in screen_text(app)


def _chart(app, key: str) -> tuple[bool, str, str]:  # type: ignore[no-untyped-def]
    """Whether a chart is shown, its title and its body, as the screen holds them."""
    from textual.widgets import Static

    title, body = (app.screen.query_one(f"#{key}{part}", Static) for part in ("-title", ""))
    return title.display and body.display, str(title.render()), str(body.render())


async def test_socialstyrelsen_cases_show_the_prevention_triangle_and_the_target_group(ui_db: Db) -> None:
    from sqlalchemy import text

    from visitation.services import ics

    with ui_db.engine.begin() as conn:  # whatever the demo says: the four Socialstyrelsen cases unset, then three set
        conn.execute(text("UPDATE \"case\" SET prevention = '', position = '', wellbeing = '' "
                          "WHERE profile_key = 'socialstyrelsen'"))
    ics.classify(ui_db, "2026-0101", prevention="secondary", position="at-risk", wellbeing="not-thriving")
    ics.classify(ui_db, "2026-0102", prevention="primary", position="not-exposed", wellbeing="thriving")
    ics.classify(ui_db, "2026-0103", prevention="tertiary")  # 2026-0109, the fourth, stays unset
    app = make_app(ui_db, "VM-2026-11-24", clock=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        shown, title, body = _chart(app, "prevention")
        assert shown and title == "Forebyggelsestrekanten (socialstyrelsen): 4 åbne sager pr. niveau"
        assert [line.split()[0] + " " + line.split()[-1] for line in body.splitlines()] == [
            "Primær 1", "Sekundær 1", "Tertiær 1", "Uden 1"]
        shown, title, body = _chart(app, "target-group")
        assert shown and title == "Position × trivsel (skema 2): 1 i målgruppen (*)"
        assert body.splitlines()[1:] == ["Ikke udsat position              1             0 *",
                                         "Potentielt udsat position        0 *           1 *",
                                         "Udsat position                   0 *           0 *",
                                         "(uden position eller trivsel: 2)"]
        assert "Forebyggelsestrekanten (socialstyrelsen)" in screen_text(app)  # in view at once, under the steps


async def test_without_open_cases_of_a_profile_with_the_triangle_its_charts_are_hidden(ui_db: Db) -> None:
    from sqlalchemy import text

    with ui_db.engine.begin() as conn:
        conn.execute(text("UPDATE \"case\" SET status = 'closed' WHERE profile_key = 'socialstyrelsen'"))
    app = make_app(ui_db, "VM-2026-11-24", clock=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert not _chart(app, "prevention")[0] and not _chart(app, "target-group")[0]
        assert "Forebyggelsestrekanten" not in screen_text(app) and "Børn pr. trin (10 åbne sager)" in screen_text(app)
