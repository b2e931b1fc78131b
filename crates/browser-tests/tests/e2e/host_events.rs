//! What a reader does inside an embed reaches the host page, for its own analytics: posted by a
//! frame as `{explainer: "event", name, part, edition, …}`, dispatched by the script embed as a
//! bubbling `explainer:event` on its element; each once per action, none carrying words the
//! reader typed.

use fantoccini::Client;
use serde_json::{json, Value};

use explainer_browser_tests::browser::{
    eval, shadow_of, wait_for_embed, wait_until, with_browser, HYDRATED,
};
use explainer_browser_tests::server::StaticServer;
use explainer_browser_tests::{content, dist_dir};
use explainer_core::names::FRAME_FILE;

/// What the reader types in the FAQ filter: it must never reach the host.
const TYPED: &str = "Boeing";

/// The events the host has received, in `window.events`.
async fn events(client: &Client) -> Vec<Value> {
    serde_json::from_value(eval(client, "return events").await).unwrap()
}

/// How many received events are named `name`.
async fn count(client: &Client, name: &str) -> usize {
    let events = events(client).await;
    events.iter().filter(|e| e["name"] == name).count()
}

/// Waits until the host has received `n` events named `name`, then checks it gets no more.
async fn wait_for(client: &Client, name: &str, n: usize) {
    wait_until(
        client,
        &format!("return events.filter(e => e.name === {name:?}).length >= {n}"),
    )
    .await;
    assert_eq!(
        count(client, name).await,
        n,
        "{name}: {:#?}",
        events(client).await
    );
}

#[tokio::test]
async fn a_frame_tells_its_host_what_the_reader_does() {
    let app = StaticServer::start(dist_dir());
    let base = app.url("/");
    let host = StaticServer::host_page(format!(
        "<!doctype html><html><head><link rel=\"icon\" href=\"data:,\"></head><body>\
         <iframe src=\"{base}{FRAME_FILE}\" title=\"Explainer\" style=\"width:100%;height:900px;border:0\"></iframe>\
         <script>window.events = []; addEventListener('message', e => {{ if (e.data && e.data.explainer === 'event') events.push(e.data) }});</script>\
         </body></html>"
    ));
    let checklists = content().checklists.clone().unwrap();
    let item = checklists.lists[0].groups[0].items[0].id.clone();
    let answer = content().faq[2].id.clone();
    let section = content().story.sections[1].id.clone();
    with_browser(move |client| async move {
        client.goto(&host.url("/host.html")).await.unwrap();
        wait_for(&client, "in-view", 1).await;
        let first = &events(&client).await[0];
        assert_eq!((first["part"].as_str(), first["edition"].as_str()), (Some("explainer"), Some("en")));

        client.clone().enter_frame(0).await.unwrap();
        wait_until(&client, HYDRATED).await;
        let act = |script: String| {
            let client = client.clone();
            async move {
                eval(&client, &format!("{script}; return true")).await;
            }
        };
        act(format!("document.querySelector('#{section} .section-toggle').click()")).await;
        act("document.querySelector('input[name=\"reading-mode\"][value=\"full\"]').click()".into()).await;
        act(format!("document.querySelector('#faq-{answer} summary').click()")).await;
        // Closing it again is no opening.
        act(format!("document.querySelector('#faq-{answer} summary').click()")).await;
        act(format!(
            "const f = document.getElementById('faq-filter'); f.value = {TYPED:?}; \
             f.dispatchEvent(new Event('input', {{ bubbles: true }}))"
        ))
        .await;
        act(format!("document.getElementById('item-{item}').click()")).await;
        act(format!("document.getElementById('item-{item}').click()")).await;
        act("document.querySelector('[data-explainer-event=\"plan-downloaded\"]').click()".into()).await;
        let shown = eval(&client, "return document.querySelectorAll('.faq__entry:not([hidden])').length").await;
        client.clone().enter_parent_frame().await.unwrap();

        for name in ["section-opened", "full-read-chosen", "answer-opened", "item-ticked", "item-unticked", "plan-downloaded"] {
            wait_for(&client, name, 1).await;
        }
        wait_for(&client, "faq-filtered", 1).await;
        let events = events(&client).await;
        let of = |name: &str| events.iter().find(|e| e["name"] == name).unwrap().clone();
        assert_eq!(of("section-opened")["section"], json!(section));
        assert_eq!(of("answer-opened")["answer"], json!(answer));
        assert_eq!(of("item-ticked")["item"], json!(item));
        assert_eq!(of("faq-filtered")["shown"], shown);
        let sent = serde_json::to_string(&events).unwrap();
        assert!(!sent.contains(TYPED), "the words typed reached the host: {sent}");

        // The other edition, last: the frame goes there.
        client.clone().enter_frame(0).await.unwrap();
        eval(&client, "document.querySelector('[data-explainer-event=\"edition-opened\"]').click(); return true").await;
        client.clone().enter_parent_frame().await.unwrap();
        wait_for(&client, "edition-opened", 1).await;
        let events = self::events(&client).await;
        let opened = events.iter().find(|e| e["name"] == "edition-opened").unwrap();
        assert_eq!(opened["to"], json!("km"));
    })
    .await;
}

#[tokio::test]
async fn the_script_embed_dispatches_what_the_reader_does_on_its_element() {
    let app = StaticServer::start(dist_dir());
    let base = app.url("/");
    let host = StaticServer::host_page(format!(
        "<!doctype html><html><head><link rel=\"icon\" href=\"data:,\"></head><body>\
         <div data-explainer id=\"faq-embed\" data-explainer-part=\"faq\" data-explainer-lang=\"km\"></div>\
         <script>window.events = []; document.addEventListener('explainer:event', e => events.push(Object.assign({{ on: e.target.id }}, e.detail)));</script>\
         <script type=\"module\" src=\"{base}embed.js\"></script></body></html>"
    ));
    let answer = content().faq[0].id.clone();
    with_browser(move |client| async move {
        client.goto(&host.url("/host.html")).await.unwrap();
        wait_for_embed(&client, "faq-embed").await;
        wait_for(&client, "in-view", 1).await;
        let root = shadow_of("faq-embed");
        eval(
            &client,
            &format!("{root}.querySelector('#faq-{answer} summary').click(); return true"),
        )
        .await;
        eval(
            &client,
            &format!(
                "const f = {root}.getElementById('faq-filter'); f.value = {TYPED:?}; \
             f.dispatchEvent(new Event('input', {{ bubbles: true }})); return true"
            ),
        )
        .await;
        wait_for(&client, "answer-opened", 1).await;
        wait_for(&client, "faq-filtered", 1).await;
        let events = events(&client).await;
        for event in &events {
            assert_eq!(event["on"], json!("faq-embed"), "{event}");
            assert_eq!(
                (event["part"].as_str(), event["edition"].as_str()),
                (Some("faq"), Some("km"))
            );
        }
        let sent = serde_json::to_string(&events).unwrap();
        assert!(
            !sent.contains(TYPED),
            "the words typed reached the host: {sent}"
        );
    })
    .await;
}
