//! The desktop window (eframe/egui, glow renderer). It draws [`AppState`]
//! and the report the engine returns; it does no arithmetic of its own.
//! Clicks become [`Action`]s applied after the frame. File choosers run off
//! the UI thread; when none answers, a typed path is offered instead.

use std::sync::mpsc::{Receiver, Sender, channel};

use eframe::egui::{self, Color32, RichText, TextEdit, Ui};

use crate::app::{Action, AppState, Discard, FileKind, Mode, Notice, Preferences};
use crate::bsa::BsaFormula;
use crate::engine::NkState;
use crate::error::{Field, InputError};
use crate::present::Words;
use crate::present::model::{BadgeKind, Emphasis, Item, Presentation};
use crate::settings::Paper;
use crate::{id, msg};

const PREFS_KEY: &str = "nkact-dose-preferences";

/// The register view's columns, after the actions.
const COLUMNS: [&str; 11] = [
    id!("g-col-when"),
    id!("g-col-action"),
    id!("g-col-order"),
    id!("g-col-revision"),
    id!("g-col-fingerprint"),
    id!("g-col-patient"),
    id!("g-col-record"),
    id!("g-col-cycle"),
    id!("g-col-verified"),
    id!("g-col-doses"),
    id!("g-col-lang"),
];

/// The window: the state, plus the channel file choosers answer on.
pub struct GuiApp {
    pub state: AppState,
    actions: Vec<Action>,
    chooser_tx: Sender<Action>,
    chooser_rx: Receiver<Action>,
    chooser_open: bool,
    started: std::time::Instant,
    first_frame_logged: bool,
    /// The inputs and criteria inputs as they were when a field that decides a
    /// dose or a withhold took the keyboard focus.
    focus_snapshot: Option<(crate::input::RawInputs, crate::clinical::RawClinical)>,
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
        // What the register says of this order: asked off the frame when it changes, read here.
        self.state.refresh_watch();
        if self.state.watch.pending() {
            ui.ctx().request_repaint_after(std::time::Duration::from_millis(20));
        }
        match self.state.mode {
            Mode::Form => self.form_mode(ui),
            Mode::DoubleCheck => double_check_ui(ui, &mut self.state, &mut self.actions),
            Mode::Register => {
                if let Some(kind) = register_ui(ui, &mut self.state, &mut self.actions) {
                    self.open_chooser(ui.ctx().clone(), kind);
                }
            }
        }
        for action in std::mem::take(&mut self.actions) {
            self.state.apply(action);
        }
        self.state.after_frame();
    }

    fn form_mode(&mut self, ui: &mut Ui) {
        let w = self.state.words();
        let mut choose: Option<FileKind> = None;
        let mut report = self.state.report();
        // A criteria row half typed (a value without its date yet) gives no report; while it is
        // being typed the doses stay on screen as they were before it, marked PROVISIONAL, and
        // nothing can leave (issue 18: the whole dose panel blanked).
        if let (Err(errors), true, Some((_, before))) =
            (&report, self.state.editing_measure, self.focus_snapshot.as_ref())
        {
            let criteria_only = errors.iter().all(|e| e.field.is_criteria_input());
            if criteria_only {
                let mut provisional = self.state.order.clone();
                provisional.clinical = before.clone();
                if let Ok(r) = provisional.report() {
                    report = Ok(r);
                }
            }
        }
        let view = report.as_ref().ok().map(|r| {
            Presentation::of(r, &self.state.order.warnings(r), &w).with_overrides(
                r,
                &self.state.order.overrides,
                &w,
            )
        });
        let errors: Vec<InputError> = report.as_ref().err().cloned().unwrap_or_default();
        let mut measure_focus = MeasureFocus::default();
        egui::Panel::left("form").resizable(false).exact_size(470.0).show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                measure_focus = form_ui(ui, &mut self.state, &errors, &mut self.actions);
                ui.add_space(8.0);
                files_ui(ui, &mut self.state, &mut self.actions);
            });
        });
        // A measure being typed ("70" on the way to "70,5") gives provisional results:
        // nothing may leave until the field is finished (Tab, Enter, or a click elsewhere).
        let now = (&self.state.order.inputs, &self.state.order.clinical);
        if measure_focus.gained || !measure_focus.has_focus {
            self.focus_snapshot = measure_focus.has_focus.then(|| (now.0.clone(), now.1.clone()));
        }
        self.state.editing_measure =
            measure_focus.has_focus && self.focus_snapshot.as_ref().is_some_and(|(i, c)| (i, c) != now);
        let editing = self.state.editing_measure;
        egui::Panel::bottom("actions").show(ui, |ui| {
            ui.add_space(4.0);
            if let Some(kind) = actions_ui(ui, &mut self.state, view.as_ref(), &mut self.actions) {
                choose = Some(kind);
            }
            ui.add_space(4.0);
        });
        // The toolbar is added after the form and the actions, so Tab reaches it last.
        egui::Panel::top("toolbar").show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.heading(RichText::new(w.window_title()).strong());
                ui.separator();
                // New order and Open ask first when the form holds unsaved work.
                if ui.button(w.msg(msg!("g-new"))).clicked() {
                    self.actions.push(Action::ConfirmDiscard(Discard::NewOrder));
                }
                let idle = !self.chooser_open;
                if ui.add_enabled(idle, egui::Button::new(w.msg(msg!("g-open")))).clicked() {
                    if self.state.has_unsaved_work() {
                        self.actions.push(Action::ConfirmDiscard(Discard::Open));
                    } else {
                        choose = Some(FileKind::Open);
                    }
                }
                if ui.add_enabled(idle, egui::Button::new(w.msg(msg!("g-save")))).clicked() {
                    choose = Some(FileKind::Save);
                }
                if ui.button(w.msg(msg!("g-register"))).clicked() {
                    self.actions.push(Action::ShowRegister);
                }
                let mut dark = self.state.prefs.dark;
                if ui.checkbox(&mut dark, w.msg(msg!("g-dark"))).changed() {
                    self.actions.push(Action::SetDark(dark));
                }
                // The language switches at once: every string is drawn again from the new words.
                let l = ui.label(w.msg(msg!("g-language")));
                egui::ComboBox::from_id_salt("language")
                    .selected_text(w.lang_name(w.lang))
                    .show_ui(ui, |ui| {
                        for lang in crate::locale::Lang::ALL {
                            if ui.selectable_label(lang == w.lang, w.lang_name(lang)).clicked() {
                                self.actions.push(Action::SetLang(lang));
                            }
                        }
                    })
                    .response
                    .labelled_by(l.id);
            });
            if let Some(what) = self.state.files.pending_discard {
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(w.msg(msg!("g-discard-question")))
                            .strong()
                            .color(ui.visuals().warn_fg_color),
                    );
                    if ui.button(w.msg(msg!("g-discard"))).clicked() {
                        self.actions.push(Action::DiscardConfirmed);
                        if what == Discard::Open {
                            choose = Some(FileKind::Open);
                        }
                    }
                    if ui.button(w.msg(msg!("g-keep"))).clicked() {
                        self.actions.push(Action::DiscardCancelled);
                    }
                });
            }
            notice_ui(ui, &self.state.notice);
        });

        egui::CentralPanel::default().show(ui, |ui| {
            // "Next patient may start from …": above the results, not in the form, so that
            // answering the cohort never moves the fields under the pointer (issue 18).
            if let Some(line) = self.state.next_start_line() {
                ui.add(egui::Label::new(RichText::new(line).strong()).wrap());
                ui.separator();
            }
            let untouched = self.state.untouched();
            egui::ScrollArea::vertical().show(ui, |ui| {
                keyboard_scroll(ui);
                results_ui(ui, &w, view.as_ref(), editing, untouched)
            });
        });
        if let Some(kind) = choose {
            self.open_chooser(ui.ctx().clone(), kind);
        }
    }

    /// Opens a native file chooser on another thread; its answer arrives as an action.
    fn open_chooser(&mut self, ctx: egui::Context, kind: FileKind) {
        let w = self.state.words();
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
            true => w.order_id(&self.state.order).replace(' ', "_"),
            false => format!("{}_{record}", w.order_id(&self.state.order).replace(' ', "_")),
        };
        let name = match kind {
            FileKind::Export => format!("{stem}.pdf"),
            _ => format!("{stem}.json"),
        };
        let (pdf_files, order_files) = (w.msg(msg!("g-pdf-files")), w.msg(msg!("g-order-files")));
        std::thread::spawn(move || {
            let dialog = rfd::AsyncFileDialog::new();
            let dialog = match kind {
                FileKind::Export => dialog.add_filter(pdf_files, &["pdf"]).set_file_name(&name),
                _ => dialog.add_filter(order_files, &["json"]).set_file_name(&name),
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
    Required(String),
    Error(String),
}

const LABEL_WIDTH: f32 = 180.0;
/// A field's width: with the label column, room is left beside it for "Required"
/// ("Obligatorio") in the 470-px form column (issue 18: it was clipped).
const FIELD_WIDTH: f32 = 160.0;

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

/// The id of a text field, from what it holds, never from where it is drawn:
/// egui's automatic ids shift when a line (an error message) appears above a
/// field, and the keyboard focus then lands in another field (issue 18: a
/// re-typed NK count went into the NK product ID).
pub fn field_id(key: impl std::hash::Hash + std::fmt::Debug) -> egui::Id {
    egui::Id::unique(("nkact-field", key))
}

/// A labelled single-line field (never a drag value) with a stable id; its message below it.
fn field(
    ui: &mut Ui,
    key: impl std::hash::Hash + std::fmt::Debug,
    label: &str,
    value: &mut String,
    hint: &str,
    note: Option<FieldNote>,
) -> egui::Response {
    let response = ui
        .horizontal(|ui| {
            let l = label_cell(ui, label);
            let r = ui
                .add(
                    TextEdit::singleline(value)
                        .id(field_id(key))
                        .hint_text(hint.to_owned())
                        .desired_width(FIELD_WIDTH),
                )
                .labelled_by(l.id);
            // Escape in a field leaves the keyboard where it was, not nowhere (issue 18).
            if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                r.request_focus();
            }
            // A field in error is outlined in red, as the messages say.
            if let Some(FieldNote::Error(_)) = &note {
                let red = egui::Stroke::new(2.0, ui.visuals().error_fg_color);
                ui.painter().rect_stroke(r.rect.expand(1.0), 2.0, red, egui::StrokeKind::Outside);
            }
            // "Required" beside the field, in the same row: the form does not jump as it comes and goes.
            if let Some(FieldNote::Required(text)) = &note {
                ui.weak(text);
            }
            r
        })
        .inner;
    if let Some(FieldNote::Error(e)) = note {
        ui.add(egui::Label::new(RichText::new(e).color(ui.visuals().error_fg_color)).wrap());
    }
    response
}

fn error_for(w: &Words, errors: &[InputError], f: Field) -> Option<FieldNote> {
    errors.iter().find(|e| e.field == f).map(|e| {
        if e.problem == crate::error::Problem::Missing {
            FieldNote::Required(w.msg(msg!("g-required")))
        } else {
            FieldNote::Error(w.input_error(e))
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
    let w = s.words();
    let mut focus = MeasureFocus::default();
    let today = s.now().date();
    let patient_errors = s.order.patient.validate(today).err().unwrap_or_default();
    section(ui, &w.msg(msg!("s-patient")));
    let p = &mut s.order.patient;
    let name_note = error_for(&w, &patient_errors, Field::PatientName);
    let name = field(ui, Field::PatientName, &w.field_label(Field::PatientName), &mut p.name, "", name_note);
    // A new window starts in the first patient field, not in the toolbar.
    if !s.focus_placed {
        name.request_focus();
        s.focus_placed = true;
    }
    let id_note = error_for(&w, &patient_errors, Field::PatientId);
    field(ui, Field::PatientId, &w.field_label(Field::PatientId), &mut p.identifier, "", id_note);
    let dob_error =
        error_for(&w, &patient_errors, Field::DateOfBirth).filter(|_| !p.date_of_birth.trim().is_empty());
    field(
        ui,
        Field::DateOfBirth,
        &w.field_label(Field::DateOfBirth),
        &mut p.date_of_birth,
        &w.msg(msg!("g-date-hint")),
        dob_error,
    );
    field(
        ui,
        Field::Allergies,
        &w.field_label(Field::Allergies),
        &mut p.allergies,
        &w.msg(msg!("g-allergies-hint")),
        None,
    );
    // Required before any warning can be acknowledged or a sheet leave: said beside it.
    let issuer_note =
        s.order.issued_by.trim().is_empty().then(|| FieldNote::Required(w.msg(msg!("g-required"))));
    // Signed in: the issuer is the person who proved who they are.
    let signed_in = s.sign_in.person.is_some();
    if signed_in {
        ui.horizontal(|ui| {
            label_cell(ui, &w.msg(msg!("g-issued-by")));
            ui.label(RichText::new(&s.order.issued_by).strong());
        });
    } else {
        field(ui, "g-issued-by", &w.msg(msg!("g-issued-by")), &mut s.order.issued_by, "", issuer_note);
    }
    field(
        ui,
        Field::Subject,
        &w.field_label(Field::Subject),
        &mut s.order.trial.subject,
        &w.msg(msg!("g-optional")),
        None,
    );
    let cohorts = [
        ("", w.msg(msg!("g-not-answered"))),
        ("lead-in", w.cohort_name(crate::stagger::Cohort::LeadIn)),
        ("expansion", w.cohort_name(crate::stagger::Cohort::Expansion)),
    ];
    choice(ui, &w.msg(msg!("s-cohort")), "cohort", &mut s.order.trial.cohort, &cohorts);

    section(ui, &w.msg(msg!("g-measures")));
    let i = &mut s.order.inputs;
    // Hints name the unit, never an example number that could be read as a value.
    focus.add(&field(
        ui,
        Field::Weight,
        &w.field_label(Field::Weight),
        &mut i.weight,
        "kg",
        error_for(&w, errors, Field::Weight),
    ));
    focus.add(&field(
        ui,
        Field::Height,
        &w.field_label(Field::Height),
        &mut i.height,
        "cm",
        error_for(&w, errors, Field::Height),
    ));
    let current = crate::input::parse_formula(&i.bsa_formula).unwrap_or_default();
    ui.horizontal(|ui| {
        let l = label_cell(ui, &w.field_label(Field::BsaFormula));
        egui::ComboBox::from_id_salt("bsa-formula")
            .selected_text(w.formula_name(current))
            .show_ui(ui, |ui| {
                for f in BsaFormula::ALL {
                    if ui.selectable_label(f == current, w.formula_name(f)).clicked() {
                        actions.push(Action::SetFormula(f));
                    }
                }
            })
            .response
            .labelled_by(l.id);
    });
    focus.add(&field(
        ui,
        Field::BsaCap,
        &w.field_label(Field::BsaCap),
        &mut i.bsa_cap,
        &w.msg(msg!("g-optional")),
        error_for(&w, errors, Field::BsaCap),
    ));
    focus.add(&field(
        ui,
        Field::PreviousWeight,
        &w.field_label(Field::PreviousWeight),
        &mut i.previous_weight,
        &w.msg(msg!("g-optional")),
        error_for(&w, errors, Field::PreviousWeight),
    ));

    section(ui, &w.msg(msg!("l-cycle")));
    focus.add(&field(
        ui,
        Field::Cycle,
        &w.field_label(Field::Cycle),
        &mut i.cycle,
        &w.msg(msg!("g-cycle-hint")),
        error_for(&w, errors, Field::Cycle),
    ));
    focus.add(&field(
        ui,
        Field::Day1,
        &w.field_label(Field::Day1),
        &mut i.day1,
        &w.msg(msg!("g-date-hint")),
        error_for(&w, errors, Field::Day1),
    ));
    let first_cycle = i.cycle.trim() == "1";
    if crate::doublecheck::needs_last_dates(i) {
        focus.add(&field(
            ui,
            Field::LastTrastuzumab,
            &w.field_label(Field::LastTrastuzumab),
            &mut i.last_trastuzumab,
            &w.msg(msg!("g-date-hint")),
            error_for(&w, errors, Field::LastTrastuzumab),
        ));
        focus.add(&field(
            ui,
            Field::LastPertuzumab,
            &w.field_label(Field::LastPertuzumab),
            &mut i.last_pertuzumab,
            &w.msg(msg!("g-date-hint")),
            error_for(&w, errors, Field::LastPertuzumab),
        ));
        choice(
            ui,
            &w.field_label(Field::PreviousInfusionTolerated),
            "tolerated",
            &mut s.order.clinical.previous_infusion_tolerated,
            &[
                ("", w.msg(msg!("g-not-answered"))),
                ("yes", w.msg(msg!("g-yes"))),
                ("no", w.msg(msg!("g-no"))),
            ],
        );
    }
    let c = &mut s.order.clinical;
    if first_cycle {
        // Only the date's own problem outlines it: the order judges it against Day 1 as typed
        // and drops "outside the window" while Day 1 itself is in error (clinical::all_errors).
        let note = error_for(&w, errors, Field::CyclophosphamideDate);
        focus.add(&field(
            ui,
            Field::CyclophosphamideDate,
            &w.field_label(Field::CyclophosphamideDate),
            &mut c.cyclophosphamide_date,
            &w.msg(msg!("g-date-hint")),
            note,
        ));
    }

    section(ui, &w.msg(msg!("g-nk-product")));
    focus.add(&field(
        ui,
        Field::NkCells,
        &w.field_label(Field::NkCells),
        &mut i.nk_cells,
        &w.msg(msg!("g-nk-hint")),
        error_for(&w, errors, Field::NkCells),
    ));
    let c = &mut s.order.clinical;
    if first_cycle {
        let nk = [
            (Field::NkProductId, &mut c.nk_product_id, String::new()),
            (Field::NkBagId, &mut c.nk_bag_id, String::new()),
            (Field::NkReleasedAt, &mut c.nk_released_at, w.msg(msg!("g-date-time-hint"))),
        ];
        for (f, value, hint) in nk {
            focus.add(&field(ui, f, &w.field_label(f), value, &hint, error_for(&w, errors, f)));
        }
    }
    criteria_form(ui, &w, c, errors, first_cycle, &mut focus);

    egui::CollapsingHeader::new(w.msg(msg!("g-site-settings"))).show(ui, |ui| {
        let t = &mut s.settings_text;
        field(ui, "g-rounding", &w.msg(msg!("g-rounding")), &mut t.mg_rounding_increment, "mg", None);
        field(
            ui,
            "g-il2-dilution",
            &w.msg(msg!("g-il2-dilution")),
            &mut t.il2_dilution_million_per_ml,
            &w.msg(msg!("g-optional")),
            None,
        );
        field(ui, "g-cyclo-bag", &w.msg(msg!("g-cyclo-bag")), &mut t.cyclophosphamide_bag_ml, "mL", None);
        field(
            ui,
            "g-cyclo-minutes",
            &w.msg(msg!("g-cyclo-minutes")),
            &mut t.cyclophosphamide_minutes,
            "min",
            None,
        );
        field(
            ui,
            "g-trastuzumab-observation",
            &w.msg(msg!("g-trastuzumab-observation")),
            &mut t.trastuzumab_later_observation_minutes,
            "min",
            None,
        );
        field(
            ui,
            "g-lvef-max-age",
            &w.msg(msg!("g-lvef-max-age")),
            &mut t.lvef_max_age_days,
            &w.msg(msg!("g-days")),
            None,
        );
        field(ui, "g-nk-max-hours", &w.msg(msg!("g-nk-max-hours")), &mut t.nk_max_hours, "h", None);
        field(
            ui,
            "l-nk-route-set",
            &w.msg(msg!("l-nk-route-set")),
            &mut t.nk_route_and_set,
            &w.per_site_protocol(),
            None,
        );
        field(
            ui,
            "l-premedication",
            &w.msg(msg!("l-premedication")),
            &mut t.premedication,
            &w.per_site_protocol(),
            None,
        );
        field(
            ui,
            "l-antiemetic",
            &w.msg(msg!("l-antiemetic")),
            &mut t.antiemetic,
            &w.per_site_protocol(),
            None,
        );
        field(ui, "l-hydration", &w.msg(msg!("l-hydration")), &mut t.hydration, &w.per_site_protocol(), None);
        if let Some(e) = &t.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        if ui.button(w.msg(msg!("g-apply-settings"))).clicked() {
            actions.push(Action::ApplySiteSettings);
        }
        // The decimal mark of the window and the sheet: a reviewed site setting, one mark per document.
        ui.horizontal(|ui| {
            ui.label(w.msg(msg!("g-decimal-mark")));
            for mark in crate::locale::DecimalMark::ALL {
                if ui.radio(w.mark == mark, w.decimal_mark_name(mark)).clicked() {
                    actions.push(Action::SetDecimalMark(mark));
                }
            }
        });
        ui.horizontal(|ui| {
            ui.label(w.msg(msg!("g-paper")));
            let paper = s.order.settings.paper;
            for p in [Paper::A4, Paper::Letter] {
                if ui.radio(paper == p, w.paper_name(p)).clicked() {
                    actions.push(Action::SetPaper(p));
                }
            }
        });
    });
    focus
}

fn files_ui(ui: &mut Ui, s: &mut AppState, actions: &mut Vec<Action>) {
    let w = s.words();
    if !s.files.show_path_input {
        return;
    }
    section(ui, &w.msg(msg!("g-typed-path-title")));
    field(ui, "g-path", &w.msg(msg!("g-path")), &mut s.files.path_input, &w.msg(msg!("g-path-hint")), None);
    // Wrapped: "Exportar el PDF a la ruta" was cut off at the column's edge.
    ui.horizontal_wrapped(|ui| {
        if ui.button(w.msg(msg!("g-save-to-path"))).clicked() {
            actions.push(Action::TypedPath(FileKind::Save));
        }
        if ui.button(w.msg(msg!("g-open-path"))).clicked() {
            actions.push(Action::TypedPath(FileKind::Open));
        }
        if ui.add_enabled(s.printable().is_ok(), egui::Button::new(w.msg(msg!("g-export-to-path")))).clicked()
        {
            actions.push(Action::TypedPath(FileKind::Export));
        }
    });
}

/// The results: the presentation model drawn as it is (BSA, each dose in
/// administration order, the schedule); the window words nothing itself.
fn results_ui(ui: &mut Ui, w: &Words, view: Option<&Presentation>, editing: bool, untouched: bool) {
    let Some(v) = view else {
        ui.add_space(20.0);
        // Nothing typed yet is not an error: say what to enter, calmly.
        if untouched {
            ui.label(RichText::new(w.msg(msg!("g-no-doses-yet"))).size(18.0));
        } else {
            ui.label(RichText::new(w.msg(msg!("g-no-doses"))).size(18.0).color(ui.visuals().error_fg_color));
        }
        return;
    };
    if editing {
        ui.label(
            RichText::new(w.msg(msg!("g-provisional"))).strong().size(18.0).color(ui.visuals().warn_fg_color),
        );
    }
    ui.label(RichText::new(&v.headline).strong());
    ui.label(RichText::new(v.bsa.line()).size(22.0).strong());
    ui.label(&v.bsa_working);
    if let Some(wc) = &v.weight_change {
        ui.label(wc.line());
    }
    if let Some(c) = &v.cardiac {
        let text = RichText::new(c.line());
        ui.add(
            egui::Label::new(if c.emphasis == Emphasis::Normal {
                text
            } else {
                text.strong().color(ui.visuals().warn_fg_color)
            })
            .wrap(),
        );
    }
    if let Some(c) = &v.criteria {
        ui.separator();
        criteria_ui(ui, c);
    }
    ui.separator();
    for item in &v.items {
        item_ui(ui, item);
    }
    if let Some(row) = &v.nk_not_in_cycle {
        ui.label(row.line());
    }
    ui.separator();
    ui.label(RichText::new(&v.administration_title).strong().size(16.0));
    for row in &v.administration {
        ui.add(egui::Label::new(row.line()).wrap());
    }
    ui.separator();
    ui.label(RichText::new(&v.schedule_title).strong().size(16.0));
    // Day and date in columns of their own width, the events wrapped in the room left
    // (a grid gave the events ~45 px and broke words in half).
    let day_w = v.schedule.iter().map(|d| text_width(ui, &d.day, true)).fold(0.0, f32::max) + 8.0;
    let date_w = v.schedule.iter().map(|d| text_width(ui, &d.date, false)).fold(0.0, f32::max) + 12.0;
    for day in &v.schedule {
        ui.horizontal(|ui| {
            ui.add_sized([day_w, 18.0], egui::Label::new(RichText::new(&day.day).strong()));
            ui.add_sized([date_w, 18.0], egui::Label::new(&day.date));
            ui.add(egui::Label::new(&day.events).wrap());
        });
    }
}

/// The width `text` takes in the body font (bold or not).
fn text_width(ui: &Ui, text: &str, strong: bool) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let rich = if strong { RichText::new(text).strong() } else { RichText::new(text) };
    let galley =
        egui::WidgetText::from(rich).into_galley(ui, Some(egui::TextWrapMode::Extend), f32::INFINITY, font);
    galley.size().x
}

/// PageUp/PageDown scroll the results from anywhere; Home/End when no text field
/// has the keyboard (there they move the cursor).
fn keyboard_scroll(ui: &mut Ui) {
    let page = ui.clip_rect().height() * 0.9;
    let typing = ui.ctx().memory(|m| m.focused()).is_some() && ui.ctx().egui_wants_keyboard_input();
    let (up, down, home, end) = ui.input(|i| {
        (
            i.key_pressed(egui::Key::PageUp),
            i.key_pressed(egui::Key::PageDown),
            i.key_pressed(egui::Key::Home),
            i.key_pressed(egui::Key::End),
        )
    });
    let delta = match (up, down, home && !typing, end && !typing) {
        (true, ..) => page,
        (_, true, ..) => -page,
        (_, _, true, _) => f32::MAX / 4.0,
        (_, _, _, true) => -f32::MAX / 4.0,
        _ => return,
    };
    ui.scroll_with_delta(egui::vec2(0.0, delta));
}

/// One dose or the NK product: the name, the dose large, its tag and badges, then its rows.
fn item_ui(ui: &mut Ui, item: &Item) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(&item.title).strong().size(18.0));
            ui.label(RichText::new(&item.large).strong().size(26.0));
            if let Some(tag) = &item.tag {
                ui.label(RichText::new(tag).strong().size(16.0));
            }
            for b in &item.badges {
                let text = RichText::new(format!(" {} ", b.text)).strong().size(16.0);
                ui.label(match b.kind {
                    // A re-load cannot be missed: white on red, not grey italics.
                    BadgeKind::Reload => {
                        text.size(18.0).color(Color32::WHITE).background_color(Color32::from_rgb(180, 40, 0))
                    }
                    BadgeKind::Nk(NkState::WithinRange) => text.color(Color32::from_rgb(0, 120, 40)),
                    BadgeKind::Nk(NkState::OutOfRange) => text.color(ui.visuals().error_fg_color),
                    BadgeKind::Nk(NkState::Pending) => text.color(ui.visuals().warn_fg_color),
                    BadgeKind::Withheld => {
                        text.size(18.0).color(Color32::WHITE).background_color(Color32::from_rgb(180, 40, 0))
                    }
                });
            }
        });
        for row in &item.rows {
            let text = RichText::new(row.line());
            let text = match row.emphasis {
                Emphasis::Normal => text,
                Emphasis::Strong => text.strong(),
                Emphasis::Warn => text.color(ui.visuals().warn_fg_color),
            };
            ui.add(egui::Label::new(text).wrap());
        }
    });
}

