//! The package's parts besides the body: styles, numbering, settings, the footer, the
//! properties, the relationships and the content types, zipped as Word expects.

use std::fmt::Write as _;
use std::io::{Cursor, Write as _};

use mht_guide::Guide;
use mht_guide::labels::Piece;
use zip::ZipWriter;

use super::{LINK, MARGINS, MUTED, Writer, twips};
use crate::Options;
use crate::escape::escape_as;
use crate::zipped::zip_entries;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WP: &str = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
const A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
const PIC: &str = "http://schemas.openxmlformats.org/drawingml/2006/picture";
const XML: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// Zips the document: `body` is the document part's body, the writer holds what it refers to.
pub(super) fn package(
    writer: &Writer<'_>,
    body: &str,
    guide: &Guide,
    options: &Options,
    timestamp: i64,
) -> zip::result::ZipResult<Vec<u8>> {
    let (stored, deflated) = zip_entries(timestamp);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let texts = [
        ("[Content_Types].xml", content_types()),
        ("_rels/.rels", package_rels()),
        ("docProps/core.xml", core(writer, guide, options, timestamp)),
        ("docProps/app.xml", app()),
        ("word/document.xml", document(writer, body, options)),
        ("word/_rels/document.xml.rels", document_rels(writer)),
        ("word/styles.xml", styles(writer)),
        ("word/numbering.xml", numbering(writer)),
        ("word/settings.xml", settings(writer)),
        ("word/footer1.xml", footer(writer, options)),
    ];
    for (name, text) in texts {
        zip.start_file(name, deflated)?;
        zip.write_all(text.as_bytes())?;
    }
    for (file, png) in &writer.media {
        // A PNG is compressed already.
        zip.start_file(format!("word/media/{file}"), stored)?;
        zip.write_all(png)?;
    }
    Ok(zip.finish()?.into_inner())
}

fn content_types() -> String {
    let main = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    format!(
        "{XML}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Default Extension=\"png\" ContentType=\"image/png\"/>\
         <Override PartName=\"/word/document.xml\" ContentType=\"{main}.document.main+xml\"/>\
         <Override PartName=\"/word/styles.xml\" ContentType=\"{main}.styles+xml\"/>\
         <Override PartName=\"/word/numbering.xml\" ContentType=\"{main}.numbering+xml\"/>\
         <Override PartName=\"/word/settings.xml\" ContentType=\"{main}.settings+xml\"/>\
         <Override PartName=\"/word/footer1.xml\" ContentType=\"{main}.footer+xml\"/>\
         <Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
         <Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>\
         </Types>"
    )
}

fn package_rels() -> String {
    format!(
        "{XML}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rId1\" Type=\"{R}/officeDocument\" Target=\"word/document.xml\"/>\
         <Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
         <Relationship Id=\"rId3\" Type=\"{R}/extended-properties\" Target=\"docProps/app.xml\"/>\
         </Relationships>"
    )
}

/// The document's properties: its title, subject, keywords, authors, language and date.
fn core(writer: &Writer<'_>, guide: &Guide, options: &Options, timestamp: i64) -> String {
    let meta = &guide.meta;
    let mut subject = meta.description.to_string();
    if let Some(org) = options.organization() {
        let provided = guide.labels.provided_by.fill(&[("organization", org)]);
        subject.push_str(&format!(" {provided}."));
    }
    let authors: Vec<&str> = meta.authors.iter().map(|a| a.as_str()).collect();
    let date = crate::time::iso(timestamp);
    format!(
        "{XML}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>{}</dc:creator>\
         <cp:keywords>{}</cp:keywords><dc:language>{}</dc:language>\
         <dcterms:created xsi:type=\"dcterms:W3CDTF\">{date}</dcterms:created>\
         <dcterms:modified xsi:type=\"dcterms:W3CDTF\">{date}</dcterms:modified>\
         </cp:coreProperties>",
        escape_as(&writer.doc.title, false),
        escape_as(&subject, false),
        escape_as(&authors.join("; "), false),
        escape_as(guide.labels.keywords.as_str(), false),
        escape_as(meta.language.as_str(), false),
    )
}

