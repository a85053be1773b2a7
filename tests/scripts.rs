//! Handouts in every script: the fixture editions in `tests/fixtures/scripts` (Chinese in
//! both forms, Japanese, Korean, Hindi, Punjabi, Khmer, Armenian, Russian, Vietnamese) export
//! to PDF with the Noto fonts `bash .ci/test` installs. Every font is embedded and subset, no
//! glyph drawn is `.notdef`, the text reads back in its logical order, Chinese and Japanese
//! lines never start with closing punctuation, and Khmer lines break only between words.

use std::collections::BTreeMap;

use lopdf::{Document, Object, ObjectId};
use mht_guide::{EditionFolder, Guide};
use mht_guide_export::{Options, Preset, to_markdown, to_pdf};

use crate::util::fixtures;

/// The fixture editions written left to right.
pub(crate) const LEFT_TO_RIGHT: [&str; 10] = [
    "zh-hans", "zh-hant", "ja", "ko", "hi", "pa", "km", "hy", "ru", "vi",
];

/// The fixture editions written right to left.
pub(crate) const RIGHT_TO_LEFT: [&str; 3] = ["ar", "fa", "he"];

/// Every fixture edition.
fn every_edition() -> impl Iterator<Item = &'static str> {
    LEFT_TO_RIGHT.into_iter().chain(RIGHT_TO_LEFT)
}

/// A fixture edition of `tests/fixtures/scripts`, standing on the minimal fixture.
pub(crate) fn edition(name: &str) -> Guide {
    EditionFolder::new(fixtures().join("scripts").join(name))
        .bases_within(fixtures())
        .load()
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .guide
}

/// A copy of a script fixture edition and of the minimal fixture it stands on, side by side
/// in `dir` (the edition's folder named `to`), to be edited: its guide.toml is given `extra`
/// lines at the top. Returns the edition's folder.
pub(crate) fn fixture_copy(
    dir: &std::path::Path,
    name: &str,
    to: &str,
    extra: &str,
) -> std::path::PathBuf {
    let copy = |from: &std::path::Path, into: &std::path::Path| {
        std::fs::create_dir_all(into).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                std::fs::copy(&path, into.join(path.file_name().unwrap())).unwrap();
            }
        }
    };
    copy(&fixtures().join("minimal"), &dir.join("minimal"));
    let edition = dir.join(to);
    copy(&fixtures().join("scripts").join(name), &edition);
    let guide = std::fs::read_to_string(edition.join("guide.toml")).unwrap();
    let guide = guide.replace("base = \"../../minimal\"", "base = \"../minimal\"");
    assert!(guide.contains("base = \"../minimal\""));
    std::fs::write(edition.join("guide.toml"), format!("{extra}\n{guide}")).unwrap();
    edition
}

/// What a font resource of the file is: whether its program is embedded, its name carries
/// a subset tag, and, for each code, the glyph it draws.
struct FontInfo {
    name: String,
    embedded: bool,
    two_bytes: bool,
    /// The glyph of each code, when the codes are not the glyphs themselves.
    gids: Option<Vec<u16>>,
}

fn resolve<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    match object {
        Object::Reference(id) => doc.get_object(*id).unwrap(),
        other => other,
    }
}

fn font_info(doc: &Document, id: ObjectId) -> FontInfo {
    let font = doc.get_dictionary(id).unwrap();
    let name = String::from_utf8_lossy(font.get(b"BaseFont").unwrap().as_name().unwrap()).into();
    let two_bytes = matches!(font.get(b"Encoding"), Ok(Object::Name(n)) if n == b"Identity-H");
    let descendant = match resolve(doc, font.get(b"DescendantFonts").unwrap()) {
        Object::Array(a) => resolve(doc, &a[0]).as_dict().unwrap(),
        other => panic!("{name}: descendant fonts are {other:?}"),
    };
    let descriptor = resolve(doc, descendant.get(b"FontDescriptor").unwrap())
        .as_dict()
        .unwrap();
    let embedded = [b"FontFile2".as_slice(), b"FontFile3"]
        .iter()
        .any(|k| descriptor.get(k).is_ok());
    let gids = match descendant.get(b"CIDToGIDMap").map(|o| resolve(doc, o)) {
        Ok(Object::Stream(s)) => {
            let bytes = s
                .decompressed_content()
                .unwrap_or_else(|_| s.content.clone());
            Some(
                bytes
                    .chunks(2)
                    .map(|c| u16::from_be_bytes([c[0], c[1]]))
                    .collect(),
            )
        }
        _ => None,
    };
    FontInfo {
        name,
        embedded,
        two_bytes,
        gids,
    }
}

