"""Findability: title, description, canonical and Open Graph per page; complete sitemap; robots."""

from __future__ import annotations

from pathlib import Path

from conftest import build_site, copy_project

from support.html_tree import page, parse

LOCAL = "http://localhost:8000"


def public_pages(output: Path) -> list[str]:
    """Site paths of every built HTML page except redirects for renamed profiles."""
    paths = []
    for file in sorted(output.rglob("index.html")):
        if 'http-equiv="refresh"' in file.read_text(encoding="utf-8")[:2000]:
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
    assert set(listed) == set(public_pages(built_site))
    text = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "lastmod" not in text and text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert "/organizaciones/merendero-los-girasoles/" in listed and "/barrios/centro/" in listed


def test_robots_points_to_the_sitemap(built_site):
    robots = (built_site / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in robots
    assert f"Sitemap: {LOCAL}/sitemap.xml" in robots


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
    assert set(sitemap_paths(output, base)) == set(public_pages(output))
    profile = page(output, "/organizaciones/fundacion-latidos/")
    assert profile.find("link", rel="canonical").attrs["href"] == base + "/organizaciones/fundacion-latidos/"
    assert f"Sitemap: {base}/sitemap.xml" in (output / "robots.txt").read_text(encoding="utf-8")


def test_site_under_a_subpath_links_every_page_through_siteurl(tmp_path):
    """Published under a folder (e.g. a project's Pages site): no link may escape to the domain root."""
    project = copy_project(tmp_path)
    base = "https://ejemplo.github.io/directorio"
    with open(project / "pelicanconf.py", "a", encoding="utf-8") as conf:
        conf.write(f'\nSITEURL = "{base}"\n')
    assert build_site(project, project / "output").returncode == 0
    output = project / "output"
    assert set(sitemap_paths(output, base)) == set(public_pages(output))
    for path in public_pages(output):
        doc = page(output, path)
        assert doc.find("link", rel="canonical").attrs["href"] == base + path
        for node in doc.find_all("a") + doc.find_all("link") + doc.find_all("form"):
            target = node.attrs.get("href") or node.attrs.get("action") or ""
            assert not target.startswith("/"), f"{path}: {target}"
