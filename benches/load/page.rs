//! One cold load of the page in a fresh headless Chromium (desktop size, no throttling): paint,
//! hydration and interaction timings, the wasm memory, and the files fetched, as the page itself
//! records them.

use serde_json::Value;

use crate::support::browser;

/// Runs in the page before its own scripts: notes when the first story section shows text (the
/// prerendered HTML), when the boot script has hydrated the islands (its
/// `TrunkApplicationStarted` event), how long a click on an FAQ question takes to show its answer,
/// and the wasm instance's memory, caught as the glue instantiates the module (the boot script
/// keeps only the glue's bindings, which do not expose it).
const PROBE: &str = r#"
const bench = (window.__bench = {});
addEventListener('TrunkApplicationStarted', () => { bench.hydrated = performance.now(); });
for (const name of ['instantiateStreaming', 'instantiate']) {
  const original = WebAssembly[name];
  WebAssembly[name] = function (...args) {
    return original.apply(this, args).then((result) => {
      bench.memory = (result.instance || result).exports.memory;
      return result;
    });
  };
}
(function story() {
  const section = document.querySelector('.story-section');
  if (section && section.checkVisibility() && section.innerText.trim()) bench.story = performance.now();
  else requestAnimationFrame(story);
})();
addEventListener('click', (event) => {
  const button = event.target.closest('.faq__button');
  if (!button) return;
  const answer = document.getElementById(button.getAttribute('aria-controls'));
  (function opened() {
    if (!answer.hasAttribute('hidden') && answer.checkVisibility()) bench.faq = performance.now() - event.timeStamp;
    else requestAnimationFrame(opened);
  })();
}, true);
"#;

/// Collects the page's records: times in milliseconds from navigation start; the files are the
/// navigation and Resource Timing entries that started before the islands were hydrated.
const RECORDS: &str = r#"
const bench = window.__bench;
const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
return {
  fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime,
  story: bench.story,
  hydrated: bench.hydrated,
  faq: bench.faq,
  memory: bench.memory ? bench.memory.buffer.byteLength : null,
  files: entries.filter((e) => e.startTime <= bench.hydrated)
    .map((e) => ({ url: e.name, transferred: e.encodedBodySize, decoded: e.decodedBodySize })),
};
"#;

/// What one load measured.
pub struct Load {
    /// First contentful paint, ms.
    pub fcp: f64,
    /// The first frame in which the first story section shows text, ms.
    pub story: f64,
    /// When the boot script had hydrated the islands, ms.
    pub hydrated: f64,
    /// From the click on the first FAQ question, once hydrated, to the first frame showing its
    /// answer, ms.
    pub faq: f64,
    /// The wasm instance's memory after the click, bytes (NaN if it was not caught).
    pub memory: f64,
    /// The files fetched, as URL and body size as sent (compressed).
    pub files: Vec<(String, u64)>,
}

impl Load {
    /// Reads the records [`load`] returns.
    pub fn from_records(records: &Value) -> Self {
        let number = |name: &str| records[name].as_f64().unwrap_or(f64::NAN);
        let files = records["files"].as_array().unwrap().iter();
        Load {
            fcp: number("fcp"),
            story: number("story"),
            hydrated: number("hydrated"),
            faq: number("faq"),
            memory: number("memory"),
            files: files
                .map(|file| {
                    let url = file["url"].as_str().unwrap().to_string();
                    (url, file["transferred"].as_u64().unwrap())
                })
                .collect(),
        }
    }
}

/// Opens `url`, waits for the story and for hydration (a click before it is lost), then clicks
/// the first FAQ question and waits for its answer; returns the page's records.
pub async fn load(url: String) -> Value {
    let (sender, receiver) = std::sync::mpsc::channel();
    browser::with_browser(move |client| async move {
        browser::before_each_page(&client, PROBE).await;
        client.goto(&url).await.unwrap();
        browser::wait_until(&client, "return window.__bench.story !== undefined").await;
        browser::wait_until(&client, "return window.__bench.hydrated !== undefined").await;
        browser::wait_for_hydration(&client).await;
        browser::click(&client, ".faq__button").await;
        browser::wait_until(&client, "return window.__bench.faq !== undefined").await;
        sender.send(browser::eval(&client, RECORDS).await).unwrap();
    })
    .await;
    receiver.recv().unwrap()
}
