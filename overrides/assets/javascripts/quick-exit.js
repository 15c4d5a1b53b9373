/* Quick exit: leave the site at once, for readers who may be watched.
 *
 * The link in the safety bar works without JavaScript. With it, the click replaces this
 * page in the history (so Back does not return here) and blanks the page first; pressing
 * Escape twice within a second does the same from anywhere on the page.
 * location.replace ignores the link's rel=noreferrer: the page's referrer policy
 * (same-origin, in the head and from the server) is what keeps the exit site from
 * learning where the reader was.
 */
(function () {
  "use strict";
  var link = document.querySelector("[data-quick-exit]");
  if (!link) return;

  function leave() {
    document.body.style.visibility = "hidden";
    document.title = "";
    window.location.replace(link.href);
  }

  link.addEventListener("click", function (event) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    leave();
  });

  var last = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var now = Date.now();
    if (now - last < 1000) leave();
    last = now;
  });
})();
