/* Search: Material's dialog and Material's engine (lunr), loaded only when the reader
 * opens it, and queried so that readers' words are found.
 *
 * Material 9.8 would start its lunr search worker (40 KB) and download the language's
 * index on every page view, and its query finds only words that start with what was
 * typed: lunr does not stem a term with a wildcard, so "huostaanotosta" or
 * "omhändertagandet" found nothing. This file, run before Material's bundle:
 * - holds back Material's request for <language>/search/search_index.json (the
 *   language's own pages, hooks/search_index.py) until search is opened;
 * - gives Material, in place of its search Worker, a stand-in that speaks the worker's
 *   messages (SETUP 0, READY 1, QUERY 2, RESULT 3). Material's dialog, keyboard
 *   handling, result list and strings stay as they are.
 * The stand-in loads lunr (assets/javascripts/lunr/lunr.min.js) and the language's
 * lunr-languages stemmer that Material ships, indexes the sections in the page's own
 * thread (a few hundred short sections: no Worker needed), and asks for each word
 * (QUERY_TERMS): its stem; the word as typed, as the start of a longer word; for a long
 * word, its first 70 %, which finds Finnish forms whose stem changes (huolto, huollon,
 * huollosta); and the word with one letter wrong. Pages rank by their best section, with
 * some weight for their other matching sections. Measured on scripts/search_queries.yml
 * (recall at 3) and in bytes in reports/benchmark.md.
 * Without JavaScript nothing changes: there is no search.
 */
