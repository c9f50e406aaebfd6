"""Compiled templates: compiled once for all of a build's environments, and never reused
for a changed source or from a damaged file."""

from __future__ import annotations

import pytest
from jinja2 import DictLoader, Environment

from cmosc.site.template_cache import SharedCode, TemplateCodeCache


@pytest.fixture
def compiled(monkeypatch) -> list[str]:
    """The names of the templates Jinja compiles, in order."""
    names: list[str] = []
    compile_ = Environment.compile

    def counting(self, source, name=None, filename=None, *args, **kwargs):
        names.append(name)
        return compile_(self, source, name, filename, *args, **kwargs)

    monkeypatch.setattr(Environment, "compile", counting)
    return names


def test_the_environments_of_a_build_compile_each_template_once(compiled):
    templates = {"base.html": "<b>{{ nombre }}</b>"}
    code = SharedCode()
    # As Pelican's generators: each its own environment, with its own globals.
    first = Environment(loader=DictLoader(templates), bytecode_cache=code, autoescape=True)
    second = Environment(loader=DictLoader(templates), bytecode_cache=code, autoescape=True)
    second.globals["nombre"] = "<Segundo>"
    assert first.get_template("base.html").render(nombre="Uno") == "<b>Uno</b>"
    assert second.get_template("base.html").render() == "<b>&lt;Segundo&gt;</b>"
    assert compiled == ["base.html"]

    templates["base.html"] = "<i>{{ nombre }}</i>"  # a changed source is compiled again
    third = Environment(loader=DictLoader(templates), bytecode_cache=code, autoescape=True)
    assert third.get_template("base.html").render(nombre="Tres") == "<i>Tres</i>"
    assert compiled == ["base.html", "base.html"]


def test_a_damaged_compiled_template_on_disk_is_compiled_again(tmp_path, compiled):
    templates = {"base.html": "<b>{{ nombre }}</b>"}
    Environment(loader=DictLoader(templates), bytecode_cache=TemplateCodeCache(tmp_path)).get_template(
        "base.html"
    )
    (stored,) = tmp_path.glob("*.jinja")
    stored.write_bytes(stored.read_bytes()[:-8])  # truncated
    later = Environment(loader=DictLoader(templates), bytecode_cache=TemplateCodeCache(tmp_path))
    assert later.get_template("base.html").render(nombre="Dos") == "<b>Dos</b>"
    assert compiled == ["base.html", "base.html"]
    # Read back intact, it is not compiled again; and shared with the build's other environments.
    code = TemplateCodeCache(tmp_path)
    for _ in range(2):
        Environment(loader=DictLoader(templates), bytecode_cache=code).get_template("base.html")
    assert compiled == ["base.html", "base.html"]
