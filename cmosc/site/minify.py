"""Minify the published JavaScript and CSS (rjsmin, rcssmin) once Pelican has copied the theme.

The sources in `theme/static/` stay readable; only the copies under the output's
`theme/` are rewritten, before the link check and the service worker (which hashes
the final files). Licence comments (`/*! … */`) are kept. Files already shipped
minified (a vendor's `.min.js`, a bundle of long lines) are left as they are. Both
minifiers are pure functions of the text: the output is deterministic.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

#: A file whose lines are this long on average is taken as already minified (a vendor's
#: bundle: Decap's 5 MB in 508 lines); readable sources stay far below it.
ALREADY_MINIFIED_LINE_LENGTH = 200

MINIFIERS = {
    ".js": lambda text: rjsmin.jsmin(text, keep_bang_comments=True),
    ".css": lambda text: rcssmin.cssmin(text, keep_bang_comments=True),
}


def minify_file(path: Path) -> bool:
    """Minify one file in place; False when it was left as it was."""
    # Measured on the bytes: decoding Decap's bundle only to skip it cost 44 MiB at the
    # build's peak (the finalized signal, with every page's links still held).
    data = path.read_bytes()
    if len(data) >= ALREADY_MINIFIED_LINE_LENGTH * (data.count(b"\n") + 1):
        return False
    text = data.decode("utf-8")
    path.write_text(MINIFIERS[path.suffix](text).strip() + "\n", encoding="utf-8")
    return True


def minify_theme(output: Path) -> list[Path]:
    """Minify every JS and CSS file under `output/theme/`; returns those rewritten."""
    files = sorted(p for p in (output / "theme").rglob("*") if p.suffix in MINIFIERS and p.is_file())
    return [p for p in files if minify_file(p)]


def minify_assets(pelican) -> None:
    minify_theme(Path(pelican.output_path))
