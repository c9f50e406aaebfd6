"""Render the staff report as Markdown, a standalone HTML page or JSON."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import TYPE_CHECKING

from markupsafe import escape

if TYPE_CHECKING:  # the CLI lists the formats without loading the report's model
    from cmosc.staff.report import Report

TITLE = "Informe del equipo del CMOSC"


def sections(report: Report) -> list[tuple[str, str, list[str]]]:
    """(title, intro, items as plain text) shared by the Markdown and HTML renderers."""

    def org(o):
        return f"{o.nombre} (organizaciones/{o.slug}.yml)"

    out = [
        (
            "Perfiles verificados que cambiaron después: volver a verificar",
            "Al verificarlos, actualizá «verificado» y borrá «sin_verificar_desde».",
            [
                f"{org(o)}: verificado el {v.isoformat()}, cambió el {c.isoformat()}"
                for o, v, c in report.a_reverificar
            ],
        ),
        (
            "Datos sin verificar en los últimos 12 meses",
            f"{len(report.desactualizadas)} de {report.total} perfiles.",
            [
                f"{org(o)}: " + (f"verificado el {d.isoformat()}" if d else "nunca verificado")
                for o, d in report.desactualizadas
            ],
        ),
    ]
    out.append(
        (
            "Cambios posteriores a la última verificación",
            f"Sin historial de git: {report.historial}."
            if report.historial
            else "Perfiles que cambiaron después de la fecha de «verificado»: confirmá los datos nuevos.",
            [
                f"{org(o)}: verificado el {d.isoformat()}; después: "
                + "; ".join(f"{c.fecha.isoformat()} {c.descripcion}" for c in changes)
                for o, d, changes in report.cambios_sin_verificar
            ],
        )
    )
    out.append(
        (
            "Necesidades sin confirmar en los últimos 12 meses",
            "Necesidades de perfiles sin verificar en un año: preguntá si siguen vigentes.",
            [
                f"{org(o)}, {tipo}: {texto} ("
                + (f"verificado el {d.isoformat()}" if d else "nunca verificado")
                + ")"
                for o, d, tipo, texto in report.necesidades_viejas
            ],
        )
    )
    out.append(
        (
            "Perfiles incompletos",
            "La página pública ya no muestra cuán completo está cada perfil: acá está, del menos al más completo.",
            [f"{org(o)}: {pct} %; falta {', '.join(faltan)}" for o, pct, faltan in report.completitud],
        )
    )
    for label, orgs in report.incompletas.items():
        out.append((f"Perfiles sin {label}", f"{len(orgs)} perfiles.", [org(o) for o in orgs]))
    out.append(
        (
            "Posibles duplicados",
            "Pares que parecen la misma organización; revisalos y unificalos.",
            [f"{org(a)} y {org(b)}: {motivo}" for a, b, motivo in report.duplicados],
        )
    )
    for title, rows in report.conteos.items():
        out.append(
            (f"Cantidad de organizaciones {title.casefold()}", "", [f"{name}: {n}" for name, n in rows])
        )
    for label, items in report.necesidades_compartidas:
        out.append(
            (
                f"Necesidad compartida: {label}",
                f"{len({o.slug for o, _ in items})} organizaciones; una base para estrategias comunes.",
                [f"{o.nombre}: {text}" for o, text in items],
            )
        )
    out.append(
        (
            "Horarios que no se pudieron leer",
            "Se publican tal como están escritos, sin «abierto ahora». Reescribilos como días y "
            "franjas, por ejemplo «lunes a viernes de 9 a 13».",
            [
                f"{h.archivo}:{h.linea}: {h.campo}: «{h.texto}» ({h.motivo})"
                for h in report.horarios_ilegibles
            ],
        )
    )
    if report.con_errores:
        out.insert(
            0,
            (
                "Perfiles con errores (no se incluyen en este informe)",
                "Corré «cmosc validar» para ver los errores.",
                report.con_errores,
            ),
        )
    return out


def to_markdown(report: Report) -> str:
    lines = [f"# {TITLE}", "", f"Fecha: {report.fecha.isoformat()}. Perfiles válidos: {report.total}.", ""]
    for title, intro, items in sections(report):
        lines += [f"## {title}", ""]
        if intro:
            lines += [intro, ""]
        lines += [f"- {item}" for item in items] or ["Ninguno."]
        lines.append("")
    return "\n".join(lines)


def to_html(report: Report) -> str:
    parts = [
        "<!doctype html>",
        '<html lang="es-AR">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="robots" content="noindex, nofollow">',
        f"<title>{TITLE}</title>",
        "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;line-height:1.5}"
        "h2{border-top:1px solid #ccc;padding-top:1rem}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{TITLE}</h1>",
        f"<p>Fecha: {report.fecha.isoformat()}. Perfiles válidos: {report.total}.</p>",
    ]
    for title, intro, items in sections(report):
        parts.append(f"<section><h2>{escape(title)}</h2>")
        if intro:
            parts.append(f"<p>{escape(intro)}</p>")
        if items:
            parts.append("<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>")
        else:
            parts.append("<p>Ninguno.</p>")
        parts.append("</section>")
    parts += ["</main>", "</body>", "</html>", ""]
    return "\n".join(parts)


def to_json(report: Report) -> str:
    data = asdict(report)
    data["duplicados"] = [{"a": a, "b": b, "motivo": m} for a, b, m in data["duplicados"]]
    data["desactualizadas"] = [{**o, "verificado": d} for o, d in data["desactualizadas"]]
    data["necesidades_compartidas"] = [
        {"necesidad": n, "organizaciones": [{**o, "descripcion": t} for o, t in items]}
        for n, items in data["necesidades_compartidas"]
    ]
    data["cambios_sin_verificar"] = [
        {**o, "verificado": d, "cambios": changes} for o, d, changes in data["cambios_sin_verificar"]
    ]
    data["necesidades_viejas"] = [
        {**o, "verificado": d, "tipo": t, "descripcion": x} for o, d, t, x in data["necesidades_viejas"]
    ]
    data["completitud"] = [{**o, "porcentaje": n, "faltan": f} for o, n, f in data["completitud"]]
    data["conteos"] = {k: [{"nombre": n, "cantidad": c} for n, c in v] for k, v in data["conteos"].items()}
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"


RENDERERS = {"md": to_markdown, "html": to_html, "json": to_json}
