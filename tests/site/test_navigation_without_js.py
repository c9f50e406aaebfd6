"""Without JavaScript, every profile is reachable from home in at most 3 clicks, even paginated."""

from __future__ import annotations

from collections import deque
from urllib.parse import urljoin, urlsplit

from support.expectations import collation_key, profiles

MAX_CLICKS = 3


def _links(page) -> list[str]:
    # Read the DOM from Playwright's own world: the page's scripts stay disabled.
    return page.locator("a[href]").evaluate_all("els => els.map(e => e.href)")


def click_depths(browser, base: str, targets: set[str]) -> dict[str, int]:
    """Breadth-first over same-site links from home, as a visitor without JavaScript would click.

    Stops once every target path has been seen (breadth-first: at its fewest clicks)."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    # Only the HTML decides where a visitor can go; skip fetching styles and icons.
    page.route("**/theme/**", lambda route: route.abort())
    depth = {"/": 0}
    queue = deque(["/"])
    while queue and not targets <= depth.keys():
        path = queue.popleft()
        if depth[path] >= MAX_CLICKS or path.startswith("/organizaciones/") and path.count("/") == 3:
            continue  # a profile page: the goal, not a hub
        response = page.goto(base + path, wait_until="domcontentloaded")
        if response is None or response.status != 200:
            continue
        for href in _links(page):
            parts = urlsplit(urljoin(base + path, href))
            if parts.netloc != urlsplit(base).netloc or parts.path in depth:
                continue
            depth[parts.path] = depth[path] + 1
            queue.append(parts.path)
    context.close()
    return depth


def test_every_profile_within_three_clicks_without_javascript(browser, paged_site):
    output, base = paged_site
    assert (output / "organizaciones" / "pagina" / "2" / "index.html").is_file(), "la paginación no se activó"
    wanted = {f"/organizaciones/{slug}/" for slug in profiles()}
    depths = click_depths(browser, base, wanted)
    for slug in profiles():
        path = f"/organizaciones/{slug}/"
        assert path in depths and depths[path] <= MAX_CLICKS, f"{slug}: no se llega en {MAX_CLICKS} clics"


def test_pagination_links_prev_next(paged_site):
    output, _ = paged_site
    second = (output / "organizaciones" / "pagina" / "2" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="prev" href="/organizaciones/">' in second
    assert '<link rel="next" href="/organizaciones/pagina/3/">' in second
    tenth = (output / "organizaciones" / "pagina" / "10" / "index.html").read_text(encoding="utf-8")
    assert 'href="/organizaciones/pagina/5/"' not in tenth and 'href="/organizaciones/pagina/15/"' in tenth


def test_clicking_through_from_home_without_javascript(browser, site_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_server + "/")
    page.get_by_role("navigation", name="Principal").get_by_role("link", name="Explorar").click()
    page.get_by_role("link", name="Barrios", exact=True).click()
    assert page.url.endswith("/barrios/")
    page.get_by_role("link", name="Villa Luján").click()
    page.get_by_role("link", name="Merendero Comunitario Los Girasoles", exact=True).click()
    assert page.url.endswith("/organizaciones/merendero-los-girasoles/")
    assert page.locator("h1").inner_text().startswith("Merendero Comunitario Los Girasoles")
    context.close()


def test_paginated_listings_keep_every_organization_in_order(paged_site):
    from support.listings import expected, listed

    output, _ = paged_site
    active, inactive = listed(output, "/organizaciones/")  # follows rel=next page after page
    listed_profiles = profiles()
    assert active == sorted(
        (s for s, p in listed_profiles.items() if p["activa"]),
        key=lambda s: (collation_key(listed_profiles[s]["nombre"]), s),
    )
    assert sorted(inactive) == sorted(s for s, p in listed_profiles.items() if not p["activa"])
    for segment, value in (
        ("areas", "educacion"),
        ("barrios", "centro"),
        ("tipos", "organizacion-comunitaria"),
    ):
        assert listed(output, f"/{segment}/{value}/") == (
            expected(segment, value, True),
            expected(segment, value, False),
        )


def test_pagination_is_accessible(browser, paged_site):
    from support.axe import axe_violations, describe

    _, base = paged_site
    context = browser.new_context(locale="es-AR", bypass_csp=True)  # axe is injected by the test
    page = context.new_page()
    page.goto(base + "/organizaciones/pagina/10/")
    violations = axe_violations(page)
    context.close()
    assert not violations, describe(violations)


def test_menu_marks_the_section_of_each_page(paged_site):
    """The banner is rendered once per section (cards.py): "page" on the section's own page only."""
    output, _ = paged_site

    def menu(path: str) -> str:
        html = (output / path / "index.html").read_text(encoding="utf-8")
        return html[html.index('<ul class="menu__enlaces">') : html.index("</ul>")]

    assert '<a href="/organizaciones/" aria-current="page">Organizaciones</a>' in menu("organizaciones")
    slug = sorted(profiles())[0]
    for path in ("organizaciones/pagina/2", f"organizaciones/{slug}"):
        assert '<a href="/organizaciones/" aria-current="true">Organizaciones</a>' in menu(path), path
    about = menu("acerca")
    assert '<a href="/acerca/" aria-current="page">Acerca</a>' in about
    assert '<a href="/organizaciones/">Organizaciones</a>' in about
