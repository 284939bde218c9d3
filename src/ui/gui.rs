//! The desktop window (eframe/egui, glow renderer). It draws [`AppState`]
//! and the report the engine returns; it does no arithmetic of its own.
//! Clicks become [`Action`]s applied after the frame. File choosers run off
//! the UI thread; when none answers, a typed path is offered instead.

use std::sync::mpsc::{Receiver, Sender, channel};

use eframe::egui::{self, Color32, RichText, TextEdit, Ui};

use crate::app::{Action, AppState, FileKind, Mode, Notice, Preferences};
use crate::bsa::BsaFormula;
use crate::engine::{Administered, DoseLine, NkState, Report};
use crate::error::{Field, InputError};
use crate::regimen::Route;
use crate::settings::Paper;
use crate::text;

const PREFS_KEY: &str = "nkact-dose-preferences";

/// The window: the state, plus the channel file choosers answer on.
pub struct GuiApp {
    pub state: AppState,
    actions: Vec<Action>,
    chooser_tx: Sender<Action>,
    chooser_rx: Receiver<Action>,
    chooser_open: bool,
    started: std::time::Instant,
    first_frame_logged: bool,
    /// The inputs as they were when a measure field took the keyboard focus.
    focus_snapshot: Option<crate::input::RawInputs>,
}

impl GuiApp {
    pub fn new(state: AppState) -> Self {
        let (chooser_tx, chooser_rx) = channel();
        GuiApp {
            state,
            actions: Vec::new(),
            chooser_tx,
            chooser_rx,
            chooser_open: false,
            started: std::time::Instant::now(),
            first_frame_logged: false,
            focus_snapshot: None,
        }
    }

    /// Draws one frame and applies what it asked for.
    pub fn ui(&mut self, ui: &mut Ui) {
        while let Ok(action) = self.chooser_rx.try_recv() {
            self.chooser_open = false;
            self.actions.push(action);
        }
        ui.ctx().set_theme(if self.state.prefs.dark { egui::Theme::Dark } else { egui::Theme::Light });
        match self.state.mode {
            Mode::Form => self.form_mode(ui),
            Mode::DoubleCheck => double_check_ui(ui, &mut self.state, &mut self.actions),
            Mode::Register => register_ui(ui, &mut self.state, &mut self.actions),
        }
        for action in std::mem::take(&mut self.actions) {
            self.state.apply(action);
        }
        self.state.after_frame();
    }

