"""Findability: title, description, canonical and Open Graph per page; complete sitemap; robots."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import build_site, copy_project

from cmosc.derived import json_schema
from cmosc.opendata.hsds_export import ids
from cmosc.profiles.catalog import load_vocabularies
from support.html_tree import page, parse

LOCAL = "http://localhost:8000"


def public_pages(output: Path, indexable: bool = False) -> list[str]:
    """Site paths of every built HTML page except redirects for renamed profiles
    (and, with `indexable`, except the pages that ask search engines not to index them)."""
    paths = []
    for file in sorted(output.rglob("index.html")):
        head = file.read_text(encoding="utf-8")[:3000]
        if 'http-equiv="refresh"' in head or (indexable and '<meta name="robots" content="noindex' in head):
            continue
        rel = file.parent.relative_to(output).as_posix()
        paths.append("/" if rel == "." else f"/{rel}/")
    return paths


def sitemap_paths(output: Path, base: str) -> list[str]:
    doc = parse((output / "sitemap.xml").read_text(encoding="utf-8"))
    locs = [loc.text() for loc in doc.find_all("loc")]
    assert all(loc.startswith(base + "/") for loc in locs)
    return [loc[len(base) :] for loc in locs]


def test_sitemap_lists_every_public_page_once_without_timestamps(built_site):
    listed = sitemap_paths(built_site, LOCAL)
    assert listed == sorted(set(listed)), "ordenado y sin repetidos"
    assert set(listed) == set(public_pages(built_site, indexable=True))
    noindex = set(public_pages(built_site)) - set(listed)
    assert noindex and all(path.startswith("/organizaciones/") for path in noindex), noindex
    text = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "lastmod" not in text and text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert "/organizaciones/merendero-los-girasoles/" in listed and "/barrios/centro/" in listed


def test_robots_points_to_the_sitemap(built_site):
    robots = (built_site / "robots.txt").read_text(encoding="utf-8")
    assert robots == f"User-agent: *\nDisallow: /admin/\nAllow: /\n\nSitemap: {LOCAL}/sitemap.xml\n"


def test_every_page_has_title_description_canonical_and_open_graph(built_site):
    titles = {}
    for path in public_pages(built_site):
        doc = page(built_site, path)
        assert doc.find("html").attrs.get("lang") == "es", path
        title = doc.find("title").text()
        assert title and title not in titles, f"{path}: título vacío o repetido con {titles.get(title)}"
        titles[title] = path
        description = doc.find("meta", name="description").attrs["content"]
        assert len(description) > 30, path
        assert doc.find("link", rel="canonical").attrs["href"] == LOCAL + path, path
        og = {m.attrs["property"]: m.attrs["content"] for m in doc.find_all("meta") if "property" in m.attrs}
        assert (
            og["og:url"] == LOCAL + path and og["og:title"] == title and og["og:description"] == description
        )
        assert og["og:locale"] == "es_AR"
        image = og["og:image"].removeprefix(LOCAL + "/")
        assert (built_site / image).is_file() and og["og:image:alt"], f"{path}: og:image {og['og:image']}"


def test_404_is_a_real_page_without_canonical(built_site):
    doc = page(built_site, "/404.html")
    assert doc.find("h1").text() == "No encontramos esta página"
    assert doc.find("link", rel="canonical") is None
    assert doc.find("form", role="search").attrs["action"] == "/buscar/"


def test_configured_public_address_is_used_everywhere(tmp_path):
    project = copy_project(tmp_path)
    with open(project / "pelicanconf.py", "a", encoding="utf-8") as conf:
        conf.write('\nCMOSC_URL_CANONICA = "https://directorio.ejemplo.gob.ar/"\n')
    assert build_site(project, project / "output").returncode == 0
    output, base = project / "output", "https://directorio.ejemplo.gob.ar"
    assert set(sitemap_paths(output, base)) == set(public_pages(output, indexable=True))
    profile = page(output, "/organizaciones/fundacion-latidos/")
    assert profile.find("link", rel="canonical").attrs["href"] == base + "/organizaciones/fundacion-latidos/"
    assert f"Sitemap: {base}/sitemap.xml" in (output / "robots.txt").read_text(encoding="utf-8")
    # The same address names the HSDS ids and the JSON Schema's $id (`cmosc derivados`).
    hsds = json.loads((output / "datos" / "hsds.json").read_text(encoding="utf-8"))
    latidos = ids(base)("organizacion", "fundacion-latidos")
    assert latidos in {o["id"] for o in hsds["organizations"]}
    vocabularies, _ = load_vocabularies(project)
    schema = json.loads(json_schema.render(project, vocabularies))
    assert schema["$id"] == f"{base}/esquema/organizacion.schema.json"


def test_site_under_a_subpath_links_every_page_through_siteurl(tmp_path):
    """Published under a folder (e.g. a project's Pages site): no link may escape to the domain root."""
    project = copy_project(tmp_path)
    base = "https://ejemplo.github.io/directorio"
    with open(project / "pelicanconf.py", "a", encoding="utf-8") as conf:
        conf.write(f'\nSITEURL = "{base}"\n')
    assert build_site(project, project / "output").returncode == 0
    output = project / "output"
    assert set(sitemap_paths(output, base)) == set(public_pages(output, indexable=True))
    robots = (output / "robots.txt").read_text(encoding="utf-8")
    assert "Disallow: /directorio/admin/\nAllow: /directorio/\n" in robots, robots
    for path in public_pages(output):
        doc = page(output, path)
        assert doc.find("link", rel="canonical").attrs["href"] == base + path
        for node in doc.find_all("a") + doc.find_all("link") + doc.find_all("form"):
            target = node.attrs.get("href") or node.attrs.get("action") or ""
            assert not target.startswith("/"), f"{path}: {target}"


def test_a_profile_with_a_logo_shares_its_logo_and_the_rest_the_site_picture(built_site):
    og = {
        m.attrs["property"]: m.attrs["content"]
        for m in page(built_site, "/organizaciones/merendero-los-girasoles/").find_all("meta")
        if "property" in m.attrs
    }
    assert og["og:image"] == f"{LOCAL}/organizaciones/merendero-los-girasoles/logo.png"
    home = {
        m.attrs["property"]: m.attrs["content"]
        for m in page(built_site, "/").find_all("meta")
        if "property" in m.attrs
    }
    assert home["og:image"] == f"{LOCAL}/theme/img/compartir.png"
    from PIL import Image

    with Image.open(built_site / "theme" / "img" / "compartir.png") as picture:
        assert picture.format == "PNG" and picture.size == (
            int(home["og:image:width"]),
            int(home["og:image:height"]),
        )


def test_publish_refuses_to_build_without_a_public_address(tmp_path):
    project = copy_project(tmp_path)
    with open(project / "pelicanconf.py", "a", encoding="utf-8") as conf:
        conf.write('\nCMOSC_REPOSITORIO = {"github": ""}\n')  # no repository: no GitHub Pages address either
    (project / "output").mkdir()
    (project / "output" / "anterior.txt").write_text("sitio anterior", encoding="utf-8")
    for address in ("", "http://localhost:8000", "directorio.ejemplo.gob.ar"):
        result = build_site(project, project / "output", {"SITEURL": address}, config="publishconf.py")
        assert result.returncode == 1, result.stderr
        assert "publishconf.py: error:" in result.stderr and "la dirección pública del sitio" in result.stderr
        assert "SITEURL=https://" in result.stderr and "Traceback" not in result.stderr
        assert sorted(p.name for p in (project / "output").iterdir()) == ["anterior.txt"]


def test_a_public_build_links_only_to_its_public_address(tmp_path):
    project = copy_project(tmp_path)
    base = "https://ejemplo.github.io/directorio"
    result = build_site(project, project / "output", {"SITEURL": base}, config="publishconf.py")
    assert result.returncode == 0, result.stderr
    output = project / "output"
    leaks = [
        p.relative_to(output).as_posix()
        for p in sorted(output.rglob("*"))
        # Our pages, feeds and data (scripts mention localhost in their own code, not as links).
        if p.suffix in {".html", ".xml", ".txt", ".csv", ".json", ".geojson", ".ics", ".webmanifest"}
        and b"localhost" in p.read_bytes()
    ]
    assert leaks == []
    data = json.loads((output / "datos" / "datapackage.json").read_text(encoding="utf-8"))
    assert data["homepage"] == f"{base}/datos/"
    hsds = json.loads((output / "datos" / "hsds.json").read_text(encoding="utf-8"))
    assert all(o["uri"].startswith(f"{base}/organizaciones/") for o in hsds["organizations"])