/// Always visible under the results: warnings to acknowledge, the
/// verification, and the buttons that let an order leave the program.
/// Returns a chooser to open, if a button asked for one.
fn actions_ui(
    ui: &mut Ui,
    s: &mut AppState,
    view: Option<&Presentation>,
    actions: &mut Vec<Action>,
) -> Option<FileKind> {
    let w = s.words();
    let mut choose = None;
    // Overrides and warnings scroll in their own area: however many there are, the
    // sign-in, the verification and the buttons below them stay in view (issue 18:
    // twelve override rows pushed Export and Print off the screen).
    if let Some(v) = view {
        // A quarter of the window at most: at 1024 × 768 the doses keep most of the height.
        let room = (ui.ctx().content_rect().height() * 0.22).clamp(90.0, 200.0);
        egui::ScrollArea::vertical().id_salt("actions-scroll").max_height(room).show(ui, |ui| {
            if let Some(c) = v.criteria.as_ref().filter(|c| !c.clear) {
                overrides_ui(ui, s, c, actions);
                ui.separator();
            }
            warnings_ui(ui, s, v, actions);
        });
        ui.separator();
    }
    // In a register that knows people, the issuer signs in with their secret.
    if s.register_has_people() {
        sign_in_ui(ui, s, actions);
    }
    if !s.order.chain.is_empty() {
        ui.label(RichText::new(w.msg(msg!("s-signed-in-register"))).strong());
        for step in &s.order.chain {
            ui.label(w.signed_line(step));
        }
    }
    // The verification state, in its one fixed place, read from the order itself.
    match &s.order.verification {
        Some(v) => ui.label(
            RichText::new(w.verified_line(&v.verifier, v.at)).strong().color(Color32::from_rgb(0, 110, 40)),
        ),
        None => {
            ui.label(RichText::new(w.msg(msg!("g-not-verified"))).strong().color(ui.visuals().warn_fg_color))
        }
    };
    let printable = ui
        .horizontal_wrapped(|ui| {
            let check = ui.add_enabled(
                s.checkable(),
                egui::Button::new(RichText::new(w.msg(msg!("g-double-check"))).size(16.0)),
            );
            if check.clicked() {
                actions.push(Action::StartDoubleCheck);
            }
            let printable = s.printable();
            let export = ui.add_enabled(
                printable.is_ok(),
                egui::Button::new(RichText::new(w.msg(msg!("g-export"))).size(16.0)),
            );
            if std::mem::take(&mut s.sign_in.focus_export) {
                export.request_focus();
            }
            if export.clicked() {
                choose = Some(FileKind::Export);
            }
            let print = ui.add_enabled(
                printable.is_ok(),
                egui::Button::new(RichText::new(w.msg(msg!("g-print"))).size(16.0)),
            );
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
            ui.weak(w.msg(msg!("g-nothing-to-export")));
        }
        // Why nothing can leave yet, on its own line, wrapped, never cut off.
        Err(e) => {
            ui.add(
                egui::Label::new(RichText::new(w.sheet_error(&e)).color(ui.visuals().warn_fg_color)).wrap(),
            );
            // Too early for the trial's stagger rule: a principal investigator may go ahead, with a reason.
            if matches!(e, crate::sheet::SheetError::TooEarly { .. }) {
                ui.horizontal_wrapped(|ui| {
                    let l = ui.label(w.msg(msg!("g-stagger-override")));
                    ui.add(
                        TextEdit::singleline(&mut s.stagger_reason)
                            .id(field_id("stagger-reason"))
                            .hint_text(w.msg(msg!("g-override-hint")))
                            .desired_width(280.0),
                    )
                    .labelled_by(l.id);
                    let ok = s.stagger_reason.chars().filter(|c| c.is_alphabetic()).count() >= 3;
                    if ui.add_enabled(ok, egui::Button::new(w.msg(msg!("g-override")))).clicked() {
                        actions.push(Action::StaggerOverride);
                    }
                });
                if let Some(e) = &s.override_error {
                    ui.add(egui::Label::new(RichText::new(e).color(ui.visuals().error_fg_color)).wrap());
                }
            }
        }
        Ok(_) => {}
    }
    // A stagger override given: said where the refusal was, so the person sees it took.
    if let Some(o) = &s.order.stagger_override {
        ui.add(
            egui::Label::new(
                RichText::new(w.stagger_override_line(o)).strong().color(ui.visuals().warn_fg_color),
            )
            .wrap(),
        );
    }
    if let Some(e) = &s.printing.error {
        ui.add(egui::Label::new(RichText::new(e).color(ui.visuals().warn_fg_color)).wrap());
    } else if s.printing.printers.is_empty() {
        // Say so when the print service offers no printer, on its own line, rather than an empty list.
        ui.add(egui::Label::new(RichText::new(w.msg(msg!("g-no-printers"))).weak()).wrap());
    }
    if let Some(path) = s.files.confirm_replace.clone() {
        ui.horizontal(|ui| {
            ui.label(w.msg(msg!("g-confirm-replace", "path" => crate::present::words::shown(&path))));
            if ui.button(w.msg(msg!("g-replace"))).clicked() {
                actions.push(Action::ExportTo { path: path.clone(), replace: true });
            }
        });
    }
    choose
}

