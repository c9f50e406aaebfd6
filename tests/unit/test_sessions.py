"""Training sessions (`Sesiones:`) and the address of a presencial training, as staff write them."""

from __future__ import annotations

import shutil
from datetime import datetime

import pytest
from conftest import ROOT

from cmosc.messages import format_message
from cmosc.profiles.sessions import Session, SessionError, parse_sessions, training_sessions
from support.cli import cmosc


def test_sessions_with_an_end_time_or_a_full_end():
    assert parse_sessions("2026-09-22T18:00/20:00, 2026-09-15T18:00/2026-09-15T20:30; 2026-09-29T09:00") == [
        Session(datetime(2026, 9, 15, 18), datetime(2026, 9, 15, 20, 30)),
        Session(datetime(2026, 9, 22, 18), datetime(2026, 9, 22, 20)),
        Session(datetime(2026, 9, 29, 9), datetime(2026, 9, 29, 11)),  # two hours by default
    ]


@pytest.mark.parametrize(
    "text, message",
    [
        ("15/09/2026 18:00", "«15/09/2026 18:00» no es una sesión válida; usá AAAA-MM-DDTHH:MM/HH:MM"),
        ("2026-09-15T18:00/17:00", "la sesión «2026-09-15T18:00/17:00» termina antes de empezar."),
        (" , ", "no hay ninguna sesión; separalas con comas."),
    ],
)
def test_bad_sessions_say_why(text, message):
    with pytest.raises(SessionError) as problem:
        parse_sessions(text)
    assert format_message(problem.value.problem.code, **problem.value.problem.values).startswith(message)


def test_without_sessions_a_training_is_one_session_from_inicio_to_fin():
    assert training_sessions(None, "2026-12-03T18:00", "2026-12-03T20:30") == [
        Session(datetime(2026, 12, 3, 18), datetime(2026, 12, 3, 20, 30))
    ]


def _project(tmp_path, replace: tuple[str, str]):
    for name in ("organizaciones", "vocabularios", "content"):
        shutil.copytree(ROOT / name, tmp_path / name)
    path = tmp_path / "content" / "capacitaciones" / "gestion-de-proyectos-sociales.md"
    path.write_text(path.read_text(encoding="utf-8").replace(*replace), encoding="utf-8")
    return cmosc("--raiz", str(tmp_path), "validar")


def test_a_bad_session_is_a_located_error(tmp_path):
    result = _project(tmp_path, ("2026-09-22T18:00/20:00", "2026-09-22 a las 18"))
    assert result.returncode == 1
    assert (
        "content/capacitaciones/gestion-de-proyectos-sociales.md:4:11: error: Sesiones: «2026-09-22 a las 18» "
        "no es una sesión válida; usá AAAA-MM-DDTHH:MM/HH:MM, por ejemplo 2026-09-15T18:00/20:00."
    ) in result.stderr.splitlines()


def test_sessions_and_inicio_together_are_an_error(tmp_path):
    result = _project(tmp_path, ("Sesiones:", "Inicio: 2026-09-15T18:00\nSesiones:"))
    assert result.returncode == 1
    assert any(
        "con «Sesiones» no hacen falta «Inicio» ni «Fin»" in line for line in result.stderr.splitlines()
    )


def test_a_presencial_training_needs_an_address(tmp_path):
    result = _project(tmp_path, ("Direccion: 25 de Mayo 550, San Miguel de Tucumán\n", ""))
    assert result.returncode == 1
    assert (
        "content/capacitaciones/gestion-de-proyectos-sociales.md:6:12: error: Direccion: una capacitación "
        "presencial necesita «Direccion:» (calle y número del lugar)."
    ) in result.stderr.splitlines()
