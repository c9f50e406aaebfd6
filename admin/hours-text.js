/*!
 * CMOSC — Spanish opening hours read in the web editor: the twin of
 * cmosc/profiles/hours.py (`parse`) and of the parts of cmosc/profiles/hours_format.py the
 * editor's preview shows (`canonical`, `byDay`, `closuresText`, `rewritten`). The Python
 * modules are the source of truth: tests/unit/test_hours_js.py runs this file in Node over
 * every phrase of the Python tests, every `horarios` of organizaciones/ and generated
 * variants, and fails where the two disagree. A change to one is a change to both.
 *
 * In the browser: window.CMOSCHoursText; in Node: require('.../hours-text.js').
 *   parse(text)        → {text, readable, rules: [{days, intervals, ordinals, months}],
 *                         closed, problem}  (as `Hours`; `problem` is Spanish)
 *   asJson(hours)      → the compact JSON of `Hours.as_json` (null when unreadable)
 *   canonical(hours)   → «Lunes a viernes de 9 a 13; cerrado en enero»
 *   byDay(hours)       → [[«lunes», [«de 9 a 13»]], …, [«domingo», []]]
 *   closuresText(hours) → «Cerrado en enero» or null
 *   rewritten(text)    → what `cmosc formatear` writes: the canonical form, or the text
 */