/// Sign in (name and secret) or, signed in, who is signing and a way out.
fn sign_in_ui(ui: &mut Ui, s: &mut AppState, actions: &mut Vec<Action>) {
    let w = s.words();
    match &s.sign_in.person {
        Some(p) => {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(w.msg(
                        msg!("g-signed-in-as", "name" => p.name.clone(), "role" => w.role_name(p.role.key())),
                    ))
                    .strong(),
                );
                if ui.button(w.msg(msg!("g-sign-out"))).clicked() {
                    actions.push(Action::SignOut);
                }
            });
        }
        None => {
            ui.horizontal_wrapped(|ui| {
                let l = ui.label(RichText::new(w.msg(msg!("g-sign-in-title"))).strong());
                ui.add(
                    TextEdit::singleline(&mut s.sign_in.name)
                        .id(field_id("sign-in-name"))
                        .hint_text(w.msg(msg!("g-sign-in-name")))
                        .desired_width(160.0),
                )
                .labelled_by(l.id);
                // The secret field has a name of its own, for screen readers and for people.
                let sl = ui.label(w.msg(msg!("g-sign-in-secret")));
                let secret = ui
                    .add(
                        TextEdit::singleline(&mut s.sign_in.secret)
                            .id(field_id("sign-in-secret"))
                            .password(true)
                            .hint_text(w.msg(msg!("g-sign-in-secret")))
                            .desired_width(120.0),
                    )
                    .labelled_by(sl.id);
                let enter = secret.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if ui.button(w.msg(msg!("g-sign-in"))).clicked() || enter {
                    actions.push(Action::SignIn);
                }
            });
            if let Some(e) = &s.sign_in.error {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
        }
    }
}

