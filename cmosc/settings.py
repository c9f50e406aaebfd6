"""Our Pelican settings: one registry, read by the build and by the README's settings table.

Adding a setting is one `Setting(name, default, help)` line in `SETTINGS`; `cmosc derivados`
then writes its row in the README (a test fails while the README is stale).
"""

from __future__ import annotations

import importlib.util
import os
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import quote


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    help: str  # Spanish: what the README says it is for
    shown: str | None = None  # the README's default when the value itself does not read well


#: Open-data licence unless CMOSC_LICENCIA_DATOS says otherwise.
DEFAULT_LICENCE = {
    "id": "CC-BY-4.0",
    "titulo": "Creative Commons Atribución 4.0 Internacional",
    "url": "https://creativecommons.org/licenses/by/4.0/deed.es",
}
# A hand-drawn approximation of the capital's outline, not an official boundary (README).
DEFAULT_OUTLINE = (
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
)
#: The address `make serve` uses; the public address of a local build.
LOCAL_URL = "http://localhost:8000"
#: The installed app's colour and icons: named by its manifest (`site/offline.py`), drawn by
#: `cmosc derivados` (`derived/icons.py`) into the theme, `<ICONS_FOLDER>/icono-<size>.png`,
#: and published at the same path of the site.
THEME_COLOR = "#0b4f8a"
ICON_SIZES = (192, 512)
ICONS_FOLDER = "iconos"


class SettingError(ValueError):
    """A setting of `pelicanconf.py` that cannot be used (the message says which and why)."""


# http(s), a host name of two or more labels (not ".github.io"), an optional port and path.
LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
PUBLIC_ADDRESS = re.compile(rf"https?://{LABEL}(?:\.{LABEL})+(?::\d+)?(?:/\S*)?")

