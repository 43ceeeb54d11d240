"""The three themes F3 cycles through, built for a washed-out projector: WCAG contrast measured, not guessed.

Body text ≥ 7:1, all text ≥ 4.5:1, field edges, the focus mark and the ruler's zone chips ≥ 3:1 against
the page (tests/ui/test_contrast.py measures every pair). Field edges, placeholder and privacy banners are
theme variables so a field is visible before it has the keyboard, and the one that has it is drawn in the
accent."""

from __future__ import annotations

from textual.color import Color
from textual.theme import Theme

PRIVACY_VARIABLES = {
    "privacy-on-background": "#14532D", "privacy-on-foreground": "#FFFFFF",
    "privacy-off-background": "#B00020", "privacy-off-foreground": "#FFFFFF",
}
"""The privacy banners: the same colours in every theme (any theme, even one chosen elsewhere, keeps them)."""

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
    variables={"border": "#FFD700", "border-blurred": "#9A9A9A", "field-edge": "#9A9A9A",
               "text-muted": "#C8C8C8", "placeholder": "#B0B0B0", "footer-key-foreground": "#FFD700",
               **PRIVACY_VARIABLES},
)
DARK = Theme(
    name="visitation-mørk",
    primary="#4EA8FF",
    secondary="#7FD4FF",
    accent="#FFB340",
    warning="#FFA62B",
    error="#FF6B6B",
    success="#4CD964",
    foreground="#F2F2F2",
    background="#121212",
    surface="#1C1C1C",
    panel="#2A2A2A",
    dark=True,
    variables={"border": "#FFB340", "border-blurred": "#8C8C8C", "field-edge": "#8C8C8C",
               "text-muted": "#C4C4C4", "placeholder": "#A8A8A8", "footer-key-foreground": "#FFB340",
               **PRIVACY_VARIABLES},
)
LIGHT = Theme(
    name="visitation-lys",
    primary="#0B4F9C",
    secondary="#005B7F",
    accent="#B34700",
    warning="#8A5200",
    error="#B00020",
    success="#14632F",
    foreground="#111111",
    background="#FFFFFF",
    surface="#F4F4F4",
    panel="#E6E6E6",
    dark=False,
    variables={"border": "#B34700", "border-blurred": "#6E6E6E", "field-edge": "#6E6E6E",
               "text-muted": "#4A4A4A", "placeholder": "#5E5E5E", "footer-key-foreground": "#0B4F9C",
               **PRIVACY_VARIABLES},
)
THEMES = (PROJECTOR, DARK, LIGHT)
"""F3's order; the first is the one the app starts in."""
NAMES = {PROJECTOR.name: "projektor", DARK.name: "mørk", LIGHT.name: "lys"}
"""What F3 says it switched to."""


def luminance(colour: Color) -> float:
    """WCAG 2 relative luminance of an opaque colour."""
    def linear(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4
    return 0.2126 * linear(colour.r) + 0.7152 * linear(colour.g) + 0.0722 * linear(colour.b)


def contrast(front: Color, back: Color) -> float:
    """WCAG 2 contrast ratio of `front` drawn over `back` (a translucent front is blended onto it first)."""
    shown = back.blend(front, front.a) if front.a < 1 else front
    high, low = sorted((luminance(shown), luminance(back)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_on(background: str) -> str:
    """Black or white, whichever reads better on the colour (the ruler's zone chips)."""
    back = Color.parse(background)
    return "black" if contrast(Color(0, 0, 0), back) >= contrast(Color(255, 255, 255), back) else "white"


def chip_on(colour: str, page: str, minimum: float = 3.0) -> str:
    """A zone colour as the ruler draws it on `page`: as the profile says when it stands out (≥ 3:1), else
    darkened on a light page or lightened on a dark one just enough (a database keeps the profile it was
    made with, and a municipality's own profile may choose colours for paper)."""
    chip, back = Color.parse(colour), Color.parse(page)
    towards = Color(0, 0, 0) if luminance(back) > 0.18 else Color(255, 255, 255)
    for step in range(21):
        shown = chip.blend(towards, step / 20)
        if contrast(shown, back) >= minimum:
            return shown.hex
    return towards.hex
