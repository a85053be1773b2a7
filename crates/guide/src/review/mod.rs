//! An editor's review of the content: words and reading level per section, by a formula made
//! for the edition's language, and warnings about figures that are old or that cite nothing.
//!
//! Loading a guide ([`Guide::from_dir`](crate::Guide::from_dir) and the like) stops at errors:
//! content that cannot be used. A review also looks for what is worth a second look before a
//! new edition goes out, and says where it is, as `mht-guide check` prints it.

use std::path::Path;

use crate::diag::{Diagnostic, LoadError};
use crate::edition::BuiltIn;
use crate::language::Language;
use crate::load::{ContentFile, EditionFolder, Files, Loaded};
use crate::model::Guide;
use crate::section::SectionId;
use crate::values::RefDate;

mod figures;
mod markers;
mod untranslated;

/// A guide, checked and reviewed: its sections' statistics and every warning.
///
/// # Examples
///
/// ```
/// use mht_guide::{RefDate, Review, SectionId};
///
/// let review = mht_guide::BUILT_IN[0].review(RefDate::parse("2026-11-23")?).expect("the guide loads");
/// let salary = review.section(SectionId::SalaryOutlook);
/// assert!(salary.text.words > 300);
/// assert!(salary.text.grade() > 4.0 && salary.text.grade() < 14.0);
/// for warning in review.warnings() {
///     println!("{warning}");
/// }
/// # Ok::<(), String>(())
/// ```
#[derive(Debug, Clone)]
pub struct Review {
    guide: Guide,
    sections: Vec<SectionStats>,
    warnings: Vec<Diagnostic>,
    formula: Option<ReadingFormula>,
    origins: Vec<crate::load::FileOrigin>,
    files: Vec<ContentFile>,
    fonts: Vec<crate::load::EditionFont>,
    fingerprints: Option<ContentFile>,
    inherited: crate::load::Inherited,
}

impl Review {
    /// Reviews a guide folder as of a date (usually today).
    ///
    /// # Errors
    ///
    /// Every problem that stops the content from loading, as [`Guide::from_dir`] reports them.
    pub fn of_dir(dir: impl AsRef<Path>, as_of: RefDate) -> Result<Review, LoadError> {
        EditionFolder::new(dir.as_ref()).review(as_of)
    }

    /// Reviews content files held in memory, as [`Guide::from_files`] takes them.
    ///
    /// # Errors
    ///
    /// Every problem that stops the content from loading.
    pub fn of_files<N, T>(
        base: impl AsRef<Path>,
        files: impl IntoIterator<Item = (N, T)>,
        as_of: RefDate,
    ) -> Result<Review, LoadError>
    where
        N: AsRef<str>,
        T: Into<String>,
    {
        let base = base.as_ref();
        Review::new(Files::from_named(base, files).load(base)?, as_of)
    }

    /// The review of a loaded guide: its statistics, and the warnings about its figures.
    fn new(loaded: Loaded, as_of: RefDate) -> Result<Review, LoadError> {
        let mut warnings = figures::warnings(&loaded, as_of);
        warnings.extend(untranslated::warnings(&loaded));
        warnings.extend(crate::translate::stale_warnings(&loaded));
        warnings.extend(markers::warnings(&loaded));
        let warnings = warnings.into_iter().map(|w| loaded.attribute(w)).collect();
        let Loaded {
            guide,
            files,
            origins,
            fonts,
            fingerprints,
            inherited,
            ..
        } = loaded;
        let formula = ReadingFormula::for_language(&guide.meta.language);
        // A language without a formula is counted as English; only its words are shown.
        let count = formula.map_or(syllables as fn(&str) -> usize, ReadingFormula::syllables);
        let sections = guide
            .sections()
            .map(|section| {
                let mut text = TextStats::default();
                section.for_each_own_text(&mut |piece| text.add(piece, count));
                SectionStats {
                    id: section.id(),
                    text,
                }
            })
            .collect();
        Ok(Review {
            guide,
            sections,
            warnings,
            formula,
            origins,
            files,
            fonts,
            fingerprints,
            inherited,
        })
    }

