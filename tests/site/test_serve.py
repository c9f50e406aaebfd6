"""`cmosc servir`: a real server process over a copy of the project, edited while it runs."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import copy_project

PROFILE = "organizaciones/club-estrella-del-sur.yml"
PAGE = "/organizaciones/club-estrella-del-sur/"
TIMEOUT = 120  # whole builds on a loaded 2-core machine


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError):
        return 0, ""


def _until(condition, what: str):
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if result := condition():
            return result
        time.sleep(0.3)
    pytest.fail(f"no pasó en {TIMEOUT} s: {what}")


@pytest.fixture
def server(tmp_path):
    project = copy_project(tmp_path / "proyecto")
    port = _free_port()
    log = tmp_path / "servir.log"
    with open(log, "w", encoding="utf-8") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "cmosc.cli", "--raiz", str(project), "servir", "--puerto", str(port)],
            stderr=stderr,
            stdout=subprocess.DEVNULL,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        _until(lambda: _get(base + PAGE)[0] == 200, "primera construcción servida")
        yield project, base, log
    finally:
        process.terminate()
        process.wait(timeout=30)


def _builds(log: Path) -> int:
    return log.read_text(encoding="utf-8").count("Sitio construido")


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_edits_rebuild_invalid_keeps_last_good_site_and_recovers(server):
    project, base, log = server
    profile = project / PROFILE
    status, page = _get(base + PAGE)
    assert "4245566" in page and "/__cmosc/eventos" in page  # the reload script, served only

    _edit(profile, "0381 4245566", "0381 4999111")
    _until(lambda: "4999111" in _get(base + PAGE)[1], "el teléfono nuevo en la página")
    assert "/__cmosc/" not in (project / "output" / PAGE.strip("/") / "index.html").read_text()
    builds = _until(lambda: _builds(log) == 2 and 2, "el mensaje de la segunda construcción")
    _edit(profile, "telefonos: [", "telefonos: [[")  # unbalanced flow sequence: invalid YAML
    located = re.compile(re.escape(PROFILE) + r":\d+:\d+: ")
    _until(lambda: located.search(log.read_text(encoding="utf-8")), "error ubicado en la terminal")
    status, page = _get(base + PAGE)
    assert status == 200 and "4999111" in page  # the last good site
    assert 'role="alert"' in page and located.search(page)  # and the error, on reload
    assert _builds(log) == builds

    _edit(profile, "telefonos: [[", "telefonos: [")
    _until(lambda: _builds(log) > builds, "reconstrucción tras corregir")
    status, page = _get(base + PAGE)
    assert status == 200 and "4999111" in page and 'role="alert"' not in page


def test_deleted_and_renamed_profiles(server):
    project, base, log = server
    profile = project / PROFILE
    renamed = profile.with_name("club-estrella-del-sur-oeste.yml")
    profile.rename(renamed)
    _until(
        lambda: _get(base + "/organizaciones/club-estrella-del-sur-oeste/")[0] == 200,
        "la página con el nombre de archivo nuevo",
    )
    assert _get(base + PAGE)[0] == 404
    assert (
        "club-estrella-del-sur-oeste" in _get(base + "/")[1]
        or "club-estrella-del-sur-oeste" in (_get(base + "/organizaciones/")[1])
    )

    renamed.unlink()
    _until(
        lambda: _get(base + "/organizaciones/club-estrella-del-sur-oeste/")[0] == 404,
        "la página del perfil borrado ya no está",
    )
    assert not (project / "output" / "organizaciones" / "club-estrella-del-sur-oeste").exists()


def test_a_broken_link_keeps_serving_the_last_good_site(server):
    project, base, log = server
    about = project / "content/pages/acerca.md"
    good = about.read_text(encoding="utf-8")
    about.write_text(
        good + "\n[Una organización que no está](/organizaciones/no-existe/)\n", encoding="utf-8"
    )
    _until(
        lambda: "enlaces internos rotos" in log.read_text(encoding="utf-8"), "el enlace roto en la terminal"
    )
    builds = _builds(log)
    # The terminal gets the list before the server records the failure: wait for the page.
    _until(lambda: 'role="alert"' in _get(base + PAGE)[1], "el error en la página")
    status, page = _get(base + PAGE)
    assert status == 200 and "/organizaciones/no-existe/" in page and "4245566" in page

    about.write_text(good, encoding="utf-8")
    _until(lambda: _builds(log) > builds, "reconstrucción tras quitar el enlace")
    status, page = _get(base + PAGE)
    assert status == 200 and 'role="alert"' not in page
