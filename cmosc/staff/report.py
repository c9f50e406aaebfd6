"""The staff report: stale data, incomplete profiles, likely duplicates, counts, shared needs.

Computed from the validated catalog (internal fields included: this report is for the
CMOSC team and is never published). Renderers live in `informe_salida`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from cmosc.folding import spanish_sort_key
from cmosc.model.completeness import CRITERIA, assess, is_recent
from cmosc.model.organization import SHARED_NEED_MIN
from cmosc.profiles.catalog import Catalog
from cmosc.staff.duplicates import likely_duplicates


@dataclass(frozen=True)
class Org:
    slug: str
    nombre: str


@dataclass
class Report:
    fecha: date
    total: int
    con_errores: list[str]
    desactualizadas: list[tuple[Org, date | None]]
    incompletas: dict[str, list[Org]]
    duplicados: list[tuple[Org, Org, str]]
    conteos: dict[str, list[tuple[str, int]]]
    necesidades_compartidas: list[tuple[str, list[tuple[Org, str]]]] = field(default_factory=list)


def build_report(catalog: Catalog, today: date) -> Report:
    profiles = sorted(catalog.profiles, key=lambda p: (spanish_sort_key(p.data["nombre"]), p.slug))
    orgs = {p.slug: Org(p.slug, p.data["nombre"]) for p in profiles}
    stale = [
        (orgs[p.slug], p.data.get("verificado"))
        for p in profiles
        if not is_recent(p.data.get("verificado"), today)
    ]
    stale.sort(key=lambda item: (item[1] or date.min, spanish_sort_key(item[0].nombre)))
    missing: dict[str, list[Org]] = {label: [] for label, _ in CRITERIA}
    for p in profiles:
        for label in assess(p.data, today).faltan:
            missing[label].append(orgs[p.slug])
    pairs = [
        (orgs[d.a], orgs[d.b], d.motivo) for d in likely_duplicates([(p.slug, p.data) for p in profiles])
    ]
    return Report(
        fecha=today,
        total=len(profiles),
        con_errores=sorted({d.archivo for d in catalog.diagnostics if d.nivel == "error"}),
        desactualizadas=stale,
        incompletas={label: items for label, items in missing.items() if items},
        duplicados=pairs,
        conteos=counts(catalog, profiles),
        necesidades_compartidas=shared_needs(catalog, profiles, orgs),
    )


def counts(catalog: Catalog, profiles) -> dict[str, list[tuple[str, int]]]:
    def tally(name: str, ids_of) -> list[tuple[str, int]]:
        vocabulary = catalog.vocabularies[name]
        counter = Counter(i for p in profiles for i in set(ids_of(p.data)))
        return sorted(
            ((vocabulary.label(i), n) for i, n in counter.items()),
            key=lambda x: (-x[1], spanish_sort_key(x[0])),
        )

    return {
        "Por tipo": tally("tipos", lambda d: [d["tipo"]]),
        "Por barrio": tally(
            "barrios", lambda d: [s["barrio"] for s in d.get("sedes", []) if s.get("barrio")]
        ),
        "Por área": tally("areas", lambda d: d.get("areas", [])),
    }


def shared_needs(catalog: Catalog, profiles, orgs) -> list[tuple[str, list[tuple[Org, str]]]]:
    """Each need type several organizations share, with what each one asks for."""
    vocabulary = catalog.vocabularies["necesidades"]
    by_type: dict[str, list[tuple[Org, str]]] = {}
    for p in profiles:
        for need in p.data.get("necesidades", []):
            by_type.setdefault(need["tipo"], []).append((orgs[p.slug], need["descripcion"]))
    shared = [
        (vocabulary.label(t), items)
        for t, items in by_type.items()
        if len({o.slug for o, _ in items}) >= SHARED_NEED_MIN
    ]
    return sorted(shared, key=lambda x: (-len(x[1]), spanish_sort_key(x[0])))
