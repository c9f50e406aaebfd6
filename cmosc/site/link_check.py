"""After Pelican wrote everything: stop the build if an internal link or anchor is broken.

Runs on Pelican's `finalized` signal, so it sees the whole output, theme files included;
the pages our generator wrote are checked from memory (`written.py`), not read back.
Within one process (`cmosc servir`), a page reused unchanged from the last successful
build is not checked again when that build's links were all good and no file of it is
gone and no page's ids changed since: its links point where they pointed then.
`cmosc construir` builds into a staging folder, so a failure here leaves the published
`output/` untouched.
"""

from __future__ import annotations

import sys
from pathlib import Path

from cmosc.settings import setting
from cmosc.site.generator import PAGE_CACHE
from cmosc.site.links import BrokenLinks, check_site
from cmosc.site.written import SETTINGS_KEY as WRITTEN_FILES
from cmosc.site.written import page_attributes


def check_links(pelican) -> None:
    output = Path(pelican.output_path)
    written = pelican.settings.get(WRITTEN_FILES)
    cache = pelican.settings.get(PAGE_CACHE)

    def known_good(files: set[str]) -> frozenset[str]:
        if cache is None or written is None:
            return frozenset()
        ids = {path: ids for path, (_, ids) in written.attributes.items()}
        for path in files - ids.keys():  # Pelican's pages and copied HTML: read, a few dozen
            if path.endswith(".html"):
                text = (output / path).read_text(encoding="utf-8", errors="replace")
                ids[path] = page_attributes(text)[1]
        cache.note_links(files, ids)
        return cache.unchanged_links(written.reused)

    problems = check_site(
        output,
        pelican.settings.get("SITEURL", ""),
        setting(pelican.settings, "CMOSC_ENLACES_PENDIENTES"),
        written.attributes if written else None,
        known_good,
        written.digests.keys() if written else None,  # with those left in place (`published.py`)
    )
    if problems:
        lines = [p.gnu() for p in problems]
        lines.append(f"La construcción se detuvo: {len(problems)} enlaces internos rotos.")
        print("\n".join(lines), file=sys.stderr)
        raise BrokenLinks(lines)
