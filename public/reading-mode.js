// The reader's choice of read (short or full), remembered in this browser: applied before the
// first paint, so a reader who chose the full read never sees the page jump, and stored when it
// changes. Where storage is unavailable (private modes, sandboxed frames) nothing is kept.
// Loaded in the head of the explainer's pages; the switch itself works with no code.
(function () {
  var KEY = "explainer:v1:reading-mode";
  var root = document.documentElement;
  var stored = null;
  try {
    stored = localStorage.getItem(KEY);
  } catch (e) {}
  if (stored === "full") root.setAttribute("data-reading-mode", "full");
  // Once the switch is parsed, it shows the stored read; this script, loaded async (render-
  // blocking where the browser knows `blocking="render"`, never parser-blocking), may run
  // before or after that.
  function showOnSwitch() {
    var full = document.querySelector('input[name="reading-mode"][value="full"]');
    if (stored === "full" && full) full.checked = true;
    root.removeAttribute("data-reading-mode");
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", showOnSwitch);
  else showOnSwitch();
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (input.name !== "reading-mode") return;
    try {
      localStorage.setItem(KEY, input.value);
    } catch (e) {}
  });
})();
