//! Line breaking: styled runs of text → lines that fit a width, losing nothing.
//!
//! genpdf's own paragraph drops a word wider than the column (and at the start of a paragraph,
//! the whole paragraph). This module measures every word with genpdf's font metrics first, fills
//! lines greedily, hyphenates with the en-US dictionary where a word would not fit, and splits a
//! word that is wider than a whole line (a long URL, say) at a slash, a hyphen or, failing that,
//! between characters. Every character of the input ends up on some line.

use genpdf::fonts::FontCache;
use genpdf::style::{Color, Style};
use std::cell::RefCell;
use std::rc::Rc;

use hyphenation::Hyphenator;
use rustc_hash::FxHashMap;

use super::fonts::{FontId, FontSet};
use super::record::FontStyle;
pub(super) use super::record::Target;
use super::shape::{Glyph, all_own, itemize, own_char, shape};
use super::tags::NodeId;

/// The line spacing of all text.
pub(super) const LINE_SPACING: f64 = 1.25;

/// How much wider than the measure a line may be: rounding, not a visible difference (mm).
const SLACK: f64 = 0.01;

/// How a run of text looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct Look {
    pub(super) bold: bool,
    pub(super) italic: bool,
    pub(super) size: u8,
    pub(super) color: (u8, u8, u8),
}

impl Look {
    pub(super) const fn new(size: u8) -> Look {
        Look {
            bold: false,
            italic: false,
            size,
            color: (0, 0, 0),
        }
    }

    pub(super) const fn bold(mut self) -> Look {
        self.bold = true;
        self
    }

    pub(super) const fn italic(mut self) -> Look {
        self.italic = true;
        self
    }

    pub(super) const fn color(mut self, color: (u8, u8, u8)) -> Look {
        self.color = color;
        self
    }

    pub(super) fn style(self) -> Style {
        let mut style = Style::new()
            .with_font_size(self.size)
            .with_line_spacing(LINE_SPACING)
            .with_color(Color::Rgb(self.color.0, self.color.1, self.color.2));
        if self.bold {
            style.set_bold();
        }
        if self.italic {
            style.set_italic();
        }
        style
    }
}

/// A run of text in one look.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Run {
    pub(super) text: String,
    pub(super) look: Look,
    pub(super) target: Option<Target>,
    /// The structure element the run is tagged with inside its block (a link, say), if not
    /// the block's own.
    pub(super) tag: Option<NodeId>,
    /// Words never hyphenated: a name in another language, which the document's patterns do
    /// not know.
    pub(super) whole: bool,
}

impl Run {
    pub(super) fn new(text: impl Into<String>, look: Look) -> Run {
        Run {
            text: text.into(),
            look,
            target: None,
            tag: None,
            whole: false,
        }
    }

    pub(super) fn link(text: impl Into<String>, look: Look, target: Target, tag: NodeId) -> Run {
        Run {
            text: text.into(),
            look,
            target: Some(target),
            tag: Some(tag),
            whole: false,
        }
    }
}

/// How a line ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum End {
    /// At a space between words, which the line does not show.
    Space,
    /// In a word hyphenated here: the line ends with the hyphen the break added.
    Hyphen,
    /// In a word too long for a line, split without a hyphen.
    Split,
    /// Between two words written with no space between them (Chinese, Japanese, Khmer,
    /// Thai), at a break opportunity of the Unicode line breaking rules.
    Break,
    /// The block's last line.
    Last,
}

/// A laid-out line.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Line {
    pub(super) segs: Vec<Seg>,
    /// The height the line takes, in mm.
    pub(super) height: f64,
    /// The look that sets the baseline (the largest on the line).
    pub(super) tallest: Look,
    pub(super) end: End,
    /// The width the line was fitted into, in mm: where a right-to-left line's right edge is.
    pub(super) room: f64,
}

/// A piece of a line in one look, at a horizontal offset.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Seg {
    pub(super) text: String,
    pub(super) look: Look,
    pub(super) target: Option<Target>,
    pub(super) tag: Option<NodeId>,
    /// Offset from the start of the line, in mm.
    pub(super) x: f64,
    /// Width, in mm.
    pub(super) width: f64,
}

