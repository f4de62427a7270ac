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
   - The index comes in shards (bundles of a few hundred articles each, so the preview
     server re-indexes only the edited article's shard): the build lists the bundles
     besides the primary one in pagefind/dossier-shards.json, and they are merged into
     the instance (Pagefind's mergeIndex) before it loads, with the same options (result
     links, highlight).  Pagefind orders sorted results within each bundle only, so a
     sorted search is ordered again by the values each bundle lists (dossier-sorts.json).
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

  function fetchJson(url, fallback) {
    return fetch(url).then(function (response) {
      return response.ok ? response.json() : fallback;
    }).catch(function () { return fallback; });
  }

  var bundlesPromise = null;

  function mergedBundles(instance) {
    // The other bundles' paths, relative to the primary bundle's (none if not listed).
    if (!bundlesPromise) {
      var primary = instance.options.bundlePath;
      bundlesPromise = fetchJson(primary + "dossier-shards.json", {}).then(function (data) {
        var bundles = data && Array.isArray(data.bundles) ? data.bundles : [];
        return bundles.map(function (path) { return primary + path; });
      });
    }
    return bundlesPromise;
  }

  var sortValuesPromise = null;

  function sortValues(bundles) {
    // Page id -> value of the sort key, over every bundle.
    if (!sortValuesPromise) {
      sortValuesPromise = Promise.all(bundles.map(function (path) {
        return fetchJson(path + "dossier-sorts.json", {});
      })).then(function (tables) {
        var values = {};
        tables.forEach(function (table) { Object.assign(values, (table && table[sortKey]) || {}); });
        return values;
      });
    }
    return sortValuesPromise;
  }

  function compareValues(a, b) {
    if (a === b) return 0;
    if (a === undefined) return 1;
    if (b === undefined) return -1;
    var x = Number(a), y = Number(b);
    if (a !== "" && b !== "" && isFinite(x) && isFinite(y)) return x - y;
    return a < b ? -1 : 1;
  }

  function wrappedModule(module, bundles) {
    // Module namespaces are frozen: wrap a copy whose search() adds the chosen order.
    var wrapped = Object.assign({}, module);
    wrapped.search = async function (term, options) {
      var opts = Object.assign({}, options || {});
      var order = sortSelect && sortSelect.value;
      if (order) {
        opts.sort = {};
        opts.sort[sortKey] = order;
      }
      var response = await module.search(term, opts);
      if (order && bundles.length > 1 && response && response.results) {
        var values = await sortValues(bundles);
        var sign = order === "desc" ? -1 : 1;
        response.results = response.results.slice().sort(function (a, b) {
          var byValue = compareValues(values[a.id], values[b.id]);
          return values[a.id] === undefined || values[b.id] === undefined ? byValue : sign * byValue;
        });
      }
      return response;
    };
    wrapped.dossierWrapped = true;
    return wrapped;
  }

  function installInstance() {
    // Merge the shards into the default instance and wrap its module, whenever it loads.
    var components = window.PagefindComponents;
    if (!components || !components.getInstanceManager) return null;
    var instance = components.getInstanceManager().getInstance("default");
    if (!instance || typeof instance.__load__ !== "function" || !instance.options) return null;
    var load = instance.__load__.bind(instance);
    instance.__load__ = async function () {
      var merged = await mergedBundles(instance);
      if (!instance.__pagefind__) {
        instance.options.mergeIndex = merged.map(function (path) {
          return Object.assign({}, instance.pagefindOptions, { bundlePath: path });
        });
      }
      await load();
      if (instance.__pagefind__ && !instance.__pagefind__.dossierWrapped) {
        instance.__pagefind__ = wrappedModule(instance.__pagefind__, [instance.options.bundlePath].concat(merged));
      }
    };
    return instance;
  }

  function installSort(instance) {
    if (!sortBox || !sortSelect || !instance) return;
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
    installSort(installInstance());
    prefill(0);
  });
})();
