"""The installed app's icons, PNGs in the theme (`theme/iconos/`) that the build publishes.

The favicon's drawing (two people on the municipal blue), same bytes for the same Pillow.
Maskable: the figures stay inside the central 80 % safe zone.
"""

from __future__ import annotations

import io

from cmosc.settings import ICON_SIZES, ICONS_FOLDER, THEME_COLOR


def icon_png(size: int) -> bytes:
    from PIL import Image, ImageDraw  # only `cmosc derivados` draws

    scale = size / 40  # the 32-unit favicon drawn inside a 40-unit square with its margin
    image = Image.new("RGB", (size, size), THEME_COLOR)
    draw = ImageDraw.Draw(image)

    def box(x0, y0, x1, y1):
        return [round((v + 4) * scale) for v in (x0, y0, x1, y1)]

    for cx in (11, 21):
        draw.ellipse(box(cx - 4, 9, cx + 4, 17), fill="white")
        draw.pieslice(box(cx - 6, 19, cx + 6, 33), 180, 360, fill="white")
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


#: Path in the project → renderer (`cmosc.derived.DERIVED` takes them as they are).
ICONS = {
    f"theme/{ICONS_FOLDER}/icono-{size}.png": (lambda root, vocabularies, size=size: icon_png(size))
    for size in ICON_SIZES
}
