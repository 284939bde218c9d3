//! The window's state and actions, without drawing: what the form holds,
//! what a button does, what persists. [`crate::gui`] draws this state and
//! turns clicks into [`Action`]s applied after the frame. Doses are never
//! stored here: they are recomputed from the order on every frame.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::bsa::BsaFormula;
use crate::doublecheck::{SecondEntry, compare};
use crate::engine::Report;
use crate::error::InputError;
use crate::input::{RawInputs, parse_decimal};
use crate::order::{self, Acknowledgement, FileError, Order, Verification};
use crate::regimen::Drug;
use crate::register::{self, Entry, Filter, Register, RegisterAction};
use crate::settings::{Paper, Settings};
use crate::sheet::{self, SheetError};
use crate::text;

/// What persists between launches: preferences only, never a patient's data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    pub bsa_formula: BsaFormula,
    pub dark: bool,
    pub settings: Settings,
    /// The printer last printed to.
    pub last_printer: Option<String>,
    /// Where the order register lives; `None` for the user's data folder.
    pub register_path: Option<PathBuf>,
}

impl Default for Preferences {
    fn default() -> Self {
        Preferences {
            bsa_formula: BsaFormula::Mosteller,
            dark: false,
            settings: Settings::default(),
            last_printer: None,
            register_path: None,
        }
    }
}

/// A message for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    Info(String),
    Error(String),
}

/// What the window is showing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// The order form and its results.
    Form,
    /// The second person's blind re-entry: the first entries are hidden.
    DoubleCheck,
    /// The order register: what was exported or printed, newest first.
    Register,
}

/// The register view's filter, entries and message.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RegisterView {
    pub patient_id: String,
    pub date: String,
    pub entries: Vec<Entry>,
    /// The last problem or result (a reprint), worded.
    pub message: Option<String>,
}

/// Which file a chooser is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Save,
    Open,
    Export,
}

/// What a click asks for; applied after the frame.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    NewOrder,
    /// Write the order file (the chooser already confirmed any replacement).
    SaveTo(PathBuf),
    OpenFrom(PathBuf),
    /// Write the PDF; `replace` when the chooser or the person confirmed it.
    ExportTo {
        path: PathBuf,
        replace: bool,
    },
    /// Use the typed path for this kind of file.
    TypedPath(FileKind),
    /// A chooser came back empty: cancelled, or no chooser service.
    ChooserEmpty(FileKind),
    /// Tick or untick a warning; a warning that needs a reason takes the one typed for its code.
    Acknowledge {
        code: String,
        detail: String,
        acknowledged: bool,
    },
    StartDoubleCheck,
    CancelDoubleCheck,
    SubmitDoubleCheck,
    SetFormula(BsaFormula),
    SetDark(bool),
    SetPaper(Paper),
    ApplySiteSettings,
    /// Send the sheet to the chosen printer.
    Print,
    RefreshPrinters,
    SelectPrinter(String),
    ShowRegister,
    RefreshRegister,
    CloseRegister,
    /// Load a registered order into the form (doses recomputed).
    Reopen(i64),
    /// Print a registered order again, recorded as a reprint.
    Reprint(i64),
}

/// Site settings as typed in the window.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SettingsText {
    pub mg_rounding_increment: String,
    pub il2_dilution_million_per_ml: String,
    pub error: Option<String>,
}

/// Everything the window holds.
pub struct AppState {
    pub order: Order,
    pub prefs: Preferences,
    pub mode: Mode,
    pub second: SecondEntry,
    /// Differences found by the last double-check, worded.
    pub mismatches: Vec<String>,
    pub notice: Option<Notice>,
    /// A path typed by hand, for machines without a file chooser.
    pub path_input: String,
    /// Shown once a chooser came back empty.
    pub show_path_input: bool,
    /// A typed export path that exists, waiting for "Replace".
    pub confirm_replace: Option<PathBuf>,
    pub settings_text: SettingsText,
    /// Printers the print service offers, and why not if it could not say.
    pub printers: Vec<String>,
    pub printers_error: Option<String>,
    pub register_view: RegisterView,
    /// The inputs a recorded verification was made on.
    verified_inputs: Option<RawInputs>,
    /// Reasons typed beside warnings that need one, by warning code.
    pub reasons: std::collections::BTreeMap<String, String>,
    /// Set by the window each frame: a measure field has focus and was changed
    /// since it got it. The results are provisional; nothing may leave.
    pub editing_measure: bool,
    /// The first frame put the keyboard focus in the first patient field.
    pub focus_placed: bool,
    /// What the form held after the last frame, to clear stale status lines on an edit.
    last_seen: Option<(RawInputs, crate::order::Patient, String)>,
    clock: fn() -> NaiveDateTime,
}

