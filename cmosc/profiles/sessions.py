"""The sessions of a training: `Sesiones: 2026-09-15T18:00/20:00, 2026-09-22T18:00/20:00`.

Each session is a start (AAAA-MM-DDTHH:MM, Tucumán time) and an end, either a time the
same day (`/20:00`) or a full date and time. A training without `Sesiones` is one session
from `Inicio` to `Fin` (two hours when `Fin` is missing).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from cmosc.profiles.checks import Problem

DEFAULT_LENGTH = timedelta(hours=2)
_SPLIT = re.compile(r"\s*[,;]\s*")


@dataclass(frozen=True)
class Session:
    start: datetime  # naive, Tucumán local time
    end: datetime


class SessionError(ValueError):
    """A session that cannot be read; `problem` names its `messages.CATALOG` code."""

    def __init__(self, problem: Problem):
        super().__init__(problem.code)
        self.problem = problem


def _session(text: str) -> Session:
    start_text, _, end_text = text.partition("/")
    try:
        start = datetime.fromisoformat(start_text.strip())
        if not end_text:
            return Session(start, start + DEFAULT_LENGTH)
        end_text = end_text.strip()
        if "T" in end_text:
            end = datetime.fromisoformat(end_text)
        else:
            end = datetime.combine(start.date(), time.fromisoformat(end_text))
    except ValueError:
        raise SessionError(Problem("sesion_invalida", {"valor": text})) from None
    if end <= start:
        raise SessionError(Problem("sesion_al_reves", {"valor": text}))
    return Session(start, end)


def parse_sessions(text: str) -> list[Session]:
    sessions = [_session(part) for part in _SPLIT.split(text.strip()) if part]
    if not sessions:
        raise SessionError(Problem("sin_sesiones"))
    return sorted(sessions, key=lambda s: s.start)


def training_sessions(sesiones: str | None, inicio: str | None, fin: str | None) -> list[Session]:
    """Every session of a training from its metadata (already checked by `content_check`)."""
    if sesiones:
        return parse_sessions(sesiones)
    if not inicio:
        return []
    start = datetime.fromisoformat(str(inicio))
    return [Session(start, datetime.fromisoformat(str(fin)) if fin else start + DEFAULT_LENGTH)]