(function (root, factory) {
  if (typeof module === 'object' && module && module.exports) {
    module.exports = factory()
  } else {
    root.CMOSCHoursText = factory()
  }
}(typeof self !== 'undefined' ? self : this, function () {
  'use strict'

  var DAY = 1440
  var DAY_NAMES = ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo']
  var DAY_PLURALS = ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábados', 'domingos']
  var MONTH_NAMES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto',
    'septiembre', 'octubre', 'noviembre', 'diciembre']
  var ORDINAL_NAMES = { 1: 'primer', 2: 'segundo', 3: 'tercer', 4: 'cuarto', 5: 'quinto', '-1': 'último' }
  var ALL_WEEK = [1, 2, 3, 4, 5, 6, 7]

  // Python's str.isspace() characters (what its `\s` matches), so both read the same spaces.
  var SPACE = '[\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]'
  var WORD_END = '(?![\\p{L}\\p{N}_])' // Python's `\b` after a word character
  var TOKEN = new RegExp(
    '(?<ord>[1-5](?:er|ro|do|to|°|º))' +
    '|(?<allday>24' + SPACE + '*horas' + WORD_END + ')' +
    '|(?<time>[0-9]{1,2})(?:[:.h](?<min>[0-9]{2}))?(?:' + SPACE + '*(?:hs|h|hrs|horas)' + WORD_END + '\\.?)?' +
    '|(?<word>[a-zñ]+)\\.?' +
    '|(?<sep>[,;/()–—:.-])' +
    '|(?<space>' + SPACE + '+)' +
    '|(?<other>.)',
    'gu'
  )
  var KINDS = ['ord', 'allday', 'time', 'word', 'sep', 'space', 'other']
  var SPACES = new RegExp('^' + SPACE + '+|' + SPACE + '+$', 'gu')

  function stripAccents (text) {
    return text.normalize('NFD').replace(/\p{Mn}/gu, '')
  }

  function table (entries) {
    var map = new Map()
    entries.forEach(function (e) { map.set(e[0], e[1]) })
    return map
  }

  function numbered (names) {
    return names.map(function (n, i) { return [stripAccents(n), i + 1] })
  }

  // Folded words → meaning. «mar» is left out of the months: it is Tuesday.
  var DAYS = table(numbered(DAY_NAMES).concat(numbered(DAY_PLURALS), [
    ['lun', 1], ['mar', 2], ['mie', 3], ['mier', 3], ['jue', 4], ['vie', 5], ['sab', 6], ['dom', 7]
  ]))
  var MONTHS = table(numbered(MONTH_NAMES).concat([
    ['ene', 1], ['feb', 2], ['abr', 4], ['may', 5], ['jun', 6], ['jul', 7], ['ago', 8], ['sep', 9],
    ['sept', 9], ['set', 9], ['setiembre', 9], ['oct', 10], ['nov', 11], ['dic', 12]
  ]))
  var ORDINALS = table([
    ['primer', 1], ['primero', 1], ['primeros', 1], ['1er', 1], ['1ro', 1], ['segundo', 2], ['2do', 2],
    ['tercer', 3], ['tercero', 3], ['3er', 3], ['3ro', 3], ['cuarto', 4], ['4to', 4], ['quinto', 5],
    ['5to', 5], ['ultimo', -1], ['ultimos', -1]
  ])
  // Phrases that name a set of days, longest first (Python sorts them so, stably).
  var DAY_SETS = [
    [['todos', 'los', 'dias'], ALL_WEEK],
    [['todos', 'los', 'dias', 'de', 'la', 'semana'], ALL_WEEK],
    [['toda', 'la', 'semana'], ALL_WEEK],
    [['diariamente'], ALL_WEEK],
    [['dias', 'habiles'], [1, 2, 3, 4, 5]],
    [['fines', 'de', 'semana'], [6, 7]],
    [['fin', 'de', 'semana'], [6, 7]],
    [['los', 'fines', 'de', 'semana'], [6, 7]]
  ].map(function (p, i) { return [p, i] }).sort(function (a, b) {
    return (b[0][0].length - a[0][0].length) || (a[1] - b[1])
  }).map(function (p) { return p[0] })
  var MONTHLY = [['de', 'cada', 'mes'], ['del', 'mes'], ['de', 'mes'], ['de', 'todos', 'los', 'meses']]
  var CLOSED = ['cerrado', 'cerrada', 'cierra', 'receso', 'vacaciones', 'excepto', 'salvo', 'menos']
  var RANGE_LINKS = [['word', 'a'], ['word', 'al'], ['sep', '-'], ['word', 'hasta']]
  var INTERVAL_LINKS = [['word', 'a'], ['word', 'hasta'], ['sep', '-'], ['word', 'al']]

  function Unreadable (problem) {
    this.problem = problem
  }

  function is (token, kind, value) {
    return !!token && token[0] === kind && token[1] === value
  }

  function among (token, list) {
    return list.some(function (l) { return is(token, l[0], l[1]) })
  }

  function pyStrip (text) {
    return text.replace(SPACES, '')
  }

  function stripChars (text, chars) {
    var start = 0
    var end = text.length
    while (start < end && chars.indexOf(text[start]) !== -1) start++
    while (end > start && chars.indexOf(text[end - 1]) !== -1) end--
    return text.slice(start, end)
  }

  // Lowercase without accents, one character for each character of the (NFC) text; `at` maps
  // each position of the folded text to the original's, so messages quote what was written.
  function foldKeepingLength (text) {
    var folded = ''
    var at = []
    var position = 0
    for (var c of text) {
      var f = stripAccents(c).toLowerCase()
      if (Array.from(f).length !== 1) f = '?'
      for (var i = 0; i < f.length; i++) at.push(position)
      folded += f
      position += c.length
    }
    at.push(position)
    return { text: folded, at: at }
  }

  function Tokens (text) {
    var folded = foldKeepingLength(text)
    this.items = []
    this.spans = []
    this.original = text
    this.at = 0
    TOKEN.lastIndex = 0
    var m
    while ((m = TOKEN.exec(folded.text)) !== null) {
      var g = m.groups
      var kind = KINDS.filter(function (k) { return g[k] !== undefined })[0]
      if (kind === 'space') continue
      if (kind === 'other') throw new Unreadable('no se entiende «' + m[0] + '»')
      var value
      if (kind === 'time') {
        var hour = parseInt(g.time, 10)
        var minute = parseInt(g.min || '0', 10)
        if (hour > 24 || minute > 59 || (hour === 24 && minute)) {
          throw new Unreadable('«' + pyStrip(m[0]) + '» no es una hora válida')
        }
        value = hour * 60 + minute
      } else if (kind === 'ord') {
        value = parseInt(m[0][0], 10)
      } else if (kind === 'word') {
        value = g.word
      } else if (kind === 'allday') {
        value = DAY
      } else {
        value = m[0]
      }
      this.items.push([kind, value])
      this.spans.push([folded.at[m.index], folded.at[m.index + m[0].length]])
    }
  }

  Tokens.prototype.peek = function (offset) {
    var index = this.at + (offset || 0)
    return index < this.items.length ? this.items[index] : null
  }
  Tokens.prototype.word = function (words, offset) {
    var token = this.peek(offset)
    return !!token && token[0] === 'word' && words.indexOf(token[1]) !== -1
  }
  Tokens.prototype.takeWord = function (words) {
    if (this.word(words)) {
      this.at += 1
      return true
    }
    return false
  }
  Tokens.prototype.takePhrase = function (phrase) {
    var self = this
    if (phrase.every(function (w, i) { return self.word([w], i) })) {
      this.at += phrase.length
      return true
    }
    return false
  }
  Tokens.prototype.kind = function (offset) {
    var token = this.peek(offset)
    return token ? token[0] : null
  }
  Tokens.prototype.sep = function (chars) {
    var token = this.peek()
    return !!token && token[0] === 'sep' && chars.indexOf(token[1]) !== -1
  }
  // The next few words as written, to quote in a message (the last ones at the end).
  Tokens.prototype.rest = function () {
    var first = this.at < this.spans.length ? this.at : Math.max(this.spans.length - 3, 0)
    var last = Math.min(first + 3, this.spans.length) - 1
    return stripChars(this.original.slice(this.spans[first][0], this.spans[last][1]), ' ,;.')
  }

  function lookup (tokens, names, offset) {
    var token = tokens.peek(offset)
    if (!token || token[0] !== 'word' || !names.has(token[1])) return null
    return names.get(token[1])
  }

  function range (first, last) {
    var out = []
    for (var n = first; n <= last; n++) out.push(n)
    return out
  }

  function sortedUnique (numbers, compare) {
    return Array.from(new Set(numbers)).sort(compare || function (a, b) { return a - b })
  }

  function skipSeparators (tokens) {
    while (tokens.kind() === 'sep' || tokens.word(['y', 'e'])) tokens.at += 1
  }

  // A name, or `name a|al|-|hasta name`, as [first, last]; null without a name here.
  function span (tokens, names) {
    var first = lookup(tokens, names)
    if (first === null) return null
    tokens.at += 1
    if (among(tokens.peek(), RANGE_LINKS)) {
      var last = lookup(tokens, names, 1)
      if (last !== null) {
        tokens.at += 2
        return [first, last]
      }
    }
    return [first, first]
  }

  function dayRange (tokens) {
    for (var i = 0; i < DAY_SETS.length; i++) {
      if (tokens.takePhrase(DAY_SETS[i][0])) return DAY_SETS[i][1]
    }
    var start = tokens.at
    tokens.takeWord(['de', 'del', 'los', 'el', 'las'])
    var found = span(tokens, DAYS)
    if (found === null) {
      tokens.at = start
      return null
    }
    if (found[1] < found[0]) throw new Unreadable('el rango de días va hacia atrás')
    return range(found[0], found[1])
  }

  function ordinalDay (tokens) {
    var start = tokens.at
    tokens.takeWord(['el', 'los', 'cada'])
    var ordinals = []
    for (;;) {
      var token = tokens.peek()
      var value = token && token[0] === 'ord' ? token[1] : lookup(tokens, ORDINALS)
      if (value === null) break
      ordinals.push(value)
      tokens.at += 1
      if (tokens.sep(',')) tokens.at += 1
      else if (!tokens.takeWord(['y', 'e'])) break
    }
    var day = lookup(tokens, DAYS)
    if (!ordinals.length || day === null) {
      tokens.at = start
      return null
    }
    tokens.at += 1
    for (var i = 0; i < MONTHLY.length; i++) {
      if (tokens.takePhrase(MONTHLY[i])) break
    }
    return [[day], sortedUnique(ordinals, function (a, b) { return ((a < 0) - (b < 0)) || (a - b) })]
  }

  // Items `read` one after another, joined by `separators` and/or `y`, until one does not
  // read (the tokens are then back after the last item).
  function series (tokens, read, separators) {
    var found = []
    for (;;) {
      var mark = tokens.at
      if (found.length) {
        if (tokens.sep(separators)) tokens.at += 1
        tokens.takeWord(['y', 'e'])
      }
      var item = read(tokens)
      if (item === null) {
        tokens.at = mark
        return found
      }
      found.push(item)
    }
  }

  function days (tokens) {
    var ordinal = ordinalDay(tokens)
    if (ordinal) return ordinal
    var found = [].concat.apply([], series(tokens, dayRange, ','))
    return found.length ? [sortedUnique(found), []] : null
  }

  function time (tokens) {
    tokens.takeWord(['la', 'las'])
    var token = tokens.peek()
    if (token && (token[0] === 'time' || token[0] === 'allday')) {
      tokens.at += 1
      return token[1]
    }
    return null
  }

  function interval (tokens) {
    var startAt = tokens.at
    if (tokens.kind() === 'allday' || (tokens.word(['las']) && tokens.kind(1) === 'allday')) {
      tokens.at += tokens.kind() === 'allday' ? 1 : 2
      return [0, DAY]
    }
    var opener = tokens.takeWord(['de', 'desde', 'entre', 'a'])
    var start = time(tokens)
    if (start === null) {
      tokens.at = startAt
      return null
    }
    var link = tokens.peek()
    if (among(link, INTERVAL_LINKS) || (is(link, 'word', 'y') && is(tokens.items[startAt], 'word', 'entre'))) {
      var mark = tokens.at
      tokens.at += 1
      var end = time(tokens)
      if (end !== null) {
        if (start >= DAY) throw new Unreadable('un horario no puede empezar a las 24')
        if (end === start) throw new Unreadable('el horario empieza y termina a la misma hora')
        return [start, end > start ? end : end + DAY]
      }
      tokens.at = mark
    }
    if (!opener && tokens.at - startAt > 1) {
      tokens.at = startAt // «las 9» alone is not a start time
      return null
    }
    if (start >= DAY) throw new Unreadable('un horario no puede empezar a las 24')
    return [start]
  }

  function months (tokens) {
    var start = tokens.at
    tokens.takeWord(['de', 'desde', 'en', 'durante'])
    if (!tokens.takePhrase(['el', 'mes', 'de'])) tokens.takePhrase(['todo'])
    var found = span(tokens, MONTHS)
    if (found === null) {
      tokens.at = start
      return null
    }
    var first = found[0]
    var last = found[1]
    if (last !== first) { // a range; `diciembre a febrero` wraps around the new year
      return last > first ? range(first, last) : range(1, last).concat(range(first, 12))
    }
    var list = [first]
    while (tokens.word(['y', 'e']) || tokens.sep(',')) {
      tokens.at += 1
      tokens.takeWord(['en'])
      var month = lookup(tokens, MONTHS)
      if (month === null) throw new Unreadable('no se entiende «' + tokens.rest() + '»')
      list.push(month)
      tokens.at += 1
    }
    return sortedUnique(list)
  }

  function clause (tokens) {
    var season = months(tokens) || []
    if (season.length && tokens.kind() === 'sep') tokens.at += 1
    var found = days(tokens)
    if (tokens.sep(',:')) tokens.at += 1
    var intervals = series(tokens, interval, ',/')
    if (found === null && intervals.length) {
      tokens.takeWord(['los'])
      found = days(tokens) // «de 9 a 13 de lunes a viernes»
      if (found === null) throw new Unreadable('indica un horario pero no qué días')
    }
    if (found === null) throw new Unreadable('no se entiende «' + tokens.rest() + '»')
    if (!intervals.length) {
      if (tokens.peek() !== null && !tokens.sep(',;./()')) {
        throw new Unreadable('no se entiende «' + tokens.rest() + '»')
      }
      throw new Unreadable('indica los días pero no el horario')
    }
    return { days: found[0], intervals: intervals, ordinals: found[1], months: season }
  }

  function closure (tokens) {
    var start = tokens.at
    if (!tokens.takeWord(CLOSED)) return null
    var found = months(tokens)
    if (found === null) {
      tokens.at = start
      throw new Unreadable('no se entiende «' + tokens.rest() + '»: nombrá los meses de cierre')
    }
    return found
  }

  // Read Spanish hours; `readable: false` (with the reason) when any part is not understood.
  function parse (text) {
    try {
      var tokens = new Tokens(text.normalize('NFC'))
      var rules = []
      var closed = []
      skipSeparators(tokens)
      while (tokens.peek() !== null) {
        var shut = closure(tokens)
        if (shut !== null) closed = closed.concat(shut)
        else rules.push(clause(tokens))
        skipSeparators(tokens)
      }
      if (!rules.length && !closed.length) throw new Unreadable('no indica días ni horarios')
      return { text: text, readable: true, rules: rules, closed: sortedUnique(closed), problem: null }
    } catch (error) {
      if (!(error instanceof Unreadable)) throw error
      return { text: text, readable: false, rules: [], closed: [], problem: error.problem }
    }
  }

  function asJson (hours) {
    if (!hours.readable) return null
    var result = {
      r: hours.rules.map(function (rule) {
        var item = { d: rule.days, t: rule.intervals }
        if (rule.ordinals.length) item.n = rule.ordinals
        if (rule.months.length) item.m = rule.months
        return item
      })
    }
    if (hours.closed.length) result.x = hours.closed
    return result
  }

  // Written out (cmosc/profiles/hours_format.py).

  function clock (minutes) {
    var value = minutes !== DAY ? minutes % DAY : DAY
    var rest = value % 60
    return Math.floor(value / 60) + (rest ? ':' + (rest < 10 ? '0' : '') + rest : '')
  }

  function intervalText (interval) {
    if (interval.length === 2 && interval[0] === 0 && interval[1] === DAY) return 'las 24 horas'
    if (interval.length === 1) return (Math.floor(interval[0] / 60) === 1 ? 'a la ' : 'a las ') + clock(interval[0])
    return 'de ' + clock(interval[0]) + ' a ' + clock(interval[1])
  }

  function join (items) {
    return items.length === 1 ? items[0] : items.slice(0, -1).join(', ') + ' y ' + items[items.length - 1]
  }

  function intervalsText (intervals) {
    return join(intervals.map(intervalText))
  }

  function runs (numbers) {
    var out = []
    numbers.forEach(function (n) {
      var run = out[out.length - 1]
      if (run && run[run.length - 1] === n - 1) run.push(n)
      else out.push([n])
    })
    return out
  }

  function daysText (list) {
    if (list.join() === ALL_WEEK.join()) return 'todos los días'
    var items = []
    runs(list).forEach(function (run) {
      if (run.length >= 3) items.push(DAY_NAMES[run[0] - 1] + ' a ' + DAY_NAMES[run[run.length - 1] - 1])
      else run.forEach(function (d) { items.push(DAY_PLURALS[d - 1]) })
    })
    return join(items)
  }

  function monthsText (list) {
    var found = runs(list)
    if (found.length === 2 && found[0][0] === 1 && found[1][found[1].length - 1] === 12 && list.length >= 3) {
      found = [found[1].concat(found[0])] // «de diciembre a febrero»
    }
    if (found.length === 1 && found[0].length >= 3) {
      return 'de ' + MONTH_NAMES[found[0][0] - 1] + ' a ' + MONTH_NAMES[found[0][found[0].length - 1] - 1]
    }
    return 'en ' + join(list.map(function (m) { return MONTH_NAMES[m - 1] }))
  }

  function qualifier (rule) {
    var parts = []
    if (rule.ordinals.length) {
      var names = join(rule.ordinals.map(function (n) { return ORDINAL_NAMES[n] }))
      parts.push(names + ' ' + DAY_NAMES[rule.days[0] - 1] + ' de cada mes')
    }
    if (rule.months.length) parts.push(monthsText(rule.months))
    return parts.join(', ')
  }

  function ruleText (rule) {
    var when = intervalsText(rule.intervals)
    var list = rule.ordinals.length
      ? qualifier({ days: rule.days, intervals: rule.intervals, ordinals: rule.ordinals, months: [] })
      : daysText(rule.days)
    var text = list + ' ' + when
    return rule.months.length ? monthsText(rule.months) + ', ' + text : text
  }

  function canonical (hours) {
    var clauses = hours.rules.map(ruleText)
    if (hours.closed.length) clauses.push('cerrado ' + monthsText(hours.closed))
    var text = clauses.join('; ')
    return text.slice(0, 1).toUpperCase() + text.slice(1)
  }

  function byDay (hours) {
    return DAY_NAMES.map(function (name, index) {
      var parts = []
      hours.rules.forEach(function (rule) {
        if (rule.days.indexOf(index + 1) === -1) return
        var when = intervalsText(rule.intervals)
        if (rule.ordinals.length || rule.months.length) when = qualifier(rule) + ', ' + when
        parts.push(when)
      })
      return [name, parts]
    })
  }

  function closuresText (hours) {
    return hours.closed.length ? 'Cerrado ' + monthsText(hours.closed) : null
  }

  function rewritten (text) {
    var hours = parse(text)
    return hours.readable ? canonical(hours) : text
  }

  return {
    parse: parse,
    asJson: asJson,
    canonical: canonical,
    byDay: byDay,
    closuresText: closuresText,
    rewritten: rewritten
  }
}))
