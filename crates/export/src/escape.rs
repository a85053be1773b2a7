//! Escaping text for XML and HTML, which the web page, the EPUB, the JSON-LD and the PDF's XMP
//! metadata all need.

/// Escapes text for an XHTML text node or a quoted attribute value, as every HTML and EPUB
/// page of the exports does: `&`, `<`, `>` and both quotes.
pub(crate) fn escape(text: &str) -> String {
    escape_as(text, true)
}

/// Escapes `&`, `<` and `>`, and with `quotes` the quote characters too (for attributes).
pub(crate) fn escape_as(text: &str, quotes: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if quotes => out.push_str("&quot;"),
            '\'' if quotes => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            escape("<b>\"Pay\" & 'more'</b>"),
            "&lt;b&gt;&quot;Pay&quot; &amp; &#39;more&#39;&lt;/b&gt;"
        );
        assert_eq!(escape_as("\"a\" & <b>", false), "\"a\" &amp; &lt;b&gt;");
    }
}
