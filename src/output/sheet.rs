//! The pharmacy order sheet as a PDF: what the prescriber signs, the
//! pharmacist validates and the nurse checks at the bedside. It draws an
//! [`Order`] and the [`Report`] recomputed from it; it calculates nothing.
//!
//! Text is set in DejaVu Sans, embedded and subset, so ², ×, ⁸, ≥ and
//! accented names survive copy-paste. The generation time is passed in, so the
//! same order gives the same text. The page mechanics (wrapping, blocks, page
//! breaks, header and footer) are [`crate::output::layout`]'s; this module
//! decides the content, from the presentation model ([`crate::present::model`]).

use std::path::Path;
use std::sync::OnceLock;

use chrono::NaiveDateTime;
use printpdf::{Mm, ParsedFont, PdfDocument, PdfPage, PdfSaveOptions};

use crate::criteria::CriterionState;
use crate::engine::Report;
use crate::error::{Field, InputError, Problem};
pub use crate::order::faults::SheetError;
use crate::order::{Order, ValidPatient, write_atomic};
use crate::output::layout::{BODY, DRUG, HEADING, Header, LEADING, Layout, Row, SMALL, mm};
use crate::present::Words;
use crate::present::model::{CriteriaView, Emphasis, Item, Presentation};
use crate::present::words::PROGRAM;
use crate::regimen::NK_ACT_BC;
use crate::settings::Paper;
use crate::{id, msg};

const REGULAR_TTF: &[u8] = include_bytes!("../../assets/DejaVuSans.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../../assets/DejaVuSans-Bold.ttf");

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
    for o in &order.overrides {
        texts.push((Field::Override, &o.by));
        texts.push((Field::Reason, &o.reason));
    }
    texts.push((Field::NkProductId, &order.clinical.nk_product_id));
    texts.push((Field::NkBagId, &order.clinical.nk_bag_id));
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
    let open = order.criteria_open(&report).len();
    if open > 0 {
        return Err(SheetError::CriteriaOpen(open));
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
    // The sheet's language and decimal mark are the order's: one mark in one document.
    let w = Words::new(order.lang, Some(order.decimal_mark));
    let mut doc = PdfDocument::new(&format!("{} {}", w.msg(msg!("s-title")), w.order_id(order)));
    let ids = (doc.add_font(&fonts.0), doc.add_font(&fonts.1));
    let stamp = printpdf::DateTime::from_unix_timestamp(generated.and_utc().timestamp()).ok();
    if let Some(stamp) = stamp {
        doc.metadata.info.creation_date = stamp;
        doc.metadata.info.modification_date = stamp;
        doc.metadata.info.metadata_date = stamp;
    }
    // The seal: in the metadata for `register verify-sheet` to read from the PDF, and on
    // every page as text and as a QR code for a scan or a photo of the paper.
    let seal = crate::order::seal::Seal::of(order);
    doc.metadata.info.subject = seal.text();
    doc.metadata.info.creator = PROGRAM.to_owned();
    doc.metadata.info.producer = PROGRAM.to_owned();

    let (pw, ph) = match order.settings.paper {
        Paper::A4 => (210.0, 297.0),
        Paper::Letter => (215.9, 279.4),
    };
    let strip = w.msg(msg!("sheet-identity-strip", "name" => patient.name.clone(),
            "record" => patient.identifier.clone(),
            "dob" => w.date_plain(patient.date_of_birth)));
    let mut layout = Layout::new(fonts, ids, mm(pw), mm(ph), &strip);
    layout.set_seal(seal_band(&w, &seal)?);
    draw_body(&mut layout, &w, order, &patient, &report);
    let footer = w.msg(msg!("sheet-footer", "program" => PROGRAM,
            "version" => env!("CARGO_PKG_VERSION"),
            "at" => w.datetime(generated),
            "fingerprint" => order.fingerprint(),
            "mark" => w.msg(msg!("sheet-numbers-with", "mark" => w.decimal_mark_name(w.mark)))));
    let header = Header {
        title: w.msg(msg!("s-title")),
        order: format!("{} {}", w.msg(msg!("s-order")), w.order_id(order)),
        left: w.msg(msg!("sheet-header-left", "regimen" => NK_ACT_BC.name, "protocol" => NK_ACT_BC.protocol, "sponsor" => NK_ACT_BC.sponsor_code)),
    };
    let pages = layout
        .finish(&header, &footer, |page, pages| w.msg(msg!("sheet-page", "page" => page, "pages" => pages)));
    let pages: Vec<PdfPage> = pages.into_iter().map(|ops| PdfPage::new(Mm(pw), Mm(ph), ops)).collect();
    let opts = PdfSaveOptions { subset_fonts: true, ..PdfSaveOptions::default() };
    Ok(doc.with_pages(pages).save(&opts, &mut Vec::new()))
}

