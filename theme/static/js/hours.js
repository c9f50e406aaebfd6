/*!
 * CMOSC — opening hours in the browser: «abierto ahora», next opening, today.
 *
 * Pure functions, no DOM and no build date: "now" is always the caller's Date,
 * read on America/Argentina/Tucuman's clock with Intl.DateTimeFormat. Shared by
 * profiles, search, listings and the map; in Node (tests, benchmarks):
 *   var H = require('.../hours.js')
 * in the browser: window.CMOSCHours.
 *
 * Hours come as the compact JSON of cmosc/profiles/hours.py (`Hours.as_json`):
 *   {"r": [{"d": [1,2,3,4,5], "t": [[540,750],[960,1200]], "n": [-1], "m": [6,7]}], "x": [1]}
 *   d  ISO weekdays (1 = Monday … 7 = Sunday)
 *   t  intervals in minutes after midnight; an end past 1440 is the next day;
 *      a one-item interval is a start time only (never "open", but an opening)
 *   n  optional: which weekday of the month (1…5, -1 = last)
 *   m  optional: months (1…12) when the rule applies
 *   x  optional: months closed
 *
 * API:
 *   localDay(date)               → {y, m, d, wd, minutes} on Tucumán's clock
 *   status(hours, date)          → {open: true, closes: {days, at}} or
 *                                  {open: false, opens: {days, minutes} | null}
 *                                  (`days` counted from today), or null with no rules
 *   isOpen(listOfHours, date)    → true when any of them is open (an organization
 *                                  with several sedes)
 *   describe(status, date)       → «Abierto ahora · cierra a las 18:30»,
 *                                  «Cerrado · abre el lunes a las 9»
 *   summary(listOfHours, date)   → describe() of the best status of several sedes
 *   (status, isOpen, describe and summary take an optional third argument, the
 *   localDay(date) already read: one clock reading for a list of many)
 */
