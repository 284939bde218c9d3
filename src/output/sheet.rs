//! The pharmacy order sheet as a PDF: what the prescriber signs, the
//! pharmacist validates and the nurse checks at the bedside. It draws an
//! [`Order`] and the [`Report`] recomputed from it; it calculates nothing.
//!
//! Text is set in DejaVu Sans, embedded and subset, so ², ×, ⁸, ≥ and
//! accented names survive copy-paste. The generation time is passed in, so the
//! same order gives the same text.

use std::path::Path;
use std::sync::OnceLock;

use chrono::NaiveDateTime;
use printpdf::{
    Color, FontId, Greyscale, Line, LinePoint, Mm, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, TextItem,
};

use crate::engine::{Administered, DoseLine, Report};
use crate::error::{Field, InputError, Problem};
use crate::order::{FileError, Order, ValidPatient, write_atomic};
use crate::settings::Paper;
use crate::text;

const REGULAR_TTF: &[u8] = include_bytes!("../../assets/DejaVuSans.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../../assets/DejaVuSans-Bold.ttf");

/// Why no sheet was made.
#[derive(Debug)]
pub enum SheetError {
    /// Inputs or patient details invalid: nothing is printed from them.
    Invalid(Vec<InputError>),
    /// A protocol check failed (NK count out of range).
    NkOutOfRange,
    /// Warnings not yet acknowledged.
    Unacknowledged(usize),
    /// The embedded font did not parse.
    Font,
    /// Writing the file failed.
    File(FileError),
    /// A measure is still being typed: the results are provisional.
    StillTyping,
}

impl std::fmt::Display for SheetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SheetError::Invalid(errors) => {
                f.write_str(text::refuse_invalid())?;
                for e in errors {
                    write!(f, "\n{e}")?;
                }
                Ok(())
            }
            SheetError::NkOutOfRange => f.write_str(&text::refuse_nk_out_of_range()),
            SheetError::Unacknowledged(n) => f.write_str(&text::refuse_unacknowledged(*n)),
            SheetError::Font => f.write_str(text::REFUSE_FONT),
            SheetError::File(e) => write!(f, "{e}"),
            SheetError::StillTyping => f.write_str(text::REFUSE_STILL_TYPING),
        }
    }
}

impl std::error::Error for SheetError {}

/// What a sheet is drawn from, once every check passed.
pub struct Printable {
    pub report: Report,
    pub patient: ValidPatient,
}

/// Checks that `order` may be printed, and returns its report: valid inputs
/// and patient details, every person's name acceptable, no text the font
/// cannot draw, NK count not out of range, every warning acknowledged.
pub fn printable(order: &Order, today: chrono::NaiveDate) -> Result<Report, SheetError> {
    checked(order, today).map(|p| p.report)
}

/// [`printable`], keeping the validated patient for drawing.
pub fn checked(order: &Order, today: chrono::NaiveDate) -> Result<Printable, SheetError> {
    let report = order.report();
    let patient = order.patient.validate(today);
    let issuer = crate::identity::normalise(Field::IssuedBy, &order.issued_by);
    let (report, patient) = match (report, patient, issuer) {
        (Ok(r), Ok(p), Ok(_)) => (r, p),
        (r, p, i) => {
            let mut errors = r.err().unwrap_or_default();
            errors.extend(p.err().unwrap_or_default());
            errors.extend(i.err());
            return Err(SheetError::Invalid(errors));
        }
    };
    // Text the embedded font cannot draw would print as empty boxes: refuse it, naming it.
    let mut texts: Vec<(Field, &str)> = vec![
        (Field::PatientName, &patient.name),
        (Field::PatientId, &patient.identifier),
        (Field::Allergies, &patient.allergies),
        (Field::IssuedBy, &order.issued_by),
    ];
    for a in &order.acknowledged {
        texts.push((Field::AcknowledgedBy, &a.by));
        if let Some(r) = &a.reason {
            texts.push((Field::Reason, r));
        }
    }
    if let Some(v) = &order.verification {
        texts.push((Field::Verifier, &v.verifier));
    }
    let errors: Vec<InputError> = texts
        .into_iter()
        .filter_map(|(field, t)| {
            let missing = unprintable(t);
            (!missing.is_empty()).then(|| InputError::new(field, t, Problem::Unprintable(missing)))
        })
        .collect();
    if !errors.is_empty() {
        return Err(SheetError::Invalid(errors));
    }
    if !report.protocol_checks_pass() {
        return Err(SheetError::NkOutOfRange);
    }
    let pending = order.unacknowledged(&report).len();
    if pending > 0 {
        return Err(SheetError::Unacknowledged(pending));
    }
    Ok(Printable { report, patient })
}

