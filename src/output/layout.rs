//! The sheet's generic page layout: a cursor moving down A4 or Letter pages,
//! text measured in the embedded font and wrapped (words longer than a line
//! broken between characters), "label  value" rows, blocks kept whole across
//! page breaks, and a header, identity strip and footer on every page. It
//! knows nothing of doses; [`crate::sheet`] decides what goes on the page.

use printpdf::{
    Color, FontId, Greyscale, Line, LinePoint, Op, PaintMode, ParsedFont, PdfFontHandle, Point, Polygon,
    PolygonRing, Pt, TextItem, WindingOrder,
};

/// The seal's QR code: its side on the page (pt), with a quiet zone of three modules inside
/// (the page around it is white).
pub(crate) const SEAL_SIDE: f32 = 17.0 * 72.0 / 25.4;

/// What every page carries to prove itself: the QR code's modules (row by row, `width`
/// per row) and the same data as text lines beside it.
pub(crate) struct SealBand {
    pub modules: Vec<bool>,
    pub width: usize,
    pub lines: Vec<String>,
}

/// What every page's header says.
pub(crate) struct Header {
    pub title: String,
    pub order: String,
    pub left: String,
}

pub(crate) fn mm(v: f32) -> f32 {
    v * 72.0 / 25.4
}

// Type sizes (pt).
pub(crate) const BODY: f32 = 8.5;
pub(crate) const SMALL: f32 = 7.5;
pub(crate) const HEADING: f32 = 11.0;
pub(crate) const DRUG: f32 = 12.0;
pub(crate) const DOSE: f32 = 15.0;
pub(crate) const TITLE: f32 = 15.0;
pub(crate) const LEADING: f32 = 1.22;
/// The label column of "label  value" rows.
pub(crate) const LABEL_COL: f32 = 24.0 * 72.0 / 25.4;

/// One line of a block: text runs at x offsets, and the line's height.
pub(crate) struct Row {
    pub runs: Vec<(f32, String, f32, bool)>,
    pub height: f32,
}

/// Page layout: a cursor moving down, blocks kept whole across page breaks.
pub(crate) struct Layout {
    pub(crate) fonts: &'static (ParsedFont, ParsedFont),
    pub(crate) ids: (FontId, FontId),
    pub(crate) width: f32,
    pub(crate) height: f32,
    pub(crate) margin: f32,
    pub(crate) top: f32,
    pub(crate) bottom: f32,
    pub(crate) pages: Vec<Vec<Op>>,
    pub(crate) y: f32,
    /// The patient's identity, printed under the header of every page.
    pub(crate) strip: Vec<String>,
    /// The seal at the foot of every page.
    pub(crate) seal: Option<SealBand>,
}

impl Layout {
    pub(crate) fn new(
        fonts: &'static (ParsedFont, ParsedFont),
        ids: (FontId, FontId),
        width: f32,
        height: f32,
        strip: &str,
    ) -> Self {
        let margin = mm(13.0);
        let bottom = margin + mm(8.0);
        let mut l = Layout {
            fonts,
            ids,
            width,
            height,
            margin,
            top: 0.0,
            bottom,
            pages: vec![Vec::new()],
            y: 0.0,
            strip: Vec::new(),
            seal: None,
        };
        l.strip = l.wrap(strip, BODY, true, l.content_width());
        l.top = height - margin - mm(13.0) - l.strip.len() as f32 * BODY * LEADING - 4.0;
        l.y = l.top;
        l
    }

    /// Reserves the foot of every page for the seal.
    pub(crate) fn set_seal(&mut self, seal: SealBand) {
        self.bottom += SEAL_SIDE + 2.0;
        self.seal = Some(seal);
    }

