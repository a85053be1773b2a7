//! Word documents (DOCX, Office Open XML) that staff can open and adapt: real heading, list,
//! caption and table styles, tables whose header row repeats on every page, links, the
//! footer with page numbers, the branding, and the language set on the document.
//!
//! The package is written here, part by part, with the `zip` crate the EPUB uses: a handful
//! of XML parts whose every element this module chooses, which a general DOCX crate would
//! hide (a table's header row, an image's description, a decorative mark).

mod body;
mod image;
mod parts;

use std::fmt::Write as _;

use mht_guide::Guide;

use crate::compose::Document;
use crate::escape::escape_as;
use crate::{ExportError, Options};

/// Twentieths of a point in a millimetre: Word's unit of length for pages and indents.
const TWIPS_PER_MM: f64 = 1440.0 / 25.4;
/// English Metric Units in a millimetre: DrawingML's unit for an image's size.
const EMU_PER_MM: f64 = 36_000.0;
/// Page margins, in mm: top, right, bottom, left.
const MARGINS: (f64, f64, f64, f64) = (18.0, 20.0, 18.0, 20.0);
/// The default color of headings, rules and chart bars (the PDF's), as hex.
const ACCENT: &str = "00486E";
const MUTED: &str = "555555";
const LINK: &str = "0052A0";

/// Exports the guide as a Word document (DOCX) that staff can adapt: the sections with their
/// headings as Word's own Heading styles (so that the navigation pane and a screen reader
/// list them), lists as Word lists, tables with a caption (also their title for assistive technology) and a header row
/// that repeats on every page, each chart as its caption, its rows' figures in text and their
/// bars as pictures marked decorative, links, the sources numbered with bookmarks that the
/// citations link to, and a footer with the page number. The title block carries the
/// organization, its logo (decorative: the name follows it) and the QR code (a picture
/// described as what it is, after its address as a link). The document's language, title,
/// subject, keywords and authors are set; a right-to-left edition's paragraphs run right to
/// left. The preset, paper, accent colour and large print apply as in the PDF.
///
/// # Errors
///
/// [`ExportError::Docx`] if the package cannot be written.
///
/// # Examples
///
/// ```
/// use mht_guide_export::{Options, Preset, to_docx};
///
/// let docx = to_docx(mht_guide::guide(), &Options::new().with_preset(Preset::FactSheet))?;
/// assert!(docx.starts_with(b"PK"));
/// # Ok::<(), mht_guide_export::ExportError>(())
/// ```
pub fn to_docx(guide: &Guide, options: &Options) -> Result<Vec<u8>, ExportError> {
    let doc = Document::from_options(guide, options);
    let mut writer = Writer::new(&doc, options);
    writer.title_block(options);
    for section in &doc.sections {
        writer.section(section);
    }
    let body = std::mem::take(&mut writer.body);
    let timestamp = options
        .timestamp()
        .unwrap_or(doc.meta.edition.unix_seconds());
    parts::package(&writer, &body, guide, options, timestamp)
        .map_err(|e| ExportError::Docx(e.to_string()))
}

/// A relationship of the document part: a link's address or a picture.
struct Rel {
    id: String,
    kind: &'static str,
    target: String,
    external: bool,
}

/// A list's numbering: Word numbers a list through an instance of one of two definitions.
struct Numbering {
    ordered: bool,
    start: u32,
}

/// Writes the document part's body, and gathers what the other parts need.
pub(crate) struct Writer<'d> {
    doc: &'d Document<'d>,
    body: String,
    rels: Vec<Rel>,
    /// Pictures: their file name in `word/media` and their PNG bytes.
    media: Vec<(String, Vec<u8>)>,
    /// Every list's numbering instance, numbered from 1 in order.
    lists: Vec<Numbering>,
    /// The last drawing and bookmark ids given.
    drawings: u32,
    bookmarks: u32,
    /// The bookmark name of each anchor linked to or marked, given on first use.
    names: std::collections::BTreeMap<String, String>,
    accent: String,
    rtl: bool,
    /// How much larger than ordinary print everything is set: 1.8 in large print.
    scale: f64,
    /// The width of the text between the margins, in mm.
    text_width: f64,
    /// Smaller section headings, closer to the text, for a fact sheet.
    compact: bool,
}

