//! Links into the explainer: opening it at `#<id>` (or with the host's `open` option), or
//! following such a link later, opens the part with that id (a section, a FAQ entry) and
//! brings it into view. The browser alone would scroll to a closed part; in a frame, the
//! parent page is asked to scroll instead.

use std::rc::Rc;

use leptos::ev;
use leptos::prelude::*;

use crate::ui::browser::app_root::AppRoot;
use crate::ui::browser::frame_messages::ask_parent_to_scroll;

/// What opens the part with a given id, for the few dozen ids on a page.
type Openers = Vec<(String, Rc<dyn Fn()>)>;

/// What to do for each id a link may name; provided by the root island.
#[derive(Clone, Copy)]
pub struct DeepLinks {
    openers: StoredValue<Openers, LocalStorage>,
    /// Whether [`DeepLinks::start`] has run: parts registered after it (the lazy islands) open
    /// themselves if the fragment already names them.
    started: StoredValue<bool>,
    root: AppRoot,
}

/// The element id named by the URL's fragment, if any: not WordPress's `#?secret=…`, which
/// names no part.
fn fragment_id() -> Option<String> {
    let hash = window().location().hash().ok()?;
    let id = hash.strip_prefix('#').filter(|id| !id.starts_with('?'))?;
    let id = js_sys::decode_uri_component(id)
        .ok()
        .map(String::from)
        .unwrap_or(id.to_string());
    (!id.is_empty()).then_some(id)
}

impl DeepLinks {
    /// Creates the registry; in the browser, follows every later change of the fragment.
    pub fn install(root: AppRoot) -> Self {
        let links = DeepLinks {
            openers: StoredValue::new_local(Vec::new()),
            started: StoredValue::new(false),
            root,
        };
        // In the browser only: effects do not run at build time.
        Effect::new(move |_| {
            let on_change = window_event_listener(ev::hashchange, move |_| {
                if let Some(id) = fragment_id() {
                    links.go(id);
                }
            });
            on_cleanup(move || on_change.remove());
        });
        links
    }

    /// Goes to the part the URL's fragment or else the host's `asked` option names. Called once,
    /// after hydration, when every island has registered its parts.
    pub fn start(&self, asked: Option<String>) {
        self.started.set_value(true);
        if let Some(id) = fragment_id().or(asked) {
            self.go(id);
        }
    }

    /// Runs `open` whenever a link names `id`, and at once if the fragment names it already
    /// (a link followed before the part could open).
    pub fn register(&self, id: impl Into<String>, open: impl Fn() + 'static) {
        let id = id.into();
        self.openers.update_value(|openers| {
            openers.push((id.clone(), Rc::new(open)));
        });
        if self.started.get_value() && fragment_id().as_deref() == Some(id.as_str()) {
            // Once the registering island is hydrated: opening it while its view is being
            // hydrated would leave the page showing it closed.
            let links = *self;
            leptos::task::spawn_local(async move { links.go(id) });
        }
    }

    fn go(&self, id: String) {
        if let Some(open) = self.openers.with_value(|openers| {
            openers
                .iter()
                .find(|(known, _)| *known == id)
                .map(|(_, open)| open.clone())
        }) {
            open();
        }
        let root = self.root;
        // Once the opened part is rendered (reactive updates run before the next frame).
        request_animation_frame(move || {
            let Some(target) = root.by_id(&id) else {
                return;
            };
            if let Some(child_id) = root.frame_child_id() {
                let top =
                    target.get_bounding_client_rect().top() + window().scroll_y().unwrap_or(0.0);
                ask_parent_to_scroll(child_id.as_deref(), top);
            } else {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_behavior(web_sys::ScrollBehavior::Instant);
                target.scroll_into_view_with_scroll_into_view_options(&options);
            }
        });
    }
}
