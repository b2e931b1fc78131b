//! One cold load of the page in a fresh headless Chromium (desktop size, no throttling), as a
//! reader of the top and then of every part: paint, first-control, hydration and interaction
//! timings, the wasm memory, and the files fetched each way, as the page itself records them.

use serde_json::Value;

use explainer_browser_tests::browser;
use explainer_core::names::ON_TOUCH_ISLANDS;

/// True once every island on the page that a reader scrolling through gets is hydrated (or has
/// failed to load): all but those hydrated only on a touch ("Embed this").
fn all_parts_hydrated() -> String {
    let on_touch = serde_json::to_string(&ON_TOUCH_ISLANDS).unwrap();
    format!(
        "return [...document.querySelectorAll('leptos-island')].every(i => {} \
         || {on_touch}.includes({}))",
        browser::island_settled("i"),
        browser::component_name("i")
    )
}

/// Runs in the page before its own scripts: notes when the first story section shows text (the
/// prerendered HTML); how long after the first paint the story's first control answers (the
/// first section's Read more, pressed from the first paint on, every frame until its section
/// opens); when the boot script has hydrated the islands (its `TrunkApplicationStarted` event);
/// how long a click on an FAQ question takes to show its answer; and the wasm instance's memory,
/// caught as the glue instantiates the module.
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
(function firstControl() {
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  const toggle = document.querySelector('.story-section .section-toggle');
  const body = document.querySelector('.story-section .story-section__body');
  if (paint && toggle && body) {
    if (body.getBoundingClientRect().height > 1) {
      bench.answeredAt = performance.now();
      bench.answered = bench.answeredAt - paint.startTime;
      return;
    }
    // The checkbox's own click: the label's would focus it and scroll it into view, which the
    // page would take as a reader's first use (and fetch its code).
    document.getElementById(toggle.htmlFor).click();
  }
  requestAnimationFrame(firstControl);
})();
addEventListener('click', (event) => {
  const entry = event.target.closest('.faq__entry');
  if (!entry) return;
  const answer = entry.querySelector('.faq__answer');
  (function opened() {
    if (entry.open && answer.checkVisibility()) bench.faq = performance.now() - event.timeStamp;
    else requestAnimationFrame(opened);
  })();
}, true);
"#;

/// Collects the page's records: times in milliseconds from navigation start; the files are the
/// navigation and Resource Timing entries, marked by whether they started before the reader's
/// first use of the page.
const RECORDS: &str = r#"
const bench = window.__bench;
const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
return {
  fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime,
  story: bench.story,
  answered: bench.answered,
  answered_at: bench.answeredAt,
  hydrated: bench.hydrated,
  faq: bench.faq,
  memory: bench.memory ? bench.memory.buffer.byteLength : null,
  files: entries.map((e) => ({ url: e.name, transferred: e.encodedBodySize, top: e.startTime < bench.used })),
};
"#;

/// Scrolls through the whole page, half a window at a time, as a reader who reads every part.
/// The timeouts only pace the scrolling; what follows waits for every part to be hydrated.
const SCROLL_THROUGH: &str = r#"
const done = arguments[arguments.length - 1];
let y = 0;
(function step() {
  window.scrollTo(0, y);
  y += innerHeight / 2;
  if (y < document.documentElement.scrollHeight) setTimeout(step, 100);
  else setTimeout(() => done(true), 300);
})();
"#;

/// What one load measured.
pub struct Load {
    /// First contentful paint, ms.
    pub fcp: f64,
    /// The first frame in which the first story section shows text, ms.
    pub story: f64,
    /// From the first paint to the frame in which the first section's Read more had opened it, ms.
    pub answered: f64,
    /// The same frame, from the start of the navigation, ms: unlike `answered`, it does not move
    /// with the first paint, which comes before or after the parser ends from one load to the next.
    pub answered_at: f64,
    /// When the boot script had hydrated the islands, ms.
    pub hydrated: f64,
    /// From the click on the first FAQ question, once hydrated, to the first frame showing its
    /// answer, ms.
    pub faq: f64,
    /// The wasm instance's memory after the click, bytes (NaN if it was not caught).
    pub memory: f64,
    /// The files a reader of the top fetched, as URL and body size as sent (compressed).
    pub top_files: Vec<(String, u64)>,
    /// The files a reader who scrolled through every part fetched.
    pub all_files: Vec<(String, u64)>,
}