/// A paragraph's properties beyond its style.
#[derive(Debug, Clone, Default)]
struct Para {
    /// Kept on the page of the next paragraph: a caption with its table, a chart's row label
    /// with its bar.
    keep_next: bool,
    /// Never split across pages.
    keep_lines: bool,
    /// A list item: the list's numbering instance and the item's level.
    list: Option<(usize, usize)>,
    /// Tab stops, as `<w:tab>` elements.
    tabs: String,
    /// Room before and after, in twips.
    before: Option<u32>,
    after: Option<u32>,
    /// The indent from the start, in twips.
    indent: Option<i64>,
}

impl Para {
    fn keep_next(mut self) -> Para {
        self.keep_next = true;
        self
    }

    fn before(mut self, twips: u32) -> Para {
        self.before = Some(twips);
        self
    }

    fn after(mut self, twips: u32) -> Para {
        self.after = Some(twips);
        self
    }

    fn numbered(mut self, list: usize, level: usize) -> Para {
        self.list = Some((list, level));
        self
    }
}

/// How a run of text looks.
#[derive(Debug, Clone, Copy, Default)]
struct Look<'a> {
    bold: bool,
    italic: bool,
    color: Option<&'a str>,
    /// In points, before large print grows it.
    size: Option<f64>,
    style: Option<&'static str>,
    code: bool,
}

impl<'d> Writer<'d> {
    fn new(doc: &'d Document<'d>, options: &Options) -> Writer<'d> {
        let (width, _) = options.paper().mm();
        Writer {
            doc,
            body: String::new(),
            rels: Vec::new(),
            media: Vec::new(),
            lists: Vec::new(),
            drawings: 0,
            bookmarks: 0,
            names: std::collections::BTreeMap::new(),
            accent: options.accent().map_or_else(
                || ACCENT.to_owned(),
                |c| {
                    let (r, g, b) = c.tuple();
                    format!("{r:02X}{g:02X}{b:02X}")
                },
            ),
            rtl: doc.language().direction() == mht_guide::Direction::Rtl,
            scale: if options.large_print() { 1.8 } else { 1.0 },
            text_width: width - MARGINS.1 - MARGINS.3,
            compact: options.preset() == crate::Preset::FactSheet,
        }
    }

    fn push(&mut self, xml: &str) {
        self.body.push_str(xml);
    }

    /// A relationship of the document part, by its id.
    fn relate(&mut self, kind: &'static str, target: String, external: bool) -> String {
        // The fixed parts take rId1 to rId4.
        let id = format!("rId{}", self.rels.len() + 5);
        self.rels.push(Rel {
            id: id.clone(),
            kind,
            target,
            external,
        });
        id
    }

    /// The id of a link to `url`, one relationship for each address.
    fn link_id(&mut self, url: &str) -> String {
        if let Some(rel) = self.rels.iter().find(|r| r.external && r.target == url) {
            return rel.id.clone();
        }
        self.relate(HYPERLINK, url.to_owned(), true)
    }

    /// A new list's numbering instance, by its number.
    fn list(&mut self, ordered: bool, start: u32) -> usize {
        self.lists.push(Numbering { ordered, start });
        self.lists.len()
    }

    /// Opens a paragraph of `style` with the properties `para`, in the order Word's schema
    /// gives them (Word refuses a file whose properties come in another).
    fn open(&mut self, style: Option<&str>, para: &Para) {
        self.push("<w:p><w:pPr>");
        if let Some(style) = style {
            let _ = write!(self.body, "<w:pStyle w:val=\"{style}\"/>");
        }
        if para.keep_next {
            self.push("<w:keepNext/>");
        }
        if para.keep_lines {
            self.push("<w:keepLines/>");
        }
        if let Some((list, level)) = para.list {
            let _ = write!(
                self.body,
                "<w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{list}\"/></w:numPr>"
            );
        }
        if !para.tabs.is_empty() {
            let _ = write!(self.body, "<w:tabs>{}</w:tabs>", para.tabs);
        }
        if self.rtl {
            self.push("<w:bidi/>");
        }
        match (para.before, para.after) {
            (None, None) => {}
            (before, after) => {
                self.push("<w:spacing");
                if let Some(before) = before {
                    let _ = write!(self.body, " w:before=\"{before}\"");
                }
                if let Some(after) = after {
                    let _ = write!(self.body, " w:after=\"{after}\"");
                }
                self.push("/>");
            }
        }
        if let Some(indent) = para.indent {
            let _ = write!(self.body, "<w:ind w:left=\"{indent}\"/>");
        }
        self.push("</w:pPr>");
    }

    fn close(&mut self) {
        self.push("</w:p>\n");
    }

    /// A whole paragraph of one run.
    fn paragraph(&mut self, style: Option<&str>, para: &Para, text: &str, look: Look<'_>) {
        self.open(style, para);
        self.run(text, look);
        self.close();
    }

    /// A run of text. Right-to-left text is marked so, for Word to order and shape it.
    fn run(&mut self, text: &str, look: Look<'_>) {
        if text.is_empty() {
            return;
        }
        self.push("<w:r>");
        self.run_properties(text, look);
        // A run's text keeps its spaces; a line break in it (none in the content) would be
        // a space.
        let _ = write!(
            self.body,
            "<w:t xml:space=\"preserve\">{}</w:t></w:r>",
            escape_as(text, false)
        );
    }

    fn run_properties(&mut self, text: &str, look: Look<'_>) {
        let rtl = right_to_left(text);
        let mut props = String::new();
        if let Some(style) = look.style {
            let _ = write!(props, "<w:rStyle w:val=\"{style}\"/>");
        }
        if look.code {
            props.push_str(
                "<w:rFonts w:ascii=\"Courier New\" w:hAnsi=\"Courier New\" w:cs=\"Courier New\"/>",
            );
        }
        if look.bold {
            props.push_str("<w:b/><w:bCs/>");
        }
        if look.italic {
            props.push_str("<w:i/><w:iCs/>");
        }
        if let Some(color) = look.color {
            let _ = write!(props, "<w:color w:val=\"{color}\"/>");
        }
        if let Some(size) = look.size {
            let half = self.half_points(size);
            let _ = write!(props, "<w:sz w:val=\"{half}\"/><w:szCs w:val=\"{half}\"/>");
        }
        if rtl {
            props.push_str("<w:rtl/>");
        }
        if !props.is_empty() {
            let _ = write!(self.body, "<w:rPr>{props}</w:rPr>");
        }
    }

    /// A size in points as Word's half points, grown in large print, never under the body's
    /// size there.
    fn half_points(&self, points: f64) -> u32 {
        let size = if self.scale > 1.0 {
            (points * self.scale).max(18.0)
        } else {
            points
        };
        (size * 2.0).round() as u32
    }

    /// Marks where the bookmark of `anchor` starts and ends: around nothing, before the
    /// paragraph's text, which is where a link to it goes.
    fn bookmark(&mut self, anchor: &str) {
        self.bookmarks += 1;
        let id = self.bookmarks;
        let name = self.bookmark_name(anchor);
        let _ = write!(
            self.body,
            "<w:bookmarkStart w:id=\"{id}\" w:name=\"{}\"/><w:bookmarkEnd w:id=\"{id}\"/>",
            escape_as(&name, true)
        );
    }

    /// The bookmark name of an anchor: Word takes letters, digits and underscores, at most
    /// 40, from a letter. The anchor's own characters, shortened, then a number of its own, so
    /// that two long anchors never share a name.
    fn bookmark_name(&mut self, anchor: &str) -> String {
        let next = self.names.len() + 1;
        self.names
            .entry(anchor.to_owned())
            .or_insert_with(|| {
                let mut name: String = anchor
                    .chars()
                    .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                    .take(30)
                    .collect();
                if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
                    name.insert(0, 'b');
                }
                format!("{name}_{next}")
            })
            .clone()
    }
}

