"""Hours in the built site: the week on profiles, JSON-LD, HSDS schedules and the
OpenStreetMap column of the exports, each read back by the standard's own tools."""

from __future__ import annotations

import csv
import io
import json

import opening_hours

from support.html_tree import page

PROFILE = "/organizaciones/centro-vecinal-villa-munecas/"


def test_profile_shows_the_week_without_javascript(built_site):
    doc = page(built_site, PROFILE)
    block = doc.find("div", class_="horario")
    rows = [(r.find("th").text(), r.find("td").text()) for r in block.find_all("tr")]
    assert rows == [
        ("Lunes", "Cerrado"),
        ("Martes", "de 18 a 20"),
        ("Miércoles", "Cerrado"),
        ("Jueves", "de 18 a 20"),
        ("Viernes", "Cerrado"),
        ("Sábado", "último sábado de cada mes, de 10 a 19"),
        ("Domingo", "Cerrado"),
    ]
    assert block.find("p", class_="horario__cierre").text() == "Cerrado en enero."
    # The open-now line is empty and hidden until hours-page.js fills it.
    # It sits above the contact buttons, outside the week table.
    status = doc.find("section", class_="perfil__contacto").find("p", class_="horario__estado")
    assert not block.find("p", class_="horario__estado")
    assert "hidden" in status.attrs and status.text() == ""
    assert json.loads(block.attrs["data-horario"]) == {
        "r": [{"d": [2, 4], "t": [[1080, 1200]]}, {"d": [6], "t": [[600, 1140]], "n": [-1]}],
        "x": [1],
    }


def test_unreadable_hours_are_shown_as_written_and_a_profile_without_hours_loads_no_script(built_site):
    latidos = (built_site / "organizaciones" / "fundacion-latidos" / "index.html").read_text("utf-8")
    assert "Dos veces por año, en abril y en octubre" in latidos
    jardin = (built_site / "organizaciones" / "centro-vecinal-barrio-jardin" / "index.html").read_text(
        "utf-8"
    )
    assert "hours.js" not in jardin


def test_json_ld_opening_hours_specification(built_site):
    doc = page(built_site, PROFILE)
    data = json.loads(next(s for s in doc.find_all("script") if not s.attrs.get("src")).text())
    [place] = data["location"]
    assert place["openingHoursSpecification"] == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": ["https://schema.org/Tuesday", "https://schema.org/Thursday"],
            "opens": "18:00",
            "closes": "20:00",
        }
    ]


def test_hsds_schedules_are_rrule_records(built_site):
    hsds = json.loads((built_site / "datos" / "hsds.json").read_text("utf-8"))
    schedules = [
        s for loc in hsds["locations"] if loc["name"] == "Salón de usos múltiples" for s in loc["schedules"]
    ]
    text = "Martes y jueves de 18 a 20; último sábado de cada mes de 10 a 19; cerrado en enero"
    assert [(s["freq"], s["byday"], s["opens_at"], s["closes_at"]) for s in schedules] == [
        ("WEEKLY", "TU,TH", "18:00-03:00", "20:00-03:00"),
        ("MONTHLY", "-1SA", "10:00-03:00", "19:00-03:00"),
    ]
    assert {(s["description"], s["timezone"], s["interval"], s["notes"]) for s in schedules} == {
        (text, -3, 1, "Cerrado en enero")
    }
    unreadable = [
        s
        for svc in hsds["services"]
        for s in svc.get("schedules", [])
        if s["description"].startswith("Dos veces")
    ]
    assert len(unreadable) == 1 and "freq" not in unreadable[0]


def test_every_osm_value_in_the_exports_is_valid_opening_hours(built_site):
    rows = list(
        csv.DictReader(io.StringIO((built_site / "datos" / "organizaciones.csv").read_text("utf-8-sig")))
    )
    values = [
        v
        for r in rows
        for col in ("sedes.horarios_osm", "actividades.horario_osm")
        for v in r[col].split(" | ")
        if v
    ]
    assert len(values) > 40
    for value in values:
        assert opening_hours.validate(value), value
    villa = next(r for r in rows if r["slug"] == "centro-vecinal-villa-munecas")
    assert villa["sedes.horarios_osm"] == "Tu,Th 18:00-20:00, Sa[-1] 10:00-19:00; Jan off"
    records = json.loads((built_site / "datos" / "organizaciones.json").read_text("utf-8"))["organizaciones"]
    sede = next(o for o in records if o["slug"] == "centro-vecinal-villa-munecas")["sedes"][0]
    assert sede["horarios_osm"] == villa["sedes.horarios_osm"]
    latidos = next(o for o in records if o["slug"] == "fundacion-latidos")
    assert "horario_osm" not in latidos["actividades"][1]  # unreadable: no OSM value
