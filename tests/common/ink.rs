//! A glyph-aware comparison of two renderings of the same page, for the print
//! and renderer tests. Our own version of the metric in
//! shared/tools/pdf-renderers-check.sh (calibrated there at 300 dpi on this
//! order sheet: correct renderings stay at or under 14 px per 24-px cell; one
//! wrong digit in 8.5-pt regular text leaves 34 px, in 15-pt bold 59 px).
//!
//! Both pages are binarised (ink = grey below 50 %). A pixel mismatches when it
//! is ink in one rendering with no ink within 1 px in the other. The page is
//! aligned as a whole (best shift within 4 px), each 128-px block may shift
//! 3 px more, and each 24-px cell 1 px more: anti-aliasing, stem weight, glyph
//! placement rounding and bitmap fonts all stay under the thresholds, while a
//! wrong glyph leaves a dense cluster no small shift removes.
//!
//! Computed over the ink pixels only (a text page is mostly paper), so a
//! 300-dpi A4 comparison takes about a second even unoptimised.

#![allow(dead_code)] // each test binary uses part of it

use std::collections::HashMap;
use std::path::Path;

const CELL: usize = 24;
const BLOCK: usize = 128;
/// A chain fails when mismatches exceed this share of the reference's ink (%).
pub const MAX_SHARE: f64 = 0.5;
/// … or when one cell holds more mismatched pixels than this.
pub const MAX_CELL: u32 = 24;

/// A binarised page.
pub struct Page {
    pub width: usize,
    pub height: usize,
    ink: Vec<bool>,
    /// Ink grown by one pixel in every direction (the 1-px tolerance).
    grown: Vec<bool>,
}

/// How two renderings of a page compare.
#[derive(Debug, Clone, Copy)]
pub struct Verdict {
    /// Mismatched pixels as a share of the reference's ink, in %.
    pub share: f64,
    /// The most mismatched pixels in one 24-px cell.
    pub worst_cell: u32,
    /// Where that cell is (x, y in pixels).
    pub worst_at: (usize, usize),
    pub ink: usize,
}

impl Verdict {
    pub fn agrees(&self) -> bool {
        self.share <= MAX_SHARE && self.worst_cell <= MAX_CELL
    }
}

impl Page {
    /// Reads a PNG (grey or colour, 8 or 16 bit) and binarises it.
    pub fn load(path: &Path) -> Result<Page, String> {
        let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut decoder = png::Decoder::new(std::io::BufReader::new(file));
        decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
        let mut reader = decoder.read_info().map_err(|e| format!("{}: {e}", path.display()))?;
        let mut buf = vec![0; reader.output_buffer_size().ok_or("PNG too large")?];
        let info = reader.next_frame(&mut buf).map_err(|e| format!("{}: {e}", path.display()))?;
        let (w, h) = (info.width as usize, info.height as usize);
        let channels = info.color_type.samples();
        let mut ink = vec![false; w * h];
        for (i, px) in buf[..w * h * channels].chunks(channels).enumerate() {
            let grey = match channels {
                1 | 2 => u32::from(px[0]),
                _ => (u32::from(px[0]) * 299 + u32::from(px[1]) * 587 + u32::from(px[2]) * 114) / 1000,
            };
            // A transparent pixel is paper.
            let opaque = match channels {
                2 => px[1] >= 128,
                4 => px[3] >= 128,
                _ => true,
            };
            ink[i] = opaque && grey < 128;
        }
        Ok(Page::from_ink(w, h, ink))
    }

    fn from_ink(width: usize, height: usize, ink: Vec<bool>) -> Page {
        let mut grown = vec![false; width * height];
        for y in 0..height {
            for x in 0..width {
                if ink[y * width + x] {
                    for gy in y.saturating_sub(1)..=(y + 1).min(height - 1) {
                        for gx in x.saturating_sub(1)..=(x + 1).min(width - 1) {
                            grown[gy * width + gx] = true;
                        }
                    }
                }
            }
        }
        Page { width, height, ink, grown }
    }

    fn grown_at(&self, x: i64, y: i64) -> bool {
        x >= 0
            && y >= 0
            && (x as usize) < self.width
            && (y as usize) < self.height
            && self.grown[y as usize * self.width + x as usize]
    }

