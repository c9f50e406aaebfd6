"""/admin/ before Decap takes over: sign-in with a GitHub token, and a message in Spanish
whenever the editor cannot start (JavaScript off, a file missing, an old browser)."""

from __future__ import annotations

import json

import pytest
import yaml
from conftest import ROOT

from support.axe import axe_violations, describe

REPO = yaml.safe_load((ROOT / "admin" / "config.yml").read_text(encoding="utf-8"))["backend"]["repo"]
REPO_API = f"https://api.github.com/repos/{REPO}"


@pytest.fixture
def editor_url(editor_project):
    return editor_project[1]


@pytest.fixture
def context(browser):
    context = browser.new_context(locale="es-AR")
    # Nothing reaches the real GitHub from a test: unexpected calls fail loudly.
    context.route("https://api.github.com/**", lambda route: route.abort())
    yield context
    context.close()


def github(context, status: int, body: dict, calls: list | None = None):
    def answer(route):
        if calls is not None:
            calls.append((route.request.url, route.request.headers.get("authorization")))
        route.fulfill(status=status, content_type="application/json", body=json.dumps(body))

    context.route(REPO_API, answer)


def test_sign_in_page_is_spanish_and_accessible(context, editor_url):
    page = context.new_page()
    page.goto(f"{editor_url}/admin/")
    page.get_by_label("Token de acceso de GitHub").wait_for()
    assert REPO in page.inner_text("#entrar")
    # Served from 127.0.0.1: the local option (decap-server) is offered too.
    assert page.get_by_role("button", name="Trabajar con los archivos de esta computadora").is_visible()
    assert not page.locator("#demora").count()
    violations = axe_violations(page)
    assert not violations, describe(violations)


@pytest.mark.parametrize(
    "status, body, message",
    [
        (401, {"message": "Bad credentials"}, "GitHub no reconoce ese token"),
        (404, {"message": "Not Found"}, f"no tiene acceso al repositorio {REPO}"),
        (200, {"permissions": {"pull": True, "push": False}}, "no guardar cambios"),
    ],
)
def test_a_token_that_cannot_save_is_refused_with_the_reason(context, editor_url, status, body, message):
    github(context, status, body)
    page = context.new_page()
    page.goto(f"{editor_url}/admin/")
    page.get_by_label("Token de acceso de GitHub").fill("github_pat_de_prueba")
    page.get_by_role("button", name="Entrar").click()
    page.locator("#entrar-error").wait_for()
    assert message in page.inner_text("#entrar-error")
    assert page.evaluate("localStorage.getItem('decap-cms-user')") is None


def test_a_token_that_can_save_starts_decap_signed_in(context, editor_url):
    calls = []
    github(context, 200, {"permissions": {"pull": True, "push": True}}, calls)
    context.route(
        "https://api.github.com/user",
        lambda route: route.fulfill(status=200, content_type="application/json", body='{"login": "equipo"}'),
    )
    page = context.new_page()
    page.goto(f"{editor_url}/admin/")
    page.get_by_label("Token de acceso de GitHub").fill("github_pat_de_prueba")
    # Decap took the session over: it asks GitHub who this is with the same token.
    with page.expect_request("https://api.github.com/user", timeout=60000) as request:
        page.get_by_role("button", name="Entrar").click()
    assert request.value.headers["authorization"] == "token github_pat_de_prueba"
    assert calls[0] == (REPO_API, "Bearer github_pat_de_prueba")
    session = json.loads(page.evaluate("localStorage.getItem('decap-cms-user')"))
    assert session["backendName"] == "github" and session["token"] == "github_pat_de_prueba"


def test_without_javascript_the_page_says_so(browser, editor_url):
    context = browser.new_context(locale="es-AR", java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{editor_url}/admin/")
    text = page.inner_text("body")
    assert "El editor necesita JavaScript" in text and "Activalo" in text
    assert not page.locator("#demora").is_visible()
    context.close()


def test_a_missing_decap_file_is_explained(context, editor_url):
    context.route("**/decap-cms.js", lambda route: route.fulfill(status=404, body="no"))
    page = context.new_page()
    page.goto(f"{editor_url}/admin/")
    page.locator("#problema").wait_for()
    assert "No se pudo descargar el programa del editor" in page.inner_text("#problema")


def test_a_missing_page_script_is_explained_after_a_few_seconds(context, editor_url):
    context.route("**/admin/editor.js", lambda route: route.fulfill(status=404, body="no"))
    page = context.new_page()
    page.goto(f"{editor_url}/admin/")
    assert not page.locator("#demora").is_visible()
    page.locator("#demora").wait_for(state="visible", timeout=15000)
    assert "admin/editor.js" in page.inner_text("#demora")


def test_an_old_browser_is_told_to_update(context, editor_url):
    context.add_init_script("delete window.fetch;")
    page = context.new_page()
    page.goto(f"{editor_url}/admin/")
    page.locator("#problema").wait_for()
    assert "demasiado antiguo" in page.inner_text("#problema")


def test_a_missing_part_of_our_own_is_named(context, editor_url):
    """The hours control (or its reader) missing: the editor does not start half-made."""
    context.route("**/admin/hours-widget.js", lambda route: route.fulfill(status=404, body="no"))
    context.route("http://localhost:8081/api/v1", lambda route: route.fulfill(status=200, body="{}"))
    page = context.new_page()
    page.goto(f"{editor_url}/admin/")
    page.get_by_role("button", name="Trabajar con los archivos de esta computadora").click()
    page.locator("#problema").wait_for(timeout=60000)
    assert "No se pudo cargar una parte del editor (admin/hours-widget.js)" in page.inner_text("#problema")
