//! PDF handouts, checked through what a reader sees: poppler's text, page sizes and fonts, and
//! qpdf's outline and structure check.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use comrak::nodes::NodeValue;
use mht_guide::Guide;
use mht_guide_export::{ExportError, Options, Paper, Preset, Selection, to_markdown, to_pdf};

use crate::util::{fixtures, run, tempdir, transcript, validator};

/// The poppler and qpdf programs, or `None` (with a loud warning; a failure under CI).
pub(crate) struct Tools {
    pub(crate) pdftotext: PathBuf,
    pub(crate) pdfinfo: PathBuf,
    pdffonts: PathBuf,
    pub(crate) qpdf: PathBuf,
}

pub(crate) fn tools() -> Option<Tools> {
    Some(Tools {
        pdftotext: validator("pdftotext", "PDFTOTEXT", "-v")?,
        pdfinfo: validator("pdfinfo", "PDFINFO", "-v")?,
        pdffonts: validator("pdffonts", "PDFFONTS", "-v")?,
        qpdf: validator("qpdf", "QPDF", "--version")?,
    })
}

pub(crate) fn output(program: &Path, args: &[&str]) -> String {
    let out = Command::new(program).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{} {args:?}: {}",
        program.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    // poppler writes some lines (a document's title) in Latin-1, the rest in UTF-8.
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub(crate) fn write(dir: &Path, bytes: &[u8]) -> String {
    let path = dir.join("handout.pdf");
    fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_owned()
}

/// The text of each page, as poppler extracts it.
pub(crate) fn page_texts(tools: &Tools, file: &str) -> Vec<String> {
    texts_of_pages(tools, file, &[])
}

/// The text of each page, with more pdftotext options.
fn texts_of_pages(tools: &Tools, file: &str, options: &[&str]) -> Vec<String> {
    let args: Vec<&str> = options
        .iter()
        .copied()
        .chain(["-enc", "UTF-8", file, "-"])
        .collect();
    let text = output(&tools.pdftotext, &args);
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// The outline titles, indented by level, from qpdf.
fn outline(tools: &Tools, file: &str) -> Vec<String> {
    fn walk(items: &serde_json::Value, depth: usize, out: &mut Vec<String>) {
        for item in items.as_array().into_iter().flatten() {
            let title = item["title"].as_str().unwrap_or("?");
            out.push(format!("{}{title}", "  ".repeat(depth)));
            walk(&item["kids"], depth + 1, out);
        }
    }
    let json = output(&tools.qpdf, &["--json", "--json-key=outlines", file]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mut out = Vec::new();
    walk(&json["outlines"], 0, &mut out);
    out
}

/// What a reader sees: page count and size, fonts, outline, and each page's text.
pub(crate) fn reader_view(tools: &Tools, bytes: &[u8]) -> String {
    let dir = tempdir();
    let file = write(dir.path(), bytes);
    let info = output(&tools.pdfinfo, &[&file]);
    let keep = |key: &str| {
        info.lines()
            .find(|l| l.starts_with(key))
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default()
    };
    let fonts = output(&tools.pdffonts, &[&file]);
    let fonts: Vec<String> = fonts
        .lines()
        .skip(2)
        .map(|l| l.split_whitespace().take(6).collect::<Vec<_>>().join(" "))
        // The subset tag is a hash of the subset's bytes; the font is the name after it.
        .map(|l| match l.split_once('+') {
            Some((tag, rest)) if tag.len() == 6 && tag.bytes().all(|b| b.is_ascii_uppercase()) => {
                format!("(subset)+{rest}")
            }
            _ => l,
        })
        .collect();
    let mut view = format!(
        "{}\n{}\n{}\nfonts:\n  {}\noutline:\n",
        keep("Pages:"),
        keep("Page size:"),
        keep("Title:"),
        fonts.join("\n  ")
    );
    for line in outline(tools, &file) {
        view.push_str(&format!("  {line}\n"));
    }
    for (i, text) in page_texts(tools, &file).iter().enumerate() {
        view.push_str(&format!("--- page {}\n{}\n", i + 1, text.trim_end()));
    }
    view
}

/// `qpdf --check` on a file: `Err` with qpdf's exit code and everything it printed, warnings
/// (standard error) included, unless it exits 0 and finds no errors, or its only warnings are
/// its false alarm on whole Flate streams ([`whole_streams_only`]). A file that fails is kept
/// in `target/qpdf-failures/` under its SHA-256, so that a failure seen once can be studied.
pub(crate) fn qpdf_report(qpdf: &Path, bytes: &[u8]) -> Result<(), String> {
    let dir = tempdir();
    let file = write(dir.path(), bytes);
    let out = Command::new(qpdf)
        .args(["--check", &file])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    if out.status.success() && stdout.contains("No syntax or stream encoding errors found") {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    if out.status.code() == Some(3) && whole_streams_only(bytes, &file, &stderr) {
        return Ok(());
    }
    let kept = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/qpdf-failures");
    std::fs::create_dir_all(&kept).unwrap();
    let name = kept.join(format!("{}.pdf", crate::util::sha256_hex(bytes)));
    std::fs::write(&name, bytes).unwrap();
    Err(format!(
        "qpdf --check exited with {} on {}:\n{stdout}{}",
        out.status,
        name.display(),
        stderr
    ))
}

/// What qpdf says when zlib reports `Z_BUF_ERROR` while it inflates a stream.
const BUFFER_WARNING: &str = "input stream is complete but output may still be valid";

/// Whether every warning qpdf gave is [`BUFFER_WARNING`] about a stream that is in fact whole.
///
/// qpdf reads a stream 10,240 bytes at a time into an inflater with a 64 KiB output buffer.
/// When a piece of input inflates to exactly fill that buffer, qpdf calls zlib once more with
/// nothing to do, zlib answers `Z_BUF_ERROR`, and qpdf warns as if the stream were cut short
/// (its source calls this a boundary condition). Whether it happens depends only on where the
/// compressed bytes fall: about one of our PDFs in a few thousand. A stream that is really cut
/// short gets the same warning, so each stream named is inflated here, strictly: it must end,
/// checksum and all, exactly at its `/Length`.
fn whole_streams_only(pdf: &[u8], file: &str, stderr: &str) -> bool {
    let mut any = false;
    for line in stderr.lines() {
        if line == "qpdf: operation succeeded with warnings" {
            continue;
        }
        let Some(offset) = line
            .strip_prefix(&format!("WARNING: {file} (offset "))
            .and_then(|rest| rest.strip_suffix(&format!("): {BUFFER_WARNING}")))
            .and_then(|n| n.parse::<usize>().ok())
        else {
            return false;
        };
        if !inflates_whole(pdf, offset) {
            return false;
        }
        any = true;
    }
    any
}

/// Whether the Flate stream whose data starts at `offset` inflates to its end, using every byte
/// of its `/Length` and no more.
fn inflates_whole(pdf: &[u8], offset: usize) -> bool {
    let Some(head) = pdf.get(..offset) else {
        return false;
    };
    if !head.ends_with(b"stream\n") && !head.ends_with(b"stream\r\n") {
        return false;
    }
    // The stream's dictionary: from its `obj` to its `stream`.
    let start = head.windows(4).rposition(|w| w == b"obj\n").unwrap_or(0);
    let dict = String::from_utf8_lossy(&head[start..]);
    let Some(length) = dict
        .split("/Length ")
        .nth(1)
        .and_then(|s| s.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse::<usize>().ok())
    else {
        return false;
    };
    let Some(data) = pdf.get(offset..offset + length) else {
        return false;
    };
    let mut inflater = flate2::Decompress::new(true);
    let mut out = Vec::with_capacity(length * 8);
    loop {
        let used = inflater.total_in() as usize;
        match inflater.decompress_vec(&data[used..], &mut out, flate2::FlushDecompress::Finish) {
            Ok(flate2::Status::StreamEnd) => return inflater.total_in() as usize == length,
            Ok(_) if out.len() == out.capacity() => out.reserve(out.capacity()),
            Ok(_) | Err(_) => return false,
        }
    }
}

pub(crate) fn qpdf_check(tools: &Tools, bytes: &[u8]) {
    if let Err(report) = qpdf_report(&tools.qpdf, bytes) {
        panic!("{report}");
    }
}

fn guide() -> &'static Guide {
    mht_guide::guide()
}

fn branded() -> Options {
    let mut options = Options::new().with_preset(Preset::FactSheet);
    options
        .set_organization(mht_guide::Text::parse("Riverside Community College").unwrap())
        .set_contact(
            mht_guide::Text::parse("Career Center · 555-0100 · careers.example.edu").unwrap(),
        );
    options
}

fn a4() -> Options {
    let mut options = Options::new();
    options.set_paper(Paper::A4);
    options
}

#[test]
#[cfg_attr(
    missing = "pdf-tools",
    ignore = "needs qpdf with poppler-utils, which `bash .ci/test` installs"
)]
fn full_guide() {
    let Some(tools) = tools() else { return };
    insta::assert_snapshot!(reader_view(
        &tools,
        &to_pdf(guide(), &Options::new()).unwrap()
    ));
}

#[test]
#[cfg_attr(
    missing = "pdf-tools",
    ignore = "needs qpdf with poppler-utils, which `bash .ci/test` installs"
)]
fn two_sections() {
    let Some(tools) = tools() else { return };
    let options = Options::new().with_sections("definition,salary-outlook".parse().unwrap());
    insta::assert_snapshot!(reader_view(&tools, &to_pdf(guide(), &options).unwrap()));
}

