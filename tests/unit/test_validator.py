"""Validation rules on real YAML text against the real vocabularies."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from cmosc.profiles.catalog import load_vocabularies, program_slugs
from cmosc.profiles.checks import cuit_check_digit
from cmosc.profiles.loader import load_text
from cmosc.profiles.schema import ORGANIZATION
from cmosc.profiles.validator import Env, validate

ROOT = Path(__file__).resolve().parents[2]
BASE = (ROOT / "tests" / "casos" / "valido.yml").read_text(encoding="utf-8")
TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def env() -> Env:
    vocabularies, problems = load_vocabularies(ROOT)
    assert problems == []
    return Env(vocabularies, program_slugs(ROOT), ROOT / "organizaciones", TODAY)


def check(env, text):
    loaded = load_text(text, "f.yml")
    assert loaded.node is not None, loaded.diagnostics
    return validate(loaded.node, ORGANIZATION, "f.yml", env)


def edited(old, new):
    assert old in BASE
    return BASE.replace(old, new, 1)


def test_valid_profile_becomes_typed_data(env):
    data, problems = check(env, BASE)
    assert problems == []
    assert data["sigla"] == "NO"
    assert data["tipo"] == "asociacion-civil"
    assert data["areas"] == ["educacion", "ninez"]
    assert data["ods"] == [4, 2]
    assert data["fundacion"] == 2009
    assert data["verificado"] == date(2026, 10, 1)
    assert data["estado"] == "activa"  # default
    assert data["sedes"][0]["horarios"] == "Lunes a viernes de 9:30 a 12:30"
    assert data["sedes"][0]["ubicacion"] == {"lat": -26.815, "lon": -65.217}
    assert data["sedes"][0]["accesible"] is True
    assert data["contacto"]["telefonos"] == ["03814000000", "+54 9 381 555-0123"]


@pytest.mark.parametrize("written", ["Niñez", "niñez", "ninez", "NIÑEZ", "Ninez"])
def test_vocabulary_by_id_or_name_any_case_or_accents(env, written):
    data, problems = check(env, edited("areas: [educacion, Niñez]", f"areas: [{written}]"))
    assert problems == [] and data["areas"] == ["ninez"]


def test_type_by_display_name(env):
    data, _ = check(env, edited("tipo: asociacion-civil", "tipo: Asociación Civil"))
    assert data["tipo"] == "asociacion-civil"


def test_cuit_without_hyphens_is_normalized(env):
    data, _ = check(env, edited("cuit: 30-71234567-1", "cuit: '30712345671'"))
    assert data["identificadores"]["cuit"] == "30-71234567-1"


@pytest.mark.parametrize("first_ten,digit", [("3071234567", 1), ("2012345678", 6), ("3070000013", None)])
def test_cuit_check_digit(first_ten, digit):
    assert cuit_check_digit(first_ten) == digit


def test_fundacion_as_iso_date(env):
    data, _ = check(env, edited("fundacion: 2009", "fundacion: 2009-05-18"))
    assert data["fundacion"] == date(2009, 5, 18)


def test_future_verification_is_an_error(env):
    _, problems = check(env, edited("verificado: 2026-10-01", "verificado: 2026-12-01"))
    assert [p.codigo for p in problems] == ["fecha_futura"]


def test_all_errors_are_reported_at_once(env):
    text = edited("tipo: asociacion-civil", "tipo: nada")
    text = text.replace("cuit: 30-71234567-1", "cuit: 30-71234567-2").replace("ods: [4, 2]", "ods: [40]")
    _, problems = check(env, text)
    assert sorted(p.codigo for p in problems) == ["cuit_digito", "rango", "vocabulario"]


def test_unknown_key_suggests_the_closest(env):
    _, problems = check(env, edited("sigla: NO", "siglas: NO"))
    assert problems[0].mensaje == "«siglas» no es un campo válido; ¿quisiste decir «sigla»?"


def test_empty_values_count_as_absent(env):
    data, problems = check(env, edited("sigla: NO", "sigla:"))
    assert problems == [] and "sigla" not in data


def test_quoted_empty_text_is_an_error(env):
    _, problems = check(env, edited("sigla: NO", "sigla: '   '"))
    assert [p.codigo for p in problems] == ["vacio"]


def test_missing_required_key_points_at_parent(env):
    _, problems = check(env, edited("    consentimiento: true\n", ""))
    assert [(p.campo, p.codigo, p.linea) for p in problems] == [
        ("referentes[1].consentimiento", "requerido", 28)
    ]


@pytest.mark.parametrize("value", ["http://ejemplo.org", "https://sub.ejemplo.org.ar/a?b=c"])
def test_http_urls_are_accepted(env, value):
    _, problems = check(env, edited("web: https://ejemplo.org.ar", f"web: {value}"))
    assert problems == []


@pytest.mark.parametrize(
    "value",
    [
        "ftp://ejemplo.org",
        "javascript:alert(1)",
        "https://",
        "mailto:a@b.ar",
        "data:text/html,hola",
        "https://ejem plo.org",
    ],
)
def test_other_urls_are_rejected(env, value):
    _, problems = check(env, edited("web: https://ejemplo.org.ar", f"web: '{value}'"))
    assert [p.codigo for p in problems] == ["url"]


def test_redes_only_known_networks(env):
    text = edited(
        "  web: https://ejemplo.org.ar",
        "  web: https://ejemplo.org.ar\n  redes:\n    instagram: https://instagram.com/x\n    whatsapp: https://wa.me/5493815550123",
    )
    data, problems = check(env, text)
    assert problems == [] and set(data["contacto"]["redes"]) == {"instagram", "whatsapp"}


def test_consent_must_be_true(env):
    for value in ("false", "no", "'sí, verbal'"):
        _, problems = check(env, edited("consentimiento: true", f"consentimiento: {value}"))
        assert [p.codigo for p in problems] == ["consentimiento"], value
