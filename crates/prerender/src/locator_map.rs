//! The locator map's shapes, drawn at build time from Natural Earth's countries (the npm
//! package `world-atlas`, TopoJSON, public domain): each country that reaches into the content's
//! extent, clipped to it, projected and simplified, as SVG paths for the page and the share card.

use std::path::{Path, PathBuf};

use explainer_core::content::Content;
use geo::{BooleanOps, BoundingRect, Coord, MapCoords, MultiPolygon, Rect, Simplify};
use partnership_explainer::ui::views::locator_map::{CountryShape, MapShapes, Projection};

/// Natural Earth's countries at 1:50 million: small countries such as Singapore are there.
pub fn countries_file() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../node_modules/world-atlas/countries-50m.json")
}

/// How far a simplified outline may stray from the true one, in SVG units (a thousandth of the
/// map's width): a pixel at most where the page is widest (the map is at most 40rem, 640 px).
const TOLERANCE: f64 = 1.5;

/// Islets smaller than this, in square units, are left out: specks of a pixel or two, which
/// cost bytes and show nothing. Singapore, the smallest country named, comes out
/// at about 14; the tests check every named country is drawn.
const MIN_RING_AREA: f64 = 6.0;

/// The countries of `topojson` (a world-atlas file) that reach into `extent`, drawn in its
/// projection; `codes` must all be among them.
pub fn draw(topojson: &str, extent: [f64; 4], codes: &[&str]) -> Result<MapShapes, String> {
    let (projection, shapes) = projected(topojson, extent)?;
    for code in codes {
        if !shapes.iter().any(|(known, _)| known == code) {
            return Err(format!(
                "locator_map: Natural Earth has no country \"{code}\" inside the map"
            ));
        }
    }
    let countries = (shapes.into_iter())
        .filter_map(|(code, shape)| {
            let path = svg_path(&shape.simplify(&TOLERANCE));
            (!path.is_empty()).then_some(CountryShape { code, path })
        })
        .collect();
    Ok(MapShapes {
        projection,
        countries,
    })
}

/// Countries by their ISO 3166-1 numeric code, each with its shape.
pub type Countries = Vec<(String, MultiPolygon<f64>)>;

/// The countries of `topojson` that reach into `extent`, clipped to it and projected into the
/// map's units (not simplified).
pub fn projected(topojson: &str, extent: [f64; 4]) -> Result<(Projection, Countries), String> {
    let world = countries(topojson)?;
    let [west, south, east, north] = extent;
    let frame = MultiPolygon::from(vec![Rect::new(
        Coord { x: west, y: south },
        Coord { x: east, y: north },
    )
    .to_polygon()]);
    let projection = Projection::new(extent);
    let countries = world
        .into_iter()
        .filter(|(_, shape)| {
            shape.bounding_rect().is_some_and(|b| {
                b.min().x < east && b.max().x > west && b.min().y < north && b.max().y > south
            })
        })
        .map(|(code, shape)| {
            let inside = shape.intersection(&frame);
            let projected = inside.map_coords(|c| {
                let (x, y) = projection.point(c.x, c.y);
                Coord { x, y }
            });
            (code, projected)
        })
        .collect();
    Ok((projection, countries))
}

/// The map `content` asks for, drawn from `world`, if it asks for one.
pub fn for_content(content: &Content, world: &str) -> Result<Option<MapShapes>, String> {
    let Some(map) = &content.locator_map else {
        return Ok(None);
    };
    let codes: Vec<&str> = std::iter::once(map.highlight.as_str())
        .chain(map.members.iter().map(String::as_str))
        .chain(map.labels.iter().map(|label| label.country.as_str()))
        .collect();
    draw(world, map.extent, &codes)
        .map(Some)
        .map_err(|e| format!("the {} edition's {e}", content.lang))
}

/// Every country of a world-atlas file, by its ISO 3166-1 numeric code.
fn countries(topojson: &str) -> Result<Countries, String> {
    let broken = |why: String| format!("{}: {why}", countries_file().display());
    let topology = match topojson.parse::<topojson::TopoJson>() {
        Ok(topojson::TopoJson::Topology(topology)) => topology,
        Ok(_) => return Err(broken("not a topology".into())),
        Err(e) => return Err(broken(e.to_string())),
    };
    let features =
        topojson::to_geojson(&topology, "countries").map_err(|e| broken(e.to_string()))?;
    let mut out = Vec::new();
    for feature in features.features {
        let code = match &feature.id {
            Some(geojson::feature::Id::String(code)) => code.clone(),
            Some(geojson::feature::Id::Number(code)) => format!("{code:0>3}"),
            None => continue,
        };
        let Some(geometry) = feature.geometry else {
            continue;
        };
        let shape = match geo::Geometry::<f64>::try_from(geometry.value) {
            Ok(geo::Geometry::Polygon(polygon)) => MultiPolygon::from(vec![polygon]),
            Ok(geo::Geometry::MultiPolygon(polygons)) => polygons,
            _ => continue,
        };
        out.push((code, shape));
    }
    Ok(out)
}

/// `shape` as SVG path data: one closed subpath per ring, in whole units (a thousandth of the
/// map's width), repeated points dropped. Each ring starts at an absolute point and goes on in
/// steps from one point to the next (`l`), which are short and repeat, so the page's largest
/// drawing compresses well.
fn svg_path(shape: &MultiPolygon<f64>) -> String {
    let mut path = String::new();
    for polygon in shape {
        for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
            let mut points: Vec<(i64, i64)> = ring
                .coords()
                .map(|c| (c.x.round() as i64, c.y.round() as i64))
                .collect();
            points.dedup();
            if points.len() > 1 && points.first() == points.last() {
                points.pop();
            }
            if points.len() < 3 || area(&points) < MIN_RING_AREA {
                continue;
            }
            let (x, y) = points[0];
            path += &format!("M{x} {y}l");
            for pair in points.windows(2) {
                let (dx, dy) = (pair[1].0 - pair[0].0, pair[1].1 - pair[0].1);
                // A minus sign separates numbers by itself.
                if !path.ends_with('l') && dx >= 0 {
                    path.push(' ');
                }
                path += &dx.to_string();
                if dy >= 0 {
                    path.push(' ');
                }
                path += &dy.to_string();
            }
            path.push('Z');
        }
    }
    path
}

/// The area a ring of whole-unit points encloses, in square units (the shoelace formula).
fn area(points: &[(i64, i64)]) -> f64 {
    let twice: i64 = (points.iter().zip(points.iter().cycle().skip(1)))
        .map(|((x1, y1), (x2, y2))| x1 * y2 - x2 * y1)
        .sum();
    twice.abs() as f64 / 2.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_closes_each_ring_in_whole_units() {
        let square = MultiPolygon::from(vec![Rect::new(
            Coord { x: 0.0, y: 0.0 },
            Coord { x: 10.0, y: 2.6 },
        )
        .to_polygon()]);
        assert_eq!(svg_path(&square), "M10 0l0 3-10 0 0-3Z");
        let speck = MultiPolygon::from(vec![Rect::new(
            Coord { x: 0.0, y: 0.0 },
            Coord { x: 0.2, y: 0.2 },
        )
        .to_polygon()]);
        assert_eq!(svg_path(&speck), "");
        let islet = MultiPolygon::from(vec![Rect::new(
            Coord { x: 0.0, y: 0.0 },
            Coord { x: 2.0, y: 2.0 },
        )
        .to_polygon()]);
        assert_eq!(svg_path(&islet), "", "4 square units is a speck");
    }
}
