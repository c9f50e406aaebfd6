"""/buscar/ in Chromium on the sample data: relevance, filters, URL, accessibility."""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

# Predicates are passed as functions: a bare expression is eval'd in the page, which CSP forbids.
READY = "document.getElementById('busqueda').hasAttribute('data-texto-cargado')"


def slugs(page) -> list[str]:
    return [
        a.get_attribute("href").rstrip("/").rsplit("/", 1)[1]
        for a in page.query_selector_all("#resultados .resultado__nombre a")
    ]


def open_page(page, site_server, **params) -> list[str]:
    """Open /buscar/ with those parameters and wait for results with both indexes."""
    query = urlencode(params, doseq=True)
    page.goto(f"{site_server}/buscar/" + (f"?{query}" if query else ""))
    page.wait_for_function(
        "() => " + READY + " && document.getElementById('busqueda').hasAttribute('data-resultados')"
    )
    return slugs(page)


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


@pytest.mark.parametrize("query,si,no", CASES, ids=[c[0] for c in CASES])
def test_relevance(page, site_server, query, si, no):
    found = open_page(page, site_server, q=query)
    assert set(si) <= set(found), found
    assert not set(no) & set(found), found
    assert page.is_hidden("#aviso")  # coincidencia exacta, sin aviso de parecidos


def test_two_letter_sigla(page, site_server):
    assert open_page(page, site_server, q="ON") == ["organizacion-norte"]


def test_name_first(page, site_server):
    assert open_page(page, site_server, q="apoyo escolar")[0] == "apoyo-escolar-semillitas"
    assert open_page(page, site_server, q="comedores")[0] == "comedor-comunitario-manos-unidas"


@pytest.mark.parametrize(
    "query,expected", [("fubol", "club-estrella-del-sur"), ("merndero", "merendero-pancita-feliz")]
)
def test_typos(page, site_server, query, expected):
    assert expected in open_page(page, site_server, q=query)
    assert page.inner_text("#aviso") == f"No encontramos «{query}»; mostramos resultados parecidos."


def test_no_results_with_suggestions(page, site_server):
    assert open_page(page, site_server, q="xyzzy qwertz") == []
    assert page.inner_text("#estado") == "No encontramos organizaciones para «xyzzy qwertz»."
    assert page.is_visible("#vacio")
    assert page.query_selector_all("#vacio a[href*='/buscar/?q=']")


@pytest.mark.parametrize(
    "params,expected",
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
def test_combined_filters(page, site_server, params, expected):
    assert sorted(open_page(page, site_server, **params)) == sorted(expected)
    for param, valores in params.items():
        if param != "q":
            for valor in [valores] if isinstance(valores, str) else valores:
                assert page.is_checked(f"#f-{param}-{valor}") and page.is_visible(f"#f-{param}-{valor}")


def test_filter_counts(page, site_server):
    open_page(page, site_server, q="futbol")
    assert page.text_content("label[for='f-area-deporte'] .faceta__cantidad") == "(2)"
    # Sin resultados en un barrio, la opción se oculta.
    assert page.eval_on_selector("#f-barrio-villa-mariano-moreno", "c => c.closest('.faceta__opcion').hidden")
    assert not page.eval_on_selector("#f-barrio-villa-munecas", "c => c.closest('.faceta__opcion').hidden")
    # Un valor elegido no cambia las cuentas de su propia faceta (filtros disyuntivos).
    page.click("[data-faceta='tipo'] summary")
    page.check("#f-tipo-fundacion")
    page.wait_for_function(
        "() => document.getElementById('busqueda').getAttribute('data-resultados') === '1'"
    )
    assert page.text_content("label[for='f-tipo-centro-vecinal'] .faceta__cantidad") == "(1)"
    assert page.inner_text("#estado") == "1 organización para «futbol» con los filtros elegidos."
    assert page.get_attribute("#estado", "aria-live") == "polite"


def test_type_filter_and_go_back(page, site_server):
    page.goto(f"{site_server}/buscar/")
    page.click("#q")
    page.keyboard.type("comedor", delay=20)
    page.wait_for_function("() => location.search === '?q=comedor'")
    page.wait_for_function("() => " + READY)
    page.wait_for_function("() => document.querySelectorAll('#resultados li').length > 0")
    assert "comedor-comunitario-manos-unidas" in slugs(page)
    assert page.inner_text("#estado").endswith("para «comedor».")

    page.click("[data-faceta='barrio'] summary")
    page.check("#f-barrio-barrio-sur")
    page.wait_for_function("() => location.search.includes('barrio=barrio-sur')")
    filtered = slugs(page)
    assert filtered and "comedor-comunitario-manos-unidas" not in filtered

    page.go_back()
    page.wait_for_function("() => location.search === '?q=comedor'")
    assert not page.is_checked("#f-barrio-barrio-sur")
    assert "comedor-comunitario-manos-unidas" in slugs(page)

    page.go_back()
    page.wait_for_function("() => location.search === ''")
    assert page.input_value("#q") == "" and slugs(page) == []

    page.go_forward()
    page.wait_for_function("() => location.search === '?q=comedor'")
    assert page.input_value("#q") == "comedor"


def test_prefix_while_typing(page, site_server):
    page.goto(f"{site_server}/buscar/")
    page.fill("#q", "comed")
    page.wait_for_function("() => document.getElementById('busqueda').hasAttribute('data-resultados')")
    assert "comedor-comunitario-manos-unidas" in slugs(page)


def test_lazy_loading(page, site_server):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(urlsplit(r.url).path))
    page.goto(f"{site_server}/")
    page.goto(f"{site_server}/buscar/")
    page.wait_for_load_state("networkidle")
    assert not [p for p in requests if p.endswith(".json")]
    assert page.is_hidden("#sin-js")
    page.focus("#q")
    page.wait_for_function("() => " + READY)
    assert {"/buscar/documentos-0.json", "/buscar/nombres-0.json", "/buscar/texto-0.json"} <= set(requests)


