"""Where Visitation keeps its files: platformdirs for user data, the shipped `data/` for reference data."""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

APP_NAME = "visitation"


def data_dir() -> Path:
    """The user's data directory (created on first use, owner-only)."""
    from platformdirs import user_data_path

    path = user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def config_dir() -> Path:
    """The user's config directory (not created here: only the chain key lives there)."""
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def chain_key_path() -> Path:
    """The installation's chain key, kept outside every database (see `visitation.store.chainkey`)."""
    return config_dir() / "chain.key"


def default_db_path() -> Path:
    """The default SQLite database file."""
    return data_dir() / "visitation.db"


def demo_db_path() -> Path:
    """The separate database `visitation demo` fills with fictional cases."""
    return data_dir() / "demo.db"


def reference_dir() -> Path:
    """The shipped reference data: `_data` inside a wheel, `data/` in a source checkout."""
    shipped = Path(str(files("visitation") / "_data"))
    if shipped.is_dir():
        return shipped
    return Path(__file__).resolve().parent.parent / "data"


def profiles_dir() -> Path:
    """Built-in municipality profiles."""
    return reference_dir() / "profiles"


def law_dir() -> Path:
    """The law paragraphs the profiles refer to."""
    return reference_dir() / "law"


def demo_dir() -> Path:
    """The fictional demo cases and meetings."""
    return reference_dir() / "demo"


def current_user() -> str:
    """The OS user, the default for `--user`."""
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USER", "ukendt")