    /// The ink pixels inside `w` × `h`.
    fn points(&self, w: usize, h: usize) -> Vec<(i64, i64)> {
        let mut out = Vec::new();
        for y in 0..h.min(self.height) {
            for x in 0..w.min(self.width) {
                if self.ink[y * self.width + x] {
                    out.push((x as i64, y as i64));
                }
            }
        }
        out
    }
}

/// Compares `other` with the reference `reference`.
pub fn compare(reference: &Page, other: &Page) -> Verdict {
    let w = reference.width.min(other.width) / BLOCK * BLOCK;
    let h = reference.height.min(other.height) / BLOCK * BLOCK;
    let a = reference.points(w, h);
    let b = other.points(w, h);
    let inside = |x: i64, y: i64| x >= 0 && y >= 0 && (x as usize) < w && (y as usize) < h;
    // The mismatched pixels (in reference coordinates) with `other` shifted by (dx, dy).
    let mismatches = |dx: i64, dy: i64, visit: &mut dyn FnMut(i64, i64)| {
        for &(x, y) in &a {
            if !other.grown_at(x - dx, y - dy) {
                visit(x, y);
            }
        }
        for &(x, y) in &b {
            let (px, py) = (x + dx, y + dy);
            if inside(px, py) && !reference.grown_at(px, py) {
                visit(px, py);
            }
        }
    };
    // 1. The whole page's shift.
    let mut global = (usize::MAX, 0i64, 0i64);
    for dx in -4..=4 {
        for dy in -4..=4 {
            let mut n = 0usize;
            mismatches(dx, dy, &mut |_, _| n += 1);
            global = global.min((n, dx, dy));
        }
    }
    let (_, gx, gy) = global;
    // 2. Each block's shift around it.
    let (nbx, nby) = (w / BLOCK, h / BLOCK);
    let mut best: Vec<(f64, i64, i64)> = vec![(f64::MAX, gx, gy); nbx * nby];
    for dx in gx - 3..=gx + 3 {
        for dy in gy - 3..=gy + 3 {
            let mut bins = vec![0u32; nbx * nby];
            mismatches(dx, dy, &mut |x, y| bins[(y as usize / BLOCK) * nbx + x as usize / BLOCK] += 1);
            let penalty = 0.001 * ((dx - gx).abs() + (dy - gy).abs()) as f64;
            for (i, n) in bins.iter().enumerate() {
                let v = f64::from(*n) + penalty;
                if v < best[i].0 {
                    best[i] = (v, dx, dy);
                }
            }
        }
    }
    // 3. Each cell refined by one pixel around its block's shift.
    let (ncx, ncy) = (w / CELL, h / CELL);
    let mut cells_at: HashMap<(i64, i64), Vec<u32>> = HashMap::new();
    let mut cell_bins = |dx: i64, dy: i64| -> Vec<u32> {
        cells_at
            .entry((dx, dy))
            .or_insert_with(|| {
                let mut bins = vec![0u32; ncx * ncy];
                mismatches(dx, dy, &mut |x, y| bins[(y as usize / CELL) * ncx + x as usize / CELL] += 1);
                bins
            })
            .clone()
    };
    let mut total = 0u64;
    let mut worst = (0u32, (0usize, 0usize));
    // Cells grouped by the shift their block chose, so each shift's bins are computed once.
    let mut by_shift: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    for cy in 0..ncy {
        for cx in 0..ncx {
            let bx = (cx * CELL / BLOCK).min(nbx - 1);
            let by = (cy * CELL / BLOCK).min(nby - 1);
            let (_, sx, sy) = best[by * nbx + bx];
            by_shift.entry((sx, sy)).or_default().push(cy * ncx + cx);
        }
    }
    let mut cell_min = vec![u32::MAX; ncx * ncy];
    for ((sx, sy), cells) in by_shift {
        for ex in -1..=1 {
            for ey in -1..=1 {
                let bins = cell_bins(sx + ex, sy + ey);
                for &c in &cells {
                    cell_min[c] = cell_min[c].min(bins[c]);
                }
            }
        }
    }
    for (i, v) in cell_min.iter().enumerate() {
        total += u64::from(*v);
        if *v > worst.0 {
            worst = (*v, ((i % ncx) * CELL, (i / ncx) * CELL));
        }
    }
    let ink = a.len().max(1);
    Verdict { share: 100.0 * total as f64 / ink as f64, worst_cell: worst.0, worst_at: worst.1, ink: a.len() }
}
