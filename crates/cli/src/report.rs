//! What the command line tells people on standard error: diagnostics in the style of rustc,
//! progress lines, and the final error. Colors go through `anstream`, which drops them when
//! standard error is not a terminal, when `NO_COLOR` is set, or when `--color never` asks.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use mht_guide::{Diagnostic, Severity};

/// How much the command says besides its results and errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Verbosity {
    /// Errors only.
    Quiet,
    /// Errors, warnings and one line per file written.
    Normal,
    /// Also where the content came from and how long each step took.
    Verbose,
}

const ERROR: Style = AnsiColor::Red.on_default().bold();
const WARNING: Style = AnsiColor::Yellow.on_default().bold();
const GUTTER: Style = AnsiColor::Blue.on_default().bold();
const HELP: Style = AnsiColor::Cyan.on_default().bold();
const EMPHASIS: Style = Style::new().bold();

fn severity_style(severity: Severity) -> Style {
    match severity {
        Severity::Error => ERROR,
        Severity::Warning => WARNING,
    }
}

/// The writer for everything the command says on standard error.
pub(crate) fn stderr() -> anstream::Stderr {
    anstream::stderr()
}

/// Writes `error: message` (or `warning:`) the way the rest of the output does.
pub(crate) fn headline(out: &mut impl Write, severity: Severity, message: &str) -> io::Result<()> {
    let style = severity_style(severity);
    writeln!(
        out,
        "{style}{severity}{style:#}{EMPHASIS}: {message}{EMPHASIS:#}"
    )
}

/// Writes one diagnostic like rustc does: the message, the place, the line, a caret, a hint.
pub(crate) fn diagnostic(out: &mut impl Write, d: &Diagnostic) -> io::Result<()> {
    headline(out, d.severity(), &visible(d.message()))?;
    let path = d.path().display();
    let (pad, gutter) = match (d.position(), d.line_text()) {
        (Some(pos), Some(line)) => {
            let number = pos.line.to_string();
            let pad = " ".repeat(number.len());
            writeln!(
                out,
                "{pad}{GUTTER}-->{GUTTER:#} {path}:{}:{}",
                pos.line, pos.column
            )?;
            writeln!(out, "{pad} {GUTTER}|{GUTTER:#}")?;
            writeln!(out, "{GUTTER}{number} |{GUTTER:#} {}", visible(line))?;
            let caret_pad: String = line
                .chars()
                .take(pos.column.saturating_sub(1))
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            let caret = severity_style(d.severity());
            writeln!(
                out,
                "{pad} {GUTTER}|{GUTTER:#} {caret_pad}{caret}^{caret:#}"
            )?;
            (pad, true)
        }
        (Some(pos), None) => {
            writeln!(
                out,
                " {GUTTER}-->{GUTTER:#} {path}:{}:{}",
                pos.line, pos.column
            )?;
            (String::from(" "), false)
        }
        (None, _) => {
            writeln!(out, " {GUTTER}-->{GUTTER:#} {path}")?;
            (String::from(" "), false)
        }
    };
    if let Some(hint) = d.hint() {
        if gutter {
            writeln!(out, "{pad} {GUTTER}|{GUTTER:#}")?;
        }
        let hint = visible(hint);
        writeln!(out, "{pad} {GUTTER}={GUTTER:#} {HELP}help{HELP:#}: {hint}")?;
    }
    if let Some(from) = d.inherited() {
        if gutter && d.hint().is_none() {
            writeln!(out, "{pad} {GUTTER}|{GUTTER:#}")?;
        }
        writeln!(
            out,
            "{pad} {GUTTER}={GUTTER:#} {EMPHASIS}note{EMPHASIS:#}: inherited from {from}, not \
             in this edition's own files"
        )?;
    }
    writeln!(out)
}

/// A line of content as it can be shown on a terminal: control characters made visible.
fn visible(line: &str) -> String {
    line.chars()
        .map(|c| {
            if c.is_control() && c != '\t' {
                char::from_u32(0x2400 + u32::from(c))
                    .filter(|_| u32::from(c) < 0x20)
                    .unwrap_or('�')
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diagnostic_reads_like_rustc() {
        let files = [("guide.toml", "slug = 'x'\n\tbad = 'y'\n")];
        let err = mht_guide::Guide::from_files("draft", files).unwrap_err();
        let mut out = Vec::new();
        diagnostic(&mut out, &err.diagnostics()[0]).unwrap();
        let text = String::from_utf8(anstream::adapter::strip_bytes(&out).into_vec()).unwrap();
        assert_eq!(
            text.lines().take(6).collect::<Vec<_>>(),
            [
                "error: unknown field `bad`, expected one of `base`, `slug`, `title`, `subtitle`, \
                 `description`, `language`, `direction`, `edition`, `publisher`, `authors`, `license`, `labels`, `translations`, `fonts`, `brand`, `languages_of_parts`",
                " --> draft/guide.toml:2:2",
                "  |",
                "2 | \tbad = 'y'",
                "  | \t^",
                "  |",
            ]
        );
        assert!(text.contains("  = help: remove the field or fix its spelling"));
    }

    #[test]
    fn control_characters_are_shown_not_sent() {
        assert_eq!(visible("a\u{1b}[31mb\tc\u{7f}"), "a␛[31mb\tc�");
    }
}
