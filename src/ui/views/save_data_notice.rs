//! The one quiet line a page shows when its reader's browser asks it to save data: each part's
//! interactive code comes only when the reader uses that part, and a button loads it all now.
//! Rendered hidden; the loader (`boot.js`) shows it and answers its button.

use leptos::prelude::*;

use explainer_core::content::model::Labels;
use explainer_core::names::SAVE_DATA_NOTICE_CLASS;
use explainer_core::page_kind::PageKind;

/// The notice, on the pages the loader runs in (the explainer's own page and its frames); the
/// script embed's fragment, hydrated by the host's `embed.js`, has none.
#[component]
pub fn SaveDataNotice(labels: Labels, kind: PageKind) -> impl IntoView {
    (kind != PageKind::Fragment).then(|| {
        view! {
            <p class=SAVE_DATA_NOTICE_CLASS hidden>
                {labels.save_data_notice}
                " "
                <button type="button" class="control save-data-notice__load">
                    {labels.save_data_load}
                </button>
            </p>
        }
    })
}
