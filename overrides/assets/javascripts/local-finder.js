/* "Help where you live" on the help page (hooks/local_services.py puts the form there,
 * hidden; this script shows it). The reader types a municipality in Finnish or Swedish; case
 * and diacritics do not matter ("jyvaskyla" finds Jyväskylä, "Vasa" Vaasa, "Helsingfors"
 * Helsinki). The result: the county's social emergency number (a tap-to-call link) or its
 * page, its page for child welfare and families, and how to make a child welfare
 * notification there, in the reader's language (the names stay Finnish and Swedish).
 *
 * The data (assets/local/services.<hash>.json, from facts/local-services.yml) is loaded when
 * the reader first uses the field, or at once when the address names a municipality:
 * ?kunta=kerava (or #kunta=kerava), which staff can send to a family. Nothing is sent
 * anywhere: the only request is for the site's own data file.
 */
(function () {
  "use strict";
  var root = document.querySelector("[data-local-finder]");
  if (!root || !window.fetch || !window.JSON || !String.prototype.normalize) return;
  var strings = JSON.parse(root.getAttribute("data-strings"));
  var src = new URL(root.getAttribute("data-src"), document.baseURI).href;
  var listHref = root.getAttribute("data-list");
  var form = root.querySelector("[data-local-form]");
  var input = root.querySelector("[data-local-input]");
  var result = root.querySelector("[data-local-result]");
  var loading = null;
  var data = null;

  // The same rule as portal/local_services.fold: lower case, no diacritics.
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }
  function load() {
    if (!loading) {
      loading = fetch(src, { credentials: "same-origin" }).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      }).then(function (json) {
        json.municipalities.forEach(function (m) { m.keys = [fold(m[1]), fold(m[2] || "")]; });
        data = json;
        return json;
      });
    }
    return loading;
  }
  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    for (var k in attrs || {}) node.setAttribute(k, attrs[k]);
    return node;
  }
  function tel(phone) {
    var digits = phone.replace(/\D/g, "");
    return "tel:" + (digits.charAt(0) === "0" ? "+358" + digits.slice(1) : digits);
  }
  function host(url) {
    return new URL(url).host.replace(/^www\./, "");
  }
  function link(url, text) {
    return el("a", text || host(url), { href: url, rel: "noreferrer", dir: "ltr" });
  }
  function phoneLink(phone) {
    return el("a", phone, { href: tel(phone), dir: "ltr", "class": "local-contact__phone" });
  }
  function names(m) {
    var span = el("span");
    span.appendChild(el("span", m[1], { lang: "fi" }));
    if (m[2]) {
      span.appendChild(document.createTextNode(" – "));
      span.appendChild(el("span", m[2], { lang: "sv" }));
    }
    return span;
  }
  // Exact names first; otherwise the names that begin with what was typed.
  function find(query) {
    var q = fold(query);
    if (!q) return [];
    var exact = data.municipalities.filter(function (m) { return m.keys.indexOf(q) >= 0; });
    if (exact.length) return exact;
    return data.municipalities.filter(function (m) {
      return m.keys[0].indexOf(q) === 0 || (m.keys[1] && m.keys[1].indexOf(q) === 0);
    });
  }
  function row(dl, term, parts) {
    dl.appendChild(el("dt", term));
    var dd = el("dd");
    parts.forEach(function (p) {
      dd.appendChild(typeof p === "string" ? document.createTextNode(p) : p);
    });
    dl.appendChild(dd);
  }
  function show(m) {
    var county = data.counties[m[3]];
    result.textContent = "";
    var heading = el("h4", null, { id: "local-finder-found" });
    heading.appendChild(names(m));
    result.appendChild(heading);
    var area = el("p");
    area.appendChild(document.createTextNode(strings.area + ": "));
    area.appendChild(el("span", county.name.fi, { lang: "fi" }));
    area.appendChild(document.createTextNode(" – "));
    area.appendChild(el("span", county.name.sv, { lang: "sv" }));
    result.appendChild(area);
    var dl = el("dl", null, { "class": "local-contact" });
    var e = county.emergency, n = county.notify;
    var emergency = e.phone
      ? [phoneLink(e.phone), " (" + (e.hours === "always" ? strings.always : strings.after_hours) + ")"]
      : [strings.page + " ", link(e.url)];
    emergency.push(el("br"), strings.danger + " ", el("a", "112", { href: "tel:112", dir: "ltr" }));
    row(dl, strings.emergency, emergency);
    row(dl, strings.families, [link(county.site.url)]);
    var notify = [];
    if (n.form) notify.push(strings.notify_form + " ", link(n.form));
    if (n.phone) {
      if (notify.length) notify.push(el("br"));
      notify.push(phoneLink(n.phone), " (" + strings.weekdays.replace("{time}", n.phone_hours) + ")");
    }
    if (!notify.length) notify.push(strings.see + " ", link(n.url));
    row(dl, strings.notify, notify);
    result.appendChild(dl);
    var more = el("p");
    more.appendChild(el("a", strings.more, { href: listHref + "#" + m[0] }));
    result.appendChild(more);
  }
  function choose(found) {
    result.textContent = "";
    result.appendChild(el("p", strings.choose));
    var ul = el("ul", null, { "class": "local-finder__choices" });
    found.slice(0, 12).forEach(function (m) {
      var li = el("li");
      var button = el("button", null, { type: "button", "class": "md-button" });
      button.appendChild(names(m));
      button.addEventListener("click", function () {
        input.value = m[1];
        show(m);
        result.querySelector("h4").setAttribute("tabindex", "-1");
        result.querySelector("h4").focus();
      });
      li.appendChild(button);
      ul.appendChild(li);
    });
    result.appendChild(ul);
  }
  function none(query) {
    result.textContent = "";
    var p = el("p", strings.none.replace("{query}", query) + " ");
    p.appendChild(el("a", strings.list, { href: listHref }));
    result.appendChild(p);
  }
  function run() {
    var query = input.value.trim();
    if (!query) { result.textContent = ""; return; }
    load().then(function () {
      if (input.value.trim() !== query) return;  // the reader typed on
      var found = find(query);
      if (found.length === 1) show(found[0]);
      else if (found.length > 1) choose(found);
      else none(query);
    }, function () {
      result.textContent = "";
      var p = el("p", strings.error + " ");
      p.appendChild(el("a", strings.list, { href: listHref }));
      result.appendChild(p);
    });
  }
  var timer = null;
  input.addEventListener("focus", load, { once: true });
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(run, 250);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    run();
  });

  // ?kunta=kerava or #kunta=kerava: the municipality (its id, or a name) staff linked to.
  var params = new URLSearchParams(window.location.search);
  var asked = params.get("kunta") || params.get("kommun");
  var hash = /^#kunta=(.+)$/.exec(window.location.hash);
  if (!asked && hash) asked = decodeURIComponent(hash[1]);
  if (asked) {
    load().then(function () {
      var byId = data.municipalities.filter(function (m) { return m[0] === fold(asked); });
      var found = byId.length ? byId : find(asked.replace(/-/g, " "));
      input.value = found.length === 1 ? found[0][1] : asked;
      if (found.length === 1) show(found[0]);
      else if (found.length > 1) choose(found);
      else none(asked);
      root.scrollIntoView();
    }, function () {});
  }
})();
