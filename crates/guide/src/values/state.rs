//! The states and territories of the United States, by their two-letter postal codes.

use std::fmt;

use serde::Serialize;

use super::InvalidValue;

/// Each state's or territory's postal code and English name, in code order.
const STATES: &[(&str, &str)] = &[
    ("AK", "Alaska"),
    ("AL", "Alabama"),
    ("AR", "Arkansas"),
    ("AS", "American Samoa"),
    ("AZ", "Arizona"),
    ("CA", "California"),
    ("CO", "Colorado"),
    ("CT", "Connecticut"),
    ("DC", "District of Columbia"),
    ("DE", "Delaware"),
    ("FL", "Florida"),
    ("GA", "Georgia"),
    ("GU", "Guam"),
    ("HI", "Hawaii"),
    ("IA", "Iowa"),
    ("ID", "Idaho"),
    ("IL", "Illinois"),
    ("IN", "Indiana"),
    ("KS", "Kansas"),
    ("KY", "Kentucky"),
    ("LA", "Louisiana"),
    ("MA", "Massachusetts"),
    ("MD", "Maryland"),
    ("ME", "Maine"),
    ("MI", "Michigan"),
    ("MN", "Minnesota"),
    ("MO", "Missouri"),
    ("MP", "Northern Mariana Islands"),
    ("MS", "Mississippi"),
    ("MT", "Montana"),
    ("NC", "North Carolina"),
    ("ND", "North Dakota"),
    ("NE", "Nebraska"),
    ("NH", "New Hampshire"),
    ("NJ", "New Jersey"),
    ("NM", "New Mexico"),
    ("NV", "Nevada"),
    ("NY", "New York"),
    ("OH", "Ohio"),
    ("OK", "Oklahoma"),
    ("OR", "Oregon"),
    ("PA", "Pennsylvania"),
    ("PR", "Puerto Rico"),
    ("RI", "Rhode Island"),
    ("SC", "South Carolina"),
    ("SD", "South Dakota"),
    ("TN", "Tennessee"),
    ("TX", "Texas"),
    ("UT", "Utah"),
    ("VA", "Virginia"),
    ("VI", "U.S. Virgin Islands"),
    ("VT", "Vermont"),
    ("WA", "Washington"),
    ("WI", "Wisconsin"),
    ("WV", "West Virginia"),
    ("WY", "Wyoming"),
];

/// A state, the District of Columbia or a territory of the United States, by its two-letter
/// postal code, such as `CA`.
///
/// # Examples
///
/// ```
/// use mht_guide::StateCode;
///
/// let california = StateCode::parse("CA")?;
/// assert_eq!((california.as_str(), california.english_name()), ("CA", "California"));
/// assert!(StateCode::parse("ca").unwrap_err().message().contains("`CA`"));
/// assert!(StateCode::parse("XX").is_err());
/// # Ok::<(), mht_guide::InvalidValue>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "&str")]
pub struct StateCode(&'static str);

impl StateCode {
    /// Checks that `s` is the postal code of a state, the District of Columbia or a territory.
    ///
    /// # Errors
    ///
    /// A message saying what is wrong, written for the person editing the content.
    pub fn parse(s: &str) -> Result<StateCode, InvalidValue> {
        if let Some(&(code, _)) = STATES.iter().find(|(code, _)| *code == s) {
            return Ok(StateCode(code));
        }
        let upper = s.trim().to_ascii_uppercase();
        let by_name = STATES
            .iter()
            .find(|(_, name)| name.eq_ignore_ascii_case(s.trim()));
        let suggestion = match (STATES.iter().find(|(code, _)| *code == upper), by_name) {
            (Some((code, name)), _) | (None, Some((code, name))) => {
                format!("write `{code}` for {name}")
            }
            (None, None) => "write a state's two-letter postal code, such as `CA`".to_owned(),
        };
        Err(InvalidValue(format!(
            "`{s}` is not the postal code of a US state, the District of Columbia or a \
             territory; {suggestion}"
        )))
    }

    /// The postal code, such as `CA`.
    pub fn as_str(self) -> &'static str {
        self.0
    }

    /// The state's name in English, such as `California`.
    pub fn english_name(self) -> &'static str {
        STATES
            .iter()
            .find(|(code, _)| *code == self.0)
            .map_or(self.0, |(_, name)| name)
    }

    /// Whether `name` is this state's English name, written any usual way: in any case, with
    /// or without full stops, or by another name it goes by (`Washington, D.C.` for the
    /// District of Columbia, `Virgin Islands` for the U.S. Virgin Islands).
    pub fn is_english_name(self, name: &str) -> bool {
        let plain = |s: &str| -> String {
            s.chars()
                .filter(|c| !matches!(c, '.' | ','))
                .flat_map(char::to_lowercase)
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        let name = plain(name);
        let name = name.strip_prefix("the ").unwrap_or(&name);
        let name = name.strip_prefix("state of ").unwrap_or(name);
        let also: &[&str] = match self.0 {
            "DC" => &["washington dc", "dc"],
            "VI" => &["virgin islands", "us virgin islands"],
            "MP" => &["commonwealth of the northern mariana islands"],
            "PR" => &["commonwealth of puerto rico"],
            _ => &[],
        };
        name == plain(self.english_name()) || also.contains(&name)
    }

    /// Every code, in alphabetical order: for a schema's list of values.
    pub fn all() -> impl Iterator<Item = StateCode> {
        STATES.iter().map(|&(code, _)| StateCode(code))
    }
}

impl From<StateCode> for &'static str {
    fn from(code: StateCode) -> &'static str {
        code.0
    }
}

impl fmt::Display for StateCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_in_code_order_with_no_repeats() {
        let codes: Vec<&str> = STATES.iter().map(|(c, _)| *c).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(codes, sorted);
        assert_eq!(codes.len(), 56, "50 states, DC and 5 territories");
        assert!(
            codes
                .iter()
                .all(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()))
        );
    }

    #[test]
    fn a_near_miss_gets_the_code_it_meant() {
        let lower = StateCode::parse("mi").unwrap_err();
        assert!(
            lower.message().contains("write `MI` for Michigan"),
            "{lower}"
        );
        let name = StateCode::parse("Michigan").unwrap_err();
        assert!(name.message().contains("write `MI` for Michigan"), "{name}");
        let dc = StateCode::parse("DC").unwrap();
        for name in [
            "District of Columbia",
            "Washington, D.C.",
            "washington dc",
            "D.C.",
        ] {
            assert!(dc.is_english_name(name), "{name}");
        }
        assert!(StateCode::parse("NY").unwrap().is_english_name("New York"));
        assert!(
            !StateCode::parse("NY")
                .unwrap()
                .is_english_name("New Jersey")
        );
        assert!(
            StateCode::parse("WA")
                .unwrap()
                .is_english_name("the State of Washington")
        );
        let other = StateCode::parse("ZZ").unwrap_err();
        assert!(other.message().contains("such as `CA`"), "{other}");
    }
}
