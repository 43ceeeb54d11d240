"""Garbage on the wall (`screens.memory`): in its own process the app never runs a full collection by itself
in the middle of a key's response, only in a quiet moment; an app among many (the tests) changes nothing."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator

import pytest

from screens import memory
from screens.app import make_app
from tests.ui.helpers import settle
from visitation.services.db import Db


@pytest.fixture
def restored_gc() -> Iterator[list[int]]:
    """The collector's settings put back, and full collections counted meanwhile."""
    thresholds, full = gc.get_threshold(), []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "stop" and info["generation"] == 2:
            full.append(1)

    gc.callbacks.append(count)
    yield full
    gc.callbacks.remove(count)
    gc.set_threshold(*thresholds)
    gc.unfreeze()


async def test_its_own_process_collects_only_when_no_key_came_for_a_while(ui_db: Db, restored_gc: list[int]) -> None:
    app = make_app(ui_db, "VM-2026-11-24", clock=False)
    app.own_process = True
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert gc.get_threshold()[2] == memory.NEVER  # no full collection of its own accord
        assert gc.get_freeze_count() > 0  # what start-up loaded is left out of them
        await pilot.press("down")
        assert time.monotonic() - app.last_key < 1
        before = len(restored_gc)
        app.collect_garbage()  # a key just came: not now
        assert len(restored_gc) == before
        app.last_key -= memory.QUIET_FOR
        app.collect_garbage()  # quiet for long enough: now
        assert len(restored_gc) == before + 1


async def test_an_app_among_many_leaves_the_collector_alone(ui_db: Db, restored_gc: list[int]) -> None:
    thresholds, frozen = gc.get_threshold(), gc.get_freeze_count()
    app = make_app(ui_db, "VM-2026-11-24", clock=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert gc.get_threshold() == thresholds and gc.get_freeze_count() == frozen
