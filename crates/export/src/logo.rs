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

fn encode_png(width: u32, height: u32, rgba: &[u8]) -> Result<Vec<u8>, png::EncodingError> {
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
mod tests {
    use super::*;

    fn png(width: u32, height: u32, color: png::ColorType, data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(color);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().unwrap();
        writer.write_image_data(data).unwrap();
        writer.finish().unwrap();
        out
    }

    #[test]
    fn a_damaged_png_is_named_in_a_sentence() {
        let mut file = png(2, 1, png::ColorType::Rgb, &[255, 0, 0, 0, 0, 255]);
        // The pixel data's checksum changed: it no longer matches the data.
        let at = file.windows(4).position(|w| w == b"IDAT").unwrap();
        let length = u32::from_be_bytes(file[at - 4..at].try_into().unwrap()) as usize;
        file[at + 4 + length] ^= 0x55;
        let err = Logo::from_bytes(&file).unwrap_err().to_string();
        assert_eq!(
            err,
            "the PNG image is damaged or incomplete (a chunk's checksum does not match its \
             data, so the file was changed or cut after it was saved); export it again from \
             the original"
        );
    }

    #[test]
    fn a_cmyk_jpeg_is_converted_to_rgb() {
        // Written by Pillow as Photoshop does: Adobe APP14, inks inverted. Left half 100% cyan
        // and 60% magenta, right half black ink alone.
        let logo =
            Logo::from_bytes(include_bytes!("../../../tests/fixtures/logos/cmyk.jpg")).unwrap();
        let pixel = |x: usize, y: usize| &logo.rgb()[(y * 16 + x) * 3..(y * 16 + x) * 3 + 3];
        let near =
            |got: &[u8], want: [u8; 3]| got.iter().zip(want).all(|(g, w)| g.abs_diff(w) <= 6);
        assert!(near(pixel(2, 2), [0, 102, 255]), "{:?}", pixel(2, 2));
        assert!(near(pixel(12, 5), [0, 0, 0]), "{:?}", pixel(12, 5));
        assert_eq!(cmyk_to_rgba(&[0, 102, 255, 255], true), [0, 102, 255, 255]);
        assert_eq!(cmyk_to_rgba(&[255, 153, 0, 0], false), [0, 102, 255, 255]);
    }

    #[test]
    fn a_jpegs_exif_orientation_is_applied() {
        // Stored 8 × 4, red on the left and blue on the right, with orientation 6: shown
        // turned a quarter clockwise, 4 × 8, red on top.
        let logo =
            Logo::from_bytes(include_bytes!("../../../tests/fixtures/logos/rotated.jpg")).unwrap();
        assert_eq!((logo.width(), logo.height()), (4, 8));
        let pixel = |x: usize, y: usize| &logo.rgb()[(y * 4 + x) * 3..(y * 4 + x) * 3 + 3];
        assert!(
            pixel(1, 1)[0] > 200 && pixel(1, 1)[2] < 50,
            "{:?}",
            pixel(1, 1)
        );
        assert!(
            pixel(1, 6)[2] > 200 && pixel(1, 6)[0] < 50,
            "{:?}",
            pixel(1, 6)
        );
        // Every orientation, on a 3 × 2 picture of numbered pixels.
        let stored: Vec<u8> = (0..6).flat_map(|i| [i, 0, 0, 255]).collect();
        let shown = |o| {
            let (w, h, px) = orient(3, 2, &stored, o);
            (w, h, px.chunks_exact(4).map(|p| p[0]).collect::<Vec<_>>())
        };
        assert_eq!(shown(1), (3, 2, vec![0, 1, 2, 3, 4, 5]));
        assert_eq!(shown(2), (3, 2, vec![2, 1, 0, 5, 4, 3]));
        assert_eq!(shown(3), (3, 2, vec![5, 4, 3, 2, 1, 0]));
        assert_eq!(shown(4), (3, 2, vec![3, 4, 5, 0, 1, 2]));
        assert_eq!(shown(5), (2, 3, vec![0, 3, 1, 4, 2, 5]));
        assert_eq!(shown(6), (2, 3, vec![3, 0, 4, 1, 5, 2]));
        assert_eq!(shown(7), (2, 3, vec![5, 2, 4, 1, 3, 0]));
        assert_eq!(shown(8), (2, 3, vec![2, 5, 1, 4, 0, 3]));
        // An EXIF block that does not read is no rotation.
        assert_eq!(exif_orientation(b"II*\0\xff\xff\xff\xff"), 1);
        assert_eq!(exif_orientation(b""), 1);
    }

    #[test]
    fn a_png_decodes_to_its_pixels() {
        let file = png(2, 1, png::ColorType::Rgb, &[255, 0, 0, 0, 0, 255]);
        let logo = Logo::from_bytes(&file).unwrap();
        assert_eq!((logo.width(), logo.height()), (2, 1));
        assert_eq!(logo.rgb(), [255, 0, 0, 0, 0, 255]);
        assert_eq!(logo.alpha(), None);
        // The PNG written again holds the same pixels.
        let again = Logo::from_bytes(logo.png()).unwrap();
        assert_eq!(again.rgb(), logo.rgb());
        assert!(
            logo.data_url()
                .starts_with("data:image/png;base64,iVBORw0KGgo")
        );
    }

    #[test]
    fn transparency_is_kept() {
        let file = png(1, 2, png::ColorType::GrayscaleAlpha, &[10, 255, 20, 0]);
        let logo = Logo::from_bytes(&file).unwrap();
        assert_eq!(logo.rgb(), [10, 10, 10, 20, 20, 20]);
        assert_eq!(logo.alpha(), Some([255, 0].as_slice()));
    }

    #[test]
    fn bad_files_are_refused_for_what_is_wrong() {
        let file = png(4, 4, png::ColorType::Rgb, &[7; 48]);
        assert_eq!(Logo::from_bytes(b"<svg/>"), Err(LogoError::NotAnImage));
        assert_eq!(Logo::from_bytes(b""), Err(LogoError::NotAnImage));
        // Cut short at every length past the signature: always an error, never a panic.
        for end in 8..file.len() {
            assert!(
                matches!(
                    Logo::from_bytes(&file[..end]),
                    Err(LogoError::Damaged { .. })
                ),
                "{end}"
            );
        }
        let wide = png(MAX_LOGO_SIDE + 1, 1, png::ColorType::Grayscale, &[0; 2001]);
        assert_eq!(
            Logo::from_bytes(&wide),
            Err(LogoError::Size {
                width: 2001,
                height: 1
            })
        );
        let big = vec![0x89; MAX_LOGO_BYTES + 1];
        assert!(matches!(
            Logo::from_bytes(&big),
            Err(LogoError::TooLarge { .. })
        ));
        let jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10];
        assert!(matches!(
            Logo::from_bytes(&jpeg),
            Err(LogoError::Damaged { format: "JPEG", .. })
        ));
    }
}