/// A choice among a few words, stored as its key ("" for not answered).
fn choice(ui: &mut Ui, label: &str, salt: &str, value: &mut String, options: &[(&str, String)]) {
    ui.horizontal(|ui| {
        let l = label_cell(ui, label);
        let shown = options
            .iter()
            .find(|(k, _)| *k == value.trim())
            .map(|(_, t)| t.clone())
            .unwrap_or_else(|| value.clone());
        egui::ComboBox::from_id_salt(salt)
            .selected_text(shown)
            .show_ui(ui, |ui| {
                for (k, text) in options {
                    if ui.selectable_label(value.trim() == *k, text).clicked() {
                        *value = (*k).to_owned();
                    }
                }
            })
            .response
            .labelled_by(l.id);
    });
}

/// The criteria inputs: the heart every cycle; in cycle 1 the laboratory
/// values (value with its unit, and date), the site's upper limits of normal,
/// and what relaxes a limit. Every field takes part in the partial-typing
/// guard (`focus`): an LVEF of "6" on the way to "60" decides a withhold.
fn criteria_form(
    ui: &mut Ui,
    w: &Words,
    c: &mut crate::clinical::RawClinical,
    errors: &[InputError],
    first_cycle: bool,
    focus: &mut MeasureFocus,
) {
    use crate::criteria::LabCode;
    section(ui, &w.msg(msg!("g-heart")));
    let heart = [
        (Field::Lvef, &mut c.lvef, "%".to_owned()),
        (Field::LvefDate, &mut c.lvef_date, w.msg(msg!("g-date-hint"))),
        (Field::LvefBaseline, &mut c.lvef_baseline, "%".to_owned()),
    ];
    for (f, value, hint) in heart {
        focus.add(&field(ui, f, &w.field_label(f), value, &hint, error_for(w, errors, f)));
    }
    if !first_cycle {
        c.tidy();
        return;
    }
    section(ui, &w.msg(msg!("l-criteria")));
    ui.label(RichText::new(w.msg(msg!("g-labs-hint"))).weak());
    // A row in error is outlined in red; its message, in the window's words, is under the table.
    let lab_errors: Vec<&InputError> = errors.iter().filter(|e| matches!(e.field, Field::Lab)).collect();
    let uln_errors: Vec<&InputError> = errors.iter().filter(|e| matches!(e.field, Field::Uln)).collect();
    egui::Grid::new("labs").num_columns(3).show(ui, |ui| {
        ui.label(RichText::new(w.msg(msg!("crit-h-criterion"))).strong());
        ui.label(RichText::new(w.msg(msg!("g-value-unit"))).strong());
        ui.label(RichText::new(w.msg(msg!("crit-h-date"))).strong());
        ui.end_row();
        for code in LabCode::ALL {
            let l = ui.label(w.criterion_name(code.key()));
            let lab = c.lab_mut(code);
            let in_error = lab_errors.iter().any(|e| e.value.starts_with(&format!("{}=", code.key())));
            let hint = code.unit().symbol();
            grid_field(ui, ("lab-measure", code.key()), &mut lab.measure, hint, 140.0, l.id, in_error, focus);
            let date_hint = w.msg(msg!("g-date-hint"));
            grid_field(ui, ("lab-date", code.key()), &mut lab.date, &date_hint, 100.0, l.id, in_error, focus);
            ui.end_row();
        }
    });
    ui.label(RichText::new(w.field_label(Field::Uln)).strong());
    egui::Grid::new("uln").num_columns(2).show(ui, |ui| {
        for code in [LabCode::Bilirubin, LabCode::Ast, LabCode::Alt, LabCode::Creatinine, LabCode::Inr] {
            let l = ui.label(w.criterion_name(code.key()));
            let uln = c.uln_mut(code);
            let in_error = uln_errors.iter().any(|e| e.value.starts_with(&format!("{}=", code.key())));
            let hint = code.unit().symbol();
            grid_field(ui, ("uln", code.key()), &mut uln.measure, hint, 110.0, l.id, in_error, focus);
            ui.end_row();
        }
    });
    for e in lab_errors.iter().chain(uln_errors.iter()) {
        let text = w.window_lab_error(e);
        ui.add(egui::Label::new(RichText::new(text).color(ui.visuals().error_fg_color)).wrap());
    }
    let sexes = [
        ("", w.msg(msg!("g-not-answered"))),
        ("female", w.msg(msg!("g-female"))),
        ("male", w.msg(msg!("g-male"))),
    ];
    choice(ui, &w.field_label(Field::Sex), "sex", &mut c.sex, &sexes);
    if let Some(FieldNote::Error(e)) = error_for(w, errors, Field::Sex) {
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
    ui.checkbox(&mut c.liver_metastases, w.msg(msg!("g-liver-metastases")));
    ui.checkbox(&mut c.gilbert, w.msg(msg!("g-gilbert")));
    c.tidy();
}

/// One text cell of the criteria grid: a stable id, labelled by its row, outlined in
/// red when its row is in error, and part of the partial-typing guard.
#[allow(clippy::too_many_arguments)]
fn grid_field(
    ui: &mut Ui,
    key: impl std::hash::Hash + std::fmt::Debug,
    value: &mut String,
    hint: &str,
    width: f32,
    label: egui::Id,
    in_error: bool,
    focus: &mut MeasureFocus,
) {
    let r = ui
        .add(TextEdit::singleline(value).id(field_id(key)).hint_text(hint.to_owned()).desired_width(width))
        .labelled_by(label);
    if in_error {
        let red = egui::Stroke::new(2.0, ui.visuals().error_fg_color);
        ui.painter().rect_stroke(r.rect.expand(1.0), 2.0, red, egui::StrokeKind::Outside);
    }
    focus.add(&r);
}

/// The criteria table: each criterion with its state first, then its value,
/// limit and date wrapped to the width of the panel, so that nothing that
/// decides a release is beyond the edge (issue 18: the result column was off
/// screen at 1024 × 768 on every cycle-1 order).
fn criteria_ui(ui: &mut Ui, c: &crate::present::model::CriteriaView) {
    ui.label(RichText::new(&c.title).strong().size(16.0));
    ui.add(egui::Label::new(RichText::new(&c.basis).weak()).wrap());
    for (k, r) in c.rows.iter().enumerate() {
        let fill = if k % 2 == 0 { ui.visuals().faint_bg_color } else { Color32::TRANSPARENT };
        egui::Frame::NONE.fill(fill).inner_margin(egui::Margin::symmetric(4, 2)).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                let state = RichText::new(&r.state).strong();
                ui.label(match (r.kind, &r.overridden) {
                    (crate::criteria::CriterionState::Met, _) => state.color(Color32::from_rgb(0, 120, 40)),
                    (_, Some(_)) => state.color(ui.visuals().warn_fg_color),
                    _ => state.color(ui.visuals().error_fg_color),
                });
                ui.label(RichText::new(&r.name).strong());
            });
            let details = [&r.value, &r.limit, &r.date]
                .into_iter()
                .filter(|t| !t.is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join("  ·  ");
            ui.add(egui::Label::new(details).wrap());
            for extra in [&r.note, &r.overridden].into_iter().flatten() {
                ui.add(egui::Label::new(RichText::new(extra).italics()).wrap());
            }
        });
    }
    let summary = RichText::new(&c.summary).strong();
    ui.add(
        egui::Label::new(if c.clear { summary } else { summary.color(ui.visuals().error_fg_color) }).wrap(),
    );
}