/// What every rendering pass over one document shares.
///
/// The widths already measured, in mm, by look and text: words repeat, and the document is
/// laid out once per pass, so most measurements are found here; a lookup neither allocates nor
/// runs a keyed hash (the keys are the document's own text). And each text block's lines, by
/// the block's place in the document: a later pass builds the same blocks in the same order, and
/// takes the lines of a block whose text and width are unchanged.
#[derive(Debug)]
pub(super) struct Measured {
    /// The faces the document is drawn with.
    pub(super) fonts: Rc<FontSet>,
    /// Whether the document's language is written right to left: its paragraphs' base
    /// direction.
    pub(super) rtl: bool,
    /// Text shaped in a face other than Liberation Sans, by face, direction and text.
    shaped: RefCell<FxHashMap<ShapedKey, Rc<[Glyph]>>>,
    widths: RefCell<FxHashMap<Look, FxHashMap<String, f64>>>,
    blocks: RefCell<FxHashMap<usize, LaidBlock>>,
    /// genpdf's width of a character (mm) by style and size, and its kerning between two
    /// characters (ems) by style: the terms of its string width, asked once each.
    advances: RefCell<FxHashMap<(usize, u8, char), f64>>,
    pairs: RefCell<FxHashMap<(usize, char, char), f32>>,
}

type LaidBlock = (f64, Vec<Run>, Rc<Vec<Line>>);

/// A shaped run's face, direction (right to left?) and text.
type ShapedKey = (FontId, bool, String);

impl Measured {
    pub(super) fn new(fonts: Rc<FontSet>, rtl: bool) -> Measured {
        Measured {
            fonts,
            rtl,
            shaped: RefCell::default(),
            widths: RefCell::default(),
            blocks: RefCell::default(),
            advances: RefCell::default(),
            pairs: RefCell::default(),
        }
    }

    /// Liberation Sans alone, for English: what the layout's tests measure with.
    #[cfg(test)]
    pub(super) fn english() -> Measured {
        let fonts = FontSet::new("en", &[], false).expect("the bundled fonts parse");
        Measured::new(Rc::new(fonts), false)
    }

    /// A run of text shaped in a face (not one of Liberation Sans's), shaped once.
    pub(super) fn shaped(&self, font: FontId, rtl: bool, text: &str) -> Rc<[Glyph]> {
        if let Some(glyphs) = self.shaped.borrow().get(&(font, rtl, text.to_owned())) {
            return Rc::clone(glyphs);
        }
        let face = self.fonts.face(font);
        let glyphs: Rc<[Glyph]> = shape(&face, text, self.fonts.language(), rtl).into();
        self.shaped
            .borrow_mut()
            .insert((font, rtl, text.to_owned()), Rc::clone(&glyphs));
        glyphs
    }

    /// genpdf's kerning between two characters in a look's font, in ems: what its string width
    /// adds, and what it writes in a `TJ` array (negated, in thousandths).
    pub(super) fn kerning(&self, fonts: &FontCache, look: Look, a: char, b: char) -> f32 {
        let index = usize::from(look.bold) + 2 * usize::from(look.italic);
        *self
            .pairs
            .borrow_mut()
            .entry((index, a, b))
            .or_insert_with(|| {
                let font = look.style().font(fonts);
                font.kerning(fonts, [a, b]).get(1).copied().unwrap_or(0.0)
            })
    }

    /// The lines of block `key` with these runs at this width: laid out by `lay_out` unless an
    /// earlier pass laid out the same.
    pub(super) fn lines(
        &self,
        key: usize,
        width: f64,
        runs: &[Run],
        lay_out: impl FnOnce() -> Vec<Line>,
    ) -> Rc<Vec<Line>> {
        if let Some((w, r, lines)) = self.blocks.borrow().get(&key)
            && w.to_bits() == width.to_bits()
            && r.as_slice() == runs
        {
            return Rc::clone(lines);
        }
        let lines = Rc::new(lay_out());
        self.blocks
            .borrow_mut()
            .insert(key, (width, runs.to_vec(), Rc::clone(&lines)));
        lines
    }
}

