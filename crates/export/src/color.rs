//! Colors an organization brands its handouts with, kept readable: WCAG 2.1 contrast.

use std::fmt;
use std::str::FromStr;

/// A color in sRGB, written `#RRGGBB`.
///
/// # Examples
///
/// ```
/// use mht_guide_export::Rgb;
///
/// let green: Rgb = "#0b5d4b".parse()?;
/// assert_eq!(green.to_string(), "#0b5d4b");
/// assert!(green.contrast(Rgb::WHITE) >= 4.5);
/// assert!("red".parse::<Rgb>().is_err());
/// # Ok::<(), mht_guide_export::ParseRgbError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb {
    /// Red, 0 to 255.
    pub r: u8,
    /// Green.
    pub g: u8,
    /// Blue.
    pub b: u8,
}

/// Why a color could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected a color written #RRGGBB (six hexadecimal digits), such as #0b5d4b")]
pub struct ParseRgbError;

impl FromStr for Rgb {
    type Err = ParseRgbError;

    fn from_str(s: &str) -> Result<Rgb, ParseRgbError> {
        let hex = s.strip_prefix('#').ok_or(ParseRgbError)?;
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(ParseRgbError);
        }
        let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|_| ParseRgbError);
        Ok(Rgb {
            r: channel(0)?,
            g: channel(2)?,
            b: channel(4)?,
        })
    }
}

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

/// The contrast text needs against its background (WCAG 2.1, 1.4.3, level AA).
pub const TEXT_CONTRAST: f64 = 4.5;

impl Rgb {
    /// White, the page of a printed handout and of the light scheme.
    pub const WHITE: Rgb = Rgb {
        r: 255,
        g: 255,
        b: 255,
    };
    /// The page of the web page's and the book's dark scheme.
    pub const DARK_PAGE: Rgb = Rgb {
        r: 0x15,
        g: 0x19,
        b: 0x1c,
    };

    /// The color as the PDF writer takes it.
    #[cfg(feature = "pdf")]
    pub(crate) fn tuple(self) -> (u8, u8, u8) {
        (self.r, self.g, self.b)
    }

    /// Relative luminance (WCAG 2.1).
    fn luminance(self) -> f64 {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.040_45 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(self.r) + 0.7152 * linear(self.g) + 0.0722 * linear(self.b)
    }

    /// The contrast ratio with another color, from 1 to 21 (WCAG 2.1).
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// This color mixed toward `toward` in steps of 1/64 until it has at least `ratio`
    /// contrast with `background`; the color itself when it already has. Black or white at
    /// the end of the mix always has it against any background it is meant for.
    fn mixed_until(self, toward: Rgb, background: Rgb, ratio: f64) -> Rgb {
        let mix =
            |a: u8, b: u8, t: f64| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        (0..=64)
            .map(|step| {
                let t = f64::from(step) / 64.0;
                Rgb {
                    r: mix(self.r, toward.r, t),
                    g: mix(self.g, toward.g, t),
                    b: mix(self.b, toward.b, t),
                }
            })
            .find(|c| c.contrast(background) >= ratio)
            .unwrap_or(toward)
    }

    /// The color as text on white may use it: itself when it has 4.5:1 contrast with white,
    /// otherwise darkened, its hue kept, until it has.
    ///
    /// ```
    /// use mht_guide_export::Rgb;
    ///
    /// let yellow: Rgb = "#ffcc00".parse().unwrap();
    /// let used = yellow.for_light_page();
    /// assert_ne!(used, yellow);
    /// assert!(used.contrast(Rgb::WHITE) >= 4.5);
    /// ```
    pub fn for_light_page(self) -> Rgb {
        self.mixed_until(Rgb { r: 0, g: 0, b: 0 }, Rgb::WHITE, TEXT_CONTRAST)
    }

    /// The color as text on a light `background` may use it: darkened until it has 4.5:1
    /// (the PDF's key figures on their shaded cells).
    #[cfg(feature = "pdf")]
    pub(crate) fn on_light(self, background: Rgb) -> Rgb {
        self.mixed_until(Rgb { r: 0, g: 0, b: 0 }, background, TEXT_CONTRAST)
    }

    /// The color as text on the dark scheme's page may use it: lightened until it has 4.5:1.
    pub fn for_dark_page(self) -> Rgb {
        self.mixed_until(Rgb::WHITE, Rgb::DARK_PAGE, TEXT_CONTRAST)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_refuses() {
        assert_eq!(
            "#0B5D4B".parse::<Rgb>(),
            Ok(Rgb {
                r: 11,
                g: 93,
                b: 75
            })
        );
        for bad in [
            "red", "#12345", "#1234567", "0b5d4b", "#0b5d4g", "#", "", "#+12345",
        ] {
            assert_eq!(bad.parse::<Rgb>(), Err(ParseRgbError), "{bad}");
        }
    }

    #[test]
    fn contrast_follows_wcag() {
        let black = Rgb { r: 0, g: 0, b: 0 };
        assert!((black.contrast(Rgb::WHITE) - 21.0).abs() < 1e-9);
        assert!((Rgb::WHITE.contrast(Rgb::WHITE) - 1.0).abs() < 1e-9);
        // The guide's own accent passes on both pages as it is.
        let accent: Rgb = "#004870".parse().unwrap();
        assert_eq!(accent.for_light_page(), accent);
        assert!(accent.for_dark_page().contrast(Rgb::DARK_PAGE) >= 4.5);
    }

    #[test]
    fn a_pale_color_is_darkened_no_further_than_needed() {
        for pale in ["#ffcc00", "#ffffff", "#7fdbff", "#ff4136"] {
            let pale: Rgb = pale.parse().unwrap();
            let used = pale.for_light_page();
            assert!(used.contrast(Rgb::WHITE) >= 4.5, "{pale} -> {used}");
            assert!(
                used.contrast(Rgb::WHITE) < 6.0,
                "{pale} darkened too far: {used}"
            );
        }
    }
}
