"""schema.org data for a profile, as a plain dict (serialized by the `json_script` filter)."""

from __future__ import annotations

# Cooperatives are businesses of their members, not NGOs.
NOT_NGO = {"cooperativa"}
CITY = {"addressLocality": "San Miguel de Tucumán", "addressRegion": "Tucumán", "addressCountry": "AR"}


def _place(sede) -> dict:
    place: dict = {"@type": "Place"}
    if sede.nombre:
        place["name"] = sede.nombre
    address = {"@type": "PostalAddress", **CITY}
    if sede.direccion:
        address["streetAddress"] = sede.direccion
    if sede.barrio:
        address["addressLocality"] = f"{sede.barrio.nombre}, {CITY['addressLocality']}"
    place["address"] = address
    if sede.lat is not None:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": sede.lat, "longitude": sede.lon}
    if sede.horarios:
        place["description"] = sede.horarios
    return place


def organization_jsonld(org, base_url: str) -> dict:
    page = f"{base_url}/{org.url}"
    contacto = org.contacto or {}
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Organization" if org.tipo.id in NOT_NGO else "NGO",
        "@id": page + "#organizacion",
        "name": org.nombre,
        "url": contacto.get("web") or page,
        "mainEntityOfPage": page,
        "description": org.resumen or org.nombre,
    }
    if org.sigla:
        data["alternateName"] = org.sigla
    if org.fundacion:
        data["foundingDate"] = str(org.fundacion)
    if org.sedes:
        data["address"] = _place(org.sedes[0])["address"]
        data["location"] = [_place(s) for s in org.sedes]
    if contacto.get("email"):
        data["email"] = contacto["email"]
    if org.telefonos:
        data["telephone"] = [t.href.removeprefix("tel:") for t in org.telefonos]
    same_as = ([contacto["web"]] if contacto.get("web") else []) + [
        url for _, url in sorted((contacto.get("redes") or {}).items())
    ]
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
