/* Dossier: the only script on every page. Pressing "/" focuses the search box, the
   convention of news and code sites alike. Everything works without it. */
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    var tag = target && target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable)) return;
    var box = document.querySelector(".search input, [data-search-shortcut]");
    if (!box) return;
    event.preventDefault();
    box.focus();
    if (box.select) box.select();
  });
})();
