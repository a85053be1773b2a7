//! QR codes of an address, printed so that a reader can go from paper back to the web.

use qrcode::{Color, EcLevel, QrCode};

/// A QR code: its modules row by row, without the quiet zone around it.
pub(crate) struct Qr {
    /// Modules on a side.
    pub(crate) width: usize,
    dark: Vec<bool>,
}

/// The quiet zone the standard asks for around a code, in modules.
pub(crate) const QUIET: usize = 4;

/// The longest address printed as a QR code, in bytes: a code of version 5 (37 modules a side)
/// at level M. A handout prints each module at the same size, so that a phone can read it from
/// paper; a longer address makes a larger code, which would push the fact sheet onto a third
/// page. A longer address is printed as text alone.
pub const MAX_QR_BYTES: usize = 80;

impl Qr {
    /// The code of `text` at error correction level M (15%), which survives a fold or a smudge;
    /// `None` for text longer than [`MAX_QR_BYTES`].
    pub(crate) fn new(text: &str) -> Option<Qr> {
        if text.len() > MAX_QR_BYTES {
            return None;
        }
        let code = QrCode::with_error_correction_level(text, EcLevel::M).ok()?;
        Some(Qr {
            width: code.width(),
            dark: code
                .to_colors()
                .into_iter()
                .map(|c| c == Color::Dark)
                .collect(),
        })
    }

    /// The dark modules as runs along each row: row, first column, length.
    pub(crate) fn runs(&self) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        for row in 0..self.width {
            let mut col = 0;
            while col < self.width {
                if self.dark[row * self.width + col] {
                    let start = col;
                    while col < self.width && self.dark[row * self.width + col] {
                        col += 1;
                    }
                    out.push((row, start, col - start));
                } else {
                    col += 1;
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_cover_exactly_the_dark_modules() {
        let qr = Qr::new("https://example.org/careers").unwrap();
        assert!(qr.width >= 21);
        let covered: usize = qr.runs().iter().map(|r| r.2).sum();
        assert_eq!(covered, qr.dark.iter().filter(|d| **d).count());
        // The finder pattern's top row: seven dark modules from the corner.
        assert_eq!(qr.runs()[0], (0, 0, 7));
    }
}