def test_header_leads_to_search(page, site_server):
    page.goto(f"{site_server}/organizaciones/")
    page.fill("#q-encabezado", "futbol")
    page.press("#q-encabezado", "Enter")
    page.wait_for_function(
        "() => " + READY + " && document.getElementById('busqueda').hasAttribute('data-resultados')"
    )
    assert parse_qs(urlsplit(page.url).query) == {"q": ["futbol"]}
    assert "club-estrella-del-sur" in slugs(page)


def test_without_javascript(browser, site_server):
    browser_context = browser.new_context(java_script_enabled=False)
    try:
        page = browser_context.new_page()
        page.goto(f"{site_server}/buscar/?q=ninos")
        assert page.is_visible("#sin-js")
        assert "La búsqueda necesita JavaScript" in page.inner_text("#sin-js")
        assert page.query_selector("#sin-js a[href='/barrios/']")
    finally:
        browser_context.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_axe_finds_no_violations(browser, site_server, width):
    from support.axe import axe_violations, describe

    # axe is injected by the test, not by the site: the site's CSP rightly refuses it.
    browser_context = browser.new_context(locale="es-AR", bypass_csp=True)
    try:
        page = browser_context.new_page()
        page.set_viewport_size({"width": width, "height": 900})
        open_page(page, site_server, q="merndero", area="alimentacion")
        assert page.query_selector_all("#resultados li") and page.is_visible("#aviso")
        violations = axe_violations(page)
        assert not violations, describe(violations)
    finally:
        browser_context.close()


# --------------------------------------------------------------------------
# Sharded index (what a directory of more than TAMANO_FRAGMENTO gets)
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sharded_server(tmp_path_factory):
    """The sample data built with shards of 8 organizations (4 shards), served."""
    from conftest import build_site, copy_project, serve

    project = copy_project(tmp_path_factory.mktemp("fragmentado"))
    with (project / "pelicanconf.py").open("a", encoding="utf-8") as conf:
        conf.write("\nCMOSC_BUSQUEDA_FRAGMENTO = 8\n")
    result = build_site(project, project / "output")
    assert result.returncode == 0, result.stderr
    assert (project / "output/buscar/nombres-3.json").exists()
    server, url = serve(project / "output")
    yield url
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
def test_shards_give_the_same_results(page, site_server, sharded_server, params):
    whole = sorted(open_page(page, site_server, **params))
    estado = page.inner_text("#estado")
    assert sorted(open_page(page, sharded_server, **params)) == whole
    assert page.inner_text("#estado") == estado
    page.click("[data-faceta='area'] summary")
    counts = page.eval_on_selector_all(".faceta__cantidad", "es => es.map(e => e.textContent)")
    open_page(page, site_server, **params)
    assert page.eval_on_selector_all(".faceta__cantidad", "es => es.map(e => e.textContent)") == counts


def test_focus_loads_and_leaves_a_hint(page, site_server):
    page.goto(f"{site_server}/buscar/")
    page.focus("#q")
    page.wait_for_function("() => " + READY)
    assert page.inner_text("#estado") == "Escribí qué buscás o elegí un filtro."
