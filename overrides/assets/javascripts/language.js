/* Language switching that keeps the reader's place, and remembers the choice.
 *
 * - Every language link (the header switcher and the banner) gets the current
 *   #anchor, so /aftercare/#who-is-entitled switches to /fi/aftercare/#who-is-entitled.
 *   The links already point at the same page in the other language, so this is a
 *   plain navigation: no sitemap look-up, no redirect hop.
 * - A click on a language link stores the choice in localStorage (nothing else is
 *   stored, nothing is sent anywhere).
 * - On default-language pages, a reader whose stored choice or browser language is
 *   another of the site's languages sees a banner in that language.
 */
(function () {
  "use strict";
  var KEY = "portal.language";

  function stored() {
    try { return window.localStorage.getItem(KEY); } catch (e) { return null; }
  }
  function remember(code) {
    try { window.localStorage.setItem(KEY, code); } catch (e) { /* storage off: fine */ }
  }

  function syncHashes() {
    var links = document.querySelectorAll("a[data-lang-switch]");
    for (var i = 0; i < links.length; i++) {
      links[i].hash = window.location.hash;
    }
  }

  function preferred(available) {
    var choice = stored();
    if (choice) return choice;
    var wanted = navigator.languages || [navigator.language || ""];
    for (var i = 0; i < wanted.length; i++) {
      var code = String(wanted[i]).toLowerCase().split("-")[0];
      if (available.indexOf(code) !== -1) return code;
    }
    return null;
  }

  function showBanner() {
    var banners = document.querySelectorAll("[data-language-banner]");
    if (!banners.length) return;
    var codes = [];
    for (var i = 0; i < banners.length; i++) codes.push(banners[i].getAttribute("data-language-banner"));
    var code = preferred(codes.concat([document.documentElement.lang]));
    for (var j = 0; j < banners.length; j++) {
      banners[j].hidden = banners[j].getAttribute("data-language-banner") !== code;
    }
  }

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    var link = target.closest("a[data-lang-switch]");
    if (link) {
      link.hash = window.location.hash;
      remember(link.getAttribute("data-lang-switch"));
      return;
    }
    var stay = target.closest("[data-lang-stay]");
    if (stay) {
      remember(stay.getAttribute("data-lang-stay"));
      showBanner();
    }
  });
  window.addEventListener("hashchange", syncHashes);
  syncHashes();
  showBanner();
})();
