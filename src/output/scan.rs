//! Reading a sheet's seal back: from the PDF this program wrote (its metadata holds the seal
//! line), or from a scan or photo of the printed page (PNG or JPEG; the QR code is decoded
//! with `rqrr`). Whatever the file, it yields one seal or says why not.

use crate::order::seal::Seal;

/// The largest file read (a 600-dpi A4 scan as PNG is well under this).
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;
/// The largest image decoded, in pixels (a 600-dpi A4 page is 35 million).
const MAX_PIXELS: u64 = 80_000_000;

/// Why no seal was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScanError {
    /// Not a PDF, PNG or JPEG, or damaged.
    NotASheet,
    /// An image with no readable seal code on it.
    NoCode,
    /// Larger than [`MAX_BYTES`] or [`MAX_PIXELS`].
    TooLarge,
}

/// The seal of a sheet file's bytes.
pub fn seal_of(bytes: &[u8]) -> Result<Seal, ScanError> {
    if bytes.len() as u64 > MAX_BYTES {
        return Err(ScanError::TooLarge);
    }
    if bytes.starts_with(b"%PDF-") {
        return Seal::find_in(bytes).ok_or(ScanError::NotASheet);
    }
    let format = image::guess_format(bytes).map_err(|_| ScanError::NotASheet)?;
    if !matches!(format, image::ImageFormat::Png | image::ImageFormat::Jpeg) {
        return Err(ScanError::NotASheet);
    }
    let mut reader = image::ImageReader::with_format(std::io::Cursor::new(bytes), format);
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(MAX_PIXELS * 4);
    reader.limits(limits);
    let picture = reader.decode().map_err(|e| match e {
        image::ImageError::Limits(_) => ScanError::TooLarge,
        _ => ScanError::NotASheet,
    })?;
    if u64::from(picture.width()) * u64::from(picture.height()) > MAX_PIXELS {
        return Err(ScanError::TooLarge);
    }
    let gray = picture.to_luma8();
    // The decoder keeps a bounded number of dark regions, and a page of text has thousands:
    // the code is looked for in parts of the page, the foot's right corner (where the sheet
    // prints it) first, then a grid of overlapping parts of three sizes (a photo puts it anywhere).
    let (w, h) = gray.dimensions();
    let mut parts: Vec<(u32, u32, u32, u32)> =
        vec![(w / 2, h * 3 / 4, w - w / 2, h - h * 3 / 4), (0, 0, w, h)];
    for n in [2u32, 3, 4] {
        let (pw, ph) = (w * 2 / (n + 1), h * 2 / (n + 1));
        for j in (0..n).rev() {
            for i in (0..n).rev() {
                parts.push((i * pw / 2, j * ph / 2, pw, ph));
            }
        }
    }
    parts
        .into_iter()
        .find_map(|(x, y, pw, ph)| {
            let part = image::imageops::crop_imm(&gray, x, y, pw, ph).to_image();
            // As rendered, then with the dark thinned by a pixel: a renderer that does not
            // smooth edges (Ghostscript's default), or a printer's ink spread, grows dark
            // modules into the light ones until the finder patterns no longer read.
            read_part(part.clone()).or_else(|| read_part(thinned(&part)))
        })
        .ok_or(ScanError::NoCode)
}

/// The seal among the codes in one part of the page.
fn read_part(part: image::GrayImage) -> Option<Seal> {
    let mut prepared = rqrr::PreparedImage::prepare(part);
    prepared
        .detect_grids()
        .into_iter()
        .filter_map(|g| g.decode().ok())
        .find_map(|(_, text)| Seal::parse(&text))
}

/// Each pixel the lightest of itself and its right, lower and lower-right neighbours.
fn thinned(part: &image::GrayImage) -> image::GrayImage {
    let (w, h) = part.dimensions();
    image::GrayImage::from_fn(w, h, |x, y| {
        let at = |dx: u32, dy: u32| part.get_pixel((x + dx).min(w - 1), (y + dy).min(h - 1)).0[0];
        image::Luma([at(0, 0).max(at(1, 0)).max(at(0, 1)).max(at(1, 1))])
    })
}
