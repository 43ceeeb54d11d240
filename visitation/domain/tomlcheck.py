"""Reading TOML reference files with errors that name the file, the line and the field."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from visitation.domain.texts import refuse_unsafe_in
from visitation.errors import InvalidInput

T = TypeVar("T")


MAX_FILE_BYTES = 1024 * 1024
"""A profile is a few hundred lines; a larger file is not one."""


class DataFileError(InvalidInput):
    """A profile or law file that does not hold what it must."""


class Source:
    """A parsed TOML file that can point at the line of a table or field."""

    def __init__(self, text: str, name: str) -> None:
        self.text, self.name = text, name
        self.lines = text.splitlines()
        try:
            self.data: dict[str, Any] = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise DataFileError(f"{name}: ikke gyldig TOML: {exc}") from None
        try:
            refuse_unsafe_in(self.data, "")
        except InvalidInput as exc:
            raise DataFileError(f"{name}: {exc.message}") from None

    @classmethod
    def read(cls, path: Path) -> Source:
        """Read a file; a missing or unreadable file is one clear error."""
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise DataFileError(
                    f"{path}: filen er for stor til at være en profil (højst {MAX_FILE_BYTES // 1024} KB)")
            return cls(path.read_text(encoding="utf-8"), path.name)
        except FileNotFoundError:
            raise DataFileError(f"{path}: filen findes ikke") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise DataFileError(f"{path}: kan ikke læses ({exc.__class__.__name__})") from None

    def line_of(self, table: str, index: int | None, field: str | None) -> int:
        """The 1-based line of `[table]`/the index-th `[[table]]`, and of `field` inside it."""
        header = re.compile(rf"^\s*\[\[?\s*{re.escape(table)}\s*\]\]?\s*(#.*)?$")
        starts = [i for i, line in enumerate(self.lines) if header.match(line)]
        if not starts:
            return 1
        start = starts[index or 0] if (index or 0) < len(starts) else starts[-1]
        if field:
            key = re.compile(rf"^\s*{re.escape(field)}\s*=")
            for i in range(start + 1, len(self.lines)):
                if self.lines[i].lstrip().startswith("["):
                    break
                if key.match(self.lines[i]):
                    return i + 1
        return start + 1

    def fail(self, table: str, index: int | None, field: str | None, problem: str) -> DataFileError:
        """An error naming file, line and field: `odder.toml:42: steps[2].label: mangler`."""
        where = table if index is None else f"{table}[{index}]"
        if field:
            where += f".{field}"
        return DataFileError(f"{self.name}:{self.line_of(table, index, field)}: {where}: {problem}")


class Table:
    """One TOML table being read, with typed getters that fail with a located message."""

    def __init__(self, source: Source, name: str, index: int | None, data: Any) -> None:
        self.source, self.name, self.index = source, name, index
        if not isinstance(data, dict):
            raise source.fail(name, index, None, "skal være en tabel")
        self.data: dict[str, Any] = data

    def fail(self, field: str | None, problem: str) -> DataFileError:
        """A located error for a field of this table."""
        return self.source.fail(self.name, self.index, field, problem)

    def get(self, field: str, kind: type[T], default: Any = ..., check: Callable[[T], bool] | None = None,
            problem: str = "ugyldig værdi") -> T:
        """The field as `kind`; missing fields use `default` or fail."""
        if field not in self.data:
            if default is ...:
                raise self.fail(field, "mangler")
            return default  # type: ignore[no-any-return]
        value = self.data[field]
        if kind is int and isinstance(value, bool) or not isinstance(value, kind):
            raise self.fail(field, f"skal være {_kind_name(kind)}")
        if kind is str and not value.strip():  # type: ignore[attr-defined]
            raise self.fail(field, "må ikke være tom")
        if check is not None and not check(value):
            raise self.fail(field, problem)
        return value

    def strings(self, field: str) -> tuple[str, ...]:
        """A list of strings (missing: empty)."""
        value = self.data.get(field, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(field, "skal være en liste af tekster")
        return tuple(value)

    def ints(self, field: str, default: Any = ...) -> tuple[int, ...]:
        """A list of integers."""
        if field not in self.data and default is not ...:
            return default  # type: ignore[no-any-return]
        value = self.data.get(field)
        if not isinstance(value, list) or not all(type(v) is int for v in value):
            raise self.fail(field, "skal være en liste af heltal")
        return tuple(value)


def tables(source: Source, name: str, data: dict[str, Any] | None = None) -> list[Table]:
    """Every `[[name]]` table of the file, in order."""
    items = (data if data is not None else source.data).get(name, [])
    if not isinstance(items, list):
        raise source.fail(name, None, None, "skal være en liste af tabeller ([[" + name + "]])")
    return [Table(source, name, i, item) for i, item in enumerate(items)]


def _kind_name(kind: type) -> str:
    return {str: "en tekst", int: "et heltal", bool: "true eller false", list: "en liste",
            dict: "en tabel"}.get(kind, kind.__name__)


def equals(expected: int) -> Callable[[int], bool]:
    """A `check` for `Table.get`: the value is `expected` (e.g. the n-th table numbered n)."""
    return lambda value: value == expected
