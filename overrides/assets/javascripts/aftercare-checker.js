/* The aftercare rights checker on the aftercare page (hooks/aftercare_checker.py puts the
 * form there, hidden; it shows only when this script runs). Nothing is sent anywhere:
 * the form has no action, and the answer is computed by aftercare-rules.js in the page.
 */
(function () {
  "use strict";
  var form = document.querySelector("form[data-aftercare-checker]");
  if (!form || !window.AftercareRules) return;
  var strings = JSON.parse(form.getAttribute("data-strings"));
  var output = form.querySelector("[data-checker-result]");
  form.hidden = false;

  function localDate(text) {
    var p = text.split("-");
    var date = new Date(Date.UTC(+p[0], +p[1] - 1, +p[2]));
    // Somali writes day, month, year, but CLDR gives the English order and a browser may
    // not know Somali month names: the page gives them (hooks/ui_strings.py month_names).
    if (strings.months) {
      return date.getUTCDate() + " " + strings.months[date.getUTCMonth()] + " " + date.getUTCFullYear();
    }
    // Gregorian calendar and Western digits in every language, as on the rest of the site
    // and in Finnish letters (Persian would otherwise default to the Solar Hijri calendar
    // and Persian digits, Arabic to Arabic-Indic digits).
    var locale = document.documentElement.lang + "-u-ca-gregory-nu-latn";
    return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(date);
  }
  function today() {
    var t = new Date();
    return t.getFullYear() + "-" + String(t.getMonth() + 1).padStart(2, "0") + "-" + String(t.getDate()).padStart(2, "0");
  }
  function days(text) {
    var p = text.split("-");
    return Date.UTC(+p[0], +p[1] - 1, +p[2]) / 86400000;
  }
  /* The answer as a picture: a bar from the end of the placement to the end of the right,
     with today marked. It repeats the sentence above it, so screen readers skip it
     (aria-hidden). Positions are CSS custom properties set through the CSSOM, which the
     Content-Security-Policy allows (it blocks only style= attributes in the HTML). */
  function bar(from, to, now) {
    var span = days(to) - days(from);
    var share = span > 0 ? (days(now) - days(from)) / span : 1;
    share = Math.max(0, Math.min(1, share));
    var box = document.createElement("div");
    box.className = "aftercare-bar";
    box.setAttribute("aria-hidden", "true");
    box.setAttribute("data-share", share.toFixed(4));
    box.style.setProperty("--today", (share * 100).toFixed(2) + "%");
    function part(name, text) {
      var el = document.createElement("span");
      el.className = "aftercare-bar__" + name;
      if (text) el.textContent = text;
      return el;
    }
    var now_label = part("now", strings.today);
    // the label hangs from the marker towards the middle of the bar, so it never overflows
    now_label.setAttribute("data-side", share > 0.5 ? "end" : "start");
    var track = part("track");
    track.appendChild(part("used"));
    track.appendChild(part("marker"));
    var labels = part("labels");
    labels.appendChild(part("from", localDate(from)));
    labels.appendChild(part("to", localDate(to)));
    box.appendChild(now_label);
    box.appendChild(track);
    box.appendChild(labels);
    return box;
  }
  function syncStart() {
    var open = form.elements.kind.value === "open";
    form.querySelector("[data-start]").hidden = !open;
    form.elements.start.required = open;
  }

  form.addEventListener("change", syncStart);
  syncStart();
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var now = form.getAttribute("data-today") || today();
    var result = window.AftercareRules.evaluate({
      birth: form.elements.birth.value,
      kind: form.elements.kind.value,
      start: form.elements.start.value,
      end: form.elements.end.value,
      today: now
    });
    var lines = [];
    if (result.status === "invalid") lines.push(strings.invalid);
    else if (result.status === "not-entitled") lines.push(strings.no, strings["rule_" + result.rule]);
    else {
      lines.push((result.status === "ended" ? strings.ended : strings.yes).replace("{date}", localDate(result.ends)));
      lines.push(strings["rule_" + result.rule]);
    }
    if (result.status !== "invalid") lines.push(strings.note);
    output.textContent = "";
    lines.forEach(function (line) {
      var p = document.createElement("p");
      p.textContent = line;
      output.appendChild(p);
    });
    if (result.status === "entitled" || result.status === "ended") {
      output.insertBefore(bar(form.elements.end.value, result.ends, now), output.children[1] || null);
    }
    output.setAttribute("data-status", result.status);
  });
})();
