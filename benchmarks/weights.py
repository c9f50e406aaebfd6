"""Page weight: gzip sizes of the heaviest profile page and everything it loads (budget 30 KB)."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

BUDGET_BYTES = 30 * 1024
# What a visitor's browser fetches for a page, images aside (the budget counts none).
_ASSETS = re.compile(r'<(?:link[^>]*rel="stylesheet"[^>]*href|script[^>]*src)="([^"]+)"')


def gzip_size(data: bytes) -> int:
    # Level 6 is what common web servers use; mtime=0 keeps the figure reproducible.
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def asset_paths(output_dir: Path, html: str) -> list[Path]:
    """Local files a page links as stylesheet or script (site-root or absolute same-site URLs)."""
    paths = []
    for href in _ASSETS.findall(html):
        local = re.sub(r"^https?://[^/]+", "", href).split("?")[0]
        if local.startswith("/"):
            paths.append(output_dir / local.lstrip("/"))
    return paths


def page_weight(output_dir: Path, page: Path) -> dict[str, int]:
    """gzip bytes of the page's HTML, its CSS, its JS, and the total."""
    html = page.read_text(encoding="utf-8")
    weights = {"html": gzip_size(html.encode("utf-8")), "css": 0, "js": 0}
    for asset in asset_paths(output_dir, html):
        weights["css" if asset.suffix == ".css" else "js"] += gzip_size(asset.read_bytes())
    weights["total"] = weights["html"] + weights["css"] + weights["js"]
    return weights


def profile_pages(output_dir: Path) -> list[Path]:
    """Profile pages only: redirects for renamed profiles are not profiles."""
    pages = []
    for page in sorted((output_dir / "organizaciones").glob("*/index.html")):
        head = page.read_text(encoding="utf-8")[:3000]
        if 'http-equiv="refresh"' not in head:
            pages.append(page)
    return pages


def heaviest_profile(output_dir: Path) -> tuple[Path, dict[str, int]]:
    weighed = [(p, page_weight(output_dir, p)) for p in profile_pages(output_dir)]
    return max(weighed, key=lambda item: (item[1]["total"], str(item[0])))


def _kb(size: int) -> str:
    return f"{size / 1024:.1f} KB".replace(".", ",")


def measure(output_dir: Path, project_dir: Path | None = None) -> list[tuple[str, str]]:
    page, weights = heaviest_profile(Path(output_dir))
    slug = page.parent.name
    return [
        (f"Perfil más pesado, HTML comprimido (gzip) — {slug}", _kb(weights["html"])),
        ("Hojas de estilo del perfil, comprimidas (gzip)", _kb(weights["css"])),
        ("JavaScript del perfil, comprimido (gzip)", _kb(weights["js"])),
        ("Total del perfil más pesado, comprimido (meta ≤ 30 KB)", _kb(weights["total"])),
    ]


if __name__ == "__main__":
    import sys

    for label, value in measure(Path(sys.argv[1] if len(sys.argv) > 1 else "output")):
        print(f"{label}: {value}")
