// A guide many times the size of the embedded one, shared by the scale tests and the
// benchmarks (through `include!`).

/// The embedded guide with every multi-line prose field repeated `factor` times, as paragraphs:
/// a guide about `factor` times the size, for scale tests and measurements.
#[allow(dead_code)]
pub(crate) fn scaled_files(factor: usize) -> Vec<(&'static str, String)> {
    mht_guide::EMBEDDED_FILES
        .iter()
        .map(|(name, text)| {
            let mut out = String::with_capacity(text.len() * factor);
            let mut rest = *text;
            while let Some(open) = rest.find("'''\n") {
                let body_start = open + 4;
                let Some(close) = rest[body_start..].find("\n'''") else {
                    break;
                };
                out.push_str(&rest[..body_start]);
                let body = &rest[body_start..body_start + close];
                out.push_str(&vec![body; factor].join("\n\n"));
                out.push_str("\n'''");
                rest = &rest[body_start + close + 4..];
            }
            out.push_str(rest);
            (*name, out)
        })
        .collect()
}
