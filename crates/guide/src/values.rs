//! Small validated value types used throughout the model.
//!
//! Each type can only hold a valid value: the loader builds them with their `parse` functions and
//! reports the error message of a failed parse at the position of the offending value.

use std::fmt;

use serde::{Serialize, Serializer};

/// The text in Unicode Normalization Form C, the composed form XML and the web expect: the same
/// text a reader sees, whichever way the editor's keyboard produced it.
pub(crate) fn nfc(s: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => std::borrow::Cow::Borrowed(s),
        _ => std::borrow::Cow::Owned(s.nfc().collect()),
    }
}

/// Why content may not contain a character, or `None` when it may.
///
/// Control characters (other than tab and line ends) are invalid in XML and HTML; bidirectional
/// controls can make text display differently from how it reads (the "trojan source" trick);
/// noncharacters are not text.
pub(crate) fn forbidden_char(c: char) -> Option<&'static str> {
    match c {
        '\t' | '\n' | '\r' => None,
        c if c.is_control() => Some("a control character"),
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => Some(
            "a bidirectional control character, which can make text display differently from \
             how it reads",
        ),
        '\u{FDD0}'..='\u{FDEF}' => Some("a Unicode noncharacter"),
        c if u32::from(c) & 0xFFFE == 0xFFFE => Some("a Unicode noncharacter"),
        _ => None,
    }
}

/// Why a value was refused: one sentence, written for the person editing the content, that
/// says what is wrong and how to put it right.
///
/// # Examples
///
/// ```
/// let err = "javascript:alert(1)".parse::<mht_guide::Url>().unwrap_err();
/// assert!(err.message().contains("http"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct InvalidValue(pub(crate) String);

impl InvalidValue {
    /// What is wrong, and how to put it right.
    pub fn message(&self) -> &str {
        &self.0
    }
}

impl From<InvalidValue> for String {
    fn from(err: InvalidValue) -> String {
        err.0
    }
}

/// `FromStr` for the value types, through their `parse`.
macro_rules! from_str {
    ($($value:ty),*) => {$(
        impl std::str::FromStr for $value {
            type Err = InvalidValue;

            fn from_str(s: &str) -> Result<Self, InvalidValue> {
                <$value>::parse(s)
            }
        }
    )*};
}
pub(crate) use from_str;

from_str!(Text, Id, Url, RefDate, Currency);

/// The message for a forbidden character.
pub(crate) fn forbidden_message(c: char, why: &str) -> String {
    format!(
        "this text contains U+{:04X}, {why}; remove it",
        u32::from(c)
    )
}

/// A single line of plain text: trimmed, not empty, without control characters.
///
/// Used for titles, names and labels; longer text is [`Prose`](crate::Prose).
///
/// # Examples
///
/// ```
/// use mht_guide::Text;
///
/// assert_eq!(Text::parse("Psychiatric technicians")?.as_str(), "Psychiatric technicians");
/// assert!(Text::parse("  ").is_err());
/// # Ok::<(), String>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Text(String);

impl Text {
    /// Checks that `s` is one line of text and wraps it, in Unicode Normalization Form C.
    ///
    /// # Errors
    ///
    /// A message saying what is wrong, written for the person editing the content.
    pub fn parse(s: &str) -> Result<Text, InvalidValue> {
        Self::parse_message(s).map_err(InvalidValue)
    }

