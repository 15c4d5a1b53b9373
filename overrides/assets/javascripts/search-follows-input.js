/* Search follows every change to the search field, not only typed keys.
 *
 * Material 9.8 reads the search field on "keyup" (and on focus, and once the index is
 * ready). A word pasted from a menu, dictated, or entered by a phone keyboard that sends
 * no key events changes the field with an "input" event only, so the results stayed
 * empty or showed an older word. Material has no setting for this, so each input event
 * is handed on as a keyup on the field itself. It does not bubble, so nothing else on
 * the page sees it; Material ignores a value it has already searched for.
 */
(function () {
  "use strict";
  document.addEventListener("input", function (event) {
    var field = event.target;
    if (field && field.matches && field.matches("[data-md-component=search-query]")) {
      field.dispatchEvent(new Event("keyup"));
    }
  });
})();
