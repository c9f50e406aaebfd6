"""«Abierto ahora» in Node (theme/static/js/hours.js) at fixed instants, against the
OpenStreetMap reference evaluator (opening-hours-py) reading our own `opening_hours` export."""

from __future__ import annotations

import json
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import opening_hours
import pytest

from cmosc.profiles.hours import parse
from cmosc.profiles.hours_format import osm
from support.node_runner import node

ROOT = Path(__file__).resolve().parents[2]
HOURS_JS = ROOT / "theme" / "static" / "js" / "hours.js"
TUCUMAN = timezone(timedelta(hours=-3))

RUNNER = r"""
const H = require(process.argv[1]);
const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = cases.map(([hours, instants]) => instants.map((iso) => {
  const date = new Date(iso);
  const s = H.status(hours, date);
  return [s ? s.open : null, H.describe(s, date), H.isOpen([hours], date)];
}));
process.stdout.write(JSON.stringify(out));
"""


def run_js(cases: list) -> list:
    result = subprocess.run(
        [node(), "-e", RUNNER, str(HOURS_JS)],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0 and result.stderr == "", result.stderr
    return json.loads(result.stdout)


def iso(local: datetime) -> str:
    return local.replace(tzinfo=TUCUMAN).isoformat()


@pytest.mark.parametrize(
    "text, local, expected",
    [
        (
            "Lunes a viernes de 9 a 12:30 y de 16 a 20",
            datetime(2026, 12, 1, 10, 0),
            "Abierto ahora · cierra a las 12:30",
        ),
        (
            "Lunes a viernes de 9 a 12:30 y de 16 a 20",
            datetime(2026, 12, 1, 13, 0),
            "Cerrado · abre hoy a las 16",
        ),
        (
            "Lunes a viernes de 9 a 12:30 y de 16 a 20",
            datetime(2026, 12, 1, 21, 0),
            "Cerrado · abre mañana a las 9",
        ),
        (
            "Lunes a viernes de 9 a 12:30 y de 16 a 20",
            datetime(2026, 12, 4, 20, 0),
            "Cerrado · abre el lunes a las 9",
        ),
        (
            "Lunes a viernes de 15 a 18:30",
            datetime(2026, 12, 2, 17, 59),
            "Abierto ahora · cierra a las 18:30",
        ),
        # Across midnight: open from the evening before, and closing tomorrow.
        ("Todos los días de 20 a 8", datetime(2026, 12, 2, 3, 0), "Abierto ahora · cierra a las 8"),
        ("Todos los días de 20 a 8", datetime(2026, 12, 2, 23, 30), "Abierto ahora · cierra mañana a las 8"),
        ("Lunes a viernes de 22 a 2", datetime(2026, 12, 5, 1, 0), "Abierto ahora · cierra a las 2"),
        ("Lunes a viernes de 22 a 2", datetime(2026, 12, 6, 1, 0), "Cerrado · abre mañana a las 22"),
        (
            "Lunes a viernes de 18 a 24",
            datetime(2026, 12, 1, 23, 0),
            "Abierto ahora · cierra a la medianoche",
        ),
        # The last Saturday of December 2026 is the 26th.
        (
            "Último sábado del mes de 10 a 19",
            datetime(2026, 12, 26, 11, 0),
            "Abierto ahora · cierra a las 19",
        ),
        (
            "Último sábado del mes de 10 a 19",
            datetime(2026, 12, 19, 11, 0),
            "Cerrado · abre el sábado 26 de diciembre a las 10",
        ),
        (
            "Primer lunes de cada mes a las 20",
            datetime(2026, 12, 1, 12, 0),
            "Cerrado · abre el lunes a las 20",
        ),
        (
            "Lunes a viernes de 9 a 13; cerrado en enero",
            datetime(2026, 12, 31, 14, 0),
            "Cerrado · abre el lunes 1 de febrero a las 9",
        ),
    ],
)
def test_status_text_at_fixed_instants(text, local, expected):
    [[(_, described, _fast)]] = run_js([[parse(text).as_json(), [iso(local)]]])
    assert described == expected


SCHEDULES = [
    "Lunes a viernes de 9 a 12:30 y de 16 a 20",
    "Todos los días de 20 a 8",
    "Lunes a viernes de 22 a 2; sábados de 10 a 14",
    "Último sábado del mes de 10 a 19",
    "Primer y tercer sábado de cada mes de 9 a 13",
    "Lunes a sábado de 7 a 15; cerrado en enero",
    "De marzo a noviembre, martes y jueves de 17 a 19",
    "Todos los días las 24 horas",
]


def test_open_now_agrees_with_the_osm_reference_every_90_minutes_for_two_months():
    start = datetime(2026, 11, 20, 0, 7)
    instants = [start + timedelta(minutes=90 * k) for k in range(int(62 * 24 / 1.5))]
    cases = [[parse(text).as_json(), [iso(i) for i in instants]] for text in SCHEDULES]
    results = run_js(cases)
    for text, answers in zip(SCHEDULES, results, strict=True):
        reference = opening_hours.OpeningHours(osm(parse(text)))
        for instant, (is_open, _, fast) in zip(instants, answers, strict=True):
            assert is_open is fast is reference.is_open(instant), (text, instant)
