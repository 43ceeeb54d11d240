"""Regenerate docs/methods.md from data/methods/ics.toml, the method modules and the profiles:
`python docs/make_methods.py`."""

from __future__ import annotations

from pathlib import Path

from visitation.domain.methoddoc import document

if __name__ == "__main__":
    target = Path(__file__).resolve().parent / "methods.md"
    target.write_text(document(), encoding="utf-8")
