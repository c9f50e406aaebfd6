"""Published JS and CSS are minified copies of the readable sources, and they still work."""

from __future__ import annotations

import json
from pathlib import Path

from cmosc.search import pipeline as pl
from support.node_runner import run_node

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "theme" / "static"


def test_own_scripts_and_styles_are_minified(built_site):
    for relative in ("js/search.js", "js/search-pipeline.js", "js/share.js", "css/estilo.css"):
        source = (SOURCES / relative).read_text(encoding="utf-8")
        published = (built_site / "theme" / relative).read_text(encoding="utf-8")
        assert len(published) < 0.9 * len(source), relative
        # No indentation and no comments left (rjsmin keeps the newlines that end statements
        # in this semicolon-free style; our own headers are plain comments, not licences).
        assert not [line for line in published.splitlines() if line[:1] in (" ", "\t")], relative
        assert "// " not in published.replace("://", ""), relative
    # Sources stay readable.
    assert (SOURCES / "js/search.js").read_text(encoding="utf-8").count("\n") > 100


def test_licence_comments_survive(built_site):
    published = (built_site / "theme/vendor/lunr-languages/lunr.es.js").read_text(encoding="utf-8")
    source = (SOURCES / "vendor/lunr-languages/lunr.es.js").read_text(encoding="utf-8")
    assert published.startswith("/*!") and "Mihai Valentin" in published
    assert len(published) < 0.7 * len(source)


def test_already_minified_files_are_copied_as_they_are(built_site):
    for relative in ("vendor/lunr/lunr.min.js", "vendor/leaflet/leaflet.js"):
        assert (built_site / "theme" / relative).read_bytes() == (SOURCES / relative).read_bytes()


def test_minified_pipeline_gives_the_same_terms(built_site, tmp_path):
    """The published (minified) search-pipeline.js against Python, on the parity examples."""
    texts = ["Comedor de los niños", "educacion", "A.C.E.S.", "Copa de leche en Villa Luján", "mujeres"]
    body = r"""
    const built = require(input.path)(lunr);
    built.configure(input.config);
    const output = input.texts.map(function (t) { return [built.tokens(t), built.queryGroups(t)]; });
    """
    process = run_node(
        tmp_path,
        body + "\nprocess.stdout.write(JSON.stringify(output));\n",
        {"path": str(built_site / "theme/js/search-pipeline.js"), "config": pl.js_config(), "texts": texts},
    )
    assert process.returncode == 0, process.stderr
    # Only lunr's notice that the built copy registers the functions the source already did.
    notices = [line for line in process.stderr.splitlines() if line.strip()]
    assert all(line.startswith("Overwriting existing registered function: cmosc-es-") for line in notices)
    output = json.loads(process.stdout)
    assert output == [[pl.tokens(t), pl.query_groups(t)] for t in texts]
