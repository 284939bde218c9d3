//! The pharmacy's papers for what it makes from an order (issue 21): the preparation
//! worksheet (hoja de elaboración), one block per bag or syringe with the values to prepare
//! and blanks or recorded values for lots, measurement, preparer and checker; and the bag
//! labels, one per bag or syringe, with a Data Matrix the bedside check reads.
//! Both are drawn from the order as the register holds it and its signed steps; they
//! calculate nothing the engine did not.

use chrono::NaiveDateTime;
use printpdf::{
    Color, Greyscale, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfPage, PdfSaveOptions, Point, Polygon,
    PolygonRing, Pt, WindingOrder,
};

use crate::domain::people::{Event, Step};
use crate::domain::product::{Container, Unit, beyond_use, units};
use crate::engine::Report;
use crate::msg;
use crate::order::Order;
use crate::order::bedside::{Labelled, local_of, prepared_of};
use crate::order::faults::SheetError;
use crate::output::layout::{BODY, DRUG, HEADING, Header, Layout, SMALL, mm};
use crate::present::Words;
use crate::present::words::PROGRAM;
use crate::regimen::NK_ACT_BC;
use crate::settings::{LabelStock, Paper};

/// What the worksheet and the labels are drawn from.
pub struct ProductPapers<'a> {
    pub order: &'a Order,
    pub report: &'a Report,
    /// Every signed step of the order (all revisions).
    pub chain: &'a [Event],
    pub generated: NaiveDateTime,
}

fn black() -> Color {
    Color::Greyscale(Greyscale { percent: 0.0, icc_profile: None })
}

fn new_doc(w: &Words, title: &str, order: &Order, generated: NaiveDateTime) -> PdfDocument {
    stamped(PdfDocument::new(&format!("{title} {}", w.order_id(order))), generated)
}

/// The document's times (the generation time, so the same input gives the same file) and creator.
fn stamped(mut doc: PdfDocument, generated: NaiveDateTime) -> PdfDocument {
    if let Ok(stamp) = printpdf::DateTime::from_unix_timestamp(generated.and_utc().timestamp()) {
        doc.metadata.info.creation_date = stamp;
        doc.metadata.info.modification_date = stamp;
        doc.metadata.info.metadata_date = stamp;
    }
    doc.metadata.info.creator = PROGRAM.to_owned();
    doc.metadata.info.producer = PROGRAM.to_owned();
    doc
}

/// The unit's final volume, worded: the bag (the pump rate's basis), the syringe's drawn
/// volume, or the site's manual when no bag volume is set.
fn final_volume(w: &Words, u: &Unit) -> String {
    match (u.container, u.preparation.bag_volume_ml) {
        (Container::Syringe, _) => w.msg(msg!("ws-final-syringe", "volume" => w.volume(drawn(u)))),
        (Container::Bag, Some(v)) => w.volume(v),
        (Container::Bag, None) => w.msg(msg!("ws-final-site")),
    }
}

/// The volume drawn into the bag or syringe (of the diluted stock when a dilution step applies).
fn drawn(u: &Unit) -> f64 {
    u.preparation.diluted.map_or(u.preparation.volume_ml, |(_, v)| v)
}

fn infusion_line(w: &Words, u: &Unit) -> Option<String> {
    let inf = u.preparation.infusion?;
    let minutes = if inf.minutes.0 == inf.minutes.1 {
        inf.minutes.0.to_string()
    } else {
        format!("{}–{}", inf.minutes.0, inf.minutes.1)
    };
    Some(match inf.rate_ml_h {
        Some((a, b)) if (a - b).abs() < 1e-9 => {
            w.msg(msg!("ws-infusion-line", "minutes" => minutes, "rate" => w.num(a, 1)))
        }
        Some((a, b)) => w.msg(msg!("ws-infusion-line", "minutes" => minutes, "rate" => format!("{}–{}", w.num(b, 1), w.num(a, 1)))),
        None => w.msg(msg!("ws-infusion-minutes", "minutes" => minutes)),
    })
}

