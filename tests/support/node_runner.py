"""Run a snippet in Node with the vendored lunr, lunr-languages and our pipeline loaded.

Shared by the pipeline and index tests, which compare Python with the JS side.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

RAIZ = Path(__file__).resolve().parents[2]

PREAMBULO = r"""
const path = require('path');
const fs = require('fs');
const RAIZ = process.argv[2];
const V = path.join(RAIZ, 'theme/static/vendor');
const lunr = require(path.join(V, 'lunr/lunr.min.js'));
require(path.join(V, 'lunr-languages/lunr.stemmer.support.js'))(lunr);
require(path.join(V, 'lunr-languages/lunr.es.js'))(lunr);
const api = require(path.join(RAIZ, 'theme/static/js/search-pipeline.js'))(lunr);
const entrada = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
"""
CARGA_INDICE = "const indice = api.loadIndex(fs.readFileSync(process.argv[4], 'utf8'));\n"


def node() -> str:
    """Node's path; a missing Node skips locally and fails under CI=true."""
    found = shutil.which("node")
    if found is None:
        mensaje = "no se encontró `node`: hace falta para probar el lado JS de la búsqueda"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true: {mensaje}")
        pytest.skip(mensaje)
    return found


def ejecutar(
    tmp_path: Path, cuerpo: str, entrada=None, indice_texto: str | None = None
) -> subprocess.CompletedProcess:
    """Run `cuerpo` (with `lunr`, `api`, `entrada` and, given an index, `indice`)."""
    script, datos = tmp_path / "prueba.js", tmp_path / "entrada.json"
    argumentos = [node(), str(script), str(RAIZ), str(datos)]
    preambulo = PREAMBULO
    if indice_texto is not None:
        archivo = tmp_path / "indice.json"
        archivo.write_text(indice_texto, encoding="utf-8")
        argumentos.append(str(archivo))
        preambulo += CARGA_INDICE
    script.write_text(preambulo + cuerpo, encoding="utf-8")
    datos.write_text(json.dumps(entrada, ensure_ascii=False), encoding="utf-8")
    return subprocess.run(argumentos, capture_output=True, text=True, encoding="utf-8", timeout=300)


def correr(tmp_path: Path, cuerpo: str, entrada=None, indice_texto: str | None = None):
    """Like `ejecutar`, returning the JSON the script leaves in `salida`; any stderr fails
    (lunr warns there about unregistered pipeline functions or other versions)."""
    proceso = ejecutar(
        tmp_path, cuerpo + "\nprocess.stdout.write(JSON.stringify(salida));\n", entrada, indice_texto
    )
    assert proceso.returncode == 0, proceso.stderr
    assert proceso.stderr == "", proceso.stderr
    return json.loads(proceso.stdout)
