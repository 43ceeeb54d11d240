"""Creating and upgrading the schema with Alembic; a quick version check keeps start-up cheap."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, inspect, text

from visitation.errors import DatabaseError
from visitation.store.revision import HEAD as HEAD  # the newest revision (a test checks it is Alembic's head)

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(connection: Any = None, user: str = "visitation") -> Any:
    """An Alembic Config pointing at the shipped migrations (no alembic.ini needed); `user` is who a
    migration that logs itself names."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    config.attributes["user"] = user
    return config


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at; None for an empty database."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, revision: str = "head", user: str = "visitation") -> None:
    """Migrate the database to `revision` in one transaction."""
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(alembic_config(conn, user), revision)


def ensure(engine: Engine, user: str = "visitation") -> bool:
    """Bring the database to the current schema; True when it had to be created or upgraded."""
    revision = current_revision(engine)
    if revision == HEAD:
        return False
    if revision is not None and not any((MIGRATIONS / "versions").glob(f"{revision}_*.py")):
        raise DatabaseError(f"databasen er fra en nyere version af Visitation (skema {revision})")
    upgrade(engine, user=user)
    return True
