//! The one release workflow: how an order becomes a sheet that left the
//! program and an entry in the register. Both faces call [`release`]; neither
//! decides a rule of its own (issue 19: two copies of this chain had drifted).
//!
//! The chain, in order: the order's own checks (valid inputs, NK count,
//! criteria to treat, acknowledgements), who signs (a person who proved who
//! they are and whose role may issue; overrides by whoever gave them), the
//! trial's rules across patients (subject and record number belong together,
//! the cohort is answered, the stagger rule), then — inside **one**
//! transaction of the register that serialises releases across workstations —
//! the stagger rule decided again against what the register holds now, the
//! sheet delivered (written or printed, by the face's `deliver`), the entry
//! recorded and every step signed. A sheet is recorded and signed, or nothing
//! in the register changes and the outcome says which part failed.
//!
//! The register is reached through [`Ledger`], which the store implements:
//! this layer decides, the store stores.

use std::path::PathBuf;

use chrono::NaiveDateTime;

use crate::domain::people::{Event, OverrideDetail, Person, Role, Step, name_key};
use crate::engine::Report;
use crate::error::InputError;
use crate::order::{Order, SignedStep, StaggerOverride};
use crate::stagger::{Cohort, NextStart, PreviousSheet};

/// What was done with an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RegisterAction {
    Exported,
    Printed,
    Reprinted,
    /// A double-check that did not match (who, when and which items are in the order).
    #[serde(rename = "check-failed")]
    CheckFailed,
}

impl RegisterAction {
    pub const ALL: [RegisterAction; 4] = [
        RegisterAction::Exported,
        RegisterAction::Printed,
        RegisterAction::Reprinted,
        RegisterAction::CheckFailed,
    ];

    pub fn key(self) -> &'static str {
        match self {
            RegisterAction::Exported => "exported",
            RegisterAction::Printed => "printed",
            RegisterAction::Reprinted => "reprinted",
            RegisterAction::CheckFailed => "check-failed",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.key() == key)
    }
}

/// The register as the release workflow uses it: one transaction at a time.
pub trait Ledger {
    type Error;
    /// Runs `work` in one write transaction that serialises releases across
    /// processes and workstations (SQLite `BEGIN IMMEDIATE`, a PostgreSQL
    /// advisory lock); commits when `work` returns `Ok`, else changes nothing.
    fn in_release<T, X: From<Self::Error>>(
        &mut self,
        work: impl FnOnce(&mut dyn LedgerTx<Error = Self::Error>) -> Result<T, X>,
    ) -> Result<T, X>;
}

/// What the workflow reads and writes inside its transaction.
pub trait LedgerTx {
    type Error;
    /// The register knows people: every sheet is signed by someone who proved who they are.
    fn has_people(&mut self) -> Result<bool, Self::Error>;
    /// The register follows the trial across patients: it knows people, or holds a sheet
    /// that named a cohort.
    fn follows_trial(&mut self) -> Result<bool, Self::Error>;
    /// The (subject, record number) pairs the register holds for this subject or this record number.
    fn pairings(&mut self, subject: &str, record: &str) -> Result<Vec<(String, String)>, Self::Error>;
    /// Whether this patient (subject and record number) already has a cycle-1 sheet.
    fn has_cycle1(&mut self, subject: &str, record: &str) -> Result<bool, Self::Error>;
    /// The latest cycle-1 sheet of another patient (not this subject with this record
    /// number), by Day 1, with Day 1 on or before `day1_at_most` when given.
    fn previous_sheet(
        &mut self,
        subject: &str,
        record: &str,
        day1_at_most: Option<chrono::NaiveDate>,
    ) -> Result<Option<PreviousSheet>, Self::Error>;
    /// The chain's last link: its sequence number and hash (0 and the genesis text when empty).
    fn head(&mut self) -> Result<(i64, String), Self::Error>;
    /// The register's server is reached over a plain link off this machine (sslmode=disable
    /// given explicitly): every sheet and the window say so.
    fn unencrypted_link(&self) -> bool;
    /// Every signed step of an order, oldest first.
    fn chain_of(&mut self, order_id: &str) -> Result<Vec<Event>, Self::Error>;
    /// Records a sheet that left the program.
    fn record(
        &mut self,
        order: &Order,
        report: &Report,
        action: RegisterAction,
        at: NaiveDateTime,
    ) -> Result<i64, Self::Error>;
    /// Records one signed step (the workflow has checked that it may be signed).
    fn sign(&mut self, step: &StepToSign<'_>) -> Result<i64, Self::Error>;
}

/// One step to sign.
pub struct StepToSign<'a> {
    pub order_id: &'a str,
    pub revision: u32,
    pub step: Step,
    pub person: &'a Person,
    pub ok: bool,
    pub detail: String,
    pub at: NaiveDateTime,
}

