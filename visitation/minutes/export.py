"""Writing the minutes to a file: owner-only (0600), all or nothing — for the CLI and the TUI alike."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from visitation.errors import InvalidInput

if TYPE_CHECKING:
    from visitation.services.db import Db


@dataclass(frozen=True)
class Exported:
    """Where the minutes went and the content hash they carry."""

    path: Path
    privacy: str
    """The level in Danish words, e.g. "internt: navne, intet CPR"."""
    content_hash: str


def default_name(meeting: str, case: str | None, fmt: str) -> str:
    """`referat-VM-2026-11-24.md`, or `referat-VM-2026-11-24-2026-0101.md` for one case."""
    stem = f"referat-{meeting}" + (f"-{case}" if case else "")
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in stem)
    return f"{safe}.{fmt}"


def export(db: Db, meeting: str, fmt: str, privacy: str, path: Path, case: str | None = None,
           force: bool = False) -> Exported:
    """Build, render and write the minutes (audited as an export of each case only once written);
    an existing file is refused unless `force`."""
    from visitation.minutes import build, render

    if path.exists() and not path.is_dir() and not force:
        raise InvalidInput(f"-o: {path} findes allerede; brug --force for at overskrive")
    doc = build(db, meeting, privacy, case, then=lambda doc: write_private(path, render(doc, fmt)))
    return Exported(path, doc.privacy_label, doc.content_hash)


def write_private(path: Path, data: bytes) -> None:
    """Write a file readable by its owner only (0600), all or nothing (a temporary file, then rename)."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise InvalidInput(f"-o: {path} er en mappe")
    try:
        handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise InvalidInput(f"-o: kan ikke skrive i {folder} ({exc.strerror})") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temp, 0o600)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
