"""The web editor's hours reader (admin/hours-text.js, in Node) against the source of truth,
cmosc/profiles/hours.py and hours_format.py: the same verdict (readable or not, and why), the
same compact JSON, canonical Spanish and week by day, for every phrase the Python hours tests
use, every hours value of the sample profiles and fixtures, the free-text cells of the real
SInCA registry (it has no hours column: text that is not hours must be refused the same way),
variants of all of them and phrases generated from the words the parser knows."""

from __future__ import annotations

import ast
import csv
import itertools
import json
import random
import subprocess

import yaml
from conftest import ROOT

from cmosc.folding import strip_accents
from cmosc.profiles.hours import parse
from cmosc.profiles.hours_format import by_day, canonical, closures_text, rewritten
from cmosc.profiles.schema import ORGANIZATION, Field
from support.node_runner import node

HOURS_TEXT_JS = ROOT / "admin" / "hours-text.js"
SINCA = ROOT / "tests" / "planillas" / "centros-culturales-sinca.csv"
SINCA_TEXT_COLUMNS = ("Nombre", "Domicilio", "InfoAdicional", "Observaciones")

RUNNER = r"""
const H = require(process.argv[1]);
const phrases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
process.stdout.write(JSON.stringify(phrases.map((text) => {
  const hours = H.parse(text);
  return {
    readable: hours.readable,
    problem: hours.problem,
    json: H.asJson(hours),
    canonical: hours.readable ? H.canonical(hours) : null,
    week: H.byDay(hours),
    closures: H.closuresText(hours),
    rewritten: H.rewritten(text),
  };
})));
"""


def python_reading(text: str) -> dict:
    hours = parse(text)
    return {
        "readable": hours.readable,
        "problem": hours.problem,
        "json": hours.as_json(),
        "canonical": canonical(hours) if hours.readable else None,
        "week": [[day, parts] for day, parts in by_day(hours)],
        "closures": closures_text(hours),
        "rewritten": rewritten(text),
    }


