"""Organization logos: checked when validating, resized and re-encoded when building.

Validation reads only the header (type, size, dimensions); the build decodes the
image once, scales it to at most `MAX_SIDE` px and writes it without metadata, so a
published logo is small, free of EXIF data and byte-identical across builds.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from cmosc.profiles.checks import Problem

MAX_SIDE = 256  # longest side of the published logo, in px
SHOWN_SIDE = 128  # shown at half size, so it stays sharp on dense screens
MIN_SOURCE_SIDE = 16  # smaller than this is not a usable logo
MAX_SOURCE_SIDE = 4000  # larger is a photo or a decompression bomb, not a logo
FORMATOS = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp"}


@dataclass(frozen=True)
class Logo:
    """A logo as published: where it comes from and its size on the page."""

    source: Path
    ext: str
    ancho: int
    alto: int

    @property
    def mostrado(self) -> tuple[int, int]:
        """Width and height attributes of the <img>, so the page does not jump."""
        return target_size(self.ancho, self.alto, SHOWN_SIDE)

    def save_as(self, slug: str) -> str:
        return f"organizaciones/{slug}/logo.{self.ext}"


def _open(path: Path):
    from PIL import Image  # Pillow is loaded only for a profile with a logo

    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        return Image.open(path)


def image_problem(path: Path) -> Problem | None:
    """A problem when the file is not a decodable PNG/JPG/WebP of a sane size."""
    from PIL import Image

    try:
        with _open(path) as image:
            kind = FORMATOS.get(image.format)
            width, height = image.size
            if kind is None:
                return Problem("logo_formato")
            if not (min(width, height) >= MIN_SOURCE_SIDE and max(width, height) <= MAX_SOURCE_SIDE):
                return Problem(
                    "logo_dimensiones",
                    {"ancho": width, "alto": height, "minimo": MIN_SOURCE_SIDE, "maximo": MAX_SOURCE_SIDE},
                )
            image.verify()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        return Problem("logo_formato")
    return None


def target_size(width: int, height: int, limit: int = MAX_SIDE) -> tuple[int, int]:
    """Scale down (never up) so the longest side is at most `limit`, keeping the aspect."""
    scale = min(1.0, limit / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


def describe(path: Path) -> Logo:
    """The published form of a logo that validation already accepted."""
    with _open(path) as image:
        ancho, alto = target_size(*image.size)
        return Logo(path, FORMATOS[image.format], ancho, alto)


def optimize(logo: Logo) -> bytes:
    """Decode, resize and re-encode without metadata; deterministic for a given file."""
    from PIL import Image

    with _open(logo.source) as image:
        image.load()
        if logo.ext == "jpg":
            image = image.convert("RGB")
        elif image.mode not in ("RGB", "RGBA"):
            image = image.convert("RGBA")
        if image.size != (logo.ancho, logo.alto):
            image = image.resize((logo.ancho, logo.alto), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        if logo.ext == "png":
            # Logos are flat graphics: a 256-colour palette keeps them sharp at a third of the size.
            image.quantize(256, method=Image.Quantize.FASTOCTREE).save(out, "PNG", optimize=True)
        elif logo.ext == "jpg":
            image.save(out, "JPEG", quality=85, optimize=True)
        else:
            image.save(out, "WEBP", quality=85, method=4)
        return out.getvalue()
