"""The keyed hash chains over decisions and audit events.

A row's `hash` is HMAC-SHA256, under the chain key (kept outside the database: `chainkey`), of the
row's canonical JSON, which includes `prev_hash`: a changed, removed or reordered row breaks the
chain, and without the key nobody can mend it. Two kinds of setting guard the rest:

- `chain.key_check`: a MAC of a fixed text under the key. It names the key a database is sealed with
  (revealing nothing of it), so a tool holding another key refuses to extend the chain.
- `chain.decision`, `chain.audit_event` (the anchors): "last_id last_hash mac", so rows cut off the end
  show, and an anchor moved back to an earlier row shows too (its mac is the key's).

Rows are read back as the database holds them and converted column by column, so a value nobody can
read (junk written into a date by SQL) is named with its row instead of stopping the check.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, Engine, RowMapping, Table, insert, literal, select, type_coerce, update
from sqlalchemy.types import NullType
from sqlmodel import Session, SQLModel

from visitation import paths
from visitation.errors import ChainKeyError
from visitation.store import chainkey
from visitation.store.engine import audit_lock
from visitation.store.models import AuditEvent, Decision, Setting, metadata

CHAINED: tuple[type[SQLModel], ...] = (Decision, AuditEvent)
KEY_CHECK = "chain.key_check"
CONTENT = ("case", "meeting", "decision", "audit_event")
"""A database holding rows in any of these is not empty."""
BATCH = 1000
_CHECK_TEXT = b"visitation chain key check"
_HEX64 = re.compile(r"[0-9a-f]{64}")
_KEYS: WeakKeyDictionary[Engine, bytes] = WeakKeyDictionary()
"""Per engine, the key already checked against the database's key check (so a write costs no query)."""

