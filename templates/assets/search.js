/* Search page glue for Pagefind's Component UI.
   - Result links: Pagefind makes them from the site root ("/artikel/..."); under a
     sub-path that root is wherever this site lives, which we know from the relative
     link to the home page rendered into <pagefind-config data-root>.
   - ?q= from the header search form (or a shared link) pre-fills the query.
   - The URL follows the query, so a search can be bookmarked and shared.
   - On small screens the filter groups start folded, so results come first.
   - Results can be sorted by date (?sort=desc|asc): the Component UI has no sort
     control, so the instance's loaded Pagefind module is wrapped to pass `sort` to
     every search, and the search is run again when the choice changes.
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

  var sortBox = document.querySelector(".search__sort");
  var sortSelect = document.getElementById("search-sort");
  var sortKey = sortBox ? sortBox.getAttribute("data-sort-key") : "";
  var initialSort = new URLSearchParams(window.location.search).get("sort") || "";

  function sortedModule(module) {
    // Module namespaces are frozen: wrap a copy whose search() adds the chosen order.
    var wrapped = Object.assign({}, module);
    wrapped.search = function (term, options) {
      var opts = Object.assign({}, options || {});
      if (sortSelect && sortSelect.value) {
        opts.sort = {};
        opts.sort[sortKey] = sortSelect.value;
      }
      return module.search(term, opts);
    };
    wrapped.dossierSorted = true;
    return wrapped;
  }

  function installSort() {
    var components = window.PagefindComponents;
    if (!sortBox || !sortSelect || !components || !components.getInstanceManager) return;
    var instance = components.getInstanceManager().getInstance("default");
    if (!instance || typeof instance.__load__ !== "function") return;
    var load = instance.__load__.bind(instance);
    instance.__load__ = async function () {
      await load();
      if (instance.__pagefind__ && !instance.__pagefind__.dossierSorted) {
        instance.__pagefind__ = sortedModule(instance.__pagefind__);
      }
    };
    if (["asc", "desc"].indexOf(initialSort) >= 0) sortSelect.value = initialSort;
    sortBox.hidden = false;
    sortSelect.addEventListener("change", function () {
      var url = new URL(window.location.href);
      if (sortSelect.value) url.searchParams.set("sort", sortSelect.value); else url.searchParams.delete("sort");
      window.history.replaceState(null, "", url);
      var box = input();
      instance.triggerSearch(box ? box.value : instance.searchTerm || "");
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    installSort();
    prefill(0);
  });
})();
