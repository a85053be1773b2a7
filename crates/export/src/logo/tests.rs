//! Unit tests of logo decoding.

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
        Logo::from_bytes(include_bytes!("../../../../tests/fixtures/logos/cmyk.jpg")).unwrap();
    let pixel = |x: usize, y: usize| &logo.rgb()[(y * 16 + x) * 3..(y * 16 + x) * 3 + 3];
    let near = |got: &[u8], want: [u8; 3]| got.iter().zip(want).all(|(g, w)| g.abs_diff(w) <= 6);
    assert!(near(pixel(2, 2), [0, 102, 255]), "{:?}", pixel(2, 2));
    assert!(near(pixel(12, 5), [0, 0, 0]), "{:?}", pixel(12, 5));
    assert_eq!(cmyk_to_rgba(&[0, 102, 255, 255], true), [0, 102, 255, 255]);
    assert_eq!(cmyk_to_rgba(&[255, 153, 0, 0], false), [0, 102, 255, 255]);
}

#[test]
fn a_jpegs_exif_orientation_is_applied() {
    // Stored 8 × 4, red on the left and blue on the right, with orientation 6: shown
    // turned a quarter clockwise, 4 × 8, red on top.
    let logo = Logo::from_bytes(include_bytes!(
        "../../../../tests/fixtures/logos/rotated.jpg"
    ))
    .unwrap();
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
