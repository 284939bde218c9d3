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

mod apply;

mod files;

mod check;

mod register_view;

mod administer;

mod release;

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
    /// At the bedside: the bag's label code and the wristband checked against the order,
    /// then the administration signed (issue 21).
    Administer,
}

/// The Administration view: what the nurse scanned and typed, and the last answer.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AdministerView {
    pub order_id: String,
    pub wristband: String,
    pub bag_code: String,
    /// When it is given; empty: now.
    pub at: String,
    pub nurse: String,
    /// Cleared as soon as it is checked.
    pub nurse_secret: String,
    /// An override: the reason and the prescriber who signs in to give it.
    pub reason: String,
    pub prescriber: String,
    pub prescriber_secret: String,
    /// The last check's outcome: given (true) or refused, in words.
    pub outcome: Option<(bool, String)>,
    /// The last refusal may be overridden by a prescriber with a reason.
    pub overridable: bool,
    /// The next frame puts the keyboard in the wristband field: a wedge scanner types into
    /// whatever field has it (on opening the view, and after each check).
    pub focus_scan: bool,
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
    /// Open the Administration view for this order ID (empty: type it).
    ShowAdminister(String),
    CloseAdminister,
    /// Check the scanned bag and wristband against the order and sign the administration.
    SubmitAdminister,
    /// Print the bag labels of a registered order (entry number), signed as the signed-in person's.
    PrintLabels(i64),
    /// Print the preparation worksheet of a registered order (entry number).
    PrintWorksheet(i64),
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
    pub administer: AdministerView,
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
    /// The pharmacy's locked settings (`/etc/nkact-dose/site.json`): they win over the user's.
    pub policy: crate::settings::SitePolicy,
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
            administer: AdministerView::default(),
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
            policy: crate::settings::SitePolicy::default(),
        }
    }

    /// The words of the window now: its language and decimal mark.
    /// Applies the pharmacy's policy: its settings, register and language are locked; the
    /// user's own preferences keep the rest.
    pub fn with_policy(mut self, policy: crate::settings::SitePolicy) -> Self {
        self.prefs.settings = policy.over(&self.prefs.settings);
        if let Some(r) = &policy.register {
            self.prefs.register_path = Some(PathBuf::from(r));
        }
        if policy.language.is_some() {
            self.prefs.lang = policy.language;
        }
        self.order.settings = policy.over(&self.order.settings);
        self.settings_text = SettingsText::from(&self.prefs.settings);
        self.policy = policy;
        self
    }

    /// Whether the pharmacy's policy sets this setting (a dotted path, or `language`/`register`).
    pub fn locked(&self, path: &str) -> bool {
        match path {
            "language" => self.policy.language.is_some(),
            "register" => self.policy.register.is_some(),
            p => self.policy.locks(p),
        }
    }

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

    /// Forgets who gave overrides for the order shown, and the signing keys they opened here
    /// (kept after they signed out, for the release to sign their overrides as theirs).
    pub(super) fn forget_givers(&mut self) {
        let signed_in = self.sign_in.person.as_ref().map(|p| crate::register::name_key(&p.name));
        if let Some(path) = self.register_path() {
            for g in std::mem::take(&mut self.givers) {
                if signed_in.as_deref() != Some(crate::register::name_key(&g.name).as_str()) {
                    crate::register::Register::sign_out(&path.to_string_lossy(), &g.name);
                }
            }
        }
        self.givers.clear();
    }

    /// Shows `order` in the form, as opened or reopened: its own verification and settings,
    /// and nobody's override from the order shown before.
    fn show_order(&mut self, order: Order) {
        self.verified_inputs = order.verification.as_ref().map(|_| Checked::of(&order));
        self.settings_text = SettingsText::from(&order.settings);
        self.order = order;
        self.forget_givers();
        self.mark_saved();
        self.mode = Mode::Form;
        self.check.mismatches.clear();
    }

    fn mark_saved(&mut self) {
        self.saved_snapshot = Some(self.order.clone());
    }

    /// Where the register is: the preference, else the user's data folder.
    pub fn register_path(&self) -> Option<PathBuf> {
        self.prefs.register_path.clone().or_else(crate::ui::default_register_path)
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
            a @ (Action::ConfirmDiscard(..)
            | Action::DiscardConfirmed
            | Action::DiscardCancelled
            | Action::NewOrder
            | Action::SaveTo(..)
            | Action::OpenFrom(..)
            | Action::ExportTo { .. }
            | Action::TypedPath(..)
            | Action::ChooserEmpty(..)) => self.apply_file(a),
            a @ (Action::ShowRegister
            | Action::RefreshRegister
            | Action::CloseRegister
            | Action::Reopen(..)
            | Action::Reprint(..)
            | Action::RegisterPage(..)) => self.apply_register(a),
            a @ (Action::StartDoubleCheck
            | Action::CancelDoubleCheck
            | Action::SubmitDoubleCheck
            | Action::VerifierChanged) => self.apply_check(a),
            a @ (Action::ShowAdminister(..)
            | Action::CloseAdminister
            | Action::SubmitAdminister
            | Action::PrintLabels(..)
            | Action::PrintWorksheet(..)) => self.apply_administer(a),
            a @ (Action::SignIn
            | Action::StaggerOverride
            | Action::SignOut
            | Action::Acknowledge { .. }
            | Action::Override { .. }) => self.apply_people(a),
            other => self.apply_settings(other),
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
        // Signed in, the warnings are acknowledged by the person who signs: ticks by someone
        // else (a reopened order, a name typed before signing in) are shown unticked, to be
        // read and ticked again, as the release workflow requires.
        if let Some(p) = &self.sign_in.person {
            let me = crate::register::name_key(&p.name);
            self.order.acknowledged.retain(|a| crate::register::name_key(&a.by) == me);
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