/// The seal's QR code and its text lines.
fn seal_band(
    w: &Words,
    seal: &crate::order::seal::Seal,
) -> Result<crate::output::layout::SealBand, SheetError> {
    let code = qrcode::QrCode::with_error_correction_level(seal.text(), qrcode::EcLevel::M)
        .map_err(|_| SheetError::Font)?;
    let width = code.width();
    let modules = code.to_colors().into_iter().map(|c| c == qrcode::Color::Dark).collect();
    let mut lines = vec![w.msg(msg!("sheet-seal-title"))];
    lines.push(w.msg(msg!("sheet-seal-order", "order" => seal.order_id.clone(), "revision" => seal.revision, "fingerprint" => seal.fingerprint.clone())));
    match &seal.anchor {
        Some(a) => {
            lines.push(w.msg(msg!("sheet-seal-record", "seq" => a.seq)));
            lines.push(a.head.clone());
            if a.unencrypted_link {
                lines.push(w.msg(msg!("sheet-seal-unencrypted")));
            }
        }
        None => lines.push(w.msg(msg!("sheet-seal-unrecorded"))),
    }
    Ok(crate::output::layout::SealBand { modules, width, lines })
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

pub(crate) fn fonts() -> Option<&'static (ParsedFont, ParsedFont)> {
    static FONTS: OnceLock<Option<(ParsedFont, ParsedFont)>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let regular = ParsedFont::from_bytes(REGULAR_TTF, 0, &mut Vec::new())?;
            let bold = ParsedFont::from_bytes(BOLD_TTF, 0, &mut Vec::new())?;
            Some((regular, bold))
        })
        .as_ref()
}