/// The characters of `text` that neither embedded font has a glyph for.
pub fn unprintable(text: &str) -> Vec<char> {
    let Some((regular, bold)) = fonts() else { return text.chars().collect() };
    let mut out = Vec::new();
    for c in text.chars() {
        if c == ' ' {
            continue;
        }
        let has = |f: &ParsedFont| f.lookup_glyph_index(u32::from(c)).is_some_and(|g| g != 0);
        let drawable = has(regular) && has(bold);
        if !drawable && !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// Renders the sheet to PDF bytes.
pub fn render(order: &Order, generated: NaiveDateTime) -> Result<Vec<u8>, SheetError> {
    let Printable { report, patient } = checked(order, generated.date())?;
    let fonts = fonts().ok_or(SheetError::Font)?;
    let mut doc = PdfDocument::new(&format!("{} {}", text::S_TITLE, order.display_id()));
    let ids = (doc.add_font(&fonts.0), doc.add_font(&fonts.1));
    let stamp = printpdf::DateTime::from_unix_timestamp(generated.and_utc().timestamp()).ok();
    if let Some(stamp) = stamp {
        doc.metadata.info.creation_date = stamp;
        doc.metadata.info.modification_date = stamp;
        doc.metadata.info.metadata_date = stamp;
    }
    doc.metadata.info.creator = text::PROGRAM.to_owned();
    doc.metadata.info.producer = text::PROGRAM.to_owned();

    let (w, h) = match order.settings.paper {
        Paper::A4 => (210.0, 297.0),
        Paper::Letter => (215.9, 279.4),
    };
    let strip = text::sheet_identity_strip(&patient.name, &patient.identifier, patient.date_of_birth);
    let mut layout = Layout::new(fonts, ids, mm(w), mm(h), &strip);
    draw_body(&mut layout, order, &patient, &report);
    let footer = text::sheet_footer(env!("CARGO_PKG_VERSION"), generated, &order.fingerprint());
    let pages = layout.finish(order, &footer);
    let pages: Vec<PdfPage> = pages.into_iter().map(|ops| PdfPage::new(Mm(w), Mm(h), ops)).collect();
    let opts = PdfSaveOptions { subset_fonts: true, ..PdfSaveOptions::default() };
    Ok(doc.with_pages(pages).save(&opts, &mut Vec::new()))
}

/// Renders and writes the sheet atomically. An existing file is replaced only
/// when `overwrite` (the file dialog asked, or `--force`).
pub fn export_pdf(
    order: &Order,
    generated: NaiveDateTime,
    path: &Path,
    overwrite: bool,
) -> Result<(), SheetError> {
    let bytes = render(order, generated)?;
    write_atomic(path, &bytes, overwrite).map_err(SheetError::File)
}

fn fonts() -> Option<&'static (ParsedFont, ParsedFont)> {
    static FONTS: OnceLock<Option<(ParsedFont, ParsedFont)>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let regular = ParsedFont::from_bytes(REGULAR_TTF, 0, &mut Vec::new())?;
            let bold = ParsedFont::from_bytes(BOLD_TTF, 0, &mut Vec::new())?;
            Some((regular, bold))
        })
        .as_ref()
}

fn mm(v: f32) -> f32 {
    v * 72.0 / 25.4
}

// Type sizes (pt).
const BODY: f32 = 8.5;
const SMALL: f32 = 7.5;
const HEADING: f32 = 11.0;
const DRUG: f32 = 12.0;
const DOSE: f32 = 15.0;
const TITLE: f32 = 15.0;
const LEADING: f32 = 1.22;
/// The label column of "label  value" rows.
const LABEL_COL: f32 = 30.0 * 72.0 / 25.4;

/// One line of a block: text runs at x offsets, and the line's height.
struct Row {
    runs: Vec<(f32, String, f32, bool)>,
    height: f32,
}