#[test]
#[cfg_attr(
    missing = "pdf-tools",
    ignore = "needs qpdf with poppler-utils, which `bash .ci/test` installs"
)]
fn fact_sheet_fits_on_one_sheet() {
    let Some(tools) = tools() else { return };
    let view = reader_view(&tools, &to_pdf(guide(), &branded()).unwrap());
    assert!(
        view.starts_with("Pages: 1\n") || view.starts_with("Pages: 2\n"),
        "{view}"
    );
    insta::assert_snapshot!(view);
}

#[test]
#[cfg_attr(
    missing = "pdf-tools",
    ignore = "needs qpdf with poppler-utils, which `bash .ci/test` installs"
)]
fn a4_paper() {
    // The shape of an A4 handout, on the small fixture edition; the real guide's A4 file is
    // checked by qpdf and the paper-size test.
    let Some(tools) = tools() else { return };
    let guide = crate::util::minimal();
    insta::assert_snapshot!(reader_view(&tools, &to_pdf(&guide, &a4()).unwrap()));
}

#[test]
#[cfg_attr(
    missing = "pdf-tools",
    ignore = "needs qpdf with poppler-utils, which `bash .ci/test` installs"
)]
fn a_qpdf_warning_fails_with_what_qpdf_said_and_the_file_kept() {
    let Some(tools) = tools() else { return };
    let mut pdf = to_pdf(guide(), &Options::new().with_preset(Preset::Faq)).unwrap();
    assert_eq!(qpdf_report(&tools.qpdf, &pdf), Ok(()));
    // A stream one byte longer than its `/Length` says: qpdf recovers it, warns, and exits 3.
    let at = pdf.windows(8).position(|w| w == b"/Length ").unwrap() + 8;
    let digits = pdf[at..].iter().take_while(|b| b.is_ascii_digit()).count();
    let length: usize = std::str::from_utf8(&pdf[at..at + digits])
        .unwrap()
        .parse()
        .unwrap();
    let shorter = format!("{:0digits$}", length - 1);
    pdf.splice(at..at + digits, shorter.bytes());
    let report = qpdf_report(&tools.qpdf, &pdf).unwrap_err();
    assert!(report.contains("exit status: 3"), "{report}");
    assert!(
        report.contains("WARNING"),
        "qpdf's warnings are not in the report: {report}"
    );
    let kept = report
        .split(" on ")
        .nth(1)
        .unwrap()
        .split(":\n")
        .next()
        .unwrap();
    assert_eq!(fs::read(kept).unwrap(), pdf, "the failing file is not kept");
}

