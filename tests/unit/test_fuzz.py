"""Fuzzing the loader and validator: any text, bytes or mutated profile gives either a model
or a list of located Spanish diagnostics; never a traceback, never a hang."""

from __future__ import annotations

import os
import signal
from contextlib import contextmanager
from datetime import date, timedelta

import pytest
import yaml
from conftest import ROOT, exported
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cmosc.diagnostics import WARNING, Diagnostic
from cmosc.model.organization import build_organization
from cmosc.opendata import Dataset
from cmosc.profiles.catalog import MARKED_KINDS, PROFILES_DIR, Profile, load_vocabularies, program_slugs
from cmosc.profiles.loader import load_bytes, load_text
from cmosc.profiles.schema import ORGANIZATION
from cmosc.profiles.validator import Env, validate_with_marks

TODAY = date(2026, 11, 25)
VOCABULARIES, _ = load_vocabularies(ROOT)
ENV = Env(VOCABULARIES, program_slugs(ROOT), ROOT / PROFILES_DIR, TODAY)
# CMOSC_FUZZ_EJEMPLOS=5000 for a long run; the suite's default keeps it to seconds.
# The deadline catches pathological slowness; `time_limit` below catches real hangs.
FUZZ = settings(
    max_examples=int(os.environ.get("CMOSC_FUZZ_EJEMPLOS", "150")),
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.too_slow],
)


@contextmanager
def time_limit(seconds: int):
    """A real hang (not just a slow example) fails instead of blocking the suite."""

    def expire(signum, frame):
        raise TimeoutError(f"más de {seconds} s procesando un ejemplo")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def check_diagnostics(diagnostics, text: str | None = None) -> None:
    assert diagnostics, "invalid input must say why"
    # YAML also breaks lines at U+0085, U+2028 and U+2029, as str.splitlines does.
    lines = (len(text.splitlines()) + 2) if text is not None else None
    for d in diagnostics:
        assert isinstance(d, Diagnostic)
        assert d.archivo == "fuzz.yml" and d.linea >= 1 and d.columna >= 1
        assert lines is None or d.linea <= lines
        assert isinstance(d.mensaje, str) and d.mensaje.strip() and "Traceback" not in d.mensaje
        d.gnu(), d.github(), d.as_dict()


def run_pipeline(text: str):
    """Loader → validator → (if valid) model → exports: the whole one-way flow."""
    with time_limit(10):
        loaded = load_text(text, "fuzz.yml")
        if loaded.node is None:
            check_diagnostics(loaded.diagnostics, text)
            return None
        data, marks, diagnostics = validate_with_marks(
            loaded.node, ORGANIZATION, "fuzz.yml", ENV, MARKED_KINDS
        )
        if data is None:
            check_diagnostics(diagnostics, text)
            return None
        assert all(d.nivel == WARNING for d in diagnostics)
        org = build_organization(
            Profile("fuzz", "fuzz.yml", data, marks), VOCABULARIES, TODAY, ROOT / PROFILES_DIR
        )
        str(org.descripcion_html)
        files = exported(Dataset([org], VOCABULARIES))
        assert files["organizaciones.csv"].startswith(b"\xef\xbb\xbf")
        return org


@pytest.mark.parametrize("escaped, code", [("\\x1f", "U+001F"), ("\\0", "U+0000")])
def test_invisible_characters_are_located_errors(escaped, code):
    text = f'nombre: "Hola{escaped}mundo"\ntipo: fundacion\ndescripcion: Una descripción suficiente.\n'
    loaded = load_text(text, "fuzz.yml")
    data, _, diagnostics = validate_with_marks(loaded.node, ORGANIZATION, "fuzz.yml", ENV)
    assert data is None
    assert [d.gnu() for d in diagnostics] == [
        f"fuzz.yml:1:9: error: nombre: el texto tiene un carácter de control invisible ({code}); "
        "borralo y volvé a escribir esa parte."
    ]


# --- Raw input ------------------------------------------------------------------------

YAML_PIECES = st.sampled_from(
    [
        "nombre",
        "tipo",
        "descripcion",
        "sedes",
        "ubicacion",
        "lat",
        "lon",
        "referentes",
        "consentimiento",
        ": ",
        ":",
        "- ",
        "-",
        "\n",
        "\n  ",
        "\n    ",
        "  ",
        "[",
        "]",
        "{",
        "}",
        ",",
        "&a ",
        "*a",
        "!!python/object ",
        "!tag ",
        "|",
        ">",
        "'",
        '"',
        "#",
        "%YAML 1.1\n",
        "---\n",
        "...\n",
        "? ",
        "\t",
        "~",
        "null",
        "true",
        "no",
        "0381",
        "-26.8",
        "1e3",
        "0x1F",
        "2026-13-45",
        "\\u0000",
        "\ufeff",
        "á",
        "ñ",
        "<script>",
        "{{ 7*7 }}",
        "\u2028",
    ]
)


@FUZZ
@given(st.text(max_size=400))
def test_any_text(text):
    run_pipeline(text)


@FUZZ
@given(st.lists(YAML_PIECES, max_size=60).map("".join))
def test_yaml_shaped_text(text):
    run_pipeline(text)