fn app() -> String {
    format!(
        "{XML}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
         <Application>mht-guide {}</Application></Properties>",
        env!("CARGO_PKG_VERSION")
    )
}

/// The document part: the body, then the page's size, margins and footer.
fn document(writer: &Writer<'_>, body: &str, options: &Options) -> String {
    let (width, height) = options.paper().mm();
    let (top, right, bottom, left) = MARGINS;
    format!(
        "{XML}<w:document xmlns:w=\"{W}\" xmlns:r=\"{R}\" xmlns:wp=\"{WP}\" xmlns:a=\"{A}\" \
         xmlns:pic=\"{PIC}\"><w:body>\n{body}<w:sectPr><w:footerReference w:type=\"default\" \
         r:id=\"rId4\"/><w:pgSz w:w=\"{}\" w:h=\"{}\"/><w:pgMar w:top=\"{}\" w:right=\"{}\" \
         w:bottom=\"{}\" w:left=\"{}\" w:header=\"567\" w:footer=\"454\" w:gutter=\"0\"/>{}\
         </w:sectPr></w:body></w:document>",
        twips(width),
        twips(height),
        twips(top),
        twips(right),
        twips(bottom),
        twips(left),
        if writer.rtl { "<w:bidi/>" } else { "" },
    )
}

fn document_rels(writer: &Writer<'_>) -> String {
    let mut out = format!(
        "{XML}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rId1\" Type=\"{R}/styles\" Target=\"styles.xml\"/>\
         <Relationship Id=\"rId2\" Type=\"{R}/numbering\" Target=\"numbering.xml\"/>\
         <Relationship Id=\"rId3\" Type=\"{R}/settings\" Target=\"settings.xml\"/>\
         <Relationship Id=\"rId4\" Type=\"{R}/footer\" Target=\"footer1.xml\"/>"
    );
    for rel in &writer.rels {
        let _ = write!(
            out,
            "<Relationship Id=\"{}\" Type=\"{}\" Target=\"{}\"{}/>",
            rel.id,
            rel.kind,
            escape_as(&rel.target, true),
            if rel.external {
                " TargetMode=\"External\""
            } else {
                ""
            }
        );
    }
    out.push_str("</Relationships>");
    out
}

/// The language attributes of text, as Word keeps them apart by script: Latin text in the
/// edition's language, or in US English (the names and addresses among them) when the
/// edition is written in East Asian or right-to-left script, which then has its own.
fn languages(writer: &Writer<'_>) -> String {
    let lang = writer.doc.language();
    let tag = escape_as(&super::word_language(lang.as_str()), true);
    match lang.primary() {
        "zh" | "ja" | "ko" => format!("w:val=\"en-US\" w:eastAsia=\"{tag}\""),
        _ if writer.rtl => format!("w:val=\"en-US\" w:bidi=\"{tag}\""),
        _ => format!("w:val=\"{tag}\""),
    }
}

/// Where a list item's text starts at `level`, in twips: its number or bullet hangs in the
/// half inch before.
pub(super) fn list_indent(level: usize) -> i64 {
    360 * (level as i64 + 1) + 360
}

