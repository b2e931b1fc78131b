//! The explainer's wasm entry. The page arrives as HTML rendered at build time; this crate
//! brings its islands to life: [`hydrate_page`] on the explainer's own pages, and
//! [`mount_explainer`] for the script embed, which fetches the rendered fragment into a host
//! element's shadow root first. (A frame's height is reported by the loader, `boot.js`, which
//! does not wait for the wasm.)

use std::rc::Rc;

use gloo_net::http::Request;
use js_sys::{Function, Reflect};
use leptos::prelude::{document, window};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

// The components crate defines the islands' exports; it must be linked in (leptos issue 2083).
use partnership_explainer::core::names::{
    island_base_name, HYDRATED_EVENT, LAZY_ISLANDS, LOAD_EVERYTHING_EVENT, LOAD_FAILED_ATTRIBUTE,
    MODULE_FAILED_EVENT, ON_TOUCH_ISLANDS, STALL_BOUND_MS, TOUCHED_ATTRIBUTE,
};
use partnership_explainer::ui::browser::page_text;

/// Sets up the reactive system once, before any island is hydrated.
#[wasm_bindgen(start)]
pub fn start() {
    leptos::mount::hydrate_islands();
}

/// Hydrates every island on the page; resolves when all are. `exports` is this module's JS
/// exports, where each island's hydration function is found by the name in its `data-component`;
/// `when` says when the lazy islands are hydrated (see [`Lazy::named`]), which the loader,
/// `boot.js`, decides.
#[wasm_bindgen]
pub async fn hydrate_page(exports: JsValue, when: String) {
    let Some(body) = document().body() else {
        return;
    };
    hydrate_islands_in(&body, &exports, Lazy::named(&when)).await;
}

/// When the lazy islands ([`LAZY_ISLANDS`]) are hydrated; those in [`ON_TOUCH_ISLANDS`] always
/// wait for a reader's touch.
#[derive(Clone, Copy, PartialEq)]
enum Lazy {
    /// With the others, in document order: a frame, which shows all of itself at once, and a
    /// page opened at a part, which needs every part able to open.
    Now,
    /// Once a reader comes within a screen of them, so a reader who never does loads none of
    /// their code.
    WhenNear,
    /// When a reader touches them, or asks for every part's code ([`LOAD_EVERYTHING_EVENT`]):
    /// for a reader whose browser asks to save data.
    WhenTouched,
}

impl Lazy {
    /// `"now"`, `"near"` or `"touch"`; anything else is `"near"`.
    fn named(when: &str) -> Self {
        match when {
            "now" => Lazy::Now,
            "touch" => Lazy::WhenTouched,
            _ => Lazy::WhenNear,
        }
    }
}

/// How far ahead of the screen a lazy island is hydrated: a screen's height, so that it is
/// ready by the time a reader, scrolling, gets to it.
const NEAR: &str = "100% 0px";

/// Hydrates the islands under `root` in document order, each nested one after the island
/// around it, which it then sees as its owner (for shared state); then tells each explainer
/// root under `root` that it is done. Each island is hydrated in a task of its own, so none of
/// this blocks what a reader does for longer than the largest island takes.
async fn hydrate_islands_in(root: &web_sys::Element, exports: &JsValue, lazy: Lazy) {
    let Ok(islands) = root.query_selector_all("leptos-island") else {
        return;
    };
    let (mut near, mut on_touch, mut saving) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..islands.length() {
        let Some(island) = islands
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        let name = island_name(&island);
        if ON_TOUCH_ISLANDS.contains(&name.as_str()) {
            on_touch.push(island);
            continue;
        }
        let is_lazy = LAZY_ISLANDS.contains(&name.as_str());
        if is_lazy && lazy == Lazy::WhenNear {
            near.push(island);
            continue;
        }
        if is_lazy && lazy == Lazy::WhenTouched {
            saving.push(island);
            continue;
        }
        // Also parts hydration from loading the module, which ran in this task before.
        yield_to_browser().await;
        hydrate_island(&island, exports).await;
    }
    // Once the islands' own effects have run, among them the roots' wait for this event.
    yield_to_browser().await;
    if let Ok(roots) = root.query_selector_all(".explainer") {
        for i in 0..roots.length() {
            if let Some(explainer) = roots.item(i) {
                if let Ok(event) = web_sys::Event::new(HYDRATED_EVENT) {
                    let _ = explainer.dispatch_event(&event);
                }
            }
        }
    }
    hydrate_when_near(near, exports.clone());
    hydrate_when_touched(on_touch, exports.clone(), false);
    hydrate_when_touched(saving, exports.clone(), true);
}

/// The island's component name, without the hash Leptos adds to it (`FaqIsland_123…`).
fn island_name(island: &web_sys::HtmlElement) -> String {
    let name = island.dataset().get("component").unwrap_or_default();
    island_base_name(&name).to_string()
}

thread_local! {
    /// One island hydrates at a time. An island takes as its owner (for shared state) the owner
    /// current when it runs, which a lazy one does only once its module has loaded; by then
    /// another explainer on the page (a second script embed) could have made its own current.
    static HYDRATING: Rc<futures::lock::Mutex<()>> = Rc::default();
}

