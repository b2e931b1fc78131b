//! A bar that fills from the left to show a fraction; decorative, since its value is always
//! given in text nearby.

use leptos::prelude::*;

/// `scaleX(…)` for `fraction`, written without float formatting (which would add kilobytes of
/// code to the wasm).
fn scale_x(fraction: f64) -> String {
    let thousandths = (fraction.clamp(0.0, 1.0) * 1000.0).round() as u32;
    format!("scaleX({}.{:03})", thousandths / 1000, thousandths % 1000)
}

/// A track with a bar in it; `class` names the track, and the bar is `<class>__bar`. The bar's
/// width is set through the CSSOM once in the browser: a `style` attribute in the HTML would
/// break a strict Content-Security-Policy (`style-src 'self'`), and until then the bar is empty.
#[component]
pub fn ProgressBar(class: &'static str, fraction: Signal<f64>) -> impl IntoView {
    let bar = NodeRef::<leptos::html::Span>::new();
    Effect::new(move |_| {
        let transform = scale_x(fraction.get());
        if let Some(bar) = bar.get() {
            let bar: &web_sys::HtmlElement = &bar;
            let _ = bar.style().set_property("transform", &transform);
        }
    });
    // Spans, laid out as blocks by the stylesheet: a checklist's bar sits in its `<summary>`,
    // which holds phrasing content only.
    view! {
        <span class=class aria-hidden="true">
            <span class=format!("{class}__bar") node_ref=bar></span>
        </span>
    }
}

#[cfg(test)]
mod tests {
    use super::scale_x;

    #[test]
    fn scales_are_written_to_three_places() {
        assert_eq!(scale_x(0.0), "scaleX(0.000)");
        assert_eq!(scale_x(0.25), "scaleX(0.250)");
        assert_eq!(scale_x(2.0 / 3.0), "scaleX(0.667)");
        assert_eq!(scale_x(1.0), "scaleX(1.000)");
        assert_eq!(scale_x(-1.0), "scaleX(0.000)");
        assert_eq!(scale_x(f64::NAN), "scaleX(0.000)");
    }
}