impl AppState {
    /// A new, empty order with these preferences; `clock` is the one source of time.
    pub fn new(prefs: Preferences, clock: fn() -> NaiveDateTime) -> Self {
        let order = Self::fresh_order(&prefs, clock());
        let settings_text = SettingsText::from(&prefs.settings);
        AppState {
            order,
            prefs,
            mode: Mode::Form,
            second: SecondEntry::default(),
            mismatches: Vec::new(),
            notice: None,
            path_input: String::new(),
            show_path_input: false,
            confirm_replace: None,
            settings_text,
            printers: Vec::new(),
            printers_error: None,
            register_view: RegisterView::default(),
            verified_inputs: None,
            reasons: Default::default(),
            editing_measure: false,
            focus_placed: false,
            last_seen: None,
            clock,
        }
    }

    /// Where the register is: the preference, else the user's data folder.
    pub fn register_path(&self) -> Option<PathBuf> {
        self.prefs.register_path.clone().or_else(register::default_path)
    }

    /// Records an action; a message saying so, or a warning that it was not recorded.
    fn record(&self, order: &Order, report: &Report, action: RegisterAction) -> Result<String, String> {
        let Some(path) = self.register_path() else { return Err(text::not_recorded_no_location()) };
        Register::open(&path)
            .and_then(|mut r| r.record(order, report, action, self.now()))
            .map(|_| text::recorded(action, &path))
            .map_err(|e| text::not_recorded(&e))
    }

    fn fresh_order(prefs: &Preferences, now: NaiveDateTime) -> Order {
        let mut order = Order::new(now, prefs.settings.clone());
        order.inputs.bsa_formula = prefs.bsa_formula.key().to_owned();
        order
    }

    pub fn now(&self) -> NaiveDateTime {
        (self.clock)()
    }

    /// The report, recomputed from the order. In the window the cycle must be
    /// typed: an empty cycle silently meaning 1 would give loading doses to a
    /// patient in cycle 3 whose cycle was forgotten.
    pub fn report(&self) -> Result<Report, Vec<InputError>> {
        let cycle_missing = self.order.inputs.cycle.trim().is_empty();
        match self.order.report() {
            Ok(_) if cycle_missing => Err(vec![Self::cycle_missing()]),
            Err(mut errors) if cycle_missing => {
                errors.push(Self::cycle_missing());
                Err(errors)
            }
            other => other,
        }
    }

    fn cycle_missing() -> InputError {
        InputError::new(crate::error::Field::Cycle, "", crate::error::Problem::Missing)
    }

    /// Whether the sheet may be exported now, and if not why.
    pub fn printable(&self) -> Result<Report, SheetError> {
        self.report().map_err(SheetError::Invalid)?;
        if self.editing_measure {
            return Err(SheetError::StillTyping);
        }
        sheet::printable(&self.order, self.now().date())
    }

    /// Nothing typed yet that the doses need: the window says what to enter, not what is wrong.
    pub fn untouched(&self) -> bool {
        let i = &self.order.inputs;
        [&i.weight, &i.height, &i.cycle].iter().all(|t| t.trim().is_empty())
    }

    /// Whether a double-check can start: a complete, settled order.
    pub fn checkable(&self) -> bool {
        !self.editing_measure
            && self.report().is_ok()
            && self.order.patient.validate(self.now().date()).is_ok()
    }

    /// Applies one action. A status line it leaves speaks of the form as it is now.
    pub fn apply(&mut self, action: Action) {
        self.apply_one(action);
        self.last_seen = Some(self.form_seen());
    }

    /// What an edit changes: a status line older than an edit is cleared.
    fn form_seen(&self) -> (RawInputs, crate::order::Patient, String) {
        (self.order.inputs.clone(), self.order.patient.clone(), self.order.issued_by.clone())
    }

