//! The reader's journey in Firefox and WebKit, not only Chromium: the controls that need no code (a
//! section's Read more, the full read, the points of view, a glossary term's popover, an FAQ
//! answer) work there, with JavaScript on and, in Firefox, off; the islands hydrate, the lazy ones
//! from what the page holds (a tick counted, the FAQ filtered); a frame on a host page of another
//! origin is sized to its content, the whole explainer's and one part's; one part alone reads
//! and answers; and the frames a CMS makes work: at the height the snippet carries where the
//! host strips scripts, and under WordPress's sandbox, sized from its messages.

use fantoccini::Client;
use serde_json::{json, Value};

use explainer_browser_tests::browser::{assert_frame_fits_content, scrolled_to, touch};
use explainer_browser_tests::engines::{with_engine, Engine};
use explainer_browser_tests::server::StaticServer;
use explainer_browser_tests::{checklists, content, dist_dir};
use explainer_core::names::FRAME_FILE;
use explainer_core::plan::Progress;
use explainer_core::plan_export::progress_text;

/// How long to wait for something in these browsers, slower to start than headless Chromium.
const PATIENCE: std::time::Duration = std::time::Duration::from_secs(30);

async fn eval(client: &Client, script: &str) -> Value {
    client
        .execute(script, vec![])
        .await
        .unwrap_or_else(|e| panic!("{script}: {e}"))
}