/// Measures text with the fonts genpdf draws with.
pub(super) struct Measure<'a> {
    pub(super) fonts: &'a FontCache,
    pub(super) hyphenator: Option<&'a hyphenation::Standard>,
    pub(super) measured: &'a Measured,
}

pub(super) fn mm(value: genpdf::Mm) -> f64 {
    value.into()
}

/// The text as it is drawn: no-break spaces as spaces, soft hyphens removed.
pub(super) fn drawn(text: &str) -> String {
    text.chars()
        .filter(|&c| c != '\u{ad}')
        .map(|c| if c == '\u{a0}' { ' ' } else { c })
        .collect()
}

impl Measure<'_> {
    pub(super) fn width(&self, text: &str, look: Look) -> f64 {
        if let Some(&w) = self
            .measured
            .widths
            .borrow()
            .get(&look)
            .and_then(|m| m.get(text))
        {
            return w;
        }
        let w = self.str_width(&drawn(text), look);
        self.measured
            .widths
            .borrow_mut()
            .entry(look)
            .or_default()
            .insert(text.to_owned(), w);
        w
    }

    /// The width of text as drawn: Liberation Sans's runs through genpdf's metrics, and the
    /// runs of other faces as they are shaped.
    fn str_width(&self, text: &str, look: Look) -> f64 {
        let style = FontStyle::of(look.bold, look.italic);
        if all_own(text, style) {
            return self.own_width(text, look);
        }
        let fonts = &self.measured.fonts;
        // Text with right-to-left letters is shaped right to left, as it is drawn.
        let rtl = super::has_rtl(text);
        let mut width = 0.0;
        for (range, font) in itemize(fonts, text, style, rtl, &mut |_| {}) {
            let part = &text[range];
            if font.style().is_some() {
                width += self.own_width(part, look);
            } else {
                let glyphs = self.measured.shaped(font, rtl, part);
                let units: i64 = glyphs.iter().map(|g| i64::from(g.advance)).sum();
                let em = fonts.face(font).units_per_em;
                width += units as f64 / em * f64::from(look.size) * 25.4 / 72.0;
            }
        }
        width
    }

    /// genpdf's `str_width`, term by term and in its order: the characters' widths summed, then
    /// the kerning between them summed, each term from genpdf's own metrics, asked once.
    fn own_width(&self, text: &str, look: Look) -> f64 {
        let style = look.style();
        let font = style.font(self.fonts);
        let index = usize::from(look.bold) + 2 * usize::from(look.italic);
        let mut advances = self.measured.advances.borrow_mut();
        let mut glyphs = -0.0f64;
        let mut kerning = -0.0f64;
        let mut last = None;
        for c in text.chars() {
            glyphs += *advances
                .entry((index, look.size, c))
                .or_insert_with(|| mm(font.char_width(self.fonts, c, look.size)));
            let k = match last {
                None => 0.0,
                Some(a) => self.measured.kerning(self.fonts, look, a, c),
            };
            kerning += mm(genpdf::Mm::from(printpdf::Pt(f64::from(
                k * f32::from(look.size),
            ))));
            last = Some(c);
        }
        glyphs + kerning
    }

    /// The kerning between two characters of Liberation Sans in a look, in mm, as a width
    /// adds it; none after no character, or for another face's.
    fn kerning(&self, look: Look, last: Option<char>, c: char) -> f64 {
        let style = FontStyle::of(look.bold, look.italic);
        match last {
            Some(a) if [a, c].iter().all(|&x| own_char(x, style)) => {
                let k = self.measured.kerning(self.fonts, look, a, c);
                mm(genpdf::Mm::from(printpdf::Pt(f64::from(
                    k * f32::from(look.size),
                ))))
            }
            _ => 0.0,
        }
    }

    pub(super) fn line_height(&self, look: Look) -> f64 {
        mm(look.style().line_height(self.fonts))
    }
}

/// A piece of a word: text from one run.
#[derive(Debug, Clone)]
struct Piece {
    text: String,
    run: usize,
}

type Word = Vec<Piece>;