    fn form_mode(&mut self, ui: &mut Ui) {
        let mut choose: Option<FileKind> = None;
        egui::Panel::top("toolbar").show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.heading(RichText::new(text::window_title()).strong());
                ui.separator();
                if ui.button(text::G_NEW).clicked() {
                    self.actions.push(Action::NewOrder);
                }
                let idle = !self.chooser_open;
                if ui.add_enabled(idle, egui::Button::new(text::G_OPEN)).clicked() {
                    choose = Some(FileKind::Open);
                }
                if ui.add_enabled(idle, egui::Button::new(text::G_SAVE)).clicked() {
                    choose = Some(FileKind::Save);
                }
                if ui.button(text::G_REGISTER).clicked() {
                    self.actions.push(Action::ShowRegister);
                }
                let mut dark = self.state.prefs.dark;
                if ui.checkbox(&mut dark, text::G_DARK).changed() {
                    self.actions.push(Action::SetDark(dark));
                }
            });
            notice_ui(ui, &self.state.notice);
        });
        let report = self.state.report();
        let errors: Vec<InputError> = report.as_ref().err().cloned().unwrap_or_default();
        let mut measure_focus = MeasureFocus::default();
        egui::Panel::left("form").resizable(true).default_size(420.0).show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                measure_focus = form_ui(ui, &mut self.state, &errors, &mut self.actions);
                ui.add_space(8.0);
                files_ui(ui, &mut self.state, &mut self.actions);
            });
        });
        // A measure being typed ("70" on the way to "70,5") gives provisional results:
        // nothing may leave until the field is finished (Tab, Enter, or a click elsewhere).
        if measure_focus.gained || !measure_focus.has_focus {
            self.focus_snapshot = measure_focus.has_focus.then(|| self.state.order.inputs.clone());
        }
        self.state.editing_measure = measure_focus.has_focus
            && self.focus_snapshot.as_ref().is_some_and(|before| *before != self.state.order.inputs);
        let editing = self.state.editing_measure;
        egui::Panel::bottom("actions").show(ui, |ui| {
            ui.add_space(4.0);
            egui::ScrollArea::vertical().id_salt("actions-scroll").max_height(220.0).show(ui, |ui| {
                if let Some(kind) = actions_ui(ui, &mut self.state, report.as_ref().ok(), &mut self.actions) {
                    choose = Some(kind);
                }
            });
            ui.add_space(4.0);
        });
        egui::CentralPanel::default().show(ui, |ui| {
            let untouched = self.state.untouched();
            egui::ScrollArea::vertical()
                .show(ui, |ui| results_ui(ui, report.as_ref().ok(), editing, untouched));
        });
        if let Some(kind) = choose {
            self.open_chooser(ui.ctx().clone(), kind);
        }
    }

    /// Opens a native file chooser on another thread; its answer arrives as an action.
    fn open_chooser(&mut self, ctx: egui::Context, kind: FileKind) {
        self.chooser_open = true;
        let tx = self.chooser_tx.clone();
        // A suggested name a person can find again: the order ID and the record number.
        let record: String = self
            .state
            .order
            .patient
            .identifier
            .trim()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' })
            .collect();
        let stem = match record.is_empty() {
            true => self.state.order.display_id().replace(' ', "_"),
            false => format!("{}_{record}", self.state.order.display_id().replace(' ', "_")),
        };
        let name = match kind {
            FileKind::Export => format!("{stem}.pdf"),
            _ => format!("{stem}.json"),
        };
        std::thread::spawn(move || {
            let dialog = rfd::AsyncFileDialog::new();
            let dialog = match kind {
                FileKind::Export => dialog.add_filter(text::G_PDF_FILES, &["pdf"]).set_file_name(&name),
                _ => dialog.add_filter(text::G_ORDER_FILES, &["json"]).set_file_name(&name),
            };
            let chosen = match kind {
                FileKind::Open => block_on(dialog.pick_file()),
                _ => block_on(dialog.save_file()),
            };
            let action = match (chosen.map(|h| h.path().to_owned()), kind) {
                (None, k) => Action::ChooserEmpty(k),
                (Some(p), FileKind::Save) => Action::SaveTo(p),
                (Some(p), FileKind::Open) => Action::OpenFrom(p),
                // The chooser itself asked before replacing an existing file.
                (Some(p), FileKind::Export) => Action::ExportTo { path: p, replace: true },
            };
            let _ = tx.send(action);
            ctx.request_repaint();
        });
    }
}

/// Runs a future to completion on this thread (the file chooser's), with std only.
fn block_on<F: std::future::Future>(future: F) -> F::Output {
    use std::sync::Arc;
    use std::task::{Context, Poll, Wake, Waker};
    struct Unpark(std::thread::Thread);
    impl Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Waker::from(Arc::new(Unpark(std::thread::current())));
    let mut cx = Context::from_waker(&waker);
    let mut future = std::pin::pin!(future);
    loop {
        match future.as_mut().poll(&mut cx) {
            Poll::Ready(v) => return v,
            Poll::Pending => std::thread::park(),
        }
    }
}

fn notice_ui(ui: &mut Ui, notice: &Option<Notice>) {
    match notice {
        Some(Notice::Info(s)) => {
            ui.label(s);
        }
        Some(Notice::Error(s)) => {
            ui.colored_label(ui.visuals().error_fg_color, s);
        }
        None => {}
    }
}

/// A field's message: a missing value in a calm colour, a wrong one in red.
enum FieldNote {
    Required,
    Error(String),
}

const LABEL_WIDTH: f32 = 190.0;

/// A label in the left-aligned label column.
fn label_cell(ui: &mut Ui, label: &str) -> egui::Response {
    ui.allocate_ui_with_layout(
        egui::vec2(LABEL_WIDTH, 20.0),
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.set_min_width(LABEL_WIDTH);
            ui.add(egui::Label::new(label).wrap())
        },
    )
    .inner
}

