"""The README's generated settings table, from the settings registry (`cmosc.settings.SETTINGS`)."""

from __future__ import annotations

import json
from pathlib import Path

from cmosc.derived.guide import cell, fill_sections
from cmosc.settings import SETTINGS, Setting

README = "README.md"


def _default(setting: Setting) -> str:
    if setting.shown is not None:
        return setting.shown
    return (
        f"`{json.dumps(setting.default, ensure_ascii=False)}`"
        if isinstance(setting.default, str)
        else f"{setting.default}"
    )


def settings_table() -> str:
    rows = ["| opción | para qué | por defecto |", "|---|---|---|"]
    rows += [f"| `{s.name}` | {cell(s.help)} | {cell(_default(s))} |" for s in SETTINGS]
    return "\n".join(rows)


def render(root: Path, vocabularies) -> str:
    return fill_sections(
        (root / README).read_text(encoding="utf-8"), {"configuracion": settings_table}, README
    )
