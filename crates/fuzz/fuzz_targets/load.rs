//! The loader on any text: the embedded guide with one of its files replaced by the input.
//! The first byte chooses the file; the rest is its text. Loading must answer with a guide or
//! with diagnostics, never panic; a guide that loads must export to Markdown and JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mht_guide::{EMBEDDED_FILES, Guide};
use mht_guide_export::{Options, to_json, to_markdown};

fuzz_target!(|data: &[u8]| {
    let Some((&which, text)) = data.split_first() else {
        return;
    };
    let which = usize::from(which) % EMBEDDED_FILES.len();
    let text = String::from_utf8_lossy(text);
    let mut files: Vec<(&str, String)> = EMBEDDED_FILES
        .iter()
        .map(|(name, text)| (*name, (*text).to_owned()))
        .collect();
    files[which].1 = text.into_owned();
    match Guide::from_files("fuzz", files) {
        Ok(guide) => {
            let options = Options::new();
            let _ = to_markdown(&guide, &options);
            let _ = to_json(&guide, &options).expect("JSON export of a loaded guide");
        }
        Err(err) => assert!(!err.diagnostics().is_empty()),
    }
});