/// Every glyph each page draws, as (font name, glyph), read from the content streams.
fn glyphs_drawn(pdf: &[u8]) -> (Vec<FontInfo>, Vec<(String, u16)>) {
    let doc = Document::load_mem(pdf).unwrap();
    let mut infos: BTreeMap<ObjectId, usize> = BTreeMap::new();
    let mut fonts = Vec::new();
    let mut drawn = Vec::new();
    for (_, page) in doc.get_pages() {
        let resources: BTreeMap<Vec<u8>, ObjectId> = doc
            .get_page_fonts(page)
            .unwrap()
            .into_iter()
            .filter_map(|(name, dict)| {
                // get_page_fonts gives the dictionaries; find their objects again.
                doc.objects
                    .iter()
                    .find(|(_, o)| o.as_dict().ok() == Some(dict))
                    .map(|(id, _)| (name, *id))
            })
            .collect();
        let content = doc.get_and_decode_page_content(page).unwrap();
        let mut current: Option<usize> = None;
        for op in content.operations {
            match op.operator.as_str() {
                "Tf" => {
                    let name = op.operands[0].as_name().unwrap();
                    let id = resources[name];
                    let index = *infos.entry(id).or_insert_with(|| {
                        fonts.push(font_info(&doc, id));
                        fonts.len() - 1
                    });
                    current = Some(index);
                }
                "TJ" | "Tj" => {
                    let font = &fonts[current.expect("text before a font is set")];
                    let strings: Vec<&[u8]> = match &op.operands[0] {
                        Object::Array(items) => {
                            items.iter().filter_map(|i| i.as_str().ok()).collect()
                        }
                        Object::String(s, _) => vec![s.as_slice()],
                        _ => Vec::new(),
                    };
                    for s in strings {
                        let codes: Vec<u16> = if font.two_bytes {
                            s.chunks(2)
                                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                                .collect()
                        } else {
                            s.iter().map(|&b| u16::from(b)).collect()
                        };
                        for code in codes {
                            let gid = match &font.gids {
                                Some(map) => map[usize::from(code)],
                                None => code,
                            };
                            drawn.push((font.name.clone(), gid));
                        }
                    }
                }
                _ => {}
            }
        }
    }
    (fonts, drawn)
}

/// The failures of a handout's fonts: one not embedded, one not subset, a `.notdef` drawn.
fn font_failures(pdf: &[u8]) -> Vec<String> {
    let (fonts, drawn) = glyphs_drawn(pdf);
    let mut failures = Vec::new();
    for font in &fonts {
        if !font.embedded {
            failures.push(format!("{} is not embedded", font.name));
        }
        let tagged = font.name.len() > 7
            && font.name.as_bytes()[6] == b'+'
            && font.name[..6].bytes().all(|b| b.is_ascii_uppercase());
        if !tagged {
            failures.push(format!("{} is not a subset", font.name));
        }
    }
    let notdef = drawn.iter().filter(|(_, gid)| *gid == 0).count();
    if notdef > 0 {
        let first = drawn.iter().find(|(_, g)| *g == 0).unwrap();
        failures.push(format!(
            "{notdef} .notdef glyphs drawn, the first in {}",
            first.0
        ));
    }
    if drawn.is_empty() {
        failures.push("no glyph drawn".into());
    }
    failures
}

