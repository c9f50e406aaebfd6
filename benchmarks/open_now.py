"""«Abierto ahora» for every search result (theme/static/js/hours.js) in Node: the filter
(`isOpen`) and the card line (`summary`) over all organizations with hours, at fixed instants.
Goal: ≤ 20 ms for 2000 results."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOURS_JS = ROOT / "theme" / "static" / "js" / "hours.js"
GOAL_MS = 20
RUNNER = r"""
const H = require(process.argv[1]);
const lists = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const instants = ['2026-12-01T12:00:00-03:00', '2026-12-02T03:00:00-03:00', '2026-12-26T11:00:00-03:00']
  .map((t) => new Date(t));
function best (fn) {
  let min = Infinity;
  for (let round = 0; round < 15; round++) {
    const t = process.hrtime.bigint();
    instants.forEach(fn);
    min = Math.min(min, Number(process.hrtime.bigint() - t) / 1e6 / instants.length);
  }
  return min;
}
const filter = best((d) => { const local = H.localDay(d); lists.filter((l) => H.isOpen(l, d, local)) });
const page = lists.slice(0, 40);  // the search shows 40 cards at a time
const cards = best((d) => { page.forEach((l) => H.summary(l, d)) });
process.stdout.write(JSON.stringify({ n: lists.length, filter, cards }));
"""


def measure(output_dir: Path, project_dir: Path) -> list[tuple[str, str]]:
    node = shutil.which("node")
    if node is None:
        return [("«Abierto ahora»", "sin Node: no medido")]
    rows = []
    for path in sorted((output_dir / "buscar").glob("documentos-*.json")):
        # By column, each row's hours an index into `horarios` (as search.js `rows` reads it).
        shard = json.loads(path.read_text("utf-8"))
        rows += [shard["horarios"][h] for h in shard["columnas"].get("h", []) if h is not None]
    result = subprocess.run(
        [node, "-e", RUNNER, str(HOURS_JS)],
        input=json.dumps(rows),
        capture_output=True,
        text=True,
        check=True,
    )
    figures = json.loads(result.stdout)
    n = figures["n"]
    return [
        (
            f"«Abierto ahora»: filtro sobre {n} organizaciones con horario (Node, mejor de 15; meta ≤ {GOAL_MS} ms)",
            f"{figures['filter']:.1f} ms",
        ),
        (
            "«Abierto ahora»: texto de estado de una página de 40 resultados (`summary`)",
            f"{figures['cards']:.1f} ms",
        ),
    ]


if __name__ == "__main__":
    import sys

    project = Path(sys.argv[1])
    for label, value in measure(project / "output", project):
        print(f"| {label} | {value} |")
