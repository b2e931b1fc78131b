//! The root component: loads the content file, then shows the story, the loading state or an
//! error; it also carries the host's choices (theme, placement) onto the app's root element.

use std::sync::Arc;

use leptos::either::EitherOf3;
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
    view! {
        <div
            class="explainer"
            class:explainer--embedded=placement != Placement::Page
            data-theme=options.theme.attribute()
        >
            {move || match state.get() {
                LoadState::Loading => EitherOf3::A(view! { <LoadingPanel /> }),
                LoadState::Failed(error) => {
                    let retry = load.clone();
                    EitherOf3::B(view! { <ErrorPanel error on_retry=move || retry() /> })
                }
                LoadState::Ready(content) => EitherOf3::C(view! { <Story content /> }),
            }}
        </div>
    }
}