/// A labelled single-line field (never a drag value); its message below it.
fn field(
    ui: &mut Ui,
    label: &str,
    value: &mut String,
    hint: &str,
    note: Option<FieldNote>,
) -> egui::Response {
    let response = ui
        .horizontal(|ui| {
            let l = label_cell(ui, label);
            ui.add(TextEdit::singleline(value).hint_text(hint.to_owned()).desired_width(180.0))
                .labelled_by(l.id)
        })
        .inner;
    match note {
        Some(FieldNote::Error(e)) => {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        Some(FieldNote::Required) => {
            ui.horizontal(|ui| {
                ui.add_space(LABEL_WIDTH + ui.spacing().item_spacing.x);
                ui.weak(text::G_REQUIRED);
            });
        }
        None => {}
    }
    response
}

fn error_for(errors: &[InputError], f: Field) -> Option<FieldNote> {
    errors.iter().find(|e| e.field == f).map(|e| {
        if e.problem == crate::error::Problem::Missing {
            FieldNote::Required
        } else {
            FieldNote::Error(text::input_error_short(e))
        }
    })
}

fn section(ui: &mut Ui, title: &str) {
    ui.add_space(6.0);
    ui.label(RichText::new(title).strong().size(16.0));
}

/// Whether a measure field has the keyboard focus, and whether it took it this frame.
#[derive(Debug, Default, Clone, Copy)]
struct MeasureFocus {
    has_focus: bool,
    gained: bool,
}

impl MeasureFocus {
    fn add(&mut self, r: &egui::Response) {
        self.has_focus |= r.has_focus();
        self.gained |= r.gained_focus();
    }
}

fn form_ui(ui: &mut Ui, s: &mut AppState, errors: &[InputError], actions: &mut Vec<Action>) -> MeasureFocus {
    let mut focus = MeasureFocus::default();
    let today = s.now().date();
    let patient_errors = s.order.patient.validate(today).err().unwrap_or_default();
    section(ui, text::S_PATIENT);
    let p = &mut s.order.patient;
    let name_note = error_for(&patient_errors, Field::PatientName);
    let name = field(ui, text::field_label(Field::PatientName), &mut p.name, "", name_note);
    // A new window starts in the first patient field, not in the toolbar.
    if !s.focus_placed {
        name.request_focus();
        s.focus_placed = true;
    }
    let id_note = error_for(&patient_errors, Field::PatientId);
    field(ui, text::field_label(Field::PatientId), &mut p.identifier, "", id_note);
    let dob_error =
        error_for(&patient_errors, Field::DateOfBirth).filter(|_| !p.date_of_birth.trim().is_empty());
    field(ui, text::field_label(Field::DateOfBirth), &mut p.date_of_birth, text::G_DATE_HINT, dob_error);
    field(ui, text::field_label(Field::Allergies), &mut p.allergies, text::G_ALLERGIES_HINT, None);
    field(ui, text::G_ISSUED_BY, &mut s.order.issued_by, "", None);

    section(ui, text::G_MEASURES);
    let i = &mut s.order.inputs;
    // Hints name the unit, never an example number that could be read as a value.
    focus.add(&field(
        ui,
        text::field_label(Field::Weight),
        &mut i.weight,
        "kg",
        error_for(errors, Field::Weight),
    ));
    focus.add(&field(
        ui,
        text::field_label(Field::Height),
        &mut i.height,
        "cm",
        error_for(errors, Field::Height),
    ));
    let current = crate::input::parse_formula(&i.bsa_formula).unwrap_or_default();
    ui.horizontal(|ui| {
        let l = label_cell(ui, text::field_label(Field::BsaFormula));
        egui::ComboBox::from_id_salt("bsa-formula")
            .selected_text(text::formula_name(current))
            .show_ui(ui, |ui| {
                for f in BsaFormula::ALL {
                    if ui.selectable_label(f == current, text::formula_name(f)).clicked() {
                        actions.push(Action::SetFormula(f));
                    }
                }
            })
            .response
            .labelled_by(l.id);
    });
    focus.add(&field(
        ui,
        text::field_label(Field::BsaCap),
        &mut i.bsa_cap,
        text::G_OPTIONAL,
        error_for(errors, Field::BsaCap),
    ));
    focus.add(&field(
        ui,
        text::field_label(Field::PreviousWeight),
        &mut i.previous_weight,
        text::G_OPTIONAL,
        error_for(errors, Field::PreviousWeight),
    ));

    section(ui, text::L_CYCLE);
    focus.add(&field(
        ui,
        text::field_label(Field::Cycle),
        &mut i.cycle,
        text::G_CYCLE_HINT,
        error_for(errors, Field::Cycle),
    ));
    focus.add(&field(
        ui,
        text::field_label(Field::Day1),
        &mut i.day1,
        text::G_DATE_HINT,
        error_for(errors, Field::Day1),
    ));
    if crate::doublecheck::needs_last_dates(i) {
        focus.add(&field(
            ui,
            text::field_label(Field::LastTrastuzumab),
            &mut i.last_trastuzumab,
            text::G_DATE_HINT,
            error_for(errors, Field::LastTrastuzumab),
        ));
        focus.add(&field(
            ui,
            text::field_label(Field::LastPertuzumab),
            &mut i.last_pertuzumab,
            text::G_DATE_HINT,
            error_for(errors, Field::LastPertuzumab),
        ));
    }

    section(ui, text::G_NK_PRODUCT);
    focus.add(&field(
        ui,
        text::field_label(Field::NkCells),
        &mut i.nk_cells,
        text::G_NK_HINT,
        error_for(errors, Field::NkCells),
    ));

    egui::CollapsingHeader::new(text::G_SITE_SETTINGS).show(ui, |ui| {
        let t = &mut s.settings_text;
        field(ui, text::G_ROUNDING, &mut t.mg_rounding_increment, "mg", None);
        field(ui, text::G_IL2_DILUTION, &mut t.il2_dilution_million_per_ml, text::G_OPTIONAL, None);
        if let Some(e) = &t.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        if ui.button(text::G_APPLY_SETTINGS).clicked() {
            actions.push(Action::ApplySiteSettings);
        }
        ui.horizontal(|ui| {
            ui.label(text::G_PAPER);
            let paper = s.order.settings.paper;
            for p in [Paper::A4, Paper::Letter] {
                if ui.radio(paper == p, text::paper_name(p)).clicked() {
                    actions.push(Action::SetPaper(p));
                }
            }
        });
    });
    focus
}

fn files_ui(ui: &mut Ui, s: &mut AppState, actions: &mut Vec<Action>) {
    if !s.show_path_input {
        return;
    }
    section(ui, text::G_TYPED_PATH_TITLE);
    field(ui, text::G_PATH, &mut s.path_input, text::G_PATH_HINT, None);
    ui.horizontal(|ui| {
        if ui.button(text::G_SAVE_TO_PATH).clicked() {
            actions.push(Action::TypedPath(FileKind::Save));
        }
        if ui.button(text::G_OPEN_PATH).clicked() {
            actions.push(Action::TypedPath(FileKind::Open));
        }
        if ui.add_enabled(s.printable().is_ok(), egui::Button::new(text::G_EXPORT_TO_PATH)).clicked() {
            actions.push(Action::TypedPath(FileKind::Export));
        }
    });
}

/// The results: BSA, each dose in administration order, the schedule.
fn results_ui(ui: &mut Ui, report: Option<&Report>, editing: bool, untouched: bool) {
    let Some(r) = report else {
        ui.add_space(20.0);
        // Nothing typed yet is not an error: say what to enter, calmly.
        if untouched {
            ui.label(RichText::new(text::G_NO_DOSES_YET).size(18.0));
        } else {
            ui.label(RichText::new(text::G_NO_DOSES).size(18.0).color(ui.visuals().error_fg_color));
        }
        return;
    };
    if editing {
        ui.label(RichText::new(text::G_PROVISIONAL).strong().size(18.0).color(ui.visuals().warn_fg_color));
    }
    ui.label(RichText::new(format!("{}: {}", text::L_BSA, text::m2(r.bsa.used_m2))).size(22.0).strong());
    ui.label(&r.bsa.working);
    if let Some(wc) = &r.weight_change {
        ui.label(format!("{}: {}", text::L_WEIGHT_CHANGE, text::weight_change_line(wc)));
    }
    ui.separator();
    for item in r.administration_order() {
        match item {
            Administered::Dose(d) => dose_ui(ui, d, r.nk.map(|n| n.day.0)),
            Administered::Nk(nk) => nk_ui(ui, nk),
        }
    }
    ui.separator();
    ui.label(RichText::new(text::L_SCHEDULE).strong().size(16.0));
    egui::Grid::new("schedule").striped(true).show(ui, |ui| {
        for day in &r.schedule {
            ui.label(RichText::new(text::day_label(day.day)).strong());
            ui.label(day.date.map(text::date).unwrap_or_default());
            let events: Vec<String> = day.events.iter().map(|e| text::event(*e)).collect();
            ui.label(events.join(", "));
            ui.end_row();
        }
    });
}

/// Always visible under the results: warnings to acknowledge, the
/// verification, and the buttons that let an order leave the program.
/// Returns a chooser to open, if a button asked for one.
fn actions_ui(
    ui: &mut Ui,
    s: &mut AppState,
    report: Option<&Report>,
    actions: &mut Vec<Action>,
) -> Option<FileKind> {
    let mut choose = None;
    if let Some(r) = report {
        warnings_ui(ui, s, r, actions);
        ui.separator();
    }
    // The verification state, in its one fixed place, read from the order itself.
    match &s.order.verification {
        Some(v) => ui.label(
            RichText::new(text::verified_line(&v.verifier, v.at))
                .strong()
                .color(Color32::from_rgb(0, 110, 40)),
        ),
        None => ui.label(RichText::new(text::G_NOT_VERIFIED).strong().color(ui.visuals().warn_fg_color)),
    };
    let printable = ui
        .horizontal(|ui| {
            let check = ui.add_enabled(
                s.checkable(),
                egui::Button::new(RichText::new(text::G_DOUBLE_CHECK).size(16.0)),
            );
            if check.clicked() {
                actions.push(Action::StartDoubleCheck);
            }
            let printable = s.printable();
            let export = ui
                .add_enabled(printable.is_ok(), egui::Button::new(RichText::new(text::G_EXPORT).size(16.0)));
            if export.clicked() {
                choose = Some(FileKind::Export);
            }
            let print =
                ui.add_enabled(printable.is_ok(), egui::Button::new(RichText::new(text::G_PRINT).size(16.0)));
            if print.clicked() {
                actions.push(Action::Print);
            }
            printer_choice(ui, s, actions);
            printable
        })
        .inner;
    let untouched = s.untouched();
    match printable {
        // Nothing typed yet: nothing is wrong, there is just nothing to export.
        Err(_) if untouched => {
            ui.weak(text::G_NOTHING_TO_EXPORT);
        }
        // Why nothing can leave yet, on its own line, wrapped, never cut off.
        Err(e) => {
            ui.add(egui::Label::new(RichText::new(e.to_string()).color(ui.visuals().warn_fg_color)).wrap());
        }
        Ok(_) => {}
    }
    if let Some(e) = &s.printers_error {
        ui.colored_label(ui.visuals().warn_fg_color, e);
    }
    if let Some(path) = s.confirm_replace.clone() {
        ui.horizontal(|ui| {
            ui.label(text::g_confirm_replace(&path));
            if ui.button(text::G_REPLACE).clicked() {
                actions.push(Action::ExportTo { path: path.clone(), replace: true });
            }
        });
    }
    choose
}

fn dose_ui(ui: &mut Ui, d: &DoseLine, nk_day: Option<i32>) {
    let p = &d.preparation;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.label(RichText::new(text::drug_name(d.drug)).strong().size(18.0));
            ui.label(RichText::new(text::amount_large(d.dose, d.unit)).strong().size(26.0));
            if let Some(phase) = d.phase {
                ui.label(RichText::new(text::phase_label(phase)).strong().size(16.0));
                // A re-load cannot be missed: a badge, not grey italics.
                if phase.loading && phase.reason != crate::engine::PhaseReason::FirstCycle {
                    ui.label(
                        RichText::new(format!(" {} ", text::RELOAD_BADGE))
                            .strong()
                            .size(18.0)
                            .color(Color32::WHITE)
                            .background_color(Color32::from_rgb(180, 40, 0)),
                    );
                }
            }
        });
        ui.label(format!("{}: {}", text::L_WORKING, d.working));
        // In cycle 1 the tag already says "loading dose"; from cycle 2 the reason matters.
        if let Some(phase) = d.phase.filter(|p| p.reason != crate::engine::PhaseReason::FirstCycle) {
            ui.label(format!("{}: {}", text::S_PHASE, text::phase_reason(phase)));
        }
        ui.label(format!("{}: {} · {}", text::L_ROUTE_DAYS, text::route_name(d.route), text::dose_days(d)));
        if let (Some(hours), Some(day)) = (d.after_nk_within_hours, nk_day) {
            ui.label(
                RichText::new(format!("{}: {}", text::L_TIMING, text::after_nk_line(hours, day))).strong(),
            );
        }
        ui.label(format!(
            "{}: {} ({}: {})",
            text::L_DRAW,
            p.working,
            text::L_VIALS,
            text::vials(&p.vials, d.unit)
        ));
        if p.too_small {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!("{}: {}", text::L_TOO_SMALL, text::too_small_line(d)),
            );
        }
        if d.route == Route::Intravenous {
            ui.label(format!(
                "{}: {} · {} {}",
                text::L_DILUENT,
                text::bag(p.diluent, p.bag_volume_ml),
                text::L_INFUSION,
                text::infusion_line(p.infusion_minutes)
            ));
        }
    });
}

