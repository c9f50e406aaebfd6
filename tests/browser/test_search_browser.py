"""/buscar/ en Chromium sobre los datos de ejemplo: relevancia, filtros, URL, accesibilidad."""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

# Predicates are passed as functions: a bare expression is eval'd in the page, which CSP forbids.
LISTO = "document.getElementById('busqueda').hasAttribute('data-texto-cargado')"


def slugs(pagina) -> list[str]:
    return [
        a.get_attribute("href").rstrip("/").rsplit("/", 1)[1]
        for a in pagina.query_selector_all("#resultados .resultado__nombre a")
    ]


def open_page(pagina, site_server, **params) -> list[str]:
    """Abre /buscar/ con esos parámetros y espera los resultados con los dos índices."""
    consulta = urlencode(params, doseq=True)
    pagina.goto(f"{site_server}/buscar/" + (f"?{consulta}" if consulta else ""))
    pagina.wait_for_function(
        "() => " + LISTO + " && document.getElementById('busqueda').hasAttribute('data-resultados')"
    )
    return slugs(pagina)


# (consulta, deben aparecer, no deben aparecer). Lo que la gente escribe:
# sin tildes, en plural, con sigla, con errores.
CASES = [
    ("ninos", ["fundacion-latidos", "merendero-los-girasoles"], ["centro-de-jubilados-amor-y-esperanza"]),
    ("niños", ["fundacion-latidos", "merendero-los-girasoles"], ["centro-de-jubilados-amor-y-esperanza"]),
    ("comedores", ["comedor-comunitario-manos-unidas"], ["club-estrella-del-sur", "fundacion-latidos"]),
    ("futbol", ["club-estrella-del-sur"], ["centro-de-jubilados-amor-y-esperanza"]),
    ("fútbol", ["club-estrella-del-sur"], ["centro-de-jubilados-amor-y-esperanza"]),
    ("jovenes", ["jovenes-en-movimiento"], ["fundacion-latidos"]),
    ("educacion", ["jovenes-en-movimiento", "cooperadora-escuela-312"], ["fundacion-latidos"]),
    ("CAMITUC", ["casa-del-migrante-tucuman"], ["fundacion-latidos"]),
    ("camituc", ["casa-del-migrante-tucuman"], ["fundacion-latidos"]),
    (
        "huerta villa mariano",
        ["organizacion-norte"],
        ["merendero-los-girasoles", "comedor-comunitario-manos-unidas"],
    ),
    ("voluntarios", ["fundacion-la-posada"], ["cooperativa-textil-hilando-suenos"]),
]


@pytest.mark.parametrize("consulta,si,no", CASES, ids=[c[0] for c in CASES])
def test_relevance(pagina, site_server, consulta, si, no):
    encontrados = open_page(pagina, site_server, q=consulta)
    assert set(si) <= set(encontrados), encontrados
    assert not set(no) & set(encontrados), encontrados
    assert pagina.is_hidden("#aviso")  # coincidencia exacta, sin aviso de parecidos


def test_two_letter_sigla(pagina, site_server):
    assert open_page(pagina, site_server, q="ON") == ["organizacion-norte"]


def test_name_first(pagina, site_server):
    assert open_page(pagina, site_server, q="apoyo escolar")[0] == "apoyo-escolar-semillitas"
    assert open_page(pagina, site_server, q="comedores")[0] == "comedor-comunitario-manos-unidas"


@pytest.mark.parametrize(
    "consulta,esperado", [("fubol", "club-estrella-del-sur"), ("merndero", "merendero-pancita-feliz")]
)
def test_typos(pagina, site_server, consulta, expected):
    assert expected in open_page(pagina, site_server, q=consulta)
    assert pagina.inner_text("#aviso") == f"No encontramos «{consulta}»; mostramos resultados parecidos."


def test_no_results_with_suggestions(pagina, site_server):
    assert open_page(pagina, site_server, q="xyzzy qwertz") == []
    assert pagina.inner_text("#estado") == "No encontramos organizaciones para «xyzzy qwertz»."
    assert pagina.is_visible("#vacio")
    assert pagina.query_selector_all("#vacio a[href*='/buscar/?q=']")


