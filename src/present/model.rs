//! The presentation model: a report turned, once, into the lines a person
//! reads (headline, BSA and its working, each dose or product as a titled
//! block of labelled rows, the schedule, the warnings). The window, the
//! terminal and the PDF draw this and word nothing about a dose themselves,
//! so the three agree by construction (`tests/present.rs` checks it).

use crate::criteria::CriterionState;
use crate::engine::{Administered, DoseLine, NkCheck, NkProduct, NkState, PhaseReason, Report, Warning};
use crate::msg;
use crate::present::i18n::Words;
use crate::regimen::Drug;
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
    /// An antibody withheld this cycle.
    Withheld,
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

/// One criterion to treat as a table row.
#[derive(Debug, Clone, PartialEq)]
pub struct CriterionRow {
    pub code: String,
    pub name: String,
    pub value: String,
    pub limit: String,
    pub date: String,
    pub state: String,
    pub kind: CriterionState,
    /// Why it stands so (too old, by clearance, Gilbert's, …).
    pub note: Option<String>,
    /// A prescriber's override: who, when, why.
    pub overridden: Option<String>,
}

/// The criteria to treat (cycle 1), as a table.
#[derive(Debug, Clone, PartialEq)]
pub struct CriteriaView {
    pub title: String,
    /// What the labs' dates were judged against.
    pub basis: String,
    /// Criterion, value, limit, date, state.
    pub header: [String; 5],
    pub rows: Vec<CriterionRow>,
    /// "All met", or how many are open and what that means.
    pub summary: String,
    /// True when every criterion is met or overridden.
    pub clear: bool,
}

impl CriterionRow {
    /// The row as one line of text.
    pub fn line(&self) -> String {
        let mut l =
            format!("{}: {} · {} · {} · {}", self.name, self.value, self.limit, self.date, self.state);
        if let Some(n) = &self.note {
            l.push_str(&format!(" ({n})"));
        }
        if let Some(o) = &self.overridden {
            l.push_str(&format!(" — {o}"));
        }
        l
    }
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
    /// Cycle 1: the criteria to treat.
    pub criteria: Option<CriteriaView>,
    /// The heart check before the antibodies.
    pub cardiac: Option<Row>,
    pub administration_title: String,
    /// The Day 1 sequence and supportive care.
    pub administration: Vec<Row>,
}

impl Presentation {
    /// The report in `w`'s words; `warnings` are the order's (the report's own for `calc`).
    pub fn of(r: &Report, warnings: &[Warning], w: &Words) -> Self {
        let nk_day = r.nk.map(|n| n.day.0);
        let items = r
            .administration_order()
            .into_iter()
            .map(|item| match item {
                Administered::Dose(d) => dose_item(w, r, d, nk_day),
                Administered::Nk(nk) => nk_item(w, nk, r.nk_product.as_ref()),
            })
            .collect();
        let criteria = (!r.criteria.is_empty()).then(|| criteria_view(w, r, &[]));
        let has = |drug: Drug| r.dose(drug).is_some_and(|d| !d.withheld);
        let mut administration = Vec::new();
        if has(Drug::Pertuzumab) && has(Drug::Trastuzumab) {
            administration.push(Row::new(w.msg(msg!("l-sequence")), w.msg(msg!("sequence-day1"))));
        }
        // Supportive care goes with a drug given: an order that gives nothing says so.
        if r.doses.iter().all(|d| d.withheld) && r.nk.is_none() {
            administration.push(Row::new(w.msg(msg!("l-premedication")), w.msg(msg!("admin-none"))));
        } else {
            let site = |v: &Option<String>| v.clone().unwrap_or_else(|| w.per_site_protocol());
            administration.push(Row::new(w.msg(msg!("l-premedication")), site(&r.supportive.premedication)));
            administration.push(Row::new(w.msg(msg!("l-antiemetic")), site(&r.supportive.antiemetic)));
            administration.push(Row::new(w.msg(msg!("l-hydration")), site(&r.supportive.hydration)));
        }
        Presentation {
            headline: w.msg(msg!("headline", "title" => w.msg(msg!("regimen-title")), "protocol" => NK_ACT_BC.protocol, "cycle" => r.inputs.cycle)),
            bsa: Row::new(w.msg(msg!("l-bsa")), w.m2(r.bsa.used_m2)),
            bsa_working: w.bsa_working(&r.bsa),
            weight_change: r.weight_change.as_ref().map(|wc| Row::new(w.msg(msg!("l-weight-change")), w.weight_change_line(wc))),
            items,
            nk_not_in_cycle: r.nk.is_none().then(|| Row::new(w.msg(msg!("l-nk")), w.msg(msg!("l-not-in-cycle")))),
            schedule_title: w.msg(msg!("l-schedule")),
            schedule: r
                .schedule
                .iter()
                .map(|day| DayRow {
                    day: w.day_label(day.day),
                    date: day.date.map(|d| w.date(d)).unwrap_or_default(),
                    events: day.events.iter().map(|e| w.event(*e)).collect::<Vec<_>>().join(", "),
                })
                .collect(),
            warnings_title: w.msg(msg!("l-warnings")),
            warnings: warnings
                .iter()
                .map(|x| WarningLine {
                    code: x.code.clone(),
                    detail: x.detail.clone(),
                    text: w.warning(&x.kind),
                    needs_reason: x.needs_reason,
                    needs_reason_label: x.needs_reason.then(|| w.msg(msg!("l-needs-reason"))),
                })
                .collect(),
            none: w.msg(msg!("l-none")),
            criteria,
            cardiac: r.cardiac.map(|c| {
                let row = Row::new(w.msg(msg!("l-cardiac")), w.cardiac_line(&c));
                if c.withhold { row.with(Emphasis::Warn) } else { row }
            }),
            administration_title: w.msg(msg!("l-administration")),
            administration,
        }
    }