/// The preparation worksheet, in the order's language.
pub fn worksheet_pdf(p: &ProductPapers<'_>) -> Result<Vec<u8>, SheetError> {
    let (order, report) = (p.order, p.report);
    let w = Words::new(order.lang, Some(order.decimal_mark));
    let fonts = crate::output::sheet::fonts().ok_or(SheetError::Font)?;
    let title = w.msg(msg!("ws-title"));
    let mut doc = new_doc(&w, &title, order, p.generated);
    let ids = (doc.add_font(&fonts.0), doc.add_font(&fonts.1));
    let (pw, ph) = match order.settings.paper {
        Paper::A4 => (210.0, 297.0),
        Paper::Letter => (215.9, 279.4),
    };
    let strip = w.msg(msg!("ws-strip", "name" => order.patient.name.trim().to_owned(),
        "record" => order.patient.identifier.trim().to_owned(),
        "cycle" => report.inputs.cycle,
        "bsa" => w.m2(report.bsa.used_m2),
        "weight" => w.kg(report.inputs.weight.kg())));
    let mut l = Layout::new(fonts, ids, mm(pw), mm(ph), &strip);
    let tolerance = order.settings.preparation.measure_tolerance_pct;
    let checker = p
        .chain
        .iter()
        .rfind(|e| e.ok && e.step == Step::DoubleChecked && e.revision == order.revision)
        .map(|e| w.msg(msg!("ws-signed", "name" => e.person.clone(), "at" => w.datetime(e.at))));
    let all = units(report);
    if all.is_empty() {
        l.block(l.para(0.0, &w.msg(msg!("ws-nothing")), BODY, true));
    }
    for u in &all {
        let title_line = format!("{} — {}", w.unit_title(u), w.drug_name(u.drug));
        let mut rows = l.heading(&title_line, DRUG, Some(&w.amount_large(u.dose, u.unit)));
        rows.extend(l.pair(
            (&w.msg(msg!("ws-day")), &w.unit_day(u)),
            (&w.msg(msg!("ws-route")), &w.route_name(u.route)),
        ));
        let prep = &u.preparation;
        rows.extend(l.pair(
            (&w.msg(msg!("ws-stock")), &w.concentration(prep.concentration_per_ml, u.unit)),
            (&w.msg(msg!("ws-vials")), &w.vials(&prep.vials, u.unit)),
        ));
        let mut draw = w.volume(prep.volume_ml);
        if let Some((c, v)) = prep.diluted {
            draw = w.msg(msg!("ws-draw-diluted", "concentration" => w.concentration(c, u.unit), "volume" => w.volume(v)));
        }
        rows.extend(l.field(&w.msg(msg!("ws-draw")), &draw));
        if prep.too_small && prep.diluted.is_none() {
            let min = w.volume(prep.min_measurable_ml);
            rows.extend(l.field("", &w.msg(msg!("ws-too-small", "min" => min))));
        }
        let bag = match u.container {
            Container::Bag => w.bag(prep.diluent, prep.bag_volume_ml),
            Container::Syringe => w.msg(msg!("ws-syringe")),
        };
        rows.extend(
            l.pair((&w.msg(msg!("ws-diluent")), &bag), (&w.msg(msg!("ws-final")), &final_volume(&w, u))),
        );
        if let Some(line) = infusion_line(&w, u) {
            rows.extend(l.field(&w.msg(msg!("ws-infusion")), &line));
        }
        let b = beyond_use(u.drug, &order.settings, None);
        let beyond = match b.hours {
            Some(h) => w.msg(msg!("ws-beyond-hours", "hours" => w.num(h, 1), "storage" => w.storage_name(b.storage), "source" => w.stability_source(&b))),
            None => w.msg(msg!("ws-beyond-none", "storage" => w.storage_name(b.storage))),
        };
        rows.extend(l.field(&w.msg(msg!("ws-beyond")), &beyond));
        // Recorded values, or blanks to fill by hand.
        let records = prepared_of(p.chain, order.revision, u.number);
        let vials: Vec<String> = records
            .iter()
            .flat_map(|r| r.detail.vials.iter())
            .map(|v| {
                w.msg(msg!("ws-lot-line", "lot" => v.lot.clone(), "expiry" => w.date_plain(v.expiry),
                    "gtin" => v.gtin.clone().unwrap_or_else(|| "—".to_owned())))
            })
            .collect();
        let wanted: u32 = prep.vials.iter().map(|v| v.count).sum::<u32>().max(1);
        let lots = if vials.is_empty() {
            (0..wanted).map(|_| w.msg(msg!("ws-lot-blank"))).collect::<Vec<_>>()
        } else {
            vials
        };
        for (i, lot) in lots.iter().enumerate() {
            let label = if i == 0 { w.msg(msg!("ws-lots")) } else { String::new() };
            rows.extend(l.field(&label, lot));
        }
        let target = drawn(u);
        let measured = records
            .iter()
            .rev()
            .find_map(|r| Some((r.detail.measured.clone()?, r.detail.volume_ml, r.detail.deviation_pct)));
        let measured_line = match measured {
            Some((text, Some(v), Some(dev))) => {
                let verdict = if dev.abs() <= tolerance + 1e-9 {
                    w.msg(msg!("ws-within", "tolerance" => w.num(tolerance, 1)))
                } else {
                    w.msg(msg!("ws-outside", "tolerance" => w.num(tolerance, 1)))
                };
                w.msg(msg!("ws-measured-line", "value" => text, "volume" => w.volume(v), "target" => w.volume(target),
                    "deviation" => format!("{}{}", if dev >= 0.0 { "+" } else { "−" }, w.num(dev.abs(), 1)), "verdict" => verdict))
            }
            Some((text, _, _)) => text,
            None => w.msg(
                msg!("ws-measured-blank", "target" => w.volume(target), "tolerance" => w.num(tolerance, 1)),
            ),
        };
        rows.extend(l.field(&w.msg(msg!("ws-measured")), &measured_line));
        let preparer = records
            .iter()
            .rev()
            .find(|r| r.ok)
            .map(|r| w.msg(msg!("ws-signed", "name" => r.by.clone(), "at" => w.datetime(r.at))))
            .unwrap_or_else(|| w.msg(msg!("ws-signature-blank")));
        rows.extend(l.pair(
            (&w.msg(msg!("ws-preparer")), &preparer),
            (
                &w.msg(msg!("ws-checker")),
                &checker.clone().unwrap_or_else(|| w.msg(msg!("ws-signature-blank"))),
            ),
        ));
        rows.push(Layout::gap(6.0));
        l.block(rows);
        l.rule();
    }
    let footer = w.msg(msg!("ws-footer", "program" => PROGRAM, "version" => env!("CARGO_PKG_VERSION"),
        "at" => w.datetime(p.generated), "fingerprint" => order.fingerprint()));
    let header = Header {
        title,
        order: format!("{} {}", w.msg(msg!("s-order")), w.order_id(order)),
        left: w.msg(msg!("sheet-header-left", "regimen" => NK_ACT_BC.name, "protocol" => NK_ACT_BC.protocol, "sponsor" => NK_ACT_BC.sponsor_code)),
    };
    let pages =
        l.finish(&header, &footer, |page, pages| w.msg(msg!("sheet-page", "page" => page, "pages" => pages)));
    let pages: Vec<PdfPage> = pages.into_iter().map(|ops| PdfPage::new(Mm(pw), Mm(ph), ops)).collect();
    let opts = PdfSaveOptions { subset_fonts: true, ..PdfSaveOptions::default() };
    Ok(doc.with_pages(pages).save(&opts, &mut Vec::new()))
}

