//! An organization's logo: a PNG or JPEG file, decoded and checked before anything is written.
//!
//! The image is decoded in full, so a damaged or truncated file is refused up front rather
//! than printed as a broken picture. The PDF embeds the decoded pixels; the web page and the
//! EPUB carry the same pixels written again as PNG, which leaves behind whatever metadata the
//! file held (a photo's location, say).

use std::fmt;
use std::io::Cursor;

/// The largest logo file read, in bytes.
pub const MAX_LOGO_BYTES: usize = 4 * 1024 * 1024;
/// The most pixels a logo may have on either side. Printed 15 mm tall at 300 dpi, a logo
/// needs about 180; the limit leaves room for any sensible file and keeps a hostile one from
/// taking the memory of a huge picture.
pub const MAX_LOGO_SIDE: u32 = 2000;

/// A decoded, checked logo.
///
/// # Examples
///
/// ```
/// use mht_guide_export::Logo;
///
/// assert!(Logo::from_bytes(b"GIF89a").is_err());
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Logo {
    width: u32,
    height: u32,
    /// The pixels, 8-bit RGB, row by row.
    rgb: Vec<u8>,
    /// Each pixel's opacity, when any pixel is not opaque.
    alpha: Option<Vec<u8>>,
    /// The same pixels as a PNG file.
    png: Vec<u8>,
}

impl fmt::Debug for Logo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Logo")
            .field("width", &self.width)
            .field("height", &self.height)
            .field("alpha", &self.alpha.is_some())
            .finish_non_exhaustive()
    }
}

/// Why a file cannot be a logo.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LogoError {
    /// The file is neither PNG nor JPEG.
    #[error("it is not a PNG or JPEG image; save the logo as PNG (best for a logo) or JPEG")]
    NotAnImage,
    /// The file is larger than [`MAX_LOGO_BYTES`].
    #[error(
        "it is {bytes} bytes, more than the {max} a logo may be; save a smaller copy (600 \
         pixels wide is plenty for print)",
        max = MAX_LOGO_BYTES
    )]
    TooLarge {
        /// The file's size.
        bytes: usize,
    },
    /// The picture is wider or taller than [`MAX_LOGO_SIDE`], or has no pixels.
    #[error(
        "it is {width} × {height} pixels; a logo may be at most {max} on each side and not \
         empty, so save a smaller copy (600 pixels wide is plenty for print)",
        max = MAX_LOGO_SIDE
    )]
    Size {
        /// Its width in pixels.
        width: u32,
        /// Its height in pixels.
        height: u32,
    },
    /// The image data is damaged or cut short.
    #[error(
        "the {format} image is damaged or incomplete ({detail}); export it again from the original"
    )]
    Damaged {
        /// `PNG` or `JPEG`.
        format: &'static str,
        /// What the decoder said.
        detail: String,
    },
}

impl Logo {
    /// Decodes and checks a PNG or JPEG file.
    ///
    /// # Errors
    ///
    /// [`LogoError`] for a file that is not PNG or JPEG, is too large, or does not decode
    /// completely.
    pub fn from_bytes(bytes: &[u8]) -> Result<Logo, LogoError> {
        if bytes.len() > MAX_LOGO_BYTES {
            return Err(LogoError::TooLarge { bytes: bytes.len() });
        }
        let (width, height, rgba) = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            decode_png(bytes)?
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            decode_jpeg(bytes)?
        } else {
            return Err(LogoError::NotAnImage);
        };
        let opaque = rgba.chunks_exact(4).all(|p| p[3] == 255);
        let rgb: Vec<u8> = rgba
            .chunks_exact(4)
            .flat_map(|p| [p[0], p[1], p[2]])
            .collect();
        let alpha = (!opaque).then(|| rgba.chunks_exact(4).map(|p| p[3]).collect());
        let png = encode_png(width, height, &rgba).map_err(|e| LogoError::Damaged {
            format: "PNG",
            detail: e.to_string(),
        })?;
        Ok(Logo {
            width,
            height,
            rgb,
            alpha,
            png,
        })
    }

    /// The width in pixels.
    pub fn width(&self) -> u32 {
        self.width
    }

    /// The height in pixels.
    pub fn height(&self) -> u32 {
        self.height
    }

    /// The pixels as 8-bit RGB, row by row.
    pub fn rgb(&self) -> &[u8] {
        &self.rgb
    }

    /// Each pixel's opacity, row by row, when the logo is not wholly opaque.
    pub fn alpha(&self) -> Option<&[u8]> {
        self.alpha.as_deref()
    }

    /// The logo as a PNG file, without the source file's metadata.
    pub fn png(&self) -> &[u8] {
        &self.png
    }

    /// The logo as a `data:` URL, for a self-contained web page.
    pub fn data_url(&self) -> String {
        use base64::Engine as _;
        let encoded = base64::engine::general_purpose::STANDARD.encode(&self.png);
        format!("data:image/png;base64,{encoded}")
    }
}

