"""Hardening: visitor-supplied text never runs. Escaping, Markdown sanitizing, safe JSON in
<script>, a Content-Security-Policy without inline scripts, and a real browser that opens a
site built from XSS payloads in every text field without a single script or dialog."""

from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT, build_site, copy_project, serve
from jinja2 import Environment

from cmosc.model.richtext import markdown_to_html
from cmosc.site.filters import json_script
from support.tiles import route_tiles

FIXTURE = Path(__file__).parents[1] / "fixtures" / "xss" / "xss-en-todos-los-campos.yml"
SLUG = FIXTURE.stem
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-src 'none'"
)
# The map page alone may show images from the tile host of its settings (OpenStreetMap by default).
CSP_BY_PAGE = {
    "mapa/index.html": CSP.replace("img-src 'self'", "img-src 'self' https://tile.openstreetmap.org")
}
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}


# --- Markdown sanitizing -------------------------------------------------------------


@pytest.mark.parametrize(
    "markdown",
    [
        "[x](javascript:alert(1))",
        '<a href="javascript:alert(1)">x</a>',
        '<a href="JaVaScRiPt:alert(1)">x</a>',
        '<a href="java&#x09;script:alert(1)">x</a>',
        '<a href="vbscript:msgbox(1)">x</a>',
        '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
        "<img src=x onerror=alert(1)>",
        "<script>alert(1)</script>",
        "<svg onload=alert(1)>",
        '<iframe src="https://ejemplo.org"></iframe>',
        '<p onclick="alert(1)">x</p>',
        "<style>*{}</style>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        '<a href="x" style="color:red">x</a>',
        "![img](https://ejemplo.org/rastreo.png)",
    ],
)
def test_markdown_drops_active_content(markdown):
    html = str(markdown_to_html(markdown)).lower()
    for forbidden in (
        "javascript:",
        "vbscript:",
        "data:",
        "<script",
        "<img",
        "<svg",
        "<iframe",
        "<style",
        "onerror",
        "onload",
        "onclick",
        "style=",
    ):
        assert forbidden not in html, (markdown, html)


def test_markdown_keeps_safe_links_with_rel():
    html = str(
        markdown_to_html(
            "[web](https://ejemplo.org/a?b=1&c=2) [correo](mailto:a@b.org) [tel](tel:+543814000000) "
            '<a href="http://ejemplo.org">http</a>\n\n## Título'
        )
    )
    assert '<a href="https://ejemplo.org/a?b=1&amp;c=2" rel="nofollow ugc noopener">web</a>' in html
    assert (
        'href="mailto:a@b.org"' in html
        and 'href="tel:+543814000000"' in html
        and 'href="http://ejemplo.org"' in html
    )
    assert html.count('rel="nofollow ugc noopener"') == 4
    assert "<h4>Título</h4>" in html  # the page owns h1 and h2


def test_markdown_shows_template_syntax_literally():
    assert str(markdown_to_html("{{ 7*7 }} {% if x %}")) == "<p>{{ 7*7 }} {% if x %}</p>"


# --- JSON inside <script> ------------------------------------------------------------

PAYLOAD = {
    "nombre": "</script><script>alert('json')</script>",
    "b": "<!--<script>",
    "c": "a\u2028b\u2029c & <b>",
    "d": "</SCRIPT >",
}


def test_json_script_cannot_close_the_element():
    text = str(json_script(PAYLOAD))
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == PAYLOAD


def test_json_script_in_a_browser(page):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    env = Environment(autoescape=True)
    env.filters["json_script"] = json_script
    html = env.from_string(
        '<!doctype html><title>x</title><script type="application/ld+json" id="datos">'
        '{{ datos|json_script }}</script><p id="fin">fin</p>'
    ).render(datos=PAYLOAD)
    page.set_content(html)
    assert dialogs == []
    assert page.locator("#fin").inner_text() == "fin"
    assert page.evaluate("JSON.parse(document.getElementById('datos').textContent)") == PAYLOAD


# --- Static checks of every built page -----------------------------------------------


class PageAudit(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.csp: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            if name in ("href", "src", "action", "srcdoc") and value:
                scheme = value.strip().lower().split(":", 1)[0]
                if scheme in ("javascript", "vbscript", "data"):
                    self.problems.append(f"<{tag} {name}={value!r}>")
        if tag == "script" and "src" not in attrs and attrs.get("type") not in DATA_SCRIPT_TYPES:
            self.problems.append("inline <script>")
        if tag == "script" and "src" in attrs and "//" in attrs["src"]:
            self.problems.append(f"third-party script {attrs['src']}")
        if tag in ("img", "iframe", "embed", "object", "style"):
            source = attrs.get("src") or attrs.get("data") or ""
            if tag != "img" or "//" in source:
                self.problems.append(f"<{tag} {source}>")
        if tag == "link" and attrs.get("rel") in ("stylesheet", "icon") and "//" in (attrs.get("href") or ""):
            self.problems.append(f"third-party {attrs['href']}")
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "content-security-policy":
            self.csp.append(attrs.get("content", ""))


def audit(root: Path) -> dict[str, list[str]]:
    found = {}
    for page in sorted(root.rglob("*.html")):
        parser = PageAudit()
        parser.feed(page.read_text("utf-8"))
        problems = list(parser.problems)
        if parser.csp != [CSP_BY_PAGE.get(page.relative_to(root).as_posix(), CSP)]:
            problems.append(f"CSP: {parser.csp}")
        if problems:
            found[page.relative_to(root).as_posix()] = problems
    return found


def test_sample_site_pages_are_clean(built_site):
    assert audit(built_site) == {}
    head = (built_site / "index.html").read_text("utf-8").split("</head>")[0]
    assert head.index("Content-Security-Policy") < head.index("<link")  # before anything it governs
    assert "unsafe-inline" not in CSP and "unsafe-eval" not in CSP


# --- A whole site built from payloads, opened in Chromium ----------------------------


@pytest.fixture(scope="module")
def xss_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("xss"))
    shutil.copy(FIXTURE, project / "organizaciones" / FIXTURE.name)
    result = build_site(project, project / "output")
    assert result.returncode == 0, result.stderr
    output = project / "output"
    # A same-origin script and JSON file, as the search page will load them.
    (output / "theme" / "js").mkdir(parents=True, exist_ok=True)
    (output / "theme" / "js" / "csp-prueba.js").write_text("window.cargadoDesdeElSitio = true;\n", "utf-8")
    return output