    /// Marks the criteria a prescriber overrode, with who, when and why.
    pub fn with_overrides(mut self, r: &Report, overrides: &[crate::order::Override], w: &Words) -> Self {
        if !r.criteria.is_empty() {
            self.criteria = Some(criteria_view(w, r, overrides));
        }
        self
    }

    /// Every line of the criteria table, the heart check and the administration rows, as text.
    pub fn treat_lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(c) = &self.criteria {
            out.push(c.title.clone());
            out.push(c.basis.clone());
            out.extend(c.rows.iter().map(CriterionRow::line));
            out.push(c.summary.clone());
        }
        out.extend(self.cardiac.iter().map(Row::line));
        out.extend(self.administration.iter().map(Row::line));
        out
    }
}

fn criteria_view(w: &Words, r: &Report, overrides: &[crate::order::Override]) -> CriteriaView {
    let cyclo = r.dose(Drug::Cyclophosphamide);
    let chosen = cyclo.and_then(|d| d.chosen_day).map(|(_, d)| d);
    let window = cyclo.and_then(|d| Some((d.days.first()?.1?, d.days.last()?.1?)));
    let rows: Vec<CriterionRow> = r
        .criteria
        .iter()
        .map(|c| CriterionRow {
            code: c.code.to_owned(),
            name: w.criterion_name(c.code),
            value: w.criterion_value(c),
            limit: w.criterion_threshold(c),
            date: w.criterion_date(c),
            state: w.criterion_state(c.state),
            kind: c.state,
            note: w.criterion_note(c, r.clearance_weight_kg),
            overridden: overrides.iter().find(|o| o.covers(c)).map(|o| {
                w.msg(msg!("crit-overridden", "by" => o.by.clone(), "at" => w.datetime(o.at), "reason" => o.reason.clone()))
            }),
        })
        .collect();
    let open = rows.iter().filter(|c| c.kind != CriterionState::Met && c.overridden.is_none()).count();
    let overridden = rows.iter().filter(|c| c.overridden.is_some()).count();
    let summary = match (open, overridden) {
        (0, 0) => w.msg(msg!("crit-summary-all-met")),
        (0, n) => w.msg(msg!("crit-summary-overridden", "count" => n)),
        (n, _) => w.msg(msg!("crit-summary-open", "count" => n)),
    };
    CriteriaView {
        title: w.msg(msg!("l-criteria")),
        basis: w.first_treatment_line(chosen, window),
        header: [
            w.msg(msg!("crit-h-criterion")),
            w.msg(msg!("crit-h-value")),
            w.msg(msg!("crit-h-limit")),
            w.msg(msg!("crit-h-date")),
            w.msg(msg!("crit-h-state")),
        ],
        rows,
        summary,
        clear: open == 0,
    }
}