    fn apply_one(&mut self, action: Action) {
        match action {
            Action::NewOrder => {
                // The person at the workstation stays the same: their name is kept.
                let issuer = std::mem::take(&mut self.order.issued_by);
                self.order = Self::fresh_order(&self.prefs, self.now());
                self.order.issued_by = issuer;
                self.reasons.clear();
                self.verified_inputs = None;
                self.mode = Mode::Form;
                self.second = SecondEntry::default();
                self.mismatches.clear();
                self.notice = None;
            }
            Action::SaveTo(path) => self.save_to(&path),
            Action::OpenFrom(path) => self.open_from(&path),
            Action::ExportTo { path, replace } => self.export_to(&path, replace),
            Action::TypedPath(kind) => {
                let path = PathBuf::from(self.path_input.trim());
                if self.path_input.trim().is_empty() {
                    self.notice = Some(Notice::Error(text::G_TYPE_A_PATH.to_owned()));
                    return;
                }
                match kind {
                    FileKind::Save => self.save_to(&path),
                    FileKind::Open => self.open_from(&path),
                    FileKind::Export => self.export_to(&path, false),
                }
            }
            Action::ChooserEmpty(_) => {
                self.show_path_input = true;
                self.notice = Some(Notice::Info(text::G_NO_CHOOSER.to_owned()));
            }
            Action::Acknowledge { code, detail, acknowledged } => {
                self.acknowledge(code, detail, acknowledged)
            }
            Action::StartDoubleCheck => {
                if !self.checkable() {
                    return;
                }
                self.second = SecondEntry::default();
                self.mismatches.clear();
                self.mode = Mode::DoubleCheck;
            }
            Action::CancelDoubleCheck => {
                self.second = SecondEntry::default();
                self.mode = Mode::Form;
            }
            Action::SubmitDoubleCheck => self.submit_double_check(),
            Action::SetFormula(f) => {
                self.order.inputs.bsa_formula = f.key().to_owned();
                self.prefs.bsa_formula = f;
            }
            Action::SetDark(dark) => self.prefs.dark = dark,
            Action::SetPaper(paper) => {
                self.order.settings.paper = paper;
                self.prefs.settings.paper = paper;
            }
            Action::ApplySiteSettings => self.apply_site_settings(),
            Action::Print => self.print_current(),
            Action::RefreshPrinters => match crate::print::printers() {
                Ok(list) => {
                    self.printers = list;
                    self.printers_error = None;
                }
                Err(e) => {
                    self.printers.clear();
                    self.printers_error = Some(e.to_string());
                }
            },
            Action::SelectPrinter(p) => self.prefs.last_printer = Some(p),
            Action::ShowRegister => {
                self.mode = Mode::Register;
                self.refresh_register();
            }
            Action::RefreshRegister => self.refresh_register(),
            Action::CloseRegister => self.mode = Mode::Form,
            Action::Reopen(id) => self.reopen(id),
            Action::Reprint(id) => self.reprint(id),
        }
    }

    fn refresh_register(&mut self) {
        let v = &mut self.register_view;
        let date = match v.date.trim() {
            "" => None,
            d => match crate::input::parse_date(crate::error::Field::Day1, d) {
                Ok(date) => Some(date),
                Err(_) => {
                    v.message = Some(text::G_REGISTER_BAD_DATE.to_owned());
                    return;
                }
            },
        };
        let filter = Filter { patient_id: v.patient_id.clone(), date };
        let Some(path) = self.register_path() else {
            self.register_view.message = Some(text::not_recorded_no_location());
            return;
        };
        match Register::open(&path).and_then(|r| r.list(&filter)) {
            Ok(entries) => {
                self.register_view.entries = entries;
                self.register_view.message = None;
            }
            Err(e) => {
                self.register_view.entries.clear();
                self.register_view.message = Some(e.to_string());
            }
        }
    }

    fn stored_order(&self, id: i64) -> Result<Order, String> {
        let path = self.register_path().ok_or_else(text::not_recorded_no_location)?;
        Register::open(&path).and_then(|r| r.order(id)).map_err(|e| e.to_string())
    }

    fn reopen(&mut self, id: i64) {
        match self.stored_order(id) {
            Ok(order) => {
                self.verified_inputs = order.verification.as_ref().map(|_| order.inputs.clone());
                self.settings_text = SettingsText::from(&order.settings);
                self.order = order;
                self.mode = Mode::Form;
                self.notice = Some(Notice::Info(text::g_reopened(&self.order.order_id)));
            }
            Err(e) => self.register_view.message = Some(e),
        }
    }

    /// Prints a registered order again: recomputed from its stored inputs,
    /// checked as any sheet is, recorded as a reprint with the same fingerprint.
    fn reprint(&mut self, id: i64) {
        let order = match self.stored_order(id) {
            Ok(o) => o,
            Err(e) => {
                self.register_view.message = Some(e);
                return;
            }
        };
        match self.print_order(&order, RegisterAction::Reprinted) {
            Ok(message) => self.register_view.message = Some(message),
            Err(message) => self.register_view.message = Some(message),
        }
        self.refresh_register_keep_message();
    }