/// A one-page PDF whose content stream (spaces, compressed) makes qpdf's inflater fill its
/// 64 KiB buffer exactly at the end of its first 10,240-byte read; `cut` drops the stream's
/// last block and checksum, as a truncated file would.
fn boundary_pdf(cut: bool) -> Vec<u8> {
    use flate2::{Compress, Compression, FlushCompress};
    let compressed = |n: usize| {
        let mut deflate = Compress::new(Compression::best(), true);
        let mut out = Vec::with_capacity(n);
        deflate
            .compress_vec(&vec![b' '; n], &mut out, FlushCompress::Sync)
            .unwrap();
        out
    };
    // `spaces` from the compressed part, then a stored block: after 10,240 bytes of input,
    // spaces + (10,240 − head − 5) bytes are out, and that must be 65,536.
    let (spaces, mut data) = (50_000..60_000)
        .map(|n| (n, compressed(n)))
        .find(|(n, head)| n + 10_240 - head.len() - 5 == 65_536)
        .expect("a length that fills the buffer");
    let stored = 20_000u16;
    data.push(0);
    data.extend_from_slice(&stored.to_le_bytes());
    data.extend_from_slice(&(!stored).to_le_bytes());
    data.extend(std::iter::repeat_n(b' ', usize::from(stored)));
    if !cut {
        // The last block, empty and stored, then the checksum of everything.
        data.extend_from_slice(&[1, 0, 0, 0xFF, 0xFF]);
        let (mut a, mut b) = (1u32, 0u32);
        for _ in 0..spaces + usize::from(stored) {
            a = (a + u32::from(b' ')) % 65_521;
            b = (b + a) % 65_521;
        }
        data.extend_from_slice(&((b << 16) | a).to_be_bytes());
    }
    let objects: [Vec<u8>; 4] = [
        b"<</Type /Catalog /Pages 2 0 R>>".to_vec(),
        b"<</Type /Pages /Kids [3 0 R] /Count 1>>".to_vec(),
        b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources <<>>>>"
            .to_vec(),
        [
            format!("<</Length {} /Filter /FlateDecode>>\nstream\n", data.len()).as_bytes(),
            &data,
            b"\nendstream",
        ]
        .concat(),
    ];
    let mut pdf = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        pdf.extend_from_slice(object);
        pdf.extend_from_slice(b"\nendobj\n");
    }
    let xref = pdf.len();
    pdf.extend_from_slice(b"xref\n0 5\n0000000000 65535 f \n");
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!("trailer\n<</Size 5 /Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    pdf
}