fn nk_ui(ui: &mut Ui, nk: &crate::engine::NkCheck) {
    let color = match nk.state {
        NkState::WithinRange => Color32::from_rgb(0, 120, 40),
        NkState::OutOfRange => ui.visuals().error_fg_color,
        NkState::Pending => ui.visuals().warn_fg_color,
    };
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.label(RichText::new(text::L_NK).strong().size(18.0));
            ui.label(RichText::new(text::nk_large(nk.count, nk.state)).strong().size(26.0));
            ui.label(RichText::new(text::nk_state(nk.state)).strong().size(16.0).color(color));
        });
        ui.label(text::nk_line(nk.count, nk.state));
        ui.label(format!(
            "{}: {} · {}",
            text::L_ROUTE_DAYS,
            text::route_name(Route::Intravenous),
            text::day_with_date(nk.day.0, nk.day.1)
        ));
    });
}

fn warnings_ui(ui: &mut Ui, s: &mut AppState, r: &Report, actions: &mut Vec<Action>) {
    ui.label(RichText::new(text::L_WARNINGS).strong().size(16.0));
    let warnings = s.order.warnings(r);
    if warnings.is_empty() {
        ui.label(text::L_NONE);
        return;
    }
    let can_ack = !s.order.issued_by.trim().is_empty();
    if !can_ack {
        ui.colored_label(ui.visuals().warn_fg_color, text::G_ACK_NEEDS_NAME);
    }
    for w in &warnings {
        let ack = s.order.acknowledged.iter().find(|a| a.covers(w)).cloned();
        let mut acked = ack.is_some();
        let checkbox = ui
            .horizontal_wrapped(|ui| {
                let reason_ok =
                    !w.needs_reason || s.reasons.get(&w.code).is_some_and(|r| !r.trim().is_empty());
                let label = RichText::new(&w.message).color(ui.visuals().warn_fg_color);
                let enabled = can_ack && (acked || reason_ok);
                let checkbox = ui.add_enabled(enabled, egui::Checkbox::new(&mut acked, label));
                if checkbox.changed() {
                    actions.push(Action::Acknowledge {
                        code: w.code.clone(),
                        detail: w.detail.clone(),
                        acknowledged: acked,
                    });
                }
                // Who ticked it, and when, right after it.
                if let Some(a) = &ack {
                    ui.label(RichText::new(text::acknowledged_short(&a.by, a.at)).strong());
                }
                checkbox
            })
            .inner;
        if w.needs_reason {
            let reason = s.reasons.entry(w.code.clone()).or_default();
            ui.horizontal(|ui| {
                ui.add_space(24.0);
                ui.label(text::G_REASON);
                // Named after its warning, so each reason field is found by what it is for.
                ui.add_enabled(
                    ack.is_none(),
                    TextEdit::singleline(reason).hint_text(text::G_REASON_HINT).desired_width(320.0),
                )
                .labelled_by(checkbox.id);
            });
        }
    }
}

