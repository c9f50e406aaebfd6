"""«Historial» on each profile page: from the project's git history, or a notice without one."""

from __future__ import annotations

import subprocess

from conftest import build_site, copy_project

from support.git_repo import commit

POSADA = "organizaciones/fundacion-la-posada.yml"


def test_profile_pages_show_their_history_newest_first(tmp_path):
    project = copy_project(tmp_path / "proyecto")
    subprocess.run(["git", "init", "-q", "-b", "main", str(project)], check=True)
    commit(project, "2026-02-01", "Carga inicial del directorio")
    path = project / POSADA
    path.write_text(path.read_text(encoding="utf-8").replace("CMOSC-0040", "CMOSC-0041"), encoding="utf-8")
    commit(
        project,
        "2026-11-12",
        "Actualiza fundacion-la-posada <staff@ejemplo.org>",
        "Carla Díaz <carla@ejemplo.org>",
    )
    result = build_site(project, project / "output")
    assert result.returncode == 0, result.stderr
    page = (project / "output" / "organizaciones" / "fundacion-la-posada" / "index.html").read_text(
        encoding="utf-8"
    )
    section = page.split('<h2 id="historial">Historial</h2>')[1].split("</section>")[0]
    assert 'Última actualización: <time datetime="2026-11-12">12 de noviembre de 2026</time>.' in section
    newest = section.index("Actualiza fundacion-la-posada")
    assert newest < section.index("Carga inicial del directorio")
    assert "@" not in section and "Carla" not in section  # no e-mails; names only if allowed
    other = (project / "output" / "organizaciones" / "merendero-rayito-de-sol" / "index.html").read_text(
        encoding="utf-8"
    )
    assert '<time datetime="2026-02-01">1 de febrero de 2026</time>: Carga inicial del directorio' in other


def test_without_git_history_the_page_says_so(built_site):
    page = (built_site / "organizaciones" / "fundacion-la-posada" / "index.html").read_text(encoding="utf-8")
    assert (
        "No hay historial de cambios en esta copia del sitio: el sitio se construyó a partir de una copia sin el historial de git."
        in page
    )
