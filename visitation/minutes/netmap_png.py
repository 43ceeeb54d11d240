"""The network map as a PNG picture for Word: the same map as the HTML's SVG (netmap.py's geometry, marks and
legend), drawn with Pillow.

A palette image (a few colours) keeps it small and quick to write, and what every map shares is drawn once:
a map takes a few milliseconds, where rasterising the SVG (resvg) took 15-25 ms.
"""

from __future__ import annotations

import io
import zlib
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from visitation.minutes import netmap
from visitation.minutes.model import CaseMinutes

SCALE = 1.25
"""Pixels per SVG unit: 950 × 625 pixels, about 160 dpi at the picture's 150 mm width in Word."""
WIDTH, HEIGHT = int(netmap.WIDTH * SCALE), int((netmap.SIZE + 40) * SCALE)
INK, MUTED, RULE = "#1a1a1a", "#424242", "#9e9e9e"
FONTS = ("LiberationSans-Regular.ttf", "DejaVuSans.ttf", "Arial.ttf")
BOLD = ("LiberationSans-Bold.ttf", "DejaVuSans-Bold.ttf", "Arial Bold.ttf")


@lru_cache(maxsize=8)
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """A sans-serif font the machine has (Liberation, DejaVu, Arial), else Pillow's own. Basic layout: labels
    are Danish words that need no shaping, and it draws a fifth faster than Raqm."""
    for name in BOLD if bold else FONTS:
        try:
            return ImageFont.truetype(name, size, layout_engine=ImageFont.Layout.BASIC)
        except OSError:
            continue
    return ImageFont.load_default(size)


def _xy(x: float, y: float) -> tuple[float, float]:
    return x * SCALE, y * SCALE


def _circle(draw: ImageDraw.ImageDraw, x: float, y: float, r: float, **kw: object) -> None:
    cx, cy = _xy(x, y)
    draw.ellipse((cx - r * SCALE, cy - r * SCALE, cx + r * SCALE, cy + r * SCALE), **kw)  # type: ignore[arg-type]


def _shape(draw: ImageDraw.ImageDraw, valence: str, x: float, y: float, size: float = 6.5) -> None:
    """Circle, triangle or diamond, filled and outlined, as netmap.shape draws them."""
    fill = netmap.FILL.get(valence, "#555555")
    if valence == "concern":
        points = [(x, y - size * 1.2), (x + size * 1.1, y + size * 0.8), (x - size * 1.1, y + size * 0.8)]
    elif valence == "both":
        points = [(x, y - size * 1.2), (x + size * 1.2, y), (x, y + size * 1.2), (x - size * 1.2, y)]
    else:
        _circle(draw, x, y, size, fill=fill, outline=INK, width=1)
        return
    draw.polygon([_xy(px, py) for px, py in points], fill=fill, outline=INK, width=1)


def _text(draw: ImageDraw.ImageDraw, x: float, y: float, text: str, anchor: str, size: int = 11,
          bold: bool = False, fill: str = INK) -> None:
    """Text at an SVG position (baseline y; anchor start, middle or end)."""
    draw.text(_xy(x, y), text, fill=fill, font=font(int(size * SCALE), bold),
              anchor={"start": "ls", "middle": "ms", "end": "rs"}[anchor])


@lru_cache(maxsize=1)
def _background() -> Image.Image:
    """What every map shares, drawn once: the rings, the sector axes and names, the legend."""
    image = Image.new("P", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    cx, cy = netmap.CX, netmap.CY
    for r in netmap.RADII:
        _circle(draw, cx, cy, r, outline=RULE, width=2)
    edge = netmap.RADII[-1] + 8
    draw.line((*_xy(cx - edge, cy), *_xy(cx + edge, cy)), fill="#bdbdbd", width=1)
    draw.line((*_xy(cx, cy - edge), *_xy(cx, cy + edge)), fill="#bdbdbd", width=1)
    near = netmap.RADII[-1] - 40
    spots = {"family": (cx - near, 16, "end"), "friends": (cx + near, 16, "start"),
             "school": (cx - near, netmap.SIZE - 6, "end"), "professional": (cx + near, netmap.SIZE - 6, "start")}
    for key, (x, y, anchor) in spots.items():
        _text(draw, x, y, netmap.SECTORS[key][0], anchor, 12, True, MUTED)
    _circle(draw, cx, cy, 22, fill="white", outline=INK, width=3)
    _legend(draw)
    return image


def png(case: CaseMinutes) -> bytes:
    """The case's network map as PNG bytes: the child in the centre, each person's mark and label."""
    image = _background().copy()
    draw = ImageDraw.Draw(image)
    cx, cy = netmap.CX, netmap.CY
    _text(draw, cx, cy + 4, case.child.initials, "middle", 12, True)
    for person, (x, y) in netmap.positions(case.network.people):
        _shape(draw, person.valence, x, y)
        if person.placement_candidate:
            _circle(draw, x, y, 10.5, outline=INK, width=2)
        right = x >= cx
        _text(draw, x + (13 if right else -13), y + 3.5, f"{person.name} ({person.relation})",
              "start" if right else "end")
    out = io.BytesIO()
    # nine colours; runs of white compress best as runs (Z_RLE): smaller and quicker than the default strategy
    image.save(out, "PNG", compress_level=1, compress_type=zlib.Z_RLE, bits=4)
    return out.getvalue()


def _legend(draw: ImageDraw.ImageDraw) -> None:
    y = netmap.SIZE + 22
    x = 10.0
    for valence, label in netmap.LEGEND:
        _shape(draw, valence, x + 6, y - 4, 5)
        _text(draw, x + 16, y, label, "start")
        x += 95
    _circle(draw, x + 6, y - 4, 5, fill="#555555", outline=INK, width=1)
    _circle(draw, x + 6, y - 4, 8.5, outline=INK, width=2)
    _text(draw, x + 18, y, "mulig anbringelse/støtte", "start")
