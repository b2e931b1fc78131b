//! The root component: loads the content file, then shows the loading state, an error or the
//! story; it also carries the host's choices (theme, placement) onto the app's root element.

use std::sync::Arc;

use leptos::either::Either;
use leptos::html::Div;
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::content::load::{fetch_content, LoadError};
use crate::content::Content;
use crate::embed_options::{EmbedOptions, Placement};
use crate::ui::root::AppRoot;
use crate::ui::status::{ErrorPanel, LoadingPanel};
use crate::ui::story::Story;

/// Where loading the content stands.
#[derive(Clone, Debug, PartialEq)]
enum LoadState {
    Loading,
    Ready(Arc<Content>),
    Failed(LoadError),
}

/// The whole explainer, fed by the content file at `content_url`, mounted in `root` (the
/// document, or a host element's shadow root) as `options` ask.
#[component]
pub fn App(
    #[prop(into)] content_url: String,
    options: EmbedOptions,
    root: web_sys::Node,
) -> impl IntoView {
    let placement = options.placement.clone();
    provide_context(AppRoot::new(root, placement.clone()));
    provide_context(options.clone());
    let state = RwSignal::new(LoadState::Loading);
    let load = move || {
        let url = content_url.clone();
        state.set(LoadState::Loading);
        spawn_local(async move {
            state.set(match fetch_content(&url).await {
                Ok(content) => LoadState::Ready(Arc::new(content)),
                Err(error) => LoadState::Failed(error),
            });
        });
    };
    load();
    let host = NodeRef::<Div>::new();
    mount_story_when_ready(state, host);
    view! {
        <div
            class="explainer"
            class:explainer--embedded=placement != Placement::Page
            data-theme=options.theme.attribute()
            node_ref=host
        >
            {move || match state.get() {
                LoadState::Loading => Some(Either::Left(view! { <LoadingPanel /> })),
                LoadState::Failed(error) => {
                    let retry = load.clone();
                    Some(Either::Right(view! { <ErrorPanel error on_retry=move || retry() /> }))
                }
                LoadState::Ready(_) => None,
            }}
        </div>
    }
}

/// Builds the story into `host` once the content is ready. The story is built once and never
/// rebuilt, so it is mounted by hand: returned from the reactive closure above, it would also
/// compile code to rebuild the whole story in place (38 KB of wasm), and to take it down (6 KB).
fn mount_story_when_ready(state: RwSignal<LoadState>, host: NodeRef<Div>) {
    // Weak, so this effect (which the app's owner holds) does not keep that owner alive.
    let app = Owner::current()
        .expect("called while a component is built")
        .downgrade();
    let mounted = StoredValue::new(false);
    Effect::new(move |_| {
        if mounted.get_value() {
            return;
        }
        let Some(app) = app.upgrade() else { return };
        if let (LoadState::Ready(content), Some(host)) = (state.get(), host.get()) {
            // Under the app's owner, so the story sees its context, and its listeners and effects
            // stop when the app goes. Its elements and their render state are left in place then,
            // as for any app root, so no code to take them down is compiled.
            app.with(|| mount_to(host.into(), move || view! { <Story content /> }))
                .forget();
            mounted.set_value(true);
        }
    });
}
