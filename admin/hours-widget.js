// The web editor's control for hours (Decap widget «horario», chosen for the hours fields by
// cmosc/profiles/kinds.py): staff type Spanish as always, and under the field they see how the
// site will read it (admin/hours-text.js, the twin of cmosc/profiles/hours.py): the week from
// Monday to Sunday in the site's words, the months closed, and a button that writes the text
// in its canonical form (what `cmosc formatear` writes). Text that cannot be read is a notice,
// never an error: it is published as written, as `cmosc validar` warns. ES5 and no JSX, like
// editor.js: Decap's `h` and `createClass` build the control.
(function () {
  "use strict";

  function capitalized(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  // The week as a sede's profile shows it (theme/templates/macros/horarios.html); an activity
  // shows the canonical line, offered below when it differs from the text.
  function week(h, Hours, hours) {
    var rows = Hours.byDay(hours).map(function (day) {
      return h("tr", { key: day[0] },
        h("th", { scope: "row" }, capitalized(day[0])),
        h("td", null, day[1].length ? day[1].join("; ") : "Cerrado"));
    });
    return h("table", { key: "semana" },
      h("caption", null, "Así lo lee el sitio:"),
      h("tbody", null, rows));
  }

  // The warning `cmosc validar` gives (its template comes in the field's config).
  function warning(template, hours) {
    var values = { valor: hours.text, motivo: hours.problem };
    return capitalized(template.replace(/\{(valor|motivo)\}/g, function (all, name) { return values[name]; }));
  }

  function reading(h, Hours, text, notice, write) {
    var hours = Hours.parse(text);
    if (!hours.readable) {
      return h("p", { className: "horario-aviso" }, warning(notice, hours));
    }
    var parts = [];
    if (hours.rules.length) {
      parts.push(week(h, Hours, hours));
    }
    var closed = Hours.closuresText(hours);
    if (closed) {
      parts.push(h("p", { key: "cierre" }, closed + "."));
    }
    var canonical = Hours.canonical(hours);
    if (canonical !== text) {
      parts.push(h("p", { key: "canonico", className: "horario-canonico" },
        "Forma ordenada: «" + canonical + "». ",
        h("button", { type: "button", onClick: function () { write(canonical); } }, "Usar esta forma")));
    }
    return parts;
  }

  function register(CMS, h, createClass, Hours) {
    var Control = createClass({
      render: function () {
        var props = this.props;
        var text = props.value == null ? "" : String(props.value);
        var described = "lectura-" + props.forID;
        return h("div", { className: "horario-campo" },
          h("input", {
            type: "text",
            id: props.forID,
            className: props.classNameWrapper,
            value: text,
            "aria-describedby": described,
            onChange: function (event) { props.onChange(event.target.value); },
            onFocus: props.setActiveStyle,
            onBlur: props.setInactiveStyle,
          }),
          h("div", { id: described, className: "horario-lectura" },
            text.trim() ? reading(h, Hours, text, props.field.get("aviso_ilegible"), props.onChange) : null));
      },
    });
    CMS.registerWidget("horario", Control);
  }

  window.CMOSCHoursWidget = { register: register };
})();
