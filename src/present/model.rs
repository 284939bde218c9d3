//! The presentation model: a report turned, once, into the lines a person
//! reads (headline, BSA and its working, each dose or product as a titled
//! block of labelled rows, the schedule, the warnings). The window, the
//! terminal and the PDF draw this and word nothing about a dose themselves,
//! so the three agree by construction (`tests/present.rs` checks it).

use crate::engine::{Administered, DoseLine, NkCheck, NkState, PhaseReason, Report, Warning};
use crate::present::i18n::Arg;
use crate::present::i18n::Words;
use crate::present::words::args;
use crate::regimen::{NK_ACT_BC, Route};

/// How a row should stand out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Emphasis {
    Normal,
    /// Read before acting (IL-2 timing).
    Strong,
    /// A problem to act on (too small to measure).
    Warn,
}

/// One "Label: value" row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub label: String,
    pub value: String,
    pub emphasis: Emphasis,
}

impl Row {
    fn new(label: String, value: String) -> Self {
        Row { label, value, emphasis: Emphasis::Normal }
    }

    fn with(mut self, emphasis: Emphasis) -> Self {
        self.emphasis = emphasis;
        self
    }

    /// The row as one line of text: "Label: value".
    pub fn line(&self) -> String {
        format!("{}: {}", self.label, self.value)
    }
}

/// What a badge marks, so each face can colour it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadgeKind {
    Reload,
    Nk(NkState),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Badge {
    pub text: String,
    pub kind: BadgeKind,
}

/// One dose, or the NK product, as a block.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The drug or product name.
    pub title: String,
    /// The dose (or cell count) in large type.
    pub large: String,
    /// Phase in words (loading / maintenance), beside the dose.
    pub tag: Option<String>,
    pub badges: Vec<Badge>,
    pub rows: Vec<Row>,
}

/// One schedule day.
#[derive(Debug, Clone, PartialEq)]
pub struct DayRow {
    pub day: String,
    pub date: String,
    pub events: String,
}

/// A warning as worded, with the code and values it is acknowledged by.
#[derive(Debug, Clone, PartialEq)]
pub struct WarningLine {
    pub code: String,
    pub detail: String,
    pub text: String,
    pub needs_reason: bool,
    /// "(needs a reason)", when it does.
    pub needs_reason_label: Option<String>,
}

/// Everything a face shows of one report.
#[derive(Debug, Clone, PartialEq)]
pub struct Presentation {
    /// "NK-ACT-BC: … (NCT05385705) · Cycle 1".
    pub headline: String,
    /// "BSA: 1.82 m²".
    pub bsa: Row,
    /// The BSA formula with its numbers and rounding.
    pub bsa_working: String,
    pub weight_change: Option<Row>,
    /// Doses and the NK product, in administration order.
    pub items: Vec<Item>,
    /// "NK cells: not part of this cycle".
    pub nk_not_in_cycle: Option<Row>,
    pub schedule_title: String,
    pub schedule: Vec<DayRow>,
    pub warnings_title: String,
    pub warnings: Vec<WarningLine>,
    /// "none", for an empty list.
    pub none: String,
}

impl Presentation {
    /// The report in `w`'s words; `warnings` are the order's (the report's own for `calc`).
    pub fn of(r: &Report, warnings: &[Warning], w: &Words) -> Self {
        let nk_day = r.nk.map(|n| n.day.0);
        let items = r
            .administration_order()
            .into_iter()
            .map(|item| match item {
                Administered::Dose(d) => dose_item(w, d, nk_day),
                Administered::Nk(nk) => nk_item(w, nk),
            })
            .collect();
        Presentation {
            headline: w.ta(
                "headline",
                args!["title" => w.t("regimen-title"), "protocol" => NK_ACT_BC.protocol, "cycle" => r.inputs.cycle],
            ),
            bsa: Row::new(w.t("l-bsa"), w.m2(r.bsa.used_m2)),
            bsa_working: w.bsa_working(&r.bsa),
            weight_change: r.weight_change.as_ref().map(|wc| Row::new(w.t("l-weight-change"), w.weight_change_line(wc))),
            items,
            nk_not_in_cycle: r.nk.is_none().then(|| Row::new(w.t("l-nk"), w.t("l-not-in-cycle"))),
            schedule_title: w.t("l-schedule"),
            schedule: r
                .schedule
                .iter()
                .map(|day| DayRow {
                    day: w.day_label(day.day),
                    date: day.date.map(|d| w.date(d)).unwrap_or_default(),
                    events: day.events.iter().map(|e| w.event(*e)).collect::<Vec<_>>().join(", "),
                })
                .collect(),
            warnings_title: w.t("l-warnings"),
            warnings: warnings
                .iter()
                .map(|x| WarningLine {
                    code: x.code.clone(),
                    detail: x.detail.clone(),
                    text: w.warning(&x.kind),
                    needs_reason: x.needs_reason,
                    needs_reason_label: x.needs_reason.then(|| w.t("l-needs-reason")),
                })
                .collect(),
            none: w.t("l-none"),
        }
    }
}