#[test]
#[cfg_attr(
    missing = "noto-fonts",
    ignore = "needs the Noto fonts (fonts-noto-core, fonts-noto-cjk), which `bash .ci/test` installs"
)]
fn every_script_exports_with_its_fonts_embedded_and_no_notdef() {
    for name in every_edition() {
        let pdf = to_pdf(&edition(name), &Options::new()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let failures = font_failures(&pdf);
        assert!(failures.is_empty(), "{name}: {failures:?}");
        let findings = crate::pdf_ua::check(&pdf);
        assert!(
            findings.failures.is_empty(),
            "{name}: {:?}",
            findings.failures
        );
    }
}

/// The fixture editions that print with the fonts compiled in, and the faces they draw with
/// beside Liberation Sans: the languages of the built-in editions, and the others Liberation
/// Sans covers.
const PRINT_ANYWHERE: [(&str, &[&str]); 6] = [
    ("zh-hans", &["NotoSansCJKsc-Bold", "NotoSansCJKsc-Regular"]),
    ("ar", &["NotoSansArabic-Bold", "NotoSansArabic-Regular"]),
    ("fa", &["NotoSansArabic-Bold", "NotoSansArabic-Regular"]),
    ("vi", &[]),
    ("ru", &[]),
    ("he", &[]),
];

#[test]
fn built_in_editions_and_chinese_arabic_and_vietnamese_print_with_no_fonts_installed() {
    let mut options = Options::new();
    options.set_system_fonts(false);
    for (name, faces) in PRINT_ANYWHERE {
        let guide = edition(name);
        let pdf = to_pdf(&guide, &options).unwrap_or_else(|e| panic!("{name}: {e}"));
        let failures = font_failures(&pdf);
        assert!(failures.is_empty(), "{name}: {failures:?}");
        let (fonts, _) = glyphs_drawn(&pdf);
        let mut names: Vec<&str> = fonts
            .iter()
            .filter_map(|f| f.name.get(7..))
            .filter(|n| !n.starts_with("LiberationSans"))
            .collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names, faces.to_vec(), "{name}");
        let findings = crate::pdf_ua::check(&pdf);
        assert!(
            findings.failures.is_empty(),
            "{name}: {:?}",
            findings.failures
        );
        let source = letters(&definition_body(&guide));
        assert!(letters(&findings.text).contains(&source), "{name}");
    }
    // Every built-in edition, in every preset.
    for built_in in mht_guide::BUILT_IN {
        for preset in [Preset::Full, Preset::FactSheet, Preset::Faq] {
            let pdf = to_pdf(built_in.guide(), &options.clone().with_preset(preset))
                .unwrap_or_else(|e| panic!("{} {preset:?}: {e}", built_in.name));
            let failures = font_failures(&pdf);
            assert!(failures.is_empty(), "{}: {failures:?}", built_in.name);
        }
    }
    // Japanese is not drawn with the Chinese faces: its own forms, or a clear refusal.
    let refused = to_pdf(&edition("ja"), &options).unwrap_err().to_string();
    assert!(refused.contains("the Hiragana script"), "{refused}");
}

#[test]
fn the_font_check_finds_a_notdef_glyph() {
    let pdf = to_pdf(&crate::util::minimal(), &Options::new()).unwrap();
    assert_eq!(font_failures(&pdf), Vec::<String>::new());
    // The first glyph of the first text operation becomes glyph 0.
    let mut doc = Document::load_mem(&pdf).unwrap();
    let page = *doc.get_pages().values().next().unwrap();
    let mut content = doc.get_and_decode_page_content(page).unwrap();
    let op = content
        .operations
        .iter_mut()
        .find(|o| o.operator == "TJ")
        .unwrap();
    if let Object::Array(items) = &mut op.operands[0]
        && let Some(Object::String(s, _)) = items.iter_mut().find(|i| i.as_str().is_ok())
    {
        s.iter_mut().for_each(|b| *b = 0);
    }
    doc.change_page_content(page, content.encode().unwrap())
        .unwrap();
    let mut broken = Vec::new();
    doc.save_to(&mut broken).unwrap();
    let failures = font_failures(&broken);
    assert!(
        failures.iter().any(|f| f.contains(".notdef")),
        "{failures:?}"
    );
}

/// What pdftotext reads from a handout.
fn pdftotext(tools: &crate::pdf::Tools, pdf: &[u8]) -> String {
    let dir = crate::util::tempdir();
    let file = crate::pdf::write(dir.path(), pdf);
    crate::pdf::output(&tools.pdftotext, &[&file, "-"])
}