/// Splits runs into words at spaces. A word may span runs (`**bold**,`). A word in a script
/// written without spaces between words is split further at the break opportunities of the
/// Unicode line breaking rules (UAX #14, with dictionaries for Khmer, Lao, Burmese and Thai);
/// those parts are glued (`true`): no space goes between them.
fn words(runs: &[Run]) -> Vec<(Word, bool)> {
    let mut words = Vec::new();
    let mut current: Word = Vec::new();
    for (i, run) in runs.iter().enumerate() {
        let mut first = true;
        for part in run.text.split([' ', '\n', '\t']) {
            if !first && !current.is_empty() {
                push_word(&mut words, std::mem::take(&mut current));
            }
            first = false;
            if !part.is_empty() {
                current.push(Piece {
                    text: part.to_owned(),
                    run: i,
                });
            }
        }
    }
    if !current.is_empty() {
        push_word(&mut words, current);
    }
    words
}

/// Whether a character is of a script written without spaces between words, or is the
/// punctuation of one, so that lines may break inside a space-delimited "word" of it.
fn unspaced(c: char) -> bool {
    matches!(c,
        '\u{0E00}'..='\u{0EFF}' // Thai, Lao
        | '\u{1000}'..='\u{109F}' // Myanmar
        | '\u{1780}'..='\u{17FF}' | '\u{19E0}'..='\u{19FF}' // Khmer
        | '\u{2E80}'..='\u{2FFF}' // CJK radicals, ideographic description
        | '\u{3000}'..='\u{30FF}' // CJK punctuation, kana
        | '\u{3100}'..='\u{31FF}' // Bopomofo, kana extensions
        | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}' // CJK compatibility forms
        | '\u{FF00}'..='\u{FFEF}' // full-width forms
        | '\u{20000}'..='\u{3FFFF}')
}

/// The line segmenter, with its dictionaries, made once.
fn segmenter() -> icu_segmenter::LineSegmenterBorrowed<'static> {
    icu_segmenter::LineSegmenter::new_dictionary(icu_segmenter::options::LineBreakOptions::default())
}

/// Pushes a word, split at its break opportunities when it is of a script written without
/// spaces.
fn push_word(words: &mut Vec<(Word, bool)>, word: Word) {
    if !word.iter().any(|p| p.text.chars().any(unspaced)) {
        words.push((word, false));
        return;
    }
    let text: String = word.iter().map(|p| p.text.as_str()).collect();
    let breaks: Vec<usize> = segmenter()
        .segment_str(&text)
        .filter(|&b| b > 0 && b < text.len())
        .collect();
    // Cut the pieces at the breaks, which are byte offsets into their concatenation.
    let mut glued = false;
    let mut part: Word = Vec::new();
    let mut offset = 0;
    let mut breaks = breaks.into_iter().peekable();
    for piece in word {
        let end = offset + piece.text.len();
        let mut start = offset;
        while let Some(&b) = breaks.peek() {
            if b >= end {
                break;
            }
            breaks.next();
            part.push(Piece {
                text: piece.text[start - offset..b - offset].to_owned(),
                run: piece.run,
            });
            part.retain(|p| !p.text.is_empty());
            if !part.is_empty() {
                words.push((std::mem::take(&mut part), glued));
                glued = true;
            }
            start = b;
        }
        if start < end {
            part.push(Piece {
                text: piece.text[start - offset..].to_owned(),
                run: piece.run,
            });
        }
        offset = end;
    }
    if !part.is_empty() {
        words.push((part, glued));
    }
}

struct LineBuilder<'r> {
    runs: &'r [Run],
    segs: Vec<Seg>,
    x: f64,
    room: f64,
}

impl LineBuilder<'_> {
    fn push(&mut self, m: &Measure<'_>, text: &str, run: usize) {
        let look = self.runs[run].look;
        let width = m.width(text, look);
        match self.segs.last_mut() {
            Some(seg)
                if seg.look == look
                    && seg.target == self.runs[run].target
                    && seg.tag == self.runs[run].tag =>
            {
                seg.text.push_str(text);
                seg.width += width;
            }
            _ => self.segs.push(Seg {
                text: text.to_owned(),
                look,
                target: self.runs[run].target.clone(),
                tag: self.runs[run].tag,
                x: self.x,
                width,
            }),
        }
        self.x += width;
    }

    fn push_word(&mut self, m: &Measure<'_>, word: &Word) {
        for piece in word {
            self.push(m, &piece.text, piece.run);
        }
    }

    fn finish(&mut self, m: &Measure<'_>, lines: &mut Vec<Line>, base: Look, end: End) {
        let segs = std::mem::take(&mut self.segs);
        let tallest = segs
            .iter()
            .map(|s| s.look)
            .max_by_key(|l| l.size)
            .unwrap_or(base);
        lines.push(Line {
            height: m.line_height(tallest),
            segs,
            tallest,
            end,
            room: self.room,
        });
        self.x = 0.0;
    }
}

