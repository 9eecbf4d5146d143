//! A `mailto:` link that opens the user's mail program with recipient, subject and body
//! filled in. (A mailto link cannot attach files: the app tells the user to attach the PDF.)

use crate::error::{Error, Result};
use crate::model::looks_like_email;

/// Percent-encodes everything but RFC 3986's unreserved characters (UTF-8 underneath).
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.replace("\r\n", "\n").replace('\n', "\r\n").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `mailto:TO?subject=…&body=…`, refusing an address that is not one.
pub fn mailto(to: &str, subject: &str, body: &str) -> Result<String> {
    let to = to.trim();
    if !looks_like_email(to) || to.contains(['?', '&', '%', ',', ';']) {
        return Err(Error::invalid(
            "NEC contact email",
            format!("\"{to}\" is not an email address. Enter your NEC contact's address, for example name@nec.com."),
        ));
    }
    Ok(format!("mailto:{to}?subject={}&body={}", encode(subject), encode(body)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_japanese_line_breaks_and_reserved_characters() {
        let url = mailto("buyer@nec.example", "CSR 自己評価 & 2026", "行1\n行2 = ok?").unwrap();
        assert_eq!(
            url,
            "mailto:buyer@nec.example?subject=CSR%20%E8%87%AA%E5%B7%B1%E8%A9%95%E4%BE%A1%20%26%202026&body=%E8%A1%8C1%0D%0A%E8%A1%8C2%20%3D%20ok%3F"
        );
        assert!(mailto("not an address", "s", "b").is_err());
        assert!(mailto("a@b.co?cc=x@y.z", "s", "b").is_err());
    }
}
