"""/necesidades-compartidas/: needs several organizations share, to plan common strategies.

The CMOSC looks for joint answers (one training, one donation drive, one volunteer
call) where organizations ask for the same thing. The page is two tables, need ×
barrio and need × topic: each cell counts the organizations and links to the
/colaborar/ list of that barrio or topic.
"""

from __future__ import annotations

from dataclasses import dataclass

from cmosc.folding import spanish_sort_key
from cmosc.model.shared_needs import SHARED_NEED_MIN, shared_needs
from cmosc.site.context import PageSpec, Site


@dataclass(frozen=True)
class NeedRow:
    etiqueta: str  # barrio or topic name
    url: str  # its /colaborar/ list
    cuentas: tuple[int, ...]  # organizations per shared need, in column order


@dataclass(frozen=True)
class Table:
    id: str
    titulo: str
    filas: tuple[NeedRow, ...]


def shared(site: Site) -> list:
    """The shared needs (`cmosc.model.shared_needs`) as their facet values: the tables' columns."""
    values = {v.value: v for v in site.facetas["necesidades"].values}
    return [values[need.need.id] for need in shared_needs(site.organizations)]


def table(columns, members, id: str, titulo: str, segmento: str, terms_of) -> Table:
    """`members`: need id → its organizations (`Site.miembros`)."""
    counts: dict[str, dict[str, int]] = {}
    labels: dict[str, str] = {}
    for need in columns:
        for org in members[need.value].activas:
            for term in terms_of(org):
                labels[term.id] = term.nombre
                row = counts.setdefault(term.id, {})
                row[need.value] = row.get(need.value, 0) + 1
    filas = [
        NeedRow(labels[t], f"colaborar/{segmento}/{t}/", tuple(row.get(n.value, 0) for n in columns))
        for t, row in counts.items()
    ]
    # Where more organizations share needs first: where a common answer reaches most.
    filas.sort(key=lambda f: (-max(f.cuentas), -sum(f.cuentas), spanish_sort_key(f.etiqueta)))
    return Table(id, titulo, tuple(filas))


def shared_needs_page(site: Site, context: dict):
    columns = shared(site)
    members = {need.value: site.miembros[("necesidades", need.value)] for need in columns}
    yield PageSpec(
        "necesidades-compartidas/index.html",
        "necesidades_compartidas",
        {
            "page_name": "necesidades-compartidas",
            "ruta": "necesidades-compartidas/",
            "necesidades": columns,
            "minimo": SHARED_NEED_MIN,
            "tablas": [
                table(columns, members, "por-barrio", "Por barrio", "barrio", lambda o: o.barrios),
                table(columns, members, "por-tema", "Por tema", "tema", lambda o: o.topics),
            ],
        },
    )
