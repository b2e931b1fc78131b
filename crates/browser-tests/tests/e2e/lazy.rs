//! Code only where it is used: a reader of the top who touches nothing fetches no code at all;
//! the first sign of use brings the main module; coming near a lazy island (the FAQ, the
//! checklists) brings its module, and opening the embed panel brings its own; a link followed
//! before then still opens its part; a module that cannot be loaded leaves its part readable
//! and the rest working.

use std::time::Duration;

use fantoccini::Client;
use serde_json::json;

use explainer_browser_tests::browser::{
    click, click_now, click_shown, errors_and_warnings, eval, open_page, scrolled_to,
    static_css_added, touch, wait_until, wait_until_idle, with_browser, HYDRATED,
};
use explainer_browser_tests::server::{Reply, StaticServer};
use explainer_browser_tests::storage_keys::PLAN;
use explainer_browser_tests::{content, dist_dir, file_named};
use explainer_core::names::LOAD_FAILED_ATTRIBUTE;

/// When the page started fetching each file whose name matches `pattern` (a regular
/// expression), in milliseconds of `performance.now()`.
async fn fetch_starts(client: &Client, pattern: &str) -> Vec<f64> {
    let script = format!(
        "return performance.getEntriesByType('resource').filter(r => /{pattern}/.test(r.name)) \
         .map(r => r.startTime)"
    );
    serde_json::from_value(eval(client, &script).await).unwrap()
}

/// The file name, in `dist/`, of the module split out for the FAQ.
fn faq_module() -> String {
    file_named(&dist_dir(), "split_faq_island_loader_", ".wasm")
}

/// The file name, in `dist/`, of the module split out for "Embed this".
fn embed_panel_module() -> String {
    file_named(&dist_dir(), "split_embed_code_loader_", ".wasm")
}

/// What the island of "Embed this" holds, from its element.
const EMBED_PANEL: &str = "document.querySelector('.embed-code').closest('leptos-island')";

#[tokio::test]
async fn a_reader_of_the_top_fetches_no_code_until_they_use_the_page() {
    for page in ["/", "/km/"] {
        reader_of_the_top_fetches_no_code(page).await;
    }
}

async fn reader_of_the_top_fetches_no_code(page: &'static str) {
    let server = StaticServer::start(dist_dir());
    with_browser(move |client| async move {
        client.goto(&server.url(page)).await.unwrap();
        // The page has loaded and gone idle: a loader that fetched code by itself, at once or
        // once the load was done, has done so by now.
        wait_until_idle(&client).await;
        let touched = touch(&client).await;
        wait_until(&client, HYDRATED).await;
        // Every wasm module and the glue were asked for only once the reader touched the page
        // (a loader that fetched them by itself would have started before the touch); and they
        // were asked for then, so the check sees the fetches it looks for.
        let starts = fetch_starts(&client, r"\.wasm$|explainer-web-[0-9a-f]+\.js$").await;
        assert!(
            starts.len() >= 2,
            "the glue and the wasm were fetched: {starts:?}"
        );
        assert!(
            starts.iter().all(|&start| start >= touched),
            "{page}: code fetched before the page was used: {starts:?}, touched at {touched}"
        );
    })
    .await;
}

#[tokio::test]
async fn the_page_is_ready_without_its_loader_which_still_brings_the_code_when_it_comes() {
    let server = StaticServer::start(dist_dir());
    let loader = format!("/{}", file_named(&dist_dir(), "boot-", ".js"));
    server.delay(&loader, Duration::from_secs(2));
    with_browser(move |client| async move {
        client.goto(&server.url("/")).await.unwrap();
        let arrived = format!(
            "return performance.getEntriesByType('resource').find(r => r.name.endsWith('{loader}'))"
        );
        wait_until(&client, &format!("{arrived} !== undefined")).await;
        // The document was ready (DOMContentLoaded) before its loader had arrived, as the page
        // without scripts would be: the loader is async and holds nothing back.
        let ready = eval(
            &client,
            "return performance.getEntriesByType('navigation')[0].domContentLoadedEventStart",
        )
        .await;
        let loader_end = eval(&client, &format!("{arrived}.responseEnd")).await;
        assert!(
            ready.as_f64().unwrap() < loader_end.as_f64().unwrap(),
            "DOMContentLoaded at {ready} ms waited for the loader, which arrived at {loader_end} ms"
        );
        // Once it came, it started: the first use brings the code and the page wakes.
        touch(&client).await;
        wait_until(&client, HYDRATED).await;
    })
    .await;
}

#[tokio::test]
async fn the_faqs_code_comes_only_when_a_reader_nears_it() {
    let server = StaticServer::start(dist_dir());
    let id = content().faq[0].id.clone();
    let module = faq_module();
    with_browser(move |client| async move {
        open_page(&client, &server, "/").await;
        // Hydrated and idle: the lazy islands' observers have had their first records, so a
        // module fetched without a reader near it would have been fetched by now.
        wait_until_idle(&client).await;
        let before = eval(&client, "return performance.now()")
            .await
            .as_f64()
            .unwrap();
        click(&client, &format!("#faq-{id}-button")).await;
        wait_until(
            &client,
            &format!("return document.getElementById('faq-{id}').open"),
        )
        .await;
        let starts = fetch_starts(&client, &module.replace('.', "\\.")).await;
        assert_eq!(starts.len(), 1, "the FAQ's module was fetched once");
        assert!(
            starts[0] >= before,
            "the FAQ's module came before the reader neared it"
        );
        assert_eq!(errors_and_warnings(&client).await, Vec::<String>::new());
    })
    .await;
}

