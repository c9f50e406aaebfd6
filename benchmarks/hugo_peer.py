"""The Hugo peer of `make bench`: a minimal Hugo site over the same synthetic YAML.

Each profile becomes a content file whose front matter is the profile's YAML as written
(nothing converted), rendered by the templates in benchmarks/hugo/ into one page per
profile (`descripcion` through Hugo's Markdown) plus one list page. Hugo is optional:
Debian's package (`apt-get install hugo`) is used when it is on the PATH.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent / "hugo"
Command = tuple[list[str], Path, dict | None]


def write_site(profiles: Path, site: Path) -> int:
    """The Hugo site in `site`: config, templates and one content file per profile."""
    if site.exists():
        shutil.rmtree(site)
    shutil.copytree(TEMPLATES, site)
    content = site / "content" / "organizaciones"
    content.mkdir(parents=True)
    count = 0
    for path in sorted(profiles.glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        (content / f"{path.stem}.md").write_text(f"---\n{text}---\n", encoding="utf-8")
        count += 1
    return count


def commands(project: Path) -> dict[str, Command]:
    """{"hugo": its build command} to add to the alternating rounds, or {} without Hugo."""
    hugo = shutil.which("hugo")
    if hugo is None:
        return {}
    site = project.resolve() / "hugo"
    write_site(project / "organizaciones", site)
    return {
        "hugo": ([hugo, "--quiet", "--source", str(site), "--destination", str(site / "public")], site, None)
    }


def version() -> str:
    hugo = shutil.which("hugo")
    return subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.split()[1] if hugo else ""


def rows(wall: dict[str, float], cpu: dict[str, float]) -> list[tuple[str, str]]:
    if "hugo" not in wall:
        return [
            (
                "Hugo (un sitio mínimo sobre el mismo YAML)",
                "no instalado (`apt-get install hugo`): sin comparar",
            )
        ]
    return [
        (
            f"Hugo {version()}, sitio mínimo sobre el mismo YAML (una página por perfil + un listado): reloj / CPU",
            f"{wall['hugo']:.2f} s / {cpu['hugo']:.2f} s",
        ),
        (
            "Razón nuestra / Hugo: reloj / CPU",
            f"{wall['ours'] / wall['hugo']:.2f} / {cpu['ours'] / cpu['hugo']:.2f}",
        ),
    ]
