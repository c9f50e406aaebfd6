"""Profile pages: every published field in order, links to facets, JSON-LD, freshness, weight."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from urllib.parse import unquote

import yaml

from support.expectations import vocabulary
from support.html_tree import page

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # benchmarks/ is a plain folder of the repository

from benchmarks.weights import BUDGET_BYTES, page_weight, profile_pages  # noqa: E402

COMPLETO = "organizacion-norte"
MINIMO = "apoyo-escolar-semillitas"
INACTIVO = "merendero-rayito-de-sol"


def datos(slug: str) -> dict:
    # BaseLoader: every scalar stays text («sigla: ON» is not a boolean), as in the project's loader.
    return yaml.load(
        (ROOT / "organizaciones" / f"{slug}.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader
    )


def hrefs(node) -> list[str]:
    return [a.attrs.get("href", "") for a in node.find_all("a")]


def test_complete_profile_shows_every_published_field_in_order(built_site):
    doc = page(built_site, f"/organizaciones/{COMPLETO}/")
    perfil = doc.find("article", clase="perfil")
    headings = [h.text() for h in perfil.find_all("h2")]
    assert headings == [
        "Qué hace",
        "A quiénes acompaña y en qué temas",
        "Dónde y cuándo",
        "Contacto",
        "Qué necesita y qué ofrece",
        "Programas, redes y referentes",
        "Datos institucionales",
        "Actualización de los datos",
        "Historial",
    ]
    d = datos(COMPLETO)
    text = perfil.text()
    for value in (
        d["resumen"],
        d["sedes"][0]["direccion"],
        d["sedes"][0]["horarios"],
        d["contacto"]["email"],
        d["identificadores"]["cuit"],
        d["identificadores"]["registro_municipal"],
        *[a["nombre"] for a in d["actividades"]],
        *[n["descripcion"] for n in d["necesidades"]],
        *[o["descripcion"] for o in d["ofrece"]],
        *d["redes"],
    ):
        assert str(value) in text, value
    links = hrefs(perfil)
    assert f"mailto:{d['contacto']['email']}" in links
    assert "tel:+5493815201199" in links  # «381 15 520-1199» is a mobile: +54 9, without the 15
    assert d["contacto"]["redes"]["facebook"] in links
    assert "/tipos/organizacion-de-base/" in links  # the YAML says «Organización de base»
    assert "/barrios/villa-mariano-moreno/" in links
    assert {
        "/areas/desarrollo-comunitario/",
        "/poblaciones/familias/",
        "/ods/6/",
        "/necesidades/capacitacion/",
        "/programas/mesas-comunitarias-alimentarias/",
    } <= set(links)
    lat, lon = d["sedes"][0]["ubicacion"]["lat"], d["sedes"][0]["ubicacion"]["lon"]
    # «Cómo llegar» works on every device (a bare geo: does not on iOS or desktop).
    assert not any(h.startswith("geo:") for h in links)
    assert f"https://www.google.com/maps/dir/?api=1&destination={lat}%2C{lon}" in links
    assert f"/mapa/#sede-{COMPLETO}-1" in links
    llegar = next(
        a for a in perfil.find_all("a") if a.attrs["href"].startswith("https://www.google.com/maps/dir/")
    )
    assert llegar.text().startswith("Cómo llegar") and d["nombre"] in llegar.text()
    assert any(h.startswith("https://www.openstreetmap.org/?mlat=") for h in links)
    assert "Datos verificados el 20 de enero de 2026" in text
    assert "Perfil completo" in text and "puede estar desactualizad" not in text


def test_minimal_profile_says_what_is_missing(built_site):
    doc = page(built_site, f"/organizaciones/{MINIMO}/")
    verificacion = doc.find("section", clase="verificacion")
    missing = [li.text() for li in verificacion.find("ul", clase="faltan").find_all("li")]
    assert "un resumen de una línea" in missing
    assert "un correo o teléfono de contacto" in missing
    assert "Perfil inicial" in verificacion.text()
    assert "todavía no fueron verificados" in verificacion.text()
    headings = [h.text() for h in doc.find("article", clase="perfil").find_all("h2")]
    assert "Contacto" not in headings and "Datos institucionales" not in headings


def test_old_data_is_flagged_as_possibly_outdated(built_site):
    doc = page(built_site, "/organizaciones/centro-vecinal-marcos-paz/")
    alerta = doc.find("p", clase="alerta")
    assert alerta and "desactualizados" in alerta.text()
    assert "Datos verificados el 6 de mayo de 2024" in doc.find("main").text()


def test_inactive_profile_is_marked_and_not_indexed(built_site):
    doc = page(built_site, f"/organizaciones/{INACTIVO}/")
    assert "Organización inactiva" in doc.find("p", clase="estado-inactiva").text()
    assert doc.find("meta", name="robots").attrs["content"].startswith("noindex")


def test_report_link_is_prefilled(built_site):
    doc = page(built_site, f"/organizaciones/{COMPLETO}/")
    link = [a for a in doc.find_all("a") if a.text().startswith("¿Ves un dato incorrecto?")][0]
    href = unquote(link.attrs["href"])
    assert href.startswith("mailto:")
    assert datos(COMPLETO)["nombre"] in href and f"/organizaciones/{COMPLETO}/" in href


def test_related_organizations_close_the_page(built_site):
    doc = page(built_site, "/organizaciones/merendero-los-girasoles/")
    main = doc.find("main")
    sections = main.find_all("section")
    assert sections[-1].attrs.get("class") == "relacionadas"
    assert "/organizaciones/merendero-los-girasoles/" not in hrefs(sections[-1])


def test_json_ld_describes_the_organization(built_site):
    doc = page(built_site, f"/organizaciones/{COMPLETO}/")
    scripts = doc.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    data = json.loads(scripts[0].text())
    d = datos(COMPLETO)
    assert data["@context"] == "https://schema.org" and data["@type"] == "NGO"
    assert data["name"] == d["nombre"] and data["alternateName"] == d["sigla"]
    assert data["address"]["streetAddress"] == d["sedes"][0]["direccion"]
    assert data["location"][0]["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": float(d["sedes"][0]["ubicacion"]["lat"]),
        "longitude": float(d["sedes"][0]["ubicacion"]["lon"]),
    }
    assert data["email"] == d["contacto"]["email"]
    assert d["contacto"]["redes"]["facebook"] in data["sameAs"]
    assert data["mainEntityOfPage"].endswith(f"/organizaciones/{COMPLETO}/")
    assert data["url"] not in data["sameAs"] and data["mainEntityOfPage"] not in data["sameAs"]
    # The city is the locality; the barrio is a place within it; the postal code is there.
    for place in data["location"]:
        assert place["address"]["addressLocality"] == "San Miguel de Tucumán"
        assert place["address"]["postalCode"] == "4000"
    contained = [p["containedInPlace"]["name"] for p in data["location"] if "containedInPlace" in p]
    assert len(contained) == sum(1 for s in d["sedes"] if s.get("barrio")) > 0
    assert set(contained) <= set(vocabulary("barrios").values())
    assert "disambiguatingDescription" not in data


def test_json_ld_marks_an_inactive_organization(built_site):
    inactive = [
        p
        for p in sorted((ROOT / "organizaciones").glob("*.yml"))
        if "estado: inactiva" in p.read_text(encoding="utf-8")
    ]
    assert inactive
    for path in inactive:
        doc = page(built_site, f"/organizaciones/{path.stem}/")
        block = next(s for s in doc.find_all("script") if s.attrs.get("type") == "application/ld+json")
        data = json.loads(block.text())
        assert "inactiva" in data["disambiguatingDescription"], path.stem


def test_json_ld_cannot_break_out_of_its_script(tmp_path):
    from conftest import build_site, copy_project

    project = copy_project(tmp_path)
    path = project / "organizaciones" / "fundacion-latidos.yml"
    lines = [
        "resumen: '</script><script>alert(1)</script> & <!--'" if line.startswith("resumen:") else line
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert build_site(project, project / "output").returncode == 0
    html = (project / "output" / "organizaciones" / "fundacion-latidos" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "<script>alert(1)" not in html
    doc = page(project / "output", "/organizaciones/fundacion-latidos/")
    data = json.loads(doc.find("script", type="application/ld+json").text())
    assert data["description"].startswith("</script><script>alert(1)</script>")


def test_internal_notes_never_published(built_site):
    for slug in ("colectiva-mujeres-del-oeste", "fundacion-la-posada", "fundacion-nuevo-amanecer"):
        html = (built_site / "organizaciones" / slug / "index.html").read_text(encoding="utf-8")
        assert datos(slug)["notas_internas"][:40] not in html


def test_every_profile_within_weight_budget_without_javascript(built_site):
    pages = profile_pages(built_site)
    assert len(pages) == len(list((ROOT / "organizaciones").glob("*.yml")))
    for p in pages:
        weight = page_weight(built_site, p)
        assert weight["js"] < 1024, p  # only the offline worker's registration (offline.js)
        assert weight["css"] > 1000, "la hoja de estilos cuenta en el peso"
        assert weight["total"] <= BUDGET_BYTES, (p, weight)
