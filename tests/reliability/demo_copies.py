"""Fresh copies of a demo database for generated tests: the demo is loaded once, each example copies the file."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from visitation.services import demo
from visitation.services.db import open_db
from visitation.store import chainkey

_TEMPLATES: dict[str, Path] = {}
"""One template per chain key in use: each test has a key of its own (tests/conftest.py)."""


def demo_copy() -> tuple[str, Path]:
    """A SQLite URL of a new copy of the demo database, and the folder to remove afterwards."""
    key = str(chainkey.chain_key_path()) + os.environ.get(chainkey.ENV, "")
    if key not in _TEMPLATES:
        folder = Path(tempfile.mkdtemp(prefix="visitation-demo-"))
        db = open_db(f"sqlite:///{folder / 'template.db'}", "tester")
        demo.load(db)
        db.engine.dispose()
        _TEMPLATES[key] = folder / "template.db"
    folder = Path(tempfile.mkdtemp(prefix="visitation-copy-"))
    shutil.copy(_TEMPLATES[key], folder / "v.db")
    return f"sqlite:///{folder / 'v.db'}", folder