/// Where the register stands for this release.
pub enum Reach<'a, L: Ledger> {
    /// Open: the release is recorded in it.
    Open(&'a mut L),
    /// No register location is configured.
    NoLocation,
    /// Configured but it could not be opened (unreachable, locked, damaged).
    Unreachable(L::Error),
}

/// What the face hands over.
pub struct Request<'a> {
    /// The order as collected (inputs, patient, trial, acknowledgements, overrides).
    pub order: &'a Order,
    /// The person signed in who issues it, proved by their secret.
    pub issuer: Option<&'a Person>,
    /// Everyone who gave an override while collecting it, proved when they gave it.
    pub givers: &'a [Person],
    /// The stagger rule overridden from the command line: the reason, given by the issuer.
    pub stagger_reason: Option<&'a str>,
    pub now: NaiveDateTime,
}

/// Why the workflow refused: nothing was delivered, nothing recorded.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// Inputs, patient details or names invalid.
    Invalid(Vec<InputError>),
    NkOutOfRange,
    /// Criteria to treat not met or not entered, and not overridden.
    CriteriaOpen(usize),
    /// Warnings not acknowledged (by the issuer, in a register that knows people).
    Unacknowledged(usize),
    /// The register knows people: someone must sign in first.
    SignInNeeded,
    /// This person's role may not sign this step.
    WrongRole {
        name: String,
        role: Role,
        step: Step,
    },
    /// An override (a criterion's code, or `stagger`) whose giver did not prove who they are.
    OverrideUnsigned {
        code: String,
        by: String,
    },
    /// A cycle-1 order in a register that follows the trial names no subject or cohort.
    TrialRequired,
    /// The subject number is held under another record number, or the record number under another subject.
    IdentityClash {
        subject: String,
        record: String,
        held_subject: String,
        held_record: String,
    },
    /// The stagger rule: this patient would start before the earliest permitted.
    TooEarly {
        start: NaiveDateTime,
        next: Box<NextStart>,
    },
    /// The override of the stagger rule was given against another previous patient.
    StaleStaggerOverride {
        given_for: String,
        now_previous: String,
    },
    /// The stagger rule could not be checked: no register, or it cannot be reached.
    StaggerUnchecked,
    /// Signing needs the register, and there is none.
    RegisterNeeded,
}

/// What the face's `deliver` did: the actions done, the files it wrote (removed
/// again if the register cannot keep the record), and a later part that failed.
pub struct Delivered<D> {
    pub done: Vec<RegisterAction>,
    pub written: Vec<PathBuf>,
    pub failed: Option<D>,
}

/// How a release ended when it did not end well.
pub enum Failure<E, D> {
    Refused(Refusal),
    /// The register could not be used: nothing delivered, nothing recorded.
    Register(E),
    /// Nothing could be delivered: nothing recorded.
    Delivery(D),
    /// Printed, but the register could not keep the record (the files written were removed).
    NotRecorded {
        printed: bool,
        removed: Vec<PathBuf>,
        error: E,
    },
}

/// A release that went through.
pub struct Released<D> {
    /// The order as released (its revision, acknowledgements, overrides and signed steps).
    pub order: Order,
    pub report: Report,
    pub delivered: Delivered<D>,
    /// Recorded in the register (false: there is no register, or it could not be reached
    /// and this release did not need it; the face says "not recorded").
    pub recorded: bool,
    /// The revision this sheet superseded, if any.
    pub superseded: Option<u32>,
}

