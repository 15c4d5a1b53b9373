/* Search: Material's dialog, answered by Pagefind, loaded only when the reader opens it.
 *
 * Material 9.8 would start its lunr search worker (40 KB) and download the language's
 * index on every page view, and lunr matches only words that start with what was typed
 * (no stemming with Material's wildcard): "huostaanotosta" or "omhändertagandet" found
 * nothing. The site's index is Pagefind's instead (hooks/search_index.py: one index per
 * language, stemmed, fallback pages left out). This file, run before Material's bundle:
 * - holds back Material's request for <language>/search/search_index.json (settings
 *   only, no documents) until search is opened;
 * - gives Material, in place of its search Worker, a stand-in that speaks the worker's
 *   messages (SETUP 0, READY 1, QUERY 2, RESULT 3) and answers queries from Pagefind.
 *   Material's dialog, keyboard handling, result list and strings stay as they are.
 * Pagefind (site/pagefind/pagefind.js, an ES module, and its WebAssembly, which the CSP
 * allows with 'wasm-unsafe-eval') is imported only after the dialog is opened; it searches the index of the page's <html lang> and
 * downloads only the parts of it that a query needs. Without JavaScript nothing changes:
 * there is no search.
 */
(function () {
  "use strict";
  var release;
  var opened = new Promise(function (resolve) { release = resolve; });
  var INDEX = /\/search\/search_index\.json(\?|$)/;
  // Pages whose text (a Pagefind fragment, about 3 KB each) is downloaded for a query: a
  // phone shows about three; the first search's bytes are the budget (scripts/benchmark.py).
  var RESULTS = 5;
  var SECTIONS = 5;   // sections listed under a page
  // This file is assets/site.<hash>.js: the site's root is one folder up.
  var script = document.currentScript;
  var root = new URL("../", script ? script.src : location.href);

  // Material 9.8 downloads the settings with XMLHttpRequest: hold back send() for it.
  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.searchIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (!this.searchIndex) return send.apply(this, arguments);
    var xhr = this, args = arguments;
    opened.then(function () { send.apply(xhr, args); });
  };

  function escapeHTML(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function weight(sub) {
    return (sub.weighted_locations || []).reduce(function (sum, l) { return sum + l.weight; }, 0);
  }

  // One Pagefind result as Material's group: the page first, then its best sections
  // (the best one shown open, the others under "more"). Titles are text (escaped);
  // Pagefind's excerpts are escaped HTML with <mark>.
  function toItems(data, rank, terms) {
    var score = 1000 - rank;
    var page = {
      location: new URL(data.url, location.href).href,
      title: escapeHTML(data.meta && data.meta.title || data.url),
      text: data.excerpt, score: score, terms: terms
    };
    var sections = (data.sub_results || [])
      .filter(function (sub) { return sub.url.indexOf("#") > -1; })
      .sort(function (a, b) { return weight(b) - weight(a); })
      .slice(0, SECTIONS)
      .map(function (sub, i) {
        return {
          location: new URL(sub.url, location.href).href,
          title: escapeHTML(sub.title), text: sub.excerpt,
          score: i === 0 ? score : score - 0.5, terms: terms
        };
      });
    return [page].concat(sections);
  }

  function resultsOf(search) { return (search && search.results) || []; }

  // Pagefind lists only pages that have every word. When that leaves fewer than three
  // pages for a query of several words ("pengar när jag flyttar hemifrån"), the pages
  // with most of the words follow, those with more words first.
  function find(module, words) {
    return module.search(words).then(function (search) {
      var results = resultsOf(search), list = words.split(/\s+/);
      if (results.length >= 3 || list.length < 2) return results;
      return Promise.all(list.map(function (word) { return module.search(word); })).then(function (each) {
        var found = {}, order = [];
        function add(result, hits) {
          if (!found[result.id]) { found[result.id] = { result: result, hits: 0, score: 0 }; order.push(found[result.id]); }
          found[result.id].hits += hits;
          found[result.id].score += result.score;
        }
        results.forEach(function (result) { add(result, list.length + 1); });
        each.forEach(function (search) { resultsOf(search).forEach(function (result) { add(result, 1); }); });
        return order.sort(function (a, b) { return b.hits - a.hits || b.score - a.score; })
          .map(function (entry) { return entry.result; });
      });
    });
  }

  function PagefindSearch() {
    var self = this, listeners = [], pagefind = null, latest = 0;
    function emit(data) {
      var event = new MessageEvent("message", { data: data });
      listeners.slice().forEach(function (listener) {
        if (typeof listener === "function") listener.call(self, event); else listener.handleEvent(event);
      });
    }
    function load() {
      if (!pagefind) {
        pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (module) {
          // noWorker: search in the page; Pagefind's Worker would be one more file (11 KB)
          // for a search that takes milliseconds on this site's few pages
          return module.options({
            basePath: new URL("pagefind/", root).pathname, baseUrl: root.pathname,
            excerptLength: 24, noWorker: true
          })
            .then(function () { return module.init(); })
            .then(function () { return module; });
        });
      }
      return pagefind;
    }
    // The result list says it is busy while a query runs (screen readers wait for it).
    function busy(state) {
      var list = document.querySelector("[data-md-component=search-result]");
      if (list) list.setAttribute("aria-busy", state ? "true" : "false");
    }
    function answer(id, items) {
      if (id !== latest) return;
      emit({ type: 3, data: { items: items } });
      busy(false);
    }
    function query(text) {
      var id = ++latest;
      var words = String(text).trim();
      if (!words) { answer(id, []); return; }
      busy(true);
      var terms = {};
      words.split(/\s+/).forEach(function (word) { terms[word] = true; });
      load()
        .then(function (module) { return find(module, words); })
        .then(function (results) {
          if (id !== latest) return null;
          return Promise.all(results.slice(0, RESULTS).map(function (result) { return result.data(); }));
        })
        .then(function (pages) {
          if (pages !== null) answer(id, pages.map(function (data, rank) { return toItems(data, rank, terms); }));
        })
        .catch(function (error) {
          answer(id, []);
          if (window.console) console.error(error);
        });
    }
    this.postMessage = function (message) {
      if (message.type === 0) load().then(function () { emit({ type: 1 }); });
      else if (message.type === 2) query(message.data);
    };
    this.addEventListener = function (type, listener) {
      if (type === "message") listeners.push(listener);
    };
    this.removeEventListener = function (type, listener) {
      listeners = listeners.filter(function (l) { return l !== listener; });
    };
    this.terminate = function () { listeners = []; };
  }

  var RealWorker = window.Worker;
  window.Worker = function (url, options) {
    return /\/workers\/search\.[0-9a-f]+\.min\.js/.test(String(url)) ? new PagefindSearch()
      : new RealWorker(url, options);
  };

  function openSearch() { release(); }
  document.addEventListener("focusin", function (event) {
    if (event.target && event.target.matches && event.target.matches("[data-md-component=search-query]")) openSearch();
  });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) openSearch();
  });
  document.addEventListener("keydown", function (event) {
    if (!event.ctrlKey && !event.metaKey && !event.altKey && /^[/sf]$/.test(event.key)) {
      var tag = event.target && event.target.tagName;
      if (tag !== "INPUT" && tag !== "TEXTAREA" && tag !== "SELECT") openSearch();
    }
  });
  var toggle = document.getElementById("__search");
  if (toggle && toggle.checked) openSearch();
})();
