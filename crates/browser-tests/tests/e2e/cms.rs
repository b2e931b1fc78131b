//! Hosts that publish through a CMS: one that strips every script (the frame snippet alone, at
//! the height it carries, which `public/embed-heights.json` records and this suite measures);
//! one that discovers oEmbed from a pasted address (every page announces its answer, which
//! holds what oEmbed 1.0 asks of a rich embed and works placed alone); and WordPress, which
//! frames an oEmbed answer its own way (only the iframe, `sandbox="allow-scripts"`, `#?secret=`
//! on the address, and a listener that sizes the frame from `{message: "height", value,
//! secret}`, clamped to 200–1000 px, and sends `{message: "ready", secret}` once loaded), as
//! `wp-includes/js/wp-embed.js` documents it.

use fantoccini::Client;
use serde_json::json;

use std::collections::BTreeMap;

use explainer_browser_tests::browser::{
    errors_and_warnings, eval, wait_until, wait_until_idle, with_browser, with_browser_sized,
    HYDRATED,
};
use explainer_browser_tests::server::StaticServer;
use explainer_browser_tests::{content, dist_dir, khmer, repo_dir};
use explainer_core::content::parts::embeddable_parts;
use explainer_core::embed_snippets::{EmbedHeights, MAX_FRAME_HEIGHT, PHONE_WIDTH, WHOLE};

const SECRET: &str = "Ab3dE5gH9k";

/// A host page as WordPress writes one for an oEmbed answer whose frame is `src`, with a
/// listener written from WordPress's protocol; `window.heights` keeps every height it set.
fn wordpress_host(src: &str) -> String {
    format!(
        "<!doctype html><html><head><link rel=\"icon\" href=\"data:,\"></head><body><p>A post.</p>\
         <iframe class=\"wp-embedded-content\" sandbox=\"allow-scripts\" security=\"restricted\" \
          src=\"{src}#?secret={SECRET}\" data-secret=\"{SECRET}\" width=\"600\" height=\"338\" \
          title=\"Explainer\" frameborder=\"0\" marginwidth=\"0\" marginheight=\"0\"></iframe>\
         <script>\
         window.heights = [];\
         addEventListener('message', function (e) {{\
           var data = e.data;\
           if (!data || !(data.secret || data.message || data.value)) return;\
           if (/[^a-zA-Z0-9]/.test(data.secret)) return;\
           document.querySelectorAll('iframe[data-secret=\"' + data.secret + '\"]').forEach(function (frame) {{\
             if (e.source !== frame.contentWindow || data.message !== 'height') return;\
             var height = parseInt(data.value, 10);\
             if (height > 1000) height = 1000; else if (~~height < 200) height = 200;\
             frame.height = height; heights.push(height);\
           }});\
         }});\
         addEventListener('load', function () {{\
           document.querySelectorAll('iframe[data-secret]').forEach(function (frame) {{\
             frame.contentWindow.postMessage({{ message: 'ready', secret: frame.getAttribute('data-secret') }}, '*');\
           }});\
         }});\
         </script></body></html>"
    )
}

/// Runs `script` inside the host's frame.
async fn in_frame(client: &Client, script: &str) -> serde_json::Value {
    client.clone().enter_frame(0).await.unwrap();
    let value = eval(client, script).await;
    client.clone().enter_parent_frame().await.unwrap();
    value
}

#[tokio::test]
async fn wordpress_sizes_a_part_from_its_messages_and_the_code_runs_in_the_sandbox() {
    let app = StaticServer::start(dist_dir());
    let host = StaticServer::host_page(wordpress_host(&app.url("/embed/key-facts.html")));
    with_browser(move |client| async move {
        client.goto(&host.url("/host.html")).await.unwrap();
        wait_until(&client, "return heights.length > 0").await;
        // The frame's own code ran under the sandbox (an opaque origin: every module a CORS
        // request) and the height it reports is its content's, which WordPress set.
        client.clone().enter_frame(0).await.unwrap();
        wait_until(&client, "return document.documentElement.hasAttribute('data-hydrated')").await;
        let (origin, content) = (
            eval(&client, "return self.origin").await,
            eval(&client, "return Math.ceil(document.body.getBoundingClientRect().height)").await,
        );
        client.clone().enter_parent_frame().await.unwrap();
        assert_eq!(origin, json!("null"), "the frame is sandboxed");
        let content = content.as_f64().unwrap().clamp(200.0, 1000.0);
        wait_until(&client, &format!("return Number(document.querySelector('iframe').height) === {content}")).await;
        // Styled: the stylesheet loaded into the opaque origin too.
        let font = in_frame(&client, "return getComputedStyle(document.querySelector('h1, h2')).fontFamily").await;
        assert!(!font.as_str().unwrap_or_default().contains("Times"), "unstyled: {font}");
        // A link that would open a new tab (the part's line naming the explainer) opens in the
        // frame instead: the sandbox allows no popups.
        let target = in_frame(&client, "const a = document.querySelector('a[target=\"_blank\"]'); a.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: false })); return a.target").await;
        assert_eq!(target, json!("_self"));
        let errors = errors_and_warnings(&client).await;
        assert!(errors.iter().all(|e| !e.starts_with("SEVERE")), "{errors:#?}");
    })
    .await;
}

