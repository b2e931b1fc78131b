//! Island: the reading-progress bar. Also the reader's position, which the contents island
//! follows too: how far down the page they are, and which part is in view.

use leptos::ev;
use leptos::prelude::*;

use crate::ui::browser::app_root::AppRoot;
use crate::ui::views::progress_bar::ProgressBar;

/// The reader's position on the page.
#[derive(Clone, Copy)]
pub struct ScrollState {
    /// From 0 at the top of the page to 1 at the bottom.
    pub progress: RwSignal<f64>,
    /// The id of the part being read.
    pub current: RwSignal<Option<String>>,
}

/// A part counts as being read once its top is this close to the top of the window, in CSS
/// pixels (just below the sticky contents bar on phones).
const READING_LINE: f64 = 120.0;

/// Follows scrolling and resizing for as long as the calling island lives, once per frame at
/// most; `part_ids` are the parts that can be "in view".
pub fn track_scroll(part_ids: Vec<String>) -> ScrollState {
    let state = ScrollState {
        progress: RwSignal::new(0.0),
        current: RwSignal::new(None),
    };
    let app = expect_context::<AppRoot>();
    let pending = StoredValue::new(false);
    let measure = move || {
        pending.set_value(false);
        let window = window();
        let Some(root) = document().document_element() else {
            return;
        };
        let viewport = window
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        let scrollable = f64::from(root.scroll_height()) - viewport;
        let scrolled = window.scroll_y().unwrap_or(0.0);
        let progress = if scrollable > 0.0 {
            (scrolled / scrollable).clamp(0.0, 1.0)
        } else {
            1.0
        };
        let current = part_ids
            .iter()
            .rfind(|id| {
                app.by_id(id)
                    .is_some_and(|el| el.get_bounding_client_rect().top() <= READING_LINE)
            })
            .cloned();
        if state.progress.get_untracked() != progress {
            state.progress.set(progress);
        }
        if state.current.with_untracked(|c| *c != current) {
            state.current.set(current);
        }
    };
    let schedule = move || {
        if !pending.get_value() {
            pending.set_value(true);
            request_animation_frame(measure.clone());
        }
    };
    // In the browser only: effects do not run at build time. The first measure waits for the
    // next frame too, where the browser lays the page out anyway: measuring during hydration
    // would make it lay out the whole page once more.
    Effect::new(move |_| {
        let on_scroll = window_event_listener(ev::scroll, {
            let schedule = schedule.clone();
            move |_| schedule()
        });
        let on_resize = window_event_listener(ev::resize, {
            let schedule = schedule.clone();
            move |_| schedule()
        });
        on_cleanup(move || {
            on_scroll.remove();
            on_resize.remove();
        });
        schedule();
    });
    state
}

/// A thin bar along the top of the window that fills as the reader scrolls.
#[island]
pub fn ReadingProgress() -> impl IntoView {
    let scroll = track_scroll(Vec::new());
    view! { <ProgressBar class="reading-progress" fraction=Signal::derive(move || scroll.progress.get()) /> }
}
