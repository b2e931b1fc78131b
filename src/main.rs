//! Entry point: mounts the explainer on the page.

use leptos::prelude::*;
use partnership_explainer::asset_url::app_asset_url;
use partnership_explainer::ui::app::App;

/// Where the story lives, relative to the app's own folder.
const CONTENT_PATH: &str = "content/en.json";

fn main() {
    let content_url = app_asset_url(CONTENT_PATH);
    mount_to_body(move || view! { <App content_url /> });
}