/// The relationship type of a link.
const HYPERLINK: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";
/// The relationship type of a picture.
const IMAGE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";

/// Millimetres as twips.
fn twips(mm: f64) -> i64 {
    (mm * TWIPS_PER_MM).round() as i64
}

/// Millimetres as English Metric Units.
fn emu(mm: f64) -> i64 {
    (mm * EMU_PER_MM).round() as i64
}

/// Whether text has right-to-left letters: a run Word must order and shape right to left.
fn right_to_left(text: &str) -> bool {
    use unicode_bidi::BidiClass;
    text.chars()
        .any(|c| matches!(unicode_bidi::bidi_class(c), BidiClass::R | BidiClass::AL))
}

/// The language tag Word knows a language by: a region where Word wants one (`zh-Hans` is
/// `zh-CN` to Word, `ar` is `ar-SA`, `vi` is `vi-VN`), else the tag as given.
fn word_language(tag: &str) -> String {
    match tag.to_ascii_lowercase().as_str() {
        "zh-hans" | "zh" => "zh-CN".to_owned(),
        "zh-hant" => "zh-TW".to_owned(),
        "ar" => "ar-SA".to_owned(),
        "vi" => "vi-VN".to_owned(),
        "es" => "es-US".to_owned(),
        "en" => "en-US".to_owned(),
        _ => tag.to_owned(),
    }
}

#[cfg(test)]
mod tests;
