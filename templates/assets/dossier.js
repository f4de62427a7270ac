/* Dossier: the only script on every page. Pressing "/" focuses the search box, the
   convention of news and code sites alike. Everything works without it. */
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    var tag = target && target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable)) return;
    // The search page's own box first (a selector list would return the header box,
    // which comes earlier in the document), the header's box everywhere else.
    var box = document.querySelector(".search input") || document.querySelector("[data-search-shortcut]");
    if (!box) return;
    event.preventDefault();
    box.focus();
    if (box.select) box.select();
  });
})();
