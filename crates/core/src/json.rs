//! JSON values as plain data, for what the islands store and read from the page. In the browser,
//! its own `JSON.parse` and `JSON.stringify` turn text into these and back (the components'
//! `browser::json`), so the wasm carries no JSON code; natively (the build, the tests), serde_json
//! does, through `FromStr` and `Display` here.

use std::fmt;
use std::str::FromStr;

/// A JSON value. Two objects with the same fields are equal, in whatever order they come.
#[derive(Clone, Debug)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The value of `key`, where this is an object that has it.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(text) => Some(text),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The string of `key`, or an empty one where there is none.
    pub fn text(&self, key: &str) -> String {
        self.get(key)
            .and_then(Json::as_str)
            .unwrap_or_default()
            .to_string()
    }

    /// An array of `texts`.
    pub fn strings<'a>(texts: impl IntoIterator<Item = &'a str>) -> Json {
        Json::Array(texts.into_iter().map(|t| Json::String(t.into())).collect())
    }

    /// The strings of this array; `None` unless it is an array of strings alone.
    pub fn to_strings(&self) -> Option<Vec<String>> {
        (self.as_array()?.iter())
            .map(|item| item.as_str().map(str::to_string))
            .collect()
    }
}

impl PartialEq for Json {
    fn eq(&self, other: &Json) -> bool {
        match (self, other) {
            (Json::Object(fields), Json::Object(others)) => {
                fields.len() == others.len()
                    && (fields.iter()).all(|(key, value)| other.get(key) == Some(value))
            }
            (Json::Null, Json::Null) => true,
            (Json::Bool(a), Json::Bool(b)) => a == b,
            (Json::Number(a), Json::Number(b)) => a == b,
            (Json::String(a), Json::String(b)) => a == b,
            (Json::Array(a), Json::Array(b)) => a == b,
            _ => false,
        }
    }
}

/// A struct of strings read from a JSON object by its field names, the names serde writes it
/// with (so the struct must rename none); a missing field reads as empty. The struct literal
/// makes the compiler check that every field is named:
/// `strings_from_json!(json, FaqWords { show_all, hide_all })`.
#[macro_export]
macro_rules! strings_from_json {
    ($json:expr, $ty:ident { $($field:ident),* $(,)? }) => {
        $ty { $($field: $json.text(stringify!($field)).into(),)* }
    };
}

impl From<serde_json::Value> for Json {
    fn from(value: serde_json::Value) -> Self {
        use serde_json::Value;
        match value {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(b),
            Value::Number(n) => Json::Number(n.as_f64().unwrap_or(f64::NAN)),
            Value::String(s) => Json::String(s),
            Value::Array(items) => Json::Array(items.into_iter().map(Json::from).collect()),
            Value::Object(fields) => {
                Json::Object(fields.into_iter().map(|(k, v)| (k, v.into())).collect())
            }
        }
    }
}

impl From<&Json> for serde_json::Value {
    fn from(json: &Json) -> Self {
        use serde_json::Value;
        match json {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Bool(*b),
            // Whole numbers as integers, as the browser writes them (`1`, not `1.0`).
            Json::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => Value::from(*n as i64),
            Json::Number(n) => serde_json::Number::from_f64(*n).map_or(Value::Null, Value::Number),
            Json::String(s) => Value::String(s.clone()),
            Json::Array(items) => Value::Array(items.iter().map(Value::from).collect()),
            Json::Object(fields) => Value::Object(
                (fields.iter())
                    .map(|(k, v)| (k.clone(), Value::from(v)))
                    .collect(),
            ),
        }
    }
}

/// Parses JSON text natively (the browser uses its own parser).
impl FromStr for Json {
    type Err = serde_json::Error;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        serde_json::from_str::<serde_json::Value>(text).map(Json::from)
    }
}

/// Writes JSON text natively (the browser uses its own writer).
impl fmt::Display for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", serde_json::Value::from(self))
    }
}

#[cfg(test)]
mod tests {
    use super::Json;

    #[derive(serde::Serialize, Debug, PartialEq)]
    struct Words {
        first: String,
        second: String,
    }

    #[test]
    fn objects_are_equal_whatever_the_order_of_their_fields() {
        let a: Json = r#"{"x":1,"y":[true,null]}"#.parse().unwrap();
        assert_eq!(a, r#"{"y":[true,null],"x":1}"#.parse().unwrap());
        assert_ne!(a, r#"{"x":1}"#.parse().unwrap());
        assert_ne!(a, r#"{"x":1,"y":[null,true]}"#.parse().unwrap());
    }

    #[test]
    fn text_round_trips() {
        let text = r#"{"a":[1.0,"two",null,true],"b":{"c":"d"}}"#;
        let json: Json = text.parse().unwrap();
        assert_eq!(json.get("b").unwrap().text("c"), "d");
        assert_eq!(json.to_string().parse::<Json>().unwrap(), json);
        assert!("{".parse::<Json>().is_err());
    }

    #[test]
    fn arrays_of_strings_and_nothing_else_read_as_strings() {
        let strings = Json::strings(["a", "b"]);
        assert_eq!(strings.to_strings(), Some(vec!["a".into(), "b".into()]));
        assert_eq!("[\"a\",1]".parse::<Json>().unwrap().to_strings(), None);
        assert_eq!(Json::Null.to_strings(), None);
    }

    #[test]
    fn structs_of_strings_read_back_by_their_serde_names() {
        let words = Words {
            first: "one".into(),
            second: "<b>two</b>".into(),
        };
        let json = Json::from(serde_json::to_value(&words).unwrap());
        assert_eq!(
            crate::strings_from_json!(json, Words { first, second }),
            words
        );
        let missing = Json::Object(Vec::new());
        assert_eq!(
            crate::strings_from_json!(missing, Words { first, second }).first,
            ""
        );
    }
}
