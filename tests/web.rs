//! Browser tests: components mounted in headless Chromium by wasm-bindgen-test, acted on and
//! checked through the DOM. Run with `cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;

use leptos::mount::mount_to;
use leptos::prelude::*;
use partnership_explainer::content::load::LoadError;
use partnership_explainer::content::{parse_content, Problem};
use partnership_explainer::embed_options::{EmbedOptions, Placement};
use partnership_explainer::ui::app::App;
use partnership_explainer::ui::root::AppRoot;
use partnership_explainer::ui::status::ErrorPanel;
use partnership_explainer::ui::story::Story;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

const FIXTURE: &str = include_str!("fixtures/valid.json");

/// Options for the explainer on its own page.
fn page_options() -> EmbedOptions {
    EmbedOptions::from_query("")
}

/// What `App` provides to the components below it, for tests that mount those alone.
fn provide_page_context() {
    provide_context(AppRoot::new(document().into(), Placement::Page));
    provide_context(page_options());
}

/// A fresh element to mount a component into.
fn host() -> HtmlElement {
    let document = document();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host.unchecked_into()
}

fn texts(root: &HtmlElement, css: &str) -> Vec<String> {
    let nodes = root.query_selector_all(css).unwrap();
    (0..nodes.length())
        .map(|i| nodes.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

fn click(root: &HtmlElement, css: &str) {
    root.query_selector(css)
        .unwrap()
        .unwrap_or_else(|| panic!("no {css}"))
        .unchecked_into::<HtmlElement>()
        .click();
}

/// Lets already-scheduled reactive updates (queued as microtasks) run.
async fn microtasks() {
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&JsValue::NULL))
        .await
        .unwrap();
}