/// Criteria not met or not entered: each needs the issuer's reasoned override before a sheet can leave.
fn overrides_ui(
    ui: &mut Ui,
    s: &mut AppState,
    c: &crate::present::model::CriteriaView,
    actions: &mut Vec<Action>,
) {
    let w = s.words();
    ui.label(RichText::new(&c.summary).strong().color(ui.visuals().error_fg_color));
    let can = !s.order.issued_by.trim().is_empty();
    if !can {
        ui.colored_label(ui.visuals().warn_fg_color, w.msg(msg!("g-override-needs")));
    }
    // A refused override is said here, beside the Override buttons, not in the toolbar.
    if let Some(e) = &s.override_error {
        ui.add(egui::Label::new(RichText::new(e).color(ui.visuals().error_fg_color)).wrap());
    }
    // Nothing of the criteria typed yet: say what to enter, and invite no reason for
    // "not entered" before anything is (a reason is for a value that is there, or a
    // decision to treat without one once the others are in).
    if s.order.clinical.labs.is_empty() && s.order.clinical.lvef.trim().is_empty() {
        ui.label(w.msg(msg!("g-criteria-enter-first")));
        return;
    }
    for r in
        c.rows.iter().filter(|r| r.kind != crate::criteria::CriterionState::Met && r.overridden.is_none())
    {
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(RichText::new(format!("{}: {}", r.name, r.state)).strong());
            let reason = s.override_reasons.entry(r.code.clone()).or_default();
            ui.add(
                TextEdit::singleline(reason)
                    .id(field_id(("override-reason", r.code.as_str())))
                    .hint_text(w.msg(msg!("g-override-hint")))
                    .desired_width(260.0),
            )
            .labelled_by(l.id);
            let ok = can && reason.chars().filter(|c| c.is_alphabetic()).count() >= 3;
            if ui.add_enabled(ok, egui::Button::new(w.msg(msg!("g-override")))).clicked() {
                actions.push(Action::Override { code: r.code.clone() });
            }
        });
    }
}