/// A label's place on the page (pt): its lower-left corner and size.
struct Cell {
    x: f32,
    y: f32,
    w: f32,
    h: f32,
}

/// The bag labels: one per bag or syringe, on the site's label stock. `labelled` gives each
/// bag's preparation time and beyond-use as the register records them with this printing.
pub fn labels_pdf(p: &ProductPapers<'_>, labelled: &Labelled) -> Result<Vec<u8>, SheetError> {
    let (order, report) = (p.order, p.report);
    let w = Words::new(order.lang, Some(order.decimal_mark));
    let fonts = crate::output::sheet::fonts().ok_or(SheetError::Font)?;
    let title = w.msg(msg!("lb-title"));
    let mut doc = new_doc(&w, &title, order, p.generated);
    let ids = (doc.add_font(&fonts.0), doc.add_font(&fonts.1));
    let all = units(report);
    let stock = order.settings.preparation.labels;
    let (pw, ph, per_page) = match stock {
        LabelStock::Label100x60 => (100.0, 60.0, 1),
        LabelStock::A4Sheet => (210.0, 297.0, 8),
    };
    let mut pages = Vec::new();
    for chunk in all.chunks(per_page) {
        let mut l = Layout::new(fonts, ids.clone(), mm(pw), mm(ph), "");
        for (i, u) in chunk.iter().enumerate() {
            let cell = match stock {
                LabelStock::Label100x60 => Cell { x: 0.0, y: 0.0, w: mm(100.0), h: mm(60.0) },
                LabelStock::A4Sheet => {
                    let (col, row) = ((i % 2) as f32, (i / 2) as f32);
                    Cell {
                        x: mm(105.0) * col,
                        y: mm(297.0) - mm(74.25) * (row + 1.0),
                        w: mm(105.0),
                        h: mm(74.25),
                    }
                }
            };
            draw_label(&mut l, &w, order, u, labelled, &cell)?;
        }
        let ops = std::mem::take(&mut l.pages).into_iter().flatten().collect::<Vec<_>>();
        pages.push(PdfPage::new(Mm(pw), Mm(ph), ops));
    }
    let opts = PdfSaveOptions { subset_fonts: true, ..PdfSaveOptions::default() };
    Ok(doc.with_pages(pages).save(&opts, &mut Vec::new()))
}

