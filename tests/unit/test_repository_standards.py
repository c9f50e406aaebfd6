"""The repository's own standard files pass their standards' validators.

The editor config passes Decap's own `validateConfig` (the version /admin/ loads), every
profile passes `check-jsonschema` against the JSON Schema editors use, and the GitHub
workflows pass `zizmor`, the GitHub Actions security analyzer, with no finding.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from support import validators as v

ROOT = v.ROOT


def decap_errors(tmp_path: Path, *configs: Path) -> v.subprocess.CompletedProcess:
    node = v.program("node")
    v.npm_file(v.NODE_MODULES / "decap-cms-app")
    return v.run([node, str(v.DECAP_CHECK), str(v.NODE_MODULES), str(tmp_path), *map(str, configs)])


def test_the_editor_config_passes_decaps_own_validation(tmp_path):
    # A broken copy must fail: the check is Decap's, and it is really running.
    config = yaml.safe_load((ROOT / "admin" / "config.yml").read_text(encoding="utf-8"))
    config["collections"][0]["fields"][0]["widget"] = "select"  # a select without options
    broken = tmp_path / "roto.yml"
    broken.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    result = decap_errors(tmp_path, ROOT / "admin" / "config.yml", broken)
    assert result.returncode == 1, result.stderr[-2000:]
    assert not result.stdout.startswith(str(ROOT)) and f"\n{ROOT}" not in result.stdout, result.stdout
    assert result.stdout.startswith(f"{broken}: ") and "options" in result.stdout, result.stdout


def test_every_profile_passes_check_jsonschema():
    profiles = sorted(str(p) for p in (ROOT / "organizaciones").glob("*.yml"))
    assert len(profiles) > 20
    schema = ROOT / "esquema" / "organizacion.schema.json"
    result = v.run([v.python_tool("check-jsonschema"), "--schemafile", str(schema), *profiles])
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_workflows_have_no_zizmor_finding():
    result = v.run(
        [v.python_tool("zizmor"), "--offline", "--format", "json", str(ROOT / ".github" / "workflows")]
    )
    findings = json.loads(result.stdout)
    assert findings == [], "\n".join(f"{f['ident']}: {f['desc']}" for f in findings)
    assert result.returncode == 0, result.stderr
