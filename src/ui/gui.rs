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

mod register_view;
#[allow(unused_imports)]
use register_view::*;

mod check;
#[allow(unused_imports)]
use administer::*;
mod administer;
#[allow(unused_imports)]
use check::*;

mod form;
#[allow(unused_imports)]
use form::*;

mod results;
#[allow(unused_imports)]
use results::*;

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
            Mode::Administer => administer_ui(ui, &mut self.state, &mut self.actions),
        }
        for action in std::mem::take(&mut self.actions) {
            self.state.apply(action);
        }
        self.state.after_frame();
    }

    /// The form and its results side by side, as drawn (immediate mode: the code reads as
    /// the window does); the sections themselves are their own functions.
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
                let lang_locked = self.state.locked("language");
                if lang_locked {
                    ui.label(format!("{} — {}", w.lang_name(w.lang), w.msg(msg!("g-set-by-pharmacy"))));
                } else {
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
                }
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
            if self.state.register_link_unencrypted() {
                ui.add(
                    egui::Label::new(
                        RichText::new(w.msg(msg!("g-register-unencrypted")))
                            .strong()
                            .color(ui.visuals().warn_fg_color),
                    )
                    .wrap(),
                );
            }
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
            // The pharmacy's locked settings (NKACT_DOSE_SITE_POLICY names another file, for tests
            // and for sites that keep it elsewhere); a file that cannot be used is said at once.
            let path = std::env::var("NKACT_DOSE_SITE_POLICY")
                .unwrap_or_else(|_| crate::settings::SITE_POLICY_PATH.to_owned());
            let mut problem = None;
            let policy = match std::fs::read(&path) {
                Ok(bytes) => crate::settings::SitePolicy::from_json(&bytes).unwrap_or_else(|e| {
                    problem = Some(format!("{e:?}"));
                    crate::settings::SitePolicy::default()
                }),
                Err(_) => crate::settings::SitePolicy::default(),
            };
            let mut app = GuiApp::new(AppState::new(prefs, crate::clock::now_local).with_policy(policy));
            if let Some(why) = problem {
                let w = app.state.words();
                app.state.notice = Some(Notice::Error(
                    w.msg(msg!("g-policy-invalid", "path" => path.clone(), "why" => why)),
                ));
            }
            app.started = started;
            app.state.apply(Action::RefreshPrinters);
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| e.to_string())
}
