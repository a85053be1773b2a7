//! The faces one handout draws with, and which face draws each character.
//!
//! Liberation Sans draws every character it has, in the text's own style: Latin, Greek and
//! Cyrillic, and the handout's English pages are what they always were. Any other character is
//! drawn with the first face that has it, chosen by the character's script and the edition's
//! language: the fonts the caller gave, in order; then the families made for that script
//! (Noto Sans CJK SC for Simplified Chinese, TC for Traditional, JP, KR; Noto Sans Arabic;
//! Noto Sans Devanagari…), each from the faces compiled in (Noto Sans CJK SC and Noto Sans
//! Arabic) or from the installed fonts; then any installed face that has the character. A
//! character that no face has is reported by its script, never drawn as a box.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::OnceLock;

use harfrust::Script;
use rustc_hash::FxHashMap;

use super::super::record::FontId;
use super::{BUNDLED, Face};

/// What the edition's language says about the fonts its text wants.
#[derive(Debug, Clone)]
struct LanguageHint {
    /// The BCP 47 tag, as the edition gives it.
    tag: String,
    primary: String,
    /// The CJK region whose glyph forms the text wants: SC, TC, HK, JP or KR.
    cjk: &'static str,
    /// The script the language is mostly written in, for punctuation and digits of no script
    /// of their own.
    script: Option<Script>,
}

impl LanguageHint {
    fn new(tag: &str) -> LanguageHint {
        let lower = tag.to_ascii_lowercase();
        let mut parts = lower.split(['-', '_']);
        let primary = parts.next().unwrap_or("").to_owned();
        let rest: Vec<&str> = parts.collect();
        let has = |s: &str| rest.contains(&s);
        let cjk = match primary.as_str() {
            "ja" => "JP",
            "ko" => "KR",
            "zh" | "yue" if has("hk") && !has("hans") => "HK",
            "zh" | "yue" if has("hant") || has("tw") || has("mo") => "TC",
            "yue" => "HK",
            _ => "SC",
        };
        let script = match primary.as_str() {
            "zh" | "yue" | "ja" => Some(Script::HAN),
            "ko" => Some(Script::HANGUL),
            "ar" | "fa" | "ur" | "ps" | "ku" | "sd" | "ug" => Some(Script::ARABIC),
            "he" | "yi" => Some(Script::HEBREW),
            "hi" | "mr" | "ne" | "sa" => Some(Script::DEVANAGARI),
            "pa" => Some(Script::GURMUKHI),
            "bn" | "as" => Some(Script::BENGALI),
            "gu" => Some(Script::GUJARATI),
            "ta" => Some(Script::TAMIL),
            "te" => Some(Script::TELUGU),
            "kn" => Some(Script::KANNADA),
            "ml" => Some(Script::MALAYALAM),
            "km" => Some(Script::KHMER),
            "lo" => Some(Script::LAO),
            "th" => Some(Script::THAI),
            "my" => Some(Script::MYANMAR),
            "hy" => Some(Script::ARMENIAN),
            "ka" => Some(Script::GEORGIAN),
            "am" | "ti" => Some(Script::ETHIOPIC),
            _ => None,
        };
        LanguageHint {
            tag: tag.to_owned(),
            primary,
            cjk,
            script,
        }
    }
}

/// The faces of one handout.
pub(in crate::pdf) struct FontSet {
    faces: RefCell<Vec<Rc<Face>>>,
    /// The faces the caller gave, after Liberation's four, in order.
    given: usize,
    language: LanguageHint,
    /// Whether installed fonts may be used.
    system: bool,
    /// The face chosen for a character Liberation lacks, by character and boldness.
    chosen: RefCell<FxHashMap<(char, bool), Option<FontId>>>,
    /// The installed faces already in the set, by their place in the system's font database.
    loaded: RefCell<FxHashMap<fontdb::ID, FontId>>,
    /// The bundled faces already in the set, by their place in [`BUNDLED`].
    bundled: RefCell<FxHashMap<usize, FontId>>,
}

impl std::fmt::Debug for FontSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FontSet")
            .field("faces", &self.faces.borrow().len())
            .field("language", &self.language.tag)
            .finish()
    }
}

