//! Two sections of the guide inside a career site's own page: the pay and outlook section and
//! the education section, each an HTML fragment with ids of its own, styled by the guide's
//! scoped stylesheet next to the site's own rules.
//!
//! Run it with `cargo run --example site_fragments -- careers.html`; without a path it writes
//! into `mht-guide-examples/` in the system's temporary folder, and says where.

use std::error::Error;
use std::path::PathBuf;

use mht_guide::SectionId;
use mht_guide_export::{Fragment, FragmentError, Options, STYLESHEET, Selection, to_html};

/// One section of the guide as a fragment whose ids start with `prefix`, its heading one
/// level under the page's title.
fn fragment(section: SectionId, prefix: &str) -> Result<String, FragmentError> {
    let options = Options::new()
        .with_sections(Selection::only([section]))
        .with_fragment(Fragment::new(prefix)?.with_heading_level(2)?);
    Ok(to_html(mht_guide::guide(), &options))
}

/// The site's page, with its own header, text and footer around the two fragments. (It is
/// written as XHTML too, as the guide's fragments are, so that it reads as either.)
pub fn page() -> Result<String, FragmentError> {
    let pay = fragment(SectionId::SalaryOutlook, "pay-")?;
    let training = fragment(SectionId::Education, "training-")?;
    Ok(format!(
        r##"<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<link rel="icon" href="data:," />
<title>Mental health technicians · Riverside Community College Career Center</title>
<style>
/* The site's own look. */
:root {{ color-scheme: light dark; }}
body {{ margin: 0 auto; padding: 1rem; max-width: 46rem; font-family: Georgia, serif;
  background: Canvas; color: CanvasText; }}
.site-skip {{ position: absolute; inset-block-start: -10rem; background: Canvas; }}
.site-skip:focus {{ inset-block-start: 0.5rem; }}
.site-header, .site-footer {{ border-block: 1px solid GrayText; padding: 0.5rem 0; }}
/* The guide's stylesheet: every rule in it is scoped under .mht-guide. */
{STYLESHEET}</style>
</head>
<body>
<a class="site-skip" href="#main">Skip to the page's content</a>
<header class="site-header"><p>Riverside Community College · Career Center</p></header>
<main id="main">
<h1>Mental health technicians</h1>
<p>Thinking about work in a psychiatric hospital or a crisis unit? Our counselors gathered what
the federal data and the licensing boards say about the job, and what it takes to start.</p>
{pay}<p>Our certificate in behavioral health takes two terms; ask the Career Center about the
next start date.</p>
{training}</main>
<footer class="site-footer"><p>Career Center · 555-0100</p></footer>
</body>
</html>
"##
    ))
}

fn main() -> Result<(), Box<dyn Error>> {
    let path = std::env::args_os().nth(1).map_or_else(
        || {
            std::env::temp_dir()
                .join("mht-guide-examples")
                .join("careers.html")
        },
        PathBuf::from,
    );
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&path, page()?)?;
    println!("wrote {}", path.display());
    Ok(())
}