/// The sheet's body, top to bottom, as the page reads (patient, measures, each dose,
/// NK, schedule, criteria, signatures). Long because it is one page in order: split, the
/// order of what is printed would live in several places.
fn draw_body(l: &mut Layout, w: &Words, order: &Order, p: &ValidPatient, r: &Report) {
    let i = &r.inputs;
    let warnings = order.warnings(r);
    let view = Presentation::of(r, &warnings, w).with_overrides(r, &order.overrides, w);

    // Patient: the name large, then what the ASCO/ONS standard asks an order to carry.
    let mut rows = l.heading(&p.name, DRUG + 2.0, None);
    rows.extend(l.field(&w.msg(msg!("s-record")), &p.identifier));
    rows.extend(l.field(&w.msg(msg!("s-dob")), &w.date_plain(p.date_of_birth)));
    rows.extend(l.field(&w.msg(msg!("s-allergies")), &p.allergies));
    if order.revision > 1 {
        let line =
            w.msg(msg!("sheet-revision", "revision" => order.revision, "previous" => order.revision - 1));
        rows.extend(l.field(&w.msg(msg!("s-revision")), &line));
    }
    rows.extend(l.pair(
        (&w.msg(msg!("l-cycle")), &i.cycle.to_string()),
        (&w.msg(msg!("s-order-date")), &w.date(order.created.date())),
    ));
    rows.extend(l.pair(
        (&w.msg(msg!("s-issued-by")), order.issued_by.trim()),
        (&w.msg(msg!("s-diagnosis")), &w.msg(msg!("diagnosis"))),
    ));
    if !order.trial.is_empty() {
        let cohort = crate::stagger::Cohort::from_key(&order.trial.cohort)
            .map(|c| w.cohort_name(c))
            .unwrap_or_else(|| order.trial.cohort.clone());
        rows.extend(l.pair(
            (&w.msg(msg!("s-subject")), order.trial.subject.trim()),
            (&w.msg(msg!("s-cohort")), &cohort),
        ));
    }
    if let Some(o) = &order.stagger_override {
        rows.extend(l.field_at(
            0.0,
            l.content_width(),
            &w.msg(msg!("s-stagger")),
            &w.stagger_override_line(o),
            true,
        ));
    }
    l.block(rows);
    l.rule();

    // Basis of the doses.
    let mut rows = l.heading(&w.msg(msg!("s-basis")), HEADING, None);
    rows.extend(l.pair(
        (&w.msg(msg!("s-height")), &w.cm(i.height.cm())),
        (&w.msg(msg!("s-weight")), &w.kg(i.weight.kg())),
    ));
    rows.extend(l.field(&view.bsa.label, &format!("{}: {}", view.bsa.value, view.bsa_working)));
    if let Some(wc) = &view.weight_change {
        rows.extend(l.field(&w.msg(msg!("s-previous-weight")), &wc.value));
    }
    if let Some(c) = &view.cardiac {
        rows.extend(l.field_at(0.0, l.content_width(), &c.label, &c.value, c.emphasis != Emphasis::Normal));
    }
    // The dates that decided loading or maintenance, as typed.
    for (label, date) in
        [(id!("s-last-trastuzumab"), i.last_trastuzumab), (id!("s-last-pertuzumab"), i.last_pertuzumab)]
    {
        if let Some(d) = date {
            rows.extend(l.field(&w.t(label), &w.date(d)));
        }
    }
    l.block(rows);
    l.rule();

    // Criteria to treat (cycle 1): one row per criterion, its reason or override beneath.
    if let Some(c) = &view.criteria {
        criteria_table(l, c);
        l.rule();
    }

    // Schedule: day label, date, what happens.
    // The columns are as wide as their widest cell in this language ("27 nov 2026, divendres").
    let mut rows = l.heading(&w.msg(msg!("s-schedule")), HEADING, None);
    let widest = |cells: &mut dyn Iterator<Item = &String>, bold: bool| {
        cells.map(|c| l.text_width(c, BODY, bold)).fold(0.0_f32, f32::max)
    };
    let date_x = mm(14.0).max(widest(&mut view.schedule.iter().map(|d| &d.day), true) + mm(3.0));
    let events_x = date_x + widest(&mut view.schedule.iter().map(|d| &d.date), false) + mm(4.0);
    for day in &view.schedule {
        let mut runs = vec![(0.0, day.day.clone(), BODY, true), (date_x, day.date.clone(), BODY, false)];
        // Events wrap in their own column, never under the dates.
        let lines = l.wrap(&day.events, BODY, false, l.content_width() - events_x);
        for (i, line) in lines.into_iter().enumerate() {
            if i > 0 {
                rows.push(Row { runs: std::mem::take(&mut runs), height: BODY * LEADING });
            }
            runs.push((events_x, line, BODY, false));
        }
        rows.push(Row { runs, height: BODY * LEADING });
    }
    l.block(rows);
    l.rule();

    // One block per drug, the NK product in its place (Day 2, before IL-2).
    let heading = l.heading(&w.msg(msg!("s-doses")), HEADING, None);
    l.block(heading);
    for item in &view.items {
        item_block(l, item);
    }
    if let Some(row) = &view.nk_not_in_cycle {
        let mut rows = vec![Layout::gap(4.0)];
        rows.extend(l.field(&row.label, &row.value));
        l.block(rows);
    }
    l.rule();

    // How the products are given: the Day 1 sequence and supportive care; the NK identity check.
    let mut rows = l.heading(&view.administration_title, HEADING, None);
    for row in &view.administration {
        rows.extend(l.field(&row.label, &row.value));
    }
    if r.nk.is_some() {
        let blank = || "________________".to_owned();
        let product = r.nk_product.as_ref().and_then(|n| n.product_id.clone()).unwrap_or_else(blank);
        let bag = r.nk_product.as_ref().and_then(|n| n.bag_id.clone()).unwrap_or_else(blank);
        let line = w.msg(msg!("s-identity-check", "name" => p.name.clone(), "record" => p.identifier.clone(), "product" => product, "bag" => bag));
        rows.push(Layout::gap(2.0));
        rows.extend(l.para(0.0, &line, BODY, true));
    }
    l.block(rows);
    l.rule();

    // Warnings acknowledged: each warning as it stands, with who, when and why.
    let acked: Vec<String> = view
        .warnings
        .iter()
        .filter_map(|x| {
            let a = order.acknowledged.iter().find(|a| a.code == x.code && a.detail == x.detail)?;
            Some(w.acknowledged_line(&x.text, &a.by, a.at, a.reason.as_deref()))
        })
        .collect();
    if !acked.is_empty() {
        let mut rows = l.heading(&w.msg(msg!("s-warnings")), HEADING, None);
        for line in acked {
            rows.extend(l.para(mm(3.0), &format!("• {line}"), BODY, false));
        }
        l.block(rows);
        l.rule();
    }

    signatures(l, w, order);
}

