//! Dates with the precision the data has.

use serde::{Serialize, Serializer};

use super::InvalidValue;

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
