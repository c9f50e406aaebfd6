"""After Pelican wrote everything: stop the build if an internal link or anchor is broken.

Runs on Pelican's `finalized` signal, so it sees the whole output, theme files included;
the pages our generator wrote are checked from memory (`written.py`), not read back.
`cmosc construir` builds into a staging folder, so a failure here leaves the published
`output/` untouched.
"""

from __future__ import annotations

import sys
from pathlib import Path

from cmosc.settings import setting
from cmosc.site.links import check_site
from cmosc.site.written import SETTINGS_KEY as WRITTEN_FILES


def check_links(pelican) -> None:
    output = Path(pelican.output_path)
    written = pelican.settings.get(WRITTEN_FILES)
    problems = check_site(
        output,
        pelican.settings.get("SITEURL", ""),
        setting(pelican.settings, "CMOSC_ENLACES_PENDIENTES"),
        written.attributes if written else None,
    )
    if problems:
        lines = [p.gnu() for p in problems]
        lines.append(f"La construcción se detuvo: {len(problems)} enlaces internos rotos.")
        print("\n".join(lines), file=sys.stderr)
        # SystemExit passes Pelican's generic handler: the list above, no traceback.
        raise SystemExit(1)