fn double_check_ui(ui: &mut Ui, s: &mut AppState, actions: &mut Vec<Action>) {
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.heading(RichText::new(text::G_DOUBLE_CHECK_TITLE).strong());
            ui.label(text::G_DOUBLE_CHECK_INTRO);
            ui.add_space(8.0);
            // Who the bags are for: the verifier checks these against every label.
            let today = s.now().date();
            if let Ok(p) = s.order.patient.validate(today) {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.label(RichText::new(text::G_PATIENT_ON_LABELS).strong());
                    ui.label(RichText::new(&p.name).strong().size(20.0));
                    ui.label(format!("{}: {}", text::S_RECORD, p.identifier));
                    ui.label(format!("{}: {}", text::S_DOB, text::date(p.date_of_birth)));
                });
            }
            let needs_dates = crate::doublecheck::needs_last_dates(&s.order.inputs);
            let second = &mut s.second;
            ui.checkbox(&mut second.identity_confirmed, text::G_CONFIRM_IDENTITY);
            field(ui, text::G_VERIFIER, &mut second.verifier, "", None);
            field(ui, text::G_RE_WEIGHT, &mut second.weight, "", None);
            field(ui, text::G_RE_HEIGHT, &mut second.height, "", None);
            field(ui, text::G_RE_NK, &mut second.nk_cells, text::G_NK_HINT, None);
            if needs_dates {
                field(ui, text::G_RE_LAST_T, &mut second.last_trastuzumab, text::G_DATE_HINT, None);
                field(ui, text::G_RE_LAST_P, &mut second.last_pertuzumab, text::G_DATE_HINT, None);
            }
            ui.add_space(6.0);
            ui.label(RichText::new(text::G_BAG_LABELS).strong());
            // The drugs of this cycle, without their doses: the second person reads the labels.
            let drugs: Vec<(crate::regimen::Drug, crate::regimen::DoseUnit)> = s
                .order
                .report()
                .map(|r| r.doses.iter().map(|d| (d.drug, d.unit)).collect())
                .unwrap_or_default();
            for (drug, unit) in drugs {
                let label = text::g_bag_label(drug, unit);
                field(ui, &label, second.bag_dose_mut(drug), "", None);
            }
            for m in &s.mismatches {
                ui.colored_label(ui.visuals().error_fg_color, m);
            }
            ui.horizontal(|ui| {
                if ui.button(RichText::new(text::G_COMPARE).size(16.0)).clicked() {
                    actions.push(Action::SubmitDoubleCheck);
                }
                if ui.button(text::G_CANCEL).clicked() {
                    actions.push(Action::CancelDoubleCheck);
                }
            });
        });
    });
}

