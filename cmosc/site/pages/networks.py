"""/redes/: the networks and federations organizations say they belong to, with members.

`redes` is free text in profiles; names that differ only in case or accents are
one network (the most used spelling is shown).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from cmosc.folding import fold, spanish_sort_key
from cmosc.site.context import PageSpec, Site


@dataclass(frozen=True)
class Network:
    ancla: str  # fragment id on /redes/
    nombre: str
    miembros: tuple  # active organizations, in Spanish collation order


def anchor(name: str) -> str:
    """Fragment of a network on /redes/, the same from any spelling."""
    return f"red-{fold(name)}"


def networks(site: Site) -> list[Network]:
    members: dict[str, list] = {}
    spellings: dict[str, Counter] = {}
    for org in site.activas:
        for name in org.redes or ():
            key = fold(name)
            members.setdefault(key, []).append(org)
            spellings.setdefault(key, Counter())[name] += 1
    redes = [
        Network(anchor(key), _most_used(spellings[key]), tuple({o.slug: o for o in orgs}.values()))
        for key, orgs in members.items()
    ]
    return sorted(redes, key=lambda r: (-len(r.miembros), spanish_sort_key(r.nombre)))


def _most_used(counter: Counter) -> str:
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))[0][0]


def networks_page(site: Site, context: dict):
    yield PageSpec(
        "redes/index.html", "redes", {"page_name": "redes", "ruta": "redes/", "redes": networks(site)}
    )