enum Stop<E, D> {
    Refused(Refusal),
    Register(E),
    Delivery(D),
}

impl<E, D> From<E> for Stop<E, D> {
    fn from(e: E) -> Self {
        Stop::Register(e)
    }
}

impl<E, D> From<Stop<E, D>> for Failure<E, D> {
    fn from(s: Stop<E, D>) -> Self {
        match s {
            Stop::Refused(r) => Failure::Refused(r),
            Stop::Register(e) => Failure::Register(e),
            Stop::Delivery(d) => Failure::Delivery(d),
        }
    }
}

/// The checks that need no register: the order's own.
pub fn check_order(order: &Order, today: chrono::NaiveDate) -> Result<Report, Refusal> {
    let report = order.report();
    let patient = order.patient.validate(today);
    let issuer = crate::identity::normalise(crate::error::Field::IssuedBy, &order.issued_by);
    let report = match (report, patient, issuer) {
        (Ok(r), Ok(_), Ok(_)) => r,
        (r, p, i) => {
            let mut errors = r.err().unwrap_or_default();
            errors.extend(p.err().unwrap_or_default());
            errors.extend(i.err());
            return Err(Refusal::Invalid(errors));
        }
    };
    if !report.protocol_checks_pass() {
        return Err(Refusal::NkOutOfRange);
    }
    let open = order.criteria_open(&report).len();
    if open > 0 {
        return Err(Refusal::CriteriaOpen(open));
    }
    let pending = order.unacknowledged(&report).len();
    if pending > 0 {
        return Err(Refusal::Unacknowledged(pending));
    }
    Ok(report)
}

/// Who signs: in a register that knows people, a proved person whose role may
/// issue; every acknowledgement is theirs; every override was given by a proved
/// person whose role may override.
fn check_signers(
    order: &Order,
    issuer: Option<&Person>,
    givers: &[Person],
    has_people: bool,
) -> Result<(), Refusal> {
    if !has_people {
        return Ok(());
    }
    let Some(issuer) = issuer else { return Err(Refusal::SignInNeeded) };
    if !Step::Issued.roles().contains(&issuer.role) {
        return Err(Refusal::WrongRole { name: issuer.name.clone(), role: issuer.role, step: Step::Issued });
    }
    let me = name_key(&issuer.name);
    let foreign = order.acknowledged.iter().filter(|a| name_key(&a.by) != me).count();
    if foreign > 0 {
        // Someone else's ticks (a reopened order) are not this issuer's acknowledgement.
        return Err(Refusal::Unacknowledged(foreign));
    }
    let overrides = order
        .overrides
        .iter()
        .map(|o| (o.code.as_str(), o.by.as_str()))
        .chain(order.stagger_override.iter().map(|o| ("stagger", o.by.as_str())));
    for (code, by) in overrides {
        match giver(by, issuer, givers) {
            Some(p) if Step::Override.roles().contains(&p.role) => {}
            Some(p) => {
                return Err(Refusal::WrongRole { name: p.name.clone(), role: p.role, step: Step::Override });
            }
            None => return Err(Refusal::OverrideUnsigned { code: code.to_owned(), by: by.to_owned() }),
        }
    }
    Ok(())
}

/// The proved person who gave an override in `by`'s name.
fn giver<'a>(by: &str, issuer: &'a Person, givers: &'a [Person]) -> Option<&'a Person> {
    let key = name_key(by);
    std::iter::once(issuer).chain(givers).find(|p| name_key(&p.name) == key)
}

