//! People, their roles and the rules of signing an order's steps: who may
//! sign which step, and nobody checks an order they issued or checks it twice.
//! Pure values and functions; the register stores them and asks here.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// A person's role in the register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Administrator,
    Investigator,
    Prescriber,
    Pharmacist,
    Technician,
    Nurse,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Administrator,
        Role::Investigator,
        Role::Prescriber,
        Role::Pharmacist,
        Role::Technician,
        Role::Nurse,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Role::Administrator => "administrator",
            Role::Investigator => "investigator",
            Role::Prescriber => "prescriber",
            Role::Pharmacist => "pharmacist",
            Role::Technician => "technician",
            Role::Nurse => "nurse",
        }
    }

    pub fn from_key(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.key() == key.trim().to_ascii_lowercase())
    }
}

/// A person who may act, as the register knows them now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub role: Role,
    pub active: bool,
}

/// One step of an order's chain, signed by a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Step {
    Issued,
    Validated,
    Prepared,
    DoubleChecked,
    Administered,
    /// A warning acknowledged.
    Acknowledged,
    /// A criterion to treat or the stagger rule overridden.
    Override,
    /// A secret that did not match (recorded, never the secret).
    FailedLogin,
    /// Bag labels printed, with each bag's preparation time and beyond-use (issue 21).
    Labelled,
    /// The NK cell product received: its IDs matched against the order's, its condition,
    /// its release or thaw time and "infuse by" (issue 21).
    Received,
    /// An operational qualification (`selftest`) run on a workstation, its results signed
    /// by the pharmacist who ran it (issue 22).
    Qualified,
}

impl Step {
    pub const ALL: [Step; 11] = [
        Step::Issued,
        Step::Validated,
        Step::Prepared,
        Step::DoubleChecked,
        Step::Administered,
        Step::Acknowledged,
        Step::Override,
        Step::FailedLogin,
        Step::Labelled,
        Step::Received,
        Step::Qualified,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Step::Issued => "issued",
            Step::Validated => "validated",
            Step::Prepared => "prepared",
            Step::DoubleChecked => "double-checked",
            Step::Administered => "administered",
            Step::Acknowledged => "acknowledged",
            Step::Override => "override",
            Step::FailedLogin => "failed-login",
            Step::Labelled => "labelled",
            Step::Received => "received",
            Step::Qualified => "qualified",
        }
    }

    pub fn from_key(key: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.key() == key.trim())
    }

    /// The roles that may sign this step.
    pub fn roles(self) -> &'static [Role] {
        match self {
            Step::Issued => &[Role::Prescriber, Role::Pharmacist],
            Step::Validated => &[Role::Pharmacist],
            Step::Prepared => &[Role::Technician, Role::Pharmacist],
            Step::DoubleChecked => &[Role::Pharmacist, Role::Nurse],
            Step::Administered => &[Role::Nurse],
            Step::Acknowledged => &[Role::Prescriber, Role::Pharmacist, Role::Nurse],
            Step::Override => &[Role::Prescriber, Role::Investigator],
            Step::FailedLogin => &Role::ALL,
            Step::Labelled => &[Role::Technician, Role::Pharmacist],
            Step::Received => &[Role::Pharmacist, Role::Technician, Role::Nurse],
            Step::Qualified => &[Role::Pharmacist],
        }
    }

    /// The checking steps: one person signs at most one of them per order, and never checks their own.
    pub fn is_check(self) -> bool {
        matches!(self, Step::Validated | Step::Prepared | Step::DoubleChecked)
    }
}

/// One signed step as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub id: i64,
    pub order_id: String,
    pub revision: u32,
    pub step: Step,
    pub person: String,
    pub role: String,
    pub ok: bool,
    pub detail: String,
    pub at: NaiveDateTime,
}

/// A person's name as the register compares it: NFC, case and spacing folded.
pub fn name_key(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    name.nfc().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// The shortest secret accepted (a PIN of six digits, or a password).
pub const MIN_SECRET_CHARS: usize = 8;

/// Why a person could not act.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PersonProblem {
    /// No active person of that name.
    Unknown,
    /// The secret did not match (the attempt is recorded).
    WrongSecret,
    /// The person's role may not sign this step.
    WrongRole(Role),
    /// The same person already signed another check of this order, or issued it.
    SamePerson,
    /// Already a person of that name.
    Exists,
    /// The register already has people: `init` runs once.
    AlreadyInitialised,
    /// The register has no people yet: run `register init`.
    NoPeople,
    /// The secret is shorter than [`MIN_SECRET_CHARS`], or nothing but spaces.
    WeakSecret,
    /// Locked after [`MAX_FAILED_SIGN_INS`] wrong secrets, until an administrator unlocks.
    LockedOut,
    /// The last active administrator may not be disabled.
    LastAdministrator,
    /// The name looks the same as a person's already in the register (that person's name).
    LooksLike(String),
}

/// The detail an override's signed step records.
pub struct OverrideDetail;

impl OverrideDetail {
    pub fn criterion_detail(code: &str, reason: &str) -> String {
        format!("criterion {code}: {reason}")
    }

    pub fn stagger_detail(reason: &str) -> String {
        format!("stagger: {reason}")
    }

    /// A bedside refusal overridden (its keys, comma-separated) with the prescriber's reason.
    pub fn bedside_detail(kinds: &str, reason: &str) -> String {
        format!("bedside {kinds}: {reason}")
    }

