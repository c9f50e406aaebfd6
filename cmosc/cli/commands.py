"""Registry of `cmosc` subcommands: each module exposes `register(subparsers)`."""

from __future__ import annotations

from cmosc.cli import build, derive, export, format, import_sheet, new, report, serve, validate

REGISTRY = [
    validate.register,
    build.register,
    serve.register,
    new.register,
    format.register,
    import_sheet.register,
    report.register,
    export.register,
    derive.register,
]