/// Releases `request.order`: checks it, and in one transaction of the register
/// decides the trial's rules across patients, calls `deliver` with the order as
/// it will be recorded (its signed steps included), records and signs it.
pub fn release<L: Ledger, D>(
    reach: Reach<'_, L>,
    request: &Request<'_>,
    deliver: impl FnOnce(&Order) -> Delivered<D>,
) -> Result<Released<D>, Failure<L::Error, D>> {
    let today = request.now.date();
    let mut order = request.order.clone();
    if let Some(p) = request.issuer {
        order.issued_by = p.name.clone();
    }
    let report = check_order(&order, today).map_err(Failure::Refused)?;
    let cohort = Cohort::from_key(&order.trial.cohort);
    let ledger = match reach {
        Reach::Open(l) => l,
        Reach::NoLocation if request.issuer.is_some() => {
            return Err(Failure::Refused(Refusal::RegisterNeeded));
        }
        Reach::NoLocation if cohort.is_some() => return Err(Failure::Refused(Refusal::StaggerUnchecked)),
        Reach::Unreachable(e) if request.issuer.is_some() || cohort.is_some() => {
            return Err(Failure::Register(e));
        }
        // No register to keep it: the sheet still leaves, and the face says it was not recorded.
        Reach::NoLocation | Reach::Unreachable(_) => return unrecorded(order, report, deliver),
    };
    let mut delivered_outside: Option<(Vec<RegisterAction>, Vec<PathBuf>)> = None;
    let outcome = ledger.in_release(|tx| -> Result<Released<D>, Stop<L::Error, D>> {
        let has_people = tx.has_people()?;
        check_signers(&order, request.issuer, request.givers, has_people).map_err(Stop::Refused)?;
        check_trial(tx, &mut order, &report, request)?;
        let superseded = order.issue();
        let steps = steps_to_sign(&order, request, has_people);
        order.chain = chain_as_committed(tx.chain_of(&order.order_id)?, order.revision, &steps);
        // The sheet prints where it is recorded: the next record after the head as it stands
        // now (the write lock is held, so nothing comes between).
        let (seq, head) = tx.head()?;
        order.anchor =
            Some(crate::order::seal::Anchor { seq: seq + 1, head, unencrypted_link: tx.unencrypted_link() });
        let delivered = deliver(&order);
        if delivered.done.is_empty() {
            return Err(match delivered.failed {
                Some(d) => Stop::Delivery(d),
                None => Stop::Refused(Refusal::RegisterNeeded),
            });
        }
        delivered_outside = Some((delivered.done.clone(), delivered.written.clone()));
        for action in &delivered.done {
            tx.record(&order, &report, *action, request.now)?;
        }
        sign_all(tx, &order, &steps)?;
        // The anchor was the sheet's: the order kept by the face carries none.
        order.anchor = None;
        Ok(Released { order: order.clone(), report: report.clone(), delivered, recorded: true, superseded })
    });
    match outcome {
        Ok(r) => Ok(r),
        Err(Stop::Register(error)) => match delivered_outside {
            // Delivered, then the register failed: the files go, the paper cannot.
            Some((done, written)) => {
                let removed = written.into_iter().filter(|p| std::fs::remove_file(p).is_ok()).collect();
                Err(Failure::NotRecorded { printed: done.contains(&RegisterAction::Printed), removed, error })
            }
            None => Err(Failure::Register(error)),
        },
        Err(other) => Err(other.into()),
    }
}

/// The signed steps the sheet prints: what the register holds for this revision, and the
/// steps this release signs (once it commits, exactly what the register holds).
fn chain_as_committed(
    held: Vec<Event>,
    revision: u32,
    steps: &[(Step, &Person, String, NaiveDateTime)],
) -> Vec<SignedStep> {
    held.into_iter()
        .filter(|e| e.revision == revision)
        .map(|e| SignedStep {
            step: e.step.key().to_owned(),
            person: e.person,
            role: e.role,
            at: e.at,
            ok: e.ok,
        })
        .chain(steps.iter().map(|(step, p, _, at)| SignedStep {
            step: step.key().to_owned(),
            person: p.name.clone(),
            role: p.role.key().to_owned(),
            at: *at,
            ok: true,
        }))
        .collect()
}