def js_readings(phrases: list[str]) -> list[dict]:
    result = subprocess.run(
        [node(), "-e", RUNNER, str(HOURS_TEXT_JS)],
        input=json.dumps(phrases),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    assert result.returncode == 0 and result.stderr == "", result.stderr
    return json.loads(result.stdout)


def hours_test_phrases() -> list[str]:
    """Every string literal of the Python hours tests (phrases, expected canonical forms,
    messages: all of it must read the same)."""
    files = sorted((ROOT / "tests" / "unit").glob("test_hours*.py")) + [ROOT / "tests/unit/test_open_now.py"]
    files.remove(ROOT / "tests" / "unit" / "test_hours_js.py")
    return [
        node.value
        for path in files
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]


def hours_values(data, field: Field):
    """The values of the schema's hours fields in a profile's data."""
    if isinstance(data, dict):
        for key, value in data.items():
            child = field.child(key)
            if child is None:
                continue
            if child.kind == "horario" and isinstance(value, str):
                yield value
            elif child.kind == "lista" and child.items is not None and isinstance(value, list):
                for item in value:
                    yield from hours_values(item, child.items)
            else:
                yield from hours_values(value, child)


def profile_phrases() -> list[str]:
    files = sorted((ROOT / "organizaciones").glob("*.yml")) + sorted((ROOT / "tests").rglob("*.yml"))
    phrases = []
    for path in files:
        try:
            data = yaml.load(path.read_text("utf-8"), Loader=yaml.BaseLoader)  # all text, as the loader
        except (yaml.YAMLError, UnicodeDecodeError):
            continue  # the invalid-case fixtures
        phrases += hours_values(data, ORGANIZATION)
    return phrases


def registry_phrases() -> list[str]:
    with SINCA.open(encoding="utf-8", newline="") as file:
        return [row[c] for row in csv.DictReader(file) for c in SINCA_TEXT_COLUMNS if row.get(c)]


def variants(text: str) -> list[str]:
    """How else staff could type it: case, accents, time and range spellings, a cut-off text
    (every prefix of its words), joined to a closure."""
    words = text.split()
    return [
        text.upper(),
        text.lower(),
        strip_accents(text),
        text.replace(":", ".").replace(" a ", " - "),
        text.replace(":", "h").replace(" a ", " hasta "),
        f"  {text} hs. ",
        f"{text} (cerrado en enero)",
        f"{text}; receso de diciembre a febrero",
        f"de marzo a noviembre: {text}",
        *(" ".join(words[:n]) for n in range(1, len(words))),
    ]


DAY_SPECS = (
    "lunes", "lun a vie", "de lunes a viernes", "del martes al jueves", "sábados y domingos",
    "todos los días", "fines de semana", "días hábiles", "lunes, miércoles y viernes", "jueves-sábado",
    "primer lunes de cada mes", "el último sábado del mes", "2do y 4to jueves", "viernes a lunes",
    "Mié.", "toda la semana",
)  # fmt: skip
INTERVAL_SPECS = (
    "de 9 a 13", "9-13", "de 8:30 a 12.30 y de 16 a 20", "a las 20", "desde las 18 hasta las 22",
    "entre 9 y 11", "las 24 horas", "de 20 a 8", "de 18 a 24 hs", "9 a 12 / 16 a 20", "de 25 a 26",
    "de 9 a 9", "por la mañana", "a la 1", "12hs", "24 horas", "de 9h30 a 12hrs.", "desde 24",
)  # fmt: skip
SEASONS = ("", "de marzo a noviembre: ", "enero y febrero, ", "en julio ", "Diciembre a Febrero ")
CLOSURES = (
    "",
    "; cerrado en enero",
    " (receso de diciembre a febrero)",
    ", excepto feriados",
    ". Vacaciones",
)
ODD = ("!", "ø", "\u00a0", "º", "°", "2do", "24", "25", "9:75", "ſ", "K", "e\u0301", "🙂", "\u2028", "?", "—")


def generated_phrases() -> list[str]:
    grammar = [
        f"{season}{days} {hours}{closure}" if n % 2 else f"{season}{hours} {days}{closure}"
        for n, (season, days, hours, closure) in enumerate(
            itertools.product(SEASONS, DAY_SPECS, INTERVAL_SPECS, CLOSURES)
        )
    ]
    # Word soup from the words the parser knows and odd characters.
    known = [w for spec in DAY_SPECS + INTERVAL_SPECS + SEASONS + CLOSURES for w in spec.split()]
    pool = sorted(set(known)) + list(ODD) + [",", ";", "/", "-", "y", "de", "a", "las", "cada", "mes"]
    chance = random.Random(15)
    soup = [" ".join(chance.choice(pool) for _ in range(chance.randint(1, 9))) for _ in range(4000)]
    return grammar + soup


def all_phrases() -> list[str]:
    base = hours_test_phrases() + profile_phrases() + registry_phrases()
    readable = [text for text in base if parse(text).readable]
    found = base + [v for text in readable for v in variants(text)] + generated_phrases()
    return list(dict.fromkeys(found))


def test_the_editor_reads_hours_exactly_as_the_python_parser():
    phrases = all_phrases()
    expected = [python_reading(text) for text in phrases]
    got = js_readings(phrases)
    differences = [(text, py, js) for text, py, js in zip(phrases, expected, got, strict=True) if py != js]
    report = "\n".join(f"{text!r}\n  python: {py}\n  js:     {js}" for text, py, js in differences[:10])
    assert not differences, f"{len(differences)} de {len(phrases)} frases difieren:\n{report}"


def test_the_comparison_covers_every_source_and_both_verdicts():
    """The parity test would prove little on a handful of phrases, or only readable ones."""
    assert len(hours_test_phrases()) > 100 and len(profile_phrases()) > 50 and len(registry_phrases()) > 1000
    readings = [parse(text) for text in all_phrases()]
    readable = sum(h.readable for h in readings)
    assert readable > 2000 and len(readings) - readable > 2000
    assert len({h.problem for h in readings}) >= 10  # every kind of reason is compared
