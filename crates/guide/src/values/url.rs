//! Addresses that are safe to publish as links.

use std::fmt;

use serde::Serialize;

use super::{InvalidValue, char_name, forbidden_char, invisible, shown};

/// A web or mail address that is safe to publish as a link: `http`, `https` or `mailto`.
///
/// # Examples
///
/// ```
/// use mht_guide::Url;
///
/// assert!(Url::parse("https://www.bls.gov/ooh/").is_ok());
/// assert!(Url::parse("javascript:alert(1)").is_err());
/// # Ok::<(), String>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Url(String);

impl Url {
    /// Checks that `s` is an absolute `http`, `https` or `mailto` address and wraps its
    /// serialized form.
    ///
    /// The address is parsed by the WHATWG URL rules that browsers follow (the `url` crate).
    /// It must have a valid host (for `http` and `https`), no user name or password, and valid
    /// `%` escapes; it may not hold white space, control characters, bidirectional controls
    /// or invisible characters, which can make a link read differently from where it leads.
    /// What is kept is the serialized form, with every character RFC 3986 does not allow
    /// percent-encoded, so the address is valid in HTML, XHTML and EPUB alike.
    ///
    /// # Errors
    ///
    /// A message naming what is wrong with the address.
    pub fn parse(s: &str) -> Result<Url, InvalidValue> {
        Self::parse_message(s).map_err(InvalidValue)
    }

    fn parse_message(s: &str) -> Result<Url, String> {
        let shown = shown(s);
        if let Some(c) = s.chars().find(|&c| {
            c.is_whitespace()
                || c.is_control()
                || forbidden_char(c).is_some()
                || matches!(c, '\u{2066}'..='\u{2069}')
                || invisible(c)
        }) {
            return Err(format!(
                "the address `{shown}` contains {}; addresses cannot contain spaces, control \
                 characters, bidirectional controls or invisible characters",
                char_name(c)
            ));
        }
        if let Some(at) = bad_percent_escape(s) {
            return Err(format!(
                "the address `{shown}` has a `%` at character {} that is not followed by two \
                 hexadecimal digits; write `%25` for a percent sign",
                s[..at].chars().count() + 1
            ));
        }
        let not_allowed = || {
            format!(
                "the address `{shown}` is not allowed; links must be absolute http://, \
                 https:// or mailto: addresses"
            )
        };
        let lower = s.to_ascii_lowercase();
        let rest = ["https://", "http://", "mailto:"]
            .iter()
            .find_map(|scheme| lower.strip_prefix(scheme));
        // Browsers read `https:///x` as `https://x/`; a link written that way is a mistake.
        if rest.is_none_or(|rest| rest.is_empty() || rest.starts_with(['/', '\\'])) {
            return Err(not_allowed());
        }
        let url = url::Url::parse(s)
            .map_err(|err| format!("the address `{shown}` is not a valid URL: {err}"))?;
        match url.scheme() {
            "http" | "https" => {
                if url.host_str().is_none_or(str::is_empty) {
                    return Err(format!("the address `{shown}` has no host name"));
                }
            }
            "mailto" => {
                if url.path().is_empty() {
                    return Err(format!("the address `{shown}` names no mailbox"));
                }
            }
            _ => return Err(not_allowed()),
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(format!(
                "the address `{shown}` carries a user name or password; remove the part \
                 before `@`"
            ));
        }
        Ok(Url(rfc3986(url.as_str())))
    }

    /// The address.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A stand-in for a value that failed its check; never reaches a finished guide.
    pub(crate) fn placeholder() -> Url {
        Url(String::new())
    }
}

impl fmt::Display for Url {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The byte offset of the first `%` not followed by two hexadecimal digits.
fn bad_percent_escape(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    bytes.iter().enumerate().find_map(|(i, &b)| {
        let valid = b != b'%'
            || (bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit));
        (!valid).then_some(i)
    })
}

/// A serialized URL with every ASCII character that RFC 3986 does not allow after the
/// authority percent-encoded, including a second `#`; the WHATWG serializer leaves some of
/// them (`[`, `]`, `|`, `^`, `#` in a fragment) as they are, and XML validators reject them.
fn rfc3986(serialized: &str) -> String {
    // The authority ends at the first `/` after `//`, or, for `mailto:`, there is none.
    let body_start = serialized
        .find("://")
        .map(|i| {
            serialized[i + 3..]
                .find('/')
                .map_or(serialized.len(), |j| i + 3 + j)
        })
        .unwrap_or_else(|| serialized.find(':').map_or(0, |i| i + 1));
    let (head, body) = serialized.split_at(body_start);
    let mut out = String::with_capacity(serialized.len());
    out.push_str(head);
    let mut in_fragment = false;
    for c in body.chars() {
        let allowed = c.is_ascii_alphanumeric()
            || "-._~!$&'()*+,;=:@/?%".contains(c)
            || (c == '#' && !in_fragment);
        if c == '#' {
            in_fragment = true;
        }
        if allowed || !c.is_ascii() {
            out.push(c);
        } else {
            out.push_str(&format!("%{:02X}", u32::from(c)));
        }
    }
    out
}