impl FontSet {
    /// Liberation Sans, then every face of the given fonts, for text in `language`; the
    /// installed fonts too when `system` is set.
    pub(in crate::pdf) fn new(
        language: &str,
        given: &[&'static [u8]],
        system: bool,
    ) -> Result<FontSet, String> {
        let mut faces = Vec::new();
        for data in super::font_files() {
            let face = Face::new(data, 0).ok_or("a bundled font does not parse")?;
            faces.push(Rc::new(face));
        }
        for &data in given {
            let count = ttf_parser::fonts_in_collection(data).unwrap_or(1);
            for index in 0..count {
                if let Some(face) = Face::new(data, index) {
                    faces.push(Rc::new(face));
                }
            }
        }
        Ok(FontSet {
            given: faces.len() - 4,
            faces: RefCell::new(faces),
            language: LanguageHint::new(language),
            system,
            chosen: RefCell::default(),
            loaded: RefCell::default(),
            bundled: RefCell::default(),
        })
    }

    /// The face of an id this set gave out.
    pub(in crate::pdf) fn face(&self, id: FontId) -> Rc<Face> {
        Rc::clone(&self.faces.borrow()[id.index()])
    }

    /// How many faces the set holds now (it grows as installed fonts are drawn on).
    pub(in crate::pdf) fn len(&self) -> usize {
        self.faces.borrow().len()
    }

    /// The edition's language tag, which shaping is told.
    pub(in crate::pdf) fn language(&self) -> &str {
        &self.language.tag
    }

    /// The face for a character that Liberation Sans does not have, or `None` when no face
    /// has it.
    pub(in crate::pdf) fn fallback(&self, c: char, bold: bool) -> Option<FontId> {
        if let Some(&found) = self.chosen.borrow().get(&(c, bold)) {
            return found;
        }
        let found = self.find(c, bold);
        self.chosen.borrow_mut().insert((c, bold), found);
        found
    }

    fn find(&self, c: char, bold: bool) -> Option<FontId> {
        let script = match harfrust::unicode::script(u32::from(c)) {
            s if s == Script::COMMON || s == Script::INHERITED || s == Script::UNKNOWN => {
                self.language.script
            }
            s => Some(s),
        };
        // The given faces, in order; a bold one first for bold text.
        let given: Vec<(FontId, bool)> = {
            let faces = self.faces.borrow();
            (4..4 + self.given)
                .filter(|&i| faces[i].covers(c))
                .map(|i| (FontId(i as u16), faces[i].bold))
                .collect()
        };
        if let Some(&(id, _)) = given
            .iter()
            .find(|(_, b)| *b == bold)
            .or_else(|| given.first())
        {
            return Some(id);
        }
        let weight = if bold {
            fontdb::Weight::BOLD
        } else {
            fontdb::Weight::NORMAL
        };
        // The families made for the script, each asked of the bundled faces of its weight,
        // then of the installed fonts, then of the bundled face of the other weight. The
        // installed fonts are only looked for when a bundled face lacks the character.
        let families = script.map(|s| preferred_families(s, &self.language));
        for family in families.iter().flatten() {
            if let Some(font) = self.load_bundled(family, Some(bold), c) {
                return Some(font);
            }
            if self.system {
                let db = system_fonts();
                let query = fontdb::Query {
                    families: &[fontdb::Family::Name(family)],
                    weight,
                    stretch: fontdb::Stretch::Normal,
                    style: fontdb::Style::Normal,
                };
                if let Some(id) = db.query(&query)
                    && let Some(font) = self.load_system(db, id, c)
                {
                    return Some(font);
                }
            }
            if let Some(font) = self.load_bundled(family, None, c) {
                return Some(font);
            }
        }
        if !self.system {
            return None;
        }
        let db = system_fonts();
        // Any installed face that has the character, in a fixed order: upright faces only;
        // of the wanted weight first, then of normal width, then by family name.
        let mut candidates: Vec<&fontdb::FaceInfo> = db
            .faces()
            .filter(|f| f.style == fontdb::Style::Normal)
            .collect();
        candidates.sort_by_key(|f| {
            (
                f.weight != weight,
                f.stretch != fontdb::Stretch::Normal,
                f.families.first().map(|(n, _)| n.clone()),
                f.index,
            )
        });
        candidates
            .into_iter()
            .find_map(|info| self.load_system(db, info.id, c))
    }

    /// Adds the bundled face of a family to the set if it has the character: of the given
    /// boldness, or of either.
    fn load_bundled(&self, family: &str, bold: Option<bool>, c: char) -> Option<FontId> {
        let parsed = bundled_faces();
        let (index, bundled) = BUNDLED.iter().enumerate().find(|&(i, b)| {
            b.family == family
                && bold.is_none_or(|bold| b.bold == bold)
                && parsed[i]
                    .as_ref()
                    .and_then(|f| f.glyph_index(c))
                    .is_some_and(|g| g.0 != 0)
        })?;
        if let Some(&font) = self.bundled.borrow().get(&index) {
            return Some(font);
        }
        let face = Face::new(bundled.data, 0)?;
        let mut faces = self.faces.borrow_mut();
        let font = FontId(u16::try_from(faces.len()).ok()?);
        faces.push(Rc::new(face));
        self.bundled.borrow_mut().insert(index, font);
        Some(font)
    }

    /// Adds an installed face to the set if it has the character.
    fn load_system(&self, db: &fontdb::Database, id: fontdb::ID, c: char) -> Option<FontId> {
        if let Some(&font) = self.loaded.borrow().get(&id) {
            let faces = self.faces.borrow();
            return faces[font.index()].covers(c).then_some(font);
        }
        let covers = db.with_face_data(id, |data, index| {
            ttf_parser::Face::parse(data, index)
                .ok()
                .and_then(|f| f.glyph_index(c))
                .is_some_and(|g| g.0 != 0)
        })?;
        if !covers {
            return None;
        }
        let (data, index) = db.with_face_data(id, |data, index| (data.to_vec(), index))?;
        let face = Face::new(super::intern(data), index)?;
        let mut faces = self.faces.borrow_mut();
        let font = FontId(u16::try_from(faces.len()).ok()?);
        faces.push(Rc::new(face));
        self.loaded.borrow_mut().insert(id, font);
        Some(font)
    }
}

/// The bundled faces, parsed once a process, to ask which characters they have.
fn bundled_faces() -> &'static [Option<ttf_parser::Face<'static>>] {
    static FACES: OnceLock<Vec<Option<ttf_parser::Face<'static>>>> = OnceLock::new();
    FACES.get_or_init(|| {
        BUNDLED
            .iter()
            .map(|b| ttf_parser::Face::parse(b.data, 0).ok())
            .collect()
    })
}