/// poppler's reading of a handout's structure tree (`pdfinfo -struct-text`), without its
/// first line, which holds the title's raw bytes (not UTF-8 for every script), and with each
/// annotation named for what it is: its object number changes with any change to the file.
fn poppler_structure(tools: &crate::pdf::Tools, pdf: &[u8]) -> String {
    let dir = crate::util::tempdir();
    let file = crate::pdf::write(dir.path(), pdf);
    let out = std::process::Command::new(&tools.pdfinfo)
        .args(["-struct-text", &file])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip(1)
        .map(|l| match l.trim_start().strip_prefix("Object ") {
            Some(_) => format!("{}Object (link)", &l[..l.len() - l.trim_start().len()]),
            None => l.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Letters, digits and marks only, in order: what reading the text must give back, whatever
/// the spacing and line breaks, and without the direction marks pdftotext adds around
/// right-to-left and left-to-right runs.
fn letters(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !c.is_ascii_punctuation() && *c != '\u{ad}')
        .filter(|c| !matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The body paragraph of the definition section, as the Markdown export has it, up to its
/// first citation.
fn definition_body(guide: &Guide) -> String {
    // The first citation reads `[1]`, or `[۱]`, `[១]` in an edition's own digits.
    definition_paragraph(guide)
        .split('[')
        .next()
        .unwrap_or("")
        .to_owned()
}

/// The first paragraph under the definition section's heading in the Markdown export, its
/// line breaks as spaces.
fn definition_paragraph(guide: &Guide) -> String {
    let options = Options::new().with_sections("definition".parse().unwrap());
    let md = to_markdown(guide, &options);
    let arena = comrak::Arena::new();
    let root = comrak::parse_document(&arena, &md, &mht_guide_export::markdown_options());
    let title = guide.labels.section_definition.as_str();
    let mut out = String::new();
    let mut under = false;
    for node in root.descendants() {
        match &node.data().value {
            comrak::nodes::NodeValue::Heading(h) if h.level == 2 => {
                let text: String = node
                    .descendants()
                    .filter_map(|n| match &n.data().value {
                        comrak::nodes::NodeValue::Text(t) => Some(t.to_string()),
                        _ => None,
                    })
                    .collect();
                under = text.contains(title);
            }
            comrak::nodes::NodeValue::Paragraph if under => {
                for n in node.descendants() {
                    match &n.data().value {
                        comrak::nodes::NodeValue::Text(t) => out.push_str(t),
                        comrak::nodes::NodeValue::Code(c) => out.push_str(&c.literal),
                        comrak::nodes::NodeValue::SoftBreak => out.push(' '),
                        _ => {}
                    }
                }
                break;
            }
            _ => {}
        }
    }
    out
}

#[test]
#[cfg_attr(
    missing = "noto-fonts",
    ignore = "needs the Noto fonts (fonts-noto-core, fonts-noto-cjk), which `bash .ci/test` installs"
)]
#[cfg_attr(
    missing = "pdf-tools",
    ignore = "needs qpdf with poppler-utils, which `bash .ci/test` installs"
)]
fn every_script_reads_back_in_logical_order() {
    let tools = crate::pdf::tools().unwrap();
    for name in every_edition() {
        let guide = edition(name);
        let options = Options::new().with_sections("definition".parse().unwrap());
        let pdf = to_pdf(&guide, &options).unwrap();
        let source = letters(&definition_body(&guide));
        assert!(source.chars().count() > 40, "{name}: {source}");
        // The structure tree as this suite reads it and as poppler does: what a screen reader
        // gets. poppler reads the glyphs' own mappings, not /ActualText: a glyph that stands
        // for no character of its own (the second of two glyphs of one character) maps to a
        // word joiner, since every code must map to something (PDF/UA), and is dropped here;
        // every other character must be there, in order.
        let mut reads = vec![
            (
                "the structure tree",
                letters(&crate::pdf_ua::check(&pdf).text),
            ),
            (
                "poppler's structure text",
                letters(&poppler_structure(&tools, &pdf)).replace('\u{2060}', ""),
            ),
        ];
        // pdftotext orders text by where it lies on the page, and turns every glyph that
        // stands for several right-to-left characters around (its rule for PDFs that draw
        // right-to-left text backwards); the Arabic script's lam-alef ligatures, drawn in
        // reading order, then read as alef-lam. So it is held to the reading order in every
        // script but Arabic's.
        if !matches!(name, "ar" | "fa") {
            reads.push(("pdftotext", letters(&pdftotext(&tools, &pdf))));
        }
        for (how, text) in reads {
            assert!(
                text.contains(&source),
                "{name}: {how} does not read the body in order.\n  body: {source}\n  read: {text}"
            );
        }
    }
}

