"""End to end in a real browser: the web editor (Decap CMS, vendored) against decap-server on
this machine creates a profile through the form; the file it writes passes `cmosc validar`,
has the modeline and the values as typed, and appears on the rebuilt site."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
import urllib.request

import pytest
from conftest import IN_CI, ROOT, build_site, copy_project, serve

from cmosc.profiles.catalog import load_catalog
from cmosc.profiles.schema import MODELINE
from support.axe import axe_violations, describe
from support.cli import cmosc

DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
NEW = "biblioteca-popular-si-o-no"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def rebuild(project, port: int) -> None:
    """Build the project; the only change to what is published: decap-server listens on a free
    port, not 8081."""
    result = build_site(project, project / "output")
    assert result.returncode == 0, result.stderr
    config = project / "output" / "admin" / "config.yml"
    text, count = re.subn(
        r"http://localhost:8081/api/v1", f"http://localhost:{port}/api/v1", config.read_text()
    )
    assert count == 1
    config.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def local_editor(tmp_path_factory):
    """A project copy, built, with decap-server writing into it: (project, site URL)."""
    node = shutil.which("node")
    if node is None or not DECAP_SERVER.is_file():
        if IN_CI:
            pytest.fail("CI=true y faltan Node o decap-server (make test corre npm ci)")
        pytest.skip("faltan Node o node_modules/decap-server (corré `npm ci`)")
    project = copy_project(tmp_path_factory.mktemp("editor-local"))
    shutil.copytree(ROOT / "admin", project / "admin")
    port = free_port()
    rebuild(project, port)
    env = {**os.environ, "PORT": str(port), "GIT_REPO_DIRECTORY": str(project), "MODE": "fs"}
    server = subprocess.Popen(
        [node, str(DECAP_SERVER)], env={**env, "BIND_HOST": "127.0.0.1"}, stdout=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            probe = urllib.request.Request(
                f"http://127.0.0.1:{port}/api/v1",
                data=b'{"action": "info"}',
                headers={"Content-Type": "application/json"},
            )
            urllib.request.urlopen(probe, timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                pytest.fail("decap-server no arrancó")
            time.sleep(0.3)
    site, url = serve(project / "output")
    yield project, url, port
    site.shutdown()
    server.terminate()
    server.wait(timeout=10)


def choose(page, field: str, text: str) -> None:
    page.locator(f'[id^="{field}-field-"]').first.click()
    page.keyboard.type(text)
    page.keyboard.press("Enter")


def publish(page, path, expected: str) -> None:
    """Publish the open entry and wait until decap-server has written it to `path`."""
    page.keyboard.press("Tab")
    page.get_by_role("button", name="Publicar").first.click()
    page.get_by_text("Publicar ahora").click()
    deadline = time.monotonic() + 60
    while not (path.is_file() and expected in path.read_text(encoding="utf-8")):
        assert time.monotonic() < deadline, f"el editor no escribió {path.name}"
        time.sleep(0.2)


def sign_in_locally(page, url: str) -> None:
    page.goto(f"{url}/admin/")
    page.get_by_role("button", name="Trabajar con los archivos de esta computadora").click()
    page.get_by_text("Apoyo Escolar Semillitas").wait_for(timeout=120000)


def test_create_a_profile_in_the_browser(local_editor, browser):
    project, url, port = local_editor
    context = browser.new_context(locale="es-AR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sign_in_locally(page, url)

    # A new profile through the form: name, type, a sede with barrio and hours, a phone.
    page.goto(f"{url}/admin/#/collections/organizaciones/new")
    page.locator('[id^="nombre-field-"]').first.fill("Biblioteca Popular Sí o NO")
    page.locator('[id^="sigla-field-"]').fill("NO")
    choose(page, "tipo", "Fundación")
    page.locator('[contenteditable="true"]').first.click()
    page.keyboard.type("Préstamo de libros y talleres de lectura para el barrio.")
    page.get_by_role("button", name="Add sede").click()
    page.locator('[id^="direccion-field-"]').fill("Av. Siempre Viva 742")
    choose(page, "barrio", "Villa Luján")
    page.locator('[id^="horarios-field-"]').fill("Lunes a viernes de 9:30 a 12:30")
    page.locator('[id^="contacto-field-"] [data-testid="expand-button"]').first.click()
    page.get_by_role("button", name="Add teléfonos").click()
    page.locator('[id^="valor-field-"]').first.fill("03814000000")
    publish(page, project / "organizaciones" / f"{NEW}.yml", "03814000000")

    context.close()

    new_text = (project / "organizaciones" / f"{NEW}.yml").read_text(encoding="utf-8")
    assert new_text.splitlines()[0] == MODELINE  # the editor writes the modeline comment
    assert "\nsigla: NO\n" in new_text and "\nnombre: Biblioteca Popular Sí o NO\n" in new_text

    validar = cmosc("--raiz", str(project), "validar")
    assert validar.returncode == 0, validar.stderr
    catalog = load_catalog(project)
    data = {p.slug: p.data for p in catalog.profiles}
    new_profile = data[NEW]
    assert new_profile["sigla"] == "NO" and new_profile["tipo"] == "fundacion"  # as typed, not a boolean
    assert new_profile["contacto"]["telefonos"] == ["03814000000"]  # the leading 0 stays
    assert new_profile["sedes"] == [
        {
            "direccion": "Av. Siempre Viva 742",
            "barrio": "villa-lujan",
            "horarios": "Lunes a viernes de 9:30 a 12:30",
        }
    ]
    rebuild(project, port)
    html = (project / "output" / "organizaciones" / NEW / "index.html").read_text(encoding="utf-8")
    for shown in (
        "Biblioteca Popular Sí o NO",
        "(NO)",
        "Villa Luján",
        "Lunes a viernes de 9:30 a 12:30",
        'href="tel:',
    ):
        assert shown in html, shown


STAFF_WRITTEN = f"""{MODELINE}
# Datos confirmados por teléfono con la referente, marzo.
nombre: Merendero Pancita Feliz
sigla: NO  # así, en mayúsculas
tipo: organizacion-de-base
fundacion: 2015
descripcion: |
  Merendero que funciona en la casa de una vecina. Damos la merienda a
  unos 40 chicos los lunes, miércoles y viernes.
