"""Fixture: the sample data built with tiny listing pages, served on loopback."""
from __future__ import annotations

import functools
import http.server
import threading

import pytest

from conftest import build_site, copy_project


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def sitio_paginado(tmp_path_factory):
    """The sample data with 2 organizations per listing page: 15 directory pages, so the page window is exercised."""
    project = copy_project(tmp_path_factory.mktemp("paginado"))
    with open(project / "pelicanconf.py", "a", encoding="utf-8") as conf:
        conf.write("\nCMOSC_POR_PAGINA = 2\n")
    result = build_site(project, project / "output")
    assert result.returncode == 0, result.stderr
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(project / "output")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield project / "output", f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
