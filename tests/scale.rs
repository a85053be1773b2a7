//! Scale: a guide many times the size loads and exports to every format. (How time and memory
//! grow is measured with the benchmarks and the release build, not timed here.)

use mht_guide::{Guide, SectionRef};
use mht_guide_export::{Options, to_epub, to_html, to_json, to_markdown, to_pdf};

use crate::util::scaled_files;

#[test]
fn a_guide_ten_times_the_size_exports_everywhere() {
    let guide = Guide::from_files("scaled", scaled_files(10)).unwrap();
    let words = |g: &Guide| g.sections().map(SectionRef::word_count).sum::<usize>();
    let base = words(mht_guide::guide());
    // Only multi-line prose is repeated; titles and one-line texts (such as the licensing
    // states' rules) are not, so the guide grows a little less than tenfold.
    assert!(
        words(&guide) > 7 * base,
        "{} words against {base}",
        words(&guide)
    );
    let options = Options::new();
    assert!(
        to_markdown(&guide, &options).len() > 5 * to_markdown(mht_guide::guide(), &options).len()
    );
    assert!(to_json(&guide, &options).is_ok());
    assert!(to_html(&guide, &options).len() > 5 * to_html(mht_guide::guide(), &options).len());
    assert!(to_epub(&guide, &options).is_ok());
    let pdf = to_pdf(&guide, &options).unwrap();
    // Repeated paragraphs compress well, so the file grows less than the text.
    assert!(pdf.len() > 2 * to_pdf(mht_guide::guide(), &options).unwrap().len());
}
