"""Vendored front-end libraries: exact npm versions, files unchanged, each listed in the README."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "theme" / "static" / "vendor" / "README.md"


def listed_hashes() -> dict[str, str]:
    """path → sha256 from the README's «SHA-256 de los archivos copiados» block."""
    block = README.read_text("utf-8").split("## SHA-256 de los archivos copiados", 1)[1].split("```")[1]
    return {path: digest for digest, path in (line.split("  ", 1) for line in block.strip().splitlines())}


def test_every_vendored_file_is_listed_with_its_hash():
    listed = listed_hashes()
    vendor = ROOT / "theme" / "static" / "vendor"
    present = {
        p.relative_to(ROOT).as_posix() for p in vendor.rglob("*") if p.is_file() and p.name != "README.md"
    }
    assert present <= set(listed)
    for path, digest in listed.items():
        assert hashlib.sha256((ROOT / path).read_bytes()).hexdigest() == digest, path


def test_versions_are_exact_and_match_the_readme():
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    assert package["private"] is True
    table = dict(re.findall(r"^\| `([^`]+)` \| ([0-9][^ |]*) \|", README.read_text("utf-8"), re.M))
    assert package["devDependencies"] == table
    assert all(re.fullmatch(r"\d+\.\d+\.\d+", v) for v in table.values())
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    for name, version in table.items():
        assert lock["packages"][f"node_modules/{name}"]["version"] == version
    assert "2.3.9" in (ROOT / "theme/static/vendor/lunr/lunr.min.js").read_text(encoding="utf-8")[:200]
    assert "axe v4.14.1" in (ROOT / "tests/vendor/axe-core/axe.min.js").read_text(encoding="utf-8")[:100]
    assert '"1.9.4"' in (ROOT / "theme/static/vendor/leaflet/leaflet.js").read_text(encoding="utf-8")
