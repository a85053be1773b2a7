//! Post-processing genpdf's output with lopdf: what genpdf 0.2 cannot do itself. Each feature
//! of the file has its module:
//!
//! - [`content`]: the real glyphs in place of genpdf's placeholders, and marked content for the
//!   structure tree, in every page's content stream;
//! - [`font`]: Liberation Sans embedded, subset to the glyphs used, with widths and
//!   `/ToUnicode`;
//! - [`crate::pdf::tags`]: the structure tree (PDF/UA);
//! - [`outline`]: bookmarks, opened by default;
//! - [`links`]: link annotations for contents entries, citations and addresses;
//! - [`metadata`]: the information dictionary, XMP with the PDF/UA identification, the
//!   language and the catalog entries of a tagged file;
//! - [`write`]: the file itself, its objects packed into object streams.
//!
//! Here: exactly the requested paper size, every stream compressed, and `/ID` from a hash of
//! the content, so the same input always gives the same bytes.

mod content;
mod font;
mod links;
mod metadata;
mod outline;
mod structure;
mod syntax;
mod truetype;
mod write;

pub(super) use write::Later;

use std::collections::BTreeMap;

use lopdf::{Document, Object, ObjectId, StringFormat};
use sha2::{Digest, Sha256};

use super::record::{AnchorMark, Draw, LinkMark};
use super::tags::Tree;

use super::PT;

/// What the post-processing needs to know about the document.
pub(super) struct Finish<'a> {
    pub(super) title: &'a str,
    pub(super) author: &'a str,
    pub(super) subject: &'a str,
    pub(super) keywords: &'a str,
    pub(super) language: &'a str,
    /// Whether the language is written right to left.
    pub(super) right_to_left: bool,
    pub(super) creator: &'a str,
    /// Seconds since the Unix epoch, for the creation and modification dates.
    pub(super) timestamp: i64,
    /// The paper size in points.
    pub(super) paper_pt: (f64, f64),
    /// The page the handout was laid out on, in mm: the paper, or in large print the paper
    /// made [`scale`](Finish::scale) times smaller.
    pub(super) paper_mm: (f64, f64),
    /// How much larger each page is drawn than it was laid out (1 but in large print).
    pub(super) scale: f64,
    pub(super) anchors: &'a [AnchorMark],
    /// The contents, which the outline follows.
    pub(super) contents: &'a [crate::ContentsEntry<'a>],
    pub(super) links: &'a [LinkMark],
    /// The structure tree.
    pub(super) tree: &'a Tree,
    /// What each glyph drawn stands for, by face and mapping variant.
    pub(super) unicode: &'a [Vec<BTreeMap<u16, String>>],
    /// The faces drawn with.
    pub(super) fonts: &'a crate::pdf::fonts::FontSet,
    /// The organization's logo, when the title block shows it.
    pub(super) logo: Option<&'a crate::Logo>,
    /// The words of the link descriptions.
    pub(super) labels: &'a mht_guide::Labels,
    /// What a link to each cited source says, by its anchor (`source-bls-ooh`).
    pub(super) sources: BTreeMap<String, String>,
}

/// Why post-processing failed: a problem in genpdf's output that should never happen.
#[derive(Debug, thiserror::Error)]
#[error("cannot post-process the PDF: {0}")]
pub(super) struct PostError(String);

fn err(context: &str) -> impl Fn(lopdf::Error) -> PostError + '_ {
    move |e| PostError(format!("{context}: {e}"))
}

