/* Dossier: the only script on every page. Pressing "/" focuses the search box, the
   convention of news and code sites alike. Arriving from a search result
   (?highlight=word), the words are marked in the article with Pagefind's highlighter,
   loaded only then. Everything works without it. */
(function () {
  "use strict";
  var self = document.currentScript;
  var terms = new URLSearchParams(window.location.search).get("highlight");
  var body = document.querySelector("[data-pagefind-body]");
  if (terms && body && self && self.src) {
    // The bundle sits at the site root, beside assets/: found from this script's own URL,
    // so it works under any sub-path.
    var bundle = new URL("../pagefind/pagefind-highlight.js", self.src).href;
    import(bundle).then(function (module) {
      new module.default({
        highlightParam: "highlight", markContext: "[data-pagefind-body]", addStyles: false,
        markOptions: { className: "search-hit", exclude: ["[data-pagefind-ignore]", "[data-pagefind-ignore] *"] }
      });
    }).catch(function () { /* no search bundle (e.g. opened from disk): nothing to mark */ });
  }
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
