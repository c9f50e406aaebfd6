"""Shared fixtures: a real build of the sample data, a local server, a real Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
# Freshness flags depend on "today"; tests pin it so the expected output is stable.
REFERENCE_DATE = "2026-11-25"
IN_CI = os.environ.get("CI") == "true"


def build_site(
    project: Path,
    output: Path,
    extra_env: dict | None = None,
    config: str = "pelicanconf.py",
    cwd: Path | None = None,
) -> subprocess.CompletedProcess:
    """Run the real build command (`cmosc construir`) for a project folder (from `cwd`, by default the project)."""
    env = {**os.environ, "CMOSC_FECHA_REFERENCIA": REFERENCE_DATE, **(extra_env or {})}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "cmosc.cli.main",
            "--raiz",
            str(project),
            "construir",
            "--salida",
            str(output),
            "--config",
            config,
        ],
        cwd=cwd or project,
        env=env,
        capture_output=True,
        text=True,
    )


def exported(dataset) -> dict[str, bytes]:
    """Every open-data file of a data set, whole (`export_all` gives each by parts)."""
    from cmosc.opendata import export_all

    return {name: b"".join(parts) for name, parts in export_all(dataset)}


def copy_project(destination: Path) -> Path:
    """A throwaway copy of the project's data, content, theme and settings."""
    for name in ("organizaciones", "vocabularios", "content", "theme"):
        shutil.copytree(ROOT / name, destination / name, ignore=shutil.ignore_patterns("node_modules"))
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / name, destination / name)
    return destination


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The sample data built once per session, exactly as `make html` builds it."""
    project = copy_project(tmp_path_factory.mktemp("proyecto"))
    output = project / "output"
    result = build_site(project, output)
    assert result.returncode == 0, result.stderr
    return output


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    """A browser that stops reading (a page left, a request cancelled) is no test failure: its
    broken pipe is not printed as a traceback in the test run."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def site_server(built_site):
    """Serve the built site on a free loopback port; yields its base URL."""
    server, url = serve(built_site)
    yield url
    server.shutdown()


def serve(directory: Path):
    """Serve a folder on a free loopback port in a thread; returns (server, base URL)."""
    return serve_with(functools.partial(_QuietHandler, directory=str(directory)))


def serve_with(handler):
    """Serve with this request handler on a free loopback port in a thread: (server, base URL)."""
    server = _QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="session")
def editor_project(tmp_path_factory):
    """The sample project with the web editor (admin/), built and served: (project, base URL)."""
    project = copy_project(tmp_path_factory.mktemp("editor"))
    shutil.copytree(ROOT / "admin", project / "admin")
    result = build_site(project, project / "output")
    assert result.returncode == 0, result.stderr
    server, url = serve(project / "output")
    yield project, url
    server.shutdown()


@pytest.fixture(scope="session")
def paged_site(tmp_path_factory):
    """The sample data with 2 organizations per listing page: 15 directory pages, so the page window is exercised."""
    project = copy_project(tmp_path_factory.mktemp("paginado"))
    with open(project / "pelicanconf.py", "a", encoding="utf-8") as conf:
        conf.write("\nCMOSC_POR_PAGINA = 2\n")
    result = build_site(project, project / "output")
    assert result.returncode == 0, result.stderr
    server, url = serve(project / "output")
    yield project / "output", url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright. Missing browser: skip locally, fail in CI."""
    if not CHROMIUM.exists():
        if IN_CI:
            pytest.fail("CI=true y falta /usr/bin/chromium: las pruebas de navegador son obligatorias")
        pytest.skip("falta /usr/bin/chromium (instalalo con `make sistema`)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="es-AR")
    page = context.new_page()
    yield page
    context.close()