#[test]
#[cfg_attr(
    missing = "pdf-tools",
    ignore = "needs qpdf with poppler-utils, which `bash .ci/test` installs"
)]
fn qpdf_false_alarm_on_a_whole_stream_passes_and_a_cut_stream_fails() {
    let Some(tools) = tools() else { return };
    let dir = tempdir();
    for cut in [false, true] {
        let pdf = boundary_pdf(cut);
        // qpdf itself warns about both, and exits 3.
        let file = write(dir.path(), &pdf);
        let out = Command::new(&tools.qpdf)
            .args(["--check", &file])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "cut: {cut}: {stderr}");
        assert!(stderr.contains(BUFFER_WARNING), "cut: {cut}: {stderr}");
        // Only the whole stream is let through.
        let report = qpdf_report(&tools.qpdf, &pdf);
        assert_eq!(report.is_ok(), !cut, "cut: {cut}: {report:?}");
    }
}

#[test]
#[cfg_attr(
    missing = "pdf-tools",
    ignore = "needs qpdf with poppler-utils, which `bash .ci/test` installs"
)]
fn every_variant_passes_qpdf_check() {
    let Some(tools) = tools() else { return };
    let mut legal = Options::new();
    legal.set_paper(Paper::Legal);
    for options in [
        Options::new(),
        Options::new().with_sections("faq".parse().unwrap()),
        Options::new().with_preset(Preset::Faq),
        branded(),
        a4(),
        legal,
    ] {
        qpdf_check(&tools, &to_pdf(guide(), &options).unwrap());
    }
}

