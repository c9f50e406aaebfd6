"""Template filters (cmosc/site/filters.py) and escaping (cmosc/site/escaping.py) that must agree with the library they replace."""

from __future__ import annotations

from datetime import date
from urllib.parse import quote

import jinja2
import markupsafe
from markupsafe import Markup

from cmosc.site.escaping import EscapingCodeGenerator, escape
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


class _Html:
    def __html__(self):
        return "<b>ya segura</b>"


class _Text(str):
    pass


def test_escape_is_markupsafes():
    values = [
        "",
        "Asociación Civil «Los Girasoles» & Cía. <script>alert('x')</script> \"comillas\"",
        "".join(chr(c) for c in range(1, 0x250)),
        Markup("<li>ya escapado &amp; seguro</li>"),
        _Text("<i>subclase</i>"),
        _Html(),
        2026,
        -3.25,
        None,
        True,
        date(2026, 12, 4),
    ]
    for value in values:
        expected = markupsafe.escape(value)
        obtained = escape(value)
        assert type(obtained) is Markup and obtained == expected, repr(value)


def test_templates_compiled_with_our_escape():
    environment = jinja2.Environment(autoescape=True)
    environment.code_generator_class = EscapingCodeGenerator
    template = environment.from_string("{{ texto }}|{{ marcado }}|{{ numero }}")
    assert template.root_render_func.__globals__["escape"] is escape
    rendered = template.render(texto="<a & b>", marcado=Markup("<br>"), numero=7)
    assert rendered == "&lt;a &amp; b&gt;|<br>|7"
