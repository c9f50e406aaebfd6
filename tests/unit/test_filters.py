"""Template filters (cmosc/site/filters.py) that must agree with the library they replace."""

from __future__ import annotations

from urllib.parse import quote

from cmosc.site.filters import urlencode_text


def test_urlencode_text_is_quote_with_nothing_safe():
    texts = [
        "",
        "asociacion-civil_los.girasoles~1",
        "Actualizar datos: Asociación Civil «Los Girasoles» & Cía.",
        "Página: https://x.org/a/b/?q=1#c\n\nQué datos cambian: ",
        "ñandú 🌻 \u2028 / + % ' \" < >",
        "".join(chr(c) for c in range(1, 0x250)),
    ]
    for text in texts:
        assert urlencode_text(text) == quote(text, safe=""), text
    assert urlencode_text(2026) == "2026"
