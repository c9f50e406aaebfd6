"""Links to the repository's issue forms in Markdown pages: `[texto]({formulario}sumar-organizacion.yml)`.

Pages name a form, never a repository: the address comes from `CMOSC_REPOSITORIO`, so a
fork links to its own forms after changing that one setting. Runs on `content_object_init`,
before Pelican resolves its own `{filename}`-style links (it would warn on this one).
"""

from __future__ import annotations

import re

from markupsafe import escape

from cmosc.settings import repository

FORM_LINK = re.compile(r"\{formulario\}([a-z0-9-]+\.yml)")


def expand_form_links(content) -> None:
    text = getattr(content, "_content", None)
    if not text or "{formulario}" not in text:
        return
    repo = repository(content.settings)
    content._content = FORM_LINK.sub(lambda m: str(escape(repo.issue_form_url(m.group(1)))), text)
