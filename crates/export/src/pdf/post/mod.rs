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
//!   language and the catalog entries of a tagged file.
//!
//! Here: exactly the requested paper size, compressed streams packed into object streams, and
//! `/ID` from a hash of the content, so the same input always gives the same bytes.

mod content;
mod font;
mod links;
mod metadata;
mod outline;
mod syntax;
mod truetype;

use std::collections::BTreeMap;

use lopdf::{Document, Object, ObjectId, StringFormat};
use sha2::{Digest, Sha256};

use super::elements::{AnchorMark, Draw, LinkMark};
use super::tags::Tree;

/// Millimetres to points.
const PT: f64 = 72.0 / 25.4;

/// What the post-processing needs to know about the document.
pub(super) struct Finish<'a> {
    pub(super) title: &'a str,
    pub(super) author: &'a str,
    pub(super) subject: &'a str,
    pub(super) keywords: &'a str,
    pub(super) language: &'a str,
    pub(super) creator: &'a str,
    /// Seconds since the Unix epoch, for the creation and modification dates.
    pub(super) timestamp: i64,
    /// The paper size in points.
    pub(super) paper_pt: (f64, f64),
    pub(super) paper_mm: (f64, f64),
    pub(super) anchors: &'a [AnchorMark],
    pub(super) links: &'a [LinkMark],
    /// The structure tree.
    pub(super) tree: &'a Tree,
    /// The character of each glyph drawn, by font style.
    pub(super) unicode: &'a [BTreeMap<u16, char>; 4],
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
    let fonts = font::embed(&mut doc, &draws, f.unicode, &mut hash)?;
    content::rewrite(&mut doc, &draws, &fonts)?;
    drop(draws);
    content::drop_layers(&mut doc);
    set_paper(&mut doc, f.paper_pt);
    let pages = doc.get_pages();
    outline::add(&mut doc, &pages, f)?;
    let annots = links::add(&mut doc, &pages, f)?;
    let page_ids: Vec<ObjectId> = pages.values().copied().collect();
    let structure = super::tags::write(&mut doc, f.tree, &page_ids, &annots, f.title);
    metadata::set(&mut doc, f, structure, &mut hash)?;
    doc.prune_objects();
    doc.renumber_objects();
    compress(&mut doc, LEVEL);
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
    doc.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    let mut out = Vec::new();
    let options = lopdf::SaveOptions::builder()
        .use_object_streams(true)
        .use_xref_streams(true)
        .compression_level(LEVEL)
        .max_objects_per_stream(500)
        .build();
    doc.save_with_options(&mut out, options)
        .map_err(|e| PostError(format!("writing the PDF: {e}")))?;
    Ok(compress_xref(out))
}

/// The deflate level of every stream: zlib's default, which on this content is within 2% of
/// the smallest and takes half the time.
const LEVEL: u32 = 6;

/// Compresses every stream that may be, at `level` (lopdf's own always takes the slowest).
fn compress(doc: &mut Document, level: u32) {
    use std::io::Write;
    for object in doc.objects.values_mut() {
        if let Object::Stream(stream) = object
            && stream.allows_compression
            && stream.dict.get(b"Filter").is_err()
        {
            let mut encoder =
                flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(level));
            if encoder.write_all(&stream.content).is_ok()
                && let Ok(packed) = encoder.finish()
                && packed.len() < stream.content.len()
            {
                stream
                    .dict
                    .set("Filter", Object::Name(b"FlateDecode".to_vec()));
                stream.set_content(packed);
            }
        }
    }
}

/// lopdf writes the cross-reference stream uncompressed, at seven bytes an object; this
/// compresses it in place. It is the file's last object, after every offset it records, so
/// nothing else moves. A file not laid out as expected is returned as it is.
fn compress_xref(mut pdf: Vec<u8>) -> Vec<u8> {
    use std::io::Write;
    fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
        hay.windows(needle.len()).position(|w| w == needle)
    }
    let Some(tail) = pdf.len().checked_sub(64) else {
        return pdf;
    };
    let Some(at) = find(&pdf[tail..], b"startxref\n").map(|i| tail + i) else {
        return pdf;
    };
    let offset: Option<usize> = std::str::from_utf8(&pdf[at + 10..])
        .ok()
        .and_then(|s| s.split_whitespace().next())
        .and_then(|n| n.parse().ok());
    let Some(offset) = offset.filter(|&o| o < at) else {
        return pdf;
    };
    let object = &pdf[offset..at];
    let Some(key) = find(object, b"/Length ") else {
        return pdf;
    };
    let Some(end) = find(&object[key..], b">>stream\n").map(|i| key + i) else {
        return pdf;
    };
    let length: Option<usize> = std::str::from_utf8(&object[key + 8..end])
        .ok()
        .and_then(|n| n.parse().ok());
    let start = end + 9;
    let Some(data) = length.and_then(|l| object.get(start..start + l)) else {
        return pdf;
    };
    if find(object, b"/Type/XRef").is_none() {
        return pdf;
    }
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(LEVEL));
    let Ok(packed) = encoder.write_all(data).and_then(|()| encoder.finish()) else {
        return pdf;
    };
    let mut rewritten = object[..key].to_vec();
    rewritten.extend_from_slice(
        format!("/Filter/FlateDecode/Length {}>>stream\n", packed.len()).as_bytes(),
    );
    rewritten.extend_from_slice(&packed);
    rewritten.extend_from_slice(b"\nendstream\nendobj\n");
    rewritten.extend_from_slice(format!("startxref\n{offset}\n%%EOF").as_bytes());
    pdf.truncate(offset);
    pdf.extend_from_slice(&rewritten);
    pdf
}

/// Sets every page to exactly the paper size (genpdf rounds it through millimetres).
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

/// A PDF text string: PDFDocEncoding when ASCII, otherwise UTF-16BE with a byte order mark.
pub(super) fn text_string(s: &str) -> Object {
    if s.is_ascii() {
        Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        for unit in s.encode_utf16() {
            bytes.extend_from_slice(&unit.to_be_bytes());
        }
        Object::String(bytes, StringFormat::Hexadecimal)
    }
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
        assert_eq!(
            text_string("é"),
            Object::String(vec![0xFE, 0xFF, 0x00, 0xE9], StringFormat::Hexadecimal)
        );
    }
}
