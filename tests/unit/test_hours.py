"""Spanish hours → days × intervals, canonical Spanish and OpenStreetMap `opening_hours`.

The OSM strings are checked by a real `opening_hours` parser (opening-hours-py, the Rust
implementation used by OSM tools), which also evaluates them at fixed instants.
"""

from __future__ import annotations

from datetime import datetime

import opening_hours
import pytest

from cmosc.profiles.hours import Rule, parse
from cmosc.profiles.hours_format import by_day, canonical, osm, rewritten, schema_org

# (as staff write it, canonical Spanish, OpenStreetMap)
READABLE = [
    (
        "lunes a viernes de 9 a 12:30 y de 16 a 20",
        "Lunes a viernes de 9 a 12:30 y de 16 a 20",
        "Mo-Fr 09:00-12:30,16:00-20:00",
    ),
    ("martes y jueves 17 a 19 h", "Martes y jueves de 17 a 19", "Tu,Th 17:00-19:00"),
    ("Miércoles de 18.30 a 20", "Miércoles de 18:30 a 20", "We 18:30-20:00"),
    ("todos los días 8 a 14", "Todos los días de 8 a 14", "Mo-Su 08:00-14:00"),
    ("primer lunes de cada mes a las 20", "Primer lunes de cada mes a las 20", "Mo[1] 20:00+"),
    ("último sábado del mes, de 10 a 19", "Último sábado de cada mes de 10 a 19", "Sa[-1] 10:00-19:00"),
    ("lun a vie 9-13", "Lunes a viernes de 9 a 13", "Mo-Fr 09:00-13:00"),
    ("sábados 10 a 12hs", "Sábados de 10 a 12", "Sa 10:00-12:00"),
    ("Sábados de 9 a 12", "Sábados de 9 a 12", "Sa 09:00-12:00"),
    (
        "Lunes, miércoles y viernes de 10 a 13",
        "Lunes, miércoles y viernes de 10 a 13",
        "Mo,We,Fr 10:00-13:00",
    ),
    ("LUNES A SABADO DE 7 A 15 HS.", "Lunes a sábado de 7 a 15", "Mo-Sa 07:00-15:00"),
    ("de lunes a viernes de 8:30 a 16:30", "Lunes a viernes de 8:30 a 16:30", "Mo-Fr 08:30-16:30"),
    ("del lunes al viernes, de 9 a 13", "Lunes a viernes de 9 a 13", "Mo-Fr 09:00-13:00"),
    (
        "Lun. a Vie. 9 a 12 / 16 a 20",
        "Lunes a viernes de 9 a 12 y de 16 a 20",
        "Mo-Fr 09:00-12:00,16:00-20:00",
    ),
    ("de 9 a 13 de lunes a viernes", "Lunes a viernes de 9 a 13", "Mo-Fr 09:00-13:00"),
    ("Todos los días de 20 a 8", "Todos los días de 20 a 8", "Mo-Su 20:00-08:00"),
    ("todos los días las 24 horas", "Todos los días las 24 horas", "Mo-Su 00:00-24:00"),
    ("lunes a viernes de 18 a 24 hs", "Lunes a viernes de 18 a 24", "Mo-Fr 18:00-24:00"),
    ("días hábiles de 8 a 12", "Lunes a viernes de 8 a 12", "Mo-Fr 08:00-12:00"),
    ("fines de semana de 10 a 18", "Sábados y domingos de 10 a 18", "Sa,Su 10:00-18:00"),
    ("sábado y domingo 9.30 a 11.30", "Sábados y domingos de 9:30 a 11:30", "Sa,Su 09:30-11:30"),
    ("Martes de 17 a 19", "Martes de 17 a 19", "Tu 17:00-19:00"),
    ("jueves desde las 18 hasta las 20", "Jueves de 18 a 20", "Th 18:00-20:00"),
    ("viernes entre 9 y 11", "Viernes de 9 a 11", "Fr 09:00-11:00"),
    ("Viernes a las 18:30", "Viernes a las 18:30", "Fr 18:30+"),
    ("domingos a la 1", "Domingos a la 1", "Su 01:00+"),
    (
        "Lunes a viernes de 9 a 13 y sábados de 10 a 12",
        "Lunes a viernes de 9 a 13; sábados de 10 a 12",
        "Mo-Fr 09:00-13:00, Sa 10:00-12:00",
    ),
    (
        "lunes a viernes de 8 a 16, sábados de 9 a 12; cerrado en enero y febrero",
        "Lunes a viernes de 8 a 16; sábados de 9 a 12; cerrado en enero y febrero",
        "Mo-Fr 08:00-16:00, Sa 09:00-12:00; Jan,Feb off",
    ),
    (
        "Lunes a viernes de 9 a 13 (cerrado en enero)",
        "Lunes a viernes de 9 a 13; cerrado en enero",
        "Mo-Fr 09:00-13:00; Jan off",
    ),
    (
        "lunes a viernes 9 a 13, excepto enero",
        "Lunes a viernes de 9 a 13; cerrado en enero",
        "Mo-Fr 09:00-13:00; Jan off",
    ),
    (
        "Lunes a viernes de 9 a 13. Receso de diciembre a febrero",
        "Lunes a viernes de 9 a 13; cerrado de diciembre a febrero",
        "Mo-Fr 09:00-13:00; Dec-Feb off",
    ),
    ("Primer sábado de cada mes de 9 a 13", "Primer sábado de cada mes de 9 a 13", "Sa[1] 09:00-13:00"),
    ("2do domingo de cada mes de 8 a 11", "Segundo domingo de cada mes de 8 a 11", "Su[2] 08:00-11:00"),
    ("primer y tercer sábado, 9 a 13", "Primer y tercer sábado de cada mes de 9 a 13", "Sa[1,3] 09:00-13:00"),
    ("el último viernes de cada mes a las 20", "Último viernes de cada mes a las 20", "Fr[-1] 20:00+"),
    (
        "Junio a agosto, martes y viernes desde las 22",
        "De junio a agosto, martes y viernes a las 22",
        "Jun-Aug Tu,Fr 22:00+",
    ),
    (
        "de marzo a noviembre: lunes a viernes de 14 a 18",
        "De marzo a noviembre, lunes a viernes de 14 a 18",
        "Mar-Nov Mo-Fr 14:00-18:00",
    ),
    (
        "lunes, martes, jueves y viernes 9-12",
        "Lunes, martes, jueves y viernes de 9 a 12",
        "Mo,Tu,Th,Fr 09:00-12:00",
    ),
    (
        "Lunes a miércoles y viernes de 9 a 12",
        "Lunes a miércoles y viernes de 9 a 12",
        "Mo-We,Fr 09:00-12:00",
    ),
]

