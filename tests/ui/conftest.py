"""UI fixtures: the app on a demo database."""

from __future__ import annotations

from pathlib import Path

import pytest

from visitation.services import demo
from visitation.services.db import Db, open_db


@pytest.fixture
def ui_db(tmp_path: Path) -> Db:
    """A file database (thread workers need a real file) with the demo loaded."""
    db = open_db(f"sqlite:///{tmp_path / 'ui.db'}", "tester")
    demo.load(db)
    return db
