"""`make bench` reads the files the build writes: its readers follow the site's formats.
(Two of them broke when the search documents went by column and a word cache was renamed,
and nobody knew until the bench was run.)"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from support.search_documents import document_rows

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # benchmarks/ is a plain folder of the repository

from benchmarks import open_now, search  # noqa: E402


def test_open_now_times_every_organization_with_hours(built_site):
    with_hours = [
        row
        for path in sorted((built_site / "buscar").glob("documentos-*.json"))
        for row in document_rows(json.loads(path.read_text("utf-8")))
        if row.get("h")
    ]
    assert len(with_hours) > 10
    (label, value), _ = open_now.measure(built_site, built_site.parent)
    assert f"filtro sobre {len(with_hours)} organizaciones con horario" in label
    assert value.endswith(" ms")


def test_the_search_files_are_timed_from_a_cold_start(built_site):
    assert search._build_seconds(built_site.parent) > 0
