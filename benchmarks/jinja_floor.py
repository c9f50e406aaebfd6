"""The floor: read the YAML files and render one page each with a plain Jinja loop."""

from __future__ import annotations

import sys
from pathlib import Path

import jinja2
import yaml

TEMPLATE = """<!doctype html><html lang="es"><head><meta charset="utf-8"><title>{{ o.nombre }}</title>
<link rel="stylesheet" href="/estilo.css"></head><body><header><a href="/">Directorio</a></header><main>
<h1>{{ o.nombre }}</h1><p>{{ o.tipo }}</p><p>{{ o.resumen }}</p><div>{{ o.descripcion }}</div>
<ul>{% for a in o.areas %}<li>{{ a }}</li>{% endfor %}</ul>
{% for s in o.sedes %}<div><p>{{ s.direccion }}</p><p>{{ s.barrio }}</p><p>{{ s.horarios }}</p></div>{% endfor %}
<p>{{ o.contacto.email }}</p>{% for n in o.necesidades %}<p>{{ n.tipo }}: {{ n.descripcion }}</p>{% endfor %}
<p>{{ o.verificado }}</p></main><footer>CMOSC</footer></body></html>"""


def main(source: Path, output: Path) -> None:
    template = jinja2.Environment(autoescape=True).from_string(TEMPLATE)
    for path in sorted(source.glob("*.yml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CBaseLoader)
        target = output / path.stem / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(template.render(o=data), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
