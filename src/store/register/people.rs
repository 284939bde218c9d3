//! People and their signed steps: who is enrolled, proving who one is, and the steps of an order's chain.

#[allow(unused_imports)]
use super::*;

/// A hash no secret matches, verified for an unknown name so that it takes as long as a
/// known one (a valid Argon2id PHC string of a random secret, thrown away).
const DUMMY_SECRET_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$2p5eCv5Jl/6n5Qy0X0ZqgmE3uQyTuqJ9cRj3L8xN1uA";

impl Register {
    /// True when the register knows people (after `register init`).
    pub fn has_people(&mut self) -> Result<bool, RegisterError> {
        let rows = self.conn.query("SELECT count(*) FROM person_events", &[]).map_err(self.db_err())?;
        Ok(rows.first().and_then(|r| r[0].int()).unwrap_or(0) > 0)
    }

    /// Everyone, as they stand now (the last change of each).
    pub fn people(&mut self) -> Result<Vec<Person>, RegisterError> {
        Ok(self.people_with_secrets()?.into_iter().map(|(p, _)| p).collect())
    }

    pub(super) fn people_with_secrets(&mut self) -> Result<Vec<(Person, String)>, RegisterError> {
        // A person once disabled stays disabled: a later reset or unlock never re-enables.
        let rows = self
            .conn
            .query(
                "SELECT p.name, p.role, p.action, p.secret_hash,
                    EXISTS (SELECT 1 FROM person_events d WHERE d.name_key = p.name_key AND d.action = 'disabled')
                 FROM person_events p
                 WHERE p.id = (SELECT max(q.id) FROM person_events q WHERE q.name_key = p.name_key)
                 ORDER BY p.name_key",
                &[],
            )
            .map_err(self.db_err())?;
        Ok(rows
            .iter()
            .filter_map(|r| {
                let role = Role::from_key(&r[1].text()?)?;
                let person = Person { name: r[0].text()?, role, active: r[4].int()? == 0 };
                Some((person, r[3].text()?))
            })
            .collect())
    }

