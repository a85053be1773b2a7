//! Calendar dates from timestamps, for the dates written into PDF and EPUB files.

/// A UTC date and time: year, month, day, hour, minute, second.
pub(crate) type Civil = (i64, i64, i64, i64, i64, i64);

/// The latest moment a file's date can hold: 9999-12-31T23:59:59Z. PDF and EPUB dates have
/// four-digit years.
pub const LATEST_TIMESTAMP: i64 = 253_402_300_799;

/// The UTC date and time of a number of seconds since the Unix epoch, held to the dates a file
/// can carry: from 1970-01-01 to 9999-12-31.
pub(crate) fn civil(seconds: i64) -> Civil {
    let seconds = seconds.clamp(0, LATEST_TIMESTAMP);
    let day = mht_guide::RefDate::from_unix_seconds(seconds);
    let secs = seconds.rem_euclid(86_400);
    (
        i64::from(day.year()),
        i64::from(day.month().unwrap_or(1)),
        i64::from(day.day().unwrap_or(1)),
        secs / 3600,
        secs % 3600 / 60,
        secs % 60,
    )
}

/// ISO 8601 in UTC to the second, as EPUB's `dcterms:modified` and XMP want:
/// `2026-11-23T00:00:00Z`.
#[cfg_attr(not(any(feature = "epub", feature = "pdf")), allow(dead_code))]
pub(crate) fn iso(seconds: i64) -> String {
    let (y, mo, d, h, mi, s) = civil(seconds);
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(iso(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso(1_795_392_000), "2026-11-23T00:00:00Z");
        assert_eq!(iso(951_782_400 + 3_661), "2000-02-29T01:01:01Z");
        assert_eq!(civil(-1), (1970, 1, 1, 0, 0, 0));
        assert_eq!(iso(LATEST_TIMESTAMP), "9999-12-31T23:59:59Z");
        assert_eq!(iso(i64::MAX), "9999-12-31T23:59:59Z");
        assert_eq!(iso(i64::MIN), "1970-01-01T00:00:00Z");
    }
}