@pytest.mark.parametrize(
    "params,esperado",
    [
        ({"q": "ninos", "barrio": "centro"}, ["fundacion-latidos"]),
        ({"area": "alimentacion", "barrio": "villa-mariano-moreno"}, ["organizacion-norte"]),
        (
            {"q": "merendero", "tipo": "organizacion-de-base"},
            ["merendero-pancita-feliz", "organizacion-norte"],
        ),
        ({"area": "deporte"}, ["centro-vecinal-villa-munecas", "club-estrella-del-sur"]),
        (
            {"q": "futbol", "tipo": ["fundacion", "centro-vecinal"]},
            ["centro-vecinal-villa-munecas", "fundacion-nuevo-amanecer"],
        ),
    ],
    ids=["texto+barrio", "area+barrio", "texto+tipo", "area", "dos-tipos"],
)
def test_combined_filters(pagina, site_server, params, expected):
    assert sorted(open_page(pagina, site_server, **params)) == sorted(expected)
    for param, valores in params.items():
        if param != "q":
            for valor in [valores] if isinstance(valores, str) else valores:
                assert pagina.is_checked(f"#f-{param}-{valor}") and pagina.is_visible(f"#f-{param}-{valor}")


def test_filter_counts(pagina, site_server):
    open_page(pagina, site_server, q="futbol")
    assert pagina.text_content("label[for='f-area-deporte'] .faceta__cantidad") == "(2)"
    # Sin resultados en un barrio, la opción se oculta.
    assert pagina.eval_on_selector(
        "#f-barrio-villa-mariano-moreno", "c => c.closest('.faceta__opcion').hidden"
    )
    assert not pagina.eval_on_selector("#f-barrio-villa-munecas", "c => c.closest('.faceta__opcion').hidden")
    # Un valor elegido no cambia las cuentas de su propia faceta (filtros disyuntivos).
    pagina.click("[data-faceta='tipo'] summary")
    pagina.check("#f-tipo-fundacion")
    pagina.wait_for_function(
        "() => document.getElementById('busqueda').getAttribute('data-resultados') === '1'"
    )
    assert pagina.text_content("label[for='f-tipo-centro-vecinal'] .faceta__cantidad") == "(1)"
    assert pagina.inner_text("#estado") == "1 organización para «futbol» con los filtros elegidos."
    assert pagina.get_attribute("#estado", "aria-live") == "polite"


def test_type_filter_and_go_back(pagina, site_server):
    pagina.goto(f"{site_server}/buscar/")
    pagina.click("#q")
    pagina.keyboard.type("comedor", delay=20)
    pagina.wait_for_function("() => location.search === '?q=comedor'")
    pagina.wait_for_function("() => " + LISTO)
    pagina.wait_for_function("() => document.querySelectorAll('#resultados li').length > 0")
    assert "comedor-comunitario-manos-unidas" in slugs(pagina)
    assert pagina.inner_text("#estado").endswith("para «comedor».")

    pagina.click("[data-faceta='barrio'] summary")
    pagina.check("#f-barrio-barrio-sur")
    pagina.wait_for_function("() => location.search.includes('barrio=barrio-sur')")
    filtrados = slugs(pagina)
    assert filtrados and "comedor-comunitario-manos-unidas" not in filtrados

    pagina.go_back()
    pagina.wait_for_function("() => location.search === '?q=comedor'")
    assert not pagina.is_checked("#f-barrio-barrio-sur")
    assert "comedor-comunitario-manos-unidas" in slugs(pagina)

    pagina.go_back()
    pagina.wait_for_function("() => location.search === ''")
    assert pagina.input_value("#q") == "" and slugs(pagina) == []

    pagina.go_forward()
    pagina.wait_for_function("() => location.search === '?q=comedor'")
    assert pagina.input_value("#q") == "comedor"


def test_prefix_while_typing(pagina, site_server):
    pagina.goto(f"{site_server}/buscar/")
    pagina.fill("#q", "comed")
    pagina.wait_for_function("() => document.getElementById('busqueda').hasAttribute('data-resultados')")
    assert "comedor-comunitario-manos-unidas" in slugs(pagina)


