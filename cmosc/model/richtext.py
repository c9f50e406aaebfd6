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
# Built once: `nh3.clean` builds a sanitizer from these sets on every call (⅔ of its time).
_CLEANER = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=URL_SCHEMES,
    link_rel=EXTERNAL_REL,
    strip_comments=True,
)
# h2 → h4 before h1 → h3; typed raw HTML (`</h2>` alone) is shifted too.
_HEADINGS = tuple((f"{tag}{level}>", f"{tag}{level + 2}>") for level in (2, 1) for tag in ("<h", "</h"))


def markdown_to_html(text: str) -> Markup:
    """Profile Markdown → sanitized HTML. Headings start at h3 (the page owns h1/h2)."""
    html = cmarkgfm.markdown_to_html(text, options=CMARK_OPTIONS)
    if "h1>" in html or "h2>" in html:  # most descriptions have no heading
        for old, new in _HEADINGS:
            html = html.replace(old, new)
    return Markup(_CLEANER.clean(html).strip())