fn warnings_ui(ui: &mut Ui, s: &mut AppState, v: &Presentation, actions: &mut Vec<Action>) {
    let w = s.words();
    ui.label(RichText::new(&v.warnings_title).strong().size(16.0));
    if v.warnings.is_empty() {
        ui.label(&v.none);
        return;
    }
    let can_ack = !s.order.issued_by.trim().is_empty();
    if !can_ack {
        ui.colored_label(ui.visuals().warn_fg_color, w.msg(msg!("g-ack-needs-name")));
    }
    for x in &v.warnings {
        let ack = s
            .order
            .acknowledged
            .iter()
            .find(|a| a.code == x.code && a.detail == x.detail && (!x.needs_reason || a.reason.is_some()))
            .cloned();
        let mut acked = ack.is_some();
        let checkbox = ui
            .horizontal_wrapped(|ui| {
                let reason_ok =
                    !x.needs_reason || s.reasons.get(&x.code).is_some_and(|r| !r.trim().is_empty());
                let label = RichText::new(&x.text).color(ui.visuals().warn_fg_color);
                let enabled = can_ack && (acked || reason_ok);
                let checkbox = ui.add_enabled(enabled, egui::Checkbox::new(&mut acked, label));
                if checkbox.changed() {
                    actions.push(Action::Acknowledge {
                        code: x.code.clone(),
                        detail: x.detail.clone(),
                        acknowledged: acked,
                    });
                }
                // Who ticked it, and when, right after it.
                if let Some(a) = &ack {
                    ui.label(RichText::new(w.acknowledged_short(&a.by, a.at)).strong());
                }
                checkbox
            })
            .inner;
        if x.needs_reason {
            let reason = s.reasons.entry(x.code.clone()).or_default();
            ui.horizontal(|ui| {
                ui.add_space(24.0);
                ui.label(w.msg(msg!("g-reason")));
                // Named after its warning, so each reason field is found by what it is for.
                ui.add_enabled(
                    ack.is_none(),
                    TextEdit::singleline(reason)
                        .id(field_id(("warning-reason", x.code.as_str())))
                        .hint_text(w.msg(msg!("g-reason-hint")))
                        .desired_width(320.0),
                )
                .labelled_by(checkbox.id);
            });
        }
    }
}