(function (root, factory) {
  if (typeof module === 'object' && module && module.exports) {
    module.exports = factory()
  } else {
    root.CMOSCHours = factory()
  }
}(typeof self !== 'undefined' ? self : this, function () {
  'use strict'

  var ZONE = 'America/Argentina/Tucuman'
  var DAY = 1440
  var SEARCH_DAYS = 400 // a closure or a season can push the next opening months ahead
  var WEEKDAYS = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 }
  var DAY_NAMES = ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo']
  var MONTH_NAMES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio',
    'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre']

  var clock = null

  function localDay (date) {
    if (!clock) {
      clock = new Intl.DateTimeFormat('en-US', {
        timeZone: ZONE,
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        weekday: 'short',
        hourCycle: 'h23'
      })
    }
    var parts = {}
    clock.formatToParts(date).forEach(function (p) { parts[p.type] = p.value })
    var day = {
      y: +parts.year,
      m: +parts.month,
      d: +parts.day,
      wd: WEEKDAYS[parts.weekday],
      minutes: (+parts.hour % 24) * 60 + (+parts.minute)
    }
    day.dim = daysInMonth(day)
    return day
  }

  // The calendar day `offset` days after `day` (calendar arithmetic only).
  function shift (day, offset) {
    var t = new Date(Date.UTC(day.y, day.m - 1, day.d + offset))
    var wd = t.getUTCDay()
    var day = { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), wd: wd === 0 ? 7 : wd }
    day.dim = daysInMonth(day)
    return day
  }

  function daysInMonth (day) {
    return new Date(Date.UTC(day.y, day.m, 0)).getUTCDate()
  }

  function has (list, value) {
    return !!list && list.indexOf(value) !== -1
  }

  function applies (rule, hours, day) {
    if (!has(rule.d, day.wd) || has(hours.x, day.m)) return false
    if (rule.m && !has(rule.m, day.m)) return false
    if (!rule.n) return true
    var nth = Math.ceil(day.d / 7)
    var last = day.d + 7 > day.dim
    return rule.n.some(function (n) { return n === nth || (n === -1 && last) })
  }

  // Intervals [start, end] of `day` and of the previous day's spill past midnight,
  // both in minutes of `day` (a spill starts below zero).
  function intervalsAround (hours, day) {
    var found = []
    var before = shift(day, -1)
    hours.r.forEach(function (rule) {
      rule.t.forEach(function (t) {
        if (t.length !== 2) return
        if (applies(rule, hours, day)) found.push([t[0], t[1]])
        if (t[1] > DAY && applies(rule, hours, before)) found.push([t[0] - DAY, t[1] - DAY])
      })
    })
    return found
  }

  function closingTime (hours, day, minutes) {
    var end = null
    intervalsAround(hours, day).forEach(function (t) {
      if (t[0] <= minutes && minutes < t[1] && (end === null || t[1] > end)) end = t[1]
    })
    if (end === null) return null
    // Back-to-back intervals (20 a 24 and 0 a 8 the next day) close at the last end.
    for (var guard = 0; guard < 7; guard++) {
      var dayOffset = Math.floor(end / DAY)
      var later = intervalsAround(hours, shift(day, dayOffset))
      var local = end - dayOffset * DAY
      var next = null
      later.forEach(function (t) {
        if (t[0] <= local && local < t[1] && (next === null || t[1] > next)) next = t[1]
      })
      if (next === null) break
      end = next + dayOffset * DAY
    }
    // `at` is in minutes of today (past 1440 on a later day); ending at 24 is still today.
    return { days: Math.floor((end - 1) / DAY), at: end }
  }

  function nextOpening (hours, today, minutes) {
    for (var k = 0; k < SEARCH_DAYS; k++) {
      var day = shift(today, k)
      var best = null
      hours.r.forEach(function (rule) {
        if (!applies(rule, hours, day)) return
        rule.t.forEach(function (t) {
          if ((k > 0 || t[0] > minutes) && (best === null || t[0] < best)) best = t[0]
        })
      })
      if (best !== null) return { days: k, minutes: best }
    }
    return null
  }

  function status (hours, date, local) {
    if (!hours || !hours.r || !hours.r.length) return null
    var now = local || localDay(date)
    var closes = closingTime(hours, now, now.minutes)
    if (closes) return { open: true, closes: closes }
    return { open: false, opens: nextOpening(hours, now, now.minutes) }
  }

  // Open at `minutes` of `day` (`before` is the day before, for spills past midnight);
  // the filter's fast path: no closing time, no allocation.
  function openAt (hours, day, before, minutes) {
    for (var i = 0; i < hours.r.length; i++) {
      var rule = hours.r[i]
      for (var j = 0; j < rule.t.length; j++) {
        var t = rule.t[j]
        if (t.length !== 2) continue
        if (t[0] <= minutes && minutes < t[1] && applies(rule, hours, day)) return true
        if (t[1] > DAY && minutes < t[1] - DAY && applies(rule, hours, before)) return true
      }
    }
    return false
  }

  function isOpen (list, date, local) {
    var now = local || localDay(date)
    if (!now.before) now.before = shift(now, -1)
    for (var i = 0; i < list.length; i++) {
      if (list[i] && list[i].r && openAt(list[i], now, now.before, now.minutes)) return true
    }
    return false
  }

  function time (minutes) {
    if (minutes % DAY === 0) return 'a la medianoche'
    var h = Math.floor(minutes / 60) % 24
    var m = minutes % 60
    return (h === 1 ? 'a la ' : 'a las ') + h + (m ? ':' + (m < 10 ? '0' : '') + m : '')
  }

  function when (days, today) {
    if (days === 0) return 'hoy'
    if (days === 1) return 'mañana'
    var day = shift(today, days)
    var name = 'el ' + DAY_NAMES[day.wd - 1]
    return days < 7 ? name : name + ' ' + day.d + ' de ' + MONTH_NAMES[day.m - 1]
  }

  function describe (s, date, local) {
    if (!s) return null
    var now = local || localDay(date)
    if (s.open) {
      var day = s.closes.days === 0 ? '' : when(s.closes.days, now) + ' '
      return 'Abierto ahora · cierra ' + day + time(s.closes.at)
    }
    if (!s.opens) return 'Cerrado'
    return 'Cerrado · abre ' + when(s.opens.days, now) + ' ' + time(s.opens.minutes)
  }

  function summary (list, date, local) {
    var now = local || localDay(date)
    var best = null
    list.forEach(function (hours) {
      var s = status(hours, date, now)
      if (!s) return
      if (!best || (s.open && (!best.open || s.closes.at > best.closes.at)) ||
          (!s.open && !best.open && s.opens && (!best.opens ||
            s.opens.days * DAY + s.opens.minutes < best.opens.days * DAY + best.opens.minutes))) {
        best = s
      }
    })
    return describe(best, date, now)
  }

  return {
    ZONE: ZONE,
    localDay: localDay,
    status: status,
    isOpen: isOpen,
    describe: describe,
    summary: summary
  }
}))
