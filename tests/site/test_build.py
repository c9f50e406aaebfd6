"""The build: profile pages from real YAML, and a failed build never touches output/."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from conftest import ROOT, build_site, copy_project


class Text(HTMLParser):
    """Visible text and links of a page, for assertions that ignore markup."""

    def __init__(self):
        super().__init__()
        self.parts, self.links, self.headings, self._in = [], [], [], None

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs).get("href"))
        if tag in ("h1", "h2", "h3"):
            self._in = tag

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        self.parts.append(data)
        if self._in:
            self.headings.append((self._in, data.strip()))

    @property
    def text(self):
        return re.sub(r"\s+", " ", " ".join(self.parts))


def parse(path: Path) -> Text:
    parser = Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_complete_profile_shows_every_published_field(built_site):
    page = parse(built_site / "organizaciones" / "merendero-los-girasoles" / "index.html")
    text = page.text
    assert ("h1", "Merendero Comunitario Los Girasoles") in page.headings or any(
        h == "h1" and t.startswith("Merendero Comunitario Los Girasoles") for h, t in page.headings
    )
    for expected in (
        "Organización comunitaria",
        "Datos verificados por el CMOSC el",
        "Qué hace",
        "Dónde y cuándo",
        "Contacto y horarios",
        "Lo que necesita",
    ):
        assert expected in text, expected
    assert any(link and link.startswith("mailto:") for link in page.links)
    assert any(link and link.startswith("tel:+54") for link in page.links)


def test_typed_traps_survive_to_the_page(built_site):
    text = parse(built_site / "organizaciones" / "organizacion-norte" / "index.html").text
    assert "(ON)" in text
    text = parse(built_site / "organizaciones" / "biblioteca-popular-palabras-del-sur" / "index.html").text
    assert "9:30 a 12:30" in text


def test_inactive_profile_is_marked(built_site):
    text = parse(built_site / "organizaciones" / "merendero-rayito-de-sol" / "index.html").text
    assert "Organización inactiva" in text


def test_internal_notes_never_reach_the_page(built_site):
    for path in built_site.rglob("*.html"):
        assert "notas_internas" not in path.read_text(encoding="utf-8")


def test_markdown_description_is_sanitized(tmp_path):
    project = copy_project(tmp_path / "p")
    profile = project / "organizaciones" / "merendero-pancita-feliz.yml"
    text = profile.read_text(encoding="utf-8")
    text = re.sub(
        r"descripcion:.*?(?=\n\S)",
        "descripcion: |\n  Hola <script>alert(1)</script> [x](javascript:alert(2)) **fuerte**",
        text,
        count=1,
        flags=re.S,
    )
    profile.write_text(text, encoding="utf-8")
    result = build_site(project, project / "output")
    assert result.returncode == 0, result.stderr
    html = (project / "output" / "organizaciones" / "merendero-pancita-feliz" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "<script>alert(1)" not in html and "javascript:alert" not in html
    assert "<strong>fuerte</strong>" in html


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_failed_build_leaves_previous_output_intact(tmp_path):
    project = copy_project(tmp_path / "p")
    shutil.copytree(ROOT / "admin", project / "admin")
    output = project / "output"
    first = build_site(project, output)
    # output/ inside the project, as `make html` builds it: no warning either.
    log = first.stdout + first.stderr  # Pelican's log goes to stdout
    assert first.returncode == 0 and "WARNING" not in log, log
    before = digest(output)
    bad = project / "organizaciones" / "merendero-pancita-feliz.yml"
    bad.write_text(
        bad.read_text(encoding="utf-8").replace("tipo:", "tipo: inventado\ntipox:", 1), encoding="utf-8"
    )
    result = build_site(project, output)
    assert result.returncode == 1
    assert "merendero-pancita-feliz.yml:" in result.stderr and "Traceback" not in result.stderr
    assert digest(output) == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".output")) == []


def test_template_typo_fails_the_build_with_its_line(tmp_path):
    """StrictUndefined: a misspelt attribute of the view model stops the build with the
    template's file and line, and the previous output stays as it was."""
    project = copy_project(tmp_path / "p")
    output = project / "output"
    assert build_site(project, output).returncode == 0
    before = digest(output)
    template = project / "theme" / "templates" / "organizacion.html"
    text = template.read_text(encoding="utf-8")
    line = text[: text.index("org.activa")].count("\n") + 1
    template.write_text(text.replace("org.activa", "org.activaa", 1), encoding="utf-8")
    result = build_site(project, output)
    log = result.stdout + result.stderr
    assert result.returncode == 1, log
    assert f"organizacion.html:{line}:" in log and "activaa" in log and "Traceback" not in log, log
    assert digest(output) == before


def test_pelican_itself_stops_on_invalid_data(tmp_path):
    """Run Pelican directly (no pre-validation): the plugin must make it fail, not warn."""
    project = copy_project(tmp_path / "p")
    bad = project / "organizaciones" / "merendero-pancita-feliz.yml"
    bad.write_text(bad.read_text(encoding="utf-8") + "clave_rara: 1\n", encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pelican",
            "content",
            "-s",
            "pelicanconf.py",
            "-o",
            "out",
            "--fatal",
            "errors",
        ],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert not (project / "out" / "organizaciones").exists()


def test_build_writes_only_inside_its_output_folder(tmp_path):
    """`--salida` elsewhere, run from a third folder: the project (but for its page cache in
    .cache/, ignored by git) and the current folder are left byte-identical, the output's
    parent holds only the output, and the log has no warning (Pelican once copied an admin/
    file without a destination onto itself and to ../admin/)."""
    project = copy_project(tmp_path / "proyecto")
    shutil.copytree(ROOT / "admin", project / "admin")
    elsewhere, output = tmp_path / "otra-carpeta", tmp_path / "sitio" / "salida"
    elsewhere.mkdir()
    before = digest(project)
    result = build_site(project, output, cwd=elsewhere)
    log = result.stdout + result.stderr  # Pelican's log goes to stdout
    assert result.returncode == 0, log
    assert "WARNING" not in log and "same file" not in log, log
    after = digest(project)
    assert {k: v for k, v in after.items() if not k.startswith(".cache/cmosc/")} == before
    assert any(k.startswith(".cache/cmosc/paginas/") for k in after)
    assert list(elsewhere.iterdir()) == []
    assert [p.name for p in output.parent.iterdir()] == ["salida"]
    published = sorted(p.name for p in (output / "admin").iterdir())
    assert published == sorted(p.name for p in (ROOT / "admin").iterdir() if p.is_file())