    /// The diagnostic, marked as [inherited](Diagnostic::inherited) when it is in a file of
    /// one of the edition's bases: for a check made outside the review over
    /// [`files`](Review::files), as `mht-guide check` makes some. The review's own
    /// [`warnings`](Review::warnings) are marked already.
    pub fn attribute(&self, d: Diagnostic) -> Diagnostic {
        self.inherited.mark(d)
    }

    /// Every content file that was read, the bases' first: for checks that look at the
    /// content as written, such as where a character occurs.
    pub fn files(&self) -> &[ContentFile] {
        &self.files
    }

    /// Where each content file comes from: for an edition with a base, which editions hold
    /// it, the edition itself first. An edition without a base holds every file itself.
    ///
    /// # Examples
    ///
    /// ```
    /// use mht_guide::{RefDate, Review};
    ///
    /// let review = mht_guide::BUILT_IN[0].review(RefDate::parse("2026-11-23")?).expect("loads");
    /// let faq = review.origins().iter().find(|o| o.file == "faq.toml").unwrap();
    /// assert_eq!(faq.layers, ["content/mental-health-technician"]);
    /// # Ok::<(), String>(())
    /// ```
    pub fn origins(&self) -> &[crate::load::FileOrigin] {
        &self.origins
    }

    /// The edition's record of the source text each of its texts translates
    /// (`fingerprints.toml`), against which its stale texts were found, if it has one.
    pub fn fingerprints(&self) -> Option<&ContentFile> {
        self.fingerprints.as_ref()
    }

    /// The font files the edition names for its PDF handout (see [`Loaded::fonts`]).
    pub fn fonts(&self) -> &[crate::load::EditionFont] {
        &self.fonts
    }

    /// Whether the edition stands on a base edition.
    pub fn has_base(&self) -> bool {
        self.origins.iter().any(|o| o.layers.len() > 1)
    }

    /// The guide that was reviewed.
    pub fn guide(&self) -> &Guide {
        &self.guide
    }

    /// Statistics for every section, in guide order.
    pub fn sections(&self) -> &[SectionStats] {
        &self.sections
    }

    /// Statistics for one section.
    pub fn section(&self, id: SectionId) -> &SectionStats {
        // `sections` holds every section, so the fallback is never taken.
        self.sections
            .iter()
            .find(|s| s.id == id)
            .unwrap_or(&self.sections[0])
    }

    /// Statistics for the whole guide's text.
    pub fn total(&self) -> TextStats {
        let mut total = TextStats::default();
        for s in &self.sections {
            total.words += s.text.words;
            total.sentences += s.text.sentences;
            total.syllables += s.text.syllables;
        }
        total
    }

    /// Every warning, file by file in guide order, top to bottom. A warning in a file the
    /// edition inherits from a base says so ([`Diagnostic::inherited`]).
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    /// The reading-level formula for the edition's language, when there is one; the
    /// statistics count syllables the way that language spells them.
    pub fn formula(&self) -> Option<ReadingFormula> {
        self.formula
    }
}

impl BuiltIn {
    /// Reviews the edition as of a date (usually today), as `mht-guide check` does.
    ///
    /// # Errors
    ///
    /// Every problem in the embedded content (the crate's tests make sure there is none).
    pub fn review(&self, as_of: RefDate) -> Result<Review, LoadError> {
        // As loaded, fingerprints included, so the review sees stale translations too.
        Review::new(self.load()?, as_of)
    }
}

impl EditionFolder {
    /// Reviews the edition as of a date (usually today), as `mht-guide check` does.
    ///
    /// # Errors
    ///
    /// Every problem that stops the content from loading, as [`EditionFolder::load`]
    /// reports them.
    pub fn review(&self, as_of: RefDate) -> Result<Review, LoadError> {
        Review::new(self.files().load(self.dir())?, as_of)
    }
}

