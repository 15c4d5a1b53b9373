/* The link composer on the "links for letters" page (hooks/links_composer.py puts the form
 * there, with the list of pages; the stylesheet shows it only where scripts run). This
 * script reads the site's page data when the composer is first used: a focus or a touch
 * in it, so the page's first view does not carry the data.
 *
 * Choose a page, optionally a section, and the family's languages: the block has one line
 * per language, in that language ("Lue lisää: https://…/fi/jalkihuolto/"), the page's short
 * address when it has one and no section is chosen, and a QR code of each address (SVG
 * files the build made). Copy puts the block on the clipboard as plain text and as HTML
 * links. Nothing is sent anywhere: the only request is for the site's own data file.
 */
(function () {
  "use strict";
  var root = document.querySelector("[data-links-composer]");
  if (!root || !window.fetch || !window.JSON) return;
  var strings = JSON.parse(root.getAttribute("data-strings"));
  var pageLang = root.getAttribute("data-lang");
  var src = new URL(root.getAttribute("data-src"), document.baseURI);
  var pageSelect = root.querySelector("[data-composer-page]");
  var sectionSelect = root.querySelector("[data-composer-section]");
  var areaSelect = root.querySelector("[data-composer-area]");
  var boxes = root.querySelectorAll("input[name=language]");
  var blockEl = root.querySelector("[data-composer-block]");
  var qrList = root.querySelector("[data-composer-qr]");
  var qrDetails = root.querySelector("[data-composer-qr-details]");
  var missingEl = root.querySelector("[data-composer-missing]");
  var offerEl = root.querySelector("[data-composer-offer]");
  var statusEl = root.querySelector("[data-composer-status]");
  var data, loading, byCode = {}, lines = [];

  function option(value, text, lang) {
    var o = document.createElement("option");
    o.value = value;
    o.textContent = text;
    if (lang && lang !== pageLang) o.lang = lang;
    return o;
  }
  // A title in the reader's language where it has one, else in the site's default language.
  function localTitle(titles) {
    if (titles[pageLang]) return [titles[pageLang], pageLang];
    var code = data.languages[0].code;
    if (titles[code]) return [titles[code], code];
    for (var k in titles) return [titles[k], k];
    return ["", pageLang];
  }
  // The data, once: every use waits for it (a reader who tabs to "Copy" at once too).
  function load() {
    if (!loading) {
      loading = fetch(src.href, { credentials: "same-origin" }).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      }).then(function (json) {
        data = json;
        data.languages.forEach(function (l) { byCode[l.code] = l; });
        fillSections();
        compose();
      }, function (error) {
        root.hidden = true; // no data: the full list below stays the page
        throw error;
      });
    }
    return loading;
  }
  function when(action) {
    return function (event) { load().then(function () { action(event); }); };
  }
  function currentPage() {
    for (var i = 0; i < data.pages.length; i++) if (data.pages[i].id === pageSelect.value) return data.pages[i];
    return data.pages[0];
  }
  function fillSections() {
    var page = currentPage();
    sectionSelect.textContent = "";
    sectionSelect.appendChild(option("", strings.whole_page));
    page.sections.forEach(function (s) {
      var t = localTitle(s.title);
      sectionSelect.appendChild(option(s.id, t[0], t[1]));
    });
  }
  // The chosen languages: the page's own first, then in the site's order.
  function chosen() {
    var codes = [];
    for (var i = 0; i < boxes.length; i++) if (boxes[i].checked) codes.push(boxes[i].value);
    codes.sort(function (a, b) {
      if (a === pageLang || b === pageLang) return a === pageLang ? -1 : 1;
      return data.languages.indexOf(byCode[a]) - data.languages.indexOf(byCode[b]);
    });
    return codes;
  }
  function sectionOf(page, id) {
    for (var i = 0; i < page.sections.length; i++) if (page.sections[i].id === id) return page.sections[i];
    return null;
  }
  function areaOf(id) {
    for (var i = 0; i < (data.areas || []).length; i++) if (data.areas[i].id === id) return data.areas[i];
    return null;
  }
  // The family's area: its social emergency number where a current source states it, and the
  // address of its contacts on the list page (in this language, else Finnish, else Swedish).
  function areaLine(area, lang) {
    var local = lang.local;
    var text = local.emergency + " (" + area.name.fi + " – " + area.name.sv + "): ";
    if (area.phone) text += area.phone + " (" + (area.hours === "always" ? local.always : local.after_hours) + "). ";
    var url = area.at[lang.code] || area.at.fi || area.at.sv;
    return { code: lang.code, dir: lang.dir, label: text + local.list + ": ", url: url, area: true };
  }
  // Every address and the file of its QR code come complete in the data (the build's
  // portal/addresses.py): nothing here builds an address.
  function compose() {
    var page = currentPage();
    var section = sectionOf(page, sectionSelect.value);
    lines = chosen().map(function (code) {
      var lang = byCode[code];
      if (page.langs.indexOf(code) < 0) return { code: code, dir: lang.dir, text: lang.missing };
      var target = section ? section.at[code] : (page.short[code] || page.at[code]);
      if (!target) return { code: code, dir: lang.dir, text: lang.missing };
      return { code: code, dir: lang.dir, label: lang.read_more + ": ", url: target.url,
               qr: new URL(target.qr, src).href, name: lang.name };
    });
    var area = areaOf(areaSelect ? areaSelect.value : "");
    if (area) lines = lines.concat(chosen().map(function (code) { return areaLine(area, byCode[code]); }));
    render(page);
  }
  function render(page) {
    blockEl.textContent = "";
    lines.forEach(function (line) {
      var p = document.createElement("p");
      p.lang = line.code;
      p.dir = line.dir;
      if (line.url) {
        p.appendChild(document.createTextNode(line.label));
        var a = document.createElement("a");
        a.href = line.url;
        a.textContent = line.url;
        a.dir = "ltr";
        p.appendChild(a);
      } else {
        p.textContent = line.text;
        p.className = "links-composer__missing-line";
      }
      blockEl.appendChild(p);
    });
    renderQr();
    offerFullLanguages(page);
    statusEl.textContent = "";
  }
  // The QR codes, one per address, only while their section is open (each is a file).
  function renderQr() {
    qrList.textContent = "";
    if (!qrDetails.open) return;
    lines.forEach(function (line) {
      if (!line.url || line.area) return;
      var li = document.createElement("li");
      var figure = document.createElement("figure");
      var img = document.createElement("img");
      img.src = line.qr;
      img.alt = strings.qr_code + ": " + line.url;
      img.width = 132;
      img.height = 132;
      var caption = document.createElement("figcaption");
      var name = document.createElement("span");
      name.lang = line.code;
      name.textContent = line.name;
      var down = document.createElement("a");
      down.href = line.qr;
      down.setAttribute("download", "qr-" + line.url.replace(/^https?:\/\//, "").replace(/[^a-z0-9]+/gi, "-").replace(/-+$/, "") + ".svg");
      down.textContent = strings.qr_download;
      down.setAttribute("aria-label", strings.qr_download + ": " + line.name);
      caption.appendChild(name);
      caption.appendChild(document.createElement("br"));
      caption.appendChild(down);
      figure.appendChild(img);
      figure.appendChild(caption);
      li.appendChild(figure);
      qrList.appendChild(li);
    });
  }
  // A chosen language without the page: offer the full languages that have it.
  function offerFullLanguages(page) {
    var missing = lines.some(function (l) { return !l.url; });
    offerEl.textContent = "";
    missingEl.hidden = !missing;
    if (!missing) return;
    data.languages.forEach(function (lang) {
      if (!lang.full || page.langs.indexOf(lang.code) < 0) return;
      var box = root.querySelector("input[name=language][value=" + lang.code + "]");
      if (!box || box.checked) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button";
      button.lang = lang.code;
      button.textContent = "+ " + lang.name;
      button.addEventListener("click", function () {
        box.checked = true;
        compose();
        box.focus();
      });
      offerEl.appendChild(button);
      offerEl.appendChild(document.createTextNode(" "));
    });
  }
  function plainText() {
    return lines.map(function (l) { return l.url ? l.label + l.url : l.text; }).join("\n");
  }
  function escape(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }
  function html() {
    return "<div>" + lines.map(function (l) {
      var open = '<p lang="' + l.code + '" dir="' + l.dir + '">';
      if (!l.url) return open + escape(l.text) + "</p>";
      return open + escape(l.label) + '<a href="' + escape(l.url) + '">' + escape(l.url) + "</a></p>";
    }).join("") + "</div>";
  }
  function say(text) {
    statusEl.textContent = "";
    window.setTimeout(function () { statusEl.textContent = text; }, 50);
  }
  function selectBlock() {
    var range = document.createRange();
    range.selectNodeContents(blockEl);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
  function copy() {
    var text = plainText();
    var done = function () { say(strings.copied); };
    var failed = function () { selectBlock(); say(strings.copy_failed); };
    if (!navigator.clipboard) return failed();
    if (window.ClipboardItem && navigator.clipboard.write) {
      var item = new window.ClipboardItem({
        "text/plain": new Blob([text], { type: "text/plain" }),
        "text/html": new Blob([html()], { type: "text/html" })
      });
      navigator.clipboard.write([item]).then(done, function () {
        navigator.clipboard.writeText(text).then(done, failed);
      });
    } else if (navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, failed);
    } else failed();
  }
  // "Print the links": only the block and its QR codes (print CSS), once the codes are loaded.
  function print() {
    qrDetails.open = true;
    renderQr();
    var images = Array.prototype.map.call(qrList.querySelectorAll("img"), function (img) {
      return img.decode ? img.decode().catch(function () {}) : null;
    });
    Promise.all(images).then(function () {
      document.body.classList.add("links-composer-printing");
      window.print();
    });
  }
  window.addEventListener("afterprint", function () {
    document.body.classList.remove("links-composer-printing");
  });

  root.addEventListener("focusin", load);
  root.addEventListener("pointerdown", load);
  pageSelect.addEventListener("change", when(function () { fillSections(); compose(); }));
  if (areaSelect) areaSelect.addEventListener("change", when(compose));
  sectionSelect.addEventListener("change", when(compose));
  qrDetails.addEventListener("toggle", when(function () {
    if (!(qrDetails.open && qrList.firstChild)) renderQr();
  }));
  for (var i = 0; i < boxes.length; i++) boxes[i].addEventListener("change", when(compose));
  root.querySelector("[data-composer-copy]").addEventListener("click", when(copy));
  root.querySelector("[data-composer-print]").addEventListener("click", when(print));
})();