#[tokio::test]
async fn wordpress_caps_the_whole_explainer_which_scrolls_inside_and_keeps_the_plan_for_the_visit()
{
    let app = StaticServer::start(dist_dir());
    let host = StaticServer::host_page(wordpress_host(&app.url("/embed/checklists.html")));
    let checklists = content().checklists.clone().unwrap();
    let first = checklists.lists[0].groups[0].items[0].id.clone();
    let notice = checklists.labels.storage_unavailable.clone();
    with_browser(move |client| async move {
        client.goto(&host.url("/host.html")).await.unwrap();
        wait_until(&client, "return heights.includes(1000)").await;
        assert_eq!(eval(&client, "return document.querySelector('iframe').height").await, json!("1000"));
        client.clone().enter_frame(0).await.unwrap();
        wait_until(&client, "return document.documentElement.hasAttribute('data-hydrated')").await;
        // Taller than WordPress's cap: the reader scrolls inside the frame.
        let scrollable = eval(&client, "return document.documentElement.scrollHeight > innerHeight && getComputedStyle(document.documentElement).overflowY !== 'hidden'").await;
        assert_eq!(scrollable, json!(true));
        // No storage in an opaque origin: ticks last for the visit, and the checklists say so.
        wait_until(&client, &format!("const n = document.querySelector('.checklists__notice'); return !n.hidden && n.innerText.includes({notice:?})")).await;
        eval(&client, &format!("document.getElementById('item-{first}').click(); return true")).await;
        wait_until(&client, &format!("return document.getElementById('item-{first}').checked")).await;
    })
    .await;
}