/// A reading-level formula, each made for one language.
///
/// # Examples
///
/// ```
/// use mht_guide::{Language, ReadingFormula, TextStats};
///
/// let tag = |s: &str| s.parse::<Language>().unwrap();
/// assert_eq!(ReadingFormula::for_language(&tag("en-US")), Some(ReadingFormula::FleschKincaid));
/// let es = ReadingFormula::for_language(&tag("es-US")).unwrap();
/// assert_eq!(es, ReadingFormula::SzigrisztPazos);
/// assert_eq!(ReadingFormula::for_language(&tag("vi")), None);
/// let text = TextStats::of_language("El técnico cuida a los pacientes. Los ayuda cada día.", es);
/// assert_eq!(es.band(es.score(&text)), Some("muy fácil"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ReadingFormula {
    /// The Flesch-Kincaid grade level, for English: about the US school grade a reader needs,
    /// so lower is easier.
    FleschKincaid,
    /// Szigriszt-Pazos perspicuity, read on Barrio-Cantalejo's INFLESZ scale, for Spanish:
    /// 0 to 100, higher is easier.
    SzigrisztPazos,
}

impl ReadingFormula {
    /// The formula for a language, by its primary subtag: English and Spanish have
    /// one; other languages have none here.
    pub fn for_language(language: &Language) -> Option<ReadingFormula> {
        match language.primary() {
            "en" => Some(ReadingFormula::FleschKincaid),
            "es" => Some(ReadingFormula::SzigrisztPazos),
            _ => None,
        }
    }

    /// The formula's name, to print beside its figure.
    pub fn name(self) -> &'static str {
        match self {
            ReadingFormula::FleschKincaid => "Flesch-Kincaid grade level",
            ReadingFormula::SzigrisztPazos => "Szigriszt-Pazos perspicuity (INFLESZ scale)",
        }
    }

    /// A short heading for a column of its figures.
    pub fn column(self) -> &'static str {
        match self {
            ReadingFormula::FleschKincaid => "grade",
            ReadingFormula::SzigrisztPazos => "INFLESZ",
        }
    }

    /// How to read its figures, in a few words.
    pub fn reading(self) -> &'static str {
        match self {
            ReadingFormula::FleschKincaid => "a US school grade; lower is easier",
            ReadingFormula::SzigrisztPazos => {
                "0 to 100, higher is easier; 65 to 80 is \u{201c}bastante fácil\u{201d}"
            }
        }
    }

    /// How its language's words are split into syllables.
    fn syllables(self) -> fn(&str) -> usize {
        match self {
            ReadingFormula::FleschKincaid => syllables,
            ReadingFormula::SzigrisztPazos => syllables_spanish,
        }
    }

    /// The formula's figure for a text counted in its language.
    pub fn score(self, text: &TextStats) -> f64 {
        match self {
            ReadingFormula::FleschKincaid => text.grade(),
            ReadingFormula::SzigrisztPazos => text.perspicuity(),
        }
    }

    /// The band a figure falls in, as the formula's scale names it; the grade level has no
    /// named bands. INFLESZ: under 40 "muy difícil", 40 to 55 "algo difícil", 55 to 65
    /// "normal", 65 to 80 "bastante fácil", over 80 "muy fácil".
    pub fn band(self, score: f64) -> Option<&'static str> {
        match self {
            ReadingFormula::FleschKincaid => None,
            ReadingFormula::SzigrisztPazos => Some(match score {
                s if s < 40.0 => "muy difícil",
                s if s < 55.0 => "algo difícil",
                s if s < 65.0 => "normal",
                s if s <= 80.0 => "bastante fácil",
                _ => "muy fácil",
            }),
        }
    }
}