UNREADABLE = [
    ("sábados cada quince días", "no se entiende «cada quince días»"),
    ("un sábado de septiembre", "no se entiende «un sábado de»"),
    ("9:30 a 12:30", "indica un horario pero no qué días"),
    ("18:30", "indica un horario pero no qué días"),
    ("Lunes a viernes", "indica los días pero no el horario"),
    ("Dos veces por año, en abril y en octubre", "no se entiende «Dos veces por»"),
    ("lunes a viernes por la mañana", "no se entiende «por la mañana»"),
    ("lunes de 25 a 26", "«25» no es una hora válida"),
    ("lunes de 9 a 9", "el horario empieza y termina a la misma hora"),
    ("viernes a lunes de 9 a 12", "el rango de días va hacia atrás"),
    (
        "lunes a viernes de 9 a 13, excepto feriados",
        "no se entiende «excepto feriados»: nombrá los meses de cierre",
    ),
    ("con turno previo", "no se entiende «con turno previo»"),
    # Months and nothing after them: the message quotes the end (this used to be an IndexError).
    ("de junio a agosto", "no se entiende «junio a agosto»"),
    ("lunes de 9 a 13, enero,", "no se entiende «enero»"),
    ("", "no indica días ni horarios"),
]


@pytest.mark.parametrize("written, expected, osm_text", READABLE)
def test_readable_hours_have_a_canonical_form_and_osm(written, expected, osm_text):
    hours = parse(written)
    assert hours.readable, hours.problem
    assert canonical(hours) == expected
    assert osm(hours) == osm_text
    assert opening_hours.validate(osm_text)


