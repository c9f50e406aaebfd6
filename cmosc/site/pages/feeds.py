"""Atom feeds: `/capacitaciones/atom.xml` (every training, newest first) and
`/programas/convocatorias.atom.xml` (calls open on the build's reference date).

Written with feedgenerator (Pelican's own feed writer). Deterministic: entry dates come
from the content, and an empty feed is dated by the reference date, never the clock.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from feedgenerator import Atom1Feed

from cmosc.site import agenda
from cmosc.site.context import FileSpec, Site

TRAININGS = "capacitaciones/atom.xml"
CALLS = "programas/convocatorias.atom.xml"
FEEDS = {
    TRAININGS: "Capacitaciones del CMOSC",
    CALLS: "Convocatorias abiertas para organizaciones sociales",
}


class _DatedFeed(Atom1Feed):
    def __init__(self, *args, empty_date: datetime, **kwargs):
        super().__init__(*args, **kwargs)
        self._empty_date = empty_date

    def latest_post_date(self):
        return super().latest_post_date() if self.items else self._empty_date


def _moment(value) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return datetime.combine(date.fromisoformat(str(value)[:10]), time(0, 0), tzinfo=UTC)


def _feed(site: Site, save_as: str, subtitle: str, items: list[tuple]) -> FileSpec:
    base = site.url_canonica
    feed = _DatedFeed(
        FEEDS[save_as],
        f"{base}/{save_as.rsplit('/', 1)[0]}/",
        subtitle,
        language="es-AR",
        feed_url=f"{base}/{save_as}",
        author_name=site.settings.get("CMOSC_NOMBRE") or "CMOSC",
        empty_date=_moment(site.today),
    )
    for article, updated, description in items:
        url = f"{base}/{article.url}"
        feed.add_item(
            article.title,
            url,
            description,
            unique_id=url,
            pubdate=_moment(article.date),
            updateddate=updated,
        )
    return FileSpec(save_as, feed.writeString("utf-8").encode("utf-8"))


def _summary(article) -> str:
    return str(getattr(article, "summary", "") or "")


def feeds(site: Site, context: dict):
    articles = context.get("articles", [])
    trainings = sorted(
        (a for a in articles if a.category.name == "capacitaciones"),
        key=lambda a: (_moment(a.date), a.slug),
        reverse=True,
    )
    yield _feed(
        site,
        TRAININGS,
        "Capacitaciones gratuitas para organizaciones sociales de San Miguel de Tucumán.",
        [(a, _moment(a.date), _summary(a)) for a in trainings],
    )
    calls = agenda.open_calls(articles, site.today)
    yield _feed(
        site,
        CALLS,
        "Programas con convocatoria abierta; cada entrada dice hasta cuándo.",
        [
            (
                a,
                _moment(a.convocatoria_abre),
                f"Convocatoria abierta hasta el {a.convocatoria_cierra}. {_summary(a)}".strip(),
            )
            for a in calls
        ],
    )
