/* Load search only when the reader opens it.
 *
 * Material 9.8 starts its search worker (40 KB) and downloads the language's search
 * index (about 100 KB) on every page view, though few readers search. Material has no
 * setting for this, so this file, run before Material's bundle, holds both back:
 * - the request for .../search/search_index.json waits until search is opened;
 * - the search Worker is created only then; until then Material talks to a stand-in
 *   that keeps its messages and listeners and hands them to the real worker.
 * Search opens by focusing or typing in the search field, the search button, or the
 * keyboard shortcuts (/ s f), which all check Material's #__search toggle or focus the
 * field. Without JavaScript nothing changes: there is no search.
 */
(function () {
  "use strict";
  var release;
  var opened = new Promise(function (resolve) { release = resolve; });
  var INDEX = /\/search\/search_index\.json(\?|$)/;

  // Material 9.8 downloads the index with XMLHttpRequest: hold back send() for it.
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

  var RealWorker = window.Worker;
  function LazyWorker(url, options) {
    var worker = null, queue = [], listeners = [];
    opened.then(function () {
      worker = new RealWorker(url, options);
      listeners.forEach(function (l) { worker.addEventListener(l[0], l[1], l[2]); });
      queue.forEach(function (message) { worker.postMessage(message); });
      queue = listeners = null;
    });
    this.postMessage = function (message) {
      if (worker) worker.postMessage(message); else queue.push(message);
    };
    this.addEventListener = function (type, listener, options) {
      if (worker) worker.addEventListener(type, listener, options); else listeners.push([type, listener, options]);
    };
    this.removeEventListener = function (type, listener, options) {
      if (worker) { worker.removeEventListener(type, listener, options); return; }
      listeners = listeners.filter(function (l) { return l[0] !== type || l[1] !== listener; });
    };
    this.terminate = function () { if (worker) worker.terminate(); };
  }
  window.Worker = function (url, options) {
    return /\/workers\/search\.[0-9a-f]+\.min\.js/.test(String(url)) ? new LazyWorker(url, options)
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
