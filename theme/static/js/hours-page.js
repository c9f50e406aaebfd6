/*!
 * CMOSC — hours on profiles and listings (needs hours.js loaded first).
 *
 * Profiles: each [data-horario] block gets «Abierto ahora · …» in its
 * [data-horario-estado] line and today's row of its week marked (class `hoy`,
 * «(hoy)» for screen readers too). Cards with [data-horarios] (several sedes)
 * get the same line. Listings with a [data-filtro-abierto] control can hide the
 * cards of organizations that are not open now. Without JavaScript the week
 * tables already say everything; nothing here is needed to read them.
 */
(function () {
  'use strict'
  var H = window.CMOSCHours
  if (!H) return
  var REFRESH_MS = 60000

  function parse (element, name) {
    try { return JSON.parse(element.getAttribute(name)) } catch (e) { return null }
  }

  function show (line, text, open) {
    if (!line || !text) return
    line.textContent = text
    line.classList.toggle('horario__estado--abierto', !!open)
    line.hidden = false
  }

  function markToday (block, weekday) {
    block.querySelectorAll('tr[data-dia]').forEach(function (row) {
      var today = +row.getAttribute('data-dia') === weekday
      var mark = row.querySelector('.semana__hoy')
      row.classList.toggle('hoy', today)
      if (today && !mark) {
        mark = document.createElement('span')
        mark.className = 'semana__hoy'
        mark.textContent = ' (hoy)'
        row.querySelector('th').appendChild(mark)
      } else if (!today && mark) {
        mark.remove()
      }
    })
  }

  function update () {
    var now = new Date()
    var today = H.localDay(now)
    document.querySelectorAll('[data-horario]').forEach(function (block) {
      var hours = parse(block, 'data-horario')
      var s = H.status(hours, now, today)
      show(block.querySelector('[data-horario-estado]'), H.describe(s, now, today), s && s.open)
      markToday(block, today.wd)
    })
    document.querySelectorAll('[data-horarios]').forEach(function (card) {
      var list = parse(card, 'data-horarios') || []
      show(card.querySelector('[data-horario-estado]'), H.summary(list, now, today), H.isOpen(list, now, today))
    })
    filter()
  }

  var control = document.querySelector('[data-filtro-abierto]')
  var box = control && control.querySelector('input[type=checkbox]')
  var note = control && control.querySelector('[data-filtro-resultado]')

  function filter () {
    if (!box) return
    var now = new Date()
    var today = H.localDay(now)
    var shown = 0
    var cards = document.querySelectorAll('.tarjetas > li')
    cards.forEach(function (item) {
      var card = item.querySelector('[data-horarios]')
      var open = !!card && H.isOpen(parse(card, 'data-horarios') || [], now, today)
      item.hidden = box.checked && !open
      if (!item.hidden) shown++
    })
    if (note) {
      note.textContent = box.checked
        ? (shown === 1 ? '1 organización abierta ahora en esta página.' : shown + ' organizaciones abiertas ahora en esta página.')
        : ''
    }
  }

  if (control) {
    control.hidden = false
    box.addEventListener('change', filter)
  }
  update()
  setInterval(update, REFRESH_MS)
}())
