// What a reader does inside an embedded explainer, told to the host page for its own analytics
// and nothing else: this makes no request and sets no cookie, and no word a reader types leaves
// the page (the FAQ filter tells how many questions it shows). Loaded by the loader in a frame
// (each event posted to the parent) and by embed.js for the script embed (each dispatched on the
// host element); it needs no wasm, so what a reader does before the code comes is told too.
//
// Every event is `{ explainer: "event", name, part, edition, ... }`:
//   in-view                  the embed first came into view
//   section-opened           a section's Read more, with its `section`
//   full-read-chosen         "Everything" in "How much do you want to read?"
//   answer-opened            an answer opened, with its `answer`
//   faq-filtered             the FAQ filter settled, with the number of questions `shown`
//   item-ticked, -unticked   a checklist item, with its `item`
//   plan-copied, -downloaded, -printed, -shared   the plan's tools
//   edition-opened           the link to another edition, with its language, `to`

// How long the filter must rest before it counts as one search.
const FILTER_SETTLES_MS = 800;
const ITEM_PREFIX = "item-";
const ANSWER_PREFIX = "faq-";

// Watches `root` (a document or a shadow root) and tells `send` each event, with `context`
// (`part`, `edition`); `seen` is the element whose first coming into view counts.
export function watch(root, seen, context, send) {
  const tell = (name, detail) => send({ explainer: "event", name, ...context, ...detail });
  const view = new IntersectionObserver((entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    view.disconnect();
    tell("in-view");
  });
  view.observe(seen);

  // `change` comes only from a reader: setting a box from code sends none.
  root.addEventListener(
    "change",
    (event) => {
      const input = event.target;
      if (input.classList?.contains("section-toggle__input")) {
        if (input.checked) tell("section-opened", { section: input.closest("section")?.id });
      } else if (input.name === "reading-mode") {
        if (input.checked && input.value === "full") tell("full-read-chosen");
      } else if (input.type === "checkbox" && input.id.startsWith(ITEM_PREFIX)) {
        tell(input.checked ? "item-ticked" : "item-unticked", { item: input.id.slice(ITEM_PREFIX.length) });
      }
    },
    true,
  );

  // An answer opened by a reader's click (or key) on its question; answers opened from a link
  // or from memory are not a reader's doing.
  root.addEventListener(
    "click",
    (event) => {
      const question = event.target.closest?.("summary.faq__button");
      const entry = question?.parentElement;
      if (entry && !entry.open) tell("answer-opened", { answer: entry.id.slice(ANSWER_PREFIX.length) });
      const marked = event.target.closest?.("[data-explainer-event]");
      if (marked) {
        const to = marked.getAttribute("hreflang");
        tell(marked.getAttribute("data-explainer-event"), to ? { to } : {});
      }
    },
    true,
  );

  let settling;
  root.addEventListener(
    "input",
    (event) => {
      if (event.target.id !== "faq-filter") return;
      clearTimeout(settling);
      settling = setTimeout(() => {
        tell("faq-filtered", { shown: root.querySelectorAll(".faq__entry:not([hidden])").length });
      }, FILTER_SETTLES_MS);
    },
    true,
  );
}