(function () {
  "use strict";
  var release;
  var opened = new Promise(function (resolve) { release = resolve; });
  var INDEX = /\/search\/search_index\.json(\?|$)/;
  var RESULTS = 5;    // pages listed for a query
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

  var EDGES = /^[^\p{L}\p{N}\p{M}]+|[^\p{L}\p{N}\p{M}]+$/gu;

  function escapeHTML(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  var LUNR = "assets/javascripts/lunr/";
  // What a query asks for each word, and how much each kind of match counts.
  var QUERY_TERMS = { stem: 10, typed: 4, prefix: 1, typo: 1 };
  var PREFIX = 0.7;        // share of a long word kept for the prefix match
  var LONG = 6, TYPO = 5;  // shortest word with a prefix match, with a typo match
  var SHORTEST_PREFIX = 5; // the prefix match keeps at least this many letters
  var PAGE_TOP = 2;        // a page's title and introduction count twice
  var GLOSSARY = 0.5;      // the glossary repeats every term: its sections count half
  var OTHER_SECTIONS = 0.3; // weight of a page's further matching sections

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = new URL(src, root).href;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("search: could not load " + src)); };
      document.head.appendChild(script);
    });
  }

  // lunr, then (for a language with a lunr-languages stemmer) its support and stemmer.
  function loadLunr(config) {
    var lang = (config.lang || ["en"])[0];
    var exact = !(config.pipeline || []).length;
    var files = [LUNR + "lunr.min.js"];
    if (!exact && lang !== "en") files.push(LUNR + "min/lunr.stemmer.support.min.js", LUNR + "min/lunr." + lang + ".min.js");
    return files.reduce(function (done, file) {
      return done.then(function () { return loadScript(file); });
    }, Promise.resolve()).then(function () { return { lunr: window.lunr, lang: lang, exact: exact }; });
  }

  function pageOf(location) { return location.split("#")[0]; }

  function boostOf(doc) {
    var boost = doc.location.indexOf("#") < 0 ? PAGE_TOP : 1;
    return /\/glossary\/(#|$)/.test(doc.location) ? boost * GLOSSARY : boost;
  }

  function trimmer(lunr) {
    if (!lunr.keepDigitsTrimmer) {
      lunr.keepDigitsTrimmer = function (token) {
        return token.update(function (text) { return text.replace(EDGES, ""); });
      };
      lunr.Pipeline.registerFunction(lunr.keepDigitsTrimmer, "trimmer-keep-digits");
    }
    return lunr.keepDigitsTrimmer;
  }

  function buildIndex(engine, separator, docs) {
    var lunr = engine.lunr;
    lunr.tokenizer.separator = separator;
    return lunr(function () {
      if (engine.exact) { this.pipeline.reset(); this.searchPipeline.reset(); }
      else if (engine.lang !== "en") {
        this.use(lunr[engine.lang]);
        // lunr-languages' trimmers keep only the language's letters: "112", "23" and
        // "0800" would not be words at all. Trim punctuation only.
        this.pipeline.after(lunr[engine.lang].trimmer, trimmer(lunr));
        this.pipeline.remove(lunr[engine.lang].trimmer);
      }
      this.ref("location");
      this.field("title", { boost: 5 });
      this.field("text");
      this.field("words", { boost: 5 });  // everyday words for the glossary's terms, weighed like a title: found, not shown
      docs.forEach(function (doc) { this.add(doc, { boost: boostOf(doc) }); }, this);
    });
  }

  // The query's words, without the punctuation around them ("vad?", "«опека»").
  function wordsOf(text, separator) {
    return String(text).toLowerCase().split(separator).map(function (word) {
      return word.replace(EDGES, "");
    }).filter(Boolean);
  }

  function prefixOf(word) {
    return word.length >= LONG ? word.slice(0, Math.max(SHORTEST_PREFIX, Math.ceil(word.length * PREFIX))) : word;
  }

  function runQuery(engine, index, words) {
    var lunr = engine.lunr, TRAILING = lunr.Query.wildcard.TRAILING;
    return index.query(function (q) {
      words.forEach(function (word) {
        q.term(word, { boost: QUERY_TERMS.stem });
        q.term(word, { usePipeline: false, wildcard: TRAILING, boost: QUERY_TERMS.typed });
        if (word.length >= LONG) q.term(prefixOf(word), { usePipeline: false, wildcard: TRAILING, boost: QUERY_TERMS.prefix });
        if (word.length >= TYPO) q.term(word, { usePipeline: false, editDistance: 1, boost: QUERY_TERMS.typo });
      });
    });
  }

  // Pages by their best section, then their other sections: [[page, [results]]].
  function byPage(results) {
    var pages = {}, order = [];
    results.forEach(function (result) {
      var page = pageOf(result.ref);
      if (!pages[page]) { pages[page] = { page: page, best: result.score, rest: 0, results: [] }; order.push(pages[page]); }
      else pages[page].rest += result.score;
      pages[page].results.push(result);
    });
    function total(entry) { return entry.best + OTHER_SECTIONS * entry.rest; }
    return order.sort(function (a, b) { return total(b) - total(a); });
  }

  // The start of a word in the text that a query word matches: its stem, the word, or
  // the prefix the query looked for.
  function markers(index, words) {
    var out = [];
    words.forEach(function (word) {
      out.push(word, prefixOf(word));
      index.pipeline.runString(word).forEach(function (stem) { if (stem.length >= 3) out.push(stem); });
    });
    return out;
  }

  // About EXCERPT words of the text from a little before the first match, escaped, with
  // the matching words in <mark>.
  var EXCERPT = 24;
  function excerpt(text, marks) {
    function matches(token) {
      var word = token.toLowerCase().replace(EDGES, "");
      return word && marks.some(function (mark) { return word.indexOf(mark) === 0; });
    }
    var words = String(text).split(/\s+/).filter(Boolean);
    var first = words.findIndex(matches);
    var start = Math.max(0, first - 6);
    var shown = words.slice(start, start + EXCERPT);
    var html = shown.map(function (word) { return matches(word) ? "<mark>" + escapeHTML(word) + "</mark>" : escapeHTML(word); }).join(" ");
    return (start > 0 ? "… " : "") + html + (start + EXCERPT < words.length ? " …" : "");
  }

  // One page as Material's group: the page first, then its best sections (the best one
  // shown open, the others under "more"). Titles and text are escaped.
  function toItems(entry, rank, docs, marks, terms) {
    var score = 1000 - rank;
    function item(doc, itemScore) {
      return {
        location: new URL(doc.location.replace(/^\//, ""), root).href,
        title: escapeHTML(doc.title), text: excerpt(doc.text, marks),
        score: itemScore, terms: terms
      };
    }
    var page = docs[entry.page] || docs[entry.results[0].ref];
    var sections = entry.results
      .filter(function (result) { return result.ref.indexOf("#") > -1; })
      .slice(0, SECTIONS)
      .map(function (result, i) { return item(docs[result.ref], i === 0 ? score : score - 0.5); });
    return [item(page, score)].concat(sections);
  }

  function LunrSearch() {
    var self = this, listeners = [], ready = null, latest = 0;
    function emit(data) {
      var event = new MessageEvent("message", { data: data });
      listeners.slice().forEach(function (listener) {
        if (typeof listener === "function") listener.call(self, event); else listener.handleEvent(event);
      });
    }
    function setup(data) {
      var config = data.config, docs = {};
      data.docs.forEach(function (doc) { docs[doc.location] = doc; });
      var separator = new RegExp(config.separator || "[\\s\\-]+");
      ready = loadLunr(config).then(function (engine) {
        return { engine: engine, docs: docs, separator: separator, index: buildIndex(engine, separator, data.docs) };
      });
      return ready;
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
      if (!ready || !String(text).trim()) { answer(id, []); return; }
      busy(true);
      ready.then(function (search) {
        var words = wordsOf(text, search.separator);
        var terms = {};
        words.forEach(function (word) { terms[word] = true; });
        var marks = markers(search.index, words);
        var pages = byPage(runQuery(search.engine, search.index, words)).slice(0, RESULTS);
        answer(id, pages.map(function (entry, rank) {
          return toItems(entry, rank, search.docs, marks, terms);
        }));
      }).catch(function (error) {
        answer(id, []);
        if (window.console) console.error(error);
      });
    }
    this.postMessage = function (message) {
      if (message.type === 0) setup(message.data).then(function () { emit({ type: 1 }); });
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
    return /\/workers\/search\.[0-9a-f]+\.min\.js/.test(String(url)) ? new LunrSearch()
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