fn double_check_ui(ui: &mut Ui, s: &mut AppState, actions: &mut Vec<Action>) {
    let w = s.words();
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.heading(RichText::new(w.msg(msg!("g-double-check-title"))).strong());
            ui.label(w.msg(msg!("g-double-check-intro")));
            ui.add_space(8.0);
            // Who the bags are for: the verifier checks these against every label.
            let today = s.now().date();
            if let Ok(p) = s.order.patient.validate(today) {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.label(RichText::new(w.msg(msg!("g-patient-on-labels"))).strong());
                    ui.label(RichText::new(&p.name).strong().size(20.0));
                    ui.label(format!("{}: {}", w.msg(msg!("s-record")), p.identifier));
                    ui.label(format!("{}: {}", w.msg(msg!("s-dob")), w.date_plain(p.date_of_birth)));
                });
            }
            let needs_dates = crate::doublecheck::needs_last_dates(&s.order.inputs);
            let people = s.register_has_people();
            // Who checks comes first: a change of verifier empties everything below it.
            let second = &mut s.check.second;
            let before = second.verifier.clone();
            field(ui, "g-verifier", &w.msg(msg!("g-verifier")), &mut second.verifier, "", None);
            // Another verifier starts from empty fields: nobody sees what someone else typed.
            if second.verifier != before {
                actions.push(Action::VerifierChanged);
            }
            // In a register that knows people, the second professional proves who they are.
            if people {
                ui.horizontal(|ui| {
                    let l = label_cell(ui, &w.msg(msg!("g-verifier-secret")));
                    ui.add(
                        TextEdit::singleline(&mut s.check.verifier_secret)
                            .id(field_id("verifier-secret"))
                            .password(true)
                            .hint_text(w.msg(msg!("g-sign-in-secret")))
                            .desired_width(180.0),
                    )
                    .labelled_by(l.id);
                });
                if let Some(e) = &s.check.sign_error {
                    ui.colored_label(ui.visuals().error_fg_color, e);
                }
            }
            let second = &mut s.check.second;
            ui.checkbox(&mut second.identity_confirmed, w.msg(msg!("g-confirm-identity")));
            field(ui, "g-re-weight", &w.msg(msg!("g-re-weight")), &mut second.weight, "", None);
            field(ui, "g-re-height", &w.msg(msg!("g-re-height")), &mut second.height, "", None);
            field(
                ui,
                "g-re-nk",
                &w.msg(msg!("g-re-nk")),
                &mut second.nk_cells,
                &w.msg(msg!("g-nk-hint")),
                None,
            );
            field(ui, "g-re-lvef", &w.msg(msg!("g-re-lvef")), &mut second.lvef, "%", None);
            field(
                ui,
                "g-re-lvef-baseline",
                &w.msg(msg!("g-re-lvef-baseline")),
                &mut second.lvef_baseline,
                "%",
                None,
            );
            if needs_dates {
                field(
                    ui,
                    "g-re-last-t",
                    &w.msg(msg!("g-re-last-t")),
                    &mut second.last_trastuzumab,
                    &w.msg(msg!("g-date-hint")),
                    None,
                );
                field(
                    ui,
                    "g-re-last-p",
                    &w.msg(msg!("g-re-last-p")),
                    &mut second.last_pertuzumab,
                    &w.msg(msg!("g-date-hint")),
                    None,
                );
            }
            ui.add_space(6.0);
            ui.label(RichText::new(w.msg(msg!("g-bag-labels"))).strong());
            // The drugs of this cycle, without their doses: the second person reads the labels.
            let drugs: Vec<(crate::regimen::Drug, crate::regimen::DoseUnit)> = s
                .order
                .report()
                .map(|r| r.doses.iter().filter(|d| !d.withheld).map(|d| (d.drug, d.unit)).collect())
                .unwrap_or_default();
            for (drug, unit) in drugs {
                // The field names the unit the order shows the dose in, and is read in it.
                let unit = w.t(match unit {
                    crate::regimen::DoseUnit::Mg => id!("g-unit-mg"),
                    crate::regimen::DoseUnit::Units if w.units_in_millions() => id!("g-unit-million-units"),
                    crate::regimen::DoseUnit::Units => id!("g-unit-units"),
                });
                let label = w.msg(msg!("g-bag-label", "drug" => w.drug_name(drug), "unit" => unit));
                field(ui, ("bag-dose", drug.key()), &label, second.bag_dose_mut(drug), "", None);
            }
            for m in &s.check.mismatches {
                ui.colored_label(ui.visuals().error_fg_color, w.mismatch(m));
            }
            if let Some(warning) = &s.check.not_recorded {
                ui.colored_label(ui.visuals().error_fg_color, warning);
            }
            ui.horizontal(|ui| {
                if ui.button(RichText::new(w.msg(msg!("g-compare"))).size(16.0)).clicked() {
                    actions.push(Action::SubmitDoubleCheck);
                }
                // Escape, as in any dialogue, cancels the check (nothing typed is kept).
                let escape = ui.input(|i| i.key_pressed(egui::Key::Escape));
                if ui.button(w.msg(msg!("g-cancel"))).clicked() || escape {
                    actions.push(Action::CancelDoubleCheck);
                }
            });
        });
    });
}