Executor = Connection | Session
"""Both run Core statements; a session flushes pending rows first."""


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value.isoformat(timespec="microseconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def canonical(values: Mapping[str, Any]) -> bytes:
    """A row's canonical JSON: every column but `hash`, keys sorted, dates as ISO text, UTF-8."""
    body = {name: _plain(value) for name, value in values.items() if name != "hash"}
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def content_of(row: SQLModel) -> dict[str, Any]:
    """The columns of an ORM row (the hash among them; `canonical` leaves it out)."""
    return {c.name: getattr(row, c.name) for c in row.__table__.columns}  # type: ignore[attr-defined]


def _mac(key: bytes, message: bytes) -> str:
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def _same(stored: Any, expected: str) -> bool:
    """A constant-time comparison that also takes a stored value of any type or alphabet."""
    return hmac.compare_digest(str(stored).encode("utf-8"), expected.encode("utf-8"))


def seal(key: bytes, values: Mapping[str, Any]) -> str:
    """A row's hash: HMAC-SHA256 of its canonical JSON under the chain key."""
    return _mac(key, canonical(values))


def public_digest(values: Mapping[str, Any]) -> str:
    """Plain SHA-256 of the canonical JSON: the chains before schema 0005,
    and what a forger without the key computes."""
    return hashlib.sha256(canonical(values)).hexdigest()


def key_check(key: bytes) -> str:
    """The value of `chain.key_check` for a key."""
    return _mac(key, _CHECK_TEXT)


def anchor_name(table: str) -> str:
    """The setting that remembers a chain's last row."""
    return f"chain.{table}"


def _anchor(key: bytes, table: str, last_id: int, last_hash: str) -> str:
    return f"{last_id} {last_hash} {_mac(key, f'{table}|{last_id}|{last_hash}'.encode())}"


def setting_value(conn: Executor, name: str) -> str | None:
    """A setting's value, read through Core (so it never goes stale in a session)."""
    table = Setting.__table__  # type: ignore[attr-defined]
    value: str | None = conn.execute(select(table.c.value).where(table.c.key == name)).scalar()
    return value


def _put(conn: Executor, name: str, value: str) -> None:
    table = Setting.__table__  # type: ignore[attr-defined]
    if conn.execute(update(table).where(table.c.key == name).values(value=value)).rowcount == 0:  # type: ignore[attr-defined]
        conn.execute(insert(table).values(key=name, value=value))


def head(conn: Executor, table: Table) -> tuple[int, str]:
    """The id and hash of a chain's last row; (0, "") for an empty chain."""
    last = conn.execute(select(table.c.id, table.c.hash).order_by(table.c.id.desc()).limit(1)).first()
    return (last[0], last[1]) if last else (0, "")


def has_content(conn: Executor) -> bool:
    """Whether any case, meeting, decision or audit event is stored."""
    return any(conn.execute(select(literal(1)).select_from(metadata.tables[name]).limit(1)).first()
               for name in CONTENT)


def key_database(conn: Executor, key: bytes) -> None:
    """Mark the database as sealed with `key`, and anchor both chains at their current ends."""
    _put(conn, KEY_CHECK, key_check(key))
    for model in CHAINED:
        table: Table = model.__table__  # type: ignore[attr-defined]
        _put(conn, anchor_name(table.name), _anchor(key, table.name, *head(conn, table)))


def signing_key(session: Executor) -> bytes:
    """The key to seal with: this installation's, refused unless it is the database's.

    A brand-new database (no key check, nothing committed) is keyed here, with the installation's key
    (made if there is none). A database with committed content but no key check is refused: its key
    check was removed, and `verify` says so.
    """
    engine = _engine(session)
    if isinstance(engine, Engine) and engine in _KEYS:
        return _KEYS[engine]
    stored = setting_value(session, KEY_CHECK)
    if stored is None:
        if _committed_content(session):
            raise ChainKeyError("databasen har indhold, men intet nøglemærke (chain.key_check er fjernet); "
                                "kæderne forlænges ikke — kør visitation verify")
        key = chainkey.ensure()
        key_database(session, key)
        return key  # remembered only once the key check is committed (next write)
    loaded = chainkey.load()
    if loaded is None:
        raise ChainKeyError(f"databasen er beskyttet med en kædenøgle, som ikke findes her; sæt {chainkey.ENV} "
                            f"eller læg nøglefilen i {paths.chain_key_path()}")
    if not _same(stored, key_check(loaded)):
        raise ChainKeyError(f"kædenøglen ({chainkey.where()}) er ikke databasens; kæderne forlænges ikke. "
                            f"Brug databasens nøgle ({chainkey.ENV})")
    if isinstance(engine, Engine):
        _KEYS[engine] = loaded
    return loaded


def _engine(conn: Executor) -> Any:
    """The engine a session or connection talks to."""
    return conn.get_bind() if isinstance(conn, Session) else conn.engine


def _committed_content(session: Executor) -> bool:
    """Whether content was stored before this transaction (seen from a connection of its own), so rows the
    transaction itself added before its first chained row — a case imported with its audit event — count not."""
    engine = _engine(session)
    if not isinstance(engine, Engine) or engine.url.database in (None, "", ":memory:"):
        return has_content(session)
    with engine.connect() as other:
        return has_content(other)


def forget(engine: Engine) -> None:
    """Drop the remembered key check (the database's content was replaced, as by a restore)."""
    _KEYS.pop(engine, None)


def append(session: Session, row: Decision | AuditEvent) -> None:
    """Add a row at the end of its chain; the caller's write transaction serialises appends (PostgreSQL: the
    audit chain under a lock of its own, `engine.audit_lock`)."""
    key = signing_key(session)
    table: Table = row.__table__  # type: ignore[union-attr]
    if isinstance(row, AuditEvent):
        audit_lock(session)
    row.prev_hash = head(session, table)[1]
    session.add(row)
    session.flush()  # assigns the id, which the hash covers, so reordering rows breaks the chain
    row.hash = seal(key, content_of(row))
    _put(session, anchor_name(table.name), _anchor(key, table.name, row.id or 0, row.hash))
    session.flush()


def append_event(conn: Connection, row: AuditEvent) -> int:
    """Append an audit event through Core, without an ORM session (a read's audit row: `audit_connection`).

    Sealed exactly as `append` seals it: the hash covers the row's own values (`content_of`) with the id the
    insert assigned and the chain's last hash as `prev_hash`.
    """
    key = signing_key(conn)
    table: Table = AuditEvent.__table__  # type: ignore[attr-defined]
    values = {**content_of(row), "prev_hash": head(conn, table)[1], "hash": ""}
    del values["id"]
    new_id = conn.execute(insert(table).values(values)).inserted_primary_key[0]  # type: ignore[index]
    digest = seal(key, {**values, "id": new_id})
    conn.execute(update(table).where(table.c.id == new_id).values(hash=digest))
    _put(conn, anchor_name(table.name), _anchor(key, table.name, new_id, digest))
    return int(new_id)


def append_values(conn: Connection, table: Table, values: Mapping[str, Any], key: bytes) -> int:
    """Append a row through Core, sealed as it reads back (for a migration, which sees its revision's tables)."""
    new_id = conn.execute(insert(table).values({**values, "prev_hash": head(conn, table)[1], "hash": ""})
                          ).inserted_primary_key[0]  # type: ignore[index]
    stored = next(stored_rows(conn, table, after=new_id - 1))
    digest = seal(key, stored.values)
    conn.execute(update(table).where(table.c.id == new_id).values(hash=digest))
    _put(conn, anchor_name(table.name), _anchor(key, table.name, new_id, digest))
    return int(new_id)


@dataclass(frozen=True)
class Stored:
    """A chained row as the database holds it."""

    id: int
    prev_hash: str
    hash: str
    values: dict[str, Any]
    unreadable: tuple[str, ...]
    """Columns whose stored value could not be read (their raw value is in `values`)."""


def stored_rows(conn: Connection, table: Table, after: int | None = None) -> Iterator[Stored]:
    """The rows of a chain in id order, read raw and converted column by column, a batch at a time."""
    dialect = conn.dialect
    readers = {c.name: c.type.dialect_impl(dialect).result_processor(dialect, None) for c in table.columns}
    raw = select(*[type_coerce(c, NullType()).label(c.name) for c in table.columns]).order_by(table.c.id)
    while True:
        query = raw if after is None else raw.where(table.c.id > after)
        batch = conn.execute(query.limit(BATCH)).mappings().all()
        for found in batch:
            yield _converted(found, readers)
        if len(batch) < BATCH:
            return
        after = batch[-1]["id"]


def _converted(found: RowMapping, readers: Mapping[str, Any]) -> Stored:
    values: dict[str, Any] = {}
    unreadable = []
    for name, value in found.items():
        reader = readers[name]
        try:
            values[name] = reader(value) if reader is not None and value is not None else value
        except Exception:  # any failure to convert is a finding about this row, never the end of the check
            values[name] = value
            unreadable.append(name)
    return Stored(found["id"], values["prev_hash"], values["hash"], values, tuple(unreadable))


def problems(conn: Connection, table: Table, key: bytes | None) -> Iterator[tuple[int | None, str]]:
    """What is wrong with a chain, row by row: links and the anchor always; hashes and seals with the key."""
    previous, last_id = "", 0
    for row in stored_rows(conn, table):
        if row.prev_hash != previous:
            yield row.id, "kæden er brudt (forrige hash passer ikke: en række er slettet eller flyttet)"
        if row.unreadable:
            yield row.id, f"ulæselig værdi i kolonnen {', '.join(row.unreadable)}"
        elif key is not None and not _same(row.hash, seal(key, row.values)):
            yield row.id, _unsealed(row)
        previous, last_id = row.hash, row.id
    yield from _anchor_problems(conn, table.name, key, last_id, previous)


def _unsealed(row: Stored) -> str:
    if row.hash == public_digest(row.values):
        return "rækken er hashet uden kædenøglen (almindelig SHA-256): skrevet eller rettet uden om Visitation"
    return "indholdet er ændret efter det blev gemt (eller rækken er hashet med en anden nøgle)"


def _anchor_problems(conn: Connection, table: str, key: bytes | None, last_id: int,
                     last_hash: str) -> Iterator[tuple[int | None, str]]:
    anchor = setting_value(conn, anchor_name(table))
    if anchor is None:
        if setting_value(conn, KEY_CHECK) is not None:
            yield None, "kædens anker mangler: det er slettet, så afkortning kan ikke udelukkes"
        return
    known_id, known_hash, mac = (anchor.split(" ") + ["", ""])[:3]
    if (known_id, known_hash) != (str(last_id), last_hash):
        yield _cut(known_id, last_id)
    elif not _HEX64.fullmatch(mac):
        yield None, "kædens anker har intet segl: det er skrevet uden om Visitation"
    elif key is not None and not _same(anchor, _anchor(key, table, last_id, last_hash)):
        yield None, "kædens anker er ikke forseglet med kædenøglen: det er rettet uden om Visitation"


def _cut(known: str, last_id: int) -> tuple[int | None, str]:
    """The finding when the anchor names another last row than the chain ends with."""
    if not known.isdigit():
        return None, "kædens anker er ulæseligt"
    if int(known) > last_id:
        return int(known), f"kæden slutter ved række {last_id}, men den sidst gemte var {known}: rækker er slettet"
    if int(known) < last_id:
        return last_id, f"kæden fortsætter efter række {known}, den sidst gemte: rækker er tilføjet uden om Visitation"
    return last_id, "den sidste række er udskiftet: ankeret kender en anden hash"
