"""Markdown from profiles to safe HTML: CommonMark (cmark-gfm, C), then an nh3 allow-list.

cmark-gfm renders 2000 descriptions ~50× faster than Python-Markdown; raw HTML is
let through to nh3 so that a small allow-list (`<strong>`, `<em>`…) survives and
everything else (scripts, handlers, `javascript:` links) is removed.
"""

from __future__ import annotations

import cmarkgfm
import nh3
from cmarkgfm.cmark import Options
from markupsafe import Markup

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "ul",
    "ol",
    "li",
    "a",
    "blockquote",
    "h3",
    "h4",
    "h5",
    "h6",
    "code",
    "pre",
    "hr",
    "abbr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
EXTERNAL_REL = "nofollow ugc noopener"
CMARK_OPTIONS = Options.CMARK_OPT_UNSAFE | Options.CMARK_OPT_NOBREAKS


def markdown_to_html(text: str) -> Markup:
    """Profile Markdown → sanitized HTML. Headings start at h3 (the page owns h1/h2)."""
    html = cmarkgfm.markdown_to_html(text, options=CMARK_OPTIONS)
    for level in (2, 1):
        html = html.replace(f"<h{level}>", f"<h{level + 2}>").replace(f"</h{level}>", f"</h{level + 2}>")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=EXTERNAL_REL,
        strip_comments=True,
    )
    return Markup(clean.strip())