fn printer_choice(ui: &mut Ui, s: &AppState, actions: &mut Vec<Action>) {
    let l = ui.label(text::G_PRINTER);
    let current = s.prefs.last_printer.clone().unwrap_or_else(|| text::G_DEFAULT_PRINTER.to_owned());
    egui::ComboBox::from_id_salt("printer")
        .selected_text(current)
        .show_ui(ui, |ui| {
            for p in &s.printers {
                if ui.selectable_label(s.prefs.last_printer.as_ref() == Some(p), p).clicked() {
                    actions.push(Action::SelectPrinter(p.clone()));
                }
            }
        })
        .response
        .labelled_by(l.id);
    if ui.small_button(text::G_REFRESH_PRINTERS).clicked() {
        actions.push(Action::RefreshPrinters);
    }
    // Say so when the print service offers no printer, rather than an empty list.
    if s.printers.is_empty() && s.printers_error.is_none() {
        ui.weak(text::G_NO_PRINTERS);
    }
}

fn register_ui(ui: &mut Ui, s: &mut AppState, actions: &mut Vec<Action>) {
    egui::CentralPanel::default().show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.heading(RichText::new(text::G_REGISTER_TITLE).strong());
            if ui.button(text::G_CLOSE).clicked() {
                actions.push(Action::CloseRegister);
            }
        });
        if let Some(path) = s.register_path() {
            ui.label(format!("{}: {}", text::G_REGISTER_AT, path.display()));
        }
        let v = &mut s.register_view;
        field(ui, text::G_REGISTER_FILTER_ID, &mut v.patient_id, "", None);
        field(ui, text::G_REGISTER_FILTER_DATE, &mut v.date, text::G_DATE_HINT, None);
        if ui.button(text::G_FILTER).clicked() {
            actions.push(Action::RefreshRegister);
        }
        if let Some(m) = &v.message {
            ui.label(RichText::new(m).strong());
        }
        if v.entries.is_empty() {
            ui.label(text::G_REGISTER_EMPTY);
            return;
        }
        egui::ScrollArea::both().show(ui, |ui| {
            egui::Grid::new("register").striped(true).show(ui, |ui| {
                ui.label("");
                for c in text::G_COLUMNS {
                    ui.label(RichText::new(c).strong());
                }
                ui.end_row();
                for e in &v.entries {
                    // The actions first, so they never scroll out of sight behind a long dose list.
                    ui.horizontal(|ui| {
                        if ui.button(format!("{} {}", text::G_REOPEN, e.id)).clicked() {
                            actions.push(Action::Reopen(e.id));
                        }
                        if ui.button(format!("{} {}", text::G_REPRINT, e.id)).clicked() {
                            actions.push(Action::Reprint(e.id));
                        }
                    });
                    ui.label(text::datetime(e.at));
                    ui.label(text::register_action(e.action));
                    ui.label(&e.order_id);
                    ui.label(&e.fingerprint);
                    ui.label(&e.patient_name);
                    ui.label(&e.patient_id);
                    ui.label(e.cycle.to_string());
                    ui.label(e.verifier.clone().unwrap_or_default());
                    ui.label(text::register_doses(&e.doses));
                    ui.end_row();
                }
            });
        });
    });
}