@pytest.mark.parametrize("written, expected, _", READABLE)
def test_canonical_form_reads_back_the_same(written, expected, _):
    first, again = parse(written), parse(expected)
    assert (again.rules, again.closed) == (first.rules, first.closed)
    assert rewritten(expected) == expected


@pytest.mark.parametrize("written, problem", UNREADABLE)
def test_unreadable_hours_stay_as_written_with_the_reason(written, problem):
    hours = parse(written)
    assert not hours.readable and hours.problem == problem
    assert rewritten(written) == written and osm(hours) is None and hours.as_json() is None


def test_structure_of_a_week_with_a_monthly_rule_and_a_closure():
    hours = parse(
        "lunes a viernes de 9 a 12:30 y de 16 a 20; último sábado del mes de 10 a 19; cerrado en enero"
    )
    assert hours.rules == (
        Rule((1, 2, 3, 4, 5), ((540, 750), (960, 1200))),
        Rule((6,), ((600, 1140),), ordinals=(-1,)),
    )
    assert hours.closed == (1,)
    assert hours.as_json() == {
        "r": [
            {"d": [1, 2, 3, 4, 5], "t": [[540, 750], [960, 1200]]},
            {"d": [6], "t": [[600, 1140]], "n": [-1]},
        ],
        "x": [1],
    }
    week = dict(by_day(hours))
    assert week["lunes"] == ["de 9 a 12:30 y de 16 a 20"]
    assert week["sábado"] == ["último sábado de cada mes, de 10 a 19"]
    assert week["domingo"] == []


def test_cerrado_en_enero_alone_is_read_but_has_no_opening_hours():
    hours = parse("cerrado en enero")
    assert hours.readable and hours.rules == () and hours.closed == (1,)
    assert canonical(hours) == "Cerrado en enero" and osm(hours) is None


def test_past_midnight_is_kept_as_an_end_after_1440():
    assert parse("todos los días de 20 a 8").rules[0].intervals == ((1200, 1920),)


def test_schema_org_specifications_for_weekly_rules_only():
    specs = schema_org(parse("lunes a viernes de 20 a 8; primer lunes de cada mes a las 20; sábados 9 a 24"))
    assert specs == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [
                f"https://schema.org/{d}" for d in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
            ],
            "opens": "20:00",
            "closes": "08:00",
        },
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": ["https://schema.org/Saturday"],
            "opens": "09:00",
            "closes": "23:59",
        },
    ]


# Instants in Tucumán (UTC−3); the OSM reference agrees with what the Spanish says.
@pytest.mark.parametrize(
    "osm_text, instant, is_open",
    [
        ("Mo-Fr 09:00-12:30,16:00-20:00", datetime(2026, 12, 1, 12, 0), True),
        ("Mo-Fr 09:00-12:30,16:00-20:00", datetime(2026, 12, 1, 13, 0), False),
        ("Mo-Su 20:00-08:00", datetime(2026, 12, 2, 3, 0), True),
        ("Sa[-1] 10:00-19:00", datetime(2026, 12, 26, 11, 0), True),
        ("Sa[-1] 10:00-19:00", datetime(2026, 12, 19, 11, 0), False),
        ("Mo-Fr 09:00-13:00; Jan off", datetime(2027, 1, 5, 10, 0), False),
    ],
)
def test_osm_strings_mean_what_the_spanish_says(osm_text, instant, is_open):
    assert opening_hours.OpeningHours(osm_text).is_open(instant) is is_open
