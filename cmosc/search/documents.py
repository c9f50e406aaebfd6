"""Organizations → what the search needs: texts to index and card/facet metadata.

Only the view model (`cmosc.model.organization.Organization`) is read, and it holds published
fields only (`privacy.published`), so nothing private can reach the index.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from cmosc.model.organization import Organization

#: Longest card snippet, in characters (cut at a word boundary).
LARGO_EXTRACTO = 180

_ETIQUETA = re.compile(r"<[^>]+>")
_ESPACIOS = re.compile(r"\s+")


def texto_plano(fragmento_html: str) -> str:
    """Visible text of sanitized HTML: tags dropped (link targets are not
    text), entities decoded, spaces collapsed."""
    return _ESPACIOS.sub(" ", html.unescape(_ETIQUETA.sub(" ", str(fragmento_html)))).strip()


def _unir(partes: Iterable[str | None]) -> str:
    return " ".join(p for p in partes if p)


def textos(org: Organization) -> dict[str, str]:
    """Every indexed field of one organization, as plain text (see `niveles`)."""
    actividades = org.data.get("actividades") or []
    return {
        "id": org.slug,
        "nombre": org.nombre,
        "sigla": org.sigla or "",
        "resumen": org.resumen or "",
        "tipo": org.tipo.nombre,
        "areas": _unir(t.nombre for t in org.areas),
        "poblacion": _unir(t.nombre for t in org.poblacion),
        "barrio": _unir(t.nombre for t in org.barrios),
        "necesidades_tipos": _unir(dict.fromkeys(n.tipo.nombre for n in org.necesidades)),
        "necesidades": _unir(n.descripcion for n in org.necesidades),
        "actividades": _unir(_unir((a.get("nombre"), a.get("descripcion"))) for a in actividades),
        "descripcion": texto_plano(org.descripcion_html),
    }


def extracto(org: Organization, largo: int = LARGO_EXTRACTO) -> str:
    """The card snippet: the summary, else the start of the description."""
    texto = org.resumen or texto_plano(org.descripcion_html)
    if len(texto) <= largo:
        return texto
    corte = texto.rfind(" ", 0, largo)
    return texto[: corte if corte > largo // 2 else largo].rstrip(" ,;:.") + "…"


def valores(org: Organization) -> dict[str, list[str]]:
    """Facet values of one organization, by /buscar/ URL parameter
    (`tipo`, `area`, `barrio`, `poblacion`, `necesidad`, `ods`)."""
    return {
        "tipo": [org.tipo.id],
        "area": [t.id for t in org.areas],
        "barrio": [t.id for t in org.barrios],
        "poblacion": [t.id for t in org.poblacion],
        "necesidad": list(dict.fromkeys(n.tipo.id for n in org.necesidades)),
        "ods": [str(n) for n in sorted(org.ods or [])],
    }


def tarjeta(org: Organization) -> dict:
    """What a result card shows besides facet names. A missing sigla is
    omitted; `inactiva` only appears when true."""
    fila = {"slug": org.slug, "nombre": org.nombre, "extracto": extracto(org)}
    if org.sigla:
        fila["sigla"] = org.sigla
    if not org.activa:
        fila["inactiva"] = True
    return fila