/// One label: the patient, the drug and dose large, the preparation, the times, the order,
/// "bag n of N", and the Data Matrix with its text.
fn draw_label(
    l: &mut Layout,
    w: &Words,
    order: &Order,
    u: &Unit,
    labelled: &Labelled,
    cell: &Cell,
) -> Result<(), SheetError> {
    let code = u.code(&order.order_id, order.revision);
    if !code.encodable() {
        return Err(SheetError::Font);
    }
    let dm = datamatrix::DataMatrix::encode_gs1(
        code.element_string().as_bytes(),
        datamatrix::SymbolList::default(),
    )
    .map_err(|_| SheetError::Font)?;
    let bitmap = dm.bitmap();
    let margin = mm(4.0);
    let side = mm(20.0);
    let (bx, by) = (cell.x + cell.w - margin - side, cell.y + cell.h - margin - side);
    let module = side / bitmap.width().max(1) as f32;
    let mut rings = Vec::new();
    for (r, row) in bitmap.bits().chunks(bitmap.width().max(1)).enumerate() {
        for (c, dark) in row.iter().enumerate() {
            if !*dark {
                continue;
            }
            let (x1, y2) = (bx + c as f32 * module, by + side - r as f32 * module);
            let (x2, y1) = (x1 + module, y2 - module);
            let points = [(x1, y1), (x2, y1), (x2, y2), (x1, y2)]
                .into_iter()
                .map(|(x, y)| LinePoint { p: Point { x: Pt(x), y: Pt(y) }, bezier: false })
                .collect();
            rings.push(PolygonRing { points });
        }
    }
    let page = l.page();
    page.push(Op::SetFillColor { col: black() });
    page.push(Op::DrawPolygon {
        polygon: Polygon { rings, mode: PaintMode::Fill, winding_order: WindingOrder::NonZero },
    });
    // The code's content in words under it.
    let under = [format!("(92){:03} (93){:02}", code.revision, code.bag), format!("(94){}", code.check())];
    let mut y = by - SMALL * 1.1;
    for t in under {
        l.text_at(bx, y, &t, SMALL - 1.5, false);
        y -= (SMALL - 1.5) * 1.2;
    }
    let text_w = cell.w - 2.0 * margin - side - mm(2.0);
    let x = cell.x + margin;
    let mut y = cell.y + cell.h - margin;
    // Each line's baseline one type size under the last line's descent: large lines never overprint.
    let mut line = |l: &mut Layout, s: &str, size: f32, bold: bool, width: f32| {
        for part in l.wrap(s, size, bold, width) {
            y -= size * 0.95;
            l.text_at(x, y, &part, size, bold);
            y -= size * 0.25;
        }
    };
    line(l, order.patient.name.trim(), 9.0, true, text_w);
    line(
        l,
        &w.msg(msg!("lb-record", "record" => order.patient.identifier.trim().to_owned())),
        BODY,
        false,
        text_w,
    );
    // Large print for the drug and the dose (ISMP: name in full, dose with its unit).
    line(l, &w.drug_name(u.drug).to_uppercase(), HEADING + 2.0, true, text_w);
    line(l, &w.amount_large(u.dose, u.unit), HEADING + 4.0, true, text_w);
    let full = cell.w - 2.0 * margin;
    let prep = &u.preparation;
    let route = w.route_name(u.route);
    let contents = match (u.container, prep.bag_volume_ml) {
        (Container::Bag, Some(_)) => w.msg(msg!("lb-contents-bag", "volume" => w.volume(drawn(u)), "bag" => w.bag(prep.diluent, prep.bag_volume_ml), "final" => final_volume(w, u))),
        (Container::Bag, None) => w.msg(msg!("lb-contents-bag-site", "volume" => w.volume(drawn(u)))),
        (Container::Syringe, _) => w.msg(msg!("lb-contents-syringe", "volume" => w.volume(drawn(u)))),
    };
    line(l, &format!("{route} · {contents}"), SMALL, false, full.min(text_w + mm(2.0)));
    if let Some(inf) = infusion_line(w, u) {
        line(l, &w.msg(msg!("lb-infusion", "line" => inf)), SMALL, false, full);
    }
    line(l, &w.unit_day(u), SMALL, false, full);
    let bag = labelled.bags.iter().find(|b| b.bag == u.number);
    let prepared = bag.and_then(|b| local_of(&b.prepared_at));
    let beyond = bag.and_then(|b| b.beyond_use.as_deref()).and_then(local_of);
    if let Some(at) = prepared {
        line(l, &w.msg(msg!("lb-prepared", "at" => w.datetime(at))), SMALL, false, full);
    }
    match beyond {
        Some(at) => line(l, &w.msg(msg!("lb-beyond", "at" => w.datetime(at))), BODY, true, full),
        None => line(l, &w.msg(msg!("lb-beyond-none")), BODY, true, full),
    }
    let storage = beyond_use(u.drug, &order.settings, None).storage;
    line(l, &w.storage_name(storage), SMALL, false, full);
    line(
        l,
        &w.msg(msg!("lb-order", "order" => order.order_id.clone(), "revision" => order.revision, "unit" => w.unit_title(u))),
        SMALL,
        true,
        full,
    );
    Ok(())
}

