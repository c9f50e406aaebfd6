"""Every published file passes its standard's own validator (not our code).

One run of each validator over the whole site built once (`built_site`): the Nu Html
Checker on every page, frictionless on the data package, the sitemaps.org XSD, the
schema.org vocabulary on every JSON-LD block, icalendar and RFC 5545 on every calendar.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import icalendar
from lxml import etree
from pyld import jsonld

from support import validators as v

TERMS = json.loads((Path(__file__).parents[1] / "vendor" / "schemaorg" / "terms.json").read_text())
SCHEMA = "http://schema.org/"
# The schema.org context rebuilt from the release's own facts: its vocabulary and IRI-valued terms.
CONTEXT = {"@vocab": SCHEMA, **{term: {"@type": "@id"} for term in TERMS["iri_properties"]}}
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def test_every_page_passes_the_nu_html_checker(built_site):
    java = v.program("java")
    pages = sorted(str(p) for p in built_site.rglob("*.html"))
    assert len(pages) > 100
    # One JVM for every page: starting Java is most of the cost.
    result = v.run([java, "-jar", str(v.npm_file(v.VNU_JAR)), "--errors-only", "--format", "json", *pages])
    messages = json.loads(result.stderr)["messages"]
    assert messages == [], "\n".join(
        f"{m.get('url', '')}:{m.get('lastLine', '')}: {m['type']}: {m['message']}" for m in messages
    )
    assert result.returncode == 0


def test_the_data_package_passes_frictionless(built_site):
    frictionless = v.python_tool("frictionless")
    result = v.run([frictionless, "validate", "--json", str(built_site / "datos" / "datapackage.json")])
    report = json.loads(result.stdout)
    errors = [
        f"{task['name']}: {error['type']}: {error['message']}"
        for task in report["tasks"]
        for error in task["errors"]
    ] + [f"{error['type']}: {error['message']}" for error in report["errors"]]
    assert errors == [], "\n".join(errors[:20])
    assert report["valid"] and len(report["tasks"]) >= 5


def test_the_sitemap_matches_the_sitemaps_org_schema(built_site):
    schema = etree.XMLSchema(etree.parse(str(v.npm_file(v.SITEMAP_XSD))))
    sitemap = etree.parse(str(built_site / "sitemap.xml"))
    assert schema.validate(sitemap), "\n".join(str(e) for e in schema.error_log)


def _schema_org_loader(url, options=None):
    if url.rstrip("/") not in ("https://schema.org", "http://schema.org"):
        raise jsonld.JsonLdError(f"contexto desconocido: {url}", "loading document failed")
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": {"@context": CONTEXT},
    }


def _with_supertypes(names: list[str]) -> set[str]:
    seen, todo = set(), list(names)
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(TERMS["types"].get(name, []))
    return seen


def _unknown_terms(node, where: str) -> list[str]:
    """Types and properties of an expanded JSON-LD node that schema.org lacks or misplaces."""
    if isinstance(node, list):
        return [problem for item in node for problem in _unknown_terms(item, where)]
    if not isinstance(node, dict) or "@value" in node:
        return []
    problems, types = [], []
    for iri in node.get("@type", []):
        name = iri.removeprefix(SCHEMA)
        if not iri.startswith(SCHEMA) or name not in TERMS["types"]:
            problems.append(f"{where}: tipo desconocido {iri}")
        types.append(name)
    kinds = _with_supertypes(types)
    for key, value in node.items():
        if key.startswith("@"):
            continue
        name = key.removeprefix(SCHEMA)
        if not key.startswith(SCHEMA) or name not in TERMS["properties"]:
            problems.append(f"{where}: propiedad desconocida {key}")
        elif types and not kinds & set(TERMS["properties"][name]):
            problems.append(f"{where}: {name} no es una propiedad de {', '.join(types)}")
        problems += _unknown_terms(value, f"{where} {name}")
    return problems


def json_ld_blocks(output: Path) -> dict[str, list]:
    blocks = {}
    for page in sorted(output.rglob("*.html")):
        found = JSON_LD.findall(page.read_text(encoding="utf-8"))
        if found:
            blocks[page.relative_to(output).as_posix()] = [json.loads(text) for text in found]
    return blocks


def test_json_ld_expands_to_schema_org_terms_only(built_site):
    blocks = json_ld_blocks(built_site)
    assert len(blocks) >= 30, "cada perfil tiene su bloque"
    problems = []
    for page, datas in blocks.items():
        for data in datas:
            expanded = jsonld.expand(data, {"documentLoader": _schema_org_loader})
            assert expanded, f"{page}: el bloque no expande a nada"
            problems += _unknown_terms(expanded, page)
    assert problems == [], "\n".join(problems[:30])


def _folded_lines(raw: bytes) -> list[bytes]:
    assert raw.endswith(b"\r\n"), "RFC 5545 §3.1: cada línea termina en CRLF"
    lines = raw[:-2].split(b"\r\n")
    assert not any(b"\n" in line or b"\r" in line for line in lines), "saltos de línea sueltos"
    return lines


def test_calendars_parse_and_follow_rfc_5545(built_site):
    calendars = sorted(built_site.rglob("*.ics"))
    assert calendars
    for path in calendars:
        raw = path.read_bytes()
        lines = _folded_lines(raw)
        long = [line for line in lines if len(line) > 75]
        assert long == [], f"{path.name}: líneas de más de 75 octetos (§3.1)"
        calendar = icalendar.Calendar.from_ical(raw.decode("utf-8"))
        assert calendar.errors == [], calendar.errors
        assert str(calendar["VERSION"]) == "2.0" and calendar.get("PRODID"), "§3.7.3, §3.7.4"
        uids = []
        for event in calendar.walk("VEVENT"):
            assert event.errors == [], event.errors
            for required in ("UID", "DTSTAMP", "DTSTART"):  # §3.6.1
                assert required in event, f"{path.name}: VEVENT sin {required}"
            if "DTEND" in event:
                assert event.decoded("DTEND") > event.decoded("DTSTART"), event["UID"]
            uids.append(str(event["UID"]))
        assert uids and len(uids) == len(set(uids)), "UID únicos"
