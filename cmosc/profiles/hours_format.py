"""Hours written out: the canonical Spanish text, the week by day, OpenStreetMap
`opening_hours`, schema.org `OpeningHoursSpecification` and HSDS `schedule` parts.

Every output reads `Hours` from `cmosc.profiles.hours`; none of them parses text.
"""

from __future__ import annotations

from functools import cache

from cmosc.profiles.hours import ALL_WEEK, DAY, DAY_NAMES, DAY_PLURALS, MONTH_NAMES, Hours, Rule, parse

ORDINAL_NAMES = {1: "primer", 2: "segundo", 3: "tercer", 4: "cuarto", 5: "quinto", -1: "último"}
OSM_DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
OSM_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
SCHEMA_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _clock(minutes: int) -> str:
    hours, rest = divmod(minutes % DAY if minutes != DAY else DAY, 60)
    return f"{hours}:{rest:02d}" if rest else str(hours)


def _interval_text(interval: tuple[int, ...]) -> str:
    if interval == (0, DAY):
        return "las 24 horas"
    if len(interval) == 1:
        return f"{'a la' if interval[0] // 60 == 1 else 'a las'} {_clock(interval[0])}"
    return f"de {_clock(interval[0])} a {_clock(interval[1])}"


def _intervals_text(intervals) -> str:
    return _join([_interval_text(i) for i in intervals])


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " y " + items[-1]


def _runs(numbers: tuple[int, ...]) -> list[list[int]]:
    runs: list[list[int]] = []
    for n in numbers:
        if runs and runs[-1][-1] == n - 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return runs


def _days_text(days: tuple[int, ...]) -> str:
    if days == ALL_WEEK:
        return "todos los días"
    items = []
    for run in _runs(days):
        if len(run) >= 3:
            items.append(f"{DAY_NAMES[run[0] - 1]} a {DAY_NAMES[run[-1] - 1]}")
        else:
            items += [DAY_PLURALS[d - 1] for d in run]
    return _join(items)


def _months_text(months: tuple[int, ...]) -> str:
    runs = _runs(months)
    if len(runs) == 2 and runs[0][0] == 1 and runs[-1][-1] == 12 and len(months) >= 3:
        runs = [runs[1] + runs[0]]  # «de diciembre a febrero»
    if len(runs) == 1 and len(runs[0]) >= 3:
        return f"de {MONTH_NAMES[runs[0][0] - 1]} a {MONTH_NAMES[runs[0][-1] - 1]}"
    return "en " + _join([MONTH_NAMES[m - 1] for m in months])


def _qualifier(rule: Rule) -> str:
    parts = []
    if rule.ordinals:
        names = _join([ORDINAL_NAMES[n] for n in rule.ordinals])
        parts.append(f"{names} {DAY_NAMES[rule.days[0] - 1]} de cada mes")
    if rule.months:
        parts.append(_months_text(rule.months))
    return ", ".join(parts)


def _rule_text(rule: Rule) -> str:
    when = _intervals_text(rule.intervals)
    if rule.ordinals:
        days = _qualifier(Rule(rule.days, rule.intervals, rule.ordinals))
    else:
        days = _days_text(rule.days)
    text = f"{days} {when}"
    return f"{_months_text(rule.months)}, {text}" if rule.months else text


def canonical(hours: Hours) -> str:
    clauses = [_rule_text(r) for r in hours.rules]
    if hours.closed:
        clauses.append(f"cerrado {_months_text(hours.closed)}")
    text = "; ".join(clauses)
    return text[:1].upper() + text[1:]


def _osm_range(numbers: tuple[int, ...], names: tuple[str, ...]) -> str:
    return ",".join(
        names[r[0] - 1] if len(r) == 1 else f"{names[r[0] - 1]}{'-' if len(r) > 2 else ','}{names[r[-1] - 1]}"
        for r in _runs(numbers)
    )


@cache  # a few distinct times, asked for by every profile page, map point and export row
def _osm_time(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _osm_months(months: tuple[int, ...]) -> str:
    runs = _runs(months)
    if len(runs) == 2 and runs[0][0] == 1 and runs[-1][-1] == 12:
        first, last = runs[1][0], runs[0][-1]
        return f"{OSM_MONTHS[first - 1]}-{OSM_MONTHS[last - 1]}"
    return _osm_range(months, OSM_MONTHS)


def osm(hours: Hours) -> str | None:
    """OpenStreetMap `opening_hours`. Rules are joined with «,» (additional rules) because in
    Spanish «lunes a viernes de 9 a 13 y lunes de 16 a 18» adds hours; closures override last."""
    if not hours.readable or not hours.rules:
        return None
    rules = []
    for rule in hours.rules:
        days = _osm_range(rule.days, OSM_DAYS)
        if rule.ordinals:
            days += "[" + ",".join(str(n) for n in rule.ordinals) + "]"
        times = ",".join(
            f"{_osm_time(i[0])}+" if len(i) == 1 else f"{_osm_time(i[0])}-{_osm_time(i[1] % DAY or DAY)}"
            for i in rule.intervals
        )
        prefix = f"{_osm_months(rule.months)} " if rule.months else ""
        rules.append(f"{prefix}{days} {times}")
    text = ", ".join(rules)
    if hours.closed:
        text += f"; {_osm_months(hours.closed)} off"
    return text


def by_day(hours: Hours) -> list[tuple[str, list[str]]]:
    """The week for a table: (day name, what happens that day), Monday to Sunday."""
    week = []
    for number, name in enumerate(DAY_NAMES, 1):
        parts = []
        for rule in hours.rules:
            if number in rule.days:
                when = _intervals_text(rule.intervals)
                if rule.ordinals or rule.months:
                    when = f"{_qualifier(rule)}, {when}"
                parts.append(when)
        week.append((name, parts))
    return week


def closures_text(hours: Hours) -> str | None:
    return f"Cerrado {_months_text(hours.closed)}" if hours.closed else None


def _hhmm(minutes: int) -> str:
    return _osm_time(minutes % DAY or (DAY if minutes else 0))


def schema_org(hours: Hours) -> list[dict]:
    """schema.org `OpeningHoursSpecification`s: weekly opening and closing times. Monthly
    ordinals, seasons and start-only times have no schema.org form and are left to the text;
    `closes` before `opens` means the next day, as schema.org defines it."""
    specs = []
    for rule in hours.rules:
        if rule.ordinals or rule.months:
            continue
        for interval in rule.intervals:
            if len(interval) == 2:
                specs.append(
                    {
                        "@type": "OpeningHoursSpecification",
                        "dayOfWeek": [f"https://schema.org/{SCHEMA_DAYS[d - 1]}" for d in rule.days],
                        "opens": _hhmm(interval[0]),
                        "closes": "23:59" if interval[1] == DAY else _hhmm(interval[1]),
                    }
                )
    return specs


def rrule_parts(rule: Rule) -> dict:
    """RFC 5545 recurrence of a rule, as HSDS `schedule` spells it (freq, byday)."""
    codes = [OSM_DAYS[d - 1].upper() for d in rule.days]
    if rule.ordinals:
        return {"freq": "MONTHLY", "byday": ",".join(f"{n}{c}" for n in rule.ordinals for c in codes)}
    return {"freq": "WEEKLY", "byday": ",".join(codes)}


def season_text(rule: Rule) -> str | None:
    return _months_text(rule.months).capitalize() if rule.months else None


def rewritten(text: str) -> str:
    """What `cmosc formatear` and the import write: the canonical form, or the text as it was."""
    parsed = parse(text)
    return canonical(parsed) if parsed.readable else text
