// Host-page script for the explainer. Sizes its iframes from their height messages, and mounts
// it into <div data-explainer> elements when loaded as a module: the wasm fetches the explainer
// rendered at build time (fragment.html, or fragment/<part>.html for one part) into each
// element's shadow root and hydrates it. If the wasm cannot run, each element shows the
// explainer in a frame instead.
(function () {
  if (window.__explainerEmbed) return;
  window.__explainerEmbed = 1;
  var me = document.currentScript || [].slice.call(document.querySelectorAll("script[src]"))
    .filter(function (s) { return /embed\.js(\?|#|$)/.test(s.src); })[0];
  if (!me) return;
  var base = new URL(".", me.src);
  var RESERVED = "480px";

  function ours(frame) {
    try { return new URL(frame.src, location.href).href.indexOf(base.href) === 0; } catch (e) { return false; }
  }
  function frames() {
    return [].slice.call(document.querySelectorAll("iframe[src]")).filter(ours);
  }
  function reserve() {
    frames().forEach(function (frame) {
      if (!frame.style.height) frame.style.setProperty("min-height", RESERVED);
    });
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.origin !== base.origin || !data || typeof data !== "object" || !data.explainer) return;
    frames().forEach(function (frame) {
      if (frame.contentWindow !== event.source) return;
      if (data.explainer === "height" && data.height > 0) {
        frame.style.setProperty("min-height", "0", "important");
        frame.style.setProperty("height", Math.ceil(data.height) + "px", "important");
      } else if (data.explainer === "scroll" && data.top >= 0) {
        window.scrollTo({ top: frame.getBoundingClientRect().top + window.scrollY + data.top });
      }
    });
  });

  // Each edition's pages are in a folder named for its language, the reference's (`topLang`,
  // the language of index.html itself, English when unknown) at the top. A part asked for with
  // data-explainer-part="<part>" has its own pages, in `folder` (embed/ or fragment/); the whole
  // explainer is `folder`.html.
  function pageOf(host, folder, topLang) {
    var lang = host.getAttribute("data-explainer-lang");
    var edition = lang && /^[a-z]{2,3}$/.test(lang) && lang !== (topLang || "en") ? lang + "/" : "";
    var part = host.getAttribute("data-explainer-part");
    var file = part && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(part) ? folder + "/" + part + ".html" : folder + ".html";
    return new URL(edition + file, base);
  }

  // Where the wasm cannot run here (blocked, failed, too old a browser), the host shows the
  // explainer in a frame instead, with the same options; the frame reports its own height.
  function frameInstead(host, title, topLang) {
    var src = pageOf(host, "embed", topLang);
    ["theme", "open"].forEach(function (option) {
      var value = host.getAttribute("data-explainer-" + option);
      if (value) src.searchParams.set(option, value);
    });
    var frame = document.createElement("iframe");
    frame.src = src.href;
    frame.title = title || "Explainer";
    frame.style.cssText = "width:100%;border:0;display:block";
    frame.style.setProperty("min-height", RESERVED);
    host.setAttribute("data-explainer-mounted", "frame");
    host.textContent = "";
    host.appendChild(frame);
  }

  // What a reader does inside each element is dispatched on it as a bubbling
  // `explainer:event`, for the host's own analytics (reader-events.js says what is sent).
  function tellWhatReadersDo(hosts, topLang) {
    import(new URL("reader-events.js", base).href).then(function (events) {
      hosts.forEach(function (host) {
        var context = {
          part: host.getAttribute("data-explainer-part") || "explainer",
          edition: host.getAttribute("data-explainer-lang") || topLang || "en"
        };
        events.watch(host.shadowRoot, host, context, function (detail) {
          host.dispatchEvent(new CustomEvent("explainer:event", { detail: detail, bubbles: true }));
        });
      });
    }).catch(function () {});
  }

  function mountAll() {
    var hosts = [].slice.call(document.querySelectorAll("[data-explainer]:not([data-explainer-mounted])"));
    if (!hosts.length) return;
    var page = null;
    fetch(new URL("index.html", base)).then(function (r) { return r.text(); }).then(function (html) {
      page = new DOMParser().parseFromString(html, "text/html");
      var href = function (selector) { return new URL(page.querySelector(selector).getAttribute("href"), base).href; };
      var css = href('head > link[rel="stylesheet"]');
      var fragmentOf = function (host) { return pageOf(host, "fragment", page.documentElement.lang).href; };
      // The page names its code in a data block (it preloads none: its readers fetch it on use).
      var code = JSON.parse(page.getElementById("explainer-code").textContent);
      var wasm = new URL(code.wasm, base).href;
      // A reader whose browser asks to save data gets a part's code when they touch that part.
      var when = navigator.connection && navigator.connection.saveData ? "touch" : "now";
      return import(new URL(code.glue, base).href).then(function (glue) {
        return glue.default({ module_or_path: wasm }).then(function () {
          hosts.forEach(function (host) {
            host.setAttribute("data-explainer-mounted", "");
            glue.mount_explainer(host, fragmentOf(host), css, glue, when);
          });
          tellWhatReadersDo(hosts, page.documentElement.lang);
        });
      });
    }).catch(function (error) {
      console.warn("explainer: showing it in a frame, since its code could not run here", error);
      var title = page && page.title;
      var topLang = page && page.documentElement.lang;
      hosts.forEach(function (host) { frameInstead(host, title, topLang); });
    });
  }

  function start() { reserve(); mountAll(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
