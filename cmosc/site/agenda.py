"""Upcoming trainings and open program calls, decided by the build's reference date.

Never the wall clock: the same input and reference date give the same pages.
"""

from __future__ import annotations

from datetime import date


def _day(value) -> str:
    """ISO text of a metadata date or datetime, comparable as a string with a date."""
    return str(value or "")[:10]


def has_started(article, today: date) -> bool:
    """A training whose first day is before the reference date."""
    return _day(getattr(article, "inicio", None)) < today.isoformat()


def _trainings(articles) -> list:
    return [a for a in articles if a.category.name == "capacitaciones"]


def upcoming_trainings(articles, today: date, limit: int | None = None) -> list:
    """Trainings starting today or later, soonest first."""
    chosen = [a for a in _trainings(articles) if not has_started(a, today)]
    chosen.sort(key=lambda a: (str(a.inicio), a.slug))
    return chosen[:limit] if limit else chosen


def past_trainings(articles, today: date) -> list:
    """Trainings already started, most recent first."""
    chosen = [a for a in _trainings(articles) if has_started(a, today)]
    return sorted(chosen, key=lambda a: (str(getattr(a, "inicio", "")), a.slug), reverse=True)


def open_calls(articles, today: date) -> list:
    """Programs whose call is open on the reference date, closing soonest first."""
    today_iso = today.isoformat()
    chosen = [
        a
        for a in articles
        if a.category.name == "programas"
        and _day(getattr(a, "convocatoria_abre", None))
        <= today_iso
        <= _day(getattr(a, "convocatoria_cierra", None) or "9999")
    ]
    return sorted(chosen, key=lambda a: (_day(getattr(a, "convocatoria_cierra", None)) or "9999", a.slug))


def call_state(article, today: date) -> str:
    """ "abierta", "proxima", "cerrada" or "" (no call dates) for a program."""
    abre, cierra = (
        _day(getattr(article, "convocatoria_abre", None)),
        _day(getattr(article, "convocatoria_cierra", None)),
    )
    today_iso = today.isoformat()
    if not abre and not cierra:
        return ""
    if abre and today_iso < abre:
        return "proxima"
    if cierra and today_iso > cierra:
        return "cerrada"
    return "abierta"
