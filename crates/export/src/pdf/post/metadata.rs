//! Document metadata: the information dictionary, the XMP packet with the PDF/UA
//! identification, and the catalog entries a tagged file needs (language, title shown in the
//! window, marked content, structure tree).

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};
use sha2::{Digest, Sha256};

use super::{Finish, PostError, err, text_string};

const PRODUCER: &str = "genpdf 0.2 and lopdf 0.47";

/// A PDF date, `D:YYYYMMDDHHmmSSZ`, from seconds since the Unix epoch (UTC).
pub(super) fn pdf_date(seconds: i64) -> String {
    let (year, month, day, hour, minute, second) = crate::time::civil(seconds);
    format!("D:{year:04}{month:02}{day:02}{hour:02}{minute:02}{second:02}Z")
}

/// Text escaped for XML content and attribute values: the HTML export's escape, which is
/// XML's.
fn xml(text: &str) -> String {
    crate::escape::escape(text)
}

/// The XMP packet: Dublin Core title, authors, description and language, the PDF and XMP
/// basics, and `pdfuaid:part` 1, which identifies the file as PDF/UA-1. Every value is the
/// same as in the information dictionary.
fn xmp(f: &Finish<'_>) -> String {
    let date = crate::time::iso(f.timestamp);
    let creators: String = f
        .author
        .split(", ")
        .filter(|a| !a.is_empty())
        .map(|a| format!("<rdf:li>{}</rdf:li>", xml(a)))
        .collect();
    format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
         <x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n\
         <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n\
         <rdf:Description rdf:about=\"\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
         xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" \
         xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" \
         xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n\
         <dc:format>application/pdf</dc:format>\n\
         <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>\n\
         <dc:creator><rdf:Seq>{creators}</rdf:Seq></dc:creator>\n\
         <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{subject}</rdf:li></rdf:Alt></dc:description>\n\
         <dc:language><rdf:Bag><rdf:li>{language}</rdf:li></rdf:Bag></dc:language>\n\
         <pdf:Keywords>{keywords}</pdf:Keywords>\n\
         <pdf:Producer>{producer}</pdf:Producer>\n\
         <xmp:CreatorTool>{creator}</xmp:CreatorTool>\n\
         <xmp:CreateDate>{date}</xmp:CreateDate>\n\
         <xmp:ModifyDate>{date}</xmp:ModifyDate>\n\
         <xmp:MetadataDate>{date}</xmp:MetadataDate>\n\
         <pdfuaid:part>1</pdfuaid:part>\n\
         </rdf:Description>\n\
         </rdf:RDF>\n\
         </x:xmpmeta>\n\
         <?xpacket end=\"r\"?>",
        title = xml(f.title),
        subject = xml(f.subject),
        language = xml(f.language),
        keywords = xml(f.keywords),
        producer = xml(PRODUCER),
        creator = xml(f.creator),
    )
}

/// Writes the information dictionary and the XMP metadata, and sets the catalog up for a
/// tagged file with the structure tree `structure`.
pub(super) fn set(
    doc: &mut Document,
    f: &Finish<'_>,
    structure: ObjectId,
    hash: &mut Sha256,
) -> Result<(), PostError> {
    let date = pdf_date(f.timestamp);
    let mut info = Dictionary::new();
    for (key, value) in [
        ("Title", f.title),
        ("Author", f.author),
        ("Subject", f.subject),
        ("Keywords", f.keywords),
        ("Creator", f.creator),
        ("Producer", PRODUCER),
        ("CreationDate", date.as_str()),
        ("ModDate", date.as_str()),
    ] {
        hash.update(key.as_bytes());
        hash.update(value.as_bytes());
        info.set(key, text_string(value));
    }
    let old = doc.trailer.get(b"Info").and_then(Object::as_reference).ok();
    if let Some(old) = old {
        doc.objects.remove(&old);
    }
    let info = doc.add_object(info);
    doc.trailer.set("Info", Object::Reference(info));
    // Metadata streams stay uncompressed, so that tools which only scan a file find them.
    let packet = xmp(f).into_bytes();
    let metadata = Stream::new(
        Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Metadata".to_vec())),
            ("Subtype", Object::Name(b"XML".to_vec())),
        ]),
        packet,
    )
    .with_compression(false);
    let metadata = doc.add_object(metadata);
    let catalog = doc.catalog_mut().map_err(err("the catalog"))?;
    catalog.set("Metadata", Object::Reference(metadata));
    catalog.set("Lang", text_string(f.language));
    let mut preferences = Dictionary::from_iter(vec![("DisplayDocTitle", Object::Boolean(true))]);
    if f.right_to_left {
        // Pages side by side run right to left, as the text does.
        preferences.set("Direction", Object::Name(b"R2L".to_vec()));
    }
    catalog.set("ViewerPreferences", preferences);
    catalog.set(
        "MarkInfo",
        Dictionary::from_iter(vec![("Marked", Object::Boolean(true))]),
    );
    catalog.set("StructTreeRoot", Object::Reference(structure));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_dates() {
        assert_eq!(pdf_date(0), "D:19700101000000Z");
        assert_eq!(pdf_date(1_795_392_000), "D:20261123000000Z");
        assert_eq!(pdf_date(951_782_400 + 3_661), "D:20000229010101Z");
    }

    #[test]
    fn xml_text_is_escaped() {
        assert_eq!(xml("A & B <c> \"d\""), "A &amp; B &lt;c&gt; &quot;d&quot;");
    }
}
