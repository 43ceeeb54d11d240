"""Regenerate docs/key-figures.md from the definitions: `python docs/make_key_figures.py`."""

from __future__ import annotations

from pathlib import Path

from visitation.domain.keyfigures import document

if __name__ == "__main__":
    target = Path(__file__).resolve().parent / "key-figures.md"
    target.write_text(document(), encoding="utf-8")