def test_lazy_loading(pagina, site_server):
    pedidos: list[str] = []
    pagina.on("request", lambda r: pedidos.append(urlsplit(r.url).path))
    pagina.goto(f"{site_server}/")
    pagina.goto(f"{site_server}/buscar/")
    pagina.wait_for_load_state("networkidle")
    assert not [p for p in pedidos if p.endswith(".json")]
    assert pagina.is_hidden("#sin-js")
    pagina.focus("#q")
    pagina.wait_for_function("() => " + LISTO)
    assert {"/buscar/documentos-0.json", "/buscar/nombres-0.json", "/buscar/texto-0.json"} <= set(pedidos)


def test_header_leads_to_search(pagina, site_server):
    pagina.goto(f"{site_server}/organizaciones/")
    pagina.fill("#q-encabezado", "futbol")
    pagina.press("#q-encabezado", "Enter")
    pagina.wait_for_function(
        "() => " + LISTO + " && document.getElementById('busqueda').hasAttribute('data-resultados')"
    )
    assert parse_qs(urlsplit(pagina.url).query) == {"q": ["futbol"]}
    assert "club-estrella-del-sur" in slugs(pagina)


def test_without_javascript(browser, site_server):
    browser_context = browser.new_context(java_script_enabled=False)
    try:
        pagina = browser_context.new_page()
        pagina.goto(f"{site_server}/buscar/?q=ninos")
        assert pagina.is_visible("#sin-js")
        assert "La búsqueda necesita JavaScript" in pagina.inner_text("#sin-js")
        assert pagina.query_selector("#sin-js a[href='/barrios/']")
    finally:
        browser_context.close()


@pytest.mark.parametrize("ancho", [360, 1280])
def test_axe_finds_no_violations(browser, site_server, ancho):
    from support.axe import axe_violations, describe

    # axe is injected by the test, not by the site: the site's CSP rightly refuses it.
    browser_context = browser.new_context(locale="es-AR", bypass_csp=True)
    try:
        pagina = browser_context.new_page()
        pagina.set_viewport_size({"width": ancho, "height": 900})
        open_page(pagina, site_server, q="merndero", area="alimentacion")
        assert pagina.query_selector_all("#resultados li") and pagina.is_visible("#aviso")
        violations = axe_violations(pagina)
        assert not violations, describe(violations)
    finally:
        browser_context.close()


# --------------------------------------------------------------------------
# Sharded index (what a directory of more than TAMANO_FRAGMENTO gets)
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sharded_server(tmp_path_factory):
    """The sample data built with shards of 8 organizations (4 shards), served."""
    import functools
    import http.server
    import threading

    from conftest import build_site, copy_project

    project = copy_project(tmp_path_factory.mktemp("fragmentado"))
    with (project / "pelicanconf.py").open("a", encoding="utf-8") as conf:
        conf.write("\nCMOSC_BUSQUEDA_FRAGMENTO = 8\n")
    result = build_site(project, project / "output")
    assert result.returncode == 0, result.stderr
    assert (project / "output/buscar/nombres-3.json").exists()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(project / "output"))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.mark.parametrize(
    "params",
    [
        {"q": "ninos"},
        {"q": "comedores"},
        {"q": "ON"},
        {"q": "fubol"},
        {"q": "huerta villa mariano"},
        {"q": "merendero", "tipo": "organizacion-de-base"},
        {"area": "deporte"},
    ],
    ids=lambda p: "&".join(f"{k}={v}" for k, v in p.items()),
)
def test_shards_give_the_same_results(pagina, site_server, sharded_server, params):
    whole = sorted(open_page(pagina, site_server, **params))
    estado = pagina.inner_text("#estado")
    assert sorted(open_page(pagina, sharded_server, **params)) == whole
    assert pagina.inner_text("#estado") == estado
    pagina.click("[data-faceta='area'] summary")
    cuentas = pagina.eval_on_selector_all(".faceta__cantidad", "es => es.map(e => e.textContent)")
    open_page(pagina, site_server, **params)
    assert pagina.eval_on_selector_all(".faceta__cantidad", "es => es.map(e => e.textContent)") == cuentas


def test_focus_loads_and_leaves_a_hint(pagina, site_server):
    pagina.goto(f"{site_server}/buscar/")
    pagina.focus("#q")
    pagina.wait_for_function("() => " + LISTO)
    assert pagina.inner_text("#estado") == "Escribí qué buscás o elegí un filtro."