/// The size and reading difficulty of a section's text (its summary not counted).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SectionStats {
    /// The section.
    pub id: SectionId,
    /// Its text.
    pub text: TextStats,
}

/// The size and reading difficulty of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TextStats {
    /// Words a reader reads.
    pub words: usize,
    /// Sentences; a title, a list entry or a table cell counts as one.
    pub sentences: usize,
    /// Syllables, estimated from the spelling of the text's language.
    pub syllables: usize,
}

impl TextStats {
    /// Counts the words, sentences and syllables of a text, such as a paragraph.
    ///
    /// # Examples
    ///
    /// ```
    /// use mht_guide::TextStats;
    ///
    /// let stats = TextStats::of("Technicians care for patients. Aides help them every day.");
    /// assert_eq!((stats.words, stats.sentences), (9, 2));
    /// assert!(stats.grade() < 8.0);
    /// ```
    pub fn of(text: &str) -> TextStats {
        let mut stats = TextStats::default();
        stats.add(text, syllables);
        stats
    }

    /// Counts a text in the language a formula is made for: Spanish syllables follow Spanish
    /// spelling.
    pub fn of_language(text: &str, formula: ReadingFormula) -> TextStats {
        let mut stats = TextStats::default();
        stats.add(text, formula.syllables());
        stats
    }

    /// Szigriszt-Pazos perspicuity: `206.835 − 62.3 × syllables per word − words per
    /// sentence`, read on the INFLESZ scale (see [`ReadingFormula::band`]). Count the text
    /// with [`TextStats::of_language`] so that its syllables are Spanish ones.
    pub fn perspicuity(&self) -> f64 {
        self.ratios().map_or(0.0, |(per_sentence, per_word)| {
            206.835 - 62.3 * per_word - per_sentence
        })
    }

    /// Words per sentence and syllables per word, the terms of every formula; `None` for an
    /// empty text.
    fn ratios(&self) -> Option<(f64, f64)> {
        if self.words == 0 || self.sentences == 0 {
            return None;
        }
        let (w, s, y) = (
            self.words as f64,
            self.sentences as f64,
            self.syllables as f64,
        );
        Some((w / s, y / w))
    }

    /// The Flesch-Kincaid grade level: about the US school grade a reader needs.
    ///
    /// `0.39 × words per sentence + 11.8 × syllables per word − 15.59`, with syllables
    /// estimated from spelling, so expect it to differ from other tools by a few tenths.
    pub fn grade(&self) -> f64 {
        self.ratios().map_or(0.0, |(per_sentence, per_word)| {
            0.39 * per_sentence + 11.8 * per_word - 15.59
        })
    }

    /// Adds a piece of text, which counts as at least one sentence, counting each word's
    /// syllables with `count`.
    fn add(&mut self, piece: &str, count: fn(&str) -> usize) {
        let words: Vec<&str> = piece.split_whitespace().collect();
        if words.is_empty() {
            return;
        }
        // Words as readers count them; syllables and sentence ends from the text's tokens.
        self.words += crate::prose::count_words(piece);
        self.syllables += words.iter().map(|w| count(w)).sum::<usize>();
        let ends = words
            .iter()
            .enumerate()
            .filter(|&(i, w)| i + 1 < words.len() && ends_sentence(w))
            .count();
        self.sentences += ends + 1;
    }
}

/// Whether a word ends its sentence: it ends in `.`, `!` or `?` (before closing quotes or
/// brackets) and is not an abbreviation such as `U.S.` or `e.g.`.
fn ends_sentence(word: &str) -> bool {
    let word = word.trim_end_matches(['"', '\'', ')', ']', '”', '’']);
    if word.ends_with(['!', '?']) {
        return true;
    }
    let Some(stem) = word.strip_suffix('.') else {
        return false;
    };
    let abbreviation = stem.contains('.')
        || matches!(
            stem.to_ascii_lowercase().as_str(),
            "mr" | "mrs" | "ms" | "dr" | "st" | "vs" | "etc" | "no" | "approx"
        )
        || (stem.chars().count() == 1 && stem.chars().all(|c| c.is_uppercase()));
    !abbreviation
}