/// Page layout: a cursor moving down, blocks kept whole across page breaks.
struct Layout {
    fonts: &'static (ParsedFont, ParsedFont),
    ids: (FontId, FontId),
    width: f32,
    height: f32,
    margin: f32,
    top: f32,
    bottom: f32,
    pages: Vec<Vec<Op>>,
    y: f32,
    /// The patient's identity, printed under the header of every page.
    strip: Vec<String>,
}

impl Layout {
    fn new(
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
        };
        l.strip = l.wrap(strip, BODY, true, l.content_width());
        l.top = height - margin - mm(13.0) - l.strip.len() as f32 * BODY * LEADING - 4.0;
        l.y = l.top;
        l
    }

    fn content_width(&self) -> f32 {
        self.width - 2.0 * self.margin
    }

    fn text_width(&self, s: &str, size: f32, bold: bool) -> f32 {
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
    fn wrap(&self, s: &str, size: f32, bold: bool, max: f32) -> Vec<String> {
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
    fn para(&self, x: f32, s: &str, size: f32, bold: bool) -> Vec<Row> {
        let max = self.content_width() - x;
        self.wrap(s, size, bold, max)
            .into_iter()
            .map(|l| Row { runs: vec![(x, l, size, bold)], height: size * LEADING })
            .collect()
    }

    /// A "Label  value" line, the value wrapped beside the label column; the
    /// column widens for a long label so the two never overprint.
    fn field(&self, label: &str, value: &str) -> Vec<Row> {
        self.field_at(0.0, self.content_width(), label, value, false)
    }

    fn field_at(&self, x: f32, width: f32, label: &str, value: &str, bold: bool) -> Vec<Row> {
        self.field_col(x, width, LABEL_COL, label, value, bold)
    }

    fn field_col(&self, x: f32, width: f32, min_col: f32, label: &str, value: &str, bold: bool) -> Vec<Row> {
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
    fn pair(&self, a: (&str, &str), b: (&str, &str)) -> Vec<Row> {
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
    fn heading(&self, title: &str, size: f32, right: Option<&str>) -> Vec<Row> {
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

    fn gap(h: f32) -> Row {
        Row { runs: Vec::new(), height: h }
    }

    /// Places rows as one block: starts a new page first if it does not fit.
    fn block(&mut self, rows: Vec<Row>) {
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

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = self.top;
    }

    fn page(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn text_at(&mut self, x: f32, y: f32, s: &str, size: f32, bold: bool) {
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

    fn rule_at(ops: &mut Vec<Op>, x1: f32, x2: f32, y: f32, thickness: f32) {
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
    fn rule(&mut self) {
        if self.y - 6.0 < self.bottom {
            return;
        }
        self.y -= 3.0;
        let (x1, x2, y) = (self.margin, self.width - self.margin, self.y);
        Self::rule_at(self.page(), x1, x2, y, 0.6);
        self.y -= 3.0;
    }

    fn rect(ops: &mut Vec<Op>, x: f32, y: f32, w: f32, h: f32) {
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
    fn finish(mut self, order: &Order, footer: &str) -> Vec<Vec<Op>> {
        let strip = std::mem::take(&mut self.strip);
        let count = self.pages.len();
        let pages = std::mem::take(&mut self.pages);
        let mut out = Vec::with_capacity(count);
        for (i, body) in pages.into_iter().enumerate() {
            self.pages = vec![Vec::new()];
            let (m, w, h) = (self.margin, self.width, self.height);
            let head_y = h - m - TITLE;
            self.text_at(m, head_y, text::S_TITLE, TITLE, true);
            let right = format!("{} {}", text::S_ORDER, order.display_id());
            let rw = self.text_width(&right, BODY, true);
            self.text_at(w - m - rw, head_y + 4.0, &right, BODY, true);
            let page = text::sheet_page(i + 1, count);
            let pw = self.text_width(&page, BODY, false);
            self.text_at(w - m - pw, head_y - 8.0, &page, BODY, false);
            self.text_at(m, head_y - 13.0, &text::sheet_header_left(), BODY, false);
            let rule_y = head_y - 18.0;
            Self::rule_at(self.page(), m, w - m, rule_y, 1.0);
            // Who the page is for, on every page: a loose page 2 still names its patient.
            let mut y = rule_y - BODY * LEADING;
            for line in &strip {
                self.text_at(m, y, line, BODY, true);
                y -= BODY * LEADING;
            }
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

fn draw_body(l: &mut Layout, order: &Order, p: &ValidPatient, r: &Report) {
    let i = &r.inputs;

    // Patient: the name large, then what the ASCO/ONS standard asks an order to carry.
    let mut rows = l.heading(&p.name, DRUG + 2.0, None);
    rows.extend(l.field(text::S_RECORD, &p.identifier));
    rows.extend(l.field(text::S_DOB, &text::date(p.date_of_birth)));
    rows.extend(l.field(text::S_ALLERGIES, &p.allergies));
    if order.revision > 1 {
        rows.extend(l.field(text::S_REVISION, &text::revision_line(order.revision)));
    }
    rows.extend(l.pair(
        (text::L_CYCLE, &i.cycle.to_string()),
        (text::S_ORDER_DATE, &text::date(order.created.date())),
    ));
    rows.extend(
        l.pair((text::S_ISSUED_BY, order.issued_by.trim()), (text::S_DIAGNOSIS, text::S_DIAGNOSIS_VALUE)),
    );
    l.block(rows);
    l.rule();

    // Basis of the doses.
    let mut rows = l.heading(text::S_BASIS, HEADING, None);
    rows.extend(
        l.pair((text::S_HEIGHT, &text::cm(i.height.cm())), (text::S_WEIGHT, &text::kg(i.weight.kg()))),
    );
    rows.extend(l.field(text::L_BSA, &format!("{}: {}", text::m2(r.bsa.used_m2), r.bsa.working)));
    if let Some(wc) = &r.weight_change {
        rows.extend(l.field(text::S_PREVIOUS_WEIGHT, &text::weight_change_line(wc)));
    }
    // The dates that decided loading or maintenance, as typed.
    for (label, date) in
        [(text::S_LAST_TRASTUZUMAB, i.last_trastuzumab), (text::S_LAST_PERTUZUMAB, i.last_pertuzumab)]
    {
        if let Some(d) = date {
            rows.extend(l.field(label, &text::date(d)));
        }
    }
    l.block(rows);
    l.rule();

    // Schedule: day label, date, what happens.
    let mut rows = l.heading(text::S_SCHEDULE, HEADING, None);
    for day in &r.schedule {
        let events: Vec<String> = day.events.iter().map(|e| text::event(*e)).collect();
        let date = day.date.map(text::date).unwrap_or_default();
        let mut runs = vec![(0.0, text::day_label(day.day), BODY, true)];
        runs.push((mm(14.0), date, BODY, false));
        runs.push((mm(44.0), events.join(", "), BODY, false));
        rows.push(Row { runs, height: BODY * LEADING });
    }
    l.block(rows);
    l.rule();

    // One block per drug, the NK product in its place (Day 2, before IL-2).
    let heading = l.heading(text::S_DOSES, HEADING, None);
    l.block(heading);
    for item in r.administration_order() {
        match item {
            Administered::Dose(d) => drug_block(l, d, r.nk.map(|n| n.day.0)),
            Administered::Nk(nk) => nk_block(l, nk),
        }
    }
    l.rule();

    // Warnings acknowledged.
    if !order.acknowledged.is_empty() {
        let mut rows = l.heading(text::S_WARNINGS, HEADING, None);
        for a in &order.acknowledged {
            rows.extend(l.para(
                mm(3.0),
                &format!("• {}", text::acknowledged_line(&a.message, &a.by, a.at, a.reason.as_deref())),
                BODY,
                false,
            ));
        }
        l.block(rows);
        l.rule();
    }

    signatures(l, order);
}

fn drug_block(l: &mut Layout, d: &DoseLine, nk_day: Option<i32>) {
    let p = &d.preparation;
    let reload = d.phase.is_some_and(|p| p.loading && p.reason != crate::engine::PhaseReason::FirstCycle);
    let title = if reload {
        format!("{}  [{}]", text::drug_name(d.drug), text::RELOAD_BADGE)
    } else {
        text::drug_name(d.drug).to_owned()
    };
    let mut rows = l.heading(&title, DRUG, Some(&text::amount_large(d.dose, d.unit)));
    rows.extend(l.field(text::L_WORKING, &d.working));
    // In cycle 1 the working already says "loading dose"; from cycle 2 the reason matters.
    if let Some(phase) = d.phase.filter(|p| p.reason != crate::engine::PhaseReason::FirstCycle) {
        rows.extend(
            l.field(text::S_PHASE, &format!("{}: {}", text::phase_label(phase), text::phase_reason(phase))),
        );
    }
    rows.extend(
        l.field(text::L_ROUTE_DAYS, &format!("{} · {}", text::route_name(d.route), text::dose_days(d))),
    );
    if let (Some(hours), Some(day)) = (d.after_nk_within_hours, nk_day) {
        rows.extend(l.field_at(
            0.0,
            l.content_width(),
            text::L_TIMING,
            &text::after_nk_line(hours, day),
            true,
        ));
    }
    rows.extend(l.field(
        text::L_DRAW,
        &format!("{} ({}: {})", p.working, text::L_VIALS, text::vials(&p.vials, d.unit)),
    ));
    if p.too_small {
        rows.extend(l.field_at(0.0, l.content_width(), text::L_TOO_SMALL, &text::too_small_line(d), true));
    }
    // A subcutaneous dose has no bag and no infusion time.
    if d.route == crate::regimen::Route::Intravenous {
        rows.extend(l.field(
            text::L_DILUENT,
            &format!(
                "{} · {} {}",
                text::bag(p.diluent, p.bag_volume_ml),
                text::L_INFUSION,
                text::infusion_line(p.infusion_minutes)
            ),
        ));
    }
    rows.push(Layout::gap(3.0));
    l.block(rows);
}

fn nk_block(l: &mut Layout, nk: &crate::engine::NkCheck) {
    // The count in large type, as every other drug shows its dose; the state beside the name.
    let title = format!("{}  [{}]", text::L_NK, text::nk_state(nk.state));
    let mut rows = l.heading(&title, DRUG, Some(&text::nk_large(nk.count, nk.state)));
    rows.extend(l.field(text::L_DOSE, &text::nk_line(nk.count, nk.state)));
    rows.extend(l.field(
        text::L_ROUTE_DAYS,
        &format!(
            "{} · {}",
            text::route_name(crate::regimen::Route::Intravenous),
            text::day_with_date(nk.day.0, nk.day.1)
        ),
    ));
    rows.push(Layout::gap(3.0));
    l.block(rows);
}

fn signatures(l: &mut Layout, order: &Order) {
    let box_h = mm(22.0);
    let heading_h = HEADING * LEADING;
    let needed = heading_h + box_h + BODY * LEADING * 2.0;
    if l.y - needed < l.bottom {
        l.new_page();
    }
    let heading = l.heading(text::S_SIGNATURES, HEADING, None);
    l.block(heading);
    let gap = mm(4.0);
    let w = (l.content_width() - 2.0 * gap) / 3.0;
    let top = l.y - 2.0;
    let titles = [text::S_PRESCRIBER, text::S_PHARMACIST, text::S_DOUBLE_CHECK];
    for (k, title) in titles.iter().enumerate() {
        let x = l.margin + k as f32 * (w + gap);
        Layout::rect(l.page(), x, top - box_h, w, box_h);
        l.text_at(x + 4.0, top - BODY - 3.0, title, BODY, true);
        let mut y = top - BODY * 2.0 - 10.0;
        let prefilled = (k == 2).then_some(order.verification.as_ref()).flatten();
        if let Some(v) = prefilled {
            for line in l.wrap(&text::verified_line(&v.verifier, v.at), BODY, false, w - 8.0) {
                l.text_at(x + 4.0, y, &line, BODY, false);
                y -= BODY * LEADING;
            }
        } else {
            l.text_at(x + 4.0, y, text::S_SIG_NAME, BODY, false);
            y -= BODY * LEADING * 1.6;
        }
        l.text_at(x + 4.0, y, text::S_SIG_SIGNATURE, BODY, false);
        y -= BODY * LEADING * 1.6;
        l.text_at(x + 4.0, y, text::S_SIG_DATE, BODY, false);
    }
    l.y = top - box_h - 2.0;
    let scope = l.para(0.0, text::S_DOUBLE_CHECK_SCOPE, SMALL, false);
    l.block(scope);
}
