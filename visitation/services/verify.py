"""`visitation verify`: is the database whole and untouched? Hash chains, foreign keys, the engine's own check."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from visitation.services.db import Db
from visitation.store import chain
from visitation.store.models import AuditEvent, Decision

CHAIN_NAMES = {Decision: "beslutning", AuditEvent: "audithændelse"}


@dataclass(frozen=True)
class Finding:
    """One thing wrong, naming the table and the first bad row."""

    table: str
    row: int | None
    problem: str

    def __str__(self) -> str:
        where = f"{self.table} række {self.row}" if self.row is not None else self.table
        return f"{where}: {self.problem}"


@dataclass(frozen=True)
class Report:
    """What was checked and what was found."""

    checked: tuple[str, ...]
    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        """True when nothing was found."""
        return not self.findings


def verify(db: Db) -> Report:
    """Check the engine's integrity, the foreign keys and both hash chains; name the first bad row of each."""
    checked, findings = [], []
    with db.engine.connect() as conn:
        if db.engine.dialect.name == "sqlite":
            checked.append("SQLite integrity_check")
            bad = [r[0] for r in conn.execute(text("PRAGMA integrity_check")).fetchall() if r[0] != "ok"]
            findings += [Finding("databasefilen", None, f"integrity_check: {line}") for line in bad[:5]]
            checked.append("fremmednøgler (foreign_key_check)")
            for table, rowid, parent, _ in conn.execute(text("PRAGMA foreign_key_check")).fetchall()[:20]:
                findings.append(Finding(table, rowid, f"peger på en {parent}, der ikke findes"))
        else:
            checked.append("fremmednøgler (håndhæves af PostgreSQL)")
    with db.read() as session:
        for model, name in CHAIN_NAMES.items():
            checked.append(f"hashkæden over {model.__tablename__}")
            broken = chain.first_break(session, model)
            if broken:
                findings.append(Finding(str(model.__tablename__), broken[0], f"{name}: {broken[1]}"))
    return Report(tuple(checked), tuple(findings))