#[test]
#[cfg_attr(
    missing = "pdf-tools",
    ignore = "needs qpdf with poppler-utils, which `bash .ci/test` installs"
)]
fn paper_sizes_are_exact() {
    let Some(tools) = tools() else { return };
    for (paper, size) in [
        (Paper::Letter, "612 x 792 pts (letter)"),
        (Paper::A4, "595.28 x 841.89 pts (A4)"),
        (Paper::Legal, "612 x 1008 pts"),
    ] {
        let mut options = Options::new().with_preset(Preset::Faq);
        options.set_paper(paper);
        let dir = tempdir();
        let file = write(dir.path(), &to_pdf(guide(), &options).unwrap());
        let info = output(&tools.pdfinfo, &[&file]);
        assert!(
            info.contains(&format!("Page size:       {size}")),
            "{paper}: {info}"
        );
    }
}

#[test]
fn renders_are_byte_identical_in_one_process() {
    for options in [Options::new(), branded()] {
        assert_eq!(
            to_pdf(guide(), &options).unwrap(),
            to_pdf(guide(), &options).unwrap()
        );
    }
    let faq = Options::new().with_preset(Preset::Faq);
    assert_eq!(
        to_pdf(guide(), &faq).unwrap(),
        to_pdf(guide(), &faq).unwrap()
    );
}

#[test]
fn renders_are_byte_identical_across_processes() {
    let dir = tempdir();
    for name in ["a.pdf", "b.pdf"] {
        let output = run(dir.path(), &["export", "-f", "pdf", "-o", name]);
        assert_eq!(output.status.code(), Some(0), "{}", transcript(&output));
    }
    let a = fs::read(dir.path().join("a.pdf")).unwrap();
    assert_eq!(a, fs::read(dir.path().join("b.pdf")).unwrap());
    assert_eq!(a, to_pdf(guide(), &Options::new()).unwrap());
}

#[test]
fn the_timestamp_comes_from_the_options() {
    let mut options = Options::new().with_preset(Preset::Faq);
    let default = to_pdf(guide(), &options).unwrap();
    options.set_timestamp(0);
    let epoch = to_pdf(guide(), &options).unwrap();
    assert_ne!(default, epoch);
    let text = String::from_utf8_lossy(&epoch);
    // Dates sit in a compressed object stream; the file's bytes differ only there and in /ID.
    assert!(
        !text.contains("D:2026"),
        "the edition date leaked into an epoch-0 file"
    );
}

