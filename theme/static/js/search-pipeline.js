/*
 * CMOSC — Spanish search pipeline and ranking for lunr.js 2.3.9.
 *
 * The twin of cmosc/search/pipeline.py: same processing, same lunr pipeline
 * labels. tests/unit/test_search_pipeline.py runs the same word list through
 * both sides and requires identical results. The ranking /buscar/ runs
 * (`rank`, `order`) lives here too, so the Node and Chromium tests call the
 * very code the page uses (search.js only wires it to the page).
 *
 * Needs, loaded BEFORE (no build step, plain <script> tags):
 *   vendor/lunr/lunr.min.js
 *   vendor/lunr-languages/lunr.stemmer.support.js
 *   vendor/lunr-languages/lunr.es.js      (only its Snowball stemmer is used)
 *
 * In the browser it sets window.CMOSCSearch. In Node (tests):
 *   var api = require('.../search-pipeline.js')(lunr)
 *
 * The stopwords and synonyms are NOT in this file: they come inside the index
 * (json.pipeline), generated from cmosc/search/stopwords_es.txt and
 * vocabularios/sinonimos.yml (see cmosc/search/synonyms.py).
 */
(function (root, factory) {
  if (typeof module === 'object' && module && module.exports) {
    module.exports = factory
  } else {
    root.CMOSCSearch = factory(root.lunr)
  }
}(typeof self !== 'undefined' ? self : this, function (lunr) {
  'use strict'

  if (!lunr || !lunr.Pipeline || !lunr.Index) {
    throw new Error('CMOSCSearch: falta lunr.js (cargar vendor/lunr/lunr.min.js antes)')
  }
  if (!lunr.es || typeof lunr.es.stemmer !== 'function') {
    throw new Error('CMOSCSearch: falta el stemmer español (cargar ' +
      'vendor/lunr-languages/lunr.stemmer.support.js y lunr.es.js antes)')
  }

  var PIPELINE_VERSION = 2
  var COMPACT_FORMAT = 3
  // Registered lunr function names: data serialized in every index.
  var LABELS = {
    split: 'cmosc-es-separar',
    stopwords: 'cmosc-es-vacias',
    stems: 'cmosc-es-raices'
  }
  var FIELDS_KEEPING_STOPWORDS = { sigla: true }

  var RE_FORMAT = /\p{Cf}/gu
  var RE_SEPARATOR = /[^\p{L}\p{N}\p{M}.]+/gu
  var RE_DOTS = /\./g
  var RE_MARKS = /\p{Mn}/gu
  var RE_ASCII = /^[\x00-\x7f]*$/
  // Every character < U+0250 (no u flag: a surrogate pair never matches).
  var RE_LATIN = /^[\x00-\u024f]*$/
  var RE_ASCII_LETTERS = /^[A-Za-z]{3,}$/

  var stopwords = null // Object.create(null) of the folded stopwords
  // Synonyms: first key → [[keys, group]], longest first (= synonyms.py).
  var synonymStarts = Object.create(null)
  var GROUP_PREFIX = '='

  // ------------------------------------------------------------------
  // Normalization and word split (= pipeline.py)
  // ------------------------------------------------------------------

  function normalize (text) {
    return text.normalize('NFKC').toLowerCase().normalize('NFKC')
  }

  function splitWords (text) {
    if (text === null || text === undefined || text === '') return []
    var parts = normalize(String(text))
      .replace(RE_FORMAT, '')
      .replace(RE_SEPARATOR, ' ')
      .split(' ')
    var words = []
    for (var i = 0; i < parts.length; i++) {
      var part = parts[i]
      if (part.indexOf('.') !== -1) part = part.replace(RE_DOTS, '')
      if (part) words.push(part)
    }
    return words
  }

  // ------------------------------------------------------------------
  // Folding, stems and variants
  // ------------------------------------------------------------------

  function fold (word) {
    if (RE_ASCII.test(word)) return word
    return word.normalize('NFD').replace(RE_MARKS, '').normalize('NFC')
  }

  function restoreAccent (word) {
    var n = word.length
    if (n >= 5) {
      var ending = word.slice(n - 5)
      if (ending === 'acion') return word.slice(0, n - 5) + 'ación'
      if (ending === 'ucion') return word.slice(0, n - 5) + 'ución'
    }
    return word
  }

  function stem (word) {
    if (!word || !RE_LATIN.test(word)) return word
    // Given a string (not a lunr.Token) lunr.es' stemmer returns a string.
    return lunr.es.stemmer(restoreAccent(word))
  }

  function pluralize (word) {
    if (!RE_ASCII_LETTERS.test(word)) return word
    var last = word.charAt(word.length - 1)
    if ('aeiousx'.indexOf(last) !== -1) return word
    if (last === 'z') return word.slice(0, -1) + 'ces'
    return word + 'es'
  }

  var cache = Object.create(null)
  var cacheSize = 0

  function variants (word) {
    var kept = cache[word]
    if (kept) return kept
    var folded = fold(word)
    var a = fold(stem(word))
    var b = folded === word ? a : fold(stem(folded))
    var plural = pluralize(folded)
    var c = plural === folded ? b : fold(stem(plural))
    var result = []
    var candidates = [a, b, c]
    for (var i = 0; i < candidates.length; i++) {
      var t = candidates[i]
      if (t && result.indexOf(t) === -1) result.push(t)
    }
    if (cacheSize >= 100000) { cache = Object.create(null); cacheSize = 0 }
    cache[word] = result
    cacheSize++
    return result
  }

  // = synonym_key in pipeline.py: folded, without the plural and a final "e";
  // a stopword as it is.
  var keyCache = Object.create(null)
  function synonymKey (word) {
    var kept = keyCache[word]
    if (kept !== undefined) return kept
    var key = fold(word)
    if (stopwords[key] !== true && RE_ASCII.test(key)) {
      var n = key.length
      if (n > 4 && key.slice(n - 2) === 'es') key = key.slice(0, n - 2)
      else if (n > 3 && key.charAt(n - 1) === 's') key = key.slice(0, n - 1)
      if (key.length > 3 && key.charAt(key.length - 1) === 'e') key = key.slice(0, -1)
    }
    keyCache[word] = key
    return key
  }

  function loadSynonyms (groups) {
    var starts = Object.create(null)
    var seen = Object.create(null)
    ;(groups || []).forEach(function (entries, number) {
      entries.forEach(function (keys) {
        var id = keys.join('\u0000')
        if (!keys.length || seen[id]) return
        seen[id] = true
        ;(starts[keys[0]] || (starts[keys[0]] = [])).push([keys, number])
      })
    })
    Object.keys(starts).forEach(function (k) {
      // Stable: equal lengths keep the file's order (as Python's sort).
      starts[k] = starts[k].map(function (o, i) { return [o, i] }).sort(function (a, b) {
        return (b[0][0].length - a[0][0].length) || (a[1] - b[1])
      }).map(function (pair) { return pair[0] })
    })
    synonymStarts = starts
  }

  // {start: [end, group]} of the synonym entries found in `words` (= Synonyms.spans).
  function synonymSpans (words) {
    var found = {}
    var keys = words.map(synonymKey)
    var i = 0
    while (i < keys.length) {
      var options = synonymStarts[keys[i]] || []
      var matched = false
      for (var o = 0; o < options.length && !matched; o++) {
        var entry = options[o][0]
        var end = i + entry.length
        if (end > keys.length) continue
        matched = true
        for (var k = 0; k < entry.length; k++) {
          if (keys[i + k] !== entry[k]) { matched = false; break }
        }
        if (matched) { found[i] = [end, options[o][1]]; i = end }
      }
      if (!matched) i++
    }
    return found
  }

  function requireConfig () {
    if (!stopwords) {
      throw new Error('CMOSCSearch: pipeline sin configurar; usar loadIndex(json) ' +
        'o configure(json.pipeline) primero')
    }
  }

  function isStopword (word) {
    requireConfig()
    return stopwords[fold(word)] === true
  }

  // ------------------------------------------------------------------
  // High-level API (= tokens / query_groups / query_tokens in Python)
  // ------------------------------------------------------------------

  function tokens (text, field) {
    requireConfig()
    var dropStopwords = !(field && FIELDS_KEEPING_STOPWORDS[field] === true)
    var words = splitWords(text)
    var result = []
    for (var i = 0; i < words.length; i++) {
      if (dropStopwords && stopwords[fold(words[i])] === true) continue
      var found = variants(words[i])
      for (var j = 0; j < found.length; j++) result.push(found[j])
    }
    var spans = synonymSpans(words)
    Object.keys(spans).forEach(function (start) { result.push(GROUP_PREFIX + spans[start][1]) })
    return result
  }

  function queryGroups (text) {
    requireConfig()
    var words = splitWords(text)
    var spans = synonymSpans(words)
    var keepStopwords = !Object.keys(spans).length &&
      words.every(function (w) { return stopwords[fold(w)] === true })
    var groups = []
    var seen = Object.create(null)
    var i = 0
    while (i < words.length) {
      var word = words[i]
      var group
      if (spans[i]) {
        var end = spans[i][0]
        group = [GROUP_PREFIX + spans[i][1]].concat(end === i + 1 ? variants(word) : [])
        i = end
      } else {
        i++
        if (!keepStopwords && stopwords[fold(word)] === true) continue
        group = variants(word).slice()
      }
      var key = group.join('\u0000')
      if (group.length && !seen[key]) {
        seen[key] = true
        groups.push(group)
      }
    }
    return groups
  }

  function queryTokens (text) {
    var seen = Object.create(null)
    var result = []
    queryGroups(text).forEach(function (group) {
      group.forEach(function (t) {
        if (!seen[t]) { seen[t] = true; result.push(t) }
      })
    })
    return result
  }

  // ------------------------------------------------------------------
  // lunr pipeline functions (same labels as in Python)
  // ------------------------------------------------------------------

  function splitToken (token) {
    var text = token.toString()
    var parts = splitWords(text)
    if (parts.length === 1 && parts[0] === text) return token
    return parts.map(function (p) {
      return token.clone(function () { return p })
    })
  }

  function dropStopword (token) {
    requireConfig()
    return stopwords[fold(token.toString())] === true ? undefined : token
  }

  function stemToken (token) {
    var found = variants(token.toString())
    if (!found.length) return undefined
    var clones = found.slice(1).map(function (t) {
      return token.clone(function () { return t })
    })
    return [token.update(function () { return found[0] })].concat(clones)
  }

  function register (fn, label) {
    if (lunr.Pipeline.registeredFunctions[label] !== fn) {
      lunr.Pipeline.registerFunction(fn, label)
    }
  }
  register(splitToken, LABELS.split)
  register(dropStopword, LABELS.stopwords)
  register(stemToken, LABELS.stems)

  // ------------------------------------------------------------------
  // Index
  // ------------------------------------------------------------------

  function configure (config) {
    if (!config || config.version !== PIPELINE_VERSION) {
      throw new Error('CMOSCSearch: el índice usa la versión de pipeline ' +
        (config && config.version) + ' y este script la ' + PIPELINE_VERSION +
        ' (¿JS e índice de builds distintos?)')
    }
    var loaded = Object.create(null)
    config.palabras_vacias.forEach(function (w) { loaded[fold(w)] = true })
    stopwords = loaded
    keyCache = Object.create(null)
    loadSynonyms(config.sinonimos)
  }

  // The compact format (cmosc/search/compact.py) ships postings only; the
  // vectors of each field are computed here with lunr.Builder's BM25 formula
  // (createFieldVectors, k1 = 1.2, b = 0.75, 3 decimals). Returns the index as
  // lunr serializes it. The twin of to_lunr() in Python.
  var K1 = 1.2
  var BM25_B = 0.75

  // Postings as written (compact.py): deltas in base-64 VLQ digits, and [term, k]
  // for a term with row k's postings. Returns [term, f, [deltas], …] rows (= decoded_rows).
  var DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  var DIGIT_VALUE = {}
  DIGITS.split('').forEach(function (c, i) { DIGIT_VALUE[c] = i })

  function fromVlq (text) {
    var numbers = []
    var value = 0
    var shift = 0
    for (var i = 0; i < text.length; i++) {
      var digit = DIGIT_VALUE[text.charAt(i)]
      value += (digit & 31) * Math.pow(2, shift)
      if (digit & 32) shift += 5
      else { numbers.push(value); value = 0; shift = 0 }
    }
    return numbers
  }

  function decodeRows (rows) {
    var plain = rows.map(function (row) {
      return row.map(function (x, i) { return i > 0 && typeof x === 'string' ? fromVlq(x) : x })
    })
    return plain.map(function (row) {
      return row.length === 2 ? [row[0]].concat(plain[row[1]].slice(1)) : row
    })
  }

  function unpack (json) {
    var fields = json.campos.map(function (c) { return c[0] })
    var boosts = json.campos.map(function (c) { return c[1] })
    var n = json.documentos
    var rows = decodeRows(json.terminos)
    var refs = new Array(n)
    var i, j, k
    for (i = 0; i < n; i++) refs[i] = i.toString(36)
    // Length of each field per document (= sum of frequencies) and average.
    var lengths = fields.map(function () { return new Float64Array(n) })
    for (i = 0; i < rows.length; i++) {
      var row = rows[i]
      for (j = 1; j < row.length; j += 2) {
        var length = lengths[row[j]]
        var deltas = row[j + 1]
        var pos = 0
        for (k = 0; k < deltas.length; k++) { pos += deltas[k]; length[pos]++ }
      }
    }
    var averages = lengths.map(function (length) {
      var total = 0
      for (var d = 0; d < n; d++) total += length[d]
      return n ? total / n : 0
    })
    // Vectors per field and document: [index, weight, index, weight…], in
    // term order (= insertion order).
    var vectors = fields.map(function () { return new Array(n) })
    var inverted = new Array(rows.length)
    var empty = {} // lunr only reads these metadata (MatchData copies them)
    var docs = []
    var tfs = []
    for (i = 0; i < rows.length; i++) {
      var row2 = rows[i]
      var withTerm = 0
      var byField = []
      for (j = 1; j < row2.length; j += 2) {
        // Decode deltas: a 0 after the first repeats the document (tf + 1).
        var list = row2[j + 1]
        var ds = []
        var fs = []
        var p = 0
        for (k = 0; k < list.length; k++) {
          p += list[k]
          if (ds.length && ds[ds.length - 1] === p) fs[fs.length - 1]++
          else { ds.push(p); fs.push(1) }
        }
        withTerm += ds.length
        byField.push(row2[j], ds, fs)
      }
      var x = (n - withTerm + 0.5) / (withTerm + 0.5)
      var idf = Math.log(1 + Math.abs(x))
      var posting = { _index: i }
      for (j = 0; j < fields.length; j++) posting[fields[j]] = {}
      for (j = 0; j < byField.length; j += 3) {
        var f = byField[j]
        docs = byField[j + 1]
        tfs = byField[j + 2]
        var inField = posting[fields[f]]
        var lengthF = lengths[f]
        var average = averages[f]
        var boost = boosts[f]
        var vectorsF = vectors[f]
        for (k = 0; k < docs.length; k++) {
          var doc = docs[k]
          var tf = tfs[k]
          inField[refs[doc]] = empty
          var weight = idf * ((K1 + 1) * tf) /
            (K1 * (1 - BM25_B + BM25_B * (lengthF[doc] / average)) + tf) * boost
          ;(vectorsF[doc] || (vectorsF[doc] = [])).push(i, Math.round(weight * 1000) / 1000)
        }
      }
      inverted[i] = [row2[0], posting]
    }
    var serialized = []
    for (j = 0; j < fields.length; j++) {
      for (k = 0; k < n; k++) {
        if (vectors[j][k]) serialized.push([fields[j] + '/' + refs[k], vectors[j][k]])
      }
    }
    return {
      version: lunr.version,
      fields: fields,
      fieldVectors: serialized,
      invertedIndex: inverted,
      pipeline: [LABELS.split, LABELS.stopwords, LABELS.stems]
    }
  }

  function loadIndex (json) {
    if (typeof json === 'string') json = JSON.parse(json)
    if (!json || json.formato !== COMPACT_FORMAT) {
      throw new Error('CMOSCSearch: formato de índice desconocido: ' + (json && json.formato))
    }
    configure(json.pipeline)
    // No slugs: ref = the document's position in its shard, in base 36.
    return lunr.Index.load(unpack(json))
  }

  // ------------------------------------------------------------------
  // Ranking (what /buscar/ runs). `indexes` is a list of
  // {index: lunr.Index, offset: position of its shard's first row}; scores are
  // keyed by row position over all loaded shards.
  // ------------------------------------------------------------------

  // Documents matching one group (the variants of one word) in any loaded
  // index: {position: score}. Typo mode allows edit distance 1 on terms ≥ 4.
  // Terms go straight to lunr's query object, never through its query parser
  // (which reads ":", "^", "~", "*", "+", "-" as syntax).
  function matchGroup (indexes, group, prefix, fuzzy) {
    var found = {}
    indexes.forEach(function (loaded) {
      loaded.index.query(function (q) {
        group.forEach(function (t) {
          q.term(t, { usePipeline: false, editDistance: fuzzy && t.length >= 4 ? 1 : 0 })
        })
        if (prefix) {
          q.term(prefix, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 0.5 })
        }
      }).forEach(function (r) {
        var pos = loaded.offset + parseInt(r.ref, 36)
        found[pos] = (found[pos] || 0) + r.score
      })
    })
    return found
  }

  // {position: score} of the documents with every word (any word with
  // mode.any), or null when the text has no searchable word.
  function matchText (indexes, text, mode) {
    var groups = queryGroups(text)
    if (!groups.length) return null
    // While typing, the last word may be incomplete: also match it as a prefix.
    var words = splitWords(text)
    var last = words.length && !/\s$/.test(text) ? fold(words[words.length - 1]) : ''
    var byGroup = groups.map(function (group, i) {
      var prefix = i === groups.length - 1 && last.length >= 3 ? last : ''
      return matchGroup(indexes, group, prefix, mode.fuzzy)
    })
    var total = {}
    byGroup.forEach(function (found) {
      Object.keys(found).forEach(function (pos) {
        if (mode.any || byGroup.every(function (g) { return pos in g })) {
          total[pos] = (total[pos] || 0) + found[pos]
        }
      })
    })
    return total
  }

  // Exact words; if nothing matches, with typos; if still nothing, any of the
  // words. Returns {scores, mode}; scores is null when the text has no
  // searchable word (every document is a candidate).
  function rank (indexes, text) {
    var exact = matchText(indexes, text, {})
    if (exact === null || Object.keys(exact).length) return { scores: exact, mode: 'exact' }
    var fuzzy = matchText(indexes, text, { fuzzy: true })
    if (Object.keys(fuzzy).length) return { scores: fuzzy, mode: 'fuzzy' }
    if (queryGroups(text).length > 1) {
      var any = matchText(indexes, text, { fuzzy: true, any: true })
      if (Object.keys(any).length) return { scores: any, mode: 'any' }
    }
    return { scores: {}, mode: 'none' }
  }

  // Made on first use: building an Intl object loads locale data (a long task on a phone).
  var collator = null

  // Sorts row positions in place: active organizations first, then nearest
  // first when `distance` (row → metres) is given, then by score (when there is
  // one), then by name, then by position.
  function order (positions, documents, scores, distance) {
    collator = collator || new Intl.Collator('es', { sensitivity: 'base' })
    return positions.sort(function (a, b) {
      var da = documents[a]; var db = documents[b]
      if (!da.inactiva !== !db.inactiva) return da.inactiva ? 1 : -1
      if (distance && distance(da) !== distance(db)) return distance(da) < distance(db) ? -1 : 1
      if (scores && scores[a] !== scores[b]) return scores[b] - scores[a]
      return collator.compare(da.nombre, db.nombre) || (a - b)
    })
  }

  return {
    PIPELINE_VERSION: PIPELINE_VERSION,
    LABELS: LABELS,
    normalize: normalize,
    splitWords: splitWords,
    fold: fold,
    restoreAccent: restoreAccent,
    stem: stem,
    pluralize: pluralize,
    variants: function (w) { return variants(w).slice() },
    isStopword: isStopword,
    tokens: tokens,
    queryGroups: queryGroups,
    queryTokens: queryTokens,
    synonymKey: synonymKey,
    configure: configure,
    unpack: unpack,
    loadIndex: loadIndex,
    rank: rank,
    order: order,
    functions: { splitToken: splitToken, dropStopword: dropStopword, stemToken: stemToken }
  }
}))