/// Hydrates one island; for a lazy one, resolves once its module has loaded and it is hydrated.
/// Marks it `data-hydrated`, or `data-load-failed` if it failed (see [`loaded`]).
async fn hydrate_island(island: &web_sys::HtmlElement, exports: &JsValue) {
    let lock = HYDRATING.with(Rc::clone);
    let _turn = lock.lock().await;
    let enclosing_children = island
        .parent_element()
        .and_then(|parent| parent.closest("leptos-children").ok().flatten());
    if let Some(children) = enclosing_children {
        call(&children, "$$on_hydrate", &JsValue::NULL);
    }
    let name = island.dataset().get("component").unwrap_or_default();
    // An island takes no props: it reads what it needs back from its own element.
    page_text::set_hydrating(Some(island.clone().into()));
    match call(exports, &name, island) {
        Some(returned) => {
            // A lazy island's hydration is a promise, which resolves once its module arrived.
            let hydrated = match returned.dyn_into::<js_sys::Promise>() {
                Ok(promise) => loaded(promise).await,
                Err(_) => true,
            };
            // The page's CSS shows an island's controls that need code only once it is marked.
            let mark = if hydrated {
                "data-hydrated"
            } else {
                LOAD_FAILED_ATTRIBUTE
            };
            let _ = island.set_attribute(mark, "");
        }
        None => web_sys::console::error_1(&format!("explainer: no island named {name}").into()),
    }
    page_text::set_hydrating(None);
}

/// Waits for a lazy island's hydration (`promise`): `true` once it is hydrated, `false` if it
/// failed. Its module failing to load, or to arrive within [`STALL_BOUND_MS`], the modules'
/// loader announces with [`MODULE_FAILED_EVENT`] and leaves `promise` pending for good; lazy
/// islands hydrate one at a time, so the failure is this island's. An island whose module
/// another island's stalled load holds hears nothing, so this gives up a second after the
/// loader would have.
async fn loaded(promise: js_sys::Promise) -> bool {
    let failed = js_sys::Promise::new(&mut |resolve, _| {
        let options = web_sys::AddEventListenerOptions::new();
        options.set_once(true);
        let _ = window().add_event_listener_with_callback_and_add_event_listener_options(
            MODULE_FAILED_EVENT,
            &resolve,
            &options,
        );
    });
    let given_up = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(
            &resolve,
            STALL_BOUND_MS as i32 + 1_000,
        );
    });
    let hydrated = wasm_bindgen_futures::JsFuture::from(promise);
    let failed = futures::future::select(
        wasm_bindgen_futures::JsFuture::from(failed),
        wasm_bindgen_futures::JsFuture::from(given_up),
    );
    // A hydration that rejects is a failure too.
    matches!(
        futures::future::select(hydrated, failed).await,
        futures::future::Either::Left((Ok(_), _))
    )
}

/// Hydrates each of `islands` once it comes [`NEAR`] the screen.
fn hydrate_when_near(islands: Vec<web_sys::HtmlElement>, exports: JsValue) {
    if islands.is_empty() {
        return;
    }
    let on_change = Closure::<dyn Fn(js_sys::Array, web_sys::IntersectionObserver)>::new(
        move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
            for entry in entries.iter() {
                let entry: web_sys::IntersectionObserverEntry = entry.unchecked_into();
                if !entry.is_intersecting() {
                    continue;
                }
                observer.unobserve(&entry.target());
                let Some(island) = entry
                    .target()
                    .closest("leptos-island")
                    .ok()
                    .flatten()
                    .and_then(|island| island.dyn_into::<web_sys::HtmlElement>().ok())
                else {
                    continue;
                };
                hydrate_soon(island, exports.clone());
            }
        },
    );
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin(NEAR);
    let Ok(observer) = web_sys::IntersectionObserver::new_with_options(
        on_change.as_ref().unchecked_ref(),
        &options,
    ) else {
        return;
    };
    // An island's element has no box of its own (`display: contents`); its first child has.
    for island in &islands {
        match island.first_element_child() {
            Some(child) => observer.observe(&child),
            None => observer.observe(island),
        }
    }
    // The observer lives as long as the page.
    on_change.forget();
}

/// Hydrates `island` in a task of its own, after any island hydrating now.
fn hydrate_soon(island: web_sys::HtmlElement, exports: JsValue) {
    wasm_bindgen_futures::spawn_local(async move {
        hydrate_island(&island, &exports).await;
    });
}

/// What counts as a reader touching an island: caught on the way down (`toggle` does not
/// bubble), so whatever inside it is touched.
const TOUCHES: [&str; 3] = ["pointerdown", "focusin", "toggle"];

