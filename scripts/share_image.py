"""Draws theme/static/img/compartir.png: the picture shown when a page without its own logo is
shared (Open Graph). Run it by hand when the site's name or colours change, and commit the PNG:

    .venv/bin/python scripts/share_image.py

It needs Debian's fonts-dejavu-core (accents and «ñ»); the same font and Pillow give the same bytes.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "theme" / "static" / "img" / "compartir.png"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
SIZE = (1200, 630)  # what Open Graph readers show and crop to
TITLE = "Directorio de Organizaciones Sociales"
SUBTITLE = "San Miguel de Tucumán · CMOSC"
# The theme's --azul, --azul-oscuro and --azul-claro (theme/static/css/estilo.css).
BLUE, DARK_BLUE, LIGHT_BLUE, WHITE = "#0b4f8a", "#083a66", "#e3edf7", "#ffffff"


def _people(draw: ImageDraw.ImageDraw, x: int, y: int, unit: int) -> None:
    """The favicon's two figures (theme/static/img/favicon.svg), `unit` pixels per SVG unit."""
    draw.rounded_rectangle((x, y, x + 32 * unit, y + 32 * unit), radius=6 * unit, fill=WHITE)
    for cx in (11, 21):
        r = 4 * unit
        draw.ellipse((x + cx * unit - r, y + 13 * unit - r, x + cx * unit + r, y + 13 * unit + r), fill=BLUE)
        draw.chord(
            (x + (cx - 6) * unit, y + 19 * unit, x + (cx + 6) * unit, y + 33 * unit), 180, 360, fill=BLUE
        )


def render() -> Image.Image:
    image = Image.new("RGB", SIZE, BLUE)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, SIZE[1] - 110, SIZE[0], SIZE[1]), fill=DARK_BLUE)
    _people(draw, 80, 70, 6)
    title = ImageFont.truetype(str(FONT), 64)
    for number, line in enumerate(textwrap.wrap(TITLE, width=24)):
        draw.text((80, 300 + number * 80), line, font=title, fill=WHITE)
    draw.text((80, SIZE[1] - 82), SUBTITLE, font=ImageFont.truetype(str(FONT), 40), fill=LIGHT_BLUE)
    return image


if __name__ == "__main__":
    render().save(TARGET, "PNG", optimize=True)
    print(f"{TARGET.relative_to(ROOT)}: {SIZE[0]}×{SIZE[1]}")
