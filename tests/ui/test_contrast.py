"""WCAG contrast of everything the wall draws, in every theme F3 offers, and of every profile's ruler zones.

Thresholds (SPEC §9.4, stricter than WCAG AA for a washed-out projector): body text ≥ 7:1, all other text
≥ 4.5:1, field edges, the focus mark and the zone chips ≥ 3:1 against the page they sit on."""

from __future__ import annotations

import pytest
from textual.color import Color

from screens.themes import THEMES, chip_on, contrast, text_on
from visitation.domain.profiles import builtin_names, load_profile

BODY, TEXT, EDGE = 7.0, 4.5, 3.0


def palette(theme) -> dict[str, Color]:  # type: ignore[no-untyped-def]
    """The theme's variables as opaque colours (an `auto N%` text colour resolved against its page)."""
    variables = {**theme.to_color_system().generate(), **(theme.variables or {})}
    return {name: Color.parse(value) for name, value in variables.items()
            if isinstance(value, str) and value.startswith("#")}


def shown(front: str, back: Color, variables: dict[str, str]) -> Color:
    """A colour as drawn over `back`: `auto N%` is Textual's black-or-white at N% opacity."""
    value = variables[front]
    if value.startswith("auto"):
        alpha = float(value.split()[1].rstrip("%")) / 100 if " " in value else 1.0
        return back.get_contrast_text(alpha)
    return Color.parse(value)


PAIRS = [
    # (what, front, back, minimum)
    ("brødtekst på siden", "foreground", "background", BODY),
    ("brødtekst på en flade (felter, dialoger)", "foreground", "surface", BODY),
    ("brødtekst på panelet (trinlinje)", "foreground", "panel", BODY),
    ("bundlinjens tekst", "footer-foreground", "footer-background", BODY),
    ("bundlinjens taster", "footer-key-foreground", "footer-background", TEXT),
    ("dæmpet tekst", "text-muted", "background", TEXT),
    ("dæmpet tekst på en flade", "text-muted", "surface", TEXT),
    ("deltagerlinjen (dæmpet forgrund)", "foreground-muted", "background", TEXT),
    ("pladsholder i et felt", "placeholder", "surface", TEXT),
    ("overskrifter (primærfarve)", "primary", "background", TEXT),
    ("fejltekst", "error", "background", TEXT),
    ("privatliv til-banneret", "privacy-on-foreground", "privacy-on-background", BODY),
    ("privatliv fra-banneret (navne vises)", "privacy-off-foreground", "privacy-off-background", BODY),
    ("tabelmarkøren mod siden", "block-cursor-background", "background", EDGE),
    ("feltkant mod siden", "border-blurred", "background", EDGE),
    ("feltkant mod fladen", "border-blurred", "surface", EDGE),
    ("fokusramme mod siden", "border", "background", EDGE),
    ("fokusramme mod fladen", "border", "surface", EDGE),
    ("reglernes grønne ramme", "success", "background", EDGE),
    ("reglernes røde ramme", "error", "background", EDGE),
]


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_every_text_edge_and_focus_pair_of_every_theme(theme) -> None:  # type: ignore[no-untyped-def]
    variables = {**theme.to_color_system().generate(), **(theme.variables or {})}
    colours = palette(theme)
    failing = []
    for what, front, back, minimum in PAIRS:
        ratio = contrast(shown(front, colours[back], variables), colours[back])
        if ratio < minimum:
            failing.append(f"{what}: {ratio:.2f}:1 < {minimum}:1")
    cursor = colours["block-cursor-background"]
    if contrast(shown("block-cursor-foreground", cursor, variables), cursor) < TEXT:
        failing.append("tekst på tabelmarkøren")
    assert failing == [], f"{theme.name}: " + "; ".join(failing)


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
@pytest.mark.parametrize("profile", builtin_names())
def test_every_profiles_zone_chips_read_on_every_theme(theme, profile: str) -> None:  # type: ignore[no-untyped-def]
    colours = palette(theme)
    failing = []
    for zone in load_profile(profile).zones:
        chip = Color.parse(zone.hex)
        for page in ("background", "surface"):
            if (ratio := contrast(chip, colours[page])) < EDGE:
                failing.append(f"zone {zone.number} ({zone.hex}) mod {page}: {ratio:.2f}:1")
        label = Color.parse("#000000" if text_on(zone.hex) == "black" else "#FFFFFF")
        if (ratio := contrast(label, chip)) < TEXT:
            failing.append(f"zone {zone.number}s tekst: {ratio:.2f}:1")
    assert failing == [], f"{profile} i {theme.name}: " + "; ".join(failing)


def test_the_contrast_measure_is_wcags() -> None:
    """Known WCAG figures: black on white 21:1, #767676 on white 4.54:1, a half-transparent white on black."""
    white, black = Color(255, 255, 255), Color(0, 0, 0)
    assert round(contrast(black, white), 1) == 21.0
    assert round(contrast(Color.parse("#767676"), white), 2) == 4.54
    half = contrast(Color.parse("#808080"), black)
    assert contrast(Color(255, 255, 255, 0.5), black) == pytest.approx(half, rel=0.02)


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_a_profile_of_pale_colours_is_still_drawn_readably(theme) -> None:  # type: ignore[no-untyped-def]
    """A database keeps the profile it was made with (and a municipality may pick colours for paper): the
    ruler adjusts a chip that would not stand out on the page."""
    page = palette(theme)["background"]
    for pale in ("#c0ca33", "#f9a825", "#ffffff", "#000000", "#2e7d32"):
        chip = Color.parse(chip_on(pale, page.hex))
        assert contrast(chip, page) >= EDGE
        label = Color.parse("#000000" if text_on(chip.hex) == "black" else "#FFFFFF")
        assert contrast(label, chip) >= TEXT
    assert chip_on("#2e7d32", "#000000") == "#2E7D32"  # a colour that stands out is drawn as the profile says
