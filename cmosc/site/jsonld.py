"""schema.org data for a profile, as a plain dict (serialized by the `json_script` filter).

Every term is checked against the schema.org vocabulary by tests/site/test_standards.py.
"""

from __future__ import annotations

from cmosc.municipality import MUNICIPALITY, Municipality
from cmosc.profiles import hours_format

# Cooperatives are businesses of their members, not NGOs.
NOT_NGO = {"cooperativa"}
INACTIVE = "Organización inactiva: su página queda en el directorio, pero ya no funciona."


def _address(sede, municipal_area: Municipality) -> dict:
    """The postal address: the sede's town (the municipality's unless it says another); the
    barrio is a place within it (see `_place`)."""
    address = {
        "@type": "PostalAddress",
        "addressLocality": sede.localidad or municipal_area.localidad,
        "addressRegion": municipal_area.province,
        "postalCode": sede.codigo_postal or municipal_area.codigo_postal,
        "addressCountry": municipal_area.pais,
    }
    if sede.direccion:
        address["streetAddress"] = sede.direccion
    return address


def _place(sede, municipal_area: Municipality) -> dict:
    place: dict = {"@type": "Place"}
    if sede.nombre:
        place["name"] = sede.nombre
    place["address"] = _address(sede, municipal_area)
    if sede.barrio:
        place["containedInPlace"] = {"@type": "Place", "name": sede.barrio.nombre}
    if sede.lat is not None:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": sede.lat, "longitude": sede.lon}
    if sede.horarios:
        place["description"] = sede.horarios
    specs = hours_format.schema_org(sede.hours) if sede.hours else []
    if specs:
        place["openingHoursSpecification"] = specs
    return place


def organization_jsonld(org, base_url: str, municipal_area: Municipality = MUNICIPALITY) -> dict:
    page = f"{base_url}/{org.url}"
    contacto = org.contacto or {}
    url = contacto.get("web") or page
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Organization" if org.tipo.id in NOT_NGO else "NGO",
        "@id": page + "#organizacion",
        "name": org.nombre,
        "url": url,
        "mainEntityOfPage": page,
        "description": org.resumen or org.nombre,
    }
    if not org.activa:
        data["disambiguatingDescription"] = INACTIVE
    if org.sigla:
        data["alternateName"] = org.sigla
    if org.fundacion:
        data["foundingDate"] = str(org.fundacion)
    if org.sedes:
        data["address"] = _address(org.sedes[0], municipal_area)
        data["location"] = [_place(s, municipal_area) for s in org.sedes]
    if org.logo_img:
        data["logo"] = f"{base_url}/{org.logo_img.save_as(org.slug)}"
    if contacto.get("email"):
        data["email"] = contacto["email"]
    if org.telefonos:
        data["telephone"] = [t.href.removeprefix("tel:") for t in org.telefonos]
    # Other pages about the same organization: its social networks, never its own `url` again.
    same_as = [link for _, link in sorted((contacto.get("redes") or {}).items()) if link not in (url, page)]
    if same_as:
        data["sameAs"] = same_as
    if org.areas:
        data["knowsAbout"] = [a.nombre for a in org.areas]
    cuit = (org.identificadores or {}).get("cuit")
    if cuit:
        data["taxID"] = cuit
    if org.redes:
        data["memberOf"] = [{"@type": "Organization", "name": r} for r in org.redes]
    return data
