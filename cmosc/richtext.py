"""Markdown from profiles to safe HTML: rendered, then sanitized by an allow-list."""
from __future__ import annotations

import markdown
import nh3
from markupsafe import Markup

ALLOWED_TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "blockquote",
                "h3", "h4", "h5", "h6", "code", "pre", "hr", "abbr"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
EXTERNAL_REL = "nofollow ugc noopener"

_markdown = markdown.Markdown(extensions=["sane_lists"], output_format="html")


def markdown_to_html(text: str) -> Markup:
    """Profile Markdown → sanitized HTML. Headings start at h3 (the page owns h1/h2)."""
    _markdown.reset()
    html = _markdown.convert(text)
    for level in (2, 1):
        html = html.replace(f"<h{level}>", f"<h{level + 2}>").replace(f"</h{level}>", f"</h{level + 2}>")
    clean = nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
                      link_rel=EXTERNAL_REL, strip_comments=True)
    return Markup(clean)
