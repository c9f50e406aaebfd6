"""What the build writes: a page encoded a slice at a time is the same bytes, digest and
links as encoded whole, also over a site it is laid over."""

from __future__ import annotations

import hashlib

from cmosc.site import written as written_module
from cmosc.site.published import PublishedSite
from cmosc.site.written import WrittenFiles


def test_a_large_page_is_written_by_slices_with_the_same_bytes(tmp_path, monkeypatch):
    # Two-byte characters on every slice boundary, and links across them.
    text = "".join(f'<a href="/o/{n}/">Niñez «{n}»</a><p id="n{n}">ñ</p>\n' for n in range(500))
    whole = tmp_path / "entero"
    whole.mkdir()
    WrittenFiles(whole).write("colaborar/index.html", text.encode())
    monkeypatch.setattr(written_module, "LARGE_TEXT", 7)
    sliced_dir = tmp_path / "partes"
    sliced_dir.mkdir()
    sliced = WrittenFiles(sliced_dir)
    sliced.write_text("colaborar/index.html", text)

    content = (sliced_dir / "colaborar/index.html").read_bytes()
    assert content == text.encode() == (whole / "colaborar/index.html").read_bytes()
    assert sliced.digests["colaborar/index.html"] == hashlib.sha256(content).digest()
    links, ids = sliced.attributes["colaborar/index.html"]
    assert len(links) == 500 and links[0] == "/o/0/" and ids[:2] == ("n0", "n1")

    # Laid over a site that holds those bytes, it is recorded, not written again.
    published = PublishedSite(tmp_path / "salida")
    published.publish(sliced_dir, sliced.digests, False)
    assert (tmp_path / "salida/colaborar/index.html").read_bytes() == content
    staging = tmp_path / "otra"
    staging.mkdir()
    again = WrittenFiles(staging, published)
    again.write_text("colaborar/index.html", text)
    assert not (staging / "colaborar/index.html").exists()
    assert again.digests == sliced.digests