    /// The seal's QR code, as filled squares (one polygon, a ring per run of dark modules).
    fn draw_seal(&mut self) {
        let Some(seal) = self.seal.take() else { return };
        let (m, w) = (self.margin, self.width);
        let base = m + SMALL * 1.8 + 3.0;
        let quiet = 3.0;
        let unit = SEAL_SIDE / (seal.width as f32 + 2.0 * quiet);
        let (x0, y_top) = (w - m - SEAL_SIDE + quiet * unit, base + SEAL_SIDE - quiet * unit);
        let mut rings = Vec::new();
        for (r, row) in seal.modules.chunks(seal.width.max(1)).enumerate() {
            let mut c = 0;
            while c < row.len() {
                if !row[c] {
                    c += 1;
                    continue;
                }
                let start = c;
                while c < row.len() && row[c] {
                    c += 1;
                }
                let (x1, x2) = (x0 + start as f32 * unit, x0 + c as f32 * unit);
                let (y1, y2) = (y_top - (r as f32 + 1.0) * unit, y_top - r as f32 * unit);
                let points = [(x1, y1), (x2, y1), (x2, y2), (x1, y2)]
                    .into_iter()
                    .map(|(x, y)| LinePoint { p: Point { x: Pt(x), y: Pt(y) }, bezier: false })
                    .collect();
                rings.push(PolygonRing { points });
            }
        }
        let page = self.page();
        page.push(Op::SetFillColor { col: Color::Greyscale(Greyscale { percent: 0.0, icc_profile: None }) });
        page.push(Op::DrawPolygon {
            polygon: Polygon { rings, mode: PaintMode::Fill, winding_order: WindingOrder::NonZero },
        });
        // The text beside the code, wrapped to the room left of it.
        let room = w - 2.0 * m - SEAL_SIDE - 6.0;
        let mut y = base + SEAL_SIDE - SMALL * 1.2;
        let lines: Vec<String> = seal.lines.iter().flat_map(|l| self.wrap(l, SMALL, false, room)).collect();
        for line in lines {
            self.text_at(m, y, &line, SMALL, false);
            y -= SMALL * LEADING;
        }
        self.seal = Some(seal);
    }

    pub(crate) fn content_width(&self) -> f32 {
        self.width - 2.0 * self.margin
    }

    pub(crate) fn text_width(&self, s: &str, size: f32, bold: bool) -> f32 {
        let font = if bold { &self.fonts.1 } else { &self.fonts.0 };
        let upem = f32::from(font.pdf_font_metrics.units_per_em.max(1));
        let units: f32 = s
            .chars()
            .map(|c| match font.lookup_glyph_index(u32::from(c)) {
                Some(gid) => f32::from(font.get_horizontal_advance(gid)),
                None => upem * 0.6,
            })
            .sum();
        units / upem * size
    }

