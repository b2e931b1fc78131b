//! A failure stays local: with any one wasm module withheld, in a frame, on the page opened at
//! an answer and in the script embed, the part that needs it keeps its rendered layout and says
//! so, every other part works, and a frame stays sized to its content.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use fantoccini::Client;
use serde_json::json;

use explainer_browser_tests::browser::{
    assert_frame_fits_content, click, click_now, click_shown, eval, island_settled,
    static_css_added, wait_until, with_browser, HYDRATED,
};
use explainer_browser_tests::server::{Reply, StaticServer};
use explainer_browser_tests::{content, dist_dir, khmer, wasm_file};
use explainer_core::names::{near_islands, FRAME_FILE, LOAD_FAILED_ATTRIBUTE};

/// Every wasm module of the bundle: the main one, one per lazy island and the chunks they share.
pub(crate) fn modules() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dist_dir())
        .unwrap()
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".wasm"))
        .collect();
    names.sort();
    assert!(names.len() > 3, "the bundle's modules: {names:?}");
    names
}

/// Once the page is done (hydrated, or in its static layout when the main module is missing):
/// every island is either hydrated or marked as failed, each failed one under a visible note,
/// and no page-wide fallback was needed unless the main module is the one missing.
fn settled() -> String {
    format!(
        "return document.documentElement.hasAttribute('data-hydrated') || {}",
        static_css_added()
    )
}

/// What the islands under `root` (a script's expression: the document, or a shadow root) say:
/// how many lazy ones still wait, which failed, how many notes show, and whether the page
/// fell back to its static layout.
fn parts_in(root: &str) -> String {
    // The islands hydrated on touch wait for a reader, not for ever.
    let (failed, lazy) = (LOAD_FAILED_ATTRIBUTE, near_islands().join("|"));
    format!(
        "const root = {root}; const islands = [...root.querySelectorAll('leptos-island')]; \
         return {{ \
           waiting: islands.filter(i => !{settled} \
             && i.closest('[{failed}]') === null && /^({lazy})_/.test(i.dataset.component)).length, \
           failed: islands.filter(i => i.hasAttribute('{failed}')).map(i => i.dataset.component.split('_')[0]), \
           notes: [...root.querySelectorAll('.part-unavailable')].filter(p => getComputedStyle(p).display !== 'none').length, \
           staticLayout: {static_css} }}",
        settled = island_settled("i"),
        static_css = static_css_added(),
    )
}

/// Checks the parts of the page the client is on, with `missing` withheld; returns the failed
/// islands' names.
async fn parts_with_one_module_missing(client: &Client, missing: &str) -> Vec<String> {
    wait_until(client, &settled()).await;
    let parts = eval(client, &parts_in("document")).await;
    let is_main = missing.ends_with("_bg.wasm");
    assert_eq!(parts["staticLayout"], json!(is_main), "{missing}: {parts}");
    let failed: Vec<String> = serde_json::from_value(parts["failed"].clone()).unwrap();
    assert_eq!(
        parts["notes"],
        json!(failed.len()),
        "{missing}: a note over each failed part: {parts}"
    );
    if !is_main {
        assert_eq!(
            parts["waiting"],
            json!(0),
            "{missing}: no part waits for ever: {parts}"
        );
        // A part that needs no missing code works: the full read opens every section, and a
        // glossary term shows its definition.
        click(client, "input[name='reading-mode'][value='full']").await;
        click_shown(client, ".story-section__body .term").await;
        wait_until(
            client,
            "return document.querySelector('.story-section__body .term + .term__definition').matches(':popover-open')",
        )
        .await;
    }
    failed
}

#[tokio::test]
async fn a_frame_keeps_its_height_and_its_other_parts_whichever_module_is_missing() {
    let app = StaticServer::start(dist_dir());
    let base = app.url("/");
    let host = StaticServer::host_page(format!(
        "<!doctype html><html><body><p>Host article text.</p>\
         <iframe src=\"{base}{FRAME_FILE}\" title=\"Explainer\" style=\"width:100%;border:0\"></iframe>\
         <script src=\"{base}embed.js\" async></script></body></html>"
    ));
    let failed_somewhere = Arc::new(AtomicBool::new(false));
    for module in modules() {
        for other in modules() {
            app.reset(&format!("/{other}"));
        }
        app.set(&format!("/{module}"), Reply::Missing);
        let url = host.url("/host.html");
        let failed_somewhere = failed_somewhere.clone();
        with_browser(move |client| async move {
            client.goto(&url).await.unwrap();
            wait_until(
                &client,
                "return document.querySelector('iframe').getBoundingClientRect().height > 1000",
            )
            .await;
            client.clone().enter_frame(0).await.unwrap();
            let failed = parts_with_one_module_missing(&client, &module).await;
            client.clone().enter_parent_frame().await.unwrap();
            assert_frame_fits_content(&client, &module).await;
            if !failed.is_empty() {
                failed_somewhere.store(true, Ordering::Relaxed);
            }
        })
        .await;
    }
    assert!(
        failed_somewhere.load(Ordering::Relaxed),
        "withholding a lazy module should fail its part somewhere"
    );
}