impl Load {
    /// Reads the records [`load`] returns.
    pub fn from_records(records: &Value) -> Self {
        let number = |name: &str| records[name].as_f64().unwrap_or(f64::NAN);
        let files: Vec<(String, u64, bool)> = records["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|file| {
                let url = file["url"].as_str().unwrap().to_string();
                let top = file["top"].as_bool().unwrap_or(false);
                (url, file["transferred"].as_u64().unwrap(), top)
            })
            .collect();
        let pick = |top_only: bool| {
            files
                .iter()
                .filter(|(_, _, top)| *top || !top_only)
                .map(|(url, sent, _)| (url.clone(), *sent))
                .collect()
        };
        Load {
            fcp: number("fcp"),
            story: number("story"),
            answered: number("answered"),
            answered_at: number("answered_at"),
            hydrated: number("hydrated"),
            faq: number("faq"),
            memory: number("memory"),
            top_files: pick(true),
            all_files: pick(false),
        }
    }
}

/// Slows the CPU and the network as Lighthouse's mobile DevTools throttling does: 4× CPU,
/// 150 ms round trips, 1.6 Mbit/s down and 750 kbit/s up.
async fn throttle_like_lighthouse(client: &fantoccini::Client) {
    use serde_json::json;
    browser::cdp(
        client,
        "Emulation.setCPUThrottlingRate",
        json!({ "rate": 4 }),
    )
    .await;
    browser::cdp(client, "Network.enable", json!({})).await;
    browser::cdp(
        client,
        "Network.emulateNetworkConditions",
        json!({
            "offline": false,
            "latency": 150,
            "downloadThroughput": 1.6 * 1024.0 * 1024.0 / 8.0,
            "uploadThroughput": 750.0 * 1024.0 / 8.0
        }),
    )
    .await;
}

/// Opens `url`, throttled, as a reader of the top: waits for the story, its first control and
/// the load.
async fn open_as_reader_of_top(client: &fantoccini::Client, url: &str) {
    browser::before_each_page(client, PROBE).await;
    throttle_like_lighthouse(client).await;
    client.goto(url).await.unwrap();
    browser::wait_until(client, "return window.__bench.story !== undefined").await;
    browser::wait_until(client, "return window.__bench.answered !== undefined").await;
    browser::wait_until(client, "return document.readyState === 'complete'").await;
}

/// When the first control of a page answered, ms: after its first paint, and from the start of
/// the navigation.
pub struct FirstControl {
    pub after_paint: f64,
    pub from_start: f64,
}

/// When the first control of the page at `url` answers: for a page with no scripts (the static
/// limit), which [`load`] could not use.
pub async fn first_control(url: String) -> FirstControl {
    let (sender, receiver) = std::sync::mpsc::channel();
    browser::with_browser(move |client| async move {
        open_as_reader_of_top(&client, &url).await;
        let times = browser::eval(
            &client,
            "return [window.__bench.answered, window.__bench.answeredAt]",
        )
        .await;
        let time = |i: usize| times[i].as_f64().unwrap_or(f64::NAN);
        sender
            .send(FirstControl {
                after_paint: time(0),
                from_start: time(1),
            })
            .unwrap();
    })
    .await;
    receiver.recv().unwrap()
}

/// Opens `url` as a reader of the top ([`open_as_reader_of_top`]) and waits until it is idle
/// (whatever the page fetches by itself has started, and counts as the top's); then uses the page
/// (its code arrives), scrolls through every part, clicks the first FAQ question and waits for
/// its answer; returns the page's records.
pub async fn load(url: String) -> Value {
    let (sender, receiver) = std::sync::mpsc::channel();
    browser::with_browser(move |client| async move {
        open_as_reader_of_top(&client, &url).await;
        browser::wait_until_idle(&client).await;
        browser::eval(&client, "window.__bench.used = performance.now()").await;
        browser::wait_for_hydration(&client).await;
        client.execute_async(SCROLL_THROUGH, vec![]).await.unwrap();
        browser::wait_until(&client, &all_parts_hydrated()).await;
        browser::click(&client, ".faq__button").await;
        browser::wait_until(&client, "return window.__bench.faq !== undefined").await;
        sender.send(browser::eval(&client, RECORDS).await).unwrap();
    })
    .await;
    receiver.recv().unwrap()
}

/// The files a reader whose browser asks to save data fetches, as URL and body size as sent,
/// reading every part of the page at `url`: scrolling through it all, touching nothing.
pub async fn save_data_files(url: String) -> Vec<(String, u64)> {
    let (sender, receiver) = std::sync::mpsc::channel();
    browser::with_browser(move |client| async move {
        browser::save_data(&client).await;
        client.goto(&url).await.unwrap();
        browser::wait_until_idle(&client).await;
        client.execute_async(SCROLL_THROUGH, vec![]).await.unwrap();
        browser::wait_until_idle(&client).await;
        let files = browser::eval(
            &client,
            "return [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] \
             .map((e) => [e.name, e.encodedBodySize])",
        )
        .await;
        sender.send(serde_json::from_value(files).unwrap()).unwrap();
    })
    .await;
    receiver.recv().unwrap()
}