#[tokio::test]
async fn a_link_followed_before_the_faq_is_hydrated_opens_its_answer() {
    let server = StaticServer::start(dist_dir());
    let id = content().faq[4].id.clone();
    with_browser(move |client| async move {
        open_page(&client, &server, "/").await;
        // As a link in the page would: the browser jumps to the entry, near which the FAQ
        // hydrates and then opens the answer the address names.
        eval(&client, &format!("location.hash = 'faq-{id}'")).await;
        wait_until(
            &client,
            &format!(
                "return document.getElementById('faq-{id}').open && \
                 document.getElementById('faq-{id}').open"
            ),
        )
        .await;
    })
    .await;
}

#[tokio::test]
async fn a_lazy_module_that_cannot_load_leaves_its_part_readable_and_the_rest_working() {
    let server = StaticServer::start(dist_dir());
    server.set(&format!("/{}", faq_module()), Reply::Hangup);
    let last = content().faq.last().unwrap().id.clone();
    with_browser(move |client| async move {
        open_page(&client, &server, "/").await;
        eval(&client, "document.getElementById('faq').scrollIntoView()").await;
        // The FAQ keeps its static layout and says why; the rest of the page keeps its own.
        wait_until(
            &client,
            &format!("return document.querySelector('leptos-island[{LOAD_FAILED_ATTRIBUTE}] #faq') !== null \
             && getComputedStyle(document.querySelector('#faq').closest('leptos-island').previousElementSibling).display !== 'none'"),
        )
        .await;
        // Its questions still open their answers, with no code.
        click_now(&client, &format!("#faq-{last}-button")).await;
        wait_until(&client, &format!("return document.getElementById('faq-{last}').open")).await;
        assert_eq!(
            eval(&client, &format!("return {}", static_css_added())).await,
            json!(false)
        );
        let logged = errors_and_warnings(&client).await;
        assert!(
            logged.iter().any(|line| line.contains("could not be loaded")),
            "{logged:?}"
        );
        // The islands already hydrated still work: the reading switch and the glossary's terms.
        click(&client, "input[name='reading-mode'][value='full']").await;
        click_shown(&client, ".story-section__body .term").await;
        wait_until(
            &client,
            "return document.querySelector('.story-section__body .term + .term__definition').matches(':popover-open')",
        )
        .await;
        // And another lazy island still loads and works when a reader comes to it: its own
        // island wakes (the root's, which holds it too, was awake already) and keeps the tick.
        click(&client, ".checklist input[type=checkbox]").await;
        wait_until(&client, "return document.querySelector('#checklists').closest('leptos-island').hasAttribute('data-hydrated')").await;
        wait_until(&client, &format!("return JSON.parse(localStorage.getItem('{PLAN}'))?.done.length === 1")).await;
    })
    .await;
}

#[tokio::test]
async fn the_embed_panels_code_comes_only_when_a_reader_opens_it() {
    let server = StaticServer::start(dist_dir());
    let module = embed_panel_module().replace('.', "\\.");
    with_browser(move |client| async move {
        open_page(&client, &server, "/").await;
        // A reader who scrolls past it, to the end of the page, fetches none of its code.
        scrolled_to(&client, ".embed-code__summary").await;
        wait_until_idle(&client).await;
        assert_eq!(fetch_starts(&client, &module).await, Vec::<f64>::new());
        // Opened, it gets its code, which then shows the preview of what was opened before
        // the code had arrived.
        click(&client, ".embed-code__summary").await;
        wait_until(
            &client,
            "return document.querySelector('.embed-code__frame') !== null",
        )
        .await;
        assert_eq!(fetch_starts(&client, &module).await.len(), 1);
        assert!(eval(
            &client,
            &format!("return {EMBED_PANEL}.hasAttribute('data-hydrated')")
        )
        .await
        .as_bool()
        .unwrap());
    })
    .await;
}

#[tokio::test]
async fn an_embed_panel_whose_code_cannot_load_keeps_its_snippets_and_says_so() {
    let server = StaticServer::start(dist_dir());
    server.set(&format!("/{}", embed_panel_module()), Reply::Missing);
    with_browser(move |client| async move {
        open_page(&client, &server, "/").await;
        scrolled_to(&client, ".embed-code__summary").await;
        click(&client, ".embed-code__summary").await;
        wait_until(
            &client,
            &format!(
                "const island = {EMBED_PANEL}; return island.hasAttribute('{LOAD_FAILED_ATTRIBUTE}') \
                 && getComputedStyle(island.previousElementSibling).display !== 'none'"
            ),
        )
        .await;
        // Open, with both snippets to copy by hand, and no control that would not work.
        let panel = eval(
            &client,
            "const d = document.querySelector('.embed-code'); \
             return [d.open, [...d.querySelectorAll('.embed-code__text')].map(t => t.textContent.length > 20), \
             [...d.querySelectorAll('button, select, input')].filter(c => c.checkVisibility()).length]",
        )
        .await;
        assert_eq!(panel, json!([true, [true, true], 0]));
    })
    .await;
}

#[tokio::test]
async fn an_embed_panel_opened_before_the_pages_code_arrived_gets_its_code() {
    let server = StaticServer::start(dist_dir());
    with_browser(move |client| async move {
        client.goto(&server.url("/")).await.unwrap();
        wait_until_idle(&client).await;
        // Opened while the page still has no code (a script's change is no reader's use);
        // then the reader scrolls, which brings the page's code.
        eval(&client, "document.querySelector('.embed-code').open = true").await;
        scrolled_to(&client, ".embed-code__summary").await;
        wait_until(
            &client,
            "return document.querySelector('.embed-code__frame') !== null",
        )
        .await;
    })
    .await;
}