/// Normalizes text for comparison: lowercase letters and digits only.
fn letters(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The prose paragraphs and headings of a Markdown export (not its tables), from the first
/// section heading on.
fn markdown_prose(md: &str) -> Vec<String> {
    let arena = comrak::Arena::new();
    let root = comrak::parse_document(&arena, md, &mht_guide_export::markdown_options());
    let mut out = Vec::new();
    let mut started = false;
    for node in root.descendants() {
        let value = node.data().value.clone();
        match value {
            NodeValue::Heading(h) if h.level == 2 && !started => started = true,
            NodeValue::Paragraph | NodeValue::Heading(_) if started => {
                let in_table = node
                    .ancestors()
                    .any(|a| matches!(a.data().value, NodeValue::Table(_)));
                if !in_table {
                    let text: String = node
                        .descendants()
                        .filter_map(|n| match &n.data().value {
                            NodeValue::Text(t) => Some(t.to_string()),
                            NodeValue::Code(c) => Some(c.literal.clone()),
                            _ => None,
                        })
                        .collect();
                    out.push(text);
                }
            }
            _ => {}
        }
    }
    out
}

/// Checks that every prose paragraph of the Markdown export appears in the PDF's text, whole
/// and in order.
///
/// pdftotext's layout analysis reads the key figures' cells, which stand side by side, across
/// the row line by line; they are checked in the order they are drawn (`-raw`), which is their
/// reading order, and the rest in pdftotext's own order, which keeps table rows together.
fn assert_no_text_lost(tools: &Tools, guide: &Guide, options: &Options) {
    let pdf = to_pdf(guide, options).unwrap();
    let dir = tempdir();
    let file = write(dir.path(), &pdf);
    let title = guide.meta.title.to_string();
    // The running footer ("<title> Page 3 of 20", on one line or two), wherever the page's
    // drawing puts it.
    let footer = |line: &str| {
        let line = line.trim();
        let rest = line.strip_prefix(title.as_str()).unwrap_or(line);
        (rest.len() < line.len() || rest.starts_with("Page "))
            && rest
                .split_whitespace()
                .all(|w| matches!(w, "Page" | "of") || w.chars().all(|c| c.is_ascii_digit()))
    };
    let text = |mode: &[&str]| -> String {
        texts_of_pages(tools, &file, mode)
            .iter()
            .map(|page| {
                let kept: Vec<&str> = page.lines().filter(|l| !footer(l)).collect();
                letters(&kept.join("\n"))
            })
            .collect()
    };
    let band: Vec<String> = mht_guide_export::Band::of(&guide.salary_outlook, &guide.labels)
        .map(|b| {
            b.figures
                .iter()
                .map(|f| letters(&format!("{} {}", f.value, f.label)))
                .collect()
        })
        .unwrap_or_default();
    let (in_band, rest): (Vec<String>, Vec<String>) = markdown_prose(&to_markdown(guide, options))
        .into_iter()
        .partition(|p| band.iter().any(|b| letters(p).starts_with(b.as_str())));
    for (paragraphs, text) in [(rest, text(&[])), (in_band, text(&["-raw"]))] {
        let mut from = 0;
        for paragraph in paragraphs {
            let wanted = letters(&paragraph);
            match text[from..].find(&wanted) {
                Some(at) => from += at + wanted.len(),
                None => panic!("not found in the PDF (in order): {paragraph}"),
            }
        }
    }
}

#[test]
#[cfg_attr(
    missing = "pdf-tools",
    ignore = "needs qpdf with poppler-utils, which `bash .ci/test` installs"
)]
fn no_text_is_lost() {
    let Some(tools) = tools() else { return };
    assert_no_text_lost(&tools, guide(), &Options::new());
    assert_no_text_lost(&tools, guide(), &a4());
}

