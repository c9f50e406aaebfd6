"""/necesidades-compartidas/: needs several organizations share, to plan common strategies.

The CMOSC looks for joint answers (one training, one donation drive, one volunteer
call) where organizations ask for the same thing; this page shows where: by need,
and by need within a barrio or a thematic area.
"""

from __future__ import annotations

from dataclasses import dataclass

from cmosc.folding import spanish_sort_key
from cmosc.model.organization import SHARED_NEED_MIN
from cmosc.site.context import PageSpec, Site


@dataclass(frozen=True)
class Coincidencia:
    """A need shared by several organizations within one barrio or area."""

    etiqueta: str  # barrio or area name
    url: str  # its facet page
    organizaciones: tuple


@dataclass(frozen=True)
class NecesidadCompartida:
    valor: object  # the necesidades FacetValue (label, count, url, activas)
    por_barrio: tuple[Coincidencia, ...]
    por_area: tuple[Coincidencia, ...]


def _groups(orgs, terms_of, facet: str) -> tuple[Coincidencia, ...]:
    grouped: dict[str, tuple[object, list]] = {}
    for org in orgs:
        for term in terms_of(org):
            grouped.setdefault(term.id, (term, []))[1].append(org)
    shared = [
        Coincidencia(term.nombre, f"{facet}/{term.id}/", tuple(members))
        for term, members in grouped.values()
        if len(members) >= SHARED_NEED_MIN
    ]
    return tuple(sorted(shared, key=lambda c: (-len(c.organizaciones), spanish_sort_key(c.etiqueta))))


def shared_needs(site: Site) -> list[NecesidadCompartida]:
    result = []
    for value in site.facetas["necesidades"].values:
        if value.count >= SHARED_NEED_MIN:
            result.append(
                NecesidadCompartida(
                    value,
                    _groups(value.activas, lambda o: o.barrios, "barrios"),
                    _groups(value.activas, lambda o: o.areas, "areas"),
                )
            )
    return sorted(result, key=lambda n: (-n.valor.count, spanish_sort_key(n.valor.label)))


def necesidades_compartidas(site: Site, context: dict):
    yield PageSpec(
        "necesidades-compartidas/index.html",
        "necesidades_compartidas",
        {
            "page_name": "necesidades-compartidas",
            "ruta": "necesidades-compartidas/",
            "necesidades": shared_needs(site),
        },
    )
