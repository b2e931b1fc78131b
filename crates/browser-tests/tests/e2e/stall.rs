//! A stall stays local: with each lazy module's response stalled in turn (headers sent, the body
//! never finished), the page opened at an answer, a frame and the script embed, side by side on
//! one host page, hydrate every island that does not need it, and each part that does says so
//! once the loader has given up on it, in Chromium, Firefox and WebKit.

use std::time::{Duration, Instant};

use fantoccini::Client;
use serde_json::{json, Value};

use explainer_browser_tests::browser::{island_settled, with_browser};
use explainer_browser_tests::engines::{with_engine, Engine};
use explainer_browser_tests::server::{Reply, StaticServer};
use explainer_browser_tests::{content, dist_dir};
use explainer_core::names::{FRAME_FILE, ON_TOUCH_ISLANDS, STALL_BOUND_MS};

/// The lazy modules a part near the reader needs: every module but the main one and the one
/// "Embed this" loads on a touch.
fn near_modules() -> Vec<String> {
    crate::failure::modules()
        .into_iter()
        .filter(|name| !name.ends_with("_bg.wasm"))
        .filter(|name| !name.starts_with("split_embed_code_loader_"))
        .collect()
}

/// A host page on its own origin with, side by side, the explainer's page opened at an answer
/// (which hydrates every part at once), a frame, and the script embed.
fn host_of_all_three(app: &StaticServer) -> StaticServer {
    let base = app.url("/");
    let id = &content().faq[0].id;
    StaticServer::host_page(format!(
        "<!doctype html><html><body><p>Host article text.</p>\
         <iframe src=\"{base}#faq-{id}\" title=\"The page\" style=\"width:100%;height:600px;border:0\"></iframe>\
         <iframe src=\"{base}{FRAME_FILE}\" title=\"Explainer\" style=\"width:100%;border:0\"></iframe>\
         <div data-explainer></div>\
         <script type=\"module\" src=\"{base}embed.js\"></script></body></html>"
    ))
}

/// Once every island under `root` (a script expression: the document, or the script embed's
/// shadow root) that hydrates without a touch is hydrated or marked failed: the failed ones'
/// names and how many notes show; until then, `null`.
fn settled_parts(root: &str) -> String {
    let on_touch = ON_TOUCH_ISLANDS.join("|");
    format!(
        "const root = {root}; if (!root || !root.querySelector('.explainer')) return null; \
         const islands = [...root.querySelectorAll('leptos-island')] \
           .filter(i => !/^({on_touch})_/.test(i.dataset.component)); \
         if (!islands.every(i => {settled})) return null; \
         return {{ \
           failed: islands.filter(i => i.hasAttribute('data-load-failed')).map(i => i.dataset.component.split('_')[0]), \
           notes: [...root.querySelectorAll('.part-unavailable')].filter(p => getComputedStyle(p).display !== 'none').length }}",
        settled = island_settled("i"),
    )
}

/// The islands under `root` with their marks, for a failure's message.
fn islands_in(root: &str) -> String {
    format!(
        "const root = {root}; return root && [...root.querySelectorAll('leptos-island')] \
         .map(i => [i.dataset.component.split('_')[0], ...i.getAttributeNames().filter(n => n.startsWith('data-') && n !== 'data-component')])"
    )
}

/// Waits, until `deadline`, for the parts under `root` to settle; checks that some failed, each
/// under a note, and that every other island hydrated.
async fn parts_settle(client: &Client, root: &str, what: &str, deadline: Instant) {
    let parts = loop {
        let parts: Value = client
            .execute(&settled_parts(root), vec![])
            .await
            .unwrap_or_else(|e| panic!("{what}: {e}"));
        if !parts.is_null() {
            break parts;
        }
        if Instant::now() > deadline {
            let islands = client
                .execute(&islands_in(root), vec![])
                .await
                .unwrap_or_default();
            panic!("{what}: a part still waits after the loader should have given up: {islands}");
        }
        // Pacing only: the islands' marks are what this waits for.
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let failed = parts["failed"].as_array().unwrap();
    assert!(!failed.is_empty(), "{what}: the part that needs it says so");
    assert_eq!(parts["notes"], json!(failed.len()), "{what}: {parts}");
}

/// Opens the host page with `module` stalled and checks all three explainers on it. A part
/// waits its turn behind another that needs the same stalled module, so the last one settles
/// within a bound (and the entry's second more) for each lazy part, after its page's own code
/// has come: three pages' code at once, which takes Firefox several seconds on a loaded
/// machine (seen in CI). None settles before the first bound.
async fn each_stays_local(client: Client, host: String, module: String) {
    let bound = Duration::from_millis(STALL_BOUND_MS.into());
    let started = Instant::now();
    client.goto(&host).await.unwrap();
    let deadline = started + (bound + Duration::from_secs(1)) * 2 + Duration::from_secs(20);
    let shadow = "document.querySelector('[data-explainer]').shadowRoot";
    parts_settle(
        &client,
        shadow,
        &format!("{module}, script embed"),
        deadline,
    )
    .await;
    for (frame, what) in [(0, "the page"), (1, "a frame")] {
        client.clone().enter_frame(frame).await.unwrap();
        parts_settle(&client, "document", &format!("{module}, {what}"), deadline).await;
        client.clone().enter_parent_frame().await.unwrap();
    }
    assert!(
        started.elapsed() >= bound,
        "{module}: a part failed before the loader gave up on it ({:?})",
        started.elapsed()
    );
}

/// Stalls each module a near part needs in turn, the others served, and runs `check` on the
/// host page's address and that module's name.
async fn with_each_module_stalled<F, Fut>(check: F)
where
    F: Fn(String, String) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let app = StaticServer::start(dist_dir());
    let host = host_of_all_three(&app);
    for module in near_modules() {
        for other in near_modules() {
            app.reset(&format!("/{other}"));
        }
        app.set(&format!("/{module}"), Reply::Stall);
        check(host.url("/host.html"), module).await;
    }
}

#[tokio::test]
async fn a_stalled_module_holds_back_only_its_parts() {
    with_each_module_stalled(|url, module| {
        with_browser(move |client| each_stays_local(client, url, module))
    })
    .await;
}

#[tokio::test]
async fn a_stalled_module_holds_back_only_its_parts_in_firefox_and_webkit() {
    with_each_module_stalled(|url, module| async move {
        for engine in [Engine::Firefox, Engine::WebKit] {
            let (url, module) = (url.clone(), format!("{engine:?}, {module}"));
            with_engine(engine, 1280, 900, true, move |client| {
                each_stays_local(client, url, module)
            })
            .await;
        }
    })
    .await;
}