#[test]
#[cfg_attr(
    missing = "pdf-tools",
    ignore = "needs qpdf with poppler-utils, which `bash .ci/test` installs"
)]
fn long_urls_and_words_are_broken_not_dropped() {
    let Some(tools) = tools() else { return };
    let dir = tempdir();
    let guide_dir = dir.path().join("guide");
    crate::util::copy_files(&fixtures().join("minimal"), &guide_dir);
    let url = format!("https://example.org/{}", "longpath/".repeat(32));
    assert!(url.len() >= 300);
    let word = "Pneumonoultramicroscopicsilicovolcanoconiosis".to_owned() + "abcdefghijklmno";
    assert_eq!(word.len(), 60);
    fs::write(
        guide_dir.join("faq.toml"),
        format!(
            "summary = \"Questions.\"\n\n[[questions]]\nid = \"why\"\nquestion = \"Why?\"\n\
             answer = '''\n{word} starts this paragraph, then <{url}> and a [link]({url}) \
             [@src-a; @src-b].\n\n<{url}>\n'''\n"
        ),
    )
    .unwrap();
    let guide = Guide::from_dir(&guide_dir).unwrap();
    let pdf = to_pdf(&guide, &Options::new()).unwrap();
    qpdf_check(&tools, &pdf);
    let file = write(dir.path(), &pdf);
    // Each page without its running footer, which would split an address that crosses a
    // page break.
    let body: Vec<String> = page_texts(&tools, &file)
        .iter()
        .map(|page| {
            page.lines()
                .filter(|l| {
                    let l = l.trim();
                    l != guide.meta.title.as_str()
                        && !(l.starts_with("Page ") && l.contains(" of "))
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect();
    let text = letters(&body.concat());
    assert!(text.contains(&letters(&word)), "the long word is missing");
    assert!(
        text.matches(&letters(&url)).count() >= 2,
        "a long address is missing"
    );
    assert_no_text_lost(&tools, &guide, &Options::new());
}

fn guide_with_faq_answer(answer: &str) -> (tempfile::TempDir, Guide) {
    let dir = tempdir();
    let guide_dir = dir.path().join("guide");
    crate::util::copy_files(&fixtures().join("minimal"), &guide_dir);
    fs::write(
        guide_dir.join("faq.toml"),
        format!(
            "summary = \"Questions.\"\n\n[[questions]]\nid = \"why\"\nquestion = \"Why?\"\n\
             answer = \"{answer} [@src-a; @src-b]\"\n"
        ),
    )
    .unwrap();
    let guide = Guide::from_dir(&guide_dir).unwrap();
    (dir, guide)
}

#[test]
fn characters_the_bundled_fonts_lack_are_named() {
    let (_dir, guide) = guide_with_faq_answer("Pay ≥ $40,000 → Erdős 😀 ✓");
    // Installed fonts differ from machine to machine; without them, the bundled fonts alone
    // lack both.
    let mut options = Options::new();
    options.set_system_fonts(false);
    let err = to_pdf(&guide, &options).unwrap_err();
    assert!(matches!(err, ExportError::Undrawable { .. }));
    insta::assert_snapshot!(err.to_string());
}

#[test]
#[cfg_attr(
    missing = "pdf-tools",
    ignore = "needs qpdf with poppler-utils, which `bash .ci/test` installs"
)]
fn the_full_repertoire_of_the_bundled_font_prints() {
    let line = "Pay ≥ $40,000 → Erdős, café – “fine”; Ωμέγα, Жизнь, 5 − 3";
    let (_dir, guide) = guide_with_faq_answer(line);
    let pdf = to_pdf(&guide, &Options::new()).unwrap();
    let Some(tools) = tools() else { return };
    qpdf_check(&tools, &pdf);
    let dir = tempdir();
    let file = write(dir.path(), &pdf);
    let text = page_texts(&tools, &file).concat();
    assert!(text.contains(line), "{text}");
}

#[test]
fn the_command_line_names_undrawable_characters() {
    let (dir, _guide) = guide_with_faq_answer("Pay ✓ $40,000");
    let output = run(
        dir.path(),
        &[
            "export",
            "-f",
            "pdf",
            "--content",
            "guide",
            "-o",
            "x.pdf",
            "--no-system-fonts",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!(transcript(&output));
    assert!(!dir.path().join("x.pdf").exists());
}

#[test]
#[cfg_attr(
    missing = "pdf-tools",
    ignore = "needs qpdf with poppler-utils, which `bash .ci/test` installs"
)]
fn links_and_outline_are_there() {
    let Some(tools) = tools() else { return };
    let dir = tempdir();
    let file = write(dir.path(), &to_pdf(guide(), &Options::new()).unwrap());
    let qdf = dir.path().join("qdf.pdf");
    output(
        &tools.qpdf,
        &[
            "--qdf",
            "--object-streams=disable",
            &file,
            qdf.to_str().unwrap(),
        ],
    );
    let raw = String::from_utf8_lossy(&fs::read(&qdf).unwrap()).into_owned();
    assert!(raw.contains(
        "/URI (https://www.bls.gov/ooh/healthcare/psychiatric-technicians-and-aides.htm)"
    ));
    assert!(raw.matches("/Subtype /Link").count() > 100);
    assert!(raw.contains("/PageMode /UseOutlines"));
    assert!(raw.contains("/Lang (en-US)"));
    let titles = outline(&tools, &file);
    assert_eq!(titles.iter().filter(|t| !t.starts_with(' ')).count(), 11);
    let _ = Selection::all();
}

#[test]
#[cfg_attr(
    missing = "pdf-tools",
    ignore = "needs qpdf with poppler-utils, which `bash .ci/test` installs"
)]
fn no_break_spaces_and_soft_hyphens_print_as_they_should() {
    let Some(tools) = tools() else { return };
    let (dir, guide) = guide_with_faq_answer("Pay was $42,590\u{a0}a year for co\u{ad}operation");
    let pdf = to_pdf(&guide, &Options::new()).unwrap();
    qpdf_check(&tools, &pdf);
    let file = write(dir.path(), &pdf);
    let text = page_texts(&tools, &file).concat();
    assert!(
        text.contains("Pay was $42,590 a year for cooperation"),
        "{text}"
    );
}

