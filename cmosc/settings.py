"""Our Pelican settings, with defaults and help in one place."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import quote

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
    # How residents and organizations reach the CMOSC: header, footer, /acerca/, /sumar/,
    # print, and every profile that has no contact of its own. Empty hides a line.
    "CMOSC_DIRECCION": "Calle Ejemplo 1730, San Miguel de Tucumán",
    "CMOSC_TELEFONO": "0381 400-1730",
    # A mobile number for WhatsApp (wa.me link); empty hides the WhatsApp option.
    "CMOSC_WHATSAPP": "+54 9 381 400-1730",
    "CMOSC_CORREO": "directorio.cmosc@ejemplo.gob.ar",
    "CMOSC_HORARIO": "Lunes a viernes de 8 a 13",
    # Municipal logo shown in the header, footer and print (path under theme/static/).
    "CMOSC_LOGO": "img/municipio.svg",
    "CMOSC_DATOS_RAIZ": ".",
    # Absolute public address for canonical links, Open Graph, sitemap.xml and every link in
    # the open data. Unset: SITEURL, and when that is empty too (local builds) the address
    # `make serve` uses; a public build (CMOSC_PUBLICACION) refuses to guess it.
    "CMOSC_URL_CANONICA": None,
    # True in publishconf.py: this build is the public site, so it needs a public address.
    "CMOSC_PUBLICACION": False,
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
    # The GitHub repository holding the data ("owner/name"), its published branch, the site's
    # public address (empty: the repository's GitHub Pages address) and, optionally, an OAuth
    # proxy for the web editor's sign-in (empty: sign in with a token). The web editor, the
    # issue-form links, /sumar/ and the workflows' check derive from it; pelicanconf.py sets it.
    "CMOSC_REPOSITORIO": {"github": "", "rama": "main", "sitio": "", "oauth": ""},
    # Whether «Historial» on each profile names who made each change (git author names, never
    # e-mail addresses). Off: only dates and descriptions.
    "CMOSC_HISTORIAL_AUTORES": False,
    # The municipality the directory covers, so a neighbouring one (or the province) can run
    # the same software. The locality written when a sede does not say one:
    "CMOSC_MUNICIPIO_LOCALIDAD": "San Miguel de Tucumán",
    # Locality names in a spreadsheet that mean this municipality (case and accents aside).
    "CMOSC_MUNICIPIO_NOMBRES": ("San Miguel de Tucumán", "San Miguel de Tucuman"),
    # Departments that are this municipality, in its province, and short names that mean it
    # only together with such a department (a registry's «Tucumán» in department «Capital»).
    "CMOSC_MUNICIPIO_DEPARTAMENTOS": ("Capital",),
    "CMOSC_MUNICIPIO_PROVINCIA": "Tucumán",
    "CMOSC_MUNICIPIO_NOMBRES_CORTOS": ("Tucumán",),
    # Postal code of an address whose sede does not say one (HSDS and schema.org addresses).
    "CMOSC_MUNICIPIO_CODIGO_POSTAL": "4000",
    # Rectangle every profile's coordinates must fall in (validation: a typo or a swapped pair).
    "CMOSC_MUNICIPIO_LIMITES": {"lat": (-26.90, -26.75), "lon": (-65.30, -65.15)},
    # The municipality's outline, closer than the rectangle: an imported row whose point falls
    # outside is «fuera del municipio» (Yerba Buena, Banda del Río Salí…). (lat, lon) pairs or
    # the path of a GeoJSON file (see `cmosc.municipality`). This default is a hand-drawn
    # approximation, not an official boundary (README).
    "CMOSC_MUNICIPIO_CONTORNO": (
        (-26.770, -65.262),
        (-26.770, -65.200),
        (-26.785, -65.180),
        (-26.810, -65.168),
        (-26.850, -65.168),
        (-26.880, -65.185),
        (-26.885, -65.235),
        (-26.865, -65.262),
        (-26.830, -65.266),
        (-26.800, -65.266),
    ),
}
LOCAL_URL = "http://localhost:8000"


class SettingError(ValueError):
    """A setting of `pelicanconf.py` that cannot be used (the message says which and why)."""


# http(s), a host name of two or more labels (not ".github.io"), an optional port and path.
LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
PUBLIC_ADDRESS = re.compile(rf"https?://{LABEL}(?:\.{LABEL})+(?::\d+)?(?:/\S*)?")


def setting(settings: dict, name: str):
    value = settings.get(name, DEFAULTS[name])
    if name == "CMOSC_URL_CANONICA":
        # Sitemaps and canonical links need an absolute URL, never "".
        value = (value or settings.get("SITEURL") or LOCAL_URL).rstrip("/")
    return value


@dataclass(frozen=True)
class Repository:
    """Where the data live on GitHub, and the addresses derived from that."""

    github: str
    rama: str
    sitio: str
    oauth: str = ""

    @property
    def url(self) -> str:
        return f"https://github.com/{self.github}"

    def issue_form_url(self, template: str, title: str = "") -> str:
        query = f"template={quote(template)}" + (f"&title={quote(title)}" if title else "")
        return f"{self.url}/issues/new?{query}"


def repository(settings: dict) -> Repository:
    value = {**DEFAULTS["CMOSC_REPOSITORIO"], **(settings.get("CMOSC_REPOSITORIO") or {})}
    owner, _, name = value["github"].partition("/")
    # A project site on GitHub Pages lives at https://OWNER.github.io/NAME.
    sitio = value.get("sitio") or f"https://{owner.lower()}.github.io/{name}"
    return Repository(value["github"], value["rama"], sitio.rstrip("/"), value.get("oauth") or "")


def project_settings(root: Path) -> dict:
    """The project's `pelicanconf.py` as a dict, for tools that run outside a Pelican build."""
    path = root / "pelicanconf.py"
    if not path.is_file():
        return {}
    from pelican.settings import read_settings

    return read_settings(str(path))


def public_address_problem(settings: dict) -> str | None:
    """Why a public build cannot go ahead (None when it can): it has no public address."""
    if not settings.get("CMOSC_PUBLICACION"):
        return None
    address = settings.get("CMOSC_URL_CANONICA") or settings.get("SITEURL") or ""
    if PUBLIC_ADDRESS.fullmatch(address) and not address.startswith(LOCAL_URL):
        return None
    shown = f"«{address}» no es" if address else "falta"
    return (
        f"{shown} la dirección pública del sitio. «make publish» la necesita absoluta: en SITEURL "
        "(por ejemplo SITEURL=https://cmosc-smt.github.io/directorio-osc make publish), en CMOSC_URL_CANONICA "
        "o, para GitHub Pages, el repositorio en CMOSC_REPOSITORIO. "
        f"Sin ella, los datos abiertos, el mapa del sitio y los enlaces para compartir apuntarían a {LOCAL_URL}."
    )


def reference_date(settings: dict) -> date:
    """A build depends on "today" only through this date (freshness flags)."""
    configured = setting(settings, "CMOSC_FECHA_REFERENCIA")
    if configured:
        return date.fromisoformat(str(configured))
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()