    fn parse_message(s: &str) -> Result<Text, String> {
        let s: &str = &crate::values::nfc(s);
        if s.trim().is_empty() {
            return Err("this text is empty; write the text or remove the field".into());
        }
        if s.trim() != s {
            return Err("this text starts or ends with white space; remove it".into());
        }
        if let Some(c) = s.chars().find(|&c| matches!(c, '\n' | '\r' | '\t')) {
            return Err(format!(
                "this text contains a line break or tab (U+{:04X}); a title or name must be one \
                 line of text",
                u32::from(c)
            ));
        }
        if let Some((c, why)) = s
            .chars()
            .find_map(|c| forbidden_char(c).map(|why| (c, why)))
        {
            return Err(forbidden_message(c, why));
        }
        Ok(Text(s.to_owned()))
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A stand-in for a value that failed its check; never reaches a finished guide.
    pub(crate) fn placeholder() -> Text {
        Text(String::new())
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A stable identifier: lowercase ASCII letters and digits in words joined by single hyphens.
///
/// Sources, FAQs and figures have ids; citations and anchors refer to them.
///
/// # Examples
///
/// ```
/// use mht_guide::Id;
///
/// assert_eq!(Id::parse("bls-ooh")?.as_str(), "bls-ooh");
/// assert!(Id::parse("BLS OOH").is_err());
/// # Ok::<(), String>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Id(String);

impl Id {
    /// Checks that `s` is a valid id and wraps it.
    ///
    /// # Errors
    ///
    /// A message saying what a valid id looks like.
    pub fn parse(s: &str) -> Result<Id, InvalidValue> {
        Self::parse_message(s).map_err(InvalidValue)
    }

    fn parse_message(s: &str) -> Result<Id, String> {
        let valid = !s.is_empty()
            && s.split('-').all(|word| {
                !word.is_empty()
                    && word
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            });
        if valid {
            Ok(Id(s.to_owned()))
        } else {
            Err(format!(
                "`{s}` is not a valid id; use lowercase letters and digits in words joined by \
                 single hyphens, such as `bls-ooh`"
            ))
        }
    }

    /// The id.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A stand-in for a value that failed its check; never reaches a finished guide.
    pub(crate) fn placeholder() -> Id {
        Id(String::new())
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A web or mail address that is safe to publish as a link: `http`, `https` or `mailto`.
///
/// # Examples
///
/// ```
/// use mht_guide::Url;
///
/// assert!(Url::parse("https://www.bls.gov/ooh/").is_ok());
/// assert!(Url::parse("javascript:alert(1)").is_err());
/// # Ok::<(), String>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Url(String);

impl Url {
    /// Checks that `s` is an absolute `http`, `https` or `mailto` address and wraps its
    /// serialized form.
    ///
    /// The address is parsed by the WHATWG URL rules that browsers follow (the `url` crate).
    /// It must have a valid host (for `http` and `https`), no user name or password, and valid
    /// `%` escapes; it may not hold white space, control characters, bidirectional controls
    /// or invisible characters, which can make a link read differently from where it leads.
    /// What is kept is the serialized form, with every character RFC 3986 does not allow
    /// percent-encoded, so the address is valid in HTML, XHTML and EPUB alike.
    ///
    /// # Errors
    ///
    /// A message naming what is wrong with the address.
    pub fn parse(s: &str) -> Result<Url, InvalidValue> {
        Self::parse_message(s).map_err(InvalidValue)
    }

    fn parse_message(s: &str) -> Result<Url, String> {
        let shown = shown(s);
        if let Some(c) = s.chars().find(|&c| {
            c.is_whitespace() || c.is_control() || forbidden_char(c).is_some() || invisible(c)
        }) {
            return Err(format!(
                "the address `{shown}` contains {}; addresses cannot contain spaces, control \
                 characters, bidirectional controls or invisible characters",
                char_name(c)
            ));
        }
        if let Some(at) = bad_percent_escape(s) {
            return Err(format!(
                "the address `{shown}` has a `%` at character {} that is not followed by two \
                 hexadecimal digits; write `%25` for a percent sign",
                s[..at].chars().count() + 1
            ));
        }
        let not_allowed = || {
            format!(
                "the address `{shown}` is not allowed; links must be absolute http://, \
                 https:// or mailto: addresses"
            )
        };
        let lower = s.to_ascii_lowercase();
        let rest = ["https://", "http://", "mailto:"]
            .iter()
            .find_map(|scheme| lower.strip_prefix(scheme));
        // Browsers read `https:///x` as `https://x/`; a link written that way is a mistake.
        if rest.is_none_or(|rest| rest.is_empty() || rest.starts_with(['/', '\\'])) {
            return Err(not_allowed());
        }
        let url = url::Url::parse(s)
            .map_err(|err| format!("the address `{shown}` is not a valid URL: {err}"))?;
        match url.scheme() {
            "http" | "https" => {
                if url.host_str().is_none_or(str::is_empty) {
                    return Err(format!("the address `{shown}` has no host name"));
                }
            }
            "mailto" => {
                if url.path().is_empty() {
                    return Err(format!("the address `{shown}` names no mailbox"));
                }
            }
            _ => return Err(not_allowed()),
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(format!(
                "the address `{shown}` carries a user name or password; remove the part \
                 before `@`"
            ));
        }
        Ok(Url(rfc3986(url.as_str())))
    }

    /// The address.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A stand-in for a value that failed its check; never reaches a finished guide.
    pub(crate) fn placeholder() -> Url {
        Url(String::new())
    }
}

impl fmt::Display for Url {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Characters that print as nothing: a link holding them can read differently from where it
/// leads.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2060}'..='\u{2064}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// The byte offset of the first `%` not followed by two hexadecimal digits.
fn bad_percent_escape(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    bytes.iter().enumerate().find_map(|(i, &b)| {
        let valid = b != b'%'
            || (bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit));
        (!valid).then_some(i)
    })
}

/// A serialized URL with every ASCII character that RFC 3986 does not allow after the
/// authority percent-encoded, including a second `#`; the WHATWG serializer leaves some of
/// them (`[`, `]`, `|`, `^`, `#` in a fragment) as they are, and XML validators reject them.
fn rfc3986(serialized: &str) -> String {
    // The authority ends at the first `/` after `//`, or, for `mailto:`, there is none.
    let body_start = serialized
        .find("://")
        .map(|i| {
            serialized[i + 3..]
                .find('/')
                .map_or(serialized.len(), |j| i + 3 + j)
        })
        .unwrap_or_else(|| serialized.find(':').map_or(0, |i| i + 1));
    let (head, body) = serialized.split_at(body_start);
    let mut out = String::with_capacity(serialized.len());
    out.push_str(head);
    let mut in_fragment = false;
    for c in body.chars() {
        let allowed = c.is_ascii_alphanumeric()
            || "-._~!$&'()*+,;=:@/?%".contains(c)
            || (c == '#' && !in_fragment);
        if c == '#' {
            in_fragment = true;
        }
        if allowed || !c.is_ascii() {
            out.push(c);
        } else {
            out.push_str(&format!("%{:02X}", u32::from(c)));
        }
    }
    out
}

/// A text as a message shows it: as written, except that characters which would not show, or
/// would disturb a terminal, appear as `<U+XXXX>`.
///
/// # Examples
///
/// ```
/// assert_eq!(mht_guide::shown("Acme\u{1b}[31m"), "Acme<U+001B>[31m");
/// ```
pub fn shown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control() || forbidden_char(c).is_some() || invisible(c) {
            out.push_str(&format!("<U+{:04X}>", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// A character named for a message: `U+202E`, with what it is when that matters.
fn char_name(c: char) -> String {
    match forbidden_char(c) {
        Some(why) => format!("U+{:04X}, {why}", u32::from(c)),
        None if c.is_whitespace() => format!("U+{:04X}, white space", u32::from(c)),
        None if invisible(c) => format!("U+{:04X}, an invisible character", u32::from(c)),
        None => format!("U+{:04X}", u32::from(c)),
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A calendar date with the precision the data has: a year, a month, or a day.
///
/// Written `2024`, `2024-05` or `2025-08-28` in the content; displayed as `2024`, `May 2024` or
/// `August 28, 2025`.
///
/// # Examples
///
/// ```
/// use mht_guide::RefDate;
///
/// let may: RefDate = "2024-05".parse()?;
/// assert_eq!((may.year(), may.month(), may.day()), (2024, Some(5), None));
/// assert_eq!(mht_guide::guide().labels.date(may), "May 2024");
/// assert_eq!(mht_guide::edition("es").unwrap().labels.date(may), "mayo de 2024");
/// # Ok::<(), mht_guide::InvalidValue>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RefDate {
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
}

impl RefDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    ///
    /// # Errors
    ///
    /// A message naming the accepted forms.
    pub fn parse(s: &str) -> Result<RefDate, InvalidValue> {
        Self::parse_message(s).map_err(InvalidValue)
    }

    fn parse_message(s: &str) -> Result<RefDate, String> {
        let bad = || {
            format!(
                "`{s}` is not a date; write a year (`2024`), a month (`2024-05`) or a day \
                 (`2025-08-28`), from 1900 to 2200"
            )
        };
        let mut parts = s.split('-');
        let number = |part: Option<&str>, len: usize| -> Result<Option<u16>, String> {
            match part {
                None => Ok(None),
                Some(p) if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) => {
                    p.parse().map(Some).map_err(|_| bad())
                }
                Some(_) => Err(bad()),
            }
        };
        let year = number(parts.next(), 4)?.ok_or_else(bad)?;
        let month = number(parts.next(), 2)?;
        let day = number(parts.next(), 2)?;
        if parts.next().is_some() || !(1900..=2200).contains(&year) {
            return Err(bad());
        }
        let month = match month {
            Some(m @ 1..=12) => Some(m as u8),
            Some(_) => return Err(bad()),
            None => None,
        };
        let day = match (month, day) {
            (_, None) => None,
            (Some(m), Some(d)) if d >= 1 && d <= u16::from(days_in_month(year, m)) => Some(d as u8),
            _ => return Err(bad()),
        };
        Ok(RefDate { year, month, day })
    }

    /// A stand-in for a value that failed its check; never reaches a finished guide.
    pub(crate) fn placeholder() -> RefDate {
        RefDate {
            year: 1970,
            month: None,
            day: None,
        }
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month (1–12), when the date has one.
    pub fn month(self) -> Option<u8> {
        self.month
    }

    /// The day of the month, when the date has one.
    pub fn day(self) -> Option<u8> {
        self.day
    }

    /// The date in ISO 8601 form, as written in the content: `2024`, `2024-05` or `2025-08-28`.
    pub fn iso(self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }

    /// The first day the date covers: `2024` → January 1, 2024.
    ///
    /// # Examples
    ///
    /// ```
    /// use mht_guide::RefDate;
    ///
    /// assert_eq!(RefDate::parse("2024")?.first_day(), RefDate::parse("2024-01-01")?);
    /// # Ok::<(), String>(())
    /// ```
    pub fn first_day(self) -> RefDate {
        let month = self.month.unwrap_or(1);
        RefDate {
            year: self.year,
            month: Some(month),
            day: Some(self.day.unwrap_or(1)),
        }
    }

    /// The last day the date covers: `2024-02` → February 29, 2024.
    ///
    /// # Examples
    ///
    /// ```
    /// use mht_guide::RefDate;
    ///
    /// assert_eq!(RefDate::parse("2024-02")?.last_day(), RefDate::parse("2024-02-29")?);
    /// assert_eq!(RefDate::parse("2022")?.last_day(), RefDate::parse("2022-12-31")?);
    /// # Ok::<(), String>(())
    /// ```
    pub fn last_day(self) -> RefDate {
        let month = self.month.unwrap_or(12);
        RefDate {
            year: self.year,
            month: Some(month),
            day: Some(self.day.unwrap_or(days_in_month(self.year, month))),
        }
    }

    /// The same day `years` years earlier (February 29 becomes February 28).
    pub fn years_earlier(self, years: u16) -> RefDate {
        let year = self.year.saturating_sub(years);
        let day = match (self.month, self.day) {
            (Some(m), Some(d)) => Some(d.min(days_in_month(year, m))),
            (_, d) => d,
        };
        RefDate { year, day, ..self }
    }

    /// The UTC day that a Unix time falls on, such as today's date from
    /// [`SystemTime`](std::time::SystemTime).
    ///
    /// # Examples
    ///
    /// ```
    /// use mht_guide::RefDate;
    ///
    /// assert_eq!(RefDate::from_unix_seconds(1_779_580_800).iso(), "2026-05-24");
    /// ```
    pub fn from_unix_seconds(seconds: i64) -> RefDate {
        // Civil from days, after Howard Hinnant's algorithm.
        let z = seconds.div_euclid(86_400) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        RefDate {
            year: u16::try_from(year.clamp(0, i64::from(u16::MAX))).unwrap_or(u16::MAX),
            month: u8::try_from(month).ok(),
            day: u8::try_from(day).ok(),
        }
    }

    /// Seconds since the Unix epoch at midnight UTC on the first day the date covers.
    pub fn unix_seconds(self) -> i64 {
        let (y, m, d) = (
            i64::from(self.year),
            i64::from(self.month.unwrap_or(1)),
            i64::from(self.day.unwrap_or(1)),
        );
        // Days from civil, after Howard Hinnant's algorithm.
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        (era * 146_097 + doe - 719_468) * 86_400
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl RefDate {
    /// The date in US English, for messages to the person running a tool: `November 23,
    /// 2026`, `May 2024`, `2024`.
    ///
    /// A date a reader of an edition sees comes from the edition's labels instead, in its
    /// language ([`Labels::date`](crate::Labels::date)); that is why `RefDate` has no
    /// `Display`.
    ///
    /// # Examples
    ///
    /// ```
    /// let date = mht_guide::RefDate::parse("2024-05")?;
    /// assert_eq!(date.english(), "May 2024");
    /// let spanish = mht_guide::edition("es").unwrap();
    /// assert_eq!(spanish.labels.date(date), "mayo de 2024");
    /// # Ok::<(), String>(())
    /// ```
    pub fn english(self) -> String {
        let month = self.month.map(|m| MONTHS[usize::from(m) - 1]);
        match (month, self.day) {
            (Some(m), Some(d)) => format!("{m} {d}, {}", self.year),
            (Some(m), None) => format!("{m} {}", self.year),
            _ => self.year.to_string(),
        }
    }
}

impl Serialize for RefDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

/// Writes a whole number with commas between groups of three digits, as US English does: for
/// counting a figure's words; a reader's numbers come from the edition's labels
/// ([`Labels::number`](crate::Labels::number)).
pub(crate) fn group_digits(n: u64) -> String {
    let digits = n.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

/// An amount of money in whole cents, with its currency.
///
/// Written as a number in the content (`42590` or `20.29`); displayed with a currency sign and
/// thousands separators (`$42,590`, `$20.29`).
///
/// # Examples
///
/// ```
/// use mht_guide::Money;
///
/// let pay = Money::from_cents(4_259_000, "USD")?;
/// let labels = &mht_guide::guide().labels;
/// assert_eq!(labels.money(&pay), "$42,590");
/// assert_eq!(labels.money(&Money::from_cents(2029, "USD")?), "$20.29");
/// # Ok::<(), mht_guide::InvalidValue>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money {
    cents: u64,
    currency: Currency,
}

/// The currencies a figure can be given in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[non_exhaustive]
pub enum Currency {
    /// United States dollars.
    #[serde(rename = "USD")]
    Usd,
}

impl Currency {
    /// Parses an ISO 4217 code this crate knows.
    ///
    /// # Errors
    ///
    /// A message listing the supported codes.
    pub fn parse(code: &str) -> Result<Currency, InvalidValue> {
        Self::parse_message(code).map_err(InvalidValue)
    }

    fn parse_message(code: &str) -> Result<Currency, String> {
        match code {
            "USD" => Ok(Currency::Usd),
            _ => Err(format!(
                "unknown currency `{code}`; the supported currency is `USD`"
            )),
        }
    }

    /// The ISO 4217 code.
    pub fn code(self) -> &'static str {
        match self {
            Currency::Usd => "USD",
        }
    }

    fn symbol(self) -> &'static str {
        match self {
            Currency::Usd => "$",
        }
    }
}

impl Money {
    /// Builds an amount from whole cents and a currency.
    pub fn new(cents: u64, currency: Currency) -> Money {
        Money { cents, currency }
    }

    /// Builds an amount from whole cents and an ISO 4217 currency code.
    ///
    /// # Errors
    ///
    /// When the currency code is not supported.
    pub fn from_cents(cents: u64, currency: &str) -> Result<Money, InvalidValue> {
        Ok(Money::new(cents, Currency::parse(currency)?))
    }

    /// Builds an amount from a number as written in the content.
    ///
    /// # Errors
    ///
    /// When the number is negative, not finite, has more than two decimals or is absurdly
    /// large, or when the currency is not supported.
    pub fn from_number(amount: f64, currency: &str) -> Result<Money, InvalidValue> {
        let currency = Currency::parse(currency)?;
        let cents = Money::cents_from_number(amount).map_err(InvalidValue)?;
        Ok(Money::new(cents, currency))
    }

    /// Whole cents from a number of currency units with at most two decimals.
    pub(crate) fn cents_from_number(amount: f64) -> Result<u64, String> {
        let cents = amount * 100.0;
        // Pay is never nothing: zero is as unusable as a negative number.
        if !(cents.is_finite() && cents > 0.0 && cents <= 1e15) {
            return Err(format!(
                "`{amount}` is not a usable amount; write a positive number such as `42590` or \
                 `20.29`"
            ));
        }
        if (cents - cents.round()).abs() > 1e-6 {
            return Err(format!(
                "`{amount}` has more than two decimals; round it to whole cents"
            ));
        }
        // The checks above keep the value within u64 and integral.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Ok(cents.round() as u64)
    }

    /// The amount in cents.
    pub fn cents(&self) -> u64 {
        self.cents
    }

    /// The currency.
    pub fn currency(&self) -> Currency {
        self.currency
    }
}

impl Money {
    /// The amount in US English (`$42,590`, `$20.29`), for counting a figure's words in a
    /// section. What a reader of an edition sees comes from its labels instead
    /// ([`Labels::money`](crate::Labels::money)), in the edition's language.
    pub(crate) fn english(&self) -> String {
        let grouped = group_digits(self.cents / 100);
        match self.cents % 100 {
            0 => format!("{}{grouped}", self.currency.symbol()),
            cents => format!("{}{grouped}.{cents:02}", self.currency.symbol()),
        }
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Money", 2)?;
        if self.cents.is_multiple_of(100) {
            s.serialize_field("amount", &(self.cents / 100))?;
        } else {
            // Cents are exact in f64 far beyond any pay figure.
            #[allow(clippy::cast_precision_loss)]
            s.serialize_field("amount", &(self.cents as f64 / 100.0))?;
        }
        s.serialize_field("currency", &self.currency)?;
        s.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_grouped_by_threes() {
        assert_eq!(group_digits(182_900), "182,900");
        assert_eq!(group_digits(1_234_567), "1,234,567");
        assert_eq!(group_digits(999), "999");
        assert_eq!(group_digits(0), "0");
    }

    #[test]
    fn urls_that_browsers_and_validators_disagree_on_are_refused() {
        for bad in [
            "https://example.org/a%zzb",
            "https://example.org/a%2",
            "https://#x",
            "https://0..0/",
            "https://example.org:99999/",
            "https://user:pw@a@b/",
            "https://user@example.org/",
            "https://example.org/\u{202E}gnp.exe",
            "https://example.org/a\u{200B}b",
            "https://example.org/\u{FEFF}",
            "https://example.org/\u{180E}",
            "https://example.org/\u{2066}x",
            "https:///path",
            "mailto:",
            "ftp://example.org/",
            "javascript:alert(1)",
        ] {
            assert!(Url::parse(bad).is_err(), "{}", bad.escape_debug());
        }
    }

    #[test]
    fn urls_are_kept_in_their_serialized_form() {
        let cases = [
            ("https://example.org", "https://example.org/"),
            ("HTTPS://Example.ORG/a b", ""),
            ("https://example.org/a[1]", "https://example.org/a%5B1%5D"),
            ("https://example.org/a#b#c", "https://example.org/a#b%23c"),
            ("https://example.org/<x>", "https://example.org/%3Cx%3E"),
            ("https://example.org/a|b^c", "https://example.org/a%7Cb%5Ec"),
            (
                "https://bücher.example/ü",
                "https://xn--bcher-kva.example/%C3%BC",
            ),
            ("mailto:someone@example.org", "mailto:someone@example.org"),
            (
                "https://example.org/q?x=1&y=%20#top",
                "https://example.org/q?x=1&y=%20#top",
            ),
        ];
        for (input, serialized) in cases {
            match Url::parse(input) {
                Ok(url) => assert_eq!(url.as_str(), serialized, "{input}"),
                Err(e) => assert!(serialized.is_empty(), "{input}: {e}"),
            }
        }
    }

    #[test]
    fn diagnostics_show_hidden_characters_by_code_point() {
        assert_eq!(shown("a\u{FEFF}\"b\u{1b}"), "a<U+FEFF>\"b<U+001B>");
    }

    #[test]
    fn text_is_normalized_to_nfc() {
        assert_eq!(
            Text::parse("cafe\u{301}").map(|t| t.to_string()),
            Ok("caf\u{e9}".into())
        );
    }

    #[test]
    fn text_rejects_control_characters_and_padding() {
        assert!(Text::parse("a\nb").is_err());
        assert!(Text::parse(" a").is_err());
        assert!(Text::parse("").is_err());
        assert!(Text::parse("Ærø – ok").is_ok());
    }

    #[test]
    fn ids() {
        for good in ["a", "bls-ooh", "s1", "29-2053"] {
            assert!(Id::parse(good).is_ok(), "{good}");
        }
        for bad in ["", "-a", "a-", "a--b", "A", "a b", "a_b", "é"] {
            assert!(Id::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn urls_allow_only_safe_schemes() {
        for (good, serialized) in [
            ("https://www.bls.gov/ooh/", "https://www.bls.gov/ooh/"),
            ("HTTP://x.org", "http://x.org/"),
            ("mailto:a@b.org", "mailto:a@b.org"),
        ] {
            assert_eq!(
                Url::parse(good).map(|u| u.to_string()),
                Ok(serialized.to_owned())
            );
        }
        assert_eq!(
            Url::parse("https://x.org/?a=<1>&b=\"2\"").map(|u| u.to_string()),
            Ok("https://x.org/?a=%3C1%3E&b=%222%22".to_owned())
        );
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,x",
            "vbscript:x",
            "https://",
            "https:///x",
            "//x.org",
            "/relative",
            "https://a b",
            "https://a\u{0}b",
            "ftp://x.org",
        ] {
            assert!(Url::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn dates() {
        assert_eq!(
            RefDate::parse("2024").map(RefDate::english),
            Ok("2024".into())
        );
        assert_eq!(
            RefDate::parse("2024-02-29").map(|d| d.iso()),
            Ok("2024-02-29".into())
        );
        for bad in [
            "24",
            "2024-13",
            "2023-02-29",
            "2024-1",
            "2024-01-01-01",
            "May 2024",
        ] {
            assert!(RefDate::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            RefDate::parse("1970-01-01").map(RefDate::unix_seconds),
            Ok(0)
        );
        assert_eq!(
            RefDate::parse("2026-11-23").map(RefDate::unix_seconds),
            Ok(1_795_392_000)
        );
    }

    #[test]
    fn money() {
        let m = |n: f64| Money::from_number(n, "USD").map(|m| m.english());
        assert_eq!(m(42590.0), Ok("$42,590".into()));
        assert_eq!(m(20.29), Ok("$20.29".into()));
        assert_eq!(m(1_234_567.5), Ok("$1,234,567.50".into()));
        assert_eq!(m(999.0), Ok("$999".into()));
        assert!(m(-1.0).is_err());
        assert!(m(1.234).is_err());
        assert!(m(f64::NAN).is_err());
        assert!(Money::from_number(1.0, "EUR").is_err());
    }
}
