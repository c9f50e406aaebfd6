"""The CMOSC is visible: name, address, phone, hours, e-mail and logo from settings, everywhere they belong."""

from __future__ import annotations

import re
from urllib.parse import unquote

from conftest import build_site, copy_project

from support.html_tree import page


def hrefs(node) -> list[str]:
    return [a.attrs.get("href", "") for a in node.find_all("a")]


def test_footer_print_header_about_and_join_pages_use_the_settings(tmp_path):
    project = copy_project(tmp_path)
    with open(project / "pelicanconf.py", "a", encoding="utf-8") as conf:
        conf.write(
            '\nCMOSC_DIRECCION = "Av. Siempre Viva 742"\nCMOSC_TELEFONO = "0381 455-1000"\n'
            'CMOSC_WHATSAPP = "381 15 600-7000"\nCMOSC_CORREO = "cmosc@muni.example"\n'
            'CMOSC_HORARIO = "Lunes a viernes de 7 a 14"\n'
        )
    output = project / "output"
    assert build_site(project, output).returncode == 0
    for path in ("/", "/organizaciones/merendero-los-girasoles/", "/acerca/", "/sumar/"):
        doc = page(output, path)
        footer = doc.find("footer")
        assert "Av. Siempre Viva 742" in footer.text() and "Lunes a viernes de 7 a 14" in footer.text()
        assert {"tel:+543814551000", "https://wa.me/5493816007000", "mailto:cmosc@muni.example"} <= set(
            hrefs(footer)
        )
        assert footer.find("img").attrs["src"] == "/theme/img/municipio.svg"
        assert doc.find("header").find("img", class_="marca__escudo")
        printed = doc.find("div", class_="impresion-cabecera")
        assert "Av. Siempre Viva 742" in printed.text() and "0381 455-1000" in printed.text()
    about = page(output, "/acerca/").find("main")
    assert "tel:+543814551000" in hrefs(about) and "Av. Siempre Viva 742" in about.text()
    # /sumar/: phone, WhatsApp and e-mail with the data to send, before the GitHub form.
    join = page(output, "/sumar/").find("main")
    links = hrefs(join)
    whatsapp = next(h for h in links if h.startswith("https://wa.me/5493816007000?text="))
    mail = next(h for h in links if h.startswith("mailto:cmosc@muni.example?subject="))
    assert "Nombre de la organización:" in unquote(whatsapp) and "Dirección y barrio:" in unquote(mail)
    github = next(i for i, h in enumerate(links) if "github.com" in h and "sumar-organizacion" in h)
    assert links.index(whatsapp) < github and links.index("tel:+543814551000") < github
    assert "Av. Siempre Viva 742" in join.find("section", class_="vias").text()


def test_the_demo_notice_and_the_contact_block_print(built_site):
    css = (built_site / "theme" / "css" / "estilo.css").read_text(encoding="utf-8")
    print_rules = css[css.index("@media print") :]
    # The published CSS is minified: spaces are optional.
    hidden = re.search(r"([^{}]+)\{\s*display:\s*none;?\s*\}", print_rules).group(1)
    assert ".pie" in hidden and ".aviso" not in hidden and ".perfil__contacto" not in hidden
    assert re.search(r"\.impresion-cabecera\s*\{\s*display:\s*flex", print_rules)
