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
use crate::locale::{DecimalMark, Lang};
use crate::msg;
use crate::order::release::Refusal;
use crate::order::{self, Acknowledgement, FileError, Order, Verification};
use crate::present::Words;
use crate::regimen::Drug;
use crate::register::{Entry, Filter, Register, RegisterAction};
use crate::settings::{Paper, Settings};
use crate::sheet::{self, SheetError};

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
    /// The window's language; `None` follows the system locale.
    pub lang: Option<Lang>,
    /// The decimal mark on screen and on the sheet (a site setting); `None` is the language's usual mark.
    pub decimal_mark: Option<DecimalMark>,
}

impl Default for Preferences {
    fn default() -> Self {
        Preferences {
            bsa_formula: BsaFormula::Mosteller,
            dark: false,
            settings: Settings::default(),
            last_printer: None,
            register_path: None,
            lang: None,
            decimal_mark: None,
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
    /// The page shown, newest first: [`REGISTER_PAGE`] entries a page.
    pub page: u32,
    pub entries: Vec<Entry>,
    /// The last problem or result (a reprint), worded.
    pub message: Option<String>,
}

/// Entries on one page of the Register view.
pub const REGISTER_PAGE: u32 = 50;

/// Who is signing at this workstation, in a register that knows people.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SignIn {
    pub name: String,
    /// Cleared as soon as it is checked.
    pub secret: String,
    pub person: Option<crate::register::Person>,
    pub error: Option<String>,
    /// Whether the register knows people (None: not asked yet).
    pub register_has_people: Option<bool>,
    /// The next-start line for the cohort and subject typed: ((cohort, subject), line).
    pub next_start: Option<((String, String), String)>,
    /// Just signed in: the keyboard goes on to Export, not nowhere (issue 18).
    pub focus_export: bool,
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
    /// Record the prescriber's override of a criterion to treat, with the reason typed beside it.
    Override {
        code: String,
    },
    StartDoubleCheck,
    CancelDoubleCheck,
    SubmitDoubleCheck,
    /// The verifier's name changed: the re-entries are cleared for whoever checks now.
    VerifierChanged,
    SetFormula(BsaFormula),
    SetDark(bool),
    SetPaper(Paper),
    /// Switch the window's language; the order and its acknowledgements stay as they are.
    SetLang(Lang),
    SetDecimalMark(DecimalMark),
    /// Ask before a New order or Open discards unsaved changes.
    ConfirmDiscard(Discard),
    DiscardConfirmed,
    DiscardCancelled,
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
    /// The next (true) or previous (false) page of the register.
    RegisterPage(bool),
    /// Check the name and secret typed, and sign in.
    SignIn,
    SignOut,
    /// Record the stagger override with the reason typed, as the signed-in investigator's or prescriber's.
    StaggerOverride,
}

/// What a confirmed discard goes on to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Discard {
    NewOrder,
    Open,
}

/// The second professional's blind re-entry and what it found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CheckState {
    pub second: SecondEntry,
    /// Differences found by the last double-check (worded when drawn).
    pub mismatches: Vec<crate::doublecheck::Mismatch>,
    /// A register warning from the last failed double-check, worded.
    pub not_recorded: Option<String>,
    /// The verifier's secret, in a register that knows people (cleared once checked).
    pub verifier_secret: String,
    /// Why the verifier could not sign, worded.
    pub sign_error: Option<String>,
}

/// What a double-check covered: a change to any of it clears the verification.
#[derive(Debug, Clone, PartialEq)]
struct Checked {
    inputs: RawInputs,
    clinical: crate::clinical::RawClinical,
    /// Name, record number, date of birth and allergies (issue 18: an allergy edited after the
    /// check kept "Verified by …").
    patient: crate::order::Patient,
}

impl Checked {
    fn of(order: &Order) -> Checked {
        Checked {
            inputs: order.inputs.clone(),
            clinical: order.clinical.clone(),
            patient: order.patient.clone(),
        }
    }
}

impl CheckState {
    /// Empties every re-entry and every line about the last attempt, keeping the
    /// verifier's name when asked: a new or refused verifier never sees what the
    /// previous one typed (issue 18: the issuer's own entries stayed for the nurse).
    pub fn clear_entries(&mut self, keep_verifier: bool) {
        let verifier = std::mem::take(&mut self.second.verifier);
        let units_in_millions = self.second.units_in_millions;
        *self = CheckState::default();
        self.second.units_in_millions = units_in_millions;
        if keep_verifier {
            self.second.verifier = verifier;
        }
    }
}

/// What the window is waiting for around files.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FileState {
    /// A path typed by hand, for machines without a file chooser.
    pub path_input: String,
    /// Shown once a chooser came back empty.
    pub show_path_input: bool,
    /// A typed export path that exists, waiting for "Replace".
    pub confirm_replace: Option<PathBuf>,
    /// A New order or Open waiting for "Discard changes".
    pub pending_discard: Option<Discard>,
}

/// Printers the print service offers, and why not if it could not say.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PrintState {
    pub printers: Vec<String>,
    pub error: Option<String>,
    /// A reprint the print service refused: the stored order, offered for export instead.
    pub reprint_fallback: Option<Order>,
}

/// Site settings as typed in the window.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SettingsText {
    pub mg_rounding_increment: String,
    pub il2_dilution_million_per_ml: String,
    pub cyclophosphamide_bag_ml: String,
    pub cyclophosphamide_minutes: String,
    pub trastuzumab_later_observation_minutes: String,
    pub lvef_max_age_days: String,
    pub nk_max_hours: String,
    pub nk_route_and_set: String,
    pub premedication: String,
    pub antiemetic: String,
    pub hydration: String,
    pub error: Option<String>,
}

