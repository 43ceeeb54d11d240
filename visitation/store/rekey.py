"""Schema 0005: the chains of an existing database sealed with the chain key, once, and the change logged.

Before 0005 each row's hash was plain SHA-256 — anyone able to edit the database could recompute it.
The upgrade checks the old chains first, then re-seals every row of both in id order with HMAC-SHA256
(new `prev_hash` and `hash`), writes the key check and the anchors, and appends an audit event that
says so. A chain already broken is re-sealed as it stands (the database stays usable, and new
tampering is caught from here on), but never silently: the event names where the old chain was broken.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, MetaData, Table, bindparam, update

from visitation.errors import ChainKeyError
from visitation.store import chain, chainkey

MOST_NAMED = 5
"""Old breaks named per chain in the audit event; the rest are counted."""
LABELS = {"decision": "beslutninger", "audit_event": "audithændelser"}


def key_existing(conn: Connection, user: str) -> None:
    """Seal an existing database's chains with the installation's key (made if needed) and log it.

    A database with nothing in it is left for its first write to key, so making an empty database
    never needs a key.
    """
    if not chain.has_content(conn):
        return
    key = chainkey.ensure()
    found = MetaData()
    found.reflect(bind=conn, only=["decision", "audit_event"])  # the tables as they are at this revision
    notes = [_reseal(conn, found.tables[name], key, _old_problem) for name in LABELS]
    chain.key_database(conn, key)
    chain.append_values(conn, found.tables["audit_event"], {
        "at": dt.datetime.now(dt.UTC), "user": user[:200], "action": "migrate", "case_id": None,
        "entity": "schema", "entity_id": None, "purpose": "", "detail": _detail(notes)[:1000]}, key)


def reseal_grown(conn: Connection, table_name: str, added: tuple[str, ...], user: str, revision: str) -> None:
    """A chained table gained columns (`added`): check every row under the database's key as it was sealed,
    without them, then seal it again with them, and log it. A row that did not check is named in the event,
    never laundered silently; a database without its key cannot take the upgrade."""
    if not chain.has_content(conn):
        return
    key = chainkey.load()
    stored = chain.setting_value(conn, chain.KEY_CHECK)
    if key is None or stored is None or stored != chain.key_check(key):
        raise ChainKeyError(f"skema {revision} forsegler beslutningskæden igen og kræver databasens kædenøgle "
                            f"({chainkey.ENV} eller {chainkey.chain_key_path()})")
    found = MetaData()
    found.reflect(bind=conn, only=[table_name, "audit_event"])

    def problem(row: chain.Stored, previous: str) -> str:
        if row.prev_hash != previous:
            return "(forrige hash passede ikke)"
        before = {name: value for name, value in row.values.items() if name not in added}
        return "" if row.hash == chain.seal(key, before) else "(indholdet var ændret)"

    name, count, breaks = _reseal(conn, found.tables[table_name], key, problem)
    chain.key_database(conn, key)
    text = (f"skema {revision}: {count} {LABELS[name]} forseglet igen med de nye kolonner "
            f"({', '.join(added)})." + (f" IKKE hele før: {'; '.join(breaks[:MOST_NAMED])}." if breaks else ""))
    chain.append_values(conn, found.tables["audit_event"], {
        "at": dt.datetime.now(dt.UTC), "user": user[:200], "action": "migrate", "case_id": None,
        "entity": "schema", "entity_id": None, "purpose": "", "detail": text[:1000]}, key)


def seal_as_is(conn: Connection, table: Table, key: bytes) -> None:
    """Seal every row of a chain as it stands, checking nothing: for rows made outside the tool in bulk
    (the benchmarks' generated databases, a test's database at an older revision)."""
    _reseal(conn, table, key, lambda row, previous: "")


def _reseal(conn: Connection, table: Table, key: bytes,
            old_problem: Callable[[chain.Stored, str], str]) -> tuple[str, int, list[str]]:
    """Check each row as it was sealed (`old_problem`) and re-seal it with the key; (table, rows, breaks)."""
    old = new = ""
    breaks: list[str] = []
    count, last_id = 0, 0
    batch: list[dict[str, Any]] = []
    for row in chain.stored_rows(conn, table):
        problem = old_problem(row, old)
        if problem:
            breaks.append(f"række {row.id} {problem}")
        sealed = chain.seal(key, {**row.values, "prev_hash": new})
        batch.append({"_id": row.id, "_prev": new, "_hash": sealed})
        old, new, last_id, count = row.hash, sealed, row.id, count + 1
        if len(batch) >= chain.BATCH:
            _write(conn, table, batch)
            batch = []
    _write(conn, table, batch)
    anchor = chain.setting_value(conn, chain.anchor_name(table.name))
    if anchor is not None and anchor.split(" ")[:2] != [str(last_id), old]:
        breaks.append(f"ankeret nævnte række {anchor.split(' ')[0]}, men kæden sluttede ved {last_id}")
    return table.name, count, breaks


def _old_problem(row: chain.Stored, previous: str) -> str:
    """What was wrong with a row under the old, unkeyed chain ('' when nothing)."""
    if row.prev_hash != previous:
        return "(forrige hash passede ikke)"
    if row.unreadable:
        return f"(ulæselig værdi i {', '.join(row.unreadable)})"
    if row.hash != chain.public_digest(row.values):
        return "(indholdet var ændret)"
    return ""


def _write(conn: Connection, table: Table, batch: list[dict[str, Any]]) -> None:
    if batch:
        conn.execute(update(table).where(table.c.id == bindparam("_id"))
                     .values(prev_hash=bindparam("_prev"), hash=bindparam("_hash")), batch)


def _detail(notes: list[tuple[str, int, list[str]]]) -> str:
    """The audit event's text: what was sealed, and every old break (the first few named)."""
    counts = " og ".join(f"{count} {LABELS[name]}" for name, count, _ in notes)
    text = f"skema 0005: kæderne er forseglet med kædenøglen (HMAC-SHA256); {counts} er forseglet igen."
    broken = [(name, found) for name, _, found in notes if found]
    if not broken:
        return text + " De gamle kæder var hele."
    parts = []
    for name, found in broken:
        more = f" og {len(found) - MOST_NAMED} mere" if len(found) > MOST_NAMED else ""
        parts.append(f"{name}: {'; '.join(found[:MOST_NAMED])}{more}")
    return (text + " De gamle kæder var IKKE hele — " + " | ".join(parts) +
            ". Rækkerne er forseglet, som de stod; bruddet er registreret her.")
