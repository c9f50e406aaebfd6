"""The HTTP side of `cmosc servir`: serves output/, reloads the browser, shows a failed build.

What it adds to the pages exists only in the responses of this server, never in output/:
a small script that reloads when a new build is swapped in, and, while the last build
failed, a banner with its located errors above the last good page.
"""

from __future__ import annotations

import functools
import html
import http.server
import threading
from pathlib import Path

EVENTS_PATH = "/__cmosc/eventos"

_RELOAD_SCRIPT = f"""<script>
(function () {{
  var fuente = new EventSource("{EVENTS_PATH}");
  var primera = null;
  fuente.onmessage = function (evento) {{
    if (primera === null) {{ primera = evento.data; return; }}
    if (evento.data !== primera) {{ location.reload(); }}
  }};
}})();
</script>"""


class BuildState:
    """The generation of the last build attempt and its failure, shared with the request threads."""

    def __init__(self):
        self.generation = 0
        self.failure: str | None = None
        self.changed = threading.Condition()

    def record(self, failure: str | None) -> None:
        with self.changed:
            self.generation += 1
            self.failure = failure
            self.changed.notify_all()


def failure_banner(failure: str) -> str:
    return (
        '<div role="alert" style="position:relative;z-index:10000;margin:0;padding:1rem;'
        'background:#fff4f4;color:#5c0000;border-bottom:4px solid #b00020;font:1rem/1.4 sans-serif">'
        "<p><strong>La última construcción falló.</strong> Esta es la versión anterior del sitio; "
        "corregí el archivo y guardalo para volver a construir.</p>"
        f'<pre style="white-space:pre-wrap;font-size:.9rem">{html.escape(failure)}</pre></div>'
    )


class _Handler(http.server.SimpleHTTPRequestHandler):
    state: BuildState

    def log_message(self, *args):
        pass  # the terminal is for build messages

    def do_GET(self):
        if self.path == EVENTS_PATH:
            return self._events()
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().do_GET()  # the redirect to the slash form
            path = path / "index.html"
        if path.suffix != ".html" or not path.is_file():
            if self.state.failure is not None and not path.exists():
                return self._page(503, "")
            return super().do_GET()
        return self._page(200, path.read_text(encoding="utf-8"))

    def _page(self, status: int, page: str) -> None:
        extra = _RELOAD_SCRIPT
        if self.state.failure is not None:
            extra = failure_banner(self.state.failure) + extra
        if "<body" in page:
            start = page.index(">", page.index("<body")) + 1
            page = page[:start] + extra + page[start:]
        else:
            page = f'<!DOCTYPE html><html lang="es"><meta charset="utf-8"><body>{extra}{page}'
        body = page.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _events(self) -> None:
        """Server-sent events: the build generation now and each time it changes."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen = None
        try:
            while True:
                with self.state.changed:
                    if seen == self.state.generation:
                        self.state.changed.wait(timeout=15)
                    current = self.state.generation
                message = f"data: {current}\n\n" if current != seen else ": sigo\n\n"
                self.wfile.write(message.encode())
                self.wfile.flush()
                seen = current
        except (BrokenPipeError, ConnectionResetError):
            return


def start(directory: Path, port: int, state: BuildState) -> http.server.ThreadingHTTPServer:
    handler = type("Handler", (_Handler,), {"state": state})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(handler, directory=str(directory))
    )
    server.daemon_threads = True  # open event streams must not keep Ctrl+C waiting
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