/// Closing punctuation that Chinese and Japanese print never starts a line with.
const NO_LINE_START: &str = "，。、；：？！）」』】〉》〕］｝";
/// Opening punctuation they never end a line with.
const NO_LINE_END: &str = "（「『【〈《〔［｛";

/// The lines of a handout that break the Chinese and Japanese punctuation rules.
fn punctuation_failures(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| {
            l.chars().next().is_some_and(|c| NO_LINE_START.contains(c))
                || l.chars().last().is_some_and(|c| NO_LINE_END.contains(c))
        })
        .map(str::to_owned)
        .collect()
}

#[test]
#[cfg_attr(
    missing = "noto-fonts",
    ignore = "needs the Noto fonts (fonts-noto-core, fonts-noto-cjk), which `bash .ci/test` installs"
)]
#[cfg_attr(
    missing = "pdf-tools",
    ignore = "needs qpdf with poppler-utils, which `bash .ci/test` installs"
)]
fn chinese_and_japanese_lines_keep_their_punctuation_rules() {
    let tools = crate::pdf::tools().unwrap();
    for name in ["zh-hans", "zh-hant", "ja"] {
        let pdf = to_pdf(&edition(name), &Options::new()).unwrap();
        let text = pdftotext(&tools, &pdf);
        let lines = text.lines().filter(|l| l.chars().count() > 20).count();
        assert!(lines > 20, "{name}: too few full lines to judge");
        let failures = punctuation_failures(&text);
        assert!(failures.is_empty(), "{name}: {failures:#?}");
    }
    // The check itself sees a line that starts with a full stop or ends with a bracket.
    assert_eq!(punctuation_failures("技术员\n。他们"), vec!["。他们"]);
    assert_eq!(punctuation_failures("技术员（\n助理）"), vec!["技术员（"]);
}

/// The line ends of a paragraph, read back line by line, that are neither at a space nor a
/// break opportunity of the segmenter's Khmer dictionary.
fn khmer_failures(paragraph: &str, lines: &[&str]) -> Vec<String> {
    let breaks: Vec<usize> = icu_segmenter::LineSegmenter::new_dictionary(Default::default())
        .segment_str(paragraph)
        .collect();
    let mut failures = Vec::new();
    let mut at = 0;
    for line in &lines[..lines.len().saturating_sub(1)] {
        let line = line.trim();
        match paragraph[at..].find(line) {
            Some(i) if paragraph[at..at + i].trim().is_empty() => at += i + line.len(),
            _ => {
                failures.push(format!("a line that is not the paragraph's next: {line}"));
                break;
            }
        }
        if paragraph[at..].starts_with(char::is_whitespace) || breaks.contains(&at) {
            continue;
        }
        let from = paragraph[..at]
            .char_indices()
            .rev()
            .nth(8)
            .map_or(0, |(i, _)| i);
        let to = paragraph[at..]
            .char_indices()
            .nth(8)
            .map_or(paragraph.len(), |(i, _)| at + i);
        failures.push(format!("{} | {}", &paragraph[from..at], &paragraph[at..to]));
    }
    failures
}

#[test]
#[cfg_attr(
    missing = "noto-fonts",
    ignore = "needs the Noto fonts (fonts-noto-core, fonts-noto-cjk), which `bash .ci/test` installs"
)]
#[cfg_attr(
    missing = "pdf-tools",
    ignore = "needs qpdf with poppler-utils, which `bash .ci/test` installs"
)]
fn khmer_lines_break_between_words() {
    let tools = crate::pdf::tools().unwrap();
    let guide = edition("km");
    let options = Options::new().with_sections("definition".parse().unwrap());
    let pdf = to_pdf(&guide, &options).unwrap();
    let text = pdftotext(&tools, &pdf);
    // The body paragraph: the lines from the one that starts it to the blank line after.
    // The PDF draws a no-break space as a space.
    let paragraph = definition_paragraph(&guide).replace('\u{a0}', " ");
    let start: String = paragraph.chars().take(6).collect();
    let lines: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with(&start))
        .take_while(|l| !l.trim().is_empty())
        .collect();
    assert!(lines.len() >= 3, "{text}");
    let failures = khmer_failures(&paragraph, &lines);
    assert!(failures.is_empty(), "{failures:#?}");
    // The check itself sees a line cut inside a word: the first place that is no break.
    let breaks: Vec<usize> = icu_segmenter::LineSegmenter::new_dictionary(Default::default())
        .segment_str(&paragraph)
        .collect();
    let cut = paragraph
        .char_indices()
        .map(|(i, _)| i)
        .find(|&i| i > 0 && !breaks.contains(&i) && !paragraph[i..].starts_with(' '))
        .unwrap();
    let failures = khmer_failures(&paragraph, &[&paragraph[..cut], &paragraph[cut..]]);
    assert_eq!(failures.len(), 1, "{failures:?}");
}