/// Signs every step of the release, in the release's transaction.
fn sign_all<E>(
    tx: &mut dyn LedgerTx<Error = E>,
    order: &Order,
    steps: &[(Step, &Person, String, NaiveDateTime)],
) -> Result<(), E> {
    for (step, person, detail, at) in steps {
        let s = StepToSign {
            order_id: &order.order_id,
            revision: order.revision,
            step: *step,
            person,
            ok: true,
            detail: detail.clone(),
            at: *at,
        };
        tx.sign(&s)?;
    }
    Ok(())
}

/// A release with no register to keep it: delivered, and said to be not recorded.
fn unrecorded<E, D>(
    mut order: Order,
    report: Report,
    deliver: impl FnOnce(&Order) -> Delivered<D>,
) -> Result<Released<D>, Failure<E, D>> {
    let superseded = order.issue();
    order.chain.clear();
    let delivered = deliver(&order);
    if delivered.done.is_empty() {
        return Err(match delivered.failed {
            Some(d) => Failure::Delivery(d),
            None => Failure::Refused(Refusal::RegisterNeeded),
        });
    }
    Ok(Released { order, report, delivered, recorded: false, superseded })
}

/// The steps signed with the sheet: the issue, each acknowledgement (the
/// issuer's), each override by whoever gave it, at the time they gave it.
fn steps_to_sign<'a>(
    order: &Order,
    request: &'a Request<'a>,
    has_people: bool,
) -> Vec<(Step, &'a Person, String, NaiveDateTime)> {
    let Some(issuer) = request.issuer.filter(|_| has_people) else { return Vec::new() };
    let now = request.now;
    let mut steps = vec![(Step::Issued, issuer, String::new(), now)];
    steps.extend(
        order
            .acknowledged
            .iter()
            .map(|a| (Step::Acknowledged, issuer, format!("{} {}", a.code, a.detail), now)),
    );
    for o in &order.overrides {
        if let Some(p) = giver(&o.by, issuer, request.givers) {
            steps.push((Step::Override, p, OverrideDetail::criterion_detail(&o.code, &o.reason), o.at));
        }
    }
    if let Some(o) = &order.stagger_override
        && let Some(p) = giver(&o.by, issuer, request.givers)
    {
        steps.push((Step::Override, p, OverrideDetail::stagger_detail(&o.reason), o.at));
    }
    steps
}

/// The trial's rules across patients, read inside the release's transaction:
/// the subject number and record number belong together, a cycle-1 order in a
/// register that follows the trial names its subject and cohort, and a new
/// patient starts after the previous patient's window (or with a reasoned
/// override by an investigator or prescriber).
fn check_trial<E, D>(
    tx: &mut dyn LedgerTx<Error = E>,
    order: &mut Order,
    report: &Report,
    request: &Request<'_>,
) -> Result<(), Stop<E, D>> {
    let refuse = |r: Refusal| Stop::Refused(r);
    let subject = order.trial.subject.trim().to_owned();
    let record = order.patient.validate(request.now.date()).map(|p| p.identifier).unwrap_or_default();
    let cohort = Cohort::from_key(&order.trial.cohort);
    let cycle1 = report.inputs.cycle == 1;
    if cycle1 && (subject.is_empty() || cohort.is_none()) && tx.follows_trial()? {
        return Err(refuse(Refusal::TrialRequired));
    }
    if !subject.is_empty() {
        let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
        for (s, r) in tx.pairings(&subject, &record)? {
            if (same(&s, &subject) && !same(&r, &record))
                || (same(&r, &record) && !s.trim().is_empty() && !same(&s, &subject))
            {
                return Err(refuse(Refusal::IdentityClash {
                    subject: subject.clone(),
                    record: record.clone(),
                    held_subject: s,
                    held_record: r,
                }));
            }
        }
    }
    let (Some(cohort), true) = (cohort, cycle1) else {
        order.stagger_override = None;
        return Ok(());
    };
    let Some(start) = report.first_treatment() else { return Ok(()) };
    // A patient who already started is compared with the patients before them only.
    let day1_at_most = if tx.has_cycle1(&subject, &record)? { report.inputs.day1 } else { None };
    let Some(sheet) = tx.previous_sheet(&subject, &record, day1_at_most)? else {
        order.stagger_override = None;
        return Ok(());
    };
    let zone = chrono::Local;
    let next = crate::stagger::next_start(&zone, cohort, &sheet);
    if crate::stagger::start_instant(&zone, start) >= next.earliest_utc {
        // Not needed: the sheet does not print an override nobody had to give.
        order.stagger_override = None;
        return Ok(());
    }
    stagger_override(order, next, start, request).map_err(refuse)
}

