//! Browser tests: the islands whose views stand alone (the checklists, the FAQ), mounted in
//! headless Chromium by wasm-bindgen-test, acted on and checked through the DOM. Built here on
//! the client rather than hydrated; islands built that way leave out their children, so the
//! islands that wrap prerendered text are tested end to end (`tests/e2e`) instead. Run with
//! `cargo test -p partnership-explainer --features hydrate --target wasm32-unknown-unknown
//! --test web`.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use explainer_core::content::parse_content;
use leptos::mount::mount_to;
use leptos::prelude::*;
use partnership_explainer::ui::islands::checklists::Checklists;
use partnership_explainer::ui::islands::faq::Faq;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

const FIXTURE: &str = include_str!("../crates/core/tests/fixtures/valid.json");

/// A fresh element to mount a component into.
fn host() -> HtmlElement {
    let document = document();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host.unchecked_into()
}

/// The checklists and the FAQ of `json`, mounted in a fresh element.
fn mount_islands(json: &str) -> HtmlElement {
    // The islands' shared context, as the wasm entry sets it up before hydrating.
    leptos::mount::hydrate_islands();
    let content = Arc::new(parse_content(json).expect("the validator accepts it"));
    let root = host();
    mount_to(root.clone(), move || {
        let checklists = content.checklists.clone().unwrap();
        let digits = content.labels.digits.clone();
        view! {
            <Checklists checklists digits />
            <Faq content sections_page=String::new() />
        }
    })
    .forget();
    root
}

fn texts(root: &HtmlElement, css: &str) -> Vec<String> {
    let nodes = root.query_selector_all(css).unwrap();
    (0..nodes.length())
        .map(|i| nodes.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

fn element(root: &HtmlElement, css: &str) -> web_sys::Element {
    root.query_selector(css)
        .unwrap()
        .unwrap_or_else(|| panic!("no {css}"))
}

fn click(root: &HtmlElement, css: &str) {
    element(root, css).unchecked_into::<HtmlElement>().click();
}

/// Lets scheduled reactive updates and effects run.
async fn settle() {
    for _ in 0..3 {
        let tick = js_sys::Promise::new(&mut |resolve, _| {
            window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(tick).await.unwrap();
    }
}

fn clear_storage() {
    window().local_storage().unwrap().unwrap().clear().unwrap();
    window()
        .session_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
}

#[wasm_bindgen_test]
async fn ticking_a_checklist_item_updates_its_list_and_the_plan() {
    clear_storage();
    let root = mount_islands(FIXTURE);
    settle().await;
    assert_eq!(texts(&root, ".checklists__overall-count"), ["0/3"]);
    assert_eq!(texts(&root, "#list-makers .checklist__count"), ["0/2"]);
    click(&root, "#item-build-two");
    settle().await;
    assert_eq!(texts(&root, ".checklists__overall-count"), ["1/3"]);
    assert_eq!(texts(&root, "#list-makers .checklist__count"), ["1/2"]);
    assert_eq!(texts(&root, "#list-watchers .checklist__count"), ["0/1"]);
    clear_storage();
}

#[wasm_bindgen_test]
async fn a_faq_answer_opens_and_the_filter_narrows_the_questions() {
    clear_storage();
    let root = mount_islands(FIXTURE);
    settle().await;
    let content = parse_content(FIXTURE).unwrap();
    let first = &content.faq[0];
    // The question is its entry's <details> summary: a click opens the answer.
    let entry = element(&root, &format!("#faq-{}", first.id));
    assert!(!entry.has_attribute("open"));
    click(&root, &format!("#faq-{}-button", first.id));
    settle().await;
    assert!(entry.has_attribute("open"));

    let input: web_sys::HtmlInputElement = element(&root, "#faq-filter").unchecked_into();
    // The first word of the first question: "First" (the fixture's other entry lacks it).
    let word = first.question.split_whitespace().next().unwrap();
    input.set_value(word);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    settle().await;
    let shown = content
        .faq
        .iter()
        .filter(|e| !element(&root, &format!("#faq-{}", e.id)).has_attribute("hidden"))
        .count();
    assert_eq!(shown, 1);
    assert!(!texts(&root, ".faq__status")[0].is_empty());
    assert!(!texts(&root, "#faq mark").is_empty(), "matches are marked");
    clear_storage();
}

#[wasm_bindgen_test]
async fn hostile_strings_stay_text() {
    let hostile = "<img src=x onerror=alert(1)>";
    let mut doc: serde_json::Value = serde_json::from_str(FIXTURE).unwrap();
    doc["checklists"]["lists"][0]["groups"][0]["items"][0]["text"] = hostile.into();
    doc["faq"][0]["answer"] = hostile.into();
    let root = mount_islands(&doc.to_string());
    settle().await;
    assert_eq!(texts(&root, ".faq__answer p")[0], hostile);
    assert!(texts(&root, ".checklist__item label")
        .iter()
        .any(|t| t == hostile));
    assert!(root.query_selector("img").unwrap().is_none());
}

#[wasm_bindgen_test]
fn the_browsers_json_reads_back_what_it_wrote() {
    use explainer_core::json::Json;
    use partnership_explainer::ui::browser::json;
    let value = Json::Object(vec![
        ("version".into(), Json::Number(1.0)),
        ("role".into(), Json::Null),
        ("done".into(), Json::strings(["a", "</script><b>\"b\"</b>"])),
        ("kept".into(), Json::Bool(true)),
    ]);
    let text = json::stringify(&value);
    // Whole numbers as integers, fields in their order.
    assert_eq!(
        text,
        r#"{"version":1,"role":null,"done":["a","</script><b>\"b\"</b>"],"kept":true}"#
    );
    assert_eq!(json::parse(&text), Some(value.clone()));
    // What the native writer writes, the browser reads, and the other way round.
    assert_eq!(json::parse(&value.to_string()), Some(value.clone()));
    assert_eq!(text.parse::<Json>().unwrap(), value);
    for broken in ["", "{", "{\"a\":}", "undefined"] {
        assert_eq!(json::parse(broken), None, "{broken}");
    }
}