sedes:
  - direccion: Calle Pérez Palavecino 760
    barrio: villa-angelina
    horarios: Lunes, miércoles y viernes de 17 a 19:30
contacto:
  telefonos:
    - 03814000000  # fijo de la vecina
  email: pancitafeliz@ejemplo.org.ar
areas: [alimentacion, ninez]
"""


def test_edit_an_existing_profile_in_the_browser(local_editor, browser):
    """One field changed through the form: only its line changes in the file; comments, the
    leading 0, `sigla: NO`, the flow list and the block text stay as the staff wrote them."""
    project, url, port = local_editor
    path = project / "organizaciones" / "merendero-pancita-feliz.yml"
    path.write_text(STAFF_WRITTEN, encoding="utf-8")
    context = browser.new_context(locale="es-AR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sign_in_locally(page, url)
    page.goto(f"{url}/admin/#/collections/organizaciones/entries/merendero-pancita-feliz")
    # The closed sede: its first top-bar button opens it (Decap gives it no name).
    sede = page.locator('[class*="SortableListItem"]').filter(has_text="Calle Pérez Palavecino 760")
    sede.locator("button").first.click(timeout=120000)
    hours = page.locator('[id^="horarios-field-"]').first
    assert hours.input_value() == "Lunes, miércoles y viernes de 17 a 19:30"
    assert page.locator('[id^="sigla-field-"]').input_value() == "NO"
    hours.fill("Lunes a viernes de 16:30 a 19")
    publish(page, path, "de 16:30 a 19")
    context.close()

    written = path.read_text(encoding="utf-8")
    old, new = STAFF_WRITTEN.splitlines(), written.splitlines()
    assert len(old) == len(new), written
    assert [(a, b) for a, b in zip(old, new, strict=True) if a != b] == [
        (
            "    horarios: Lunes, miércoles y viernes de 17 a 19:30",
            "    horarios: Lunes a viernes de 16:30 a 19",
        )
    ]
    validar = cmosc("--raiz", str(project), "validar", str(path))
    assert validar.returncode == 0, validar.stdout + validar.stderr
    rebuild(project, port)
    page_html = project / "output" / "organizaciones" / "merendero-pancita-feliz" / "index.html"
    html = page_html.read_text(encoding="utf-8")
    assert "Lunes a viernes de 16:30 a 19" in html and "tel:+543814000000" in html


HOURS_PROFILE = f"""{MODELINE}
nombre: Comedor Los Horarios
tipo: organizacion-de-base
sedes:
  - direccion: Calle Lavalle 1200
    barrio: villa-lujan
    horarios: Lunes de 9 a 12
