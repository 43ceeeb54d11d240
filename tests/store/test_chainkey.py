"""The chain key: made once, owner-only, outside the database; VISITATION_CHAIN_KEY takes precedence."""

from __future__ import annotations

import os
import stat
import threading

import pytest

from visitation.errors import ChainKeyError
from visitation.paths import chain_key_path
from visitation.store import chainkey


def test_the_key_file_is_made_once_owner_only_in_an_owner_only_folder() -> None:
    assert chainkey.load() is None and "ingen nøgle" in chainkey.where()
    key = chainkey.ensure()
    path = chain_key_path()
    assert len(key) == 32 and path.read_text().strip() == key.hex()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert chainkey.ensure() == key == chainkey.load()
    assert chainkey.where() == f"nøglefilen {path}" and key.hex() not in chainkey.where()
    assert [p.name for p in path.parent.iterdir()] == ["chain.key"]  # no temporary file left


def test_processes_racing_to_make_the_key_agree_on_one() -> None:
    found: list[bytes] = []
    threads = [threading.Thread(target=lambda: found.append(chainkey.ensure())) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(found)) == 1 and len(found) == 8


def test_the_environment_takes_precedence(monkeypatch: pytest.MonkeyPatch) -> None:
    chainkey.ensure()
    monkeypatch.setenv(chainkey.ENV, "0f" * 32)
    assert chainkey.load() == bytes.fromhex("0f" * 32)
    assert chainkey.where() == f"miljøvariablen {chainkey.ENV}"


@pytest.mark.parametrize("value", ["abc", "zz" * 32, "ab" * 31])
def test_a_malformed_key_is_one_clear_line(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(chainkey.ENV, value)
    with pytest.raises(ChainKeyError, match="64 hex-tegn"):
        chainkey.load()


def test_a_key_file_others_can_read_is_refused() -> None:
    chainkey.ensure()
    os.chmod(chain_key_path(), 0o644)
    with pytest.raises(ChainKeyError, match="chmod 600"):
        chainkey.load()