#[test]
#[cfg_attr(
    missing = "noto-fonts",
    ignore = "needs the Noto fonts (fonts-noto-core, fonts-noto-cjk), which `bash .ci/test` installs"
)]
#[cfg_attr(
    missing = "pdf-tools",
    ignore = "needs qpdf with poppler-utils, which `bash .ci/test` installs"
)]
fn each_script_reads_as_reviewed() {
    let tools = crate::pdf::tools().unwrap();
    for name in every_edition() {
        let options = Options::new().with_sections("definition".parse().unwrap());
        let pdf = to_pdf(&edition(name), &options).unwrap();
        let text = pdftotext(&tools, &pdf);
        let tree = poppler_structure(&tools, &pdf);
        insta::assert_snapshot!(
            format!("reader_view_{name}"),
            format!(
                "{}\n\n--- the structure tree, as poppler reads it\n{tree}",
                text.trim()
            )
        );
    }
}

/// The baseline height and the left and right edges of each line of text on the first page,
/// in points, as `pdftotext -bbox-layout` finds them: the pieces it finds at one height are
/// one line.
fn line_edges(tools: &crate::pdf::Tools, pdf: &[u8]) -> Vec<(f64, f64, f64)> {
    let dir = crate::util::tempdir();
    let file = crate::pdf::write(dir.path(), pdf);
    let out = dir.path().join("bbox.html");
    let out = out.to_str().unwrap();
    crate::pdf::output(
        &tools.pdftotext,
        &["-bbox-layout", "-f", "1", "-l", "1", &file, out],
    );
    let html = std::fs::read_to_string(out).unwrap();
    let attr = |tag: &str, name: &str| -> f64 {
        let at = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[at..].split('"').next().unwrap().parse().unwrap()
    };
    // By the line's height on the page, in tenths of a point.
    let mut lines: BTreeMap<i64, (f64, f64)> = BTreeMap::new();
    for tag in html.split('<').skip(1).filter(|t| t.starts_with("line ")) {
        let y = (attr(tag, "yMax") * 10.0).round() as i64;
        let (min, max) = (attr(tag, "xMin"), attr(tag, "xMax"));
        let edges = lines.entry(y).or_insert((min, max));
        *edges = (edges.0.min(min), edges.1.max(max));
    }
    lines
        .into_iter()
        .map(|(y, (min, max))| (y as f64 / 10.0, min, max))
        .collect()
}

/// Whether the lines of the page's longest paragraph end at one right edge, within 4 points:
/// the longest run of lines wider than half the column, one under the next.
fn aligned_right(lines: &[(f64, f64, f64)]) -> bool {
    let mut best: Vec<f64> = Vec::new();
    let mut run: Vec<f64> = Vec::new();
    let mut last_y = f64::MIN;
    for &(y, min, max) in lines {
        let wide = max - min > 250.0;
        if wide && y - last_y < 20.0 {
            run.push(max);
        } else {
            run = if wide { vec![max] } else { Vec::new() };
        }
        if run.len() > best.len() {
            best = run.clone();
        }
        last_y = y;
    }
    assert!(best.len() >= 3, "{lines:?}");
    let max = best.iter().copied().fold(f64::MIN, f64::max);
    let min = best.iter().copied().fold(f64::MAX, f64::min);
    max - min < 4.0
}

