//! Entry point: mounts the explainer on its own page or in a frame (`?embed=1`). On a host
//! page that loaded it through `embed.js`, it waits for `mount_explainer` instead.

use leptos::prelude::*;
use partnership_explainer::asset_url::app_asset_url;
use partnership_explainer::embed::report_height;
use partnership_explainer::embed_options::{EmbedOptions, Placement};
use partnership_explainer::ui::app::App;

/// Marks the explainer's own page (`index.html`), as against a host page.
const PAGE_CLASS: &str = "explainer-page";

fn main() {
    let document = document();
    let own_page = document
        .body()
        .is_some_and(|body| body.class_list().contains(PAGE_CLASS));
    if !own_page {
        return;
    }
    let options = EmbedOptions::from_query(&window().location().search().unwrap_or_default());
    if let Placement::Frame { child_id } = &options.placement {
        report_height(child_id.clone());
    }
    let content_url = app_asset_url(&options.content_path());
    let root: web_sys::Node = document.into();
    mount_to_body(move || view! { <App content_url options root /> });
}
