//! A bar that fills from the left to show a fraction; decorative, since its value is always
//! given in text nearby.

use leptos::prelude::*;

/// `scaleX(…)` for `fraction`, written without float formatting (which would add kilobytes of
/// code to the wasm).
fn scale_x(fraction: f64) -> String {
    let thousandths = (fraction.clamp(0.0, 1.0) * 1000.0).round() as u32;
    format!("scaleX({}.{:03})", thousandths / 1000, thousandths % 1000)
}

/// A track with a bar in it; `class` names the track, and the bar is `<class>__bar`.
#[component]
pub fn ProgressBar(class: &'static str, fraction: Signal<f64>) -> impl IntoView {
    view! {
        <div class=class aria-hidden="true">
            <div class=format!("{class}__bar") style:transform=move || scale_x(fraction.get())></div>
        </div>
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
