"""Run a snippet in Node with the vendored lunr, lunr-languages and our pipeline loaded.

Shared by the pipeline, ranking and tier tests, which compare Python with the JS side.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PREAMBLE = r"""
const path = require('path');
const fs = require('fs');
const ROOT = process.argv[2];
const V = path.join(ROOT, 'theme/static/vendor');
const lunr = require(path.join(V, 'lunr/lunr.min.js'));
require(path.join(V, 'lunr-languages/lunr.stemmer.support.js'))(lunr);
require(path.join(V, 'lunr-languages/lunr.es.js'))(lunr);
const api = require(path.join(ROOT, 'theme/static/js/search-pipeline.js'))(lunr);
const input = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
"""


def node() -> str:
    """Node's path; a missing Node skips locally and fails under CI=true."""
    found = shutil.which("node")
    if found is None:
        message = "no se encontró `node`: hace falta para probar el lado JS de la búsqueda"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true: {message}")
        pytest.skip(message)
    return found


def run_node(tmp_path: Path, body: str, data=None) -> subprocess.CompletedProcess:
    """Run `body` with `lunr`, `api` (search-pipeline.js) and `input` (= `data`) defined."""
    script, data_file = tmp_path / "check.js", tmp_path / "input.json"
    script.write_text(PREAMBLE + body, encoding="utf-8")
    data_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return subprocess.run(
        [node(), str(script), str(ROOT), str(data_file)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )


def run_js(tmp_path: Path, body: str, data=None):
    """Like `run_node`, returning the JSON the script leaves in `output`; any stderr fails
    (lunr warns there about unregistered pipeline functions or other versions)."""
    process = run_node(tmp_path, body + "\nprocess.stdout.write(JSON.stringify(output));\n", data)
    assert process.returncode == 0, process.stderr
    assert process.stderr == "", process.stderr
    return json.loads(process.stdout)


#: Scripts in the order the search page loads them (plain <script> tags).
BROWSER_SCRIPTS = (
    "theme/static/vendor/lunr/lunr.min.js",
    "theme/static/vendor/lunr-languages/lunr.stemmer.support.js",
    "theme/static/vendor/lunr-languages/lunr.es.js",
    "theme/static/js/search-pipeline.js",
)


def open_search_page(browser):
    """A blank page with the search scripts loaded as on the site; returns the page and
    the list collecting page errors and console messages."""
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(f"{m.type}: {m.text}"))
    page.set_content("<!doctype html><html lang='es'><title>prueba</title></html>")
    for script in BROWSER_SCRIPTS:
        page.add_script_tag(path=str(ROOT / script))
    return page, errors
