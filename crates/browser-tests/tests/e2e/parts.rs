//! One part embedded alone: each part's frame page in both editions, with and without
//! JavaScript; a part's frame sized to its content in a host page; the script embed of one
//! part; the code a part fetches; and the picker in "Embed this".

use serde_json::json;

use explainer_browser_tests::browser::{
    assert_frame_fits_content, click, eval, open_page, touch, wait_until, with_browser,
    with_browser_configured, HYDRATED, NO_JAVASCRIPT,
};
use explainer_browser_tests::server::StaticServer;
use explainer_browser_tests::{content, dist_dir, khmer};
use explainer_core::content::parts::embeddable_parts;
use explainer_core::content::Content;

/// Every part's slug, and the element that shows it.
fn parts(content: &Content) -> Vec<(String, String)> {
    embeddable_parts(content)
        .into_iter()
        .map(|part| {
            let shown = match part.slug.as_str() {
                "key-facts" => ".key-facts".to_string(),
                "checklists" => ".checklists".to_string(),
                "faq" => ".faq".to_string(),
                section => format!("section.story-section#{section}"),
            };
            (part.slug, shown)
        })
        .collect()
}

/// What a part's page shows: its part, how many parts of any kind, the source line's link, and
/// the words a reader sees.
const SHOWN: &str = "return { \
    parts: document.querySelectorAll('.key-facts, .story-section, .checklists, .faq').length, \
    source: [...document.querySelectorAll('.part-source a')].map(a => [a.href, a.target]), \
    full_page: document.querySelector('link[rel=canonical]').href, \
    text: document.body.innerText }";

#[tokio::test]
async fn every_part_page_shows_its_part_alone_in_both_editions_with_and_without_javascript() {
    let server = StaticServer::start(dist_dir());
    for javascript in [true, false] {
        for (edition, path) in [(content(), ""), (khmer(), "km/")] {
            let pages: Vec<(String, String)> = parts(edition)
                .into_iter()
                .map(|(slug, shown)| (server.url(&format!("/{path}embed/{slug}.html")), shown))
                .collect();
            let headline = edition.story.headline.clone();
            let test = move |client: fantoccini::Client| async move {
                for (page, shown) in pages {
                    client.goto(&page).await.unwrap();
                    if javascript {
                        touch(&client).await;
                        wait_until(&client, HYDRATED).await;
                    }
                    wait_until(
                        &client,
                        &format!("return document.querySelector('{shown}') !== null"),
                    )
                    .await;
                    let seen = eval(&client, SHOWN).await;
                    // The key facts come with the headline; a section, the checklists and the
                    // FAQ stand alone.
                    assert_eq!(seen["parts"], json!(1), "{page}: {seen}");
                    let text = seen["text"].as_str().unwrap();
                    assert_eq!(shown == ".key-facts", text.contains(&headline), "{page}");
                    // The line under it links to the edition's full page (the frame's canonical
                    // address), outside the frame.
                    assert!(
                        seen["full_page"]
                            .as_str()
                            .unwrap()
                            .ends_with(&format!("/{path}")),
                        "{seen}"
                    );
                    assert_eq!(
                        seen["source"],
                        json!([[seen["full_page"], "_blank"]]),
                        "{page}: {seen}"
                    );
                }
            };
            if javascript {
                with_browser(test).await;
            } else {
                with_browser_configured(1280, 900, NO_JAVASCRIPT, test).await;
            }
        }
    }
}

#[tokio::test]
async fn a_parts_frame_fits_its_content_in_a_host_page_and_fetches_only_its_own_code() {
    let app = StaticServer::start(dist_dir());
    let base = app.url("/");
    for part in ["key-facts", "faq"] {
        let host = StaticServer::host_page(format!(
            "<!doctype html><html><body><p>Host article text.</p>\
             <iframe src=\"{base}embed/{part}.html\" title=\"Explainer\" style=\"width:100%;border:0\"></iframe>\
             <script src=\"{base}embed.js\" async></script><p>More host text.</p></body></html>"
        ));
        let url = host.url("/host.html");
        with_browser(move |client| async move {
            client.goto(&url).await.unwrap();
            client.clone().enter_frame(0).await.unwrap();
            wait_until(&client, HYDRATED).await;
            let fetched = eval(
                &client,
                "return performance.getEntriesByType('resource').map(e => e.name.split('/').pop())",
            )
            .await;
            let fetched: Vec<String> = serde_json::from_value(fetched).unwrap();
            let of = |island: &str| {
                fetched
                    .iter()
                    .any(|file| file.starts_with(&format!("split_{island}")))
            };
            // A frame hydrates at once: the FAQ brings its module, the key facts none.
            assert_eq!(of("faq_island"), part == "faq", "{part}: {fetched:?}");
            assert!(!of("checklists"), "{part}: {fetched:?}");
            if part == "faq" {
                // Its controls work: Show all opens every answer, and the frame grows with them.
                click(&client, ".faq__toggle-all").await;
                wait_until(
                    &client,
                    "return [...document.querySelectorAll('.faq__entry')].every(e => e.open)",
                )
                .await;
            }
            client.clone().enter_parent_frame().await.unwrap();
            // Once the frame has reported its height, the host sizes it to its content.
            wait_until(
                &client,
                "const f = document.querySelector('iframe'); return f.style.height !== ''",
            )
            .await;
            explainer_browser_tests::browser::two_frames(&client).await;
            assert_frame_fits_content(&client, part).await;
        })
        .await;
    }
}

