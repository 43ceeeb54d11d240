"""`Db` is frozen: a purpose is a copy, so threads sharing one `Db` cannot change each other's audit events."""

from __future__ import annotations

import dataclasses
from concurrent.futures import ThreadPoolExecutor

import pytest

from visitation.services import audit
from visitation.services.db import Db


def test_db_is_frozen_and_a_purpose_is_a_copy(db: Db) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        db.purpose = "visitationsmøde VM-1"  # type: ignore[misc]
    at = db.for_meeting("VM-1")
    assert (db.purpose, at.purpose) == ("", "visitationsmøde VM-1")
    assert (at.engine, at.user, at.url) == (db.engine, db.user, db.url)
    assert db.with_purpose("tilsyn").purpose == "tilsyn"


def test_workers_at_once_each_keep_their_own_purpose(db: Db) -> None:
    def work(purpose: str) -> None:
        mine = db.with_purpose(purpose)
        for _ in range(15):
            audit.log_now(mine, "read", detail=purpose)

    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(work, ["visitationsmøde VM-A", "visitationsmøde VM-B"]))
    rows = [r for r in audit.events(db) if r.action == "read"]
    assert len(rows) == 30 and all(r.purpose == r.detail for r in rows)
