"""`visitation verify`: is the database whole and untouched? The keyed hash chains, foreign keys, the
engine's own check; and the chain head a minutes file carries, as a witness of the decision chain."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sqlalchemy import Connection, select, text
from sqlmodel import Session, col

from visitation import paths
from visitation.services.db import Db
from visitation.services.stats_months import month_end, steps_by_month
from visitation.store import chain, chainkey, month_store
from visitation.store.models import AuditEvent, Decision

CHAIN_NAMES = {Decision: "beslutning", AuditEvent: "audithændelse"}
MOST_PER_CHAIN = 20
"""Findings named per chain; the rest are counted (a chain sealed with another key fails on every row)."""
HEAD = re.compile(r"beslutning:(\d+):([0-9a-f]{16})?")


@dataclass(frozen=True)
class Finding:
    """One thing wrong, naming the table and the bad row (no row: the whole chain or database)."""

    table: str
    row: int | None
    problem: str

    def __str__(self) -> str:
        where = f"{self.table} række {self.row}" if self.row is not None else self.table
        return f"{where}: {self.problem}"


@dataclass(frozen=True)
class Report:
    """What was checked, what was found, and why authenticity is unproven ('' when the key proved it)."""

    checked: tuple[str, ...]
    findings: tuple[Finding, ...]
    unproven: str = ""

    @property
    def ok(self) -> bool:
        """True when nothing was found (authentic only if `unproven` is empty too)."""
        return not self.findings


def verify(db: Db) -> Report:
    """Check the database with this installation's chain key (or, without one, the chains' structure)."""
    key = chainkey.load()
    with db.engine.connect() as conn:
        return inspect(conn, key)


def inspect(conn: Connection, key: bytes | None) -> Report:
    """Every check on one connection (a restore runs them inside its transaction, before it commits).

    A check that raises is itself a finding; the others still run.
    """
    checked: list[str] = []
    findings: list[Finding] = []
    chain_key = _usable_key(conn, key)
    for name, check in _checks(conn, key, chain_key):
        checked.append(name)
        try:
            findings += check()
        except Exception as exc:  # verify reports, it never stops
            findings.append(Finding(name, None, f"kontrollen kunne ikke gennemføres ({exc.__class__.__name__})"))
    return Report(tuple(checked), tuple(findings), "" if chain_key else _unproven(key))


def _checks(conn: Connection, key: bytes | None,
            chain_key: bytes | None) -> Iterator[tuple[str, Callable[[], list[Finding]]]]:
    if conn.dialect.name == "sqlite":
        yield "SQLite integrity_check", lambda: _integrity(conn)
        yield "fremmednøgler (foreign_key_check)", lambda: _foreign_keys(conn)
    else:
        yield "fremmednøgler (håndhæves af PostgreSQL)", list
    yield "kædenøglen (chain.key_check)", lambda: _key_findings(conn, key)
    for model, name in CHAIN_NAMES.items():
        table = model.__table__  # type: ignore[attr-defined]
        yield (f"hashkæden over {table.name} (HMAC-SHA256)",
               functools.partial(_chain_findings, conn, table, name, chain_key))
    yield f"nøgletallenes gemte måneder ({month_store.TABLE}) mod rækkerne", lambda: _kept_month_findings(conn)


def _kept_month_findings(conn: Connection) -> list[Finding]:
    """The kept months the key figures read, each against a replay from the rows (they are derived, so a
    difference means the table was edited by hand)."""
    kept = month_store.kept(conn)
    if not kept.months:
        return []
    ends = sorted(month_end(m) for m in kept.months)
    with Session(bind=conn) as session:
        replayed = steps_by_month(session, ends)
    return [Finding(month_store.TABLE, None, f"måned {m} afviger fra en genberegning ud fra rækkerne: tabellen "
                                              "er rettet uden om Visitation, og nøgletallene viser måneden forkert")
            for m in sorted(kept.months) if kept.months[m] != replayed[m]]


def _integrity(conn: Connection) -> list[Finding]:
    bad = [r[0] for r in conn.execute(text("PRAGMA integrity_check")).fetchall() if r[0] != "ok"]
    return [Finding("databasefilen", None, f"integrity_check: {line}") for line in bad[:5]]


def _foreign_keys(conn: Connection) -> list[Finding]:
    found = conn.execute(text("PRAGMA foreign_key_check")).fetchall()[:20]
    return [Finding(table, rowid, f"peger på en {parent}, der ikke findes") for table, rowid, parent, _ in found]


def _usable_key(conn: Connection, key: bytes | None) -> bytes | None:
    """The key, unless the database is sealed with another one (then None: structure only)."""
    try:
        stored = chain.setting_value(conn, chain.KEY_CHECK)
    except Exception:  # an unreadable setting table is reported by the key check itself
        return None
    return key if key is not None and stored in (None, chain.key_check(key)) else None


def _key_findings(conn: Connection, key: bytes | None) -> list[Finding]:
    stored = chain.setting_value(conn, chain.KEY_CHECK)
    if stored is None and chain.has_content(conn):
        return [Finding("databasen", None, "nøglemærket chain.key_check mangler, men databasen har indhold: "
                                           "det er fjernet, og kæderne er ikke beskyttet")]
    if stored is not None and key is not None and stored != chain.key_check(key):
        return [Finding("databasen", None, f"databasen er forseglet med en anden kædenøgle end den her "
                                           f"({chainkey.where()}): ægtheden kan ikke afgøres; angiv databasens "
                                           f"nøgle med {chainkey.ENV}")]
    return []


def _chain_findings(conn: Connection, table: object, name: str, key: bytes | None) -> list[Finding]:
    found = [Finding(table.name, row, f"{name}: {problem}")  # type: ignore[attr-defined]
             for row, problem in chain.problems(conn, table, key)]  # type: ignore[arg-type]
    if len(found) <= MOST_PER_CHAIN:
        return found
    more = Finding(table.name, None, f"{name}: og {len(found) - MOST_PER_CHAIN} fund mere")  # type: ignore[attr-defined]
    return [*found[:MOST_PER_CHAIN], more]


def _unproven(key: bytes | None) -> str:
    if key is not None:
        return "ægtheden er ikke bevist: kædenøglen her er ikke databasens"
    return (f"ægtheden er ikke bevist: der er ingen kædenøgle her (hverken {chainkey.ENV} eller "
            f"{paths.chain_key_path()}), så kun kædernes sammenhæng er kontrolleret, indtil nøglen gives")


def chain_head(session: Session) -> str:
    """The decision chain's head as minutes carry it: `beslutning:ID:first 16 hex of its hash`."""
    last_id, last_hash = chain.head(session, Decision.__table__)  # type: ignore[attr-defined]
    return f"beslutning:{last_id}:{last_hash[:16]}"


@dataclass(frozen=True)
class Witness:
    """Whether the decision chain still holds the head a minutes file was exported at."""

    holds: bool
    message: str


def witness(db: Db, head: str) -> Witness:
    """Compare a head from `chain_head` with the database: the decision it names must still have that hash."""
    found = HEAD.fullmatch(head)
    if found is None:
        return Witness(False, f"kædehovedet '{head[:40]}' er ulæseligt")
    number, prefix = int(found.group(1)), found.group(2) or ""
    if number == 0:
        return Witness(True, "beslutningskæden var tom ved udskrivningen")
    with db.read() as session:
        stored = session.execute(select(col(Decision.hash)).where(col(Decision.id) == number)).scalar()
    if stored is None:
        return Witness(False, f"beslutning {number}, kædens hoved ved udskrivningen, findes ikke længere: "
                              "beslutningskæden er afkortet eller skrevet om")
    if not stored.startswith(prefix) or not prefix:
        return Witness(False, f"beslutning {number} har ikke længere hashen {prefix}…: beslutningskæden er "
                              "skrevet om siden udskrivningen")
    return Witness(True, f"kædehovedet ved udskrivningen (beslutning {number}, {prefix}…) står uændret i kæden")

