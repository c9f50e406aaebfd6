"""/colaborar/: the necesidades facet as companies and volunteers see it, grouped by need."""

from __future__ import annotations

from dataclasses import dataclass

from cmosc.site.context import PageSpec, Site

# Per need type; the rest are one click away on the facet listing, so the page stays light.
LIMIT = 24


@dataclass(frozen=True)
class Pedido:
    """One organization's requests of one kind, with how to reach it."""

    org: object
    descripciones: tuple[str, ...]


def requests_by_need(site: Site, limit: int = LIMIT) -> list[tuple[object, list[Pedido]]]:
    """(need value, first requests by name) for every need type that some active organization has."""
    grouped = []
    for value in site.facetas["necesidades"].values:
        pedidos = [
            Pedido(org, tuple(n.descripcion for n in org.necesidades if n.tipo.id == value.value))
            for org in value.activas[:limit]
        ]
        if pedidos:
            grouped.append((value, pedidos))
    return grouped


def colaborar(site: Site, context: dict):
    yield PageSpec(
        "colaborar/index.html",
        "colaborar",
        {"page_name": "colaborar", "ruta": "colaborar/", "grupos": requests_by_need(site)},
    )
