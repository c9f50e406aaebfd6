"""The sample data build end to end: every profile has its page."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_profile_has_a_page(built_site):
    slugs = sorted(p.stem for p in (ROOT / "organizaciones").glob("*.yml"))
    assert len(slugs) >= 24
    for slug in slugs:
        assert (built_site / "organizaciones" / slug / "index.html").is_file(), slug


def test_pages_in_the_browser(site_server, page):
    page.goto(site_server + "/organizaciones/")
    assert page.locator("h1").inner_text() == "Todas las organizaciones"
    page.get_by_role("link", name="Merendero Comunitario Los Girasoles").first.click()
    assert page.url.endswith("/organizaciones/merendero-los-girasoles/")