/// The installed fonts, found once a process: fontconfig's directories and the system's
/// usual ones, as fontdb finds them.
fn system_fonts() -> &'static fontdb::Database {
    static DB: OnceLock<fontdb::Database> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        db
    })
}

/// The families made for a script, best first.
fn preferred_families(script: Script, language: &LanguageHint) -> Vec<String> {
    let cjk = |region: &str| {
        vec![
            format!("Noto Sans CJK {region}"),
            format!("Noto Sans {region}"),
            format!("Source Han Sans {region}"),
            format!("Noto Serif CJK {region}"),
        ]
    };
    match script {
        s if s == Script::HAN || s == Script::BOPOMOFO => cjk(language.cjk),
        s if s == Script::HANGUL => cjk("KR"),
        s if s == Script::HIRAGANA || s == Script::KATAKANA => cjk("JP"),
        s if s == Script::ARABIC => {
            let mut names = Vec::new();
            if language.primary == "ur" {
                names.push("Noto Nastaliq Urdu".to_owned());
            }
            names.extend(["Noto Sans Arabic", "Noto Naskh Arabic"].map(str::to_owned));
            names
        }
        s => match script_name(s) {
            Some(name) => vec![format!("Noto Sans {name}"), format!("Noto Serif {name}")],
            None => Vec::new(),
        },
    }
}

/// The English name of a script, as font families and messages give it.
pub(in crate::pdf) fn script_name(script: Script) -> Option<&'static str> {
    let tag = script.tag().to_be_bytes();
    Some(match &tag {
        b"Arab" => "Arabic",
        b"Armn" => "Armenian",
        b"Beng" => "Bengali",
        b"Bopo" => "Bopomofo",
        b"Cher" => "Cherokee",
        b"Cyrl" => "Cyrillic",
        b"Deva" => "Devanagari",
        b"Ethi" => "Ethiopic",
        b"Geor" => "Georgian",
        b"Grek" => "Greek",
        b"Gujr" => "Gujarati",
        b"Guru" => "Gurmukhi",
        b"Hang" => "Hangul",
        b"Hani" => "Han",
        b"Hebr" => "Hebrew",
        b"Hira" => "Hiragana",
        b"Kana" => "Katakana",
        b"Khmr" => "Khmer",
        b"Knda" => "Kannada",
        b"Laoo" => "Lao",
        b"Latn" => "Latin",
        b"Mlym" => "Malayalam",
        b"Mong" => "Mongolian",
        b"Mymr" => "Myanmar",
        b"Orya" => "Oriya",
        b"Sinh" => "Sinhala",
        b"Syrc" => "Syriac",
        b"Taml" => "Tamil",
        b"Telu" => "Telugu",
        b"Thaa" => "Thaana",
        b"Thai" => "Thai",
        b"Tibt" => "Tibetan",
        b"Tfng" => "Tifinagh",
        b"Yiii" => "Yi",
        b"Hmng" => "Pahawh Hmong",
        b"Hmnp" => "Nyiakeng Puachue Hmong",
        b"Cans" => "Canadian Aboriginal",
        _ => return None,
    })
}
