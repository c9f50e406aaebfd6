"""Privacy (Ley 25.326): only published fields reach the site. Sentinel values planted in
every non-published place must appear nowhere in output/, exports and logos included."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from conftest import build_site, copy_project
from PIL import Image, PngImagePlugin

from cmosc.model.privacy import published, published_paths
from cmosc.profiles.schema import walk
from support.cli import cmosc

SENTINELS = {
    "SENTINELA-COMENTARIO-ARRIBA": "YAML comment at the top of a profile",
    "SENTINELA-COMENTARIO-EN-LINEA": "YAML comment after a value",
    "SENTINELA-COMENTARIO-EN-LISTA": "YAML comment inside a list",
    "SENTINELA-NOTAS-INTERNAS": "notas_internas",
    "SENTINELA-COMENTARIO-HTML": "HTML comment inside the Markdown description",
    "SENTINELA-ARCHIVO-AL-LADO": "organizaciones/notas.txt",
    "SENTINELA-BORRADOR-SUBCARPETA": "a profile in a subfolder (not loaded)",
    "SENTINELA-COPIA-BAK": "an editor backup beside the profiles",
    "SENTINELA-VOCABULARIO-COMENTARIO": "comment in a vocabulary",
    "SENTINELA-METADATOS-LOGO": "text chunk inside a published logo",
    "SENTINELA-LOGO-NO-USADO": "an unreferenced image in logos/",
    "SENTINELA-PROGRAMA-BORRADOR": "a draft program",
}
PROFILE = """# SENTINELA-COMENTARIO-ARRIBA: teléfono personal de la presidenta 381-555-9999
nombre: Organización Control de Privacidad  # SENTINELA-COMENTARIO-EN-LINEA
tipo: asociacion-civil
descripcion: |
  Perfil de control para la prueba de privacidad.
  <!-- SENTINELA-COMENTARIO-HTML -->
areas:
  # SENTINELA-COMENTARIO-EN-LISTA
  - salud
contacto:
  email: control@ejemplo.org.ar
referentes:
  - nombre: Persona Con Consentimiento
    cargo: Presidenta
    consentimiento: true
logo: logos/control-privacidad.png
notas_internas: "SENTINELA-NOTAS-INTERNAS: DNI 20.123.456, domicilio particular"
verificado: 2026-11-01
"""


def plant(project: Path) -> None:
    orgs = project / "organizaciones"
    (orgs / "control-privacidad.yml").write_text(PROFILE, "utf-8")
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "SENTINELA-METADATOS-LOGO")
    Image.new("RGB", (300, 300), (200, 30, 30)).save(orgs / "logos" / "control-privacidad.png", pnginfo=info)
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "SENTINELA-LOGO-NO-USADO")
    Image.new("RGB", (64, 64)).save(orgs / "logos" / "no-usado.png", pnginfo=info)
    (orgs / "notas.txt").write_text("SENTINELA-ARCHIVO-AL-LADO: llamar a la presidenta al celular\n", "utf-8")
    (orgs / "borradores").mkdir()
    (orgs / "borradores" / "nueva.yml").write_text(
        PROFILE.replace("Organización Control de Privacidad", "SENTINELA-BORRADOR-SUBCARPETA"), "utf-8"
    )
    (orgs / "fundacion-latidos.yml.bak").write_text("nombre: SENTINELA-COPIA-BAK\n", "utf-8")
    vocab = project / "vocabularios" / "areas.yml"
    vocab.write_text("# SENTINELA-VOCABULARIO-COMENTARIO\n" + vocab.read_text("utf-8"), "utf-8")
    (project / "content" / "programas" / "borrador.md").write_text(
        "Title: SENTINELA-PROGRAMA-BORRADOR\nDate: 2026-11-01\nStatus: draft\n\nSENTINELA-PROGRAMA-BORRADOR\n",
        "utf-8",
    )


def readable_bytes(path: Path):
    """The file's bytes, and for zip containers (XLSX) every member's bytes too."""
    raw = path.read_bytes()
    yield raw
    if raw.startswith(b"PK\x03\x04"):
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            for name in archive.namelist():
                yield archive.read(name)


@pytest.fixture(scope="module")
def site_with_sentinels(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("privacidad"))
    plant(project)
    result = build_site(project, project / "output")
    assert result.returncode == 0, result.stderr
    return project / "output"


def test_no_sentinel_reaches_the_output(site_with_sentinels):
    files = [p for p in site_with_sentinels.rglob("*") if p.is_file()]
    assert len(files) > 100
    leaks = []
    for path in files:
        for blob in readable_bytes(path):
            lowered = blob.lower()
            leaks += [
                (path.relative_to(site_with_sentinels).as_posix(), s)
                for s in SENTINELS
                if s.lower().encode() in lowered
            ]
    assert leaks == []


def test_the_planted_profile_was_published(site_with_sentinels):
    """Control: the profile carrying the sentinels did reach every output."""
    page = (site_with_sentinels / "organizaciones" / "control-privacidad" / "index.html").read_text("utf-8")
    assert "Organización Control de Privacidad" in page and "Persona Con Consentimiento" in page
    assert (site_with_sentinels / "organizaciones" / "control-privacidad" / "logo.png").is_file()
    for name in ("organizaciones.csv", "organizaciones.json", "hsds.json"):
        assert "Organización Control de Privacidad" in (site_with_sentinels / "datos" / name).read_text(
            "utf-8"
        )
    assert "301-555" not in page and "20.123.456" not in page


def test_referente_without_consent_fails_validation(tmp_path):
    project = copy_project(tmp_path)
    for consent, _line in (("", None), ("consentimiento: false", "consentimiento")):
        text = PROFILE.replace("    consentimiento: true\n", f"    {consent}\n" if consent else "")
        text = text.replace("logo: logos/control-privacidad.png\n", "")
        (project / "organizaciones" / "control-privacidad.yml").write_text(text, "utf-8")
        result = cmosc("--raiz", str(project), "validar")
        assert result.returncode == 1
        assert "organizaciones/control-privacidad.yml:" in result.stderr
        assert "referentes[1]" in result.stderr
    output = tmp_path / "salida"
    assert build_site(project, output).returncode == 1
    assert not output.exists()


def test_published_filters_every_private_field():
    private = [path for path, field in walk() if not field.public]
    assert private == ["notas_internas"]
    data = {
        "nombre": "X",
        "notas_internas": "secreto",
        "desconocido": "también se descarta",
        "referentes": [{"nombre": "A", "consentimiento": True}],
    }
    assert published(data) == {"nombre": "X", "referentes": [{"nombre": "A", "consentimiento": True}]}
    # What has nothing to leave out is shared with the validated data, not copied.
    assert published(data)["referentes"] is data["referentes"]
    public = {"nombre": "X", "sedes": [{"direccion": "Y"}]}
    assert published(public) is public
    assert not any(p.startswith("notas_internas") for p in published_paths())
    text = "Hola <!-- nota para el equipo --> mundo\n<!-- sin cerrar: todo lo que sigue se oculta"
    assert published({"descripcion": text}) == {"descripcion": "Hola  mundo"}
