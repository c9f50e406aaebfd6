"""Map tiles in tests: there is no network, so every tile request gets a local blank PNG."""

from __future__ import annotations

import io
from functools import cache

from PIL import Image

TILE_HOST = "https://tile.openstreetmap.org/"


@cache
def blank_tile() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (256, 256), (236, 239, 242)).save(buffer, "PNG")
    return buffer.getvalue()


def route_tiles(context_or_page) -> list[str]:
    """Answer tile requests with the blank PNG; returns the list of URLs asked for."""
    asked: list[str] = []

    def handle(route):
        asked.append(route.request.url)
        route.fulfill(status=200, content_type="image/png", body=blank_tile())

    context_or_page.route(TILE_HOST + "**", handle)
    return asked