/// The styles: the defaults (font, size, language), then Title, Subtitle, the headings with
/// their outline levels, Caption, List Paragraph, Footer, Hyperlink and the tables' style.
fn styles(writer: &Writer<'_>) -> String {
    let body = writer.half_points(10.0);
    let accent = &writer.accent;
    let size = |points: f64| writer.half_points(points);
    let east_asian = match writer.doc.language().primary() {
        "zh" => " w:eastAsia=\"Microsoft YaHei\"",
        _ => "",
    };
    let heading = |id: &str, name: &str, level: u8, points: f64, color: &str, before: u32| {
        let half = size(points);
        format!(
            "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>\
             <w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/>\
             <w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"{before}\" \
             w:after=\"80\"/><w:outlineLvl w:val=\"{level}\"/></w:pPr><w:rPr><w:b/><w:bCs/>\
             <w:color w:val=\"{color}\"/><w:sz w:val=\"{half}\"/><w:szCs w:val=\"{half}\"/>\
             </w:rPr></w:style>"
        )
    };
    format!(
        "{XML}<w:styles xmlns:w=\"{W}\"><w:docDefaults><w:rPrDefault><w:rPr>\
         <w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"{east_asian}/>\
         <w:sz w:val=\"{body}\"/><w:szCs w:val=\"{body}\"/><w:lang {lang}/></w:rPr>\
         </w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"276\" \
         w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>\
         <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>\
         <w:qFormat/></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/>\
         <w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr>\
         <w:spacing w:after=\"60\"/></w:pPr><w:rPr><w:b/><w:bCs/><w:color w:val=\"{accent}\"/>\
         <w:sz w:val=\"{title}\"/><w:szCs w:val=\"{title}\"/></w:rPr></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Subtitle\"><w:name w:val=\"Subtitle\"/>\
         <w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:rPr>\
         <w:color w:val=\"{MUTED}\"/><w:sz w:val=\"{subtitle}\"/><w:szCs w:val=\"{subtitle}\"/>\
         </w:rPr></w:style>\
         {h1}{h2}{h3}\
         <w:style w:type=\"paragraph\" w:styleId=\"Caption\"><w:name w:val=\"caption\"/>\
         <w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/>\
         <w:spacing w:before=\"160\" w:after=\"60\"/></w:pPr><w:rPr><w:b/><w:bCs/>\
         <w:sz w:val=\"{small}\"/><w:szCs w:val=\"{small}\"/></w:rPr></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"ListParagraph\"><w:name w:val=\"List Paragraph\"/>\
         <w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:after=\"60\"/>\
         <w:ind w:left=\"720\"/></w:pPr></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/>\
         <w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"0\"/></w:pPr><w:rPr>\
         <w:color w:val=\"5A5A5A\"/><w:sz w:val=\"{small}\"/><w:szCs w:val=\"{small}\"/></w:rPr></w:style>\
         <w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/>\
         <w:rPr><w:color w:val=\"{LINK}\"/><w:u w:val=\"single\"/></w:rPr></w:style>\
         <w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>\
         <w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>\
         <w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/>\
         <w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
         <w:style w:type=\"table\" w:styleId=\"GuideTable\"><w:name w:val=\"Guide Table\"/>\
         <w:basedOn w:val=\"TableNormal\"/><w:pPr><w:spacing w:before=\"40\" w:after=\"40\"/></w:pPr>\
         <w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"8\" w:color=\"{accent}\"/>\
         <w:bottom w:val=\"single\" w:sz=\"8\" w:color=\"{accent}\"/>\
         <w:insideH w:val=\"single\" w:sz=\"4\" w:color=\"BFBFBF\"/></w:tblBorders></w:tblPr>\
         <w:tblStylePr w:type=\"firstRow\"><w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr><w:tcBorders>\
         <w:bottom w:val=\"single\" w:sz=\"8\" w:color=\"{accent}\"/></w:tcBorders>\
         <w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"EEF2F5\"/></w:tcPr></w:tblStylePr>\
         </w:style></w:styles>",
        lang = languages(writer),
        title = size(24.0),
        subtitle = size(13.0),
        small = size(9.0),
        h1 = if writer.compact {
            heading("Heading1", "heading 1", 0, 12.0, accent, 160)
        } else {
            heading("Heading1", "heading 1", 0, 15.0, accent, 320)
        },
        h2 = heading("Heading2", "heading 2", 1, 12.0, "1D2327", 200),
        h3 = heading("Heading3", "heading 3", 2, 11.0, "1D2327", 160),
    )
}