/// Lets pending tasks (fetches, spawned futures) run, polling until `done` or a timeout.
async fn until(mut done: impl FnMut() -> bool) {
    for _ in 0..200 {
        if done() {
            return;
        }
        let tick = js_sys::Promise::new(&mut |resolve, _| {
            window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(tick).await.unwrap();
    }
    panic!("condition not met within 2 seconds");
}

#[wasm_bindgen_test]
fn error_panel_lists_problems_and_retry_calls_back() {
    let root = host();
    let retries = Rc::new(Cell::new(0));
    let counter = retries.clone();
    let problems = vec![
        Problem {
            place: "faq[3].answer".into(),
            message: "missing".into(),
        },
        Problem {
            place: "sections[2].title".into(),
            message: "must not be empty".into(),
        },
    ];
    let _mounted = mount_to(root.clone(), move || {
        let counter = counter.clone();
        view! { <ErrorPanel error=LoadError::Invalid(problems) on_retry=move || counter.set(counter.get() + 1) /> }
    });
    assert_eq!(
        texts(&root, "li"),
        [
            "faq[3].answer: missing",
            "sections[2].title: must not be empty"
        ]
    );
    assert!(texts(&root, "p")[0].contains("these 2 problems"));
    click(&root, "button");
    click(&root, "button");
    assert_eq!(retries.get(), 2);
}

#[wasm_bindgen_test]
fn error_panel_for_an_unreachable_file_says_so_without_a_list() {
    let root = host();
    let _mounted = mount_to(root.clone(), || {
        view! { <ErrorPanel error=LoadError::Status(503) on_retry=|| {} /> }
    });
    assert_eq!(texts(&root, "h1"), ["The explainer could not be loaded"]);
    assert!(texts(&root, "p")[0].contains("HTTP 503"));
    assert!(texts(&root, "li").is_empty());
    assert!(root.query_selector("[role=alert]").unwrap().is_some());
}

#[wasm_bindgen_test]
fn story_renders_sections_glossary_terms_and_faq_links() {
    let root = host();
    let content = Arc::new(parse_content(FIXTURE).unwrap());
    let _mounted = mount_to(root.clone(), move || {
        provide_page_context();
        view! { <Story content /> }
    });
    assert_eq!(texts(&root, "h1"), ["Fixture headline"]);
    assert_eq!(
        texts(&root, ".story-section h2"),
        ["First section", "Second section"]
    );
    assert_eq!(
        texts(&root, ".term"),
        ["The Bloc", "regional bloc", "The Bloc"]
    );
    assert_eq!(
        texts(&root, "[role=tab]"),
        ["Left view", "Middle view", "Right view"]
    );
    assert_eq!(
        texts(&root, ".story-section__list li"),
        ["One item", "Another item"]
    );
    assert_eq!(texts(&root, ".key-facts dt"), ["Who"]);
    let link = root.query_selector("#faq-one a").unwrap().unwrap();
    assert_eq!(link.get_attribute("href").as_deref(), Some("#first"));
    assert!(root.query_selector("#faq-two a").unwrap().is_none());
    assert_eq!(document().title(), "Fixture page title");
}

#[wasm_bindgen_test]
fn hostile_strings_stay_text() {
    let root = host();
    let hostile = "<img src=x onerror=alert(1)><script>alert(2)</script>";
    let json = FIXTURE.replace("Fixture headline", &hostile.replace('"', "\\\""));
    let content = Arc::new(parse_content(&json).unwrap());
    let _mounted = mount_to(root.clone(), move || {
        provide_page_context();
        view! { <Story content /> }
    });
    assert_eq!(texts(&root, "h1"), [hostile]);
    assert!(root.query_selector("img, script").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn app_shows_loading_then_the_story() {
    let root = host();
    let url = format!(
        "data:application/json,{}",
        js_sys::encode_uri_component(FIXTURE)
    );
    let mounted = mount_to(
        root.clone(),
        move || view! { <App content_url=url.as_str() options=page_options() root=document().into() /> },
    );
    assert_eq!(texts(&root, "[role=status]"), ["Loading the explainer…"]);
    until(|| !texts(&root, "h1").is_empty()).await;
    assert_eq!(texts(&root, "h1"), ["Fixture headline"]);
    assert!(
        texts(&root, ".status-panel").is_empty(),
        "the loading notice is gone"
    );
    let schema = || document().get_element_by_id("faq-schema");
    assert!(schema().is_some(), "the FAQ's JSON-LD is in the head");
    drop(mounted);
    assert!(
        schema().is_none(),
        "removing the app cleans up after the story"
    );
}

#[wasm_bindgen_test]
async fn app_shows_an_error_for_a_missing_file_and_retries() {
    let root = host();
    let _mounted = mount_to(
        root.clone(),
        || view! { <App content_url="/no-such-content.json" options=page_options() root=document().into() /> },
    );
    until(|| !texts(&root, "[role=alert]").is_empty()).await;
    assert!(texts(&root, "[role=alert] p")[0].contains("HTTP 404"));
    click(&root, "[role=alert] button");
    microtasks().await;
    assert_eq!(texts(&root, "[role=status]"), ["Loading the explainer…"]);
    until(|| !texts(&root, "[role=alert]").is_empty()).await;
}

#[wasm_bindgen_test]
async fn section_toggle_and_glossary_term_respond_to_clicks() {
    let root = host();
    let content = Arc::new(parse_content(FIXTURE).unwrap());
    let _mounted = mount_to(root.clone(), move || {
        provide_page_context();
        view! { <Story content /> }
    });
    let body = root.query_selector("#first-body").unwrap().unwrap();
    let toggle = "#first .section-toggle";
    let expanded = || {
        root.query_selector(toggle)
            .unwrap()
            .unwrap()
            .get_attribute("aria-expanded")
    };
    assert_eq!(expanded().as_deref(), Some("false"));
    assert_eq!(body.get_attribute("hidden").as_deref(), Some("until-found"));
    click(&root, toggle);
    microtasks().await;
    assert_eq!(expanded().as_deref(), Some("true"));
    assert!(body.get_attribute("hidden").is_none());
    assert!(texts(&root, toggle)[0].starts_with("Close"));

    let definition = root
        .query_selector("#first-body .term__definition")
        .unwrap()
        .unwrap();
    assert!(definition.has_attribute("hidden"));
    click(&root, "#first-body .term");
    microtasks().await;
    assert!(!definition.has_attribute("hidden"));
    assert_eq!(
        definition.text_content().unwrap(),
        "The Bloc A group of countries."
    );
}

#[wasm_bindgen_test]
async fn ticking_a_checklist_item_updates_its_progress() {
    let root = host();
    let content = Arc::new(parse_content(FIXTURE).unwrap());
    let _mounted = mount_to(root.clone(), move || {
        provide_page_context();
        view! { <Story content /> }
    });
    assert_eq!(texts(&root, ".checklists__overall-count"), ["0/3"]);
    assert_eq!(texts(&root, "#list-makers .checklist__count"), ["0/2"]);
    click(&root, "#item-build-two");
    microtasks().await;
    assert_eq!(texts(&root, ".checklists__overall-count"), ["1/3"]);
    assert_eq!(texts(&root, "#list-makers .checklist__count"), ["1/2"]);
    assert_eq!(texts(&root, "#list-watchers .checklist__count"), ["0/1"]);
    window().local_storage().unwrap().unwrap().clear().unwrap();
}

#[wasm_bindgen_test]
async fn any_content_the_validator_accepts_renders_without_panicking() {
    // The fixture stripped of everything optional, and with each optional part alone.
    let full: serde_json::Value = serde_json::from_str(FIXTURE).unwrap();
    let mut variants = Vec::new();
    let mut bare = full.clone();
    for key in ["glossary", "faq", "checklists"] {
        bare.as_object_mut().unwrap().remove(key);
    }
    bare["story"]["standfirst"] = "Plain standfirst.".into();
    bare["story"]["key_facts"] = serde_json::json!([]);
    for section in bare["story"]["sections"].as_array_mut().unwrap() {
        let section = section.as_object_mut().unwrap();
        for key in ["list", "fact", "perspectives"] {
            section.remove(key);
        }
        section.insert("summary".into(), "Plain summary.".into());
        section.insert("body".into(), serde_json::json!(["Plain paragraph."]));
    }
    variants.push(bare.clone());
    for key in ["faq", "checklists"] {
        let mut one = bare.clone();
        one[key] = full[key].clone();
        if key == "faq" {
            one["faq"][0].as_object_mut().unwrap().remove("section");
            one["faq"][1].as_object_mut().unwrap().remove("section");
        }
        variants.push(one);
    }
    for variant in variants {
        let content =
            Arc::new(parse_content(&variant.to_string()).expect("the validator accepts it"));
        let root = host();
        let _mounted = mount_to(root.clone(), move || {
            provide_page_context();
            view! { <Story content /> }
        });
        microtasks().await;
        assert_eq!(texts(&root, "h1"), ["Fixture headline"]);
    }
}
