//! The locator map, rendered at build time as an inline SVG figure: the countries inside the
//! content's extent (drawn by the build from Natural Earth, `crates/prerender/src/locator_map.rs`),
//! the story's country and its group marked, the content's names on it (with a line to the
//! country from a name set over the sea), and a legend. No code
//! and no tiles reach the reader.

use leptos::prelude::*;

use explainer_core::content::model::LocatorMap;

/// The map's width in SVG units; its height follows from the extent.
pub const MAP_WIDTH: f64 = 1000.0;

/// An equirectangular projection of `extent` ([west, south, east, north], degrees) onto a box
/// [`MAP_WIDTH`] wide, its longitudes shrunk by the cosine of the middle latitude so that
/// shapes near the equator keep their proportions.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Projection {
    extent: [f64; 4],
    scale: f64,
}

impl Projection {
    pub fn new(extent: [f64; 4]) -> Self {
        let [west, south, east, north] = extent;
        let shrink = ((south + north) / 2.0).to_radians().cos();
        Projection {
            extent,
            scale: MAP_WIDTH / ((east - west) * shrink),
        }
    }

    /// The box's height in SVG units.
    pub fn height(&self) -> f64 {
        let [_, south, _, north] = self.extent;
        (north - south) * self.scale
    }

    /// Where `longitude`, `latitude` falls in the box, in SVG units from its top left.
    pub fn point(&self, longitude: f64, latitude: f64) -> (f64, f64) {
        let [west, _, east, north] = self.extent;
        let x = (longitude - west) / (east - west) * MAP_WIDTH;
        (x, (north - latitude) * self.scale)
    }
}

/// One country's outline, as an SVG path in the projection's units, with its ISO 3166-1
/// numeric code.
#[derive(Clone, Debug, PartialEq)]
pub struct CountryShape {
    pub code: String,
    pub path: String,
}

/// The countries the build drew for a map, in its projection.
#[derive(Clone, Debug, PartialEq)]
pub struct MapShapes {
    pub projection: Projection,
    pub countries: Vec<CountryShape>,
}

/// The CSS class of a country's shape: the story's country, a member of its group, or another.
fn country_class(map: &LocatorMap, code: &str) -> &'static str {
    if code == map.highlight {
        "locator-map__country locator-map__country--highlight"
    } else if map.members.iter().any(|member| member == code) {
        "locator-map__country locator-map__country--member"
    } else {
        "locator-map__country"
    }
}

/// The class of a name or its leader, marked when the name is left off a phone's map.
fn label_class(class: &str, small: bool) -> String {
    if small {
        format!("{class} locator-map__small")
    } else {
        class.to_string()
    }
}

/// The figure: `shapes` with `map`'s marks and names, titled and described for screen readers.
#[component]
pub fn LocatorMapFigure(map: LocatorMap, shapes: MapShapes) -> impl IntoView {
    let projection = shapes.projection;
    let (width, height) = (MAP_WIDTH, projection.height().round());
    let countries = (shapes.countries.iter())
        .map(|shape| view! { <path class=country_class(&map, &shape.code) d=shape.path.clone() /> })
        .collect_view();
    // Under the names, so that each name's halo covers the line's start.
    let leaders = (map.labels.iter())
        .filter(|label| !label.leader.is_empty())
        .map(|label| {
            let points: Vec<String> = (label.leader.iter())
                .map(|&[longitude, latitude]| {
                    let (x, y) = projection.point(longitude, latitude);
                    format!("{x:.0},{y:.0}")
                })
                .collect();
            view! { <polyline class=label_class("locator-map__leader", label.small) points=points.join(" ") /> }
        })
        .collect_view();
    let labels = (map.labels.iter())
        .map(|label| {
            let (x, y) = projection.point(label.at[0], label.at[1]);
            view! {
                <text class=label_class("locator-map__label", label.small) x=format!("{x:.0}") y=format!("{y:.0}")>
                    {label.name.clone()}
                </text>
            }
        })
        .collect_view();
    view! {
        <figure class="locator-map">
            <svg
                class="locator-map__svg"
                viewBox=format!("0 0 {width} {height}")
                role="img"
                aria-labelledby="locator-map-title locator-map-desc"
            >
                <title id="locator-map-title">{map.title.clone()}</title>
                <desc id="locator-map-desc">{map.description.clone()}</desc>
                <rect class="locator-map__sea" width=width height=height />
                {countries}
                {leaders}
                {labels}
            </svg>
            <figcaption class="locator-map__legend">
                <span class="locator-map__key locator-map__key--highlight">{map.highlight_legend.clone()}</span>
                <span class="locator-map__key locator-map__key--member">{map.members_legend.clone()}</span>
            </figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::{Projection, MAP_WIDTH};

    #[test]
    fn the_extents_corners_are_the_boxs() {
        let projection = Projection::new([90.0, -10.0, 140.0, 30.0]);
        assert_eq!(projection.point(90.0, 30.0), (0.0, 0.0));
        let (x, y) = projection.point(140.0, -10.0);
        assert!((x - MAP_WIDTH).abs() < 1e-9);
        assert!((y - projection.height()).abs() < 1e-9);
        // Ten degrees either way: at 10° N, a degree of longitude is cos(10°) of one of latitude.
        let (w, h) = (MAP_WIDTH, projection.height());
        assert!((h / w - 40.0 / (50.0 * 10f64.to_radians().cos())).abs() < 1e-9);
    }
}