@FUZZ
@given(st.binary(max_size=400))
def test_any_bytes(raw):
    with time_limit(10):
        loaded = load_bytes(raw, "fuzz.yml")
        if loaded.node is None:
            check_diagnostics(loaded.diagnostics)


def test_deep_nesting_and_big_inputs_are_refused_quickly():
    for text in ("[" * 5000 + "]" * 5000, "a: " + "{b: " * 3000 + "1" + "}" * 3000, "- " * 200_000 + "x"):
        with time_limit(5):
            loaded = load_text(text, "fuzz.yml")
        check_diagnostics(loaded.diagnostics)
    with time_limit(5):
        loaded = load_bytes(b"nombre: " + b"x" * 2_000_000, "fuzz.yml")
    assert [d.codigo for d in loaded.diagnostics] == ["archivo_grande"]


# --- Near-valid profiles with mutated values -----------------------------------------


def valid_profile() -> dict:
    return {
        "nombre": "Asociación Civil Ejemplo del Sur",
        "sigla": "ACES",
        "tipo": "asociacion-civil",
        "estado": "activa",
        "resumen": "Apoyo escolar y merienda.",
        "descripcion": "Desde 2009 acompañamos a **niñas y niños**.\n",
        "fundacion": "2009",
        "identificadores": {"cuit": "30-71234567-1", "cenoc": "123"},
        "areas": ["educacion", "Niñez"],
        "poblacion": ["ninas-y-ninos"],
        "ods": ["4", "2"],
        "actividades": [{"nombre": "Apoyo escolar", "descripcion": "Tareas", "horario": "Lunes"}],
        "sedes": [
            {
                "nombre": "Sede",
                "direccion": "Calle 1",
                "barrio": "villa-lujan",
                "ubicacion": {"lat": "-26.815", "lon": "-65.217"},
                "horarios": "Lunes",
                "accesible": "true",
            }
        ],
        "contacto": {
            "email": "a@ejemplo.org.ar",
            "telefonos": ["0381 400-0000"],
            "web": "https://ejemplo.org.ar",
            "redes": {"facebook": "https://facebook.com/x"},
        },
        "necesidades": [{"tipo": "voluntariado", "descripcion": "Docentes"}],
        "ofrece": [{"tipo": "difusion", "descripcion": "Difusión"}],
        "programas": ["equipar-osc"],
        "redes": ["Red del Sur"],
        "referentes": [{"nombre": "Ana Pérez", "cargo": "Presidenta", "consentimiento": "true"}],
        "logo": "logos/merendero-los-girasoles.png",
        "verificado": "2026-10-01",
        "redirecciones": ["ejemplo-viejo"],
        "notas_internas": "privado",
    }


def paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths(item, prefix + (index,))


def replace(value, path, new):
    if not path:
        return new
    head, rest = path[0], path[1:]
    copy = dict(value) if isinstance(value, dict) else list(value)
    if new is DELETE and not rest:
        del copy[head]
    else:
        copy[head] = replace(copy[head], rest, new)
    return copy


DELETE = object()
SCALARS = st.one_of(
    st.text(max_size=60),
    st.integers(),
    st.floats(allow_nan=True),
    st.booleans(),
    st.none(),
    st.dates(),
    st.sampled_from(
        [
            "",
            " ",
            "~",
            "-26.9001",
            "-65.15",
            "26.8",
            "99999999999",
            "30-71234567-2",
            "javascript:alert(1)",
            "https://",
            "http://exa mple.org",
            "../../etc/passwd",
            "logos/../../pyproject.toml",
            "x" * 25000,
            "logos/\x00.png",
            "a" * 5000 + ".png",
            "2026-02-30",
            "2099-01-01",
            "1849",
            "0",
            "18",
            "Niñez",
            "NIÑEZ",
            "ninez ",
            "<script>",
            "sí",
            "No",
        ]
    ),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)
BASE = valid_profile()
PATHS = [p for p in paths(BASE) if p]


def test_the_unmutated_profile_is_valid():
    org = run_pipeline(yaml.safe_dump(BASE, allow_unicode=True, sort_keys=False))
    assert org is not None and org.nombre == BASE["nombre"]


@FUZZ
@given(
    st.lists(st.tuples(st.sampled_from(PATHS), st.one_of(VALUES, st.just(DELETE))), min_size=1, max_size=4),
    st.dictionaries(st.text(max_size=15), VALUES, max_size=2),
)
def test_mutated_profiles(mutations, extra):
    profile = BASE
    for path, value in mutations:
        try:
            profile = replace(profile, path, value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed or reshaped that path
    if isinstance(profile, dict):
        profile = {**profile, **extra}
    text = yaml.safe_dump(profile, allow_unicode=True, sort_keys=False)
    run_pipeline(text)


@FUZZ
@given(st.sampled_from(PATHS), st.text(alphabet=st.characters(codec="utf-8"), max_size=80))
def test_any_text_in_any_field(path, value):
    text = yaml.safe_dump(replace(BASE, path, value), allow_unicode=True, sort_keys=False)
    run_pipeline(text)