/// Everything the window holds.
pub struct AppState {
    pub order: Order,
    pub prefs: Preferences,
    pub mode: Mode,
    /// The independent double-check in progress.
    pub check: CheckState,
    /// The language of the system, used when no language preference is set.
    pub system_lang: Lang,
    /// The order as last saved, opened or issued, to tell whether there are unsaved changes.
    saved_snapshot: Option<Order>,
    pub notice: Option<Notice>,
    /// Files: typed paths, replacements and discards waiting for an answer.
    pub files: FileState,
    pub settings_text: SettingsText,
    /// Printers, and what the print service last said.
    pub printing: PrintState,
    pub register_view: RegisterView,
    /// The inputs a recorded verification was made on.
    verified_inputs: Option<Checked>,
    /// Reasons typed beside warnings that need one, by warning code.
    pub reasons: std::collections::BTreeMap<String, String>,
    /// Who is signing, and what the register says about people and the next start.
    pub sign_in: SignIn,
    /// The reason typed for starting before the trial's stagger rule allows.
    pub stagger_reason: String,
    /// Why the last override was refused, worded; shown beside the overrides, cleared by
    /// the next override, sign-in or sign-out.
    pub override_error: Option<String>,
    /// Reasons typed beside criteria to treat not met or not entered, by criterion code.
    pub override_reasons: std::collections::BTreeMap<String, String>,
    /// Set by the window each frame: a measure field has focus and was changed
    /// since it got it. The results are provisional; nothing may leave.
    pub editing_measure: bool,
    /// The first frame put the keyboard focus in the first patient field.
    pub focus_placed: bool,
    /// What the register says of this order, read off the frame.
    pub watch: crate::ui::watch::Watch,
    /// Everyone who gave an override of this order while signed in: the release signs each
    /// override as theirs, at the time they gave it.
    pub givers: Vec<crate::register::Person>,
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
            check: CheckState::default(),
            system_lang: crate::locale::system_lang(|k| std::env::var(k).ok()),
            saved_snapshot: None,
            notice: None,
            files: FileState::default(),
            settings_text,
            printing: PrintState::default(),
            register_view: RegisterView::default(),
            verified_inputs: None,
            reasons: Default::default(),
            override_reasons: Default::default(),
            sign_in: SignIn::default(),
            stagger_reason: String::new(),
            override_error: None,
            editing_measure: false,
            focus_placed: false,
            watch: Default::default(),
            givers: Vec::new(),
            last_seen: None,
            clock,
        }
    }

    /// The words of the window now: its language and decimal mark.
    pub fn words(&self) -> Words {
        Words::new(self.prefs.lang.unwrap_or(self.system_lang), self.prefs.decimal_mark)
    }

    /// True when the form holds work that was neither saved, opened as it is, nor issued.
    pub fn has_unsaved_work(&self) -> bool {
        if self.untouched() && self.order.patient == crate::order::Patient::default() {
            return false;
        }
        match &self.saved_snapshot {
            Some(saved) => {
                saved.inputs != self.order.inputs
                    || saved.patient != self.order.patient
                    || saved.acknowledged != self.order.acknowledged
                    || saved.clinical != self.order.clinical
                    || saved.overrides != self.order.overrides
            }
            None => self.order.issued_content.is_none(),
        }
    }

    fn mark_saved(&mut self) {
        self.saved_snapshot = Some(self.order.clone());
    }

    /// Where the register is: the preference, else the user's data folder.
    pub fn register_path(&self) -> Option<PathBuf> {
        self.prefs.register_path.clone().or_else(crate::ui::default_register_path)
    }

    /// Records an action; a message saying so, or a warning that it was not recorded.
    fn record(&self, order: &Order, report: &Report, action: RegisterAction) -> Result<String, String> {
        let w = self.words();
        let Some(path) = self.register_path() else { return Err(w.msg(msg!("not-recorded-no-location"))) };
        let signer = self.sign_in.person.clone().filter(|_| action != RegisterAction::Reprinted);
        Register::connect(&path.to_string_lossy())
            .and_then(|mut r| {
                r.record(order, report, action, self.now())?;
                match (&signer, action) {
                    (Some(p), RegisterAction::Exported | RegisterAction::Printed) => {
                        r.sign_issue(order, p, self.now())
                    }
                    _ => Ok(()),
                }
            })
            .map(|_| w.recorded(action, &path))
            .map_err(|e| w.not_recorded(&e))
    }

    /// Whether the register knows people, from the register's last answer (read off the
    /// frame, [`crate::ui::watch`]); until it answers, what it said before.
    pub fn register_has_people(&mut self) -> bool {
        if let Some(Ok(p)) = self.watch.answer() {
            self.sign_in.register_has_people = Some(p.has_people);
        }
        self.sign_in.register_has_people.unwrap_or(false)
    }

    /// "Next patient may start from …" for the cohort and subject typed, from the register's last answer.
    pub fn next_start_line(&mut self) -> Option<String> {
        let cohort = crate::stagger::Cohort::from_key(&self.order.trial.cohort)?;
        let w = self.words();
        match self.watch.answer()? {
            Ok(p) => Some(w.next_start_line(cohort, p.next.as_ref())),
            Err(e) => Some(w.register_error(e)),
        }
    }

    /// Asks the register again about this order when what its answer depends on
    /// changed (never on a mere repaint); called once per frame, before drawing.
    pub fn refresh_watch(&mut self) {
        let report = self.report().ok();
        let key = self.register_path().map(|path| crate::ui::watch::Key {
            location: path.to_string_lossy().into_owned(),
            subject: self.order.trial.subject.trim().to_owned(),
            cohort: self.order.trial.cohort.clone(),
            record: self.order.patient.identifier.trim().to_owned(),
            cycle: report.as_ref().map(|r| r.inputs.cycle).unwrap_or(0),
            day1: report.as_ref().and_then(|r| r.inputs.day1),
            start: report.as_ref().and_then(|r| r.first_treatment()),
            stagger_override: self.order.stagger_override.as_ref().map(|o| o.previous_subject.clone()),
            generation: self.watch.generation,
        });
        self.watch.refresh(key, &self.order, report.as_ref(), self.now());
    }

    /// The trial's rules across patients as the register last answered: a refusal, or
    /// why they cannot be checked. A register that cannot be read refuses an order of a
    /// cohort: the rule is never skipped silently.
    fn trial_refusal(&self) -> Result<(), SheetError> {
        let w = self.words();
        let cohort = crate::stagger::Cohort::from_key(&self.order.trial.cohort);
        if self.register_path().is_none() {
            return match cohort {
                Some(_) => Err(SheetError::StaggerUnchecked(w.msg(msg!("not-recorded-no-location")))),
                None => Ok(()),
            };
        }
        match self.watch.answer() {
            None => Err(SheetError::StaggerUnchecked(w.msg(msg!("g-register-checking")))),
            Some(Err(e)) if cohort.is_some() || self.sign_in.person.is_some() => {
                Err(SheetError::StaggerUnchecked(w.register_error(e)))
            }
            Some(Err(_)) => Ok(()),
            Some(Ok(p)) => match &p.refusal {
                None => Ok(()),
                Some(Refusal::TooEarly { start, next }) => {
                    Err(SheetError::TooEarly { start: *start, earliest: next.earliest })
                }
                Some(r) => Err(SheetError::Refused(r.clone())),
            },
        }
    }

    /// Records the principal investigator's (or prescriber's) override of the stagger rule:
    /// who, when, why, and the earliest start it overrides; printed on the sheet.
    fn stagger_override(&mut self) {
        let w = self.words();
        let Ok(report) = self.report() else { return };
        let Some(cohort) = crate::stagger::Cohort::from_key(&self.order.trial.cohort) else { return };
        // In a register that knows people, only a signed-in investigator or prescriber may.
        let by = match (&self.sign_in.person, self.sign_in.register_has_people) {
            (Some(p), _) if crate::register::Step::Override.roles().contains(&p.role) => p.name.clone(),
            (Some(p), _) => {
                let problem = crate::register::PersonProblem::WrongRole(p.role);
                self.override_error = Some(w.override_refused(&problem, &p.name));
                return;
            }
            (None, Some(true)) => {
                self.override_error = Some(w.msg(msg!("refuse-sign-in")));
                return;
            }
            (None, _) => {
                match crate::identity::normalise(crate::error::Field::IssuedBy, &self.order.issued_by) {
                    Ok(n) if !n.is_empty() => n,
                    _ => {
                        self.notice = Some(Notice::Error(w.msg(msg!("g-override-needs"))));
                        return;
                    }
                }
            }
        };
        let reason = match crate::identity::normalise(crate::error::Field::Reason, &self.stagger_reason) {
            Ok(r) if !r.is_empty() => r,
            Ok(_) => return,
            Err(e) => {
                self.notice = Some(Notice::Error(w.input_error(&e)));
                return;
            }
        };
        let next = match self.watch.answer() {
            Some(Ok(p)) => match &p.refusal {
                Some(Refusal::TooEarly { next, .. }) => Some((**next).clone()),
                _ => None,
            },
            _ => None,
        };
        if let (Some(n), true) = (next, report.inputs.cycle == 1) {
            let _ = cohort;
            // Signed by whoever gives it, as it was given, when the order is released (issue 19).
            if let Some(p) = self.sign_in.person.clone() {
                self.add_giver(p);
            }
            self.order.stagger_override = Some(crate::order::StaggerOverride {
                by,
                at: self.now(),
                reason,
                earliest: n.earliest,
                previous_subject: n.previous.subject,
            });
            self.stagger_reason.clear();
            self.override_error = None;
        }
    }

    /// Keeps who gave an override, proved, for the release to sign it as theirs.
    fn add_giver(&mut self, p: crate::register::Person) {
        let key = crate::register::name_key(&p.name);
        self.givers.retain(|g| crate::register::name_key(&g.name) != key);
        self.givers.push(p);
    }

    fn sign_in(&mut self) {
        let w = self.words();
        let secret = std::mem::take(&mut self.sign_in.secret);
        let name = self.sign_in.name.trim().to_owned();
        let Some(path) = self.register_path() else { return };
        let result = Register::connect(&path.to_string_lossy())
            .and_then(|mut r| r.authenticate(&name, &secret, self.now()));
        match result {
            Ok(Ok(p)) => {
                self.order.issued_by = p.name.clone();
                self.sign_in.person = Some(p);
                self.sign_in.error = None;
                self.sign_in.focus_export = true;
                // What was said before signing in no longer stands.
                self.notice = None;
                self.override_error = None;
            }
            Ok(Err(problem)) => {
                self.sign_in.error = Some(w.person_problem(&problem, &name));
            }
            Err(e) => self.sign_in.error = Some(w.register_error(&e)),
        }
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
        // In a register that knows people, an order is signed by someone who proved who they
        // are, and whose role may issue it (issue 19: a signed-in nurse could export).
        let has_people = match self.watch.answer() {
            Some(Ok(p)) => p.has_people,
            _ => self.sign_in.register_has_people == Some(true),
        };
        if has_people {
            match &self.sign_in.person {
                None => return Err(SheetError::SignInNeeded),
                Some(p) if !crate::register::Step::Issued.roles().contains(&p.role) => {
                    return Err(SheetError::Refused(Refusal::WrongRole {
                        name: p.name.clone(),
                        role: p.role,
                        step: crate::register::Step::Issued,
                    }));
                }
                Some(_) => {}
            }
        }
        let report = sheet::printable(&self.order, self.now().date())?;
        self.trial_refusal()?;
        Ok(report)
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
        let w = self.words();
        match action {
            Action::ConfirmDiscard(what) => {
                if self.has_unsaved_work() {
                    self.files.pending_discard = Some(what);
                } else {
                    self.files.pending_discard = None;
                    self.apply_one(match what {
                        Discard::NewOrder => Action::NewOrder,
                        Discard::Open => Action::DiscardConfirmed,
                    });
                }
            }
            Action::DiscardConfirmed => {
                // Open is answered by the window (it opens the chooser); a New order happens here.
                if self.files.pending_discard.take() == Some(Discard::NewOrder) {
                    self.apply_one(Action::NewOrder);
                }
            }
            Action::DiscardCancelled => self.files.pending_discard = None,
            Action::SetLang(lang) => {
                self.prefs.lang = Some(lang);
                self.notice = None;
            }
            Action::SetDecimalMark(mark) => self.prefs.decimal_mark = Some(mark),
            Action::NewOrder => {
                // The person at the workstation stays the same: their name is kept.
                let issuer = std::mem::take(&mut self.order.issued_by);
                self.order = Self::fresh_order(&self.prefs, self.now());
                self.order.issued_by = issuer;
                self.reasons.clear();
                self.verified_inputs = None;
                self.mode = Mode::Form;
                self.check.second = SecondEntry::default();
                self.check.mismatches.clear();
                self.notice = None;
                self.saved_snapshot = None;
                self.files.pending_discard = None;
                // A typed path named after the previous patient's order is not offered for the next.
                self.files.path_input.clear();
                self.files.confirm_replace = None;
                self.stagger_reason.clear();
                self.override_reasons.clear();
            }
            Action::SaveTo(path) => self.save_to(&path),
            Action::OpenFrom(path) => self.open_from(&path),
            Action::ExportTo { path, replace } => self.export_to(&path, replace),
            Action::TypedPath(kind) => {
                let path = PathBuf::from(self.files.path_input.trim());
                if self.files.path_input.trim().is_empty() {
                    self.notice = Some(Notice::Error(w.msg(msg!("g-type-a-path"))));
                    return;
                }
                match kind {
                    FileKind::Save => self.save_to(&path),
                    FileKind::Open => self.open_from(&path),
                    FileKind::Export => self.export_to(&path, false),
                }
            }
            Action::ChooserEmpty(_) => {
                self.files.show_path_input = true;
                self.notice = Some(Notice::Info(w.msg(msg!("g-no-chooser"))));
            }
            Action::Acknowledge { code, detail, acknowledged } => {
                self.acknowledge(code, detail, acknowledged)
            }
            Action::Override { code } => self.override_criterion(&code),
            Action::StartDoubleCheck => {
                if !self.checkable() {
                    return;
                }
                self.check.second = SecondEntry::default();
                self.check.mismatches.clear();
                self.mode = Mode::DoubleCheck;
            }
            Action::CancelDoubleCheck => {
                // Nothing of a cancelled check stays for the next one.
                self.check.clear_entries(false);
                self.mode = Mode::Form;
            }
            Action::SubmitDoubleCheck => self.submit_double_check(),
            Action::VerifierChanged => self.check.clear_entries(true),
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
                    self.printing.printers = list;
                    self.printing.error = None;
                }
                Err(e) => {
                    self.printing.printers.clear();
                    self.printing.error = Some(w.print_error(&e));
                }
            },
            Action::SelectPrinter(p) => self.prefs.last_printer = Some(p),
            Action::ShowRegister => {
                self.printing.reprint_fallback = None;
                self.mode = Mode::Register;
                self.refresh_register();
            }
            Action::RefreshRegister => {
                self.register_view.page = 0;
                self.refresh_register();
            }
            Action::CloseRegister => {
                // A refused reprint's fallback belongs to the register view: it never
                // outlives it (issue 19: the form's export wrote another patient's sheet).
                self.printing.reprint_fallback = None;
                self.mode = Mode::Form;
            }
            Action::Reopen(id) => self.reopen(id),
            Action::Reprint(id) => self.reprint(id),
            Action::RegisterPage(older) => {
                let v = &mut self.register_view;
                v.page = if older { v.page + 1 } else { v.page.saturating_sub(1) };
                self.refresh_register();
            }
            Action::SignIn => self.sign_in(),
            Action::StaggerOverride => self.stagger_override(),
            Action::SignOut => {
                self.sign_in.person = None;
                self.sign_in.secret.clear();
                // The next person types their own name into an empty field.
                self.sign_in.name.clear();
                self.sign_in.error = None;
                self.notice = None;
                self.override_error = None;
            }
        }
    }

    fn refresh_register(&mut self) {
        let w = self.words();
        let v = &mut self.register_view;
        let date = match v.date.trim() {
            "" => None,
            d => match crate::input::parse_date(crate::error::Field::Day1, d) {
                Ok(date) => Some(date),
                Err(_) => {
                    v.message = Some(w.msg(msg!("g-register-bad-date")));
                    return;
                }
            },
        };
        let filter = Filter {
            patient_id: v.patient_id.clone(),
            date,
            limit: REGISTER_PAGE,
            offset: v.page * REGISTER_PAGE,
            ..Filter::default()
        };
        let Some(path) = self.register_path() else {
            self.register_view.message = Some(w.msg(msg!("not-recorded-no-location")));
            return;
        };
        match Register::connect(&path.to_string_lossy()).and_then(|mut r| r.list(&filter)) {
            Ok(entries) => {
                self.register_view.entries = entries;
                self.register_view.message = None;
            }
            Err(e) => {
                self.register_view.entries.clear();
                self.register_view.message = Some(w.register_error(&e));
            }
        }
    }

    fn stored_order(&self, id: i64) -> Result<Order, String> {
        let w = self.words();
        let path = self.register_path().ok_or_else(|| w.msg(msg!("not-recorded-no-location")))?;
        Register::connect(&path.to_string_lossy())
            .and_then(|mut r| {
                let mut order = r.order(id)?;
                r.attach_chain(&mut order);
                Ok(order)
            })
            .map_err(|e| w.register_error(&e))
    }

    fn reopen(&mut self, id: i64) {
        let w = self.words();
        match self.stored_order(id) {
            Ok(order) => {
                self.verified_inputs = order.verification.as_ref().map(|_| Checked::of(&order));
                self.settings_text = SettingsText::from(&order.settings);
                self.order = order;
                self.mark_saved();
                self.mode = Mode::Form;
                let id = self.order.order_id.clone();
                self.notice = Some(Notice::Info(w.msg(msg!("g-reopened", "id" => id))));
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
            Ok(message) => {
                self.register_view.message = Some(message);
                self.printing.reprint_fallback = None;
            }
            Err(message) => {
                self.register_view.message = Some(message);
                // The print service said no: offer the same sheet as a PDF instead.
                self.printing.reprint_fallback = Some(order);
            }
        }
        self.refresh_register_keep_message();
    }

    /// Records the double-check as a signed step, and shows it with the open order.
    fn sign_check(&mut self, p: &crate::register::Person, ok: bool, detail: &str) -> Result<(), String> {
        self.sign_step(crate::register::Step::DoubleChecked, p, ok, detail)
    }

    /// Signs a step of the open order in the register, now, as `p`; on success the
    /// step is added to the order's chain as shown.
    fn sign_step(
        &mut self,
        step: crate::register::Step,
        p: &crate::register::Person,
        ok: bool,
        detail: &str,
    ) -> Result<(), String> {
        let w = self.words();
        let path = self.register_path().ok_or_else(|| w.msg(msg!("not-recorded-no-location")))?;
        let (id, revision, at) = (self.order.order_id.clone(), self.order.revision, self.now());
        match Register::connect(&path.to_string_lossy())
            .and_then(|mut r| r.sign(&id, revision, step, p, ok, detail, at))
        {
            Ok(Ok(_)) => {
                self.order.chain.push(crate::order::SignedStep {
                    step: step.key().to_owned(),
                    person: p.name.clone(),
                    role: p.role.key().to_owned(),
                    at,
                    ok,
                });
                Ok(())
            }
            Ok(Err(problem)) => Err(w.person_problem(&problem, &p.name)),
            Err(e) => Err(w.register_error(&e)),
        }
    }

    fn refresh_register_keep_message(&mut self) {
        let message = self.register_view.message.take();
        self.refresh_register();
        if self.register_view.message.is_none() {
            self.register_view.message = message;
        }
    }

    fn print_current(&mut self) {
        self.release_current(None);
    }

    /// Releases the order shown through the one release workflow
    /// ([`crate::order::release`]): exported to a path, or printed; recorded and signed
    /// with every override by whoever gave it, or nothing recorded and the notice says why.
    fn release_current(&mut self, export: Option<(&Path, bool)>) {
        use crate::order::release::{Delivered, Failure, Reach, Request, release};
        use crate::output::Undelivered;
        let w = self.words();
        self.sync_sheet_words();
        // The form stays editable while a file chooser is open: check again now.
        if let Err(e) = self.printable() {
            self.notice = Some(Notice::Error(w.sheet_error(&e)));
            return;
        }
        let now = self.now();
        let (mut reg, unreachable) =
            match self.register_path().map(|p| Register::connect(&p.to_string_lossy())) {
                None => (None, None),
                Some(Ok(r)) => (Some(r), None),
                Some(Err(e)) => (None, Some(e)),
            };
        let not_recorded = unreachable.as_ref().map(|e| w.not_recorded(e));
        let reach = match (reg.as_mut(), unreachable) {
            (Some(r), _) => Reach::Open(r),
            (None, Some(e)) => Reach::Unreachable(e),
            (None, None) => Reach::NoLocation,
        };
        let issuer = self.sign_in.person.clone();
        let order = self.order.clone();
        let request = Request {
            order: &order,
            issuer: issuer.as_ref(),
            givers: &self.givers,
            stagger_reason: None,
            now,
        };
        let printer = self.prefs.last_printer.clone();
        let mut said = String::new();
        let outcome = release(reach, &request, |o| {
            let mut d = Delivered { done: Vec::new(), written: Vec::new(), failed: None };
            match export {
                Some((path, replace)) => match sheet::export_pdf(o, now, path, replace) {
                    Ok(()) => {
                        said = w.msg(msg!("written", "path" => crate::present::words::shown(path)));
                        d.done.push(RegisterAction::Exported);
                        d.written.push(path.to_owned());
                    }
                    Err(e) => d.failed = Some(Undelivered::Sheet(e)),
                },
                None => match crate::print::print_sheet(o, now, printer.as_deref()) {
                    Ok(job) => {
                        said = w.printed(&job.id, printer.as_deref());
                        d.done.push(RegisterAction::Printed);
                    }
                    Err(e) => d.failed = Some(Undelivered::Print(e)),
                },
            }
            d
        });
        self.watch.invalidate();
        self.notice = Some(match outcome {
            Ok(released) => {
                let action = released.delivered.done.first().copied().unwrap_or(RegisterAction::Exported);
                self.order = released.order;
                self.mark_saved();
                match (released.recorded, self.register_path()) {
                    (true, Some(path)) => Notice::Info(format!("{said}. {}", w.recorded(action, &path))),
                    _ => Notice::Error(format!(
                        "{said}. {}",
                        not_recorded.unwrap_or_else(|| w.msg(msg!("not-recorded-no-location")))
                    )),
                }
            }
            Err(Failure::Refused(r)) => Notice::Error(w.refusal(&r)),
            Err(Failure::Register(e)) => {
                Notice::Error(w.msg(msg!("refuse-register", "error" => w.register_error(&e))))
            }
            Err(Failure::Delivery(Undelivered::Sheet(SheetError::File(FileError::Exists { path })))) => {
                self.files.confirm_replace = Some(path.clone());
                Notice::Info(w.msg(msg!("g-confirm-replace", "path" => crate::present::words::shown(&path))))
            }
            Err(Failure::Delivery(Undelivered::Sheet(e))) => Notice::Error(w.sheet_error(&e)),
            Err(Failure::Delivery(Undelivered::Print(e))) => Notice::Error(w.print_failure(&e)),
            Err(Failure::NotRecorded { printed, removed, error }) => {
                let mut m = w.not_recorded(&error);
                for p in &removed {
                    m.push(' ');
                    m.push_str(
                        &w.msg(msg!("not-recorded-removed", "path" => crate::present::words::shown(p))),
                    );
                }
                if printed {
                    m.push(' ');
                    m.push_str(&w.msg(msg!("not-recorded-printed")));
                }
                Notice::Error(m)
            }
        });
    }

    /// Prints `order` if it may be printed; records it only when the print service accepted it.
    fn print_order(&mut self, order: &Order, action: RegisterAction) -> Result<String, String> {
        let w = self.words();
        let report = sheet::printable(order, self.now().date()).map_err(|e| w.sheet_error(&e))?;
        let printer = self.prefs.last_printer.clone();
        let job = crate::print::print_sheet(order, self.now(), printer.as_deref())
            .map_err(|e| w.print_failure(&e))?;
        let printed = w.printed(&job.id, printer.as_deref());
        match self.record(order, &report, action) {
            Ok(recorded) => Ok(format!("{printed}. {recorded}")),
            Err(warning) => Err(format!("{printed}. {warning}")),
        }
    }

    /// Keeps derived records honest after every frame: a verification made on
    /// other inputs is cleared, and acknowledgements of warnings that no
    /// longer apply are dropped.
    pub fn after_frame(&mut self) {
        // The criteria inputs decide whether an antibody is given at all, and the patient's
        // details are what the verifier confirmed on the labels: they count too.
        let now = Checked::of(&self.order);
        if self.order.verification.is_some() && self.verified_inputs.as_ref() != Some(&now) {
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
            self.files.confirm_replace = None;
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
        let Some(warning) =
            self.order.warnings(&report).into_iter().find(|w| w.code == code && w.detail == detail)
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
        if by.is_empty() || (warning.needs_reason && reason.is_none()) {
            return;
        }
        self.order.acknowledged.push(Acknowledgement {
            code,
            detail,
            by,
            at: self.now(),
            reason: if warning.needs_reason { reason } else { None },
        });
    }

    /// The sheet is printed in the window's language and decimal mark at the time it leaves.
    fn sync_sheet_words(&mut self) {
        let w = self.words();
        self.order.lang = w.lang;
        self.order.decimal_mark = w.mark;
    }

    fn save_to(&mut self, path: &Path) {
        let w = self.words();
        self.sync_sheet_words();
        self.notice = Some(match order::save(&self.order, path) {
            Ok(()) => {
                self.mark_saved();
                Notice::Info(w.msg(msg!("g-saved", "path" => crate::present::words::shown(path))))
            }
            Err(e) => Notice::Error(w.file_error(&e)),
        });
    }

    fn open_from(&mut self, path: &Path) {
        let w = self.words();
        match order::load(path) {
            Ok(order) => {
                self.verified_inputs = order.verification.as_ref().map(|_| Checked::of(&order));
                self.settings_text = SettingsText::from(&order.settings);
                self.order = order;
                self.mark_saved();
                self.mode = Mode::Form;
                self.check.mismatches.clear();
                let shown = crate::present::words::shown(path);
                self.notice = Some(Notice::Info(w.msg(msg!("g-opened", "path" => shown))));
            }
            // Nothing in the window changes when a file is refused.
            Err(e) => self.notice = Some(Notice::Error(w.file_error(&e))),
        }
    }

    fn export_to(&mut self, path: &Path, replace: bool) {
        self.files.confirm_replace = None;
        // A reprint the printer refused is exported as stored: the same sheet, recorded as a
        // reprint, and only from the register view, where it was offered. From the form,
        // the order shown is exported, whatever a register view left behind.
        if self.mode == Mode::Register
            && let Some(order) = self.printing.reprint_fallback.clone()
        {
            self.export_reprint(&order, path, replace);
            return;
        }
        self.printing.reprint_fallback = None;
        self.release_current(Some((path, replace)));
    }

    /// Writes a stored order's sheet as a PDF after the printer refused its reprint.
    fn export_reprint(&mut self, order: &Order, path: &Path, replace: bool) {
        let w = self.words();
        let now = self.now();
        let message = match sheet::export_pdf(order, now, path, replace) {
            Ok(()) => {
                let written = w.msg(msg!("written", "path" => crate::present::words::shown(path)));
                let recorded = sheet::printable(order, now.date())
                    .map_err(|e| w.sheet_error(&e))
                    .and_then(|r| self.record(order, &r, RegisterAction::Reprinted));
                self.printing.reprint_fallback = None;
                match recorded {
                    Ok(r) | Err(r) => format!("{written}. {r}"),
                }
            }
            Err(e) => w.sheet_error(&e),
        };
        self.register_view.message = Some(message);
        self.refresh_register_keep_message();
    }

    fn submit_double_check(&mut self) {
        self.check.not_recorded = None;
        let Ok(report) = self.report() else {
            // The window offers the double-check only on a valid order.
            self.mode = Mode::Form;
            return;
        };
        // Unit doses are typed in the unit the window shows them in (millions of units in Spanish).
        self.check.second.units_in_millions = self.words().units_in_millions();
        // In a register that knows people, the verifier proves who they are before anything is compared.
        let w = self.words();
        let secret = std::mem::take(&mut self.check.verifier_secret);
        self.check.sign_error = None;
        let signer = if self.register_has_people() {
            let name = self.check.second.verifier.trim().to_owned();
            let Some(path) = self.register_path() else { return };
            match Register::connect(&path.to_string_lossy())
                .and_then(|mut r| r.authenticate(&name, &secret, self.now()))
            {
                Ok(Ok(p)) if crate::register::Step::DoubleChecked.roles().contains(&p.role) => Some(p),
                Ok(Ok(p)) => {
                    let problem = crate::register::PersonProblem::WrongRole(p.role);
                    self.check.clear_entries(false);
                    self.check.sign_error = Some(w.person_problem(&problem, &p.name));
                    return;
                }
                Ok(Err(problem)) => {
                    self.check.clear_entries(false);
                    self.check.sign_error = Some(w.person_problem(&problem, &name));
                    return;
                }
                Err(e) => {
                    self.check.sign_error = Some(w.register_error(&e));
                    return;
                }
            }
        } else {
            None
        };
        let tolerance = self.order.settings.double_check_tolerance_pct;
        let (first, clinical) = (&self.order.inputs, &self.order.clinical);
        match compare(first, clinical, &self.order.issued_by, &report, &self.check.second, tolerance) {
            Ok(()) => {
                let at = self.now();
                // The signed double-check: refused when this person issued or checked the order already.
                if let Some(p) = &signer {
                    match self.sign_check(p, true, "") {
                        Ok(()) => {}
                        Err(message) => {
                            self.check.clear_entries(false);
                            self.check.sign_error = Some(message);
                            return;
                        }
                    }
                }
                let verifier = match &signer {
                    Some(p) => p.name.clone(),
                    None => {
                        crate::identity::normalise(crate::error::Field::Verifier, &self.check.second.verifier)
                            .unwrap_or_default()
                    }
                };
                self.order.verification = Some(Verification { verifier, at });
                self.verified_inputs = Some(Checked::of(&self.order));
                self.check.mismatches.clear();
                self.check.second = SecondEntry::default();
                self.mode = Mode::Form;
                // The verification shows in its one fixed place, from the order itself.
                self.notice = None;
            }
            Err(list) => {
                self.order.verification = None;
                self.verified_inputs = None;
                // Blind: only which items differ, never a value from the order.
                self.check.mismatches = list.clone();
                let items: Vec<String> = list.iter().filter_map(|m| m.item_key()).collect();
                if let (Some(p), false) = (&signer, items.is_empty()) {
                    // A failed check is signed too: who, when, which items (never the values).
                    if let Err(message) = self.sign_check(p, false, &items.join(",")) {
                        self.check.sign_error = Some(message);
                    }
                }
                if !items.is_empty() {
                    let failed = crate::order::FailedCheck {
                        verifier: crate::identity::normalise(
                            crate::error::Field::Verifier,
                            &self.check.second.verifier,
                        )
                        .unwrap_or_else(|_| self.check.second.verifier.trim().to_owned()),
                        at: self.now(),
                        items,
                    };
                    self.order.failed_checks.push(failed);
                    let order = self.order.clone();
                    if let Err(warning) = self.record(&order, &report, RegisterAction::CheckFailed) {
                        self.check.not_recorded = Some(warning);
                    }
                }
            }
        }
    }

    /// Records the issuer's override of an open criterion, as it stands now, with the reason typed.
    fn override_criterion(&mut self, code: &str) {
        let w = self.words();
        let Ok(report) = self.report() else { return };
        let Some(c) = report.criteria_open().into_iter().find(|c| c.code == code) else { return };
        // Signed in, an override is a prescriber's (or an investigator's): a pharmacist may not.
        if let Some(p) = self
            .sign_in
            .person
            .as_ref()
            .filter(|p| !crate::register::Step::Override.roles().contains(&p.role))
        {
            let problem = crate::register::PersonProblem::WrongRole(p.role);
            self.override_error = Some(w.override_refused(&problem, &p.name));
            return;
        }
        let by = crate::identity::normalise(crate::error::Field::IssuedBy, &self.order.issued_by);
        let typed = self.override_reasons.get(code).cloned().unwrap_or_default();
        let reason = crate::identity::normalise(crate::error::Field::Reason, &typed);
        match (by, reason) {
            (Ok(by), Ok(reason)) if !by.is_empty() && !reason.is_empty() => {
                // Signed by whoever gives it, as given, when the order is released (issue 19).
                if let Some(p) = self.sign_in.person.clone() {
                    self.add_giver(p);
                }
                let detail = crate::order::Override::detail_of(c);
                self.order.overrides.retain(|o| o.code != code);
                self.order.overrides.push(crate::order::Override {
                    code: code.to_owned(),
                    detail,
                    by,
                    at: self.now(),
                    reason,
                });
                self.override_error = None;
            }
            (Err(e), _) | (_, Err(e)) => self.override_error = Some(w.input_error(&e)),
            _ => self.override_error = Some(w.msg(msg!("g-override-needs"))),
        }
    }

    fn apply_site_settings(&mut self) {
        let w = self.words();
        let t = &self.settings_text;
        let mut settings = self.order.settings.clone();
        let increment = parse_decimal(&t.mg_rounding_increment);
        let dilution = if t.il2_dilution_million_per_ml.trim().is_empty() {
            Some(None)
        } else {
            parse_decimal(&t.il2_dilution_million_per_ml).map(|m| Some(m * 1e6))
        };
        let optional = |text: &str| -> Option<Option<f64>> {
            if text.trim().is_empty() { Some(None) } else { parse_decimal(text).map(Some) }
        };
        let whole =
            |v: Option<f64>| v.filter(|x| x.fract() == 0.0 && *x >= 0.0 && *x <= 100_000.0).map(|x| x as u32);
        let bag = optional(&t.cyclophosphamide_bag_ml);
        let minutes = optional(&t.cyclophosphamide_minutes);
        let observation = optional(&t.trastuzumab_later_observation_minutes);
        let lvef_age = parse_decimal(&t.lvef_max_age_days).and_then(|v| whole(Some(v)));
        let nk_hours = optional(&t.nk_max_hours);
        let (
            Some(increment),
            Some(dilution),
            Some(bag),
            Some(minutes),
            Some(observation),
            Some(lvef_age),
            Some(nk_hours),
        ) = (increment, dilution, bag, minutes, observation, lvef_age, nk_hours)
        else {
            self.settings_text.error = Some(w.msg(msg!("g-settings-invalid")));
            return;
        };
        let (minutes, observation) =
            match (minutes.map(|m| whole(Some(m))), observation.map(|m| whole(Some(m)))) {
                (Some(None), _) | (_, Some(None)) => {
                    self.settings_text.error = Some(w.msg(msg!("g-settings-invalid")));
                    return;
                }
                (m, o) => (m.flatten(), o.flatten()),
            };
        settings.mg_rounding_increment = increment;
        for p in &mut settings.products {
            if p.drug == Drug::Cyclophosphamide {
                p.bag_volume_ml = bag;
                p.infusion_minutes_loading = minutes;
                p.infusion_minutes_maintenance = minutes;
            }
        }
        let a = &mut settings.administration;
        a.trastuzumab_later_observation_minutes = observation;
        a.lvef_max_age_days = lvef_age;
        a.nk_max_hours_after_release = nk_hours;
        a.nk_route_and_set = t.nk_route_and_set.trim().to_owned();
        a.premedication = t.premedication.trim().to_owned();
        a.antiemetic = t.antiemetic.trim().to_owned();
        a.hydration = t.hydration.trim().to_owned();
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
            Err(e) => self.settings_text.error = Some(w.input_error(&e)),
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
        let cyclo = s.product(Drug::Cyclophosphamide);
        let num = |v: Option<f64>| v.map(|v| crate::numfmt::decimal(v, 4)).unwrap_or_default();
        let a = &s.administration;
        SettingsText {
            mg_rounding_increment: crate::numfmt::decimal(s.mg_rounding_increment, 4),
            il2_dilution_million_per_ml: dilution,
            cyclophosphamide_bag_ml: num(cyclo.and_then(|p| p.bag_volume_ml)),
            cyclophosphamide_minutes: num(cyclo.and_then(|p| p.infusion_minutes_loading).map(f64::from)),
            trastuzumab_later_observation_minutes: num(a
                .trastuzumab_later_observation_minutes
                .map(f64::from)),
            lvef_max_age_days: a.lvef_max_age_days.to_string(),
            nk_max_hours: num(a.nk_max_hours_after_release),
            nk_route_and_set: a.nk_route_and_set.clone(),
            premedication: a.premedication.clone(),
            antiemetic: a.antiemetic.clone(),
            hydration: a.hydration.clone(),
            error: None,
        }
    }
}
