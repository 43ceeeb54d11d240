"""The high-contrast projector theme: pure black and white with strong accents that survive a washed-out wall."""

from __future__ import annotations

from textual.theme import Theme

PROJECTOR = Theme(
    name="visitation-projektor",
    primary="#FFD700",
    secondary="#00BFFF",
    accent="#FFD700",
    warning="#FFA500",
    error="#FF4040",
    success="#40FF40",
    foreground="#FFFFFF",
    background="#000000",
    surface="#101010",
    panel="#202020",
    dark=True,
)