fn word_width(m: &Measure<'_>, runs: &[Run], word: &Word) -> f64 {
    word.iter()
        .map(|p| m.width(&p.text, runs[p.run].look))
        .sum()
}

/// Lays runs out in lines no wider than `width` mm, hyphenating only if `hyphenate` is set.
pub(super) fn layout(
    m: &Measure<'_>,
    runs: &[Run],
    width: f64,
    base: Look,
    hyphenate_words: bool,
) -> Vec<Line> {
    let width = width + SLACK;
    let dict = if hyphenate_words { m.hyphenator } else { None };
    let mut lines = Vec::new();
    let mut line = LineBuilder {
        runs,
        segs: Vec::new(),
        x: 0.0,
        room: width - SLACK,
    };
    for (mut word, glued) in words(runs) {
        let look = runs[word[0].run].look;
        let space = if glued { 0.0 } else { m.width(" ", look) };
        let w = word_width(m, runs, &word);
        if !line.segs.is_empty() {
            if line.x + space + w <= width {
                if !glued {
                    line.push(m, " ", word[0].run);
                }
                line.push_word(m, &word);
                continue;
            }
            // Fill the line with the first part of a hyphenated word, if one fits.
            let room = width - line.x - space;
            let mut end = if glued { End::Break } else { End::Space };
            if let Some((head, tail)) = hyphenate(m, dict, runs, &word, room) {
                if !glued {
                    line.push(m, " ", word[0].run);
                }
                line.push_word(m, &head);
                word = tail;
                end = End::Hyphen;
            }
            line.finish(m, &mut lines, base, end);
        }
        // At the start of a line: split a word that is wider than the whole line. Each split
        // measures only as far as the line reaches, so a very long word costs linear time.
        loop {
            let (head, tail) = split_anywhere(m, runs, &word, width);
            if tail.is_empty() {
                break;
            }
            let (head, tail, end) = match hyphenate(m, dict, runs, &word, width) {
                Some((head, tail)) => (head, tail, End::Hyphen),
                None => (head, tail, End::Split),
            };
            line.push_word(m, &head);
            line.finish(m, &mut lines, base, end);
            word = tail;
        }
        line.push_word(m, &word);
    }
    if !line.segs.is_empty() || lines.is_empty() {
        line.finish(m, &mut lines, base, End::Last);
    }
    lines
}

/// Splits a one-run word at a hyphenation point so that the head, with a hyphen, fits `room`.
fn hyphenate(
    m: &Measure<'_>,
    dict: Option<&hyphenation::Standard>,
    runs: &[Run],
    word: &Word,
    room: f64,
) -> Option<(Word, Word)> {
    let dict = dict?;
    let [piece] = word.as_slice() else {
        return None;
    };
    let letters = piece.text.trim_end_matches(|c: char| !c.is_alphabetic());
    // Words of ordinary length only: the dictionary has nothing to say about a run of 1,000
    // letters, and looking would cost time on every line it fills.
    if !(6..=64).contains(&letters.chars().count()) || !letters.chars().all(char::is_alphabetic) {
        return None;
    }
    if runs[piece.run].whole {
        return None;
    }
    let look = runs[piece.run].look;
    let breaks = dict.hyphenate(letters).breaks;
    // Never a lone character before or after the hyphen (some languages' patterns allow it),
    // nor a break inside a grapheme cluster.
    let clusters: Vec<usize> = icu_segmenter::GraphemeClusterSegmenter::new()
        .segment_str(letters)
        .collect();
    breaks
        .iter()
        .rev()
        .filter(|&&b| {
            clusters.contains(&b)
                && letters[..b].chars().count() >= 2
                && letters[b..].chars().count() >= 2
        })
        .find_map(|&b| {
            let head = format!("{}-", &piece.text[..b]);
            (m.width(&head, look) <= room).then(|| {
                (
                    vec![Piece {
                        text: head,
                        run: piece.run,
                    }],
                    vec![Piece {
                        text: piece.text[b..].to_owned(),
                        run: piece.run,
                    }],
                )
            })
        })
}

