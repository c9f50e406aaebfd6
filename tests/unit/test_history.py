"""«Historial» from one `git log`: renames followed, no e-mail addresses, authors only when allowed."""

from __future__ import annotations

import subprocess
from datetime import date

import pytest

from cmosc.model import history
from cmosc.model.history import read_history
from support.git_repo import commit


@pytest.fixture
def repo(tmp_path):
    subprocess.run(["git", "init", "-q", "-b", "main", str(tmp_path)], check=True)
    profiles = tmp_path / "organizaciones"
    profiles.mkdir()
    (profiles / "merendero-a.yml").write_text("nombre: Merendero A\ntipo: otra\n", encoding="utf-8")
    (profiles / "club-b.yml").write_text(
        "nombre: Club B\ntipo: otra\nresumen: Fútbol infantil.\n", encoding="utf-8"
    )
    (tmp_path / "README.md").write_text("otro archivo\n", encoding="utf-8")
    commit(tmp_path, "2026-01-10", "Primeras organizaciones")
    (profiles / "merendero-a.yml").write_text(
        "nombre: Merendero A\ntipo: otra\nsigla: NO\n", encoding="utf-8"
    )
    commit(
        tmp_path,
        "2026-03-02",
        "Actualiza merendero-a (lo pidió jefa@merendero.org)",
        "Beto <beto@ejemplo.org>",
    )
    (tmp_path / "README.md").write_text("cambia solo esto\n", encoding="utf-8")
    commit(tmp_path, "2026-04-01", "Cambio que no toca perfiles")
    (profiles / "club-b.yml").rename(profiles / "club-deportivo-b.yml")
    commit(tmp_path, "2026-05-20", "Renombra club-b")
    with (profiles / "club-deportivo-b.yml").open("a", encoding="utf-8") as handle:
        handle.write("verificado: 2026-06-01\n")
    commit(tmp_path, "2026-06-01", "Verifica club-deportivo-b")
    return tmp_path


def test_changes_per_profile_newest_first_following_renames(repo):
    found = read_history(repo)
    assert found.available and not found.partial
    assert [(c.fecha, c.descripcion) for c in found.of("club-deportivo-b")] == [
        (date(2026, 6, 1), "Verifica club-deportivo-b"),
        (date(2026, 5, 20), "Renombra club-b"),
        (date(2026, 1, 10), "Primeras organizaciones"),
    ]
    assert [c.descripcion for c in found.of("merendero-a")] == [
        "Actualiza merendero-a (lo pidió [correo])",
        "Primeras organizaciones",
    ]
    assert found.last_update("merendero-a") == date(2026, 3, 2)
    assert found.of("club-b") == [] and found.last_update("club-b") is None
    assert read_history(repo) == found  # the same commits, the same history


def test_no_email_address_and_authors_only_when_allowed(repo):
    assert {c.autor for changes in read_history(repo).by_slug.values() for c in changes} == {None}
    named = read_history(repo, authors=True)
    assert [c.autor for c in named.of("merendero-a")] == ["Beto", "Ana Pérez"]
    text = repr(named.by_slug)
    assert "@" not in text


def test_one_git_log_for_the_whole_build(repo, monkeypatch):
    calls = []
    real = history.git

    def counting(root, *args):
        calls.append(args[0])
        return real(root, *args)

    monkeypatch.setattr(history, "git", counting)
    read_history(repo)
    assert [a for a in calls if a == "log"] == ["log"]


def test_without_git_history_the_build_still_gets_an_answer(tmp_path, monkeypatch):
    (tmp_path / "organizaciones").mkdir()
    found = read_history(tmp_path)
    assert not found.available and "sin el historial de git" in found.reason and found.of("x") == []
    monkeypatch.setattr(history.shutil, "which", lambda name: None)
    assert "no está instalado git" in read_history(tmp_path).reason


def test_a_shallow_clone_is_marked_partial(repo, tmp_path):
    clone = tmp_path / "parcial"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True)
    found = read_history(clone)
    assert found.available and found.partial
    assert [c.descripcion for c in found.of("club-deportivo-b")] == ["Verifica club-deportivo-b"]
