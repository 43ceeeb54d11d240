"""Opening a database for a user, and the profiles it keeps."""

from __future__ import annotations

import datetime as dt
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session, select

from visitation.domain.profiles import DEFAULT_PROFILE, Profile, load_profile, profile_from_text
from visitation.errors import NotFound
from visitation.paths import data_dir
from visitation.store import chain, chainkey, schema
from visitation.store.dump import write_copy
from visitation.store.engine import (
    make_engine,
    read_session,
    translated,
    write_session,
)
from visitation.store.engine_url import database_url
from visitation.store.models import Setting, StoredProfile


@dataclass(frozen=True)
class Db:
    """An open database and who is using it (every change and read is attributed).

    Frozen, so threads that share one `Db` cannot change what each other's audit events say;
    a different purpose is a copy (`with_purpose`, `for_meeting`).
    """

    engine: Engine
    user: str
    url: str = ""
    purpose: str = ""
    """Why the data is used, e.g. the meeting; goes into the audit log."""

    def with_purpose(self, purpose: str) -> Db:
        """A copy whose audit events give `purpose`; this `Db` is unchanged."""
        return replace(self, purpose=purpose)

    def for_meeting(self, ref: str) -> Db:
        """A copy whose audit events say the data was used at the meeting `ref`."""
        return self.with_purpose(f"visitationsmøde {ref}")

    def read(self) -> AbstractContextManager[Session]:
        """A read session."""
        return read_session(self.engine)

    def write(self) -> AbstractContextManager[Session]:
        """A write transaction."""
        return write_session(self.engine)


def open_db(db: str | None, user: str, migrate: bool = True) -> Db:
    """Open (and if needed create or upgrade) the database at `db` (URL or path)."""
    url = database_url(db)
    engine = make_engine(url)
    if migrate:
        with translated():
            revision = schema.current_revision(engine)
            if revision is not None and revision != schema.HEAD:
                backup_before_migrating(Db(engine=engine, user=user, url=url), revision)
            schema.ensure(engine, user)
    return Db(engine=engine, user=user, url=url)


def default_profile_key(session: Session) -> str:
    """The profile new cases get unless they name one."""
    row = session.get(Setting, "profile")
    return row.value if row else DEFAULT_PROFILE


def remember_profile(session: Session, profile: Profile) -> None:
    """Keep the profile's text in the database, so cases read as they were decided."""
    found = session.exec(select(StoredProfile).where(
        StoredProfile.key == profile.key, StoredProfile.version == profile.version)).first()
    if found is None:
        session.add(StoredProfile(key=profile.key, version=profile.version, text=profile.text))
        session.flush()


def profile_for(session: Session, key: str | None = None, version: str | None = None) -> Profile:
    """A profile by key (and version): the stored text first, then the built-in profiles."""
    key = key or default_profile_key(session)
    query = select(StoredProfile).where(StoredProfile.key == key)
    if version:
        query = query.where(StoredProfile.version == version)
    stored = session.exec(query.order_by(StoredProfile.id.desc())).first()  # type: ignore[union-attr]
    if stored is not None:
        return profile_from_text(stored.text, f"{key}.toml")
    try:
        return load_profile(key)
    except NotFound:
        raise NotFound(f"ukendt profil '{key}'") from None


def init(db: Db, profile_name: str | None) -> tuple[Profile, str]:
    """Create the database (idempotent), key its chains, and, if given, make a profile the default for new cases.

    Returns the profile and where the chain key lives (made now if the installation had none).
    """
    with db.write() as session:
        chain.signing_key(session)
        profile = load_profile(profile_name) if profile_name else profile_for(session)
        remember_profile(session, profile)
        if profile_name:
            row = session.get(Setting, "profile") or Setting(key="profile", value=profile.key)
            row.value = profile.key
            session.add(row)
        return profile, chainkey.where()


def backup_before_migrating(db: Db, revision: str) -> None:
    """A copy of the database as it was, beside it (SQLite) or in the data folder (PostgreSQL), before upgrading.

    Not logged: the audit table may be of the older schema.
    """
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    if db.engine.dialect.name == "sqlite" and db.engine.url.database:
        source = Path(db.engine.url.database)
        target = source.with_name(f"{source.stem}.før-skema-{schema.HEAD}.{revision}.{stamp}.backup")
    else:
        target = data_dir() / f"{db.engine.url.database}.før-skema-{schema.HEAD}.{revision}.{stamp}.backup"
    write_copy(db.engine, target)