fn dose_item(w: &Words, d: &DoseLine, nk_day: Option<i32>) -> Item {
    let p = &d.preparation;
    let mut badges = Vec::new();
    // A re-load cannot be missed: a badge, not a word in the working.
    if d.phase.is_some_and(|p| p.loading && p.reason != PhaseReason::FirstCycle) {
        badges.push(Badge { text: w.t("reload-badge"), kind: BadgeKind::Reload });
    }
    let mut rows = vec![Row::new(w.t("l-working"), w.dose_working(d))];
    // In cycle 1 the working already says "loading dose"; from cycle 2 the reason matters.
    if let Some(phase) = d.phase.filter(|p| p.reason != PhaseReason::FirstCycle) {
        rows.push(Row::new(
            w.t("s-phase"),
            w.ta("sheet-phase", args!["phase" => w.phase_label(phase), "reason" => w.phase_reason(phase)]),
        ));
    }
    rows.push(Row::new(
        w.t("l-route-days"),
        w.ta("route-and-days", args!["route" => w.route_name(d.route), "days" => w.dose_days(d)]),
    ));
    if let (Some(hours), Some(day)) = (d.after_nk_within_hours, nk_day) {
        rows.push(Row::new(w.t("l-timing"), w.after_nk_line(hours, day)).with(Emphasis::Strong));
    }
    // The stock concentration is in the draw's working: "1092 mg ÷ 20 mg/mL = 54.6 mL".
    rows.push(Row::new(
        w.t("l-draw"),
        w.ta(
            "draw-with-vials",
            args!["working" => w.volume_working(d), "vials" => w.vials(&p.vials, d.unit)],
        ),
    ));
    if p.too_small {
        rows.push(Row::new(w.t("l-too-small"), w.too_small_line(d)).with(Emphasis::Warn));
    }
    // A subcutaneous dose has no bag and no infusion time.
    if d.route == Route::Intravenous {
        rows.push(Row::new(
            w.t("l-diluent"),
            w.ta(
                "bag-and-infusion",
                args!["bag" => w.bag(p.diluent, p.bag_volume_ml), "infusion" => w.infusion_line(p.infusion_minutes)],
            ),
        ));
    }
    Item {
        title: w.drug_name(d.drug),
        large: w.amount_large(d.dose, d.unit),
        tag: d.phase.map(|p| w.phase_label(p)),
        badges,
        rows,
    }
}

fn nk_item(w: &Words, nk: &NkCheck) -> Item {
    Item {
        title: w.t("l-nk"),
        large: w.nk_large(nk.count, nk.state),
        tag: None,
        // A pending count is written "PENDING" in large type already: no second badge.
        badges: nk
            .count
            .map(|_| Badge { text: w.nk_state(nk.state), kind: BadgeKind::Nk(nk.state) })
            .into_iter()
            .collect(),
        rows: vec![
            Row::new(w.t("l-dose"), w.nk_line(nk.count, nk.state)),
            Row::new(
                w.t("l-route-days"),
                w.ta(
                    "route-and-days",
                    args!["route" => w.route_name(Route::Intravenous), "days" => w.day_with_date(nk.day.0, nk.day.1)],
                ),
            ),
        ],
    }
}
