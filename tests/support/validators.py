"""The standards' own validators, found where `make test` installs them.

Java and Node come from Debian (`scripts/instalar-sistema.sh`), the Nu Html Checker, Decap
and the sitemaps.org XSD from npm (`npm ci`, pinned in package-lock.json), the Python
validators from the `test` extras. A missing one skips locally and fails under CI=true.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
SITEMAP_XSD = NODE_MODULES / "sitemap" / "schema" / "sitemap.xsd"
DECAP_CHECK = Path(__file__).with_name("decap_config.cjs")


def missing(what: str) -> None:
    message = f"falta {what} (instalalo con `make test`, que corre scripts/instalar-sistema.sh y npm ci)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true: {message}")
    pytest.skip(message)


def program(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        missing(f"`{name}`")
    return found


def npm_file(path: Path) -> Path:
    if not path.exists():
        missing(f"{path.relative_to(ROOT)}")
    return path


def python_tool(name: str) -> str:
    """A console script of the test extras, from this interpreter's environment."""
    script = Path(sys.executable).with_name(name)
    if not script.exists():
        missing(f"`{name}` (extras de prueba: pip install -e '.[test]')")
    return str(script)


def run(argv: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(argv, capture_output=True, text=True, encoding="utf-8", timeout=600, **kwargs)
