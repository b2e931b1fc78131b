//! A reader whose browser asks to save data (Save-Data, emulated in Chromium, the one engine
//! that tells pages) fetches no code on a scroll or on nearing a part: the page says so once,
//! quietly; opening an answer brings the FAQ's code (and the page's), after which the filter
//! shows and filters; the notice's button brings every other part's code.

use fantoccini::Client;
use serde_json::json;

use explainer_browser_tests::browser::{
    click, click_now, eval, fill, focused_id, save_data, wait_until, wait_until_idle, with_browser,
    with_browser_sized,
};
use explainer_browser_tests::server::StaticServer;
use explainer_browser_tests::{content, dist_dir, khmer, repo_dir};
use explainer_core::names::SAVE_DATA_NOTICE_CLASS;

/// The wasm files the page has fetched, by name.
async fn wasm_fetched(client: &Client) -> Vec<String> {
    let names = eval(
        client,
        "return performance.getEntriesByType('resource').map(r => r.name.split('/').pop()) \
         .filter(name => name.endsWith('.wasm'))",
    )
    .await;
    serde_json::from_value(names).unwrap()
}

/// The notice's text as a reader sees it, or `null` while it is hidden.
fn notice_shown() -> String {
    format!(
        "const notice = document.querySelector('.{SAVE_DATA_NOTICE_CLASS}'); \
         return notice.checkVisibility() ? notice.innerText : null"
    )
}

/// True once the notice shows.
fn notice_visible() -> String {
    format!("return document.querySelector('.{SAVE_DATA_NOTICE_CLASS}').checkVisibility()")
}

/// Whether the island holding `css` is hydrated.
fn hydrated(css: &str) -> String {
    format!(
        "return document.querySelector('{css}').closest('leptos-island').hasAttribute('data-hydrated')"
    )
}

#[tokio::test]
async fn saving_data_fetches_a_parts_code_only_when_a_reader_touches_it() {
    let server = StaticServer::start(dist_dir());
    let labels = &content().labels;
    let notice = format!("{} {}", labels.save_data_notice, labels.save_data_load);
    let first = content().faq[0].clone();
    with_browser_sized(390, 844, move |client| async move {
        save_data(&client).await;
        client.goto(&server.url("/")).await.unwrap();
        assert_eq!(
            eval(&client, "return navigator.connection.saveData").await,
            json!(true)
        );
        wait_until_idle(&client).await;
        assert_eq!(eval(&client, &notice_shown()).await, json!(notice));

        // Scrolling the whole page, a screen at a time, past every part.
        let screens = eval(
            &client,
            "return Math.ceil(document.documentElement.scrollHeight / innerHeight)",
        )
        .await;
        for screen in 1..=screens.as_u64().unwrap() {
            eval(
                &client,
                &format!("window.scrollTo(0, {screen} * innerHeight)"),
            )
            .await;
            wait_until_idle(&client).await;
        }
        assert_eq!(wasm_fetched(&client).await, Vec::<String>::new());

        // Opening an answer brings the page's code and the FAQ's, and the filter then works.
        click_now(&client, &format!("#faq-{}-button", first.id)).await;
        wait_until(&client, &hydrated("#faq")).await;
        fill(&client, "#faq-filter", &first.question).await;
        wait_until(
            &client,
            &format!(
                "return !document.getElementById('faq-{}').hidden \
                 && document.querySelectorAll('.faq__entry[hidden]').length > 0",
                first.id
            ),
        )
        .await;
        let fetched = wasm_fetched(&client).await;
        assert!(
            fetched
                .iter()
                .any(|f| f.starts_with("split_faq_island_loader_")),
            "{fetched:?}"
        );
        assert!(
            !fetched.iter().any(|f| f.starts_with("split_checklists_")),
            "the checklists' code waits for a touch: {fetched:?}"
        );
        assert_eq!(eval(&client, &hydrated("#checklists")).await, json!(false));
    })
    .await;
}

#[tokio::test]
async fn the_save_data_notice_loads_every_part_now_in_both_editions() {
    let server = StaticServer::start(dist_dir());
    let folder = repo_dir().join("target/screenshots");
    std::fs::create_dir_all(&folder).unwrap();
    for (path, labels, name) in [
        ("/", &content().labels, "en"),
        ("/km/", &khmer().labels, "km"),
    ] {
        let url = server.url(path);
        let load = labels.save_data_load.clone();
        let shot = folder.join(format!("save-data-{name}-375.png"));
        with_browser_sized(375, 812, move |client| async move {
            save_data(&client).await;
            client.goto(&url).await.unwrap();
            wait_until(&client, &notice_visible()).await;
            std::fs::write(&shot, client.screenshot().await.unwrap()).unwrap();
            let button = format!(".{SAVE_DATA_NOTICE_CLASS} button");
            assert_eq!(
                eval(
                    &client,
                    &format!("return document.querySelector('{button}').innerText")
                )
                .await,
                json!(load)
            );
            click(&client, &button).await;
            wait_until(&client, &hydrated("#faq")).await;
            wait_until(&client, &hydrated("#checklists")).await;
            assert_eq!(eval(&client, &notice_shown()).await, json!(null));
            // Focus stays at the start of the content, where the button was.
            assert_eq!(focused_id(&client).await, "main");
            // "Embed this", a tool for editors, still waits for a touch.
            assert_eq!(eval(&client, &hydrated(".embed-code")).await, json!(false));
        })
        .await;
    }
}

#[tokio::test]
async fn without_save_data_the_notice_stays_hidden() {
    let server = StaticServer::start(dist_dir());
    with_browser(move |client| async move {
        client.goto(&server.url("/")).await.unwrap();
        wait_until_idle(&client).await;
        assert_eq!(eval(&client, &notice_shown()).await, json!(null));
    })
    .await;
}