contacto:
  telefonos:
    - 03814000001
"""


def test_hours_are_read_as_they_are_typed_and_published_as_text(local_editor, browser):
    """The hours field shows, while typing, the week as the site will show it, or the notice
    that the text will be published as written; «Usar esta forma» writes the canonical form."""
    project, url, port = local_editor
    path = project / "organizaciones" / "comedor-los-horarios.yml"
    path.write_text(HOURS_PROFILE, encoding="utf-8")
    context = browser.new_context(locale="es-AR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    sign_in_locally(page, url)
    page.goto(f"{url}/admin/#/collections/organizaciones/entries/comedor-los-horarios")
    sede = page.locator('[class*="SortableListItem"]').filter(has_text="Calle Lavalle 1200")
    sede.locator("button").first.click(timeout=120000)
    hours = page.locator('[id^="horarios-field-"]').first
    reading = page.locator(f"#lectura-{hours.get_attribute('id')}")
    assert hours.get_attribute("aria-describedby") == f"lectura-{hours.get_attribute('id')}"
    assert "Lunes" in reading.inner_text() and "de 9 a 12" in reading.inner_text()

    hours.fill("")
    hours.press_sequentially("lun a vie 9-13 y 16 a 20, cerrado en enero")
    rows = reading.locator("tbody tr")
    assert rows.count() == 7
    assert [rows.nth(i).locator("th").inner_text() for i in (0, 2, 6)] == ["Lunes", "Miércoles", "Domingo"]
    assert rows.nth(0).locator("td").inner_text() == "de 9 a 13 y de 16 a 20"
    assert rows.nth(6).locator("td").inner_text() == "Cerrado"
    assert "Cerrado en enero." in reading.inner_text()
    assert not reading.locator(".horario-aviso").count()

    hours.fill("sábados cada quince días")
    notice = reading.locator(".horario-aviso")
    assert "no se entiende «cada quince días»" in notice.inner_text()
    assert "se publica tal como está escrito" in notice.inner_text()
    violations = axe_violations(page, within=".horario-campo")
    assert not violations, describe(violations)

    hours.fill("primer sábado del mes, de 10 a 12; lun a vie 9-13")
    assert "primer sábado de cada mes, de 10 a 12" in reading.locator("tbody tr").nth(5).inner_text()
    reading.get_by_role("button", name="Usar esta forma").click()
    canonical = "Primer sábado de cada mes de 10 a 12; lunes a viernes de 9 a 13"
    assert hours.input_value() == canonical
    assert not reading.get_by_role("button", name="Usar esta forma").count()
    violations = axe_violations(page, within=".horario-campo")
    assert not violations, describe(violations)
    publish(page, path, canonical)
    context.close()
    assert errors == []

    assert f"    horarios: {canonical}\n" in path.read_text(encoding="utf-8")
    validar = cmosc("--raiz", str(project), "validar", str(path))
    assert validar.returncode == 0 and "warning" not in validar.stderr, validar.stderr
