"""Snapshots of every screen at 80×24 and 160×45, with fixed data and no wall clock."""

from __future__ import annotations

from pathlib import Path

import pytest

from screens.app import make_app
from visitation.services import demo
from visitation.services.db import open_db

SIZES = [(80, 24), (160, 45)]


def _app(tmp_path: Path):  # type: ignore[no-untyped-def]
    db = open_db(f"sqlite:///{tmp_path / 'snap.db'}", "tester")
    demo.load(db)
    return make_app(db, "VM-2026-11-24", clock=False)


async def _settle(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_docket(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_app(tmp_path), terminal_size=size, run_before=_settle)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_docket_names_shown(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_app(tmp_path), terminal_size=size, run_before=_settle, press=["f2"])