/// Hydrates each of `islands` on a reader's first touch of it ([`TOUCHES`]), or at once if it
/// was touched before the page's code arrived: focus in it, or marked [`TOUCHED_ATTRIBUTE`] by
/// the loader. `saving_data` says these are islands waiting because their reader saves data:
/// then they also come when a reader asks for every part's code ([`LOAD_EVERYTHING_EVENT`]);
/// else they are those of [`ON_TOUCH_ISLANDS`], closed until used, and one found open was
/// touched.
fn hydrate_when_touched(islands: Vec<web_sys::HtmlElement>, exports: JsValue, saving_data: bool) {
    for island in islands {
        let opened = !saving_data
            && island
                .query_selector("details[open]")
                .ok()
                .flatten()
                .is_some();
        let focused = document()
            .active_element()
            .is_some_and(|active| island.contains(Some(&active)));
        if opened || focused || island.has_attribute(TOUCHED_ATTRIBUTE) {
            hydrate_soon(island, exports.clone());
            continue;
        }
        let started = std::cell::Cell::new(false);
        let element = island.clone();
        let exports = exports.clone();
        let start = Closure::<dyn Fn()>::new(move || {
            if !started.replace(true) {
                hydrate_soon(element.clone(), exports.clone());
            }
        });
        for touch in TOUCHES {
            let _ = island.add_event_listener_with_callback_and_bool(
                touch,
                start.as_ref().unchecked_ref(),
                true,
            );
        }
        if saving_data {
            let _ = window().add_event_listener_with_callback(
                LOAD_EVERYTHING_EVENT,
                start.as_ref().unchecked_ref(),
            );
        }
        // The listeners live as long as the page; after the first call they do nothing.
        start.forget();
    }
}

/// Lets the browser run what is waiting (input, paint) before going on: resumes in a new task,
/// posted through a message channel, which (unlike a timer) the browser does not hold back.
async fn yield_to_browser() {
    let tick = js_sys::Promise::new(&mut |resolve, _| {
        if let Ok(channel) = web_sys::MessageChannel::new() {
            channel.port1().set_onmessage(Some(&resolve));
            if channel.port2().post_message(&JsValue::NULL).is_ok() {
                return;
            }
        }
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(tick).await;
}

/// Calls the function at `object[name]` with `argument`; returns what it returned, or `None`
/// if there was no such function.
fn call(object: &JsValue, name: &str, argument: &JsValue) -> Option<JsValue> {
    let function = Reflect::get(object, &JsValue::from_str(name))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())?;
    Some(
        function
            .call1(&JsValue::NULL, argument)
            .unwrap_or(JsValue::UNDEFINED),
    )
}

/// The script embed: puts the explainer rendered at `fragment_url` into a shadow root on
/// `host`, styled by `stylesheet_url`, and hydrates its islands, the lazy ones `when` the host's
/// `embed.js` says ([`Lazy::named`]). If the fragment cannot be fetched, the host says so in one
/// line, with a Retry button.
#[wasm_bindgen]
pub fn mount_explainer(
    host: web_sys::HtmlElement,
    fragment_url: String,
    stylesheet_url: String,
    exports: JsValue,
    when: String,
) -> Result<(), JsValue> {
    let shadow =
        host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?;
    let link = document().create_element("link")?;
    link.set_attribute("rel", "stylesheet")?;
    link.set_attribute("href", &stylesheet_url)?;
    shadow.append_child(&link)?;
    let container = document().create_element("div")?;
    container.set_class_name("explainer-host");
    shadow.append_child(&container)?;
    load_fragment(container, fragment_url, exports, Lazy::named(&when));
    Ok(())
}

/// Fetches the fragment into `container` and hydrates it, or shows the failure with Retry.
fn load_fragment(container: web_sys::Element, url: String, exports: JsValue, lazy: Lazy) {
    wasm_bindgen_futures::spawn_local(async move {
        match fetch_text(&url).await {
            Some(html) => {
                container.set_inner_html(&html);
                hydrate_islands_in(&container, &exports, lazy).await;
            }
            None => show_failure(container, url, exports, lazy),
        }
    });
}

async fn fetch_text(url: &str) -> Option<String> {
    let response = Request::get(url).send().await.ok()?;
    if !response.ok() {
        return None;
    }
    response.text().await.ok()
}

/// The one line a host page shows when the explainer cannot be loaded. The content file is
/// what failed to arrive, so these words live in the code.
const FAILURE_TEXT: &str =
    "The explainer could not be loaded. Check your connection and try again.";
const RETRY_LABEL: &str = "Retry";

fn show_failure(container: web_sys::Element, url: String, exports: JsValue, lazy: Lazy) {
    container.set_text_content(None);
    let build = || -> Result<(), JsValue> {
        let message = document().create_element("p")?;
        message.set_class_name("explainer-failure");
        message.set_attribute("role", "alert")?;
        message.set_text_content(Some(&format!("{FAILURE_TEXT} ")));
        let retry = document().create_element("button")?;
        retry.set_attribute("type", "button")?;
        retry.set_class_name("control");
        retry.set_text_content(Some(RETRY_LABEL));
        message.append_child(&retry)?;
        container.append_child(&message)?;
        let again = Closure::once_into_js({
            let container = container.clone();
            move || load_fragment(container, url, exports, lazy)
        });
        retry.add_event_listener_with_callback("click", again.unchecked_ref())?;
        Ok(())
    };
    let _ = build();
}