@pytest.fixture(scope="module")
def xss_server(xss_site):
    server, url = serve(xss_site)
    yield url
    server.shutdown()


def test_payload_site_pages_are_clean(xss_site):
    assert audit(xss_site) == {}


PAGES = [f"/organizaciones/{SLUG}/", "/organizaciones/", "/", "/datos/", "/404.html", "/mapa/"]


@pytest.mark.parametrize("path", PAGES)
def test_no_script_runs_in_the_browser(xss_server, page, path):
    dialogs, errors = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
    route_tiles(page)  # /mapa/: no network here
    response = page.goto(xss_server + path)
    assert response.ok
    page.mouse.move(200, 300)  # hover handlers would fire now
    for link in page.locator("main a:visible").all()[:60]:  # closed <details> hide some
        link.hover(timeout=10000)  # a loaded machine can take seconds to settle a long list
    page.wait_for_timeout(200)
    assert dialogs == []
    assert errors == []
    assert page.evaluate("typeof window.cargadoDesdeElSitio") == "undefined"


def test_payloads_are_shown_literally(xss_server, page):
    page.goto(f"{xss_server}/organizaciones/{SLUG}/")
    assert (
        page.locator("h1")
        .inner_text()
        .startswith('<script>alert("nombre")</script> "><img src=x onerror=alert(\'nombre2\')> {{ 7*7 }}')
    )
    assert "(<svg onload=alert()>)" in page.locator("h1").inner_text()
    body = page.locator("main").inner_text()
    for text in (
        "</script><script>alert('resumen')</script>",
        "<img src=x onerror=alert('actividad')>",
        "<b onmouseover=alert('horario')>lunes</b>",
        "Calle \"><script>alert('direccion')</script> 123",
        "<iframe srcdoc=\"<script>alert('horarios')</script>\">",
        "<script>alert('red')</script>",
        "<img src=x onerror=alert('referente')>",
        "<script>alert('pj')</script>",
        "<script>alert('necesidad')</script>",
        "Plantilla literal: {{ 7*7 }} y {% if true %}si{% endif %}",
    ):
        assert text in body, text
    assert "49" not in body
    # The «Sitio web» button shows the address without its scheme.
    web = page.get_by_role("link", name="Sitio web ejemplo.org/\"onmouseover=\"alert('web')")
    assert web.get_attribute("onmouseover") is None
    assert web.get_attribute("href") == "https://ejemplo.org/\"onmouseover=\"alert('web')"
    assert (
        page.locator(
            "main a[href^='javascript' i], main iframe, main img[onerror], main svg, main form"
        ).count()
        == 0
    )
    # The description's external link got the safe rel.
    assert page.get_by_role("link", name="enlace externo").get_attribute("rel") == "nofollow ugc noopener"


def test_csp_blocks_inline_scripts_but_allows_the_site_own(xss_server, page):
    messages = []
    page.on("console", lambda m: messages.append(m.text))
    page.goto(xss_server + "/")
    ran_inline = page.evaluate("""() => new Promise(resolve => {
        const s = document.createElement('script');
        s.textContent = 'window.inlineEjecutado = true';
        document.body.appendChild(s);
        setTimeout(() => resolve(window.inlineEjecutado === true), 50);
    })""")
    assert ran_inline is False
    assert any("Content Security Policy" in m for m in messages)
    loaded = page.evaluate("""() => new Promise(resolve => {
        const s = document.createElement('script');
        s.src = '/theme/js/csp-prueba.js';
        s.onload = () => resolve(window.cargadoDesdeElSitio === true);
        s.onerror = () => resolve(false);
        document.head.appendChild(s);
    })""")
    assert loaded is True
    count = page.evaluate(
        "fetch('/datos/organizaciones.json').then(r => r.json()).then(d => d.organizaciones.length)"
    )
    assert count == len(list((ROOT / "organizaciones").glob("*.yml"))) + 1  # and the XSS fixture
    blocked = page.evaluate("fetch('https://ejemplo.org/').then(() => 'cargó', () => 'bloqueado')")
    assert blocked == "bloqueado"