/// Applies every step and returns the final bytes.
///
/// `raw` is genpdf's output and `draws` what each page drew, in order; both are dropped as soon
/// as they have been read, since a long guide's take hundreds of megabytes.
pub(super) fn finish(
    raw: Vec<u8>,
    draws: Vec<Vec<Draw>>,
    f: &Finish<'_>,
) -> Result<Vec<u8>, PostError> {
    let mut doc = Document::load_mem(&raw).map_err(err("reading genpdf's output"))?;
    drop(raw);
    // PDF/UA-1 is built on PDF 1.7 (ISO 32000-1).
    doc.version = "1.7".into();
    let mut hash = Sha256::new();
    let fonts = font::embed(&mut doc, &draws, f.unicode, f.fonts, &mut hash)?;
    let logo = f.logo.map(|logo| add_image(&mut doc, logo));
    content::rewrite(&mut doc, &draws, &fonts, logo)?;
    drop(draws);
    content::drop_layers(&mut doc);
    if f.scale != 1.0 {
        enlarge(&mut doc, f.scale);
    }
    set_paper(&mut doc, f.paper_pt);
    let pages = doc.get_pages();
    outline::add(&mut doc, &pages, f)?;
    let annots = links::add(&mut doc, &pages, f)?;
    let page_ids: Vec<ObjectId> = pages.values().copied().collect();
    let structure = structure::write(&mut doc, f.tree, &page_ids, &annots, f.title);
    metadata::set(&mut doc, f, structure.root, &mut hash)?;
    doc.prune_objects();
    let mut deflate = Deflate::new(LEVEL);
    for object in doc.objects.values_mut() {
        if let Object::Stream(stream) = object
            && stream.allows_compression
            && stream.dict.get(b"Filter").is_err()
            && let Some(packed) = deflate.run(&stream.content)
            && packed.len() < stream.content.len()
        {
            stream
                .dict
                .set("Filter", Object::Name(b"FlateDecode".to_vec()));
            stream.set_content(packed);
        }
    }
    // The pages, compressed, are what the identifier is a hash of (with the fonts' names and
    // the metadata): the same content always gives the same `/ID`.
    for page in doc.get_pages().into_values() {
        for id in doc.get_page_contents(page) {
            if let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) {
                hash.update(&stream.content);
            }
        }
    }
    let digest = hash.finalize();
    let id = Object::String(digest[..16].to_vec(), StringFormat::Hexadecimal);
    let id = Object::Array(vec![id.clone(), id]);
    let out = write::save(doc, &structure, &id, &mut |data| deflate.run(data));
    Ok(out)
}

/// The deflate level of every stream. On the full guide, libdeflate's level 8 is 1.4 KB smaller
/// than its 6 for a tenth more instructions in all; 9 gains nothing more, and 10 (the first
/// level that parses near-optimally) gains 4 KB for nearly twice the instructions of the whole
/// export (callgrind).
const LEVEL: i32 = 8;

/// A libdeflate compressor at one level, reused for every stream of the file.
struct Deflate(libdeflater::Compressor);

impl Deflate {
    fn new(level: i32) -> Self {
        let level = libdeflater::CompressionLvl::new(level).unwrap_or_default();
        Self(libdeflater::Compressor::new(level))
    }

    /// `data` as a complete zlib stream; `None` only if libdeflate fails (it cannot with an
    /// output of its bound's size), when the stream is written as it is.
    fn run(&mut self, data: &[u8]) -> Option<Vec<u8>> {
        let mut out = vec![0; self.0.zlib_compress_bound(data.len())];
        let n = self.0.zlib_compress(data, &mut out).ok()?;
        out.truncate(n);
        Some(out)
    }
}

/// Adds the logo as an image XObject: 8-bit RGB, with its opacity as a soft mask when it
/// has any transparency. Both streams are deflated with the rest.
fn add_image(doc: &mut Document, logo: &crate::Logo) -> ObjectId {
    let image = |color: &str, data: Vec<u8>| {
        let dict = lopdf::Dictionary::from_iter(vec![
            ("Type", Object::Name(b"XObject".to_vec())),
            ("Subtype", Object::Name(b"Image".to_vec())),
            ("Width", Object::Integer(i64::from(logo.width()))),
            ("Height", Object::Integer(i64::from(logo.height()))),
            ("ColorSpace", Object::Name(color.as_bytes().to_vec())),
            ("BitsPerComponent", Object::Integer(8)),
        ]);
        lopdf::Stream::new(dict, data)
    };
    let mut rgb = image("DeviceRGB", logo.rgb().to_vec());
    if let Some(alpha) = logo.alpha() {
        let mask = doc.add_object(image("DeviceGray", alpha.to_vec()));
        rgb.dict.set("SMask", Object::Reference(mask));
    }
    doc.add_object(rgb)
}

/// Sets every page to exactly the paper size (genpdf rounds it through millimetres).
/// Draws every page `scale` times larger, from its bottom left corner: large print, laid out
/// on a smaller page.
fn enlarge(doc: &mut Document, scale: f64) {
    let k = format!("{scale:.4}");
    for page in doc.get_pages().into_values() {
        let ids = doc.get_page_contents(page);
        let (Some(first), Some(last)) = (ids.first().copied(), ids.last().copied()) else {
            continue;
        };
        if let Ok(Object::Stream(stream)) = doc.get_object_mut(first) {
            let mut content = format!("q {k} 0 0 {k} 0 0 cm\n").into_bytes();
            content.extend_from_slice(&stream.content);
            stream.set_content(content);
        }
        if let Ok(Object::Stream(stream)) = doc.get_object_mut(last) {
            let mut content = std::mem::take(&mut stream.content);
            content.extend_from_slice(b"\nQ");
            stream.set_content(content);
        }
    }
}

