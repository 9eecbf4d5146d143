//! The canonical form of a feedback file whose SHA-256 is its `id`: RFC 8785 (JSON
//! Canonicalization Scheme) of the file without its `id` member. Members sorted by their
//! names' UTF-16 code units, no whitespace, strings escaped only where JSON must (`"`, `\`,
//! and control characters, as `\b \t \n \f \r` or `\u00xx`), everything else as UTF-8.
//! The format holds no numbers but whole ones (`format_version`), written as they are, so
//! RFC 8785's rules for fractions are not needed. Anyone can compute the id again with any
//! RFC 8785 library (or, for this format, Python's `json.dumps(…, sort_keys=True,
//! separators=(",", ":"), ensure_ascii=False)`).

use serde_json::Value;

use super::model::Feedback;
use crate::fingerprint::sha256_hex;

/// The id `feedback` should carry: the SHA-256 of its canonical form without `id`.
pub fn id_of(feedback: &Feedback) -> String {
    let mut value = serde_json::to_value(feedback).expect("feedback serializes");
    if let Value::Object(map) = &mut value {
        map.remove("id");
    }
    sha256_hex(canonical(&value).as_bytes())
}

/// `value` in RFC 8785 canonical form.
pub fn canonical(value: &Value) -> String {
    let mut out = String::new();
    write(value, &mut out);
    out
}

fn write(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort_by(|a, b| a.encode_utf16().cmp(b.encode_utf16()));
            out.push('{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                string(key, out);
                out.push(':');
                write(&map[key], out);
            }
            out.push('}');
        }
    }
}

fn string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::canonical;
    use serde_json::json;

    /// RFC 8785's own examples of sorting and escaping, as far as this format uses them.
    #[test]
    fn members_are_sorted_by_utf16_and_strings_escaped_minimally() {
        let v = json!({"\u{20ac}": "Euro Sign", "\r": "Carriage Return", "\u{fb33}": "Hebrew Letter Dalet With Dagesh",
                       "1": "One", "\u{1f600}": "Emoji: Grinning Face", "\u{80}": "Control", "\u{f6}": "Latin Small Letter O With Diaeresis"});
        assert_eq!(
            canonical(&v),
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u{80}\":\"Control\",\"\u{f6}\":\"Latin Small Letter O With Diaeresis\",\
             \"\u{20ac}\":\"Euro Sign\",\"\u{1f600}\":\"Emoji: Grinning Face\",\"\u{fb33}\":\"Hebrew Letter Dalet With Dagesh\"}"
        );
        assert_eq!(canonical(&json!({"b": [1, "\u{1}\"\\/"], "a": {}})), "{\"a\":{},\"b\":[1,\"\\u0001\\\"\\\\/\"]}");
    }
}