/// Estimates the syllables of an English word from its spelling: groups of vowels, less a
/// silent final `e` and a silent `-ed` or `-es`. A word without letters (a number) counts one.
fn syllables(word: &str) -> usize {
    let w: Vec<u8> = word
        .bytes()
        .filter(u8::is_ascii_alphabetic)
        .map(|b| b.to_ascii_lowercase())
        .collect();
    if w.is_empty() {
        return 1;
    }
    let vowel = |b: u8| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    let mut count = 0;
    let mut previous = false;
    for (i, &b) in w.iter().enumerate() {
        // A `y` that starts a word is a consonant.
        let v = vowel(b) && !(b == b'y' && i == 0);
        if v && !previous {
            count += 1;
        }
        previous = v;
    }
    // `ia` is two syllables (me-di-an, psy-chi-a-tric) except in `-cial`, `-tial`, `-gia`.
    count += w
        .windows(3)
        .filter(|t| t[1] == b'i' && t[2] == b'a' && !matches!(t[0], b'c' | b't' | b'g'))
        .count();
    let n = w.len();
    let ends = |suffix: &[u8]| w.ends_with(suffix);
    let before = |k: usize| if n > k { w[n - 1 - k] } else { b'a' };
    let silent_ed = ends(b"ed") && !matches!(before(2), b't' | b'd');
    let silent_es = ends(b"es")
        && !matches!(before(2), b's' | b'x' | b'z' | b'c' | b'g')
        && !(before(2) == b'h' && matches!(before(3), b'c' | b's'));
    let silent_e = ends(b"e") && !ends(b"le") && !ends(b"ee");
    if count > 1 && n > 3 && (silent_e || ((silent_ed || silent_es) && !vowel(before(2)))) {
        count -= 1;
    }
    count.max(1)
}

/// Counts the syllables of a Spanish word from its spelling, which is regular: each group of
/// vowels is one syllable (a diphthong or triphthong), except that two strong vowels (`a`,
/// `e`, `o`, or an accented `í` or `ú`) side by side are two (hiatus: *le-er*, *dí-a*). The
/// `u` of `qu` and of `gu` before `e` or `i` is silent; `y` is a vowel only at the end of a
/// word (*hoy*, *muy*, *y*). A word without letters (a number) counts one.
fn syllables_spanish(word: &str) -> usize {
    let w: Vec<char> = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    if w.is_empty() {
        return 1;
    }
    #[derive(Clone, Copy, PartialEq)]
    enum Kind {
        Consonant,
        Weak,
        Strong,
    }
    let kind = |i: usize| -> Kind {
        let c = w[i];
        let next = w.get(i + 1).copied();
        match c {
            'a' | 'e' | 'o' | 'á' | 'é' | 'ó' | 'í' | 'ú' => Kind::Strong,
            'i' | 'ü' => Kind::Weak,
            'u' => {
                let after_q = i > 0 && w[i - 1] == 'q';
                let after_g = i > 0 && w[i - 1] == 'g';
                let silent = after_q || (after_g && matches!(next, Some('e' | 'i' | 'é' | 'í')));
                if silent { Kind::Consonant } else { Kind::Weak }
            }
            'y' if i + 1 == w.len() => Kind::Weak,
            _ => Kind::Consonant,
        }
    };
    let mut count = 0;
    let mut previous = Kind::Consonant;
    for i in 0..w.len() {
        let k = kind(i);
        match (previous, k) {
            (_, Kind::Consonant) => {}
            (Kind::Consonant, _) => count += 1,
            // Two strong vowels are a hiatus: a new syllable.
            (Kind::Strong, Kind::Strong) => count += 1,
            _ => {}
        }
        previous = k;
    }
    count.max(1)
}

#[cfg(test)]
mod tests;
