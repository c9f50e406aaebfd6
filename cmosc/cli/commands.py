"""Registry of `cmosc` subcommands: each module exposes `register(subparsers)`."""

from __future__ import annotations

from cmosc.cli import build, derive, export, format, import_sheet, new, report, validate

REGISTRY = [
    validate.register,
    build.register,
    new.register,
    format.register,
    import_sheet.register,
    report.register,
    export.register,
    derive.register,
]
