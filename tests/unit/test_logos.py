"""Logos: checked (type, weight, dimensions) when validating; resized, stripped of
metadata and written deterministically when building; shown with width and height."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from conftest import ROOT, copy_project
from PIL import Image

from cmosc.profiles.catalog import load_catalog
from cmosc.profiles.checks import logo_problem
from cmosc.profiles.logos import MAX_SIDE, describe, image_problem, optimize


def save(path: Path, size=(300, 200), fmt="PNG", **kw) -> Path:
    image = Image.new("RGB", size, (11, 79, 138))
    image.save(path, fmt, **kw)
    return path


def test_valid_logo(tmp_path):
    assert image_problem(save(tmp_path / "ok.png")) is None
    assert logo_problem(tmp_path, "ok.png") is None


@pytest.mark.parametrize(
    "make, code",
    [
        (lambda p: p.write_text("no soy una imagen"), "logo_formato"),
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 40), "logo_formato"),  # header only
        (lambda p: save(p, (8, 8)), "logo_dimensiones"),
        (lambda p: save(p, (4200, 20)), "logo_dimensiones"),
        (lambda p: save(p, fmt="GIF"), "logo_formato"),
    ],
)
def test_rejected_logos(tmp_path, make, code):
    path = tmp_path / "logo.png"
    make(path)
    problem = logo_problem(tmp_path, "logo.png")
    assert problem is not None and problem.code == code


def test_truncated_image_is_rejected(tmp_path):
    raw = io.BytesIO()
    Image.effect_noise((200, 200), 60).convert("RGB").save(raw, "PNG")
    (tmp_path / "cortado.png").write_bytes(raw.getvalue()[: len(raw.getvalue()) // 2])
    assert logo_problem(tmp_path, "cortado.png").code == "logo_formato"


def test_heavy_logo_is_rejected(tmp_path):
    Image.effect_noise((1000, 1000), 120).convert("RGB").save(tmp_path / "pesado.png", "PNG")
    assert (tmp_path / "pesado.png").stat().st_size > 500 * 1024
    assert logo_problem(tmp_path, "pesado.png").code == "logo_grande"


def test_optimized_logo_is_small_deterministic_and_without_metadata(tmp_path):
    exif = Image.Exif()
    exif[0x010E] = "SECRETO-EXIF"  # ImageDescription
    path = save(tmp_path / "foto.jpg", (1024, 512), "JPEG", exif=exif.tobytes())
    logo = describe(path)
    assert (logo.ext, logo.ancho, logo.alto) == ("jpg", MAX_SIDE, 128)
    assert logo.mostrado == (128, 64)
    first = optimize(logo)
    assert optimize(logo) == first
    assert b"SECRETO-EXIF" not in first
    with Image.open(io.BytesIO(first)) as out:
        assert out.size == (256, 128) and out.format == "JPEG"
    small = save(tmp_path / "chico.webp", (100, 60), "WEBP")
    assert (describe(small).ancho, describe(small).alto) == (100, 60)  # never enlarged
    with Image.open(io.BytesIO(optimize(describe(small)))) as out:
        assert out.format == "WEBP"


def test_profile_with_bad_logo_fails_validation_with_position(tmp_path):
    project = copy_project(tmp_path)
    (project / "organizaciones" / "logos" / "roto.png").write_text("no es imagen")
    profile = project / "organizaciones" / "fundacion-latidos.yml"
    profile.write_text(profile.read_text("utf-8") + "logo: logos/roto.png\n", "utf-8")
    catalog = load_catalog(project, today=date(2026, 11, 25))
    [problem] = catalog.errors
    assert problem.archivo == "organizaciones/fundacion-latidos.yml" and problem.campo == "logo"
    assert problem.linea == len(profile.read_text("utf-8").splitlines()) and problem.columna == 7
    assert problem.mensaje == "«logos/roto.png» no es una imagen PNG, JPG o WebP válida."


def test_sample_logos_in_the_built_site(built_site):
    logos = sorted((ROOT / "organizaciones" / "logos").glob("*.png"))
    assert len(logos) >= 2
    for source in logos:
        slug = source.stem
        published = built_site / "organizaciones" / slug / "logo.png"
        with Image.open(published) as image:
            assert max(image.size) <= MAX_SIDE
            width, height = image.size
        page = (built_site / "organizaciones" / slug / "index.html").read_text("utf-8")
        [img] = re.findall(r'<img class="perfil__logo"[^>]*>', page)
        assert f'src="/organizaciones/{slug}/logo.png"' in img
        w, h = (int(v) for v in re.search(r'width="(\d+)" height="(\d+)"', img).groups())
        assert abs(w / h - width / height) < 0.02 and max(w, h) == 128
        name = re.search(r"<h1>([^<]*)", page).group(1).strip()
        assert f'alt="{name}"' in img
    # Only referenced logos are published, never the source folder.
    assert not (built_site / "organizaciones" / "logos").exists()


def test_impossible_paths_are_missing_logos(tmp_path):
    for value in ("logo\x00.png", "a" * 5000 + ".png", "../fuera.png", "/etc/passwd"):
        assert logo_problem(tmp_path, value).code == "logo_falta", value
