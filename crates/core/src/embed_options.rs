//! How a host asked for the explainer: from the page's query string (`?embed=1&theme=dark…`)
//! or from a host element's `data-explainer-*` attributes. Pure, so it is tested natively.

/// Light, dark, or following the reader's system.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    fn parse(value: &str) -> Option<Self> {
        match value {
            "auto" => Some(Theme::Auto),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    /// The value of `data-theme` on the app root, if any.
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Theme::Auto => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }
}

/// Where the explainer runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Placement {
    /// Its own page.
    Page,
    /// Inside an iframe on a host page (`?embed=1`); `child_id` names it in pym.js messages.
    Frame { child_id: Option<String> },
    /// Mounted in a host page's element, inside a shadow root.
    Element,
}

/// Everything a host can choose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedOptions {
    pub placement: Placement,
    pub theme: Theme,
    /// A section or FAQ id (`faq-<id>`) to open and show first.
    pub open: Option<String>,
}

/// Host-given words are used only when they are short and plain: they end up in URLs,
/// element ids and messages.
fn plain(value: &str) -> Option<String> {
    let ok = !value.is_empty()
        && value.len() <= 64
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    ok.then(|| value.to_string())
}

/// Looks values up by name in a query string, with or without its leading `?`.
fn query_lookup(query: &str) -> impl Fn(&str) -> Option<String> + '_ {
    let pairs: Vec<(&str, &str)> = query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
        .collect();
    move |name| {
        pairs
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
    }
}

impl EmbedOptions {
    /// Reads the options named `theme` and `open` through `get`.
    fn from_lookup(placement: Placement, get: impl Fn(&str) -> Option<String>) -> Self {
        EmbedOptions {
            placement,
            theme: get("theme")
                .and_then(|t| Theme::parse(&t))
                .unwrap_or_default(),
            open: get("open").and_then(|o| plain(&o)),
        }
    }

    /// From a page's query string, with or without its leading `?`: in a frame when it says
    /// `embed=1`.
    pub fn from_query(query: &str) -> Self {
        let get = query_lookup(query);
        let framed = get("embed").is_some_and(|v| v == "1" || v == "true");
        let placement = if framed {
            Placement::Frame {
                child_id: get("childId").and_then(|id| plain(&id)),
            }
        } else {
            Placement::Page
        };
        Self::from_lookup(placement, get)
    }

    /// From the query string of the page made for frames (`embed.html`), which is in a frame
    /// whatever the query says.
    pub fn from_frame_query(query: &str) -> Self {
        let get = query_lookup(query);
        let placement = Placement::Frame {
            child_id: get("childId").and_then(|id| plain(&id)),
        };
        Self::from_lookup(placement, get)
    }

    /// From a host element's attributes: `attribute("theme")` reads `data-explainer-theme`.
    pub fn from_attributes(attribute: impl Fn(&str) -> Option<String>) -> Self {
        Self::from_lookup(Placement::Element, attribute)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_page_has_defaults() {
        let options = EmbedOptions::from_query("");
        assert_eq!(options.placement, Placement::Page);
        assert_eq!(options.theme, Theme::Auto);
        assert_eq!(options.open, None);
    }

    #[test]
    fn a_frame_reads_its_child_id_theme_and_target() {
        let options = EmbedOptions::from_query("?embed=1&childId=story-2&theme=dark&open=faq-why");
        assert_eq!(
            options.placement,
            Placement::Frame {
                child_id: Some("story-2".into())
            }
        );
        assert_eq!(options.theme, Theme::Dark);
        assert_eq!(options.open.as_deref(), Some("faq-why"));
    }

    #[test]
    fn unusable_values_fall_back_quietly() {
        let options = EmbedOptions::from_query("embed=1&childId=%3Cscript%3E&theme=neon&open=a b");
        assert_eq!(options.placement, Placement::Frame { child_id: None });
        assert_eq!(options.theme, Theme::Auto);
        assert_eq!(options.open, None);
        assert_eq!(
            EmbedOptions::from_query("embed=0").placement,
            Placement::Page
        );
    }

    #[test]
    fn the_frame_page_is_framed_without_asking_and_reads_its_child_id() {
        let options = EmbedOptions::from_frame_query("?childId=story&theme=dark");
        assert_eq!(
            options.placement,
            Placement::Frame {
                child_id: Some("story".into())
            }
        );
        assert_eq!(options.theme, Theme::Dark);
        assert_eq!(
            EmbedOptions::from_frame_query("").placement,
            Placement::Frame { child_id: None }
        );
    }

    #[test]
    fn attributes_give_an_element_placement() {
        let options = EmbedOptions::from_attributes(|name| match name {
            "theme" => Some("light".into()),
            "open" => Some("trade".into()),
            _ => None,
        });
        assert_eq!(options.placement, Placement::Element);
        assert_eq!(options.theme.attribute(), Some("light"));
        assert_eq!(options.open.as_deref(), Some("trade"));
    }
}
