/* "Copy link to this section" on every heading, for staff who paste links into letters.
 *
 * Each heading has a permalink (#) from the toc extension: without JavaScript it is a
 * plain link to the section. With it, a click copies the section's full, stable URL and
 * says so to screen readers as well.
 */
(function () {
  "use strict";
  var settings = document.getElementById("__site");
  var ui = settings ? JSON.parse(settings.textContent) : {};
  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  status.id = "copy-link-status";
  document.body.appendChild(status);

  var links = document.querySelectorAll(".md-content a.headerlink");
  for (var i = 0; i < links.length; i++) {
    var heading = links[i].parentElement;
    var text = heading ? heading.textContent.replace(links[i].textContent, "").trim() : "";
    links[i].setAttribute("aria-label", (ui.copy_link || "Copy link") + ": " + text);
    links[i].setAttribute("title", ui.copy_link || "Copy link");
  }

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target.closest("a.headerlink") : null;
    if (!target || !navigator.clipboard) return;
    var url = window.location.origin + window.location.pathname + target.hash;
    navigator.clipboard.writeText(url).then(function () {
      target.classList.add("headerlink--copied");
      status.textContent = ui.link_copied || "Copied";
      window.setTimeout(function () { target.classList.remove("headerlink--copied"); }, 2000);
    }, function () { /* no clipboard permission: the link still moves to the section */ });
  });
})();