/// Splits a word so that the head fits `room`: after the last `/`, `-`, `.`, `?`, `&`, `=` or
/// `_` that fits (when that keeps at least a third of the room), else after the last character
/// that fits, and always after at least one character. When the whole word fits, the tail is
/// empty. Characters are measured only up to the first that does not fit.
fn split_anywhere(m: &Measure<'_>, runs: &[Run], word: &Word, room: f64) -> (Word, Word) {
    // A word of ordinary length is measured whole first, as shaping draws it: its characters
    // measured one by one (a conjunct's parts, say) can be wider than the word.
    if word.iter().map(|p| p.text.len()).sum::<usize>() <= 256 && word_width(m, runs, word) <= room
    {
        return (word.clone(), Vec::new());
    }
    // The characters that fit, each with its piece and byte end, and the width up to it.
    let mut chars = Vec::new();
    let mut x = 0.0;
    let mut overflow = false;
    'pieces: for (p, piece) in word.iter().enumerate() {
        let look = runs[piece.run].look;
        let mut last = None;
        for (i, c) in piece.text.char_indices() {
            // With the kerning before it, as the word's whole width has it: a word that fits
            // a column measured whole is not split a letter short of its end.
            x += m.width(c.encode_utf8(&mut [0; 4]), look) + m.kerning(look, last, c);
            last = Some(c);
            if x > room && !chars.is_empty() {
                overflow = true;
                break 'pieces;
            }
            chars.push((p, i + c.len_utf8(), c, x));
        }
    }
    if !overflow {
        return (word.clone(), Vec::new());
    }
    let preferred = chars
        .iter()
        .rposition(|&(.., c, w)| "/-.?&=_".contains(c) && w >= room / 3.0)
        .map(|i| i + 1);
    let cut = whole_graphemes(word, &chars, preferred.unwrap_or(chars.len()).max(1));
    let (piece, at, ..) = chars[cut - 1];
    let mut head: Word = word[..piece].to_vec();
    let mut tail: Word = Vec::new();
    let split = &word[piece];
    head.push(Piece {
        text: split.text[..at].to_owned(),
        run: split.run,
    });
    if at < split.text.len() {
        tail.push(Piece {
            text: split.text[at..].to_owned(),
            run: split.run,
        });
    }
    tail.extend(word[piece + 1..].iter().cloned());
    (head, tail)
}

/// The number of leading characters a word may be cut after, at most `cut`, so that no
/// character is parted from the cluster it belongs to (a vowel sign from its consonant, a mark
/// from its letter, a conjunct): the last grapheme cluster boundary at or before `cut`, or
/// `cut` itself when the first cluster alone is wider than the room.
fn whole_graphemes(word: &Word, chars: &[(usize, usize, char, f64)], cut: usize) -> usize {
    // The characters that fit and the few after them: enough to see whether the cut is
    // inside a cluster, without reading a very long word whole.
    let mut text: String = chars.iter().map(|&(.., c, _)| c).collect();
    let (piece, at, ..) = chars[chars.len() - 1];
    let after = word[piece].text[at..]
        .chars()
        .chain(word[piece + 1..].iter().flat_map(|p| p.text.chars()))
        .take(8);
    text.extend(after);
    let cut_byte: usize = chars[..cut].iter().map(|&(.., c, _)| c.len_utf8()).sum();
    let boundary = icu_segmenter::GraphemeClusterSegmenter::new()
        .segment_str(&text)
        .take_while(|&b| b <= cut_byte)
        .filter(|&b| b > 0)
        .last();
    match boundary {
        Some(b) => text[..b].chars().count(),
        None => cut,
    }
}

// The layout is tested with the US English dictionary, which a build without hyphenation lacks.
#[cfg(all(test, any(feature = "hyphenate", feature = "hyphenate-en")))]
mod tests;