/// The heights table as the build reads it.
fn recorded_heights() -> EmbedHeights {
    let path = repo_dir().join("public/embed-heights.json");
    EmbedHeights::parse(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

/// Every frame page of both editions, by the table's key: the whole explainer's, then each
/// part's.
fn frame_pages() -> Vec<(String, String)> {
    let mut pages = Vec::new();
    for (content, folder) in [(content(), ""), (khmer(), "km/")] {
        pages.push((WHOLE.to_string(), format!("/{folder}embed.html")));
        for part in embeddable_parts(content) {
            pages.push((
                part.slug.clone(),
                format!("/{folder}embed/{}.html", part.slug),
            ));
        }
    }
    pages
}

#[tokio::test]
async fn the_recorded_heights_are_each_parts_at_a_phones_width() {
    let app = StaticServer::start(dist_dir());
    with_browser_sized(PHONE_WIDTH, 800, move |client| async move {
        let mut measured: BTreeMap<String, u32> = BTreeMap::new();
        for (slug, page) in frame_pages() {
            client.goto(&app.url(&page)).await.unwrap();
            wait_until(&client, HYDRATED).await;
            wait_until_idle(&client).await;
            let height = eval(
                &client,
                "return Math.ceil(document.body.getBoundingClientRect().height)",
            )
            .await;
            let height = height.as_u64().unwrap() as u32;
            let tallest = measured.entry(slug).or_default();
            *tallest = (*tallest).max(height);
        }
        let recorded = recorded_heights();
        let off: Vec<String> = (measured.iter())
            .filter(|(slug, px)| {
                let kept = recorded.get(slug).unwrap_or_default();
                kept.abs_diff(**px) > (**px / 10).max(48)
            })
            .map(|(slug, px)| {
                format!(
                    "{slug}: {px} px measured, {:?} recorded",
                    recorded.get(slug)
                )
            })
            .collect();
        assert!(
            off.is_empty(),
            "public/embed-heights.json is out of date:\n{}\nas measured:\n{}",
            off.join("\n"),
            serde_json::to_string_pretty(&measured).unwrap()
        );
    })
    .await;
}

/// The build's own base address, which the snippets and oEmbed answers name (the tests serve
/// the bundle elsewhere, and put their own address in its place).
const BUILT_BASE: &str = "http://127.0.0.1:8080/";

/// The `href` of the oEmbed link in the head of `html`, if it has one.
fn oembed_link(html: &str) -> Option<String> {
    let document = explainer_browser_tests::bundle::parse(html);
    let selector =
        scraper::Selector::parse(r#"head link[rel="alternate"][type="application/json+oembed"]"#)
            .unwrap();
    let link = document.select(&selector).next()?;
    assert!(
        link.value().attr("title").is_some_and(|t| !t.is_empty()),
        "an untitled oEmbed link"
    );
    link.value().attr("href").map(str::to_string)
}

#[tokio::test]
async fn every_page_announces_an_oembed_answer_that_works_placed_alone() {
    let app = StaticServer::start(dist_dir());
    let base = app.url("/");
    let heights = recorded_heights();
    let mut pages = vec![
        (WHOLE.to_string(), "/".to_string()),
        (WHOLE.to_string(), "/km/".to_string()),
    ];
    pages.extend(frame_pages().into_iter().filter(|(slug, _)| slug != WHOLE));
    let mut answers = Vec::new();
    for (slug, page) in pages {
        let file = page.trim_start_matches('/').to_string();
        let file = if file.is_empty() || file.ends_with('/') {
            file + "index.html"
        } else {
            file
        };
        let html = std::fs::read_to_string(dist_dir().join(&file)).unwrap();
        let href = oembed_link(&html).unwrap_or_else(|| panic!("{page}: no oEmbed link"));
        let file = href
            .strip_prefix(BUILT_BASE)
            .unwrap_or_else(|| panic!("{page}: {href}"));
        let answer: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dist_dir().join(file)).unwrap())
                .unwrap_or_else(|e| panic!("{file}: {e}"));
        for field in [
            "version",
            "type",
            "html",
            "width",
            "height",
            "title",
            "provider_name",
            "provider_url",
            "thumbnail_url",
            "thumbnail_width",
            "thumbnail_height",
            "cache_age",
        ] {
            assert!(!answer[field].is_null(), "{file}: no {field}");
        }
        assert_eq!(
            (answer["version"].as_str(), answer["type"].as_str()),
            (Some("1.0"), Some("rich")),
            "{file}"
        );
        let part = (slug != WHOLE).then_some(slug.as_str());
        assert_eq!(
            answer["height"],
            json!(heights.frame_height(part)),
            "{file}"
        );
        let frame = answer["html"].as_str().unwrap().to_string();
        assert!(
            frame.starts_with("<iframe ")
                && frame.ends_with("</iframe>")
                && frame.matches('<').count() == 2,
            "{file}: {frame}"
        );
        // Its card is there, at the size it says.
        let card = answer["thumbnail_url"]
            .as_str()
            .unwrap()
            .strip_prefix(BUILT_BASE)
            .unwrap();
        let png = std::fs::read(dist_dir().join(card)).unwrap_or_else(|e| panic!("{card}: {e}"));
        let size = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
        assert_eq!((size(16), size(20)), (1200, 630), "{card}");
        if slug != WHOLE {
            assert!(
                card.ends_with(&format!("cards/{slug}.png")),
                "{file}: {card}"
            );
        }
        answers.push((page, frame.replace(BUILT_BASE, &base)));
    }
    // The answer's frame alone, as a CMS places it, shows its part.
    let (page, frame) = answers
        .iter()
        .find(|(page, _)| page.ends_with("/faq.html"))
        .unwrap()
        .clone();
    let host = StaticServer::host_page(format!("<!doctype html><html><head><link rel=\"icon\" href=\"data:,\"></head><body>{frame}</body></html>"));
    with_browser(move |client| async move {
        client.goto(&host.url("/host.html")).await.unwrap();
        client.clone().enter_frame(0).await.unwrap();
        wait_until(&client, "return document.querySelector('.faq') !== null && document.documentElement.hasAttribute('data-hydrated')").await;
        client.clone().enter_parent_frame().await.unwrap();
        let height = eval(&client, "return document.querySelector('iframe').getBoundingClientRect().height").await;
        assert!(height.as_f64().unwrap() >= 599.0, "{page}: {height}");
    })
    .await;
}

#[tokio::test]
async fn a_host_that_strips_scripts_shows_each_frame_at_its_height_and_every_part_can_be_reached() {
    let app = StaticServer::start(dist_dir());
    let base = app.url("/");
    // The snippet "Embed this" offers for the whole explainer, less the script a CMS strips.
    let page = std::fs::read_to_string(dist_dir().join("index.html")).unwrap();
    let document = explainer_browser_tests::bundle::parse(&page);
    let code = scraper::Selector::parse(".embed-code__text code").unwrap();
    let snippet: String = document.select(&code).next().unwrap().text().collect();
    let frame = snippet.lines().next().unwrap().replace(BUILT_BASE, &base);
    assert!(
        snippet.contains("<noscript>") && snippet.contains("share-card.png"),
        "{snippet}"
    );
    let whole = recorded_heights().frame_height(None);
    let host = StaticServer::host_page(format!(
        "<!doctype html><html><head><link rel=\"icon\" href=\"data:,\"></head><body><p>An article.</p>{frame}</body></html>"
    ));
    with_browser(move |client| async move {
        client.goto(&host.url("/host.html")).await.unwrap();
        let height = eval(&client, "return document.querySelector('iframe').getBoundingClientRect().height").await;
        assert_eq!(height.as_f64().unwrap().round() as u32, whole.min(MAX_FRAME_HEIGHT), "not a 150 px strip");
        // Taller than its frame: the reader scrolls inside it to the last part.
        client.clone().enter_frame(0).await.unwrap();
        wait_until(&client, HYDRATED).await;
        let reachable = eval(&client, "const last = document.querySelector('#faq'); last.scrollIntoView(); \
            const r = last.getBoundingClientRect(); return document.documentElement.scrollHeight > innerHeight && r.top < innerHeight && r.bottom > 0").await;
        assert_eq!(reachable, json!(true));
    })
    .await;
}