#[test]
#[cfg_attr(
    missing = "noto-fonts",
    ignore = "needs the Noto fonts (fonts-noto-core, fonts-noto-cjk), which `bash .ci/test` installs"
)]
#[cfg_attr(
    missing = "pdf-tools",
    ignore = "needs qpdf with poppler-utils, which `bash .ci/test` installs"
)]
fn right_to_left_lines_end_at_the_right_margin() {
    let tools = crate::pdf::tools().unwrap();
    let options = Options::new().with_sections("definition".parse().unwrap());
    for name in RIGHT_TO_LEFT {
        let pdf = to_pdf(&edition(name), &options).unwrap();
        assert!(aligned_right(&line_edges(&tools, &pdf)), "{name}");
    }
    // The check sees a paragraph set left to right: its lines start together, and end apart.
    let pdf = to_pdf(&edition("ru"), &options).unwrap();
    assert!(!aligned_right(&line_edges(&tools, &pdf)));
}

/// What each font of a handout's maps its codes to, by the font's name.
fn font_texts(pdf: &[u8]) -> Vec<(String, Vec<String>)> {
    let doc = Document::load_mem(pdf).unwrap();
    let mut out = Vec::new();
    for object in doc.objects.values() {
        let Ok(font) = object.as_dict() else { continue };
        if font.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Type0".as_slice()) {
            continue;
        }
        let name = String::from_utf8_lossy(font.get(b"BaseFont").unwrap().as_name().unwrap());
        let Ok(Object::Stream(cmap)) = font.get(b"ToUnicode").map(|o| resolve(&doc, o)) else {
            continue;
        };
        let bytes = cmap
            .decompressed_content()
            .unwrap_or_else(|_| cmap.content.clone());
        let map = crate::pdf_ua::parse_to_unicode(&String::from_utf8_lossy(&bytes)).map;
        out.push((name.into_owned(), map.into_values().collect()));
    }
    out
}

/// What shaping leaves in a font's map from codes to text: how many codes stand for a cluster
/// of several characters (a conjunct, a consonant with its vowel sign), and how many
/// characters several codes stand for (a letter's initial, medial and final forms). Text
/// drawn a character to a glyph has neither.
fn shaping_evidence(texts: &[String]) -> (usize, usize) {
    let clusters = texts.iter().filter(|t| t.chars().count() > 1).count();
    let mut by_text: BTreeMap<&str, usize> = BTreeMap::new();
    for t in texts.iter().filter(|t| t.chars().count() == 1) {
        *by_text.entry(t).or_default() += 1;
    }
    let forms = by_text.values().filter(|&&n| n > 1).count();
    (clusters, forms)
}

#[test]
#[cfg_attr(
    missing = "noto-fonts",
    ignore = "needs the Noto fonts (fonts-noto-core, fonts-noto-cjk), which `bash .ci/test` installs"
)]
fn complex_scripts_are_shaped() {
    let options = Options::new().with_sections("definition".parse().unwrap());
    // Devanagari, Gurmukhi and Khmer: glyphs that stand for clusters (conjuncts, subscripts).
    for (name, family) in [("hi", "Devanagari"), ("pa", "Gurmukhi"), ("km", "Khmer")] {
        let fonts = font_texts(&to_pdf(&edition(name), &options).unwrap());
        let (_, texts) = fonts.iter().find(|(n, _)| n.contains(family)).unwrap();
        let (clusters, _) = shaping_evidence(texts);
        assert!(
            clusters >= 3,
            "{name}: {clusters} glyphs stand for clusters"
        );
    }
    // Arabic and Persian: a letter drawn in several joined forms.
    for name in ["ar", "fa"] {
        let fonts = font_texts(&to_pdf(&edition(name), &options).unwrap());
        let (_, texts) = fonts.iter().find(|(n, _)| n.contains("Arabic")).unwrap();
        let (_, forms) = shaping_evidence(texts);
        assert!(forms >= 5, "{name}: {forms} letters in more than one form");
    }
    // The check sees text drawn a character to a glyph, as with shaping switched off: one
    // code for each character, standing for that character alone.
    let unshaped: std::collections::BTreeSet<String> =
        "मानसिक स्वास्थ्य بيت بيت".chars().map(String::from).collect();
    let unshaped: Vec<String> = unshaped.into_iter().collect();
    assert_eq!(shaping_evidence(&unshaped), (0, 0));
}
