"""Regenerate docs/law.md from data/law/ and the built-in profiles: `python docs/make_law.py`."""

from __future__ import annotations

from pathlib import Path

from visitation.domain.lawdoc import document

if __name__ == "__main__":
    target = Path(__file__).resolve().parent / "law.md"
    target.write_text(document(), encoding="utf-8")
