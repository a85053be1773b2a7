//! The preview's own pages: the edition's page with the preview's bar, warnings and script, and
//! the page of problems.

use mht_guide::Guide;
use mht_guide_export::Options;

use crate::report;

/// The style of the preview's own parts: the bar of links and the panel of warnings.
const PREVIEW_STYLE: &str = "\
.mht-preview{position:sticky;top:0;z-index:10;display:flex;flex-wrap:wrap;gap:.5rem 1rem;\
align-items:center;padding:.5rem 1rem;background:#1f2933;color:#fff;font:0.95rem/1.4 system-ui,\
sans-serif}\
.mht-preview a{color:#fff}\
.mht-preview strong{margin-right:auto}\
.mht-warnings{margin:0;padding:.5rem 1rem;background:#fff8e1;color:#3d2e00;\
font:0.9rem/1.4 system-ui,sans-serif;border-bottom:1px solid #c9a227}\
.mht-warnings pre{white-space:pre;overflow:auto;max-height:40vh;font-size:.85rem}\
.mht-problems{max-width:60rem;margin:2rem auto;padding:0 1rem;font:1rem/1.5 system-ui,sans-serif;\
color:#1f2933}\
.mht-problems h1{color:#9b1c1c}\
.mht-problems pre{white-space:pre;overflow-x:auto;background:#f4f5f7;padding:1rem;\
border-left:4px solid #9b1c1c}";

/// The script the preview page alone carries: it listens for new builds and reloads, at the
/// section that changed.
const PREVIEW_SCRIPT: &str = "\
(function () {\
  var version = Number(document.documentElement.getAttribute('data-preview-version'));\
  var events = new EventSource('/events');\
  events.onmessage = function (event) {\
    var next = JSON.parse(event.data);\
    if (next.version !== version) {\
      var anchor = next.section ? '#' + next.section : window.location.hash;\
      window.location.replace('/?v=' + next.version + anchor);\
    }\
  };\
})();";

/// The edition's web page with the preview's bar, its warnings and its script.
/// `warnings` is the review's `count` warnings as text.
pub(super) fn preview_page(
    guide: &Guide,
    options: &Options,
    (warnings, count): (&str, usize),
    version: u64,
) -> String {
    let page = mht_guide_export::to_html(guide, options);
    let mut bar = String::from(
        "<nav class=\"mht-preview\" aria-label=\"Preview\"><strong>Preview</strong>\
         <a href=\"/guide.pdf\">PDF</a><a href=\"/fact-sheet.pdf\">Fact sheet (PDF)</a>\
         <a href=\"/guide.epub\">EPUB</a></nav>\n",
    );
    if count > 0 {
        let plural = if count == 1 { "" } else { "s" };
        bar.push_str(&format!(
            "<details class=\"mht-warnings\" open=\"open\"><summary>{count} warning{plural} \
             from the review</summary><pre>{}</pre></details>\n",
            escape(warnings)
        ));
    }
    let script =
        format!("<style>{PREVIEW_STYLE}</style>\n<script>{PREVIEW_SCRIPT}</script>\n</body>");
    page.replacen(
        "<html ",
        &format!("<html data-preview-version=\"{version}\" "),
        1,
    )
    .replacen("<body>\n", &format!("<body>\n{bar}"), 1)
    .replacen("</body>", &script, 1)
}

/// A page of the `n` problems that keep the content from loading, as `check` prints them.
pub(super) fn problems_page(problems: &str, n: usize, version: u64) -> String {
    let plural = if n == 1 { "" } else { "s" };
    format!(
        "<!DOCTYPE html>\n<html data-preview-version=\"{version}\" lang=\"en\">\n<head>\n\
         <meta charset=\"utf-8\" />\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n\
         <title>The content has {n} problem{plural}</title>\n<style>{PREVIEW_STYLE}</style>\n\
         </head>\n<body>\n<main class=\"mht-problems\">\n<h1>The content has {n} \
         problem{plural}</h1>\n<p>Nothing can be shown until {it} fixed. Save the file again \
         after fixing it, and this page will show the guide.</p>\n<pre>{}</pre>\n</main>\n\
         <script>{PREVIEW_SCRIPT}</script>\n</body>\n</html>\n",
        escape(problems),
        it = if n == 1 { "it is" } else { "they are" },
    )
}

/// Diagnostics as `check` prints them, without colors.
pub(super) fn diagnostics_text(diagnostics: &[mht_guide::Diagnostic]) -> String {
    let mut out = Vec::new();
    for d in diagnostics {
        let _ = report::diagnostic(&mut out, d);
    }
    String::from_utf8_lossy(&anstream::adapter::strip_bytes(&out).into_vec()).into_owned()
}

/// Escapes text for the preview page's HTML: `&`, `<`, `>` and both quotes.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}