#[tokio::test]
async fn the_script_embed_of_one_part_mounts_that_part_alone() {
    let app = StaticServer::start(dist_dir());
    let base = app.url("/");
    let host = StaticServer::host_page(format!(
        "<!doctype html><html><body><p>Host article text.</p>\
         <div id=\"one\" data-explainer data-explainer-part=\"faq\" data-explainer-lang=\"km\"></div>\
         <script type=\"module\" src=\"{base}embed.js\"></script></body></html>"
    ));
    let question = khmer().faq[0].question.clone();
    let url = host.url("/host.html");
    with_browser(move |client| async move {
        client.goto(&url).await.unwrap();
        let root = "document.getElementById('one').shadowRoot";
        // The FAQ's own island: the root's, hydrated first, holds the FAQ too, and a filter typed
        // into before the FAQ's code came would be lost.
        wait_until(&client, &format!(
            "const r = {root}; return !!r?.querySelector('.faq')?.closest('leptos-island')?.hasAttribute('data-hydrated')"
        )).await;
        let seen = eval(&client, &format!(
            "const r = {root}; return [r.querySelectorAll('.story-section, .checklists, .key-facts').length, \
             r.querySelector('.faq__question').textContent, r.querySelector('.part-source a').href]"
        )).await;
        assert_eq!(seen[0], json!(0), "{seen}");
        assert_eq!(seen[1], json!(question), "{seen}");
        assert!(seen[2].as_str().unwrap().ends_with("/km/"), "{seen}");
        // Its filter works in the host page.
        let filtered = format!(
            "const r = {root}; const input = r.querySelector('.faq__filter-input'); \
             input.value = 'zzzz-no-such-words'; input.dispatchEvent(new Event('input', {{ bubbles: true }})); \
             return true"
        );
        eval(&client, &filtered).await;
        wait_until(&client, &format!(
            "return [...{root}.querySelectorAll('.faq__entry')].every(e => e.hidden)"
        )).await;
    })
    .await;
}

#[tokio::test]
async fn the_picker_gives_the_chosen_parts_snippets_and_previews_it_at_the_chosen_width() {
    let server = StaticServer::start(dist_dir());
    let base = server.url("/");
    with_browser(move |client| async move {
        open_page(&client, &server, "/").await;
        // Opening "Embed this" brings its code, which then shows the preview of what it was
        // opened with.
        explainer_browser_tests::browser::touch_island(&client, ".embed-code__summary").await;
        let choose = |select: &str, value: &str| {
            format!(
                "const s = document.querySelector('{select}'); s.value = '{value}'; \
                 s.dispatchEvent(new Event('change', {{ bubbles: true }})); return true"
            )
        };
        eval(&client, &choose(".embed-code__part", "faq")).await;
        eval(&client, &choose(".embed-code__edition", "km")).await;
        wait_until(&client, "return document.querySelectorAll('.embed-code__text')[1].textContent.includes('data-explainer-part')").await;
        let snippets = eval(&client, "return [...document.querySelectorAll('.embed-code__text')].map(p => p.textContent)").await;
        assert!(
            snippets[0].as_str().unwrap().starts_with(&format!("<iframe src=\"{base}km/embed/faq.html\"")),
            "{snippets}"
        );
        assert!(
            snippets[1].as_str().unwrap().starts_with("<div data-explainer data-explainer-lang=\"km\" data-explainer-part=\"faq\"></div>"),
            "{snippets}"
        );
        // The preview shows that part, at the width chosen, as tall as it reports.
        let frame = "document.querySelector('.embed-code__frame')";
        wait_until(&client, &format!("return {frame}.src.endsWith('/km/embed/faq.html')")).await;
        eval(&client, "const r = document.querySelector('.embed-code__width'); r.value = '600'; \
            r.dispatchEvent(new Event('input', { bubbles: true })); return true").await;
        wait_until(&client, &format!("return {frame}.getBoundingClientRect().width === 600")).await;
        wait_until(&client, &format!(
            "const f = {frame}; return f.contentDocument && f.contentDocument.querySelector('.faq') !== null \
             && Math.abs(f.getBoundingClientRect().height - f.contentDocument.body.getBoundingClientRect().height) <= 3"
        )).await;
    })
    .await;
}

#[tokio::test]
async fn a_parts_frame_takes_the_frames_options() {
    let server = StaticServer::start(dist_dir());
    let id = content().faq[3].id.clone();
    let url = server.url(&format!(
        "/embed/faq.html?theme=dark&open=faq-{id}&childId=faq-part"
    ));
    with_browser(move |client| async move {
        client.goto(&url).await.unwrap();
        wait_until(&client, HYDRATED).await;
        wait_until(
            &client,
            &format!("return document.getElementById('faq-{id}').open"),
        )
        .await;
        let theme = eval(
            &client,
            "return document.querySelector('.explainer').dataset.theme",
        )
        .await;
        assert_eq!(theme, json!("dark"));
    })
    .await;
}