    fn refresh_register_keep_message(&mut self) {
        let message = self.register_view.message.take();
        self.refresh_register();
        if self.register_view.message.is_none() {
            self.register_view.message = message;
        }
    }

    fn print_current(&mut self) {
        if let Err(e) = self.printable() {
            self.notice = Some(Notice::Error(e.to_string()));
            return;
        }
        self.order.issue();
        let order = self.order.clone();
        self.notice = Some(match self.print_order(&order, RegisterAction::Printed) {
            Ok(m) => Notice::Info(m),
            Err(m) => Notice::Error(m),
        });
    }

    /// Prints `order` if it may be printed; records it only when the print service accepted it.
    fn print_order(&mut self, order: &Order, action: RegisterAction) -> Result<String, String> {
        let report = sheet::printable(order, self.now().date()).map_err(|e| e.to_string())?;
        let printer = self.prefs.last_printer.clone();
        let job =
            crate::print::print_sheet(order, self.now(), printer.as_deref()).map_err(|e| e.to_string())?;
        let printed = text::printed(&job.id, printer.as_deref());
        match self.record(order, &report, action) {
            Ok(recorded) => Ok(format!("{printed}. {recorded}")),
            Err(warning) => Err(format!("{printed}. {warning}")),
        }
    }

    /// Keeps derived records honest after every frame: a verification made on
    /// other inputs is cleared, and acknowledgements of warnings that no
    /// longer apply are dropped.
    pub fn after_frame(&mut self) {
        if self.order.verification.is_some() && self.verified_inputs.as_ref() != Some(&self.order.inputs) {
            self.order.verification = None;
            self.verified_inputs = None;
        }
        match self.report() {
            Ok(report) => {
                let warnings = self.order.warnings(&report);
                self.order.acknowledged.retain(|a| warnings.iter().any(|w| a.covers(w)));
            }
            Err(_) => self.order.acknowledged.clear(),
        }
        // A status line speaks of the form as it was: the next edit clears it.
        let seen = self.form_seen();
        if self.last_seen.as_ref().is_some_and(|before| *before != seen) {
            self.notice = None;
            self.confirm_replace = None;
        }
        self.last_seen = Some(seen);
    }

    /// Ticks or unticks a warning for the issuer, now; one that needs a reason
    /// is ticked only with the reason typed beside it.
    fn acknowledge(&mut self, code: String, detail: String, acknowledged: bool) {
        self.order.acknowledged.retain(|a| !(a.code == code && a.detail == detail));
        if !acknowledged {
            return;
        }
        let Ok(report) = self.report() else { return };
        let Some(w) = self.order.warnings(&report).into_iter().find(|w| w.code == code && w.detail == detail)
        else {
            return;
        };
        let Ok(by) = crate::identity::normalise(crate::error::Field::IssuedBy, &self.order.issued_by) else {
            return;
        };
        let typed = self.reasons.get(&code).map(String::as_str).unwrap_or("");
        let reason = match crate::identity::normalise(crate::error::Field::Reason, typed) {
            Ok(r) if !r.is_empty() => Some(r),
            _ => None,
        };
        if by.is_empty() || (w.needs_reason && reason.is_none()) {
            return;
        }
        self.order.acknowledged.push(Acknowledgement {
            code,
            detail,
            message: w.message,
            by,
            at: self.now(),
            reason: if w.needs_reason { reason } else { None },
        });
    }

    fn save_to(&mut self, path: &Path) {
        self.notice = Some(match order::save(&self.order, path) {
            Ok(()) => Notice::Info(text::g_saved(path)),
            Err(e) => Notice::Error(e.to_string()),
        });
    }

    fn open_from(&mut self, path: &Path) {
        match order::load(path) {
            Ok(order) => {
                self.verified_inputs = order.verification.as_ref().map(|_| order.inputs.clone());
                self.settings_text = SettingsText::from(&order.settings);
                self.order = order;
                self.mode = Mode::Form;
                self.mismatches.clear();
                self.notice = Some(Notice::Info(text::g_opened(path)));
            }
            // Nothing in the window changes when a file is refused.
            Err(e) => self.notice = Some(Notice::Error(e.to_string())),
        }
    }