fn dose_item(w: &Words, r: &Report, d: &DoseLine, nk_day: Option<i32>) -> Item {
    let p = &d.preparation;
    // A withheld antibody shows no dose: the reason and what next.
    if d.withheld {
        let reason =
            r.cardiac.map(|c| w.withheld_reason(&c)).unwrap_or_else(|| w.msg(msg!("withheld-plain")));
        return Item {
            title: w.drug_name(d.drug),
            large: w.msg(msg!("withheld-large")),
            tag: None,
            // Said once, large: no badge repeating it.
            badges: Vec::new(),
            rows: vec![
                Row::new(w.msg(msg!("l-withheld")), reason).with(Emphasis::Warn),
                Row::new(w.msg(msg!("l-next-step")), w.msg(msg!("withheld-next"))),
            ],
        };
    }
    let mut badges = Vec::new();
    // A re-load cannot be missed: a badge, not a word in the working.
    if d.phase.is_some_and(|p| p.loading && p.reason != PhaseReason::FirstCycle) {
        badges.push(Badge { text: w.msg(msg!("reload-badge")), kind: BadgeKind::Reload });
    }
    let mut rows = vec![Row::new(w.msg(msg!("l-working")), w.dose_working(d))];
    // In cycle 1 the working already says "loading dose"; from cycle 2 the reason matters.
    if let Some(phase) = d.phase.filter(|p| p.reason != PhaseReason::FirstCycle) {
        rows.push(Row::new(
            w.msg(msg!("s-phase")),
            w.msg(msg!("sheet-phase", "phase" => w.phase_label(phase), "reason" => w.phase_reason(phase))),
        ));
    }
    let days = match d.chosen_day {
        Some((day, date)) => w.msg(msg!("chosen-day", "day" => w.day_with_date(day, Some(date)))),
        None => w.dose_days(d),
    };
    rows.push(Row::new(
        w.msg(msg!("l-route-days")),
        w.msg(msg!("route-and-days", "route" => w.route_name(d.route), "days" => days)),
    ));
    if d.once_within && d.chosen_day.is_none() {
        rows.push(
            Row::new(w.msg(msg!("l-chosen-day")), w.msg(msg!("chosen-day-fill"))).with(Emphasis::Strong),
        );
    }
    if let (Some(hours), Some(day)) = (d.after_nk_within_hours, nk_day) {
        rows.push(Row::new(w.msg(msg!("l-timing")), w.after_nk_line(hours, day)).with(Emphasis::Strong));
    }
    // The stock concentration is in the draw's working: "1092 mg ÷ 20 mg/mL = 54.6 mL".
    rows.push(Row::new(
        w.msg(msg!("l-draw")),
        w.msg(
            msg!("draw-with-vials", "working" => w.volume_working(d), "vials" => w.vials(&p.vials, d.unit)),
        ),
    ));
    if p.too_small {
        rows.push(Row::new(w.msg(msg!("l-too-small")), w.too_small_line(d)).with(Emphasis::Warn));
    }
    // A subcutaneous dose has no bag and no infusion time.
    if d.route == Route::Intravenous {
        rows.push(Row::new(w.msg(msg!("l-diluent")), w.bag(p.diluent, p.bag_volume_ml)));
        rows.push(Row::new(w.msg(msg!("l-infusion")), w.infusion(p.infusion.as_ref(), p.bag_volume_ml)));
    }
    if let Some(o) = d.observation {
        rows.push(Row::new(w.msg(msg!("l-observation")), w.observation(o)));
    }
    Item {
        title: w.drug_name(d.drug),
        large: w.amount_large(d.dose, d.unit),
        tag: d.phase.map(|p| w.phase_label(p)),
        badges,
        rows,
    }
}

fn nk_item(w: &Words, nk: &NkCheck, product: Option<&NkProduct>) -> Item {
    let mut item = Item {
        title: w.msg(msg!("l-nk")),
        large: w.nk_large(nk.count, nk.state),
        tag: None,
        // A pending count is written "PENDING" in large type already: no second badge.
        badges: nk
            .count
            .map(|_| Badge { text: w.nk_state(nk.state), kind: BadgeKind::Nk(nk.state) })
            .into_iter()
            .collect(),
        rows: vec![
            Row::new(w.msg(msg!("l-dose")), w.nk_line(nk.count, nk.state)),
            Row::new(
                w.msg(msg!("l-route-days")),
                w.msg(msg!("route-and-days", "route" => w.route_name(Route::Intravenous), "days" => w.day_with_date(nk.day.0, nk.day.1))),
            ),
        ],
    };
    if let Some(p) = product {
        let typed = |v: &Option<String>| v.clone().unwrap_or_else(|| w.msg(msg!("fill-in-entry")));
        item.rows.push(Row::new(w.msg(msg!("l-nk-product-id")), typed(&p.product_id)));
        item.rows.push(Row::new(w.msg(msg!("l-nk-bag-id")), typed(&p.bag_id)));
        item.rows.push(Row::new(
            w.msg(msg!("l-nk-released")),
            p.released_at.map(|t| w.datetime(t)).unwrap_or_else(|| w.msg(msg!("fill-in-datetime"))),
        ));
        let by = match (p.infuse_by, p.max_hours) {
            (Some(t), Some(h)) => {
                w.msg(msg!("nk-infuse-by", "time" => w.datetime(t), "hours" => w.num(h, 1)))
            }
            (None, Some(h)) => w.msg(
                msg!("nk-infuse-within", "hours" => w.num(h, 1), "fill" => w.msg(msg!("fill-in-datetime"))),
            ),
            _ => format!("{} {}", w.fill_in(), w.msg(msg!("fill-in-datetime"))),
        };
        item.rows.push(Row::new(w.msg(msg!("l-nk-infuse-by")), by).with(Emphasis::Strong));
        item.rows.push(Row::new(
            w.msg(msg!("l-nk-route-set")),
            p.route_and_set.clone().unwrap_or_else(|| w.fill_in()),
        ));
    }
    item
}
