"""One setting names the repository: a fork that changes it gets its own editor, forms and links;
the web editor is served from the site itself, with nothing loaded from another host."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

from conftest import ROOT, build_site, copy_project

from cmosc import derived as derived_files
from cmosc.cli.main import main
from cmosc.settings import project_settings, repository

ORIGINAL = repository(project_settings(ROOT)).github
FORK = "Vecinos-Unidos/directorio"
FORK_SETTING = 'CMOSC_REPOSITORIO = {"github": "Vecinos-Unidos/directorio", "rama": "publicado"}'


def fork(tmp_path):
    project = copy_project(tmp_path / "fork")
    for name in ("admin", ".github", "docs", "esquema"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "README.md", project / "README.md")  # its settings table is derived too
    conf = project / "pelicanconf.py"
    text, count = re.subn(
        r"^CMOSC_REPOSITORIO = .*$", FORK_SETTING, conf.read_text(encoding="utf-8"), flags=re.M
    )
    assert count == 1
    conf.write_text(text, encoding="utf-8")
    return project


def test_a_fork_changes_one_setting_and_everything_follows(tmp_path, capsys, monkeypatch):
    project = fork(tmp_path)
    raiz = ["--raiz", str(project)]
    monkeypatch.setenv("GITHUB_REPOSITORY", FORK)
    assert main([*raiz, "derivados", "--verificar"]) == 1  # derived files still name the original
    assert "admin/config.yml: desactualizado" in capsys.readouterr().err
    assert main([*raiz, "derivados"]) == 0
    assert main([*raiz, "derivados", "--verificar"]) == 0
    # The workflows run this check: a fork that forgot the setting is told what to change.
    monkeypatch.setenv("GITHUB_REPOSITORY", "otra-cuenta/otro-nombre")
    assert main([*raiz, "derivados", "--verificar"]) == 1
    assert f"CMOSC_REPOSITORIO dice «{FORK}» pero este repositorio es «otra-cuenta/otro-nombre»" in (
        capsys.readouterr().err
    )

    result = build_site(project, project / "output")
    assert result.returncode == 0, result.stderr
    output = project / "output"
    sumar = (output / "sumar" / "index.html").read_text(encoding="utf-8")
    assert f'href="https://github.com/{FORK}/issues/new?template=sumar-organizacion.yml"' in sumar
    config = (output / "admin" / "config.yml").read_text(encoding="utf-8")
    assert f"  repo: {FORK}\n  branch: publicado\n" in config
    assert "site_url: https://vecinos-unidos.github.io/directorio\n" in config
    chooser = (project / ".github" / "ISSUE_TEMPLATE" / "config.yml").read_text(encoding="utf-8")
    assert "url: https://vecinos-unidos.github.io/directorio/sumar/" in chooser
    for path in [*output.rglob("*.html"), *output.rglob("*.yml"), *(project / ".github").rglob("*.yml")]:
        assert ORIGINAL.split("/")[0] not in path.read_text(encoding="utf-8"), path


def test_only_the_setting_and_derived_files_name_the_repository():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True)
    texts = {".py", ".md", ".yml", ".yaml", ".html", ".js", ".json", ".toml"}
    naming = {
        name
        for name in tracked.stdout.split()
        if (ROOT / name).suffix in texts
        and (ROOT / name).is_file()
        and ORIGINAL in (ROOT / name).read_text(encoding="utf-8", errors="replace")
    }
    assert naming - set(derived_files.DERIVED) == {"pelicanconf.py"}


def test_the_editor_is_served_by_the_site_and_only_on_admin(editor_project):
    output = editor_project[0] / "output"
    admin = output / "admin"
    assert (admin / "config.yml").read_bytes() == (ROOT / "admin" / "config.yml").read_bytes()
    page = (admin / "index.html").read_text(encoding="utf-8")
    assert 'content="noindex, nofollow"' in page and '<html lang="es">' in page
    references = re.findall(r'(?:src|href|data-decap)="([^"]+)"', page)
    assert references and not [r for r in references if re.match(r"(https?:)?//", r)], references
    decap = (admin / re.search(r'data-decap="([^"]+)"', page).group(1)).resolve()
    assert decap == (output / "theme" / "vendor" / "decap-cms" / "decap-cms.js").resolve()
    assert decap.is_file() and (decap.parent / "LICENSE").is_file()
    # The vendored bundle is the version package.json pins, exactly.
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]["decap-cms"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", pinned)
    assert f'"decap-cms-app {pinned}"' in decap.read_text(encoding="utf-8")
    assert f"| `decap-cms` | {pinned} |" in (ROOT / "theme" / "static" / "vendor" / "README.md").read_text(
        encoding="utf-8"
    )
    for html in output.rglob("*.html"):
        if "admin" not in html.relative_to(output).parts:
            text = html.read_text(encoding="utf-8")
            assert "decap-cms" not in text and "unpkg.com" not in text, html