fn check_size(width: u32, height: u32) -> Result<(), LogoError> {
    if width == 0 || height == 0 || width > MAX_LOGO_SIDE || height > MAX_LOGO_SIDE {
        return Err(LogoError::Size { width, height });
    }
    Ok(())
}

/// A PNG as 8-bit RGBA, whatever its color type and depth.
fn decode_png(bytes: &[u8]) -> Result<(u32, u32, Vec<u8>), LogoError> {
    let damaged = |e: png::DecodingError| LogoError::Damaged {
        format: "PNG",
        detail: png_detail(&e),
    };
    // The largest picture allowed, as 16-bit RGBA, with room for the decoder's own buffers.
    let side = MAX_LOGO_SIDE as usize;
    let limits = png::Limits {
        bytes: side * side * 8 + (1 << 20),
    };
    // The size, from the header that must come first, is checked before the decoder
    // reserves anything for the pixels.
    if let (Some(b"IHDR"), Some(w), Some(h)) = (
        bytes.get(12..16),
        bytes.get(16..20).and_then(|b| b.try_into().ok()),
        bytes.get(20..24).and_then(|b| b.try_into().ok()),
    ) {
        check_size(u32::from_be_bytes(w), u32::from_be_bytes(h))?;
    }
    let mut decoder = png::Decoder::new_with_limits(Cursor::new(bytes), limits);
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(damaged)?;
    let (width, height) = (reader.info().width, reader.info().height);
    check_size(width, height)?;
    let size = reader
        .output_buffer_size()
        .ok_or(LogoError::Size { width, height })?;
    let mut buf = vec![0; size];
    let frame = reader.next_frame(&mut buf).map_err(damaged)?;
    // Read on to the end, so that a file cut short anywhere is refused.
    reader.finish().map_err(damaged)?;
    buf.truncate(frame.buffer_size());
    let pixels = (width * height) as usize;
    let rgba: Vec<u8> = match frame.color_type {
        png::ColorType::Rgba => buf,
        png::ColorType::Rgb => buf
            .chunks_exact(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        png::ColorType::GrayscaleAlpha => buf
            .chunks_exact(2)
            .flat_map(|p| [p[0], p[0], p[0], p[1]])
            .collect(),
        png::ColorType::Grayscale => buf.iter().flat_map(|&g| [g, g, g, 255]).collect(),
        png::ColorType::Indexed => {
            return Err(LogoError::Damaged {
                format: "PNG",
                detail: "a palette image the decoder did not expand".into(),
            });
        }
    };
    if rgba.len() != pixels * 4 {
        return Err(LogoError::Damaged {
            format: "PNG",
            detail: "fewer pixels than its size says".into(),
        });
    }
    Ok((width, height, rgba))
}

/// What the PNG decoder says of a damaged file, in a sentence: some of its messages are a
/// Rust structure's debug form.
fn png_detail(e: &png::DecodingError) -> String {
    let said = e.to_string();
    if said.contains("CrcMismatch") || said.to_ascii_lowercase().contains("crc") {
        return "a chunk's checksum does not match its data, so the file was changed or cut \
                after it was saved"
            .into();
    }
    match said.find(['{', '(']) {
        Some(at) if said.contains('}') || said.contains(')') => {
            said[..at].trim_end_matches([' ', ':']).to_owned()
        }
        _ => said,
    }
}

/// A JPEG as 8-bit RGBA (opaque), upright: a CMYK or YCCK file (as print shops and
/// Photoshop make them) converted to RGB, and the EXIF orientation a camera or phone records
/// applied, as browsers and viewers show the picture.
fn decode_jpeg(bytes: &[u8]) -> Result<(u32, u32, Vec<u8>), LogoError> {
    use zune_jpeg::zune_core::colorspace::ColorSpace;
    use zune_jpeg::zune_core::options::DecoderOptions;
    let damaged = |e: zune_jpeg::errors::DecodeErrors| LogoError::Damaged {
        format: "JPEG",
        detail: e.to_string(),
    };
    // Strict mode: a file cut short is an error, not a picture with a gray bottom. The
    // decoder's own size limit is JPEG's; the logo's is checked after the header, by name.
    let options = |out: ColorSpace| {
        DecoderOptions::default()
            .set_strict_mode(true)
            .set_max_width(usize::from(u16::MAX))
            .set_max_height(usize::from(u16::MAX))
            .jpeg_set_out_colorspace(out)
    };
    let mut decoder =
        zune_jpeg::JpegDecoder::new_with_options(Cursor::new(bytes), options(ColorSpace::RGBA));
    decoder.decode_headers().map_err(damaged)?;
    let (width, height) = decoder
        .dimensions()
        .map(|(w, h)| (w as u32, h as u32))
        .unwrap_or((0, 0));
    check_size(width, height)?;
    let orientation = decoder.exif().map_or(1, |exif| exif_orientation(exif));
    let ink = matches!(
        decoder.input_colorspace(),
        Some(ColorSpace::CMYK | ColorSpace::YCCK)
    );
    let pixels = if ink {
        // The decoder gives the four inks as stored; the conversion to RGB is ours.
        let mut inks =
            zune_jpeg::JpegDecoder::new_with_options(Cursor::new(bytes), options(ColorSpace::CMYK));
        let cmyk = inks.decode().map_err(damaged)?;
        cmyk_to_rgba(&cmyk, adobe_marker(bytes))
    } else {
        decoder.decode().map_err(damaged)?
    };
    if pixels.len() != (width * height) as usize * 4 {
        return Err(LogoError::Damaged {
            format: "JPEG",
            detail: "fewer pixels than its size says".into(),
        });
    }
    Ok(orient(width, height, &pixels, orientation))
}

/// Whether a JPEG carries Adobe's APP14 segment, before its image data. A CMYK file with it
/// (Photoshop's, and most others) stores each ink inverted, 255 for none.
fn adobe_marker(bytes: &[u8]) -> bool {
    let mut at = 2;
    while let (Some(&0xFF), Some(&marker)) = (bytes.get(at), bytes.get(at + 1)) {
        // Start of scan: the headers are over.
        if marker == 0xDA {
            break;
        }
        let Some(length) = bytes
            .get(at + 2..at + 4)
            .map(|l| usize::from(u16::from_be_bytes([l[0], l[1]])))
        else {
            break;
        };
        if marker == 0xEE && bytes.get(at + 4..at + 9) == Some(b"Adobe") {
            return true;
        }
        at += 2 + length;
    }
    false
}

/// CMYK pixels, as a JPEG stores them, as opaque RGBA: each channel is what is left of white
/// after its ink and the black ink.
fn cmyk_to_rgba(cmyk: &[u8], inverted: bool) -> Vec<u8> {
    let left = |ink: u8| {
        if inverted {
            u16::from(ink)
        } else {
            255 - u16::from(ink)
        }
    };
    cmyk.chunks_exact(4)
        .flat_map(|p| {
            let k = left(p[3]);
            // The product of two values under 256, divided by 255, is under 256.
            #[allow(clippy::cast_possible_truncation)]
            let channel = |ink: u8| ((left(ink) * k + 127) / 255) as u8;
            [channel(p[0]), channel(p[1]), channel(p[2]), 255]
        })
        .collect()
}

/// The orientation (1 to 8) an EXIF block records, from the TIFF header on; 1 (as stored)
/// when it records none or cannot be read.
fn exif_orientation(tiff: &[u8]) -> u16 {
    let big = match tiff.get(..4) {
        Some(b"MM\0*") => true,
        Some(b"II*\0") => false,
        _ => return 1,
    };
    let u16_at = |at: usize| {
        tiff.get(at..at + 2).map(|b| {
            if big {
                u16::from_be_bytes([b[0], b[1]])
            } else {
                u16::from_le_bytes([b[0], b[1]])
            }
        })
    };
    let u32_at = |at: usize| {
        tiff.get(at..at + 4).map(|b| {
            let b = [b[0], b[1], b[2], b[3]];
            if big {
                u32::from_be_bytes(b)
            } else {
                u32::from_le_bytes(b)
            }
        })
    };
    let Some(ifd) = u32_at(4).map(|o| o as usize) else {
        return 1;
    };
    let count = u16_at(ifd).unwrap_or(0);
    (0..usize::from(count))
        .map(|i| ifd + 2 + i * 12)
        .find(|&entry| u16_at(entry) == Some(0x0112))
        .and_then(|entry| u16_at(entry + 8))
        .filter(|o| (1..=8).contains(o))
        .unwrap_or(1)
}

/// RGBA pixels turned upright by an EXIF orientation: the width, the height and the pixels
/// as they are to be shown.
fn orient(width: u32, height: u32, rgba: &[u8], orientation: u16) -> (u32, u32, Vec<u8>) {
    if orientation == 1 {
        return (width, height, rgba.to_vec());
    }
    let (w, h) = (width as usize, height as usize);
    // Orientations 5 to 8 turn the picture a quarter, so its sides swap.
    let (out_w, out_h) = if orientation >= 5 { (h, w) } else { (w, h) };
    let mut out = Vec::with_capacity(rgba.len());
    for y in 0..out_h {
        for x in 0..out_w {
            // The stored pixel shown at (x, y).
            let (sx, sy) = match orientation {
                2 => (w - 1 - x, y),
                3 => (w - 1 - x, h - 1 - y),
                4 => (x, h - 1 - y),
                5 => (y, x),
                6 => (y, h - 1 - x),
                7 => (w - 1 - y, h - 1 - x),
                8 => (w - 1 - y, x),
                _ => (x, y),
            };
            let at = (sy * w + sx) * 4;
            out.extend_from_slice(&rgba[at..at + 4]);
        }
    }
    // The sides are the stored ones, swapped or not.
    #[allow(clippy::cast_possible_truncation)]
    (out_w as u32, out_h as u32, out)
}

pub(crate) fn encode_png(
    width: u32,
    height: u32,
    rgba: &[u8],
) -> Result<Vec<u8>, png::EncodingError> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(rgba)?;
    writer.finish()?;
    Ok(out)
}

#[cfg(test)]
mod tests;
