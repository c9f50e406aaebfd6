"""The sample data build end to end: every profile has its page."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_profile_has_a_page(sitio):
    slugs = sorted(p.stem for p in (ROOT / "organizaciones").glob("*.yml"))
    assert len(slugs) >= 24
    for slug in slugs:
        assert (sitio / "organizaciones" / slug / "index.html").is_file(), slug


def test_pages_in_the_browser(servidor, pagina):
    pagina.goto(servidor + "/organizaciones/")
    assert pagina.locator("h1").inner_text() == "Todas las organizaciones"
    pagina.get_by_role("link", name="Merendero Comunitario Los Girasoles").first.click()
    assert pagina.url.endswith("/organizaciones/merendero-los-girasoles/")