/// Two list definitions, bullets and decimal numbers, on three levels; each list is an
/// instance of one, its numbers restarting where the list starts.
fn numbering(writer: &Writer<'_>) -> String {
    let mut out = format!("{XML}<w:numbering xmlns:w=\"{W}\">");
    // Word's nine levels, the bullets cycling.
    let bullets = ["\u{2022}", "\u{25e6}", "\u{25aa}"].repeat(3);
    for (id, ordered) in [(1, false), (2, true)] {
        let _ = write!(
            out,
            "<w:abstractNum w:abstractNumId=\"{id}\"><w:multiLevelType w:val=\"hybridMultilevel\"/>"
        );
        for (level, bullet) in bullets.iter().enumerate() {
            let (format, text) = if ordered {
                ("decimal", format!("%{}.", level + 1))
            } else {
                ("bullet", (*bullet).to_owned())
            };
            let left = list_indent(level);
            let _ = write!(
                out,
                "<w:lvl w:ilvl=\"{level}\"><w:start w:val=\"1\"/><w:numFmt w:val=\"{format}\"/>\
                 <w:lvlText w:val=\"{text}\"/><w:lvlJc w:val=\"left\"/><w:pPr>\
                 <w:ind w:left=\"{left}\" w:hanging=\"360\"/></w:pPr></w:lvl>"
            );
        }
        out.push_str("</w:abstractNum>");
    }
    for (i, list) in writer.lists.iter().enumerate() {
        let abstract_id = if list.ordered { 2 } else { 1 };
        // Each level starts again in each list: numbers never run on from another list.
        let _ = write!(
            out,
            "<w:num w:numId=\"{}\"><w:abstractNumId w:val=\"{abstract_id}\"/>",
            i + 1
        );
        for level in 0..9 {
            let start = if level == 0 { list.start } else { 1 };
            let _ = write!(
                out,
                "<w:lvlOverride w:ilvl=\"{level}\"><w:startOverride w:val=\"{start}\"/>\
                 </w:lvlOverride>"
            );
        }
        out.push_str("</w:num>");
    }
    out.push_str("</w:numbering>");
    out
}

fn settings(writer: &Writer<'_>) -> String {
    format!(
        "{XML}<w:settings xmlns:w=\"{W}\"><w:defaultTabStop w:val=\"720\"/>\
         <w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat>\
         <w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" \
         w:val=\"15\"/></w:compat><w:themeFontLang {}/></w:settings>",
        languages(writer)
    )
}

/// The footer: the title and the organization, the page number ("Page 2 of 5", its numbers
/// fields that Word fills in) at the right, and the contact line under them.
fn footer(writer: &Writer<'_>, options: &Options) -> String {
    let labels = writer.doc.labels;
    let mut left = writer.doc.meta.title.to_string();
    if let Some(org) = options.organization() {
        left = format!("{left} · {org}");
    }
    let right = twips(writer.text_width);
    let bidi = if writer.rtl { "<w:bidi/>" } else { "" };
    let mut out = format!(
        "{XML}<w:ftr xmlns:w=\"{W}\" xmlns:r=\"{R}\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/>\
         <w:pBdr><w:top w:val=\"single\" w:sz=\"4\" w:space=\"4\" w:color=\"BFBFBF\"/></w:pBdr>\
         <w:tabs><w:tab w:val=\"right\" w:pos=\"{right}\"/></w:tabs>{bidi}</w:pPr>{}\
         <w:r><w:tab/></w:r>",
        footer_run(&left, writer.rtl)
    );
    for piece in labels.page_of.pieces() {
        match piece {
            Piece::Placeholder("page") => out.push_str(&field("PAGE")),
            Piece::Placeholder("total") => out.push_str(&field("NUMPAGES")),
            Piece::Text(text) => out.push_str(&footer_run(text, writer.rtl)),
            _ => {}
        }
    }
    out.push_str("</w:p>");
    if let Some(contact) = options.contact() {
        let _ = write!(
            out,
            "<w:p><w:pPr><w:pStyle w:val=\"Footer\"/>{bidi}</w:pPr>{}</w:p>",
            footer_run(contact, writer.rtl)
        );
    }
    out.push_str("</w:ftr>");
    out
}

/// A run of the footer, marked right to left in a right-to-left edition, for Word to order
/// and shape it.
fn footer_run(text: &str, rtl: bool) -> String {
    let rtl = rtl && super::right_to_left(text);
    format!(
        "<w:r>{}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
        if rtl { "<w:rPr><w:rtl/></w:rPr>" } else { "" },
        escape_as(text, false)
    )
}

/// A field Word computes, such as the page number, with a placeholder shown until it does.
fn field(code: &str) -> String {
    format!(
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> \
         {code} </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r>\
         <w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
    )
}