fn printer_choice(ui: &mut Ui, s: &AppState, actions: &mut Vec<Action>) {
    let w = s.words();
    let l = ui.label(w.msg(msg!("g-printer")));
    let current = s.prefs.last_printer.clone().unwrap_or_else(|| w.msg(msg!("g-default-printer")));
    egui::ComboBox::from_id_salt("printer")
        .selected_text(current)
        .show_ui(ui, |ui| {
            for p in &s.printing.printers {
                if ui.selectable_label(s.prefs.last_printer.as_ref() == Some(p), p).clicked() {
                    actions.push(Action::SelectPrinter(p.clone()));
                }
            }
        })
        .response
        .labelled_by(l.id);
    if ui.small_button(w.msg(msg!("g-refresh-printers"))).clicked() {
        actions.push(Action::RefreshPrinters);
    }
}

/// The register view; returns a chooser to open when a refused reprint is exported instead.
fn register_ui(ui: &mut Ui, s: &mut AppState, actions: &mut Vec<Action>) -> Option<FileKind> {
    let w = s.words();
    let mut choose = None;
    egui::CentralPanel::default().show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.heading(RichText::new(w.msg(msg!("g-register-title"))).strong());
            if ui.button(w.msg(msg!("g-close"))).clicked() {
                actions.push(Action::CloseRegister);
            }
        });
        if let Some(path) = s.register_path() {
            ui.label(format!("{}: {}", w.msg(msg!("g-register-at")), path.display()));
        }
        let v = &mut s.register_view;
        field(ui, "g-register-filter-id", &w.msg(msg!("g-register-filter-id")), &mut v.patient_id, "", None);
        field(
            ui,
            "g-register-filter-date",
            &w.msg(msg!("g-register-filter-date")),
            &mut v.date,
            &w.msg(msg!("g-date-hint")),
            None,
        );
        if ui.button(w.msg(msg!("g-filter"))).clicked() {
            actions.push(Action::RefreshRegister);
        }
        // The last reprint's message in a space kept for it, so the rows never move under the
        // pointer when it comes or goes (issue 18).
        ui.allocate_ui_with_layout(
            egui::vec2(ui.available_width(), 36.0),
            egui::Layout::top_down(egui::Align::Min),
            |ui| {
                ui.set_min_height(36.0);
                if let Some(m) = &v.message {
                    ui.add(egui::Label::new(RichText::new(m).strong()).wrap());
                }
            },
        );
        // The printer refused a reprint: the same sheet as a PDF, recorded as a reprint.
        if s.printing.reprint_fallback.is_some() && ui.button(w.msg(msg!("g-export-reprint"))).clicked() {
            choose = Some(FileKind::Export);
        }
        // A page at a time, newest first: the register may hold a million entries.
        ui.horizontal(|ui| {
            if ui.add_enabled(v.page > 0, egui::Button::new(w.msg(msg!("g-newer")))).clicked() {
                actions.push(Action::RegisterPage(false));
            }
            ui.label(w.msg(msg!("g-page", "page" => v.page + 1)));
            let full = v.entries.len() as u32 >= crate::app::REGISTER_PAGE;
            if ui.add_enabled(full, egui::Button::new(w.msg(msg!("g-older")))).clicked() {
                actions.push(Action::RegisterPage(true));
            }
        });
        if v.entries.is_empty() {
            ui.label(w.msg(msg!("g-register-empty")));
            return;
        }
        // Solid scroll bars beside the rows, never floating over the last row's buttons.
        ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
        // One scroll position per page: page 2 opens at its start, not where page 1 was left.
        egui::ScrollArea::both().id_salt(("rows of the register view", v.page)).show(ui, |ui| {
            egui::Grid::new("register").striped(true).show(ui, |ui| {
                ui.label("");
                for id in COLUMNS {
                    ui.label(RichText::new(w.t(id)).strong());
                }
                ui.end_row();
                for e in &v.entries {
                    // The actions first, so they never scroll out of sight behind a long dose list.
                    ui.horizontal(|ui| {
                        // "Reopen" and "Reprint" on screen, not "Reopen 1": the row says which
                        // order. A screen reader hears the order and the time it names.
                        let name = |id: &str| format!("{} {} {}", w.t(id), e.order_id, w.datetime(e.at));
                        let reopen = ui.button(w.msg(msg!("g-reopen"))).on_hover_text(&e.order_id);
                        let label = name(id!("g-reopen"));
                        reopen.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
                        if reopen.clicked() {
                            actions.push(Action::Reopen(e.id));
                        }
                        let reprint = ui.button(w.msg(msg!("g-reprint"))).on_hover_text(&e.order_id);
                        let label = name(id!("g-reprint"));
                        reprint.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
                        if reprint.clicked() {
                            actions.push(Action::Reprint(e.id));
                        }
                    });
                    ui.label(w.datetime(e.at));
                    ui.label(w.register_action(e.action));
                    ui.label(&e.order_id);
                    // Which revision this sheet is, and whether a later one replaced it (issue 19).
                    if e.superseded {
                        ui.label(
                            RichText::new(w.msg(msg!("g-revision-superseded", "n" => e.revision)))
                                .strong()
                                .color(ui.visuals().warn_fg_color),
                        );
                    } else {
                        ui.label(w.msg(msg!("g-revision", "n" => e.revision)));
                    }
                    ui.label(&e.fingerprint);
                    ui.label(&e.patient_name);
                    ui.label(&e.patient_id);
                    ui.label(e.cycle.to_string());
                    ui.label(e.verifier.clone().unwrap_or_default());
                    // The whole dose list, never cut: the area scrolls sideways instead.
                    ui.add(
                        egui::Label::new(w.register_doses(&e.doses)).wrap_mode(egui::TextWrapMode::Extend),
                    );
                    ui.label(w.lang_name(e.lang));
                    ui.end_row();
                }
            });
            // Room under the last row, so nothing at the edge sits under a scroll bar.
            ui.add_space(24.0);
        });
    });
    choose
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
/// Opens the window; `lang` (from `--lang`) is this session's language, over the one last chosen.
pub fn run(started: std::time::Instant, lang: Option<crate::locale::Lang>) -> Result<(), String> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(
                Words::new(crate::locale::system_lang(|k| std::env::var(k).ok()), None).window_title(),
            )
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
            let mut prefs: Preferences = cc
                .storage
                .and_then(|s| eframe::get_value::<Preferences>(s, PREFS_KEY))
                .filter(|p| p.settings.validate().is_ok())
                .unwrap_or_default();
            if lang.is_some() {
                prefs.lang = lang;
            }
            // The theme before the first frame (no dark flash), and a text cursor that does not
            // blink: a blinking cursor repaints the window for ever (about 5 % of a core while
            // a field has the focus); idle means idle.
            cc.egui_ctx.set_theme(if prefs.dark { egui::Theme::Dark } else { egui::Theme::Light });
            cc.egui_ctx.all_styles_mut(|style| {
                style.visuals.text_cursor.blink = false;
                // A focus ring a keyboard user can see on every button, box and field.
                let ring = egui::Stroke::new(2.0, style.visuals.selection.bg_fill);
                style.visuals.widgets.hovered.bg_stroke = ring;
                style.visuals.selection.stroke.width = style.visuals.selection.stroke.width.max(2.0);
            });
            let mut app = GuiApp::new(AppState::new(prefs, crate::clock::now_local));
            app.started = started;
            app.state.apply(Action::RefreshPrinters);
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| e.to_string())
}
