"""Home: one search box, every barrio and topic one tap away, and an agenda decided by the reference date (2026-11-25)."""

from __future__ import annotations

from pathlib import Path

from support.expectations import profiles
from support.html_tree import page

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = "2026-11-25"


def metadata(folder: str) -> dict[str, dict[str, str]]:
    """slug → lowercase metadata keys of content/<folder>/*.md, read here without Pelican."""
    result = {}
    for path in sorted((ROOT / "content" / folder).glob("*.md")):
        head = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
        fields = dict(line.split(": ", 1) for line in head.splitlines())
        result[fields["Slug"]] = {k.lower(): v for k, v in fields.items()}
    return result


def section_links(doc, heading_id: str) -> list[str]:
    section = doc.find("section", **{"aria-labelledby": heading_id})
    return [a.attrs["href"] for a in section.find("ul").find_all("a")] if section.find("ul") else []


def start(meta: dict[str, str]) -> str:
    """A training starts at `Inicio`, or at the first of its `Sesiones`."""
    return meta.get("inicio") or min(s.strip()[:16] for s in meta["sesiones"].split(","))


def test_upcoming_trainings_by_reference_date_soonest_first(built_site):
    trainings = metadata("capacitaciones")
    upcoming = sorted((start(m), slug) for slug, m in trainings.items() if start(m)[:10] >= REFERENCE)
    assert len(upcoming) < len(trainings), "los datos de ejemplo incluyen capacitaciones pasadas"
    want = [f"/capacitaciones/{slug}/" for _, slug in upcoming[:3]]
    assert section_links(page(built_site, "/"), "proximas") == want


def test_open_calls_by_reference_date(built_site):
    programs = metadata("programas")
    open_now = sorted(
        (m["convocatoria_cierra"], slug)
        for slug, m in programs.items()
        if m.get("convocatoria_abre", "9") <= REFERENCE <= m.get("convocatoria_cierra", "")
    )
    assert 0 < len(open_now) < len(programs)
    assert section_links(page(built_site, "/"), "convocatorias") == [
        f"/programas/{slug}/" for _, slug in open_now
    ]


def test_every_barrio_and_topic_one_tap_from_home_and_one_search_box(built_site):
    doc = page(built_site, "/")
    barrios = {b for p in profiles().values() if p["activa"] for b in p["facets"]["barrios"]}
    assert section_links(doc, "por-barrio") and set(section_links(doc, "por-barrio")) == {
        f"/barrios/{b}/" for b in barrios
    }
    assert "/areas/alimentacion/" in section_links(doc, "por-tema")
    # No internal metrics, no competing search box in the header.
    assert doc.find("ul", class_="totales") is None and "Verificadas recientemente" not in doc.text()
    forms = doc.find_all("form", role="search")
    assert len(forms) == 1
    form = forms[0]
    assert form.attrs["action"] == "/buscar/" and form.attrs["method"] == "get"
    assert form.find("input").attrs["name"] == "q"
    sumar = doc.find("section", **{"aria-labelledby": "sumar"})
    assert "/sumar/" in [a.attrs["href"] for a in sumar.find_all("a")]
