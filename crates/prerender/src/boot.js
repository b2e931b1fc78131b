// The explainer's loader (the build fills in the names in capitals between double underscores).
// In a frame it first starts reporting the page's height to the parent, so the frame is sized to
// its content whatever happens to the wasm (WordPress's protocol among the forms); and it places
// popovers under the buttons that open them where the window's edges will not do. It loads the
// wasm and hydrates the islands when they are first needed, or, for a reader saving data, when
// that reader touches a part that needs code; if the wasm cannot be loaded, the page falls back
// to its static layout.

// The page loads this module `async`, so it never holds back DOMContentLoaded (the browser's
// work at that moment then comes when it would on a page with no scripts): it may run before the
// body is parsed, and starts once it is (`start`, at the end).
const frameAsked = new URLSearchParams(location.search).get("embed") === "1";

// WordPress frames a pasted address's oEmbed answer with `#?secret=<token>` on its address, and
// sizes the frame only from messages that carry the token (wp-includes/js/wp-embed.js). The
// fragment is WordPress's, never a link to a part.
const wordpressSecret = /^#\?secret=([A-Za-z0-9]{1,64})$/.exec(location.hash)?.[1];

// The frame's height, in the four forms hosts listen for: pym.js, AMP, embed.js and
// WordPress's. Measures the body, which (unlike the viewport) shrinks with the content; sends
// only changes, and again when WordPress says it is ready to listen.
function reportHeight() {
  if (window.parent === window) return;
  const asked = new URLSearchParams(location.search).get("childId") || "";
  const childId = /^[A-Za-z0-9_-]{1,64}$/.test(asked) ? asked : "";
  let last = 0;
  const tellWordPress = () => {
    if (wordpressSecret && last > 0) {
      window.parent.postMessage({ message: "height", value: last, secret: wordpressSecret }, "*");
    }
  };
  new ResizeObserver(() => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage(`pymxPYMx${childId}xPYMxheightxPYMx${height}`, "*");
    window.parent.postMessage({ sentinel: "amp", type: "embed-size", height }, "*");
    window.parent.postMessage({ explainer: "height", height }, "*");
    tellWordPress();
  }).observe(document.body);
  addEventListener("message", (event) => {
    const data = event.data;
    if (event.source !== window.parent || data?.message !== "ready") return;
    if (data.secret === wordpressSecret) tellWordPress();
  });
}

// In a frame, what a reader does is posted to the host page, for its own analytics
// (reader-events.js, which also says what is sent and what never is).
function tellTheHostWhatReadersDo() {
  const part = /\/__PART_FRAMES_FOLDER__\/([a-z0-9-]+)\.html$/.exec(location.pathname)?.[1] || "explainer";
  const context = { part, edition: document.documentElement.lang };
  import("./reader-events.js")
    .then((events) => events.watch(document, document.body, context, (message) => window.parent.postMessage(message, "*")))
    .catch(() => {});
}

// A sandboxed frame (WordPress's allows scripts only: an opaque origin, no popups) cannot open
// a new tab, so a link that would open one opens in the frame instead.
function openLinksInTheSandboxedFrame() {
  if (self.origin !== "null") return;
  document.addEventListener(
    "click",
    (event) => {
      const link = event.target.closest?.('a[target="_blank"]');
      if (link) link.target = "_self";
    },
    true,
  );
}

// A popover goes right under the button that opened it where the window's edges will not do:
// the phone contents menu, whose button moves with the page until its bar sticks, and, in a
// frame sized to its content (whose window is the whole page), every popover. Elsewhere a
// glossary definition sits along the window's bottom.
function placePopoversUnderButtons(everyPopover) {
  document.addEventListener(
    "beforetoggle",
    (event) => {
      const popover = event.target;
      const button = popover.previousElementSibling;
      if (event.newState !== "open" || button?.getAttribute("popovertarget") !== popover.id) return;
      if (!everyPopover && !popover.classList.contains("toc__list")) return;
      popover.style.position = "absolute";
      popover.style.bottom = "auto";
      popover.style.top = `${Math.round(button.getBoundingClientRect().bottom + window.scrollY + 8)}px`;
    },
    true,
  );
}