    /// Records a change to a person, signed by the administrator `by` (who signed in here),
    /// with the person's new signing key (sealed) when the change gives one: one transaction.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn person_event(
        &mut self,
        name: &str,
        role: Role,
        action: &str,
        secret_hash: &str,
        by: &str,
        at: NaiveDateTime,
        new_key: Option<(&ed25519_dalek::SigningKey, String)>,
    ) -> Result<(), RegisterError> {
        let values: Vec<Value> = vec![
            name.trim().into(),
            name_key(name).into(),
            role.key().into(),
            action.into(),
            secret_hash.into(),
            by.into(),
            iso(at).into(),
        ];
        let path = self.path.clone();
        self.conn
            .write(|tx| -> Result<(), DbError> {
                let signer = Self::key_for(tx, &path, by)?;
                Self::append(tx, "person_events", PERSON_COLUMNS, values, signer.as_ref())?;
                if let Some((key, sealed)) = new_key {
                    let row: Vec<Value> = vec![
                        name_key(name).into(),
                        keys::public_hex(key).into(),
                        sealed.into(),
                        by.trim().into(),
                        iso(at).into(),
                    ];
                    Self::append(tx, "keys", KEY_COLUMNS, row, signer.as_ref())?;
                }
                Ok(())
            })
            .map_err(self.db_err())?;
        Ok(())
    }

    /// A new signing key for a person, sealed under their secret.
    fn new_sealed_key(&self, secret: &str) -> Result<(ed25519_dalek::SigningKey, String), RegisterError> {
        let key = keys::new_key();
        let sealed = keys::seal(&key, secret).map_err(|e| RegisterError::Other(self.path.clone(), e))?;
        Ok((key, sealed))
    }

    /// The fingerprint of a person's current signing key, if they have one.
    pub fn key_fingerprint(&mut self, name: &str) -> Result<Option<String>, RegisterError> {
        Ok(self.current_key(name)?.map(|(public, _)| keys::fingerprint_of_public(&public)))
    }

    /// A person's current key: (public half, sealed private half).
    fn current_key(&mut self, name: &str) -> Result<Option<(String, String)>, RegisterError> {
        let rows = self
            .conn
            .query(
                "SELECT public_key, sealed_key FROM keys WHERE name_key = $1 ORDER BY id DESC LIMIT 1",
                &[name_key(name).into()],
            )
            .map_err(self.db_err())?;
        Ok(rows.first().and_then(|r| Some((r[0].text()?, r[1].text()?))))
    }

    /// Creates the first person, an administrator. Runs once.
    pub fn init(
        &mut self,
        admin: &str,
        secret: &str,
        at: NaiveDateTime,
    ) -> Result<Result<(), PersonProblem>, RegisterError> {
        if let Some(problem) = crate::domain::people::secret_problem_for(secret, &[admin]) {
            return Ok(Err(problem));
        }
        let hash = hash_secret(secret).map_err(|e| RegisterError::Other(self.path.clone(), e))?;
        // The first administrator's key is the root of the register's signatures: it enrols
        // itself (its fingerprint is printed for the site to keep), then signs its own record.
        let (key, sealed) = self.new_sealed_key(secret)?;
        let key_row: Vec<Value> = vec![
            name_key(admin).into(),
            keys::public_hex(&key).into(),
            sealed.into(),
            admin.trim().into(),
            iso(at).into(),
        ];
        let values: Vec<Value> = vec![
            admin.trim().into(),
            name_key(admin).into(),
            Role::Administrator.key().into(),
            "added".into(),
            hash.into(),
            admin.trim().into(),
            iso(at).into(),
        ];
        // Once per register, whatever the concurrency: the check and the first person in one
        // transaction that holds the register's write lock (six `init` at once made six).
        let first = self
            .conn
            .write(|tx| -> Result<bool, DbError> {
                if tx.engine() == Engine::Postgres {
                    tx.query(
                        &format!("SELECT pg_advisory_xact_lock({})", crate::store::db::PG_WRITE_LOCK),
                        &[],
                    )?;
                }
                let people = tx.query("SELECT count(*) FROM person_events", &[])?;
                if people.first().and_then(|r| r[0].int()).unwrap_or(0) > 0 {
                    return Ok(false);
                }
                let me = keys::Signer { key: key.clone(), name: admin.trim().to_owned() };
                Self::append(tx, "keys", KEY_COLUMNS, key_row, Some(&me))?;
                Self::append(tx, "person_events", PERSON_COLUMNS, values, Some(&me))?;
                Ok(true)
            })
            .map_err(self.db_err())?;
        if !first {
            return Ok(Err(PersonProblem::AlreadyInitialised));
        }
        // The administrator proved the secret by choosing it: signed in here.
        keys::remember(&self.path, admin, key);
        Ok(Ok(()))
    }

    /// Checks who is acting, with their secret; a wrong secret is recorded (never the secret).
    pub fn authenticate(
        &mut self,
        name: &str,
        secret: &str,
        at: NaiveDateTime,
    ) -> Result<Result<Person, PersonProblem>, RegisterError> {
        let key = name_key(name);
        let found =
            self.people_with_secrets()?.into_iter().find(|(p, _)| name_key(&p.name) == key && p.active);
        let canonical = found.as_ref().map(|(p, _)| p.name.clone());
        // Locked after too many wrong secrets in a row, known name or not (the lock says
        // nothing about who exists), until an administrator unlocks or resets it.
        if self.failed_in_a_row(&key, canonical.as_deref())? >= crate::domain::people::MAX_FAILED_SIGN_INS {
            self.failed_sign_in(name, found.as_ref().map(|(p, _)| p.role), "locked", at)?;
            return Ok(Err(PersonProblem::LockedOut));
        }
        // An unknown or disabled name costs the same time as a wrong secret, and is said the same way.
        let hash = found.as_ref().map(|(_, h)| h.as_str()).unwrap_or(DUMMY_SECRET_HASH);
        let matches = secret_matches(secret, hash);
        match found {
            Some((person, _)) if matches => {
                self.open_key(&person, secret, at)?;
                Ok(Ok(person))
            }
            found => {
                self.failed_sign_in(name, found.map(|(p, _)| p.role), "wrong secret", at)?;
                Ok(Err(PersonProblem::WrongSecret))
            }
        }
    }

    /// An administrator adds, disables or resets a person.
    pub fn manage_person(
        &mut self,
        admin: &Person,
        name: &str,
        change: PersonChange<'_>,
        at: NaiveDateTime,
    ) -> Result<Result<(), PersonProblem>, RegisterError> {
        if admin.role != Role::Administrator {
            return Ok(Err(PersonProblem::WrongRole(admin.role)));
        }
        let everyone = self.people_with_secrets()?;
        // Two people may not have names that look the same (UTS #39 skeletons), enabled or not.
        let look = crate::domain::people::name_skeleton(name);
        let look_alike = everyone
            .iter()
            .find(|(p, _)| crate::domain::people::name_skeleton(&p.name) == look)
            .map(|(p, _)| p.name.clone());
        let existing = everyone.into_iter().find(|(p, _)| name_key(&p.name) == name_key(name));
        match (change, existing) {
            (PersonChange::Add(_, _), Some(_)) => Ok(Err(PersonProblem::Exists)),
            (PersonChange::Add(_, _), None) if look_alike.is_some() => {
                Ok(Err(PersonProblem::LooksLike(look_alike.unwrap_or_default())))
            }
            (PersonChange::Add(role, secret), None) => {
                if let Some(problem) = crate::domain::people::secret_problem_for(secret, &[name]) {
                    return Ok(Err(problem));
                }
                let hash = hash_secret(secret).map_err(|e| RegisterError::Other(self.path.clone(), e))?;
                let (key, sealed) = self.new_sealed_key(secret)?;
                self.person_event(name, role, "added", &hash, &admin.name, at, Some((&key, sealed))).map(Ok)
            }
            (_, None) => Ok(Err(PersonProblem::Unknown)),
            (PersonChange::Disable, Some((p, hash))) => {
                let admins =
                    self.people()?.iter().filter(|q| q.active && q.role == Role::Administrator).count();
                if p.active && p.role == Role::Administrator && admins <= 1 {
                    return Ok(Err(PersonProblem::LastAdministrator));
                }
                self.person_event(&p.name, p.role, "disabled", &hash, &admin.name, at, None).map(Ok)
            }
            (PersonChange::Unlock, Some((p, hash))) => {
                self.person_event(&p.name, p.role, "unlocked", &hash, &admin.name, at, None).map(Ok)
            }
            (PersonChange::Reset(secret), Some((p, _))) => {
                if let Some(problem) = crate::domain::people::secret_problem_for(secret, &[&p.name]) {
                    return Ok(Err(problem));
                }
                let hash = hash_secret(secret).map_err(|e| RegisterError::Other(self.path.clone(), e))?;
                let (key, sealed) = self.new_sealed_key(secret)?;
                self.person_event(&p.name, p.role, "reset", &hash, &admin.name, at, Some((&key, sealed)))
                    .map(Ok)
            }
        }
    }

    /// Wrong secrets for `key` since the last time it was added, reset or unlocked, or used
    /// to sign a step (`canonical`: the person's name as the register holds it).
    fn failed_in_a_row(&mut self, key: &str, canonical: Option<&str>) -> Result<usize, RegisterError> {
        let admin = self
            .conn
            .query(
                "SELECT max(id) FROM person_events WHERE name_key = $1 AND action IN ('added', 'reset', 'unlocked')",
                &[key.into()],
            )
            .map_err(self.db_err())?;
        let mut since = admin.first().and_then(|r| r[0].int()).unwrap_or(0);
        if let Some(name) = canonical {
            let used = self
                .conn
                .query(
                    "SELECT max(id) FROM events WHERE person = $1 AND ok = 1 AND step <> 'failed-login'",
                    &[name.into()],
                )
                .map_err(self.db_err())?;
            since = since.max(used.first().and_then(|r| r[0].int()).unwrap_or(0));
        }
        let failed = self
            .conn
            .query(
                "SELECT person FROM events WHERE order_id = '' AND step = 'failed-login' AND id > $1",
                &[Value::from(since)],
            )
            .map_err(self.db_err())?;
        Ok(failed.iter().filter(|r| r[0].text().is_some_and(|p| name_key(&p) == key)).count())
    }

    /// Records a failed sign-in: the name as typed, the role when the name is a person's,
    /// why, this workstation, and the time in UTC. Never the secret.
    fn failed_sign_in(
        &mut self,
        typed: &str,
        role: Option<Role>,
        why: &str,
        at: NaiveDateTime,
    ) -> Result<i64, RegisterError> {
        let host = std::fs::read_to_string("/etc/hostname")
            .ok()
            .or_else(|| std::env::var("COMPUTERNAME").ok())
            .map(|h| h.trim().chars().filter(|c| c.is_ascii_graphic()).take(64).collect::<String>())
            .unwrap_or_default();
        let name: String = typed.trim().chars().filter(|c| !c.is_control()).take(100).collect();
        let (step, order) = self.attempt.clone();
        let detail =
            serde_json::json!({ "why": why, "workstation": host, "step": step, "order": order }).to_string();
        let values: Vec<Value> = vec![
            "".into(),
            Value::from(0i64),
            Step::FailedLogin.key().into(),
            name.into(),
            role.map(Role::key).unwrap_or("").into(),
            Value::from(0i64),
            detail.into(),
            iso(at).into(),
        ];
        // Unsigned: nobody proved who typed it (verify accepts failed sign-ins without a signature).
        self.conn.write(|tx| Self::append(tx, "events", EVENT_COLUMNS, values, None)).map_err(self.db_err())
    }

    /// Opens a signed-in person's key into this process's keyring. A person enrolled before
    /// signatures began (a register from before version 5) has none: their first sign-in
    /// enrols one, signed by itself (`verify` accepts that only for such a person, once).
    fn open_key(&mut self, person: &Person, secret: &str, at: NaiveDateTime) -> Result<(), RegisterError> {
        if let Some((_, sealed)) = self.current_key(&person.name)? {
            let key = keys::unseal(&sealed, secret).ok_or_else(|| {
                RegisterError::Corrupt(
                    self.path.clone(),
                    format!("the signing key of {} does not open with their secret", person.name),
                )
            })?;
            keys::remember(&self.path, &person.name, key);
            return Ok(());
        }
        let (key, sealed) = self.new_sealed_key(secret)?;
        let row: Vec<Value> = vec![
            name_key(&person.name).into(),
            keys::public_hex(&key).into(),
            sealed.into(),
            person.name.clone().into(),
            iso(at).into(),
        ];
        self.conn
            .write(|tx| {
                let me = keys::Signer { key: key.clone(), name: person.name.clone() };
                Self::append(tx, "keys", KEY_COLUMNS, row, Some(&me))
            })
            .map_err(self.db_err())?;
        keys::remember(&self.path, &person.name, key);
        Ok(())
    }

    /// Records one signed step, chained, as the release workflow records its own.
    fn sign_event(&mut self, s: &crate::order::release::StepToSign<'_>) -> Result<i64, RegisterError> {
        use crate::order::release::Ledger;
        self.in_release(|tx| tx.sign(s))
    }

    /// Records a signed step of an order, after the checks that make it a
    /// signature: the role may sign the step, and nobody signs two checks of
    /// one order or checks an order they issued. A failed check (`ok` false)
    /// is recorded the same way.
    #[allow(clippy::too_many_arguments)]
    pub fn sign(
        &mut self,
        order_id: &str,
        revision: u32,
        step: Step,
        person: &Person,
        ok: bool,
        detail: &str,
        at: NaiveDateTime,
    ) -> Result<Result<i64, PersonProblem>, RegisterError> {
        let chain = if step.is_check() { self.chain_of(order_id)? } else { Vec::new() };
        if let Err(problem) = crate::domain::people::may_sign(step, person, &chain) {
            return Ok(Err(problem));
        }
        let s = crate::order::release::StepToSign {
            order_id,
            revision,
            step,
            person,
            ok,
            detail: detail.to_owned(),
            at,
        };
        self.sign_event(&s).map(Ok)
    }

    /// Every signed step of an order, oldest first.
    pub fn chain_of(&mut self, order_id: &str) -> Result<Vec<Event>, RegisterError> {
        let rows = self
            .conn
            .query(
                &format!("SELECT {EVENT_COLUMNS} FROM events WHERE order_id = $1 ORDER BY id"),
                &[order_id.into()],
            )
            .map_err(self.db_err())?;
        Ok(rows.iter().filter_map(event_of).collect())
    }

    /// Fills the order's signed steps (of its revision) from the register, for the sheet to print.
    pub fn attach_chain(&mut self, order: &mut Order) {
        if let Ok(chain) = self.chain_of(&order.order_id) {
            order.chain = chain
                .into_iter()
                .filter(|e| e.revision == order.revision)
                .map(|e| crate::order::SignedStep {
                    step: e.step.key().to_owned(),
                    person: e.person,
                    role: e.role,
                    at: e.at,
                    ok: e.ok,
                })
                .collect();
        }
    }

    /// Says what the next sign-ins are for (a step and an order), recorded with a failed one.
    pub fn attempting(&mut self, step: &str, order_id: &str) {
        let bounded = |t: &str| t.chars().filter(|c| !c.is_control()).take(100).collect::<String>();
        self.attempt = (bounded(step), bounded(order_id));
    }

    /// Enrolments, role changes, disables, resets, unlocks and failed sign-ins, oldest first
    /// (the access review of ICH E6(R3) 4.2.2 and 4.3.8).
    pub fn people_log(&mut self) -> Result<Vec<PeopleLogLine>, RegisterError> {
        let rows = self
            .conn
            .query(
                "SELECT id, at, action, name, role, by_person, '' FROM person_events
                 UNION ALL SELECT id, at, 'key-enrolled', name_key, '', by_person, public_key FROM keys
                 UNION ALL SELECT id, at, 'failed-sign-in', person, role, '', detail FROM events WHERE step = 'failed-login'
                 ORDER BY 1",
                &[],
            )
            .map_err(self.db_err())?;
        Ok(rows
            .iter()
            .filter_map(|r| {
                let kind = r[2].text()?;
                let detail = r[6].text().unwrap_or_default();
                Some(PeopleLogLine {
                    id: r[0].int()?,
                    at: parse_iso(&r[1].text()?).ok()?,
                    detail: if kind == "key-enrolled" {
                        keys::fingerprint_of_public(&detail)
                    } else {
                        detail
                    },
                    kind,
                    name: r[3].text()?,
                    role: r[4].text().unwrap_or_default(),
                    by: r[5].text().unwrap_or_default(),
                })
            })
            .collect())
    }

    /// Failed logins recorded for a person (for the administrator, and the tests).
    pub fn failed_logins(&mut self, name: &str) -> Result<usize, RegisterError> {
        let rows = self
            .conn
            .query("SELECT person FROM events WHERE step = 'failed-login'", &[])
            .map_err(self.db_err())?;
        Ok(rows.iter().filter(|r| r[0].text().is_some_and(|p| name_key(&p) == name_key(name))).count())
    }
}