fn set_paper(doc: &mut Document, (w, h): (f64, f64)) {
    let media = Object::Array(vec![
        Object::Integer(0),
        Object::Integer(0),
        Object::Real(w as f32),
        Object::Real(h as f32),
    ]);
    for page in doc.get_pages().into_values() {
        if let Ok(page) = doc.get_dictionary_mut(page) {
            page.set("MediaBox", media.clone());
            page.remove(b"TrimBox");
            page.remove(b"CropBox");
        }
    }
}

/// A PDF text string (ISO 32000-1, 7.9.2.2): in PDFDocEncoding, one byte a character, when
/// every character has a code there (ASCII, Latin-1 letters such as é, ñ and ¿, the dashes
/// and curly quotes); otherwise UTF-16BE with a byte order mark, two bytes or more each.
pub(super) fn text_string(s: &str) -> Object {
    match s.chars().map(pdf_doc_code).collect::<Option<Vec<u8>>>() {
        Some(bytes) => Object::String(bytes, StringFormat::Literal),
        None => {
            let mut bytes = vec![0xFE, 0xFF];
            for unit in s.encode_utf16() {
                bytes.extend_from_slice(&unit.to_be_bytes());
            }
            Object::String(bytes, StringFormat::Hexadecimal)
        }
    }
}

/// A character's code in PDFDocEncoding (ISO 32000-1, Annex D, table D.2), if it has one.
/// Codes 0xA1 to 0xFF are Latin-1's but for 0xAD, which is undefined; 0x80 to 0xA0 hold
/// the typographic characters below (and 0xA0 the euro sign, not the no-break space).
fn pdf_doc_code(c: char) -> Option<u8> {
    let code = match c {
        '\t' | '\n' | '\r' | ' '..='~' => c as u8,
        '\u{a1}'..='\u{ff}' if c != '\u{ad}' => c as u32 as u8,
        '•' => 0x80,
        '†' => 0x81,
        '‡' => 0x82,
        '…' => 0x83,
        '—' => 0x84,
        '–' => 0x85,
        'ƒ' => 0x86,
        '⁄' => 0x87,
        '‹' => 0x88,
        '›' => 0x89,
        '−' => 0x8A,
        '‰' => 0x8B,
        '„' => 0x8C,
        '“' => 0x8D,
        '”' => 0x8E,
        '‘' => 0x8F,
        '’' => 0x90,
        '‚' => 0x91,
        '™' => 0x92,
        'ﬁ' => 0x93,
        'ﬂ' => 0x94,
        'Ł' => 0x95,
        'Œ' => 0x96,
        'Š' => 0x97,
        'Ÿ' => 0x98,
        'Ž' => 0x99,
        'ı' => 0x9A,
        'ł' => 0x9B,
        'œ' => 0x9C,
        'š' => 0x9D,
        'ž' => 0x9E,
        '€' => 0xA0,
        _ => return None,
    };
    Some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_strings() {
        assert_eq!(
            text_string("Guide"),
            Object::String(b"Guide".to_vec(), StringFormat::Literal)
        );
        // Latin-1 letters, dashes, curly quotes and the euro sign take one byte each.
        assert_eq!(
            text_string("¿Qué? — “técnico” €"),
            Object::String(
                b"\xbfQu\xe9? \x84 \x8dt\xe9cnico\x8e \xa0".to_vec(),
                StringFormat::Literal
            )
        );
        // The no-break space and the soft hyphen have no code there.
        assert_eq!(
            text_string("1.\u{a0}é"),
            Object::String(
                vec![0xFE, 0xFF, 0, b'1', 0, b'.', 0, 0xA0, 0, 0xE9],
                StringFormat::Hexadecimal
            )
        );
        assert!(matches!(
            text_string("\u{ad}"),
            Object::String(_, StringFormat::Hexadecimal)
        ));
        // lopdf, which decodes PDFDocEncoding by its own table, reads back every character
        // that has a code.
        let every: String = (' '..='\u{17f}')
            .chain([
                '•', '†', '‡', '…', '—', '–', 'ƒ', '⁄', '‹', '›', '−', '‰', '„', '“', '”',
            ])
            .chain(['‘', '’', '‚', '™', 'ﬁ', 'ﬂ', '€'])
            .filter(|&c| pdf_doc_code(c).is_some())
            .collect();
        assert!(every.chars().count() > 200);
        let encoded = text_string(&every);
        assert!(matches!(encoded, Object::String(_, StringFormat::Literal)));
        assert_eq!(lopdf::decode_text_string(&encoded).unwrap(), every);
    }
}