    fn export_to(&mut self, path: &Path, replace: bool) {
        self.confirm_replace = None;
        // The form stays editable while a file chooser is open: check the window's
        // own rules again now, not only when the button was enabled.
        if let Err(e) = self.printable() {
            self.notice = Some(Notice::Error(e.to_string()));
            return;
        }
        let now = self.now();
        let before = self.order.clone();
        self.order.issue();
        self.notice = Some(match sheet::export_pdf(&self.order, now, path, replace) {
            Ok(()) => {
                let report = self.report();
                match report
                    .map_err(|_| text::refuse_invalid().to_owned())
                    .and_then(|r| self.record(&self.order, &r, RegisterAction::Exported))
                {
                    Ok(recorded) => Notice::Info(format!("{}. {recorded}", text::written(path))),
                    // Exported, but not in the register: said plainly, in the error colour.
                    Err(warning) => Notice::Error(format!("{}. {warning}", text::written(path))),
                }
            }
            Err(SheetError::File(FileError::Exists { .. })) => {
                // Nothing left the program: the revision stays as it was.
                self.order = before;
                self.confirm_replace = Some(path.to_owned());
                Notice::Info(text::g_confirm_replace(path))
            }
            Err(e) => {
                self.order = before;
                Notice::Error(e.to_string())
            }
        });
    }

    fn submit_double_check(&mut self) {
        let report = match self.report() {
            Ok(r) => r,
            Err(_) => {
                self.mismatches = vec![text::refuse_invalid().to_owned()];
                return;
            }
        };
        let tolerance = self.order.settings.double_check_tolerance_pct;
        match compare(&self.order.inputs, &self.order.issued_by, &report, &self.second, tolerance) {
            Ok(()) => {
                let at = self.now();
                let verifier =
                    crate::identity::normalise(crate::error::Field::Verifier, &self.second.verifier)
                        .unwrap_or_default();
                self.order.verification = Some(Verification { verifier, at });
                self.verified_inputs = Some(self.order.inputs.clone());
                self.mismatches.clear();
                self.second = SecondEntry::default();
                self.mode = Mode::Form;
                // The verification shows in its one fixed place, from the order itself.
                self.notice = None;
            }
            Err(list) => {
                self.order.verification = None;
                self.verified_inputs = None;
                // Blind: only which items differ, never a value from the order.
                self.mismatches = list.iter().map(text::mismatch).collect();
                let items: Vec<String> = list.iter().filter_map(|m| m.item_key()).collect();
                if !items.is_empty() {
                    let failed = crate::order::FailedCheck {
                        verifier: crate::identity::normalise(
                            crate::error::Field::Verifier,
                            &self.second.verifier,
                        )
                        .unwrap_or_else(|_| self.second.verifier.trim().to_owned()),
                        at: self.now(),
                        items,
                    };
                    self.order.failed_checks.push(failed);
                    let order = self.order.clone();
                    if let Err(warning) = self.record(&order, &report, RegisterAction::CheckFailed) {
                        self.mismatches.push(warning);
                    }
                }
            }
        }
    }

    fn apply_site_settings(&mut self) {
        let t = &self.settings_text;
        let mut settings = self.order.settings.clone();
        let increment = parse_decimal(&t.mg_rounding_increment);
        let dilution = if t.il2_dilution_million_per_ml.trim().is_empty() {
            Some(None)
        } else {
            parse_decimal(&t.il2_dilution_million_per_ml).map(|m| Some(m * 1e6))
        };
        let (Some(increment), Some(dilution)) = (increment, dilution) else {
            self.settings_text.error = Some(text::G_SETTINGS_INVALID.to_owned());
            return;
        };
        settings.mg_rounding_increment = increment;
        for p in &mut settings.products {
            if p.drug == Drug::Interleukin2 {
                p.dilute_to_per_ml = dilution;
            }
        }
        match settings.validate() {
            Ok(()) => {
                self.order.settings = settings.clone();
                self.prefs.settings = settings;
                self.settings_text.error = None;
            }
            Err(e) => self.settings_text.error = Some(e.to_string()),
        }
    }
}

impl From<&Settings> for SettingsText {
    fn from(s: &Settings) -> Self {
        let dilution = s
            .product(Drug::Interleukin2)
            .and_then(|p| p.dilute_to_per_ml)
            .map(|c| crate::numfmt::decimal(c / 1e6, 4))
            .unwrap_or_default();
        SettingsText {
            mg_rounding_increment: crate::numfmt::decimal(s.mg_rounding_increment, 4),
            il2_dilution_million_per_ml: dilution,
            error: None,
        }
    }
}