/// The smallest size any text is drawn at in a PDF, in points: each text-showing operation's
/// font size (`Tf`) times the scale of the text matrix (`Tm`) and of the page's
/// transformation (`cm`, through `q` and `Q`); and the size of each page.
fn smallest_text(pdf: &[u8]) -> (f64, Vec<(f64, f64)>) {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let number = |o: &lopdf::Object| o.as_float().map(f64::from).unwrap_or(0.0);
    let mut least = f64::MAX;
    let mut sizes = Vec::new();
    for page in doc.get_pages().into_values() {
        let media = doc.get_dictionary(page).unwrap().get(b"MediaBox").unwrap();
        let media = media.as_array().unwrap();
        sizes.push((number(&media[2]), number(&media[3])));
        let content = doc.get_and_decode_page_content(page).unwrap();
        let (mut ctm, mut stack) = (1.0f64, Vec::new());
        let (mut font, mut matrix) = (0.0f64, 1.0f64);
        for op in &content.operations {
            match op.operator.as_str() {
                "q" => stack.push(ctm),
                "Q" => ctm = stack.pop().unwrap_or(1.0),
                "cm" => ctm *= number(&op.operands[0]),
                "BT" => matrix = 1.0,
                "Tm" => matrix = number(&op.operands[0]),
                "Tf" => font = number(&op.operands[1]),
                "Tj" | "TJ" | "'" | "\"" => least = least.min(font * matrix * ctm),
                _ => {}
            }
        }
    }
    (least, sizes)
}

/// On every paper, in the full guide, the fact sheet and the FAQ, in English and in Spanish,
/// no text of an ordinary handout is drawn under 9 points (the key figures' details, chart
/// labels, the footer and citations were 7 and 8), and none of a large-print one under 18
/// points (the American Printing House for the Blind's large print), whose pages are the paper
/// chosen and which is as tagged as any other. The measure tells the two apart: an ordinary
/// handout's 9-point text fails the large-print floor.
#[test]
fn no_text_is_drawn_under_9_points_or_under_18_in_large_print() {
    for edition in ["en", "es"] {
        let guide = mht_guide::BuiltIn::named(edition).unwrap().guide();
        for preset in [Preset::Full, Preset::FactSheet, Preset::Faq] {
            for paper in [Paper::Letter, Paper::A4] {
                let mut options = Options::new().with_preset(preset);
                options.set_paper(paper);
                let (ordinary, _) = smallest_text(&to_pdf(guide, &options).unwrap());
                assert!(
                    (8.99..17.99).contains(&ordinary),
                    "{edition} {preset:?} {paper}: ordinary text at {ordinary} pt"
                );
                let mut options = Options::new().with_preset(preset).with_large_print(true);
                options.set_paper(paper);
                let pdf = to_pdf(guide, &options).unwrap();
                let (least, pages) = smallest_text(&pdf);
                assert!(
                    least >= 17.99,
                    "{edition} {preset:?} {paper}: text at {least} pt"
                );
                let (w, h) = paper.points();
                assert!(
                    pages
                        .iter()
                        .all(|&(pw, ph)| (pw - w).abs() < 0.5 && (ph - h).abs() < 0.5),
                    "{edition} {preset:?} {paper}: {pages:?}"
                );
                let findings = crate::pdf_ua::check(&pdf);
                assert!(
                    findings.failures.is_empty(),
                    "{edition} {preset:?} {paper}: {:?}",
                    findings.failures
                );
            }
        }
    }
}
