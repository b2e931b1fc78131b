//! With JavaScript on: the islands hydrate over the page rendered at build time without
//! changing a word of it (they only reveal the controls that need code) and without a console
//! error or warning, from the site's root or from a sub-path.

use fantoccini::Client;
use serde_json::json;

use explainer_browser_tests::browser::{
    before_each_page, click, errors_and_warnings, eval, open_old_frame_address, open_page,
    wait_until, with_browser, with_browser_sized,
};
use explainer_browser_tests::server::StaticServer;
use explainer_browser_tests::{content, dist_dir, storage_keys, sub_path_dist_dir, SUB_PATH};
use explainer_core::names::{FRAME_CLASS, FRAME_FILE};

/// Keeps the page's visible text as it is just before hydration: the loader sets
/// `window.wasmBindings` right before it calls `hydrate_page`.
const TEXT_BEFORE_HYDRATION: &str = "(() => { let bindings; \
    Object.defineProperty(window, 'wasmBindings', { configurable: true, get: () => bindings, \
      set(value) { window.__textBeforeHydration = document.body.innerText; bindings = value; } }); })();";

/// The page's visible text without the controls that need code, which hydration reveals (they
/// keep their room, hidden, until their island has run).
const TEXT_WITHOUT_CODE_CONTROLS: &str =
    "const hidden = [...document.querySelectorAll('.js-only')]; \
    hidden.forEach(e => e.style.visibility = 'hidden'); const text = document.body.innerText; \
    hidden.forEach(e => e.style.visibility = ''); return [window.__textBeforeHydration, text]";

async fn assert_text_unchanged(client: &Client, page: &str) {
    let texts = eval(client, TEXT_WITHOUT_CODE_CONTROLS).await;
    let (before, after) = (texts[0].as_str(), texts[1].as_str());
    let before = before.unwrap_or_else(|| panic!("{page}: no text was kept before hydration"));
    assert!(
        before.contains(&content().story.headline),
        "{page}: the text before hydration is the story's"
    );
    assert_eq!(
        Some(before),
        after,
        "{page}: hydration changed the visible text"
    );
}

async fn text_is_the_same_before_and_after_hydration(width: u32) {
    let server = StaticServer::start(dist_dir());
    with_browser_sized(width, 900, move |client| async move {
        before_each_page(&client, TEXT_BEFORE_HYDRATION).await;
        for page in ["/".to_string(), format!("/{FRAME_FILE}")] {
            open_page(&client, &server, &page).await;
            assert_text_unchanged(&client, &page).await;
        }
    })
    .await;
}

#[tokio::test]
async fn hydration_changes_no_visible_text_on_a_desktop() {
    text_is_the_same_before_and_after_hydration(1280).await;
}

#[tokio::test]
async fn hydration_changes_no_visible_text_on_a_phone() {
    text_is_the_same_before_and_after_hydration(375).await;
}

#[tokio::test]
async fn no_console_error_or_warning_while_reading_and_using_every_part() {
    let server = StaticServer::start(dist_dir());
    let content = content();
    let faq = content.faq[3].id.clone();
    let section = content
        .story
        .sections
        .iter()
        .find(|s| s.perspectives.is_some())
        .unwrap()
        .id
        .clone();
    with_browser(move |client| async move {
        open_page(&client, &server, "/").await;
        click(&client, "input[value=full]").await;
        click(&client, ".story-section__body .term").await;
        click(
            &client,
            &format!("#{section} .perspectives__choice:last-child input"),
        )
        .await;
        click(&client, ".faq__toggle-all").await;
        click(&client, "input[name=plan-role][value=following]").await;
        click(&client, ".checklist__item input").await;
        click(&client, ".toc a[href='#glossary']").await;
        assert_eq!(
            errors_and_warnings(&client).await,
            Vec::<String>::new(),
            "the page in use"
        );

        // The reader's state, applied after hydration, and a deep link.
        open_page(&client, &server, &format!("/#faq-{faq}")).await;
        let stored = eval(
            &client,
            &format!(
                "return localStorage.getItem('{}')",
                storage_keys::READING_MODE
            ),
        )
        .await;
        assert_eq!(stored, json!("full"));
        wait_until(
            &client,
            &format!("return document.getElementById('faq-{faq}').open"),
        )
        .await;

        open_page(
            &client,
            &server,
            &format!("/{FRAME_FILE}?childId=story&theme=dark"),
        )
        .await;
        open_old_frame_address(&client, &server).await;
        // Chromium warns about a preloaded file still unused 3 s after the load event: wait
        // until then (counted from this page's load event, however late it came).
        wait_until(
            &client,
            "const nav = performance.getEntriesByType('navigation')[0]; \
             return nav.loadEventEnd > 0 && performance.now() > nav.loadEventEnd + 3500",
        )
        .await;
        assert_eq!(
            errors_and_warnings(&client).await,
            Vec::<String>::new(),
            "reader state, deep links and the frame page"
        );
    })
    .await;
}

#[tokio::test]
async fn a_build_for_a_sub_path_loads_and_hydrates_from_its_folder() {
    // Everything outside the folder is 404, so a file asked for at the root fails the test.
    let server = StaticServer::start_under(sub_path_dist_dir(), SUB_PATH);
    let faq = content().faq[0].id.clone();
    with_browser(move |client| async move {
        open_page(&client, &server, SUB_PATH).await;
        click(&client, &format!("#faq-{faq}-button")).await;
        wait_until(
            &client,
            &format!("return document.getElementById('faq-{faq}').open"),
        )
        .await;
        // The frame page, by the old address and its redirect.
        open_page(&client, &server, &format!("{SUB_PATH}?embed=1")).await;
        let url = client.current_url().await.unwrap();
        assert_eq!(url.path(), format!("{SUB_PATH}{FRAME_FILE}"));
        assert_eq!(
            eval(
                &client,
                &format!("return document.body.classList.contains('{FRAME_CLASS}')")
            )
            .await,
            json!(true)
        );
        assert_eq!(errors_and_warnings(&client).await, Vec::<String>::new());
    })
    .await;
}
