/* Material's storage helpers, as a file instead of an inline script.
 *
 * Material 9.8 puts this in an inline <script> in <head>; the site's
 * Content-Security-Policy allows no inline script (deploy/nginx.conf), so
 * overrides/partials/javascripts/base.html is empty and this file (the same code,
 * unminified) runs before Material's bundle. The scope is the language's root,
 * taken from Material's own #__config.
 */
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("__config").textContent);
  window.__md_scope = new URL(config.base, location);
  window.__md_hash = function (value) {
    return Array.prototype.reduce.call(value, function (hash, ch) {
      return (hash << 5) - hash + ch.charCodeAt(0);
    }, 0);
  };
  window.__md_get = function (key, storage, scope) {
    storage = storage || localStorage;
    scope = scope || window.__md_scope;
    return JSON.parse(storage.getItem(scope.pathname + "." + key));
  };
  window.__md_set = function (key, value, storage, scope) {
    storage = storage || localStorage;
    scope = scope || window.__md_scope;
    try { storage.setItem(scope.pathname + "." + key, JSON.stringify(value)); } catch (e) { /* storage off */ }
  };
})();
