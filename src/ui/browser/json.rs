//! JSON text read and written by the browser's own `JSON.parse` and `JSON.stringify`, as core's
//! [`Json`] values: the wasm carries no JSON parser or writer.

use explainer_core::json::Json;
use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};

/// The value `text` holds, or `None` when it is not JSON.
pub fn parse(text: &str) -> Option<Json> {
    JSON::parse(text).ok().map(|value| from_js(&value))
}

/// `json` as JSON text.
pub fn stringify(json: &Json) -> String {
    JSON::stringify(&to_js(json))
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default()
}

fn from_js(value: &JsValue) -> Json {
    if let Some(b) = value.as_bool() {
        Json::Bool(b)
    } else if let Some(n) = value.as_f64() {
        Json::Number(n)
    } else if let Some(s) = value.as_string() {
        Json::String(s)
    } else if Array::is_array(value) {
        Json::Array(Array::from(value).iter().map(|v| from_js(&v)).collect())
    } else if let Some(object) = value.dyn_ref::<Object>() {
        let entries = Object::entries(object);
        let fields = entries.iter().filter_map(|entry| {
            let entry: Array = entry.unchecked_into();
            Some((entry.get(0).as_string()?, from_js(&entry.get(1))))
        });
        Json::Object(fields.collect())
    } else {
        Json::Null
    }
}

fn to_js(json: &Json) -> JsValue {
    match json {
        Json::Null => JsValue::NULL,
        Json::Bool(b) => JsValue::from_bool(*b),
        Json::Number(n) => JsValue::from_f64(*n),
        Json::String(s) => JsValue::from_str(s),
        Json::Array(items) => items.iter().map(to_js).collect::<Array>().into(),
        Json::Object(fields) => {
            let object = Object::new();
            for (key, value) in fields {
                let _ = Reflect::set(&object, &JsValue::from_str(key), &to_js(value));
            }
            object.into()
        }
    }
}
