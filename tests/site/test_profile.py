"""Profile pages: every published field in order, links to facets, JSON-LD, freshness, weight."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from urllib.parse import unquote, urlencode

import yaml

from support.expectations import vocabulary
from support.html_tree import page
from support.search_documents import document_rows

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # benchmarks/ is a plain folder of the repository

from benchmarks.weights import BUDGET_BYTES, page_weight, profile_pages  # noqa: E402

COMPLETE = "organizacion-norte"
MINIMAL = "apoyo-escolar-semillitas"
INACTIVE = "merendero-rayito-de-sol"


def profile_data(slug: str) -> dict:
    # BaseLoader: every scalar stays text («sigla: ON» is not a boolean), as in the project's loader.
    return yaml.load(
        (ROOT / "organizaciones" / f"{slug}.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader
    )


def hrefs(node) -> list[str]:
    return [a.attrs.get("href", "") for a in node.find_all("a")]


def test_complete_profile_shows_every_published_field_in_order(built_site):
    doc = page(built_site, f"/organizaciones/{COMPLETE}/")
    profile = doc.find("article", class_="perfil")
    headings = [h.text() for h in profile.find_all("h2")]
    assert headings == [
        "Contacto y horarios",
        "Compartir",
        "Qué hace",
        "A quiénes acompaña y en qué temas",
        "Dónde y cuándo",
        "Qué necesita y qué ofrece",
        "Programas, redes y referentes",
        "Datos institucionales",
        "Actualización de los datos",
        "Historial",
    ]
    d = profile_data(COMPLETE)
    text = profile.text()
    for value in (
        d["resumen"],
        d["sedes"][0]["direccion"],
        d["contacto"]["email"],
        d["identificadores"]["cuit"],
        d["identificadores"]["registro_municipal"],
        *[a["nombre"] for a in d["actividades"]],
        *[n["descripcion"] for n in d["necesidades"]],
        *[o["descripcion"] for o in d["ofrece"]],
        *d["redes"],
    ):
        assert str(value) in text, value
    links = hrefs(profile)
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
    # «Cómo llegar» works on every device (a bare geo: does not on iOS or desktop).
    assert not any(h.startswith("geo:") for h in links)
    # It names the place (organization, address, town), not bare coordinates.
    place = f"{d['nombre']}, {d['sedes'][0]['direccion']}, San Miguel de Tucumán, Argentina"
    assert "https://www.google.com/maps/dir/?" + urlencode({"api": 1, "destination": place}) in links
    assert f"/mapa/#sede-{COMPLETE}-1" in links
    directions = next(
        a for a in profile.find_all("a") if a.attrs["href"].startswith("https://www.google.com/maps/dir/")
    )
    assert directions.text().startswith("Cómo llegar") and d["nombre"] in directions.text()
    assert any(h.startswith("https://www.openstreetmap.org/?mlat=") for h in links)
    assert "Datos verificados por el CMOSC el 20 de enero de 2026" in text
    assert "puede estar desactualizad" not in text
    # Completeness is for the staff report, never the public page.
    assert "Perfil completo" not in text and "%" not in profile.find("header").text()


def contact(doc):
    return doc.find("section", class_="perfil__contacto")


def actions(box) -> dict[str, list[str]]:
    """Tap targets of a contact block: their text → hrefs."""
    found: dict[str, list[str]] = {}
    for a in box.find_all("a", class_="accion"):
        found.setdefault(a.find("span", class_="accion__texto").text(), []).append(a.attrs["href"])
    return found


def test_contact_comes_right_after_the_name_with_big_actions(built_site):
    doc = page(built_site, "/organizaciones/merendero-los-girasoles/")
    profile = doc.find("article", class_="perfil")
    children = [c for c in profile.children if getattr(c, "tag", None)]
    assert [c.tag for c in children[:2]] == ["header", "section"] and children[1] is contact(doc)
    box = contact(doc)
    found = actions(box)
    # Two phones, each labelled; the mobile one also has WhatsApp (the link the profile gave).
    assert found["Llamar"] == ["tel:+543814213456", "tel:+5493815550123"]
    assert "(fijo)" in box.text() and "(celular)" in box.text()
    assert found["WhatsApp"] == ["https://wa.me/5493815550123"]
    place = "Merendero Comunitario Los Girasoles, Salón comunitario, Pasaje Los Ceibos 1150, San Miguel de Tucumán, Argentina"
    assert found["Cómo llegar"] == [
        "https://www.google.com/maps/dir/?" + urlencode({"api": 1, "destination": place})
    ]
    assert found["Correo"] == ["mailto:contacto@girasoles.ejemplo.org.ar"]
    assert found["Sitio web"] == ["https://girasoles.ejemplo.org.ar"]
    # Networks by name, never raw URLs; the address and hours are in the block.
    redes = box.find("p", class_="perfil__redes")
    assert redes.text() == "En redes: Facebook · Instagram"
    assert "Pasaje Los Ceibos 1150" in box.text()
    # The main sede's week is in the block, once on the page; «Dónde y cuándo» says it in one line.
    week = [
        (r.find("th").text(), r.find("td").text()) for r in box.find("table", class_="semana").find_all("tr")
    ]
    assert week[0] == ("Lunes", "de 15 a 18:30") and week[5] == ("Sábado", "Cerrado")
    assert len(doc.find_all("table", class_="semana")) == 2  # the main sede's and the second sede's
    donde = doc.find("section", **{"aria-labelledby": "donde"}).find("div", class_="sede")
    assert "lunes a viernes de 15 a 18:30" in donde.text().lower() and not donde.find("table")
    # Share: WhatsApp and e-mail work without JavaScript; the script adds share sheet and copy.
    share = box.find("div", class_="compartir")
    assert share.attrs["data-url"].endswith("/organizaciones/merendero-los-girasoles/")
    assert any(h.startswith("https://wa.me/?text=Merendero%20Comunitario") for h in hrefs(share))
    assert any(h.startswith("mailto:?subject=") for h in hrefs(share))


def test_mobile_phones_get_whatsapp_and_repeated_phones_show_once(tmp_path):
    from conftest import build_site, copy_project

    project = copy_project(tmp_path)
    path = project / "organizaciones" / "comedor-comunitario-manos-unidas.yml"
    text = path.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("  telefonos:")]
    at = lines.index("contacto:") + 1
    lines.insert(at, '  telefonos: ["0381 15 520-1199", "381 155201199", "0381 422-0000", "03814220000"]')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert build_site(project, project / "output").returncode == 0
    found = actions(contact(page(project / "output", "/organizaciones/comedor-comunitario-manos-unidas/")))
    assert found["Llamar"] == ["tel:+5493815201199", "tel:+543814220000"]
    assert found["WhatsApp"] == ["https://wa.me/5493815201199"]


def test_profile_without_contact_offers_the_cmosc(built_site):
    doc = page(built_site, f"/organizaciones/{MINIMAL}/")
    box = contact(doc)
    assert "todavía no publicó teléfono ni correo" in box.text()
    found = actions(box)
    assert found["Llamar al CMOSC"] == ["tel:+543814001730"]
    assert found["WhatsApp del CMOSC"] == ["https://wa.me/5493814001730"]
    assert found["Correo del CMOSC"][0].startswith("mailto:directorio.cmosc@ejemplo.gob.ar?subject=")
    text = doc.find("main").text()
    assert "Perfil inicial" not in text and "acercar al CMOSC" not in text
    assert "todavía no fueron verificados" in doc.find("section", class_="verificacion").text()
    update = [a for a in doc.find_all("a") if a.text() == "¿Sos de esta organización? Actualizá los datos"]
    assert unquote(update[0].attrs["href"]).startswith(
        "mailto:directorio.cmosc@ejemplo.gob.ar?subject=Actualizar"
    )


def test_old_data_is_flagged_as_possibly_outdated(built_site):
    doc = page(built_site, "/organizaciones/centro-vecinal-marcos-paz/")
    alert = doc.find("p", class_="alerta")
    assert alert and "desactualizados" in alert.text()
    assert "Datos verificados por el CMOSC el 6 de mayo de 2024" in doc.find("main").text()


def test_inactive_profile_is_marked_and_not_indexed(built_site):
    doc = page(built_site, f"/organizaciones/{INACTIVE}/")
    box = contact(doc)
    assert box.find("h2").text() == "Organización inactiva"
    assert "Ya no funciona" in box.find("p", class_="estado-inactiva").text()
    assert doc.find("meta", name="robots").attrs["content"].startswith("noindex")
    # Its old address is not shown; its successor is linked.
    assert profile_data(INACTIVE)["sedes"][0]["direccion"] not in doc.find("main").text()
    assert "/organizaciones/comedor-comunitario-manos-unidas/" in hrefs(box)
    assert not actions(box)


def test_networks_link_to_the_networks_page(built_site):
    doc = page(built_site, "/organizaciones/merendero-los-girasoles/")
    assert "/redes/#red-red-de-merenderos-del-norte" in hrefs(doc.find("main"))
    assert 'id="red-red-de-merenderos-del-norte"' in (built_site / "redes" / "index.html").read_text(
        encoding="utf-8"
    )


def test_needs_show_since_when_and_old_ones_are_marked(built_site):
    doc = page(built_site, "/organizaciones/merendero-los-girasoles/")
    text = doc.find("main").text()
    assert "(desde el 1 de septiembre de 2026)" in text
    assert "(desde el 10 de marzo de 2025: hace más de un año, puede ya no hacer falta)" in text


def test_report_link_is_prefilled(built_site):
    doc = page(built_site, f"/organizaciones/{COMPLETE}/")
    link = [a for a in doc.find_all("a") if a.text().startswith("¿Ves un dato incorrecto?")][0]
    href = unquote(link.attrs["href"])
    assert href.startswith("mailto:")
    assert profile_data(COMPLETE)["nombre"] in href and f"/organizaciones/{COMPLETE}/" in href


def test_related_organizations_close_the_page(built_site):
    doc = page(built_site, "/organizaciones/merendero-los-girasoles/")
    main = doc.find("main")
    sections = main.find_all("section")
    assert sections[-1].attrs.get("class") == "relacionadas"
    assert "/organizaciones/merendero-los-girasoles/" not in hrefs(sections[-1])


def test_json_ld_describes_the_organization(built_site):
    doc = page(built_site, f"/organizaciones/{COMPLETE}/")
    scripts = doc.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    data = json.loads(scripts[0].text())
    d = profile_data(COMPLETE)
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
    assert data["mainEntityOfPage"].endswith(f"/organizaciones/{COMPLETE}/")
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
        assert profile_data(slug)["notas_internas"][:40] not in html


# The only scripts of a profile add «abierto ahora» to readable hours (hours.js, hours-page.js).
HOURS_JS_BUDGET = 5 * 1024


def test_every_profile_within_weight_budget_and_scripts_only_for_hours(built_site):
    pages = profile_pages(built_site)
    assert len(pages) == len(list((ROOT / "organizaciones").glob("*.yml")))
    for p in pages:
        weight = page_weight(built_site, p)
        scripts = re.findall(r'<script[^>]* src="[^"]*/theme/js/([^"?]+)', p.read_text(encoding="utf-8"))
        # offline.js registers the offline worker; share.js is the deferred share control.
        hours = [s for s in scripts if s not in ("offline.js", "share.js")]
        assert hours in ([], ["hours.js", "hours-page.js"]), p
        assert weight["js"] < 2048 + (HOURS_JS_BUDGET if hours else 0), p
        assert weight["css"] > 1000, "la hoja de estilos cuenta en el peso"
        assert weight["total"] <= BUDGET_BYTES, (p, weight)


IMPORTED = (
    "biblioteca-popular-rincon-de-lectura"  # a registry row: no description, changed after verification
)


def test_profile_without_description_is_published_gracefully(built_site):
    doc = page(built_site, f"/organizaciones/{IMPORTED}/")
    profile = doc.find("article", class_="perfil")
    what_it_does = profile.find("section", **{"aria-labelledby": "que-hace"})
    assert what_it_does.find("div", class_="texto") is None  # no empty description box
    assert "todavía no contó qué hace" in what_it_does.text()
    assert "Pasaje Bolivia 845, 4000 San Miguel de Tucumán" in profile.text()
    institutional_data = profile.find("section", **{"aria-labelledby": "datos-institucionales"})
    assert "CONABIP" in institutional_data.text() and "4021" in institutional_data.text()
    # Verified in March, changed by an import in November: the page does not claim a check.
    assert "Datos verificados" not in profile.text()
    assert "cambiaron después de la verificación del 2 de marzo de 2026" in profile.text()
    assert profile.find("ul", class_="faltan") is None  # what is missing is the staff report's business
    data = json.loads(doc.find("script", type="application/ld+json").text())
    assert data["description"] == "Biblioteca Popular Rincón de Lectura"
    assert data["address"]["postalCode"] == "4000"
    assert data["address"]["addressLocality"] == "San Miguel de Tucumán"
    # Its card and its search document carry no empty text either.
    listing = page(built_site, "/tipos/asociacion-civil/")
    card = next(t for t in listing.find_all("article", class_="tarjeta") if "Rincón de Lectura" in t.text())
    assert card.find("p", class_="tarjeta__resumen") is None
    assert "Datos sin verificar por el CMOSC" in card.text()
    documents = document_rows(json.loads((built_site / "buscar" / "documentos-0.json").read_text("utf-8")))
    document = next(d for d in documents if d["slug"] == IMPORTED)
    assert document.get("extracto", "") == ""
