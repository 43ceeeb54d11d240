"""The chain key: 32 random bytes kept outside the database, so whoever can edit the database cannot re-hash it.

Where it is: `VISITATION_CHAIN_KEY` (64 hex digits) when set — a team sharing PostgreSQL gives every
member the same one — else the installation's key file, `chain.key` in the user config directory
(0600 in a 0700 folder). `visitation init` makes the file when there is no key; so does the first
write to a brand-new database and the migration that keys an existing one, so `demo` and a first
`case add` work without `init`. Nothing here ever prints, logs or stores the key itself.
"""

from __future__ import annotations

import os
import secrets
import stat
import tempfile
from pathlib import Path

from visitation.errors import ChainKeyError
from visitation.paths import chain_key_path as chain_key_path

ENV = "VISITATION_CHAIN_KEY"
SIZE = 32
"""Bytes of key; written as twice as many hex digits."""


def load() -> bytes | None:
    """The key from `VISITATION_CHAIN_KEY`, else from the key file; None when there is neither."""
    given = os.environ.get(ENV, "").strip()
    if given:
        return _parse(given, ENV)
    path = chain_key_path()
    try:
        return _parse(_read_private(path), str(path))
    except FileNotFoundError:
        return None


def ensure() -> bytes:
    """The key, made in the key file first when there is none."""
    return load() or _create(chain_key_path())


def where() -> str:
    """Where the key lives, in words for the user (never the key itself)."""
    if os.environ.get(ENV, "").strip():
        return f"miljøvariablen {ENV}"
    path = chain_key_path()
    return f"nøglefilen {path}" if path.exists() else f"ingen nøgle endnu (den laves i {path})"


def _parse(text: str, source: str) -> bytes:
    try:
        key = bytes.fromhex(text.strip())
    except ValueError:
        key = b""
    if len(key) != SIZE:
        raise ChainKeyError(f"{source}: kædenøglen skal være {2 * SIZE} hex-tegn ({SIZE} byte)")
    return key


def _read_private(path: Path) -> str:
    """The key file's text; refused when others may read it (as ssh refuses a readable private key)."""
    mode = stat.S_IMODE(path.stat().st_mode)
    if os.name == "posix" and mode & 0o077:
        raise ChainKeyError(f"kædenøglen {path} kan læses af andre; ret det med: chmod 600 {path}")
    try:
        return path.read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError) as exc:
        raise ChainKeyError(f"kædenøglen {path} kan ikke læses ({exc.__class__.__name__})") from None


def _create(path: Path) -> bytes:
    """A new key, written whole beside the key file and then linked into place.

    The link is atomic and fails if the file exists, so a key is never half-written or replaced; when
    another process made one first, that one is used.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(path.parent, 0o700)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".chain.key.")  # mode 0600
        try:
            with os.fdopen(handle, "w", encoding="ascii") as out:
                out.write(secrets.token_hex(SIZE) + "\n")
                out.flush()
                os.fsync(out.fileno())
            try:
                os.link(temp, path)
            except FileExistsError:
                pass
        finally:
            os.unlink(temp)
    except OSError as exc:
        raise ChainKeyError(f"kan ikke lave kædenøglen i {path.parent} ({exc.strerror}); "
                            f"sæt {ENV} eller giv adgang til mappen") from None
    return _parse(_read_private(path), str(path))