async fn wait_until(client: &Client, script: &str) {
    let deadline = std::time::Instant::now() + PATIENCE;
    while eval(client, script).await != json!(true) {
        assert!(std::time::Instant::now() < deadline, "timed out: {script}");
        // Pacing only: the condition itself is what the caller waits for.
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// Scrolls the element to the middle of the window and clicks it, as a reader would, then waits
/// until `done` (a script) is true.
async fn click_until(client: &Client, css: &str, done: &str) {
    let element = scrolled_to(client, css).await;
    let arg = serde_json::to_value(&element).unwrap();
    // WebKitWebDriver sometimes answers a click with an empty error, having clicked or not, or
    // reports a click that did not land (seen under load, on radio buttons and labels in
    // sections CSS opened). If the click has not taken within a few seconds, activate the
    // element as a click does, so the rest of the journey is still checked, and say so.
    let clicked = element.click().await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(3);
    while eval(client, done).await != json!(true) {
        if std::time::Instant::now() > deadline {
            eprintln!(
                "{css}: WebDriver's click did not take ({clicked:?}); clicking from the page"
            );
            client
                .execute("arguments[0].click()", vec![arg])
                .await
                .unwrap_or_else(|e| panic!("cannot click {css}: {e}"));
            break;
        }
        // Pacing only: polls for the click's effect, which `wait_until` then requires.
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    wait_until(client, done).await;
}

/// Uses the page, as a reader would, until its code has arrived and its islands are hydrated.
/// A reader's first touch brings the code; touching again while it comes does nothing more, and
/// covers a driver that hands over the page before its loader has run (seen in WebKit under
/// load).
async fn use_until_hydrated(client: &Client) {
    let deadline = std::time::Instant::now() + PATIENCE;
    loop {
        touch(client).await;
        let hydrated = "return document.documentElement.hasAttribute('data-hydrated')";
        if eval(client, hydrated).await == json!(true) {
            return;
        }
        assert!(std::time::Instant::now() < deadline, "never hydrated");
        // Pacing only: the time between touches while the code comes; hydration is the condition.
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }
}

/// Every control that needs no code, used as a reader would.
async fn controls_without_code_work(client: &Client, engine: Engine) {
    let story = &content().story;
    let first = &story.sections[0].id;
    let opened = |id: &str| {
        format!("return document.getElementById('{id}-body').getBoundingClientRect().height > 1")
    };
    assert_eq!(
        eval(client, &opened(first)).await,
        json!(false),
        "{engine:?}: short read first"
    );
    click_until(client, &format!("#{first} .section-toggle"), &opened(first)).await;

    let last = &story.sections.last().unwrap().id;
    click_until(
        client,
        "input[name='reading-mode'][value='full']",
        &opened(last),
    )
    .await;
    for section in &story.sections {
        wait_until(client, &opened(&section.id)).await;
    }

    let with_views = story
        .sections
        .iter()
        .find(|s| s.perspectives.is_some())
        .unwrap();
    let views = &with_views.perspectives.as_ref().unwrap().tabs;
    let panel = |tab: &str| format!("{}-{tab}-panel", with_views.id);
    let shown = |id: String| {
        format!("return getComputedStyle(document.getElementById('{id}')).display !== 'none'")
    };
    let choice = format!("#{}-{}-choice", with_views.id, views[1].id);
    click_until(client, &choice, &shown(panel(&views[1].id))).await;
    assert_eq!(
        eval(client, &shown(panel(&views[0].id))).await,
        json!(false),
        "{engine:?}"
    );

    click_until(
        client,
        ".story-section__body .term",
        "return document.querySelector('.story-section__body .term + .term__definition').matches(':popover-open')",
    )
    .await;

    let faq = &content().faq[0].id;
    let answered = format!("return document.getElementById('faq-{faq}').open");
    click_until(client, &format!("#faq-{faq}-button"), &answered).await;
}

/// The lazy islands, which take no props, work from what the page holds: a tick is counted with
/// the template and digits their `data-words` carry, over the items read back from the page, and
/// the FAQ's filter searches the questions read back from it.
async fn islands_work_from_what_the_page_holds(client: &Client) {
    let own_island_hydrated = |css: &str| {
        format!(
            "return document.querySelector('{css}').closest('leptos-island').hasAttribute('data-hydrated')"
        )
    };
    let lists = checklists();
    let first_item = lists.item_ids().next().unwrap();
    let ticked = Progress {
        done: 1,
        total: lists.item_ids().count(),
    };
    let counted = progress_text(&lists.labels.progress, ticked, &content().labels.digits);
    scrolled_to(client, "#checklists").await;
    wait_until(client, &own_island_hydrated("#checklists")).await;
    let shows_count = format!(
        "return document.querySelector('.checklists__overall-count').textContent === {}",
        json!(counted)
    );
    click_until(client, &format!("#item-{first_item}"), &shows_count).await;

    let first = &content().faq[0];
    scrolled_to(client, "#faq").await;
    wait_until(client, &own_island_hydrated("#faq")).await;
    eval(
        client,
        &format!(
            "const input = document.getElementById('faq-filter'); input.value = {}; \
             input.dispatchEvent(new Event('input', {{ bubbles: true }}))",
            json!(first.question)
        ),
    )
    .await;
    let filtered = format!(
        "return !document.getElementById('faq-{}').hidden \
         && document.querySelectorAll('.faq__entry[hidden]').length > 0",
        first.id
    );
    wait_until(client, &filtered).await;
}

#[tokio::test]
async fn firefox_reader_journey_with_javascript_on_and_off() {
    let server = StaticServer::start(dist_dir());
    for javascript in [true, false] {
        let url = server.url("/");
        with_engine(
            Engine::Firefox,
            1280,
            900,
            javascript,
            move |client| async move {
                client.goto(&url).await.unwrap();
                if javascript {
                    use_until_hydrated(&client).await;
                }
                controls_without_code_work(&client, Engine::Firefox).await;
                if javascript {
                    islands_work_from_what_the_page_holds(&client).await;
                }
            },
        )
        .await;
    }
}

#[tokio::test]
async fn webkit_reader_journey() {
    let server = StaticServer::start(dist_dir());
    let url = server.url("/");
    with_engine(Engine::WebKit, 1280, 900, true, move |client| async move {
        client.goto(&url).await.unwrap();
        use_until_hydrated(&client).await;
        controls_without_code_work(&client, Engine::WebKit).await;
        islands_work_from_what_the_page_holds(&client).await;
    })
    .await;
}

/// A host page on its own origin, with a frame of the explainer's page `frame` (`embed.html`,
/// or one part's `embed/<part>.html`) and `embed.js`.
fn host_with_a_frame(app: &StaticServer, frame: &str) -> StaticServer {
    let base = app.url("/");
    StaticServer::host_page(format!(
        "<!doctype html><html><body><p>Host article text.</p>\
         <iframe src=\"{base}{frame}\" title=\"Explainer\" style=\"width:100%;border:0\"></iframe>\
         <script src=\"{base}embed.js\" async></script></body></html>"
    ))
}

#[tokio::test]
async fn a_frame_is_sized_to_its_content_in_firefox_and_webkit() {
    let app = StaticServer::start(dist_dir());
    // The whole explainer, and one part alone; each at least this tall once sized.
    for (frame, least) in [(FRAME_FILE, 1000), ("embed/key-facts.html", 300)] {
        let host = host_with_a_frame(&app, frame);
        for engine in [Engine::Firefox, Engine::WebKit] {
            let url = host.url("/host.html");
            with_engine(engine, 1280, 900, true, move |client| async move {
                client.goto(&url).await.unwrap();
                wait_until(
                    &client,
                    &format!(
                        "const f = document.querySelector('iframe'); \
                         return f.style.height !== '' && f.getBoundingClientRect().height > {least}"
                    ),
                )
                .await;
                assert_frame_fits_content(&client, &format!("{engine:?}, {frame}")).await;
            })
            .await;
        }
    }
}

#[tokio::test]
async fn a_part_alone_reads_and_answers_in_firefox_and_webkit() {
    let server = StaticServer::start(dist_dir());
    let faq = &explainer_browser_tests::khmer().faq[0];
    for (engine, javascript) in [
        (Engine::Firefox, false),
        (Engine::Firefox, true),
        (Engine::WebKit, true),
    ] {
        let url = server.url("/km/embed/faq.html");
        let (id, question) = (faq.id.clone(), faq.question.clone());
        with_engine(engine, 390, 844, javascript, move |client| async move {
            client.goto(&url).await.unwrap();
            if javascript {
                use_until_hydrated(&client).await;
            }
            let shown = eval(
                &client,
                "return [document.querySelector('.faq__question').textContent, \
                 document.querySelectorAll('.story-section, .checklists').length, \
                 document.querySelector('.part-source a').target]",
            )
            .await;
            assert_eq!(shown, json!([question, 0, "_blank"]), "{engine:?}");
            let answered = format!("return document.getElementById('faq-{id}').open");
            click_until(&client, &format!("#faq-{id}-button"), &answered).await;
        })
        .await;
    }
}

#[tokio::test]
async fn frames_a_cms_makes_work_in_firefox_and_webkit() {
    let app = StaticServer::start(dist_dir());
    let base = app.url("/");
    // The frame alone, as a CMS that strips scripts keeps it, at the height its snippet carries.
    let stripped = StaticServer::host_page(format!(
        "<!doctype html><html><body><p>An article.</p>\
         <iframe src=\"{base}{FRAME_FILE}\" title=\"Explainer\" width=\"600\" height=\"1000\" style=\"width:100%;border:0\"></iframe></body></html>"
    ));
    // As WordPress frames an oEmbed answer, with a listener written from wp-embed.js.
    let secret = "Ab3dE5gH9k";
    let wordpress = StaticServer::host_page(format!(
        "<!doctype html><html><body><p>A post.</p>\
         <iframe sandbox=\"allow-scripts\" src=\"{base}embed/key-facts.html#?secret={secret}\" data-secret=\"{secret}\" width=\"600\" height=\"338\" title=\"Explainer\"></iframe>\
         <script>window.heights = []; addEventListener('message', function (e) {{ var d = e.data; \
           var f = document.querySelector('iframe'); if (!d || d.secret !== '{secret}' || d.message !== 'height' || e.source !== f.contentWindow) return; \
           var h = Math.min(1000, Math.max(200, parseInt(d.value, 10))); f.height = h; heights.push(h); }});</script></body></html>"
    ));
    for engine in [Engine::Firefox, Engine::WebKit] {
        let (stripped, wordpress) = (stripped.url("/host.html"), wordpress.url("/host.html"));
        with_engine(engine, 1280, 900, true, move |client| async move {
            client.goto(&stripped).await.unwrap();
            let height = eval(&client, "return Math.round(document.querySelector('iframe').getBoundingClientRect().height)").await;
            assert_eq!(height, json!(1000), "{engine:?}: the frame without its script");
            client.clone().enter_frame(0).await.unwrap();
            wait_until(&client, "return document.querySelector('#faq') !== null && document.documentElement.scrollHeight > innerHeight").await;
            client.clone().enter_parent_frame().await.unwrap();

            client.goto(&wordpress).await.unwrap();
            wait_until(&client, "return heights.length > 0").await;
            client.clone().enter_frame(0).await.unwrap();
            wait_until(&client, "return document.documentElement.hasAttribute('data-hydrated')").await;
            let content = eval(&client, "return Math.ceil(document.body.getBoundingClientRect().height)").await;
            client.clone().enter_parent_frame().await.unwrap();
            let expected = content.as_f64().unwrap().clamp(200.0, 1000.0);
            wait_until(&client, &format!("return Number(document.querySelector('iframe').height) === {expected}")).await;
        })
        .await;
    }
}