/// A start before the stagger rule allows: the override given in the window (for the same
/// previous patient), or the reason typed on the command line, signed by someone who may.
fn stagger_override(
    order: &mut Order,
    next: NextStart,
    start: NaiveDateTime,
    request: &Request<'_>,
) -> Result<(), Refusal> {
    match (&order.stagger_override, request.stagger_reason) {
        (Some(o), _) if name_key(&o.previous_subject) != name_key(&next.previous.subject) => {
            Err(Refusal::StaleStaggerOverride {
                given_for: o.previous_subject.clone(),
                now_previous: next.previous.subject.clone(),
            })
        }
        (Some(o), _) => {
            order.stagger_override = Some(StaggerOverride { earliest: next.earliest, ..o.clone() });
            Ok(())
        }
        (None, Some(reason)) if !reason.trim().is_empty() => {
            let by = request.issuer.map(|p| p.name.clone()).unwrap_or_else(|| order.issued_by.clone());
            if by.trim().is_empty() {
                return Err(Refusal::OverrideUnsigned { code: "stagger".to_owned(), by });
            }
            if let Some(p) = request.issuer.filter(|p| !Step::Override.roles().contains(&p.role)) {
                return Err(Refusal::WrongRole { name: p.name.clone(), role: p.role, step: Step::Override });
            }
            order.stagger_override = Some(StaggerOverride {
                by,
                at: request.now,
                reason: reason.trim().to_owned(),
                earliest: next.earliest,
                previous_subject: next.previous.subject.clone(),
            });
            Ok(())
        }
        _ => Err(Refusal::TooEarly { start, next: Box::new(next) }),
    }
}

/// What the register says of an order before it is released, for a face to
/// show while the order is being written: whether signing is needed, the
/// refusal the trial's rules across patients would give now, and the earliest
/// start of the order's cohort. The release decides again, in its transaction.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    /// The register's server is reached over a plain link off this machine (sslmode=disable).
    pub unencrypted_link: bool,
    pub has_people: bool,
    pub follows_trial: bool,
    pub refusal: Option<Refusal>,
    pub next: Option<NextStart>,
}

/// Reads [`Preview`] for `order` (whose report is `report`) inside the ledger's transaction.
pub fn preview<E>(
    tx: &mut dyn LedgerTx<Error = E>,
    order: &Order,
    report: Option<&Report>,
    now: NaiveDateTime,
) -> Result<Preview, E> {
    let has_people = tx.has_people()?;
    let follows_trial = tx.follows_trial()?;
    // An order whose doses cannot be calculated yet: only who must sign.
    let Some(report) = report else {
        return Ok(Preview {
            unencrypted_link: tx.unencrypted_link(),
            has_people,
            follows_trial,
            refusal: None,
            next: None,
        });
    };
    let mut order = order.clone();
    let request = Request { order: &order.clone(), issuer: None, givers: &[], stagger_reason: None, now };
    let refusal = match check_trial::<E, ()>(tx, &mut order, report, &request) {
        Ok(()) => None,
        Err(Stop::Refused(r)) => Some(r),
        Err(Stop::Register(e)) => return Err(e),
        Err(Stop::Delivery(())) => None,
    };
    let subject = order.trial.subject.trim().to_owned();
    let record = order.patient.validate(now.date()).map(|p| p.identifier).unwrap_or_default();
    let next = match Cohort::from_key(&order.trial.cohort) {
        Some(cohort) => tx
            .previous_sheet(&subject, &record, None)?
            .map(|sheet| crate::stagger::next_start(&chrono::Local, cohort, &sheet)),
        None => None,
    };
    Ok(Preview { unencrypted_link: tx.unencrypted_link(), has_people, follows_trial, refusal, next })
}
