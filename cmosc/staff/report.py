"""The staff report: stale data, changes since verification, incomplete profiles, needs,
likely duplicates, counts, shared needs.

Computed from the validated catalog and the git history (internal fields included: this
report is for the CMOSC team and is never published). Renderers live in `report_render`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from cmosc.folding import spanish_sort_key
from cmosc.model.completeness import CRITERIA, assess, is_recent, verified_on
from cmosc.model.history import Change, History
from cmosc.model.organization import build_organizations
from cmosc.model.shared_needs import shared_needs
from cmosc.profiles.catalog import Catalog
from cmosc.profiles.hours import parse as parse_hours
from cmosc.staff.duplicates import likely_duplicates


@dataclass(frozen=True)
class Org:
    slug: str
    nombre: str


@dataclass(frozen=True)
class UnreadableHours:
    archivo: str
    linea: int
    campo: str
    texto: str
    motivo: str


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
    # Changed in git after the date of their last verification: (org, verificado, later changes).
    cambios_sin_verificar: list[tuple[Org, date, list[Change]]] = field(default_factory=list)
    historial: str = ""  # why there is no git history, when there is none
    # Needs on profiles not verified in 12 months: nobody confirmed they still stand.
    necesidades_viejas: list[tuple[Org, date | None, str, str]] = field(default_factory=list)
    # Every incomplete profile with its percentage and what is missing (the public page no
    # longer shows completeness, so this is where staff see it).
    completitud: list[tuple[Org, int, tuple[str, ...]]] = field(default_factory=list)
    horarios_ilegibles: list[UnreadableHours] = field(default_factory=list)
    # Verified profiles whose data changed afterwards (an import): (org, verified, changed on).
    a_reverificar: list[tuple[Org, date, date]] = field(default_factory=list)


def build_report(catalog: Catalog, today: date, history: History | None = None) -> Report:
    profiles = sorted(catalog.profiles, key=lambda p: (spanish_sort_key(p.data["nombre"]), p.slug))
    orgs = {p.slug: Org(p.slug, p.data["nombre"]) for p in profiles}
    changed = [
        (orgs[p.slug], p.data["verificado"], p.data["sin_verificar_desde"])
        for p in profiles
        if p.data.get("verificado") and verified_on(p.data) is None
    ]
    recheck = {o.slug for o, _, _ in changed}  # listed apart, not as «nunca verificado»
    stale = [
        (orgs[p.slug], p.data.get("verificado"))
        for p in profiles
        if p.slug not in recheck and not is_recent(p.data.get("verificado"), today)
    ]
    stale.sort(key=lambda item: (item[1] or date.min, spanish_sort_key(item[0].nombre)))
    missing: dict[str, list[Org]] = {label: [] for label, _ in CRITERIA}
    incomplete = []
    for p in profiles:
        completeness = assess(p.data, today)
        for label in completeness.faltan:
            missing[label].append(orgs[p.slug])
        if completeness.faltan:
            incomplete.append((orgs[p.slug], completeness.porcentaje, completeness.faltan))
    incomplete.sort(key=lambda item: (item[1], spanish_sort_key(item[0].nombre)))
    history = history or History(False, "no se leyó el historial de git")
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
        necesidades_compartidas=[
            (need.need.nombre, [(orgs[org.slug], text) for org, text in need.requests])
            for need in shared_needs(build_organizations(catalog, today))
        ],
        cambios_sin_verificar=changed_since_verification(profiles, orgs, history),
        historial="" if history.available else history.reason,
        necesidades_viejas=unconfirmed_needs(catalog, profiles, orgs, today),
        completitud=incomplete,
        horarios_ilegibles=unreadable_hours(profiles),
        a_reverificar=changed,
    )


def changed_since_verification(profiles, orgs, history: History) -> list[tuple[Org, date, list[Change]]]:
    """Profiles whose file changed in git on a later day than their `verificado` date."""
    out = []
    for p in profiles:
        verified = p.data.get("verificado")
        later = [c for c in history.of(p.slug) if verified is not None and c.fecha > verified]
        if later:
            out.append((orgs[p.slug], verified, later))
    return sorted(out, key=lambda item: (-len(item[2]), spanish_sort_key(item[0].nombre)))


def unconfirmed_needs(
    catalog: Catalog, profiles, orgs, today: date
) -> list[tuple[Org, date | None, str, str]]:
    vocabulary = catalog.vocabularies["necesidades"]
    out = [
        (orgs[p.slug], p.data.get("verificado"), vocabulary.label(need["tipo"]), need["descripcion"])
        for p in profiles
        if not is_recent(p.data.get("verificado"), today)
        for need in p.data.get("necesidades", [])
    ]
    return sorted(out, key=lambda item: (item[1] or date.min, spanish_sort_key(item[0].nombre)))


def unreadable_hours(profiles) -> list[UnreadableHours]:
    """Hours published as written because they could not be read (no «abierto ahora»)."""
    found = []
    for p in profiles:
        for group, key in (("sedes", "horarios"), ("actividades", "horario")):
            for number, item in enumerate(p.data.get(group, []), start=1):
                parsed = parse_hours(item[key]) if item.get(key) else None
                if parsed and not parsed.readable:
                    path = f"{group}[{number}].{key}"
                    found.append(UnreadableHours(p.archivo, p.mark(path)[0], path, item[key], parsed.problem))
    return found


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