// Loads the wasm (fetched beside its glue, not after it) and hydrates the islands, once; the
// lazy ones `when` it says: "now", "near" (as a reader comes near them) or "touch" (as a reader
// touches them). Returns the hydration, which a failure leaves pending.
let hydrated = null;
function loadCode(when) {
  if (hydrated) return hydrated;
  const wasm = fetch("__WASM__");
  // Its failure is handled where it is used, below; this only keeps it from being reported twice.
  wasm.catch(() => {});
  hydrated = new Promise((resolve) => {
    import("__GLUE__")
      .then((bindings) =>
        bindings.default({ module_or_path: wasm }).then(() => {
          window.wasmBindings = bindings;
          return bindings.hydrate_page(bindings, when).then(() => {
            document.documentElement.dataset.hydrated = "";
            dispatchEvent(new CustomEvent("TrunkApplicationStarted"));
            resolve();
          });
        }),
      )
      .catch((error) => {
        console.warn("explainer: the interactive parts could not be loaded", error);
        const link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = "__STATIC_CSS__";
        document.head.append(link);
      });
  });
  return hydrated;
}

// Every control a reader meets works with no code, so a reader who reads the top and touches
// nothing fetches none: it comes on the first sign of use (a scroll, a pointer, a key).
const SIGNS_OF_USE = ["scroll", "pointerdown", "keydown", "touchstart"];
function loadCodeOnFirstUse() {
  const onUse = () => {
    for (const sign of SIGNS_OF_USE) removeEventListener(sign, onUse, true);
    loadCode("near");
  };
  for (const sign of SIGNS_OF_USE) addEventListener(sign, onUse, { capture: true, passive: true });
}

// A reader whose browser asks to save data fetches no code on a scroll or on nearing a part
// (only Chromium says so, as `navigator.connection.saveData`).
const savingData = navigator.connection?.saveData === true;

// The lazy island (one that needs code of its own) `node` is in, if any.
const LAZY_ISLAND = /^(__LAZY_ISLANDS__)_/;
function lazyIslandOf(node) {
  for (let island = node.closest?.("leptos-island"); island; island = island.parentElement?.closest("leptos-island")) {
    if (LAZY_ISLAND.test(island.dataset.component)) return island;
  }
  return null;
}

// While saving data, a part gets its code when a reader touches it (opens an answer, ticks an
// item, focuses a control): the page's code comes, and then the part's. Until the page's code
// has come, each part touched is marked, so it is not missed.
const TOUCHES = ["pointerdown", "focusin", "toggle"];
function loadCodeOnTouch(when) {
  const onTouch = (event) => {
    const island = lazyIslandOf(event.target);
    if (!island) return;
    island.setAttribute("__TOUCHED_ATTRIBUTE__", "");
    loadCode(when).then(() => {
      for (const touch of TOUCHES) document.removeEventListener(touch, onTouch, true);
    });
  };
  for (const touch of TOUCHES) document.addEventListener(touch, onTouch, true);
}

// Says, once and quietly, that the page is saving data, with a button that loads every part's
// code now (but "Embed this", which waits for a touch in any case).
function offerToLoadEverything() {
  const notice = document.querySelector(".__SAVE_DATA_NOTICE__");
  if (!notice) return;
  notice.hidden = false;
  notice.querySelector("button").addEventListener("click", () => {
    notice.hidden = true;
    // Focus stays where the button was: at the start of the content.
    const main = document.querySelector("main");
    if (main && !main.hasAttribute("tabindex")) main.tabIndex = -1;
    main?.focus({ preventScroll: true });
    const loaded = hydrated;
    if (!loaded) loadCode("now");
    else loaded.then(() => dispatchEvent(new CustomEvent("__LOAD_EVERYTHING_EVENT__")));
  });
}

function start() {
  const inFrame = document.body.classList.contains("__FRAME_CLASS__");
  if (frameAsked && !inFrame) {
    location.replace("embed.html" + location.search + location.hash);
    return;
  }
  if (inFrame) {
    reportHeight();
    tellTheHostWhatReadersDo();
  }
  openLinksInTheSandboxedFrame();
  placePopoversUnderButtons(inFrame);
  // A page opened at a part or with options needs its code at once; so does a frame, whose
  // parts are all in view at once, unless its reader is saving data.
  const asked = (location.hash.length > 1 && !wordpressSecret) || /[?&](open|theme)=/.test(location.search);
  if (savingData) {
    offerToLoadEverything();
    loadCodeOnTouch("touch");
    if (asked) loadCode("touch");
  } else if (inFrame || asked) loadCode("now");
  else loadCodeOnFirstUse();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