impl eframe::App for GuiApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        GuiApp::ui(self, ui);
        if !self.first_frame_logged {
            self.first_frame_logged = true;
            if std::env::var_os("NKACT_DOSE_TIMING").is_some() {
                eprintln!("first frame after {} ms", self.started.elapsed().as_millis());
            }
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.state.prefs);
    }

    /// egui's own memory (open headers, scroll positions) is not kept: only preferences.
    fn persist_egui_memory(&self) -> bool {
        false
    }
}

/// Opens the window and runs until it is closed.
pub fn run(started: std::time::Instant) -> Result<(), String> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(text::window_title())
            .with_app_id("nkact-dose")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([900.0, 600.0]),
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    eframe::run_native(
        "nkact-dose",
        options,
        Box::new(move |cc| {
            let prefs: Preferences = cc
                .storage
                .and_then(|s| eframe::get_value::<Preferences>(s, PREFS_KEY))
                .filter(|p| p.settings.validate().is_ok())
                .unwrap_or_default();
            // The theme before the first frame (no dark flash), and a text cursor that does not
            // blink: a blinking cursor repaints the window for ever (about 5 % of a core while
            // a field has the focus); idle means idle.
            cc.egui_ctx.set_theme(if prefs.dark { egui::Theme::Dark } else { egui::Theme::Light });
            cc.egui_ctx.all_styles_mut(|style| style.visuals.text_cursor.blink = false);
            let mut app = GuiApp::new(AppState::new(prefs, crate::clock::now_local));
            app.started = started;
            app.state.apply(Action::RefreshPrinters);
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| e.to_string())
}