#[tokio::test]
async fn the_page_opened_at_an_answer_keeps_its_other_parts_whichever_lazy_module_is_missing() {
    let id = content().faq[2].id.clone();
    for module in modules().into_iter().filter(|m| !m.ends_with("_bg.wasm")) {
        let server = StaticServer::start(dist_dir());
        server.set(&format!("/{module}"), Reply::Missing);
        let url = server.url(&format!("/#faq-{id}"));
        let id = id.clone();
        with_browser(move |client| async move {
            client.goto(&url).await.unwrap();
            wait_until(&client, HYDRATED).await;
            let failed = parts_with_one_module_missing(&client, &module).await;
            if failed.iter().any(|name| name == "FaqIsland") {
                // Its questions still open their answers, with no code.
                click_now(&client, &format!("#faq-{id}-button")).await;
                wait_until(&client, &format!("return document.getElementById('faq-{id}').open")).await;
            }
            // The reading switch, in no lazy island, still opens every section.
            click(&client, "input[name='reading-mode'][value='full']").await;
            wait_until(&client, "return [...document.querySelectorAll('.story-section__body')].every(b => b.getBoundingClientRect().height > 1)").await;
            let _ = server;
        })
        .await;
    }
}

#[tokio::test]
async fn the_script_embed_shows_the_story_in_a_frame_when_the_wasm_cannot_run() {
    let app = StaticServer::start(dist_dir());
    app.set(&format!("/{}", wasm_file(&dist_dir())), Reply::Missing);
    let base = app.url("/");
    let host = StaticServer::host_page(format!(
        "<!doctype html><html><body><p>Host article text.</p>\
         <div data-explainer data-explainer-lang=\"km\" data-explainer-theme=\"dark\"></div>\
         <script type=\"module\" src=\"{base}embed.js\"></script></body></html>"
    ));
    let headline = khmer().story.headline.clone();
    with_browser(move |client| async move {
        client.goto(&host.url("/host.html")).await.unwrap();
        wait_until(&client, "return document.querySelector('[data-explainer] iframe') !== null").await;
        let src = eval(&client, "return document.querySelector('[data-explainer] iframe').src").await;
        assert!(src.as_str().unwrap().ends_with(&format!("/km/{FRAME_FILE}?theme=dark")), "{src}");
        wait_until(&client, "return document.querySelector('[data-explainer] iframe').getBoundingClientRect().height > 1000").await;
        client.clone().enter_frame(0).await.unwrap();
        wait_until(&client, &settled()).await;
        let shown = eval(&client, "return document.querySelector('h1').innerText").await;
        assert_eq!(shown, json!(headline));
        let _ = app;
    })
    .await;
}

#[tokio::test]
async fn the_script_embed_keeps_its_other_parts_whichever_lazy_module_is_missing() {
    const SHADOW: &str = "document.querySelector('[data-explainer]').shadowRoot";
    let failed_somewhere = Arc::new(AtomicBool::new(false));
    for module in modules().into_iter().filter(|m| !m.ends_with("_bg.wasm")) {
        let app = StaticServer::start(dist_dir());
        app.set(&format!("/{module}"), Reply::Missing);
        let base = app.url("/");
        let host = StaticServer::host_page(format!(
            "<!doctype html><html><body><p>Host article text.</p>\
             <div data-explainer></div>\
             <script type=\"module\" src=\"{base}embed.js\"></script></body></html>"
        ));
        let failed_somewhere = failed_somewhere.clone();
        with_browser(move |client| async move {
            client.goto(&host.url("/host.html")).await.unwrap();
            // Every lazy island in the shadow root is hydrated or marked as failed.
            let settled = format!(
                "const root = {SHADOW}; return root !== null && root.querySelector('.explainer') !== null && \
                 [...root.querySelectorAll('leptos-island')].every(i => {})",
                island_settled("i")
            );
            wait_until(&client, &settled).await;
            let parts = eval(&client, &parts_in(SHADOW)).await;
            let failed: Vec<String> = serde_json::from_value(parts["failed"].clone()).unwrap();
            assert_eq!(parts["notes"], json!(failed.len()), "{module}: a note over each failed part: {parts}");
            assert_eq!(parts["waiting"], json!(0), "{module}: {parts}");
            // The story stays in the host, and its reading switch opens every section.
            eval(&client, &format!("{SHADOW}.querySelector(\"input[name='reading-mode'][value='full']\").click()")).await;
            wait_until(&client, &format!(
                "return [...{SHADOW}.querySelectorAll('.story-section__body')].every(b => b.getBoundingClientRect().height > 1)"
            )).await;
            if !failed.is_empty() {
                failed_somewhere.store(true, Ordering::Relaxed);
            }
            let _ = app;
        })
        .await;
    }
    assert!(
        failed_somewhere.load(Ordering::Relaxed),
        "withholding a lazy module should fail its part somewhere"
    );
}