    /// What an override's detail overrode, as counted in the overrides report:
    /// `criterion:CODE`, `stagger`, `bedside:KIND` (one per kind).
    pub fn kinds_of(detail: &str) -> Vec<String> {
        let head = detail.split_once(':').map_or(detail, |(h, _)| h).trim();
        if let Some(code) = head.strip_prefix("criterion ") {
            return vec![format!("criterion:{}", code.trim())];
        }
        if let Some(kinds) = head.strip_prefix("bedside ") {
            return kinds.split(',').map(|k| format!("bedside:{}", k.trim())).collect();
        }
        if head == "stagger" {
            return vec!["stagger".to_owned()];
        }
        vec![head.to_owned()]
    }
}

/// An administration as its signed step records it: `DRUG day N at INSTANT`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Administration {
    pub drug: String,
    pub day: i32,
    pub at: chrono::DateTime<chrono::Utc>,
}

impl Administration {
    /// The step's detail, with the instant in UTC.
    pub fn detail(&self) -> String {
        format!("{} day {} at {}", self.drug, self.day, self.at.format("%Y-%m-%dT%H:%M:%SZ"))
    }

    /// Reads a detail written by [`Administration::detail`] (or, before instants
    /// were stored in UTC, with a local time: read in this workstation's zone,
    /// the later instant when it was lived twice). The day is read whole: day 6
    /// is not day 60.
    pub fn parse(detail: &str) -> Option<Administration> {
        // The first line; a bedside check adds its facts on the next (issue 21).
        let detail = detail.lines().next()?;
        let (head, at) = detail.rsplit_once(" at ")?;
        let (drug, day) = head.rsplit_once(" day ")?;
        let day = day.trim().parse().ok()?;
        Some(Administration {
            drug: drug.trim().to_owned(),
            day,
            at: crate::domain::calendar::parse_instant(at.trim()).ok()?,
        })
    }
}

/// Whether `person` may sign `step` of an order whose signed steps so far are
/// `chain` (every revision): the role may sign the step, and nobody signs two
/// checks of one order or checks an order they issued.
pub fn may_sign(step: Step, person: &Person, chain: &[Event]) -> Result<(), PersonProblem> {
    if !step.roles().contains(&person.role) {
        return Err(PersonProblem::WrongRole(person.role));
    }
    if step.is_check() {
        // By how the names look, not only how they are spelt: a look-alike name is the same person.
        let me = name_skeleton(&person.name);
        let clash = chain.iter().any(|e| {
            e.ok && name_skeleton(&e.person) == me
                && (e.step == Step::Issued || (e.step.is_check() && e.step != step))
        });
        if clash {
            return Err(PersonProblem::SamePerson);
        }
    }
    Ok(())
}

/// Wrong secrets in a row after which a name is locked until an administrator unlocks it.
pub const MAX_FAILED_SIGN_INS: usize = 5;

/// The least strength a new secret must have, as zxcvbn scores it (0 to 4; 3 is "safely
/// unguessable: moderate protection from an offline slow-hash scenario", which is what the
/// register's Argon2id hashes and sealed keys face if a copy of the database leaves).
pub const MIN_SECRET_SCORE: u8 = 3;

/// Why a new secret is not accepted: too short, nothing but whitespace, or too easy to guess
/// (a strength estimator's score under [`MIN_SECRET_SCORE`], with the person's own name and
/// the program's words counted as known to a guesser).
pub fn secret_problem(secret: &str) -> Option<PersonProblem> {
    secret_problem_for(secret, &[])
}

/// [`secret_problem`] for a secret of `name`.
pub fn secret_problem_for(secret: &str, name: &[&str]) -> Option<PersonProblem> {
    if secret.trim().is_empty() || secret.chars().count() < MIN_SECRET_CHARS {
        return Some(PersonProblem::WeakSecret);
    }
    // The guesser's dictionary matches lower case: the name's parts are given that way.
    let parts: Vec<String> = name.iter().flat_map(|n| n.split_whitespace()).map(str::to_lowercase).collect();
    let mut known: Vec<&str> =
        vec!["nkact", "dose", "nkact-dose", "farmacia", "pharmacy", "hospital", "register"];
    known.extend(parts.iter().map(String::as_str));
    // The estimator's cost grows with the length; nothing longer is needed to judge it.
    let judged: String = secret.chars().take(100).collect();
    let score = u8::from(zxcvbn::zxcvbn(&judged, &known).score());
    (score < MIN_SECRET_SCORE).then_some(PersonProblem::WeakSecret)
}

/// A name as it looks: NFKC, case folded, accents and other marks dropped, then the Unicode
/// confusable skeleton (UTS #39) and spacing folded. "Аna Ruiz" (Cyrillic А), "Ána Ruiz" and
/// "Ａna Ruiz" all look like "Ana Ruiz": two people may not have names that look the same, and
/// nobody checks an order by a name that looks like its issuer's.
pub fn name_skeleton(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    let folded: String = name.nfkc().collect::<String>().to_lowercase();
    let bare: String = folded.nfd().filter(|c| !is_combining_mark(*c)).collect();
    let skeleton: String = unicode_security::confusable_detection::skeleton(&bare).collect();
    skeleton.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
}
