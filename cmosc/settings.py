"""Our Pelican settings, with defaults and help in one place."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

# Open-data licence unless CMOSC_LICENCIA_DATOS says otherwise.
LICENCIA_PREDETERMINADA = {
    "id": "CC-BY-4.0",
    "titulo": "Creative Commons Atribución 4.0 Internacional",
    "url": "https://creativecommons.org/licenses/by/4.0/deed.es",
}

DEFAULTS = {
    # Notice shown on every page while the data are fictitious; None hides it.
    "CMOSC_AVISO_DATOS": "Los datos de este directorio son ficticios: es una versión de demostración.",
    # Where "¿Ves un dato incorrecto?" goes. Placeholders: {slug}, {nombre}, {url}.
    "CMOSC_REPORTAR_URL": "mailto:directorio.cmosc@ejemplo.gob.ar?subject=Dato%20incorrecto%3A%20{nombre}&body=P%C3%A1gina%3A%20{url}%0A%0AQu%C3%A9%20dato%20est%C3%A1%20mal%3A%20",
    # Date the build considers "today" (ISO); by default SOURCE_DATE_EPOCH or the real date.
    "CMOSC_FECHA_REFERENCIA": None,
    "CMOSC_MUNICIPIO": "Municipalidad de San Miguel de Tucumán",
    "CMOSC_NOMBRE": "Centro Municipal de Organizaciones Sociales Comunitarias",
    "CMOSC_DATOS_RAIZ": ".",
    # Absolute public address for canonical links, Open Graph and sitemap.xml. Unset: SITEURL,
    # and when that is empty too (local builds) the address `make serve` uses.
    "CMOSC_URL_CANONICA": None,
    # Organizations per listing page; longer listings get numbered pages.
    "CMOSC_POR_PAGINA": 60,
    # Licence of the open data in /datos/ (id as in SPDX, title, URL of the text).
    "CMOSC_LICENCIA_DATOS": LICENCIA_PREDETERMINADA,
    # Internal paths still to be built by another part of the project; links to them
    # do not stop the build (every other broken internal link or anchor does).
    "CMOSC_ENLACES_PENDIENTES": (),
    # Map tiles for /mapa/ (Leaflet URL template) and their attribution (text and link);
    # the page's Content-Security-Policy allows images from the template's host only.
    "CMOSC_MAPA_TESELAS": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    "CMOSC_MAPA_ATRIBUCION": {
        "texto": "© colaboradores de OpenStreetMap",
        "url": "https://www.openstreetmap.org/copyright",
    },
}
LOCAL_URL = "http://localhost:8000"


def setting(settings: dict, name: str):
    value = settings.get(name, DEFAULTS[name])
    if name == "CMOSC_URL_CANONICA":
        # Sitemaps and canonical links need an absolute URL, never "".
        value = (value or settings.get("SITEURL") or LOCAL_URL).rstrip("/")
    return value


def reference_date(settings: dict) -> date:
    """A build depends on "today" only through this date (freshness flags)."""
    configured = setting(settings, "CMOSC_FECHA_REFERENCIA")
    if configured:
        return date.fromisoformat(str(configured))
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()
