//! What the zipped formats (the EPUB and the Word document) share.

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime};

/// How a package's entries are written: stored (a PNG, the EPUB's `mimetype`) and deflated,
/// both dated `timestamp`, so that the same input gives the same bytes. The Word document is
/// zipped the same way.
pub(crate) fn zip_entries(timestamp: i64) -> (SimpleFileOptions, SimpleFileOptions) {
    let (y, mo, d, h, mi, s) = crate::time::civil(timestamp);
    // Zip dates run from 1980 to 2107; the fixed date is clamped into that range.
    let date = DateTime::from_date_and_time(
        u16::try_from(y.clamp(1980, 2107)).unwrap_or(1980),
        u8::try_from(mo).unwrap_or(1),
        u8::try_from(d).unwrap_or(1),
        u8::try_from(h).unwrap_or(0),
        u8::try_from(mi).unwrap_or(0),
        u8::try_from(s).unwrap_or(0),
    )
    .unwrap_or_default();
    let stored = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .last_modified_time(date)
        .unix_permissions(0o644);
    let deflated = stored
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(9));
    (stored, deflated)
}