/// The criteria to treat as a table: criterion, value, limit, date, state;
/// a criterion's reason or its override on a line of its own beneath it.
fn criteria_table(l: &mut Layout, c: &CriteriaView) {
    let width = l.content_width();
    // Column starts, as fractions of the width: name, value, limit, date, state.
    let xs = [0.0, 0.19, 0.33, 0.73, 0.86].map(|f| f * width);
    let col = |i: usize| if i + 1 < xs.len() { xs[i + 1] - xs[i] - 4.0 } else { width - xs[i] };
    let mut rows = l.heading(&c.title, HEADING, None);
    rows.extend(l.para(0.0, &c.basis, SMALL, false));
    rows.push(Row {
        runs: c.header.iter().enumerate().map(|(i, h)| (xs[i], h.clone(), SMALL, true)).collect(),
        height: SMALL * LEADING,
    });
    l.block(rows);
    for r in &c.rows {
        let open = r.kind != CriterionState::Met;
        let cells =
            [(&r.name, true), (&r.value, false), (&r.limit, false), (&r.date, false), (&r.state, open)];
        let wrapped: Vec<Vec<String>> =
            cells.iter().enumerate().map(|(i, (t, bold))| l.wrap(t, BODY, *bold, col(i))).collect();
        let n = wrapped.iter().map(Vec::len).max().unwrap_or(1);
        let mut rows: Vec<Row> = (0..n)
            .map(|k| Row {
                runs: wrapped
                    .iter()
                    .enumerate()
                    .filter_map(|(i, lines)| lines.get(k).map(|t| (xs[i], t.clone(), BODY, cells[i].1)))
                    .collect(),
                height: BODY * LEADING,
            })
            .collect();
        for extra in [&r.note, &r.overridden].into_iter().flatten() {
            let bold = r.overridden.as_ref() == Some(extra);
            rows.extend(l.para(xs[1], extra, SMALL, bold));
        }
        l.block(rows);
    }
    let summary = l.para(0.0, &c.summary, BODY, !c.clear);
    l.block(summary);
}

/// A dose or the NK product: the name and badges, the dose large, then its rows.
fn item_block(l: &mut Layout, item: &Item) {
    // The phase is in the working line; the heading carries the name and the badges.
    let mut title = item.title.clone();
    for b in &item.badges {
        title.push_str(&format!("  [{}]", b.text));
    }
    let mut rows = l.heading(&title, DRUG, Some(&item.large));
    for row in &item.rows {
        let bold = row.emphasis != Emphasis::Normal;
        rows.extend(l.field_at(0.0, l.content_width(), &row.label, &row.value, bold));
    }
    rows.push(Layout::gap(3.0));
    l.block(rows);
}

fn signatures(l: &mut Layout, w: &Words, order: &Order) {
    let gap = mm(4.0);
    let bw = (l.content_width() - 2.0 * gap) / 3.0;
    // The verification, when recorded, fills the third box's name line (it may wrap).
    let verified: Option<Vec<String>> = order
        .verification
        .as_ref()
        .map(|v| l.wrap(&w.verified_line(&v.verifier, v.at), BODY, false, bw - 8.0));
    let step = BODY * LEADING * 1.3;
    let first = BODY * 2.0 + 8.0;
    let lines = verified.as_ref().map_or(1, Vec::len).max(1);
    // Title, the name line(s), signature and date, each with room to write beside it.
    let box_h = first + step * (lines + 1) as f32 + 4.0;
    let heading_h = HEADING * LEADING;
    // The scope line under the boxes is one line at this size.
    let needed = heading_h + box_h + 4.0 + SMALL * LEADING;
    if l.y - needed < l.bottom {
        l.new_page();
    }
    let heading = l.heading(&w.msg(msg!("s-signatures")), HEADING, None);
    l.block(heading);
    let top = l.y - 2.0;
    let titles = [w.msg(msg!("s-prescriber")), w.msg(msg!("s-pharmacist")), w.msg(msg!("s-double-check"))];
    let (name, signature, date) =
        (w.msg(msg!("s-sig-name")), w.msg(msg!("s-sig-signature")), w.msg(msg!("s-sig-date")));
    for (k, title) in titles.iter().enumerate() {
        let x = l.margin + k as f32 * (bw + gap);
        Layout::rect(l.page(), x, top - box_h, bw, box_h);
        l.text_at(x + 4.0, top - BODY - 3.0, title, BODY, true);
        let mut y = top - first;
        match (k, &verified) {
            (2, Some(text)) => {
                for line in text {
                    l.text_at(x + 4.0, y, line, BODY, false);
                    y -= step;
                }
            }
            _ => {
                l.text_at(x + 4.0, y, &name, BODY, false);
                y -= step * lines as f32;
            }
        }
        l.text_at(x + 4.0, y, &signature, BODY, false);
        y -= step;
        l.text_at(x + 4.0, y, &date, BODY, false);
    }
    l.y = top - box_h - 2.0;
    let scope = l.para(0.0, &w.msg(msg!("s-double-check-scope")), SMALL, false);
    l.block(scope);
    // The steps signed in the register, each by a person who proved who they were.
    if !order.chain.is_empty() {
        let mut rows = l.para(0.0, &w.msg(msg!("s-signed-in-register")), BODY, true);
        for step in &order.chain {
            rows.extend(l.para(mm(3.0), &format!("• {}", w.signed_line(step)), BODY, false));
        }
        l.block(rows);
    }
}