SETTINGS: tuple[Setting, ...] = (
    Setting("CMOSC_NOMBRE", "Centro Municipal de Organizaciones Sociales Comunitarias", "nombre del CMOSC, en el encabezado, el pie, `/acerca/`, la impresión y la página de datos"),
    Setting("CMOSC_MUNICIPIO", "Municipalidad de San Miguel de Tucumán", "municipio al que pertenece, en el encabezado, el pie, `/acerca/`, la impresión y la cita de los datos"),
    Setting("CMOSC_DIRECCION", "Calle Ejemplo 1730, San Miguel de Tucumán", "dirección del CMOSC: pie de cada página, `/acerca/`, `/sumar/`, la impresión y cada perfil que no tiene contacto propio; vacío oculta la línea", "dato de ejemplo"),
    Setting("CMOSC_TELEFONO", "0381 400-1730", "teléfono del CMOSC, en los mismos lugares; vacío oculta la línea", "dato de ejemplo"),
    Setting("CMOSC_WHATSAPP", "+54 9 381 400-1730", "celular del CMOSC para el botón de WhatsApp (`wa.me`); vacío lo oculta", "dato de ejemplo"),
    Setting("CMOSC_CORREO", "directorio.cmosc@ejemplo.gob.ar", "correo del CMOSC, en los mismos lugares y en el correo prellenado de `/sumar/`; vacío oculta la línea", "dato de ejemplo"),
    Setting("CMOSC_HORARIO", "Lunes a viernes de 8 a 13", "horario de atención del CMOSC, en los mismos lugares; vacío oculta la línea", "dato de ejemplo"),
    Setting("CMOSC_LOGO", "img/municipio.svg", "logo municipal (ruta dentro de `theme/static/`) en el encabezado, el pie y la impresión", "`img/municipio.svg`, un escudo de demostración: reemplazalo por el archivo oficial"),
    Setting("CMOSC_AVISO_DATOS", "Los datos de este directorio son ficticios: es una versión de demostración.", "aviso visible en cada página mientras los datos sean de ejemplo; `None` lo oculta", "aviso de datos ficticios"),
    Setting("CMOSC_REPORTAR_URL", "mailto:directorio.cmosc@ejemplo.gob.ar?subject=Dato%20incorrecto%3A%20{nombre}&body=P%C3%A1gina%3A%20{url}%0A%0AQu%C3%A9%20dato%20est%C3%A1%20mal%3A%20", "adónde lleva «¿Ves un dato incorrecto?» (admite `{slug}`, `{nombre}`, `{url}`): un correo o el formulario de incidencias del repositorio", "un `mailto:`"),
    Setting("CMOSC_URL_CANONICA", None, "dirección pública absoluta del directorio: enlaces canónicos, Open Graph, `sitemap.xml`, `robots.txt`, todos los enlaces de los datos abiertos, los identificadores de `hsds.json` y el `$id` de `esquema/organizacion.schema.json`", f"`SITEURL`, o `{LOCAL_URL}` si está vacío"),
    Setting("CMOSC_PUBLICACION", False, "la construcción es el sitio público (`publishconf.py` la pone en `True`): sin una dirección pública absoluta, se detiene", "`False`"),
    Setting("CMOSC_POR_PAGINA", 60, "organizaciones por página en los listados"),
    Setting("CMOSC_LICENCIA_DATOS", DEFAULT_LICENCE, "licencia de los datos abiertos: `{\"id\": …, \"titulo\": …, \"url\": …}` (id como en SPDX)", "CC BY 4.0"),
    Setting("CMOSC_ENLACES_PENDIENTES", (), "rutas internas todavía no construidas a las que se puede enlazar sin detener la construcción (el verificador de enlaces rechaza cualquier otro enlace roto)", "ninguna"),
    Setting("CMOSC_BUSQUEDA_FRAGMENTO", 2500, "organizaciones por fragmento del índice de búsqueda"),
    Setting("CMOSC_MAPA_TESELAS", "https://tile.openstreetmap.org/{z}/{x}/{y}.png", "teselas de `/mapa/` (plantilla de URL de Leaflet); la política de seguridad de esa página permite imágenes solo de ese servidor"),
    Setting("CMOSC_MAPA_ATRIBUCION", {"texto": "© colaboradores de OpenStreetMap", "url": "https://www.openstreetmap.org/copyright"}, "atribución de las teselas: `{\"texto\": …, \"url\": …}`", "«© colaboradores de OpenStreetMap»"),
    Setting("CMOSC_REPOSITORIO", {"github": "", "rama": "main", "sitio": "", "oauth": ""}, "**lo único que cambia un fork**: `{\"github\": \"dueño/nombre\", \"rama\": \"main\"}`, más `\"sitio\"` (dirección pública; si falta, la de GitHub Pages del repositorio, `https://dueño.github.io/nombre`) y `\"oauth\"` (un proveedor OAuth propio para el editor; si falta, se entra con token). De acá salen `admin/config.yml`, los enlaces a los formularios (`/sumar/`, `.github/ISSUE_TEMPLATE/config.yml`) y `SITEURL` de `make publish`; los workflows fallan con un aviso si no nombra al repositorio donde corren", "el de `pelicanconf.py`"),
    Setting("CMOSC_HISTORIAL_AUTORES", False, "si «Historial» de cada perfil muestra el nombre de quien hizo cada cambio (nunca el correo)", "`False`"),
    # The municipality the directory covers (`cmosc.municipality`), so a neighbouring one or the province can run the same software.
    Setting("CMOSC_MUNICIPIO_LOCALIDAD", "San Miguel de Tucumán", "localidad de una sede que no dice otra", "San Miguel de Tucumán"),
    Setting("CMOSC_MUNICIPIO_NOMBRES", ("San Miguel de Tucumán", "San Miguel de Tucuman"), "nombres de localidad que en una planilla significan este municipio (sin importar mayúsculas ni tildes)", "San Miguel de Tucumán, San Miguel de Tucuman"),
    Setting("CMOSC_MUNICIPIO_DEPARTAMENTOS", ("Capital",), "departamentos (de la provincia de `CMOSC_MUNICIPIO_PROVINCIA`) que son el municipio", "Capital"),
    Setting("CMOSC_MUNICIPIO_PROVINCIA", "Tucumán", "provincia del municipio", "Tucumán"),
    Setting("CMOSC_MUNICIPIO_NOMBRES_CORTOS", ("Tucumán",), "nombres que significan el municipio solo junto con uno de esos departamentos", "Tucumán"),
    Setting("CMOSC_MUNICIPIO_CODIGO_POSTAL", "4000", "código postal de una sede que no dice otro (direcciones de `hsds.json` y de schema.org)", "4000"),
    Setting("CMOSC_MUNICIPIO_LIMITES", {"lat": (-26.90, -26.75), "lon": (-65.30, -65.15)}, "rectángulo (latitudes, longitudes) en el que debe caer toda ubicación de un perfil", "−26,90 a −26,75; −65,30 a −65,15"),
    Setting("CMOSC_MUNICIPIO_CONTORNO", DEFAULT_OUTLINE, "contorno del municipio, como pares (lat, lon) o la ruta de un archivo GeoJSON: una fila importada con el punto afuera queda «fuera del municipio»", "contorno trazado a mano de la capital (ver abajo)"),
    Setting("CMOSC_FECHA_REFERENCIA", None, "«hoy» para las marcas de actualización, `AAAA-MM-DD` (también por variable de entorno); sin ella, `SOURCE_DATE_EPOCH` o la fecha del día", "fecha del día"),
    Setting("CMOSC_DATOS_RAIZ", ".", "carpeta con `organizaciones/`, `vocabularios/` y `admin/` (en `pelicanconf.py`, la del propio archivo)", "la carpeta actual"),
)  # fmt: skip
DEFAULTS = {s.name: s.default for s in SETTINGS}