    /// Greedy word wrap to `max` points; a word longer than a line is broken
    /// between characters, so nothing runs past the edge.
    pub(crate) fn wrap(&self, s: &str, size: f32, bold: bool, max: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in s.split(' ') {
            let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
            if self.text_width(&candidate, size, bold) <= max {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // The word alone on a new line; broken where it still does not fit.
            for c in word.chars() {
                let mut next = line.clone();
                next.push(c);
                if !line.is_empty() && self.text_width(&next, size, bold) > max {
                    lines.push(std::mem::take(&mut line));
                    line.push(c);
                } else {
                    line = next;
                }
            }
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
        lines
    }

    /// Rows for a paragraph at `x` (offset from the margin), wrapped to the content width.
    pub(crate) fn para(&self, x: f32, s: &str, size: f32, bold: bool) -> Vec<Row> {
        let max = self.content_width() - x;
        self.wrap(s, size, bold, max)
            .into_iter()
            .map(|l| Row { runs: vec![(x, l, size, bold)], height: size * LEADING })
            .collect()
    }

    /// A "Label  value" line, the value wrapped beside the label column; the
    /// column widens for a long label so the two never overprint.
    pub(crate) fn field(&self, label: &str, value: &str) -> Vec<Row> {
        self.field_at(0.0, self.content_width(), label, value, false)
    }

    pub(crate) fn field_at(&self, x: f32, width: f32, label: &str, value: &str, bold: bool) -> Vec<Row> {
        self.field_col(x, width, LABEL_COL, label, value, bold)
    }

    pub(crate) fn field_col(
        &self,
        x: f32,
        width: f32,
        min_col: f32,
        label: &str,
        value: &str,
        bold: bool,
    ) -> Vec<Row> {
        let col = min_col.max(self.text_width(label, BODY, true) + 6.0);
        let max = (width - col).max(20.0);
        self.wrap(value, BODY, bold, max)
            .into_iter()
            .enumerate()
            .map(|(i, l)| {
                let mut runs = Vec::new();
                if i == 0 {
                    runs.push((x, label.to_owned(), BODY, true));
                }
                runs.push((x + col, l, BODY, bold));
                Row { runs, height: BODY * LEADING }
            })
            .collect()
    }

    /// Two short fields side by side.
    pub(crate) fn pair(&self, a: (&str, &str), b: (&str, &str)) -> Vec<Row> {
        let half = self.content_width() / 2.0;
        let left = self.field_col(0.0, half - 6.0, LABEL_COL, a.0, a.1, false);
        let right = self.field_col(half, half, mm(20.0), b.0, b.1, false);
        let n = left.len().max(right.len());
        let mut left = left.into_iter();
        let mut right = right.into_iter();
        (0..n)
            .map(|_| {
                let mut runs = Vec::new();
                if let Some(r) = left.next() {
                    runs.extend(r.runs);
                }
                if let Some(r) = right.next() {
                    runs.extend(r.runs);
                }
                Row { runs, height: BODY * LEADING }
            })
            .collect()
    }

    /// A block heading, wrapped, with optional large text flush right (a
    /// dose, a state); the right text moves to its own line when both do not fit.
    pub(crate) fn heading(&self, title: &str, size: f32, right: Option<&str>) -> Vec<Row> {
        let Some(right) = right else { return self.para(0.0, title, size, true) };
        let rw = self.text_width(right, DOSE, true);
        let x = self.content_width() - rw;
        if self.text_width(title, size, true) + rw + 12.0 <= self.content_width() {
            let runs = vec![(0.0, title.to_owned(), size, true), (x, right.to_owned(), DOSE, true)];
            return vec![Row { runs, height: DOSE * LEADING }];
        }
        let mut rows = self.para(0.0, title, size, true);
        rows.push(Row { runs: vec![(x, right.to_owned(), DOSE, true)], height: DOSE * LEADING });
        rows
    }

    pub(crate) fn gap(h: f32) -> Row {
        Row { runs: Vec::new(), height: h }
    }

    /// Places rows as one block: starts a new page first if it does not fit.
    pub(crate) fn block(&mut self, rows: Vec<Row>) {
        let total: f32 = rows.iter().map(|r| r.height).sum();
        if self.y - total < self.bottom && self.y < self.top {
            self.new_page();
        }
        for row in rows {
            if self.y - row.height < self.bottom {
                self.new_page();
            }
            self.y -= row.height;
            let baseline = self.y + row.height * 0.25;
            for (x, s, size, bold) in row.runs {
                let x = self.margin + x;
                self.text_at(x, baseline, &s, size, bold);
            }
        }
    }

    pub(crate) fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = self.top;
    }

    pub(crate) fn page(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    pub(crate) fn text_at(&mut self, x: f32, y: f32, s: &str, size: f32, bold: bool) {
        let font = if bold { self.ids.1.clone() } else { self.ids.0.clone() };
        self.page().extend([
            Op::StartTextSection,
            Op::SetFillColor { col: Color::Greyscale(Greyscale { percent: 0.0, icc_profile: None }) },
            Op::SetFont { font: PdfFontHandle::External(font), size: Pt(size) },
            Op::SetTextCursor { pos: Point { x: Pt(x), y: Pt(y) } },
            Op::ShowText { items: vec![TextItem::Text(s.to_owned())] },
            Op::EndTextSection,
        ]);
    }

    pub(crate) fn rule_at(ops: &mut Vec<Op>, x1: f32, x2: f32, y: f32, thickness: f32) {
        ops.extend([
            Op::SetOutlineColor { col: Color::Greyscale(Greyscale { percent: 0.0, icc_profile: None }) },
            Op::SetOutlineThickness { pt: Pt(thickness) },
            Op::DrawLine {
                line: Line {
                    points: vec![
                        LinePoint { p: Point { x: Pt(x1), y: Pt(y) }, bezier: false },
                        LinePoint { p: Point { x: Pt(x2), y: Pt(y) }, bezier: false },
                    ],
                    is_closed: false,
                },
            },
        ]);
    }

    /// A horizontal rule across the content, then a small gap.
    pub(crate) fn rule(&mut self) {
        if self.y - 6.0 < self.bottom {
            return;
        }
        self.y -= 3.0;
        let (x1, x2, y) = (self.margin, self.width - self.margin, self.y);
        Self::rule_at(self.page(), x1, x2, y, 0.6);
        self.y -= 3.0;
    }

    pub(crate) fn rect(ops: &mut Vec<Op>, x: f32, y: f32, w: f32, h: f32) {
        ops.push(Op::DrawLine {
            line: Line {
                points: [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
                    .into_iter()
                    .map(|(x, y)| LinePoint { p: Point { x: Pt(x), y: Pt(y) }, bezier: false })
                    .collect(),
                is_closed: true,
            },
        });
    }

    /// Header and footer on every page, now that the page count is known.
    pub(crate) fn finish(
        mut self,
        header: &Header,
        footer: &str,
        page_label: impl Fn(usize, usize) -> String,
    ) -> Vec<Vec<Op>> {
        let strip = std::mem::take(&mut self.strip);
        let count = self.pages.len();
        let pages = std::mem::take(&mut self.pages);
        let mut out = Vec::with_capacity(count);
        for (i, body) in pages.into_iter().enumerate() {
            self.pages = vec![Vec::new()];
            let (m, w, h) = (self.margin, self.width, self.height);
            let head_y = h - m - TITLE;
            let rw = self.text_width(&header.order, BODY, true);
            // A longer title in another language, or beside a longer order ID ("rev. 2"), is
            // set smaller, down to body size, never over the order ID (issue 18: the Spanish
            // title ran into "Orden … rev. 2").
            let room = w - 2.0 * m - rw - 12.0;
            let at_one = self.text_width(&header.title, 1.0, true).max(f32::EPSILON);
            let title_size = TITLE.min(room / at_one).max(BODY);
            self.text_at(m, head_y, &header.title, title_size, true);
            self.text_at(w - m - rw, head_y + 4.0, &header.order, BODY, true);
            let page = page_label(i + 1, count);
            let pw = self.text_width(&page, BODY, false);
            self.text_at(w - m - pw, head_y - 8.0, &page, BODY, false);
            self.text_at(m, head_y - 13.0, &header.left, BODY, false);
            let rule_y = head_y - 18.0;
            Self::rule_at(self.page(), m, w - m, rule_y, 1.0);
            // Who the page is for, on every page: a loose page 2 still names its patient.
            let mut y = rule_y - BODY * LEADING;
            for line in &strip {
                self.text_at(m, y, line, BODY, true);
                y -= BODY * LEADING;
            }
            self.draw_seal();
            let fw = self.text_width(footer, SMALL, false);
            Self::rule_at(self.page(), m, w - m, m + SMALL * 1.8, 0.4);
            self.text_at(m, m, footer, SMALL, false);
            let pw = self.text_width(&page, SMALL, false);
            if fw + pw + 20.0 < w - 2.0 * m {
                self.text_at(w - m - pw, m, &page, SMALL, false);
            }
            let mut ops = std::mem::take(&mut self.pages[0]);
            ops.extend(body);
            out.push(ops);
        }
        out
    }
}
