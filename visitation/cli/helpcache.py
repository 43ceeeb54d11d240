"""`visitation … --help` replayed from a cache: the rich help as it was drawn last time, printed without loading
Typer, Rich or the commands.

The rich help (SPEC §9.5) costs Rich's Markdown, Pygments and every command's parameters (~200 ms) where
`import typer` costs ~60 ms. The text depends only on the code and on how it is shown, so it is drawn once per
(command path, code, terminal) and kept in the user's cache folder; a change to any module of the CLI or the
domain (whose labels the help quotes), another version of Typer or Rich, or another terminal width or colour
setting draws it afresh. Only a plain `visitation [KOMMANDO…] --help` qualifies: with any option or argument
the normal path runs. Help holds no personal data; the files are still the owner's only.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.util import find_spec
from pathlib import Path
from typing import BinaryIO, TextIO

HELP_FLAGS = ("--help", "-h")
ENVIRONMENT = ("COLUMNS", "LINES", "TERM", "COLORTERM", "NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE",
               "TTY_INTERACTIVE", "TYPER_USE_RICH", "_TYPER_FORCE_DISABLE_TERMINAL", "LANG", "LC_ALL")
"""What else changes the drawn help: Rich's and Typer's switches for width, colour and terminal."""
OFF = "VISITATION_NO_HELP_CACHE"


def wanted(argv: list[str]) -> bool:
    """A plain help request: command names only (lower-case words), then -h or --help."""
    return (bool(argv) and argv[-1] in HELP_FLAGS and os.environ.get(OFF) is None
            and all(word.isascii() and word.isalpha() and word.islower() for word in argv[:-1]))


def replay(argv: list[str]) -> bool:
    """Print the cached help for this request if there is one; True when printed (the caller exits 0)."""
    if not wanted(argv):
        return False
    try:
        text = _place(argv).read_bytes()
    except OSError:
        return False
    out = sys.stdout.buffer
    out.write(text)
    out.flush()
    return True


class Recorder:
    """Stands in for stdout while the help is drawn: passes everything through and keeps a copy, as bytes,
    whether it is written as text or to the binary buffer beneath (Click writes bytes there)."""

    def __init__(self, target: TextIO) -> None:
        self._target, self.kept = target, bytearray()
        self.buffer = _BinaryRecorder(target.buffer, self.kept) if hasattr(target, "buffer") else None

    def write(self, text: str) -> int:
        if not isinstance(text, str):  # as a text stream answers; Click probes with bytes to find the buffer
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        self.kept += text.encode(self._target.encoding or "utf-8", "replace")
        return int(self._target.write(text))

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]  # isatty, fileno, encoding, flush …
        return getattr(self._target, name)


class _BinaryRecorder:
    def __init__(self, target: BinaryIO, kept: bytearray) -> None:
        self._target, self._kept = target, kept

    def write(self, data: bytes) -> int:
        self._kept += data  # the text written before is in `kept` already: Click flushes it first
        return int(self._target.write(data))

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self._target, name)


@contextmanager
def recording(argv: list[str]) -> Iterator[None]:
    """While the CLI runs: a plain help request that ends well (exit 0) is kept for `replay`."""
    if not wanted(argv):
        yield
        return
    target = sys.stdout
    recorder = Recorder(target)
    sys.stdout = recorder  # a text stream in all but name
    try:
        yield
    except SystemExit as exc:
        if exc.code in (0, None):
            _keep(argv, bytes(recorder.kept))
        raise
    finally:
        sys.stdout = target


def _keep(argv: list[str], text: bytes) -> None:
    """Store what was drawn (written to a temporary file, then moved into place: a reader never sees half)."""
    place = _place(argv)
    try:
        place.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temporary = place.with_suffix(f".{os.getpid()}.tmp")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(text)
        os.replace(temporary, place)
    except OSError:
        return  # a cache that cannot be written only costs time


def _place(argv: list[str]) -> Path:
    from platformdirs import user_cache_path

    key = hashlib.sha256("\0".join([*argv, _terminal(), *_code()]).encode("utf-8", "surrogateescape"))
    return user_cache_path("visitation", appauthor=False) / "help" / f"{key.hexdigest()[:32]}.txt"


def _terminal() -> str:
    """How the help would be shown: stdout a terminal or not, its width, and the environment Rich reads."""
    try:
        size = os.get_terminal_size(sys.stdout.fileno()) if sys.stdout.isatty() else None
    except (OSError, ValueError, AttributeError):
        size = None
    return repr((size, [os.environ.get(name) for name in ENVIRONMENT]))


def _code() -> list[str]:
    """The files the help is drawn from, by name, size and time of change: the CLI, the domain, Typer, Rich."""
    here = Path(__file__).resolve().parent
    folders = [here, here.parent / "domain"]
    marks = []
    for folder in folders:
        marks += [f"{p.name}:{s.st_size}:{s.st_mtime_ns}" for p in sorted(folder.glob("*.py")) if (s := p.stat())]
    for package in ("typer", "rich", "visitation"):
        spec = find_spec(package)
        origin = Path(spec.origin) if spec and spec.origin else None
        if origin is not None:
            s = origin.stat()
            marks.append(f"{package}:{origin}:{s.st_size}:{s.st_mtime_ns}")
    return marks
