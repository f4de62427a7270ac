/* Search page glue for Pagefind's Component UI.
   - Result links: Pagefind makes them from the site root ("/artikel/..."); under a
     sub-path that root is wherever this site lives, which we know from the relative
     link to the home page rendered into <pagefind-config data-root>.
   - ?q= from the header search form (or a shared link) pre-fills the query.
   - The URL follows the query, so a search can be bookmarked and shared.
   - On small screens the filter groups start folded, so results come first.
   Runs before pagefind-component-ui.js (both deferred, in order). */
(function () {
  "use strict";
  var config = document.querySelector("pagefind-config");
  if (config) {
    var root = new URL(config.getAttribute("data-root") || "./", window.location.href);
    if (root.protocol === "http:" || root.protocol === "https:") {
      config.setAttribute("base-url", root.pathname);
    }
  }
  // On a phone the results matter more than the filters: start with every group folded.
  var pane = document.querySelector(".search pagefind-filter-pane");
  if (pane && window.matchMedia && window.matchMedia("(max-width: 59.99em)").matches) {
    pane.removeAttribute("open");
  }
  var query = new URLSearchParams(window.location.search).get("q") || "";

  function input() {
    return document.querySelector(".search pagefind-input input");
  }

  function prefill(attempt) {
    var box = input();
    if (!box) {
      if (attempt < 50) window.setTimeout(function () { prefill(attempt + 1); }, 20);
      return;
    }
    var header = document.getElementById("site-search-q");
    if (header) header.value = query;
    if (query) {
      box.value = query;
      box.dispatchEvent(new Event("input", { bubbles: true }));
    }
    box.focus();
    box.addEventListener("input", function () {
      var url = new URL(window.location.href);
      if (box.value) url.searchParams.set("q", box.value); else url.searchParams.delete("q");
      window.history.replaceState(null, "", url);
    });
  }

  document.addEventListener("DOMContentLoaded", function () { prefill(0); });
})();
