"""The link checker: the sample site has no broken internal link or anchor, and the
checker does catch them (and stops a build that has one)."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import build_site, copy_project

from cmosc.site.links import check_site
from cmosc.site.written import page_attributes


def write(root: Path, path: str, body: str) -> None:
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(f"<!doctype html><html><body>{body}</body></html>", encoding="utf-8")


def test_sample_site_has_no_broken_links(built_site):
    assert check_site(built_site, "") == []
    # And it did look: the pages link to profiles, anchors and files.
    html = (built_site / "datos" / "index.html").read_text("utf-8")
    assert len(set(re.findall(r'href="/datos/([^"#]+)"', html))) == 6  # one link per data file


def test_catches_a_broken_link_and_a_broken_anchor(tmp_path):
    write(
        tmp_path,
        "index.html",
        '<h1 id="arriba">x</h1><a href="/a/">a</a> <a href="/falta/">f</a> '
        '<a href="/a/#seccion">ok</a> <a href="/a/#nada">mal</a> <a href="#arriba">sube</a> '
        '<a href="#abajo">baja</a> <img src="/img/logo.png" alt=""> <a href="mailto:x@y.org">m</a> '
        '<a href="https://ejemplo.org/falta/">externo</a> <a href="tel:+543814000000">t</a>',
    )
    write(
        tmp_path,
        "a/index.html",
        '<section id="seccion"></section><a href="../index.html#arriba">volver</a> '
        '<a href="b.html">relativo roto</a> <a href="../../../etc/passwd">fuera</a>',
    )
    problems = {(p.archivo, p.enlace): p.motivo for p in check_site(tmp_path)}
    assert set(problems) == {
        ("index.html", "/falta/"),
        ("index.html", "/a/#nada"),
        ("index.html", "#abajo"),
        ("index.html", "/img/logo.png"),
        ("a/index.html", "b.html"),
        ("a/index.html", "../../../etc/passwd"),
    }
    assert problems[("index.html", "/a/#nada")] == "la página existe pero no tiene el ancla «#nada»"
    assert problems[("index.html", "/falta/")] == "no existe esa página o archivo en el sitio"


def test_site_url_prefix_and_escaped_attributes(tmp_path):
    write(
        tmp_path,
        "index.html",
        '<a href="https://cmosc.ejemplo.gob.ar/dir/a/?q=1&amp;x=2#s">ok</a> '
        '<a href="https://cmosc.ejemplo.gob.ar/dir/nada/">roto</a> <a href="/a/%C3%B1/">ñ</a>',
    )
    write(tmp_path, "a/index.html", '<p id="s"></p>')
    write(tmp_path, "a/ñ/index.html", "")
    problems = check_site(tmp_path, "https://cmosc.ejemplo.gob.ar/dir")
    assert [p.enlace for p in problems] == ["https://cmosc.ejemplo.gob.ar/dir/nada/"]


def test_a_page_keeps_only_the_links_the_check_follows():
    """What the build keeps of each page for the check: its internal links once each, in order
    (phones, addresses and other sites are never followed), and its ids sorted."""
    page = (
        '<p id="z"></p><a href="/a/">a</a> <a href="tel:+543814000000">t</a> '
        '<a href="mailto:x@y.org?subject=Hola&amp;body=x">m</a> <a href="https://otro.org/">o</a> '
        '<a href="https://cmosc.ejemplo.gob.ar/dir/b/?q=1&amp;x=2">b</a> <a href="/a/">otra vez</a> '
        '<a href="JavaScript:alert(1)">j</a> <img src="/i.png" alt=""> <h2 id="a&amp;b">x</h2>'
    )
    links, ids = page_attributes(page, "https://cmosc.ejemplo.gob.ar/dir")
    assert links == ("/a/", "https://cmosc.ejemplo.gob.ar/dir/b/?q=1&x=2", "JavaScript:alert(1)", "/i.png")
    assert ids == ("a&b", "z")
    assert page_attributes(page)[0] == ("/a/", "JavaScript:alert(1)", "/i.png")


def test_javascript_links_are_reported(tmp_path):
    write(tmp_path, "index.html", '<a href="javascript:alert(1)">x</a>')
    assert [p.motivo for p in check_site(tmp_path)] == ["los enlaces javascript: no están permitidos"]


def test_pending_pages_are_tolerated_only_when_listed(tmp_path):
    write(tmp_path, "index.html", '<a href="/buscar/">buscar</a>')
    assert len(check_site(tmp_path)) == 1
    assert check_site(tmp_path, "", ("/buscar/",)) == []


def test_a_broken_link_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "proyecto")
    template = project / "theme" / "templates" / "datos.html"
    template.write_text(
        template.read_text("utf-8").replace(
            "<h1>Datos abiertos</h1>",
            '<h1>Datos abiertos</h1><a href="{{ SITEURL }}/organizaciones/#no-existe">x</a>',
        ),
        "utf-8",
    )
    output = tmp_path / "salida"
    result = build_site(project, output)
    assert result.returncode != 0
    assert (
        "datos/index.html: error: enlace roto «/organizaciones/#no-existe»: la página existe pero no tiene el ancla «#no-existe»"
        in result.stderr
    )
    assert "Traceback" not in result.stderr
    assert not output.exists()