def setting(settings: dict, name: str):
    value = settings.get(name, DEFAULTS[name])
    if name == "CMOSC_URL_CANONICA":
        # Sitemaps, canonical links and identifiers need an absolute URL, never "".
        value = (value or settings.get("SITEURL") or LOCAL_URL).rstrip("/")
    return value


def public_url(settings: dict) -> str:
    """The directory's public address, without a trailing slash (see CMOSC_URL_CANONICA)."""
    return setting(settings, "CMOSC_URL_CANONICA")


def reference_date(settings: dict) -> date:
    """A build depends on "today" only through this date (freshness flags)."""
    configured = setting(settings, "CMOSC_FECHA_REFERENCIA")
    if configured:
        return date.fromisoformat(str(configured))
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()


@dataclass(frozen=True)
class Repository:
    """Where the data live on GitHub, and the addresses derived from that."""

    github: str
    branch: str
    site_url: str
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
    site_url = value.get("sitio") or f"https://{owner.lower()}.github.io/{name}"
    return Repository(value["github"], value["rama"], site_url.rstrip("/"), value.get("oauth") or "")


def project_settings(root: Path) -> dict:
    """The upper-case names of the project's `pelicanconf.py`, for tools that run outside a
    Pelican build: what Pelican's own `get_settings_from_file` takes, without importing Pelican
    (~0.3 s: `cmosc validar ONE.yml` is the pre-commit hook) nor its defaults, which no
    `CMOSC_*` setting reads (each has its default in `DEFAULTS`)."""
    path = root / "pelicanconf.py"
    if not path.is_file():
        return {}
    try:
        spec = importlib.util.spec_from_file_location("_cmosc_project_settings", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    except Exception as exc:  # staff-edited Python: any error in it is theirs to fix, said plainly
        raise SettingError(f"no se puede leer ({type(exc).__name__}: {exc}). Revisá el archivo.") from None
    return {name: value for name, value in vars(module).items() if name.isupper()}


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