/// A plain report (the qualification's): a title and lines, A4, DejaVu Sans.
pub fn report_pdf(
    w: &Words,
    title: &str,
    lines: &[String],
    generated: NaiveDateTime,
) -> Result<Vec<u8>, SheetError> {
    let fonts = crate::output::sheet::fonts().ok_or(SheetError::Font)?;
    let mut doc = stamped(PdfDocument::new(title), generated);
    let ids = (doc.add_font(&fonts.0), doc.add_font(&fonts.1));
    let mut l = Layout::new(fonts, ids, mm(210.0), mm(297.0), "");
    for (i, line) in lines.iter().enumerate().skip(1) {
        let bold = i < 3 || i + 2 >= lines.len();
        l.block(l.para(0.0, line, BODY, bold));
    }
    let header = Header { title: title.to_owned(), order: String::new(), left: PROGRAM.to_owned() };
    let footer = format!("{PROGRAM} {}", env!("CARGO_PKG_VERSION"));
    let pages =
        l.finish(&header, &footer, |page, pages| w.msg(msg!("sheet-page", "page" => page, "pages" => pages)));
    let pages: Vec<PdfPage> = pages.into_iter().map(|ops| PdfPage::new(Mm(210.0), Mm(297.0), ops)).collect();
    let opts = PdfSaveOptions { subset_fonts: true, ..PdfSaveOptions::default() };
    Ok(doc.with_pages(pages).save(&opts, &mut Vec::new()))
}
