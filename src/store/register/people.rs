//! People and their signed steps: who is enrolled, proving who one is, and the steps of an order's chain.

#[allow(unused_imports)]
use super::*;

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
        let rows = self
            .conn
            .query(
                "SELECT p.name, p.role, p.action, p.secret_hash FROM person_events p
                 WHERE p.id = (SELECT max(q.id) FROM person_events q WHERE q.name_key = p.name_key)
                 ORDER BY p.name_key",
                &[],
            )
            .map_err(self.db_err())?;
        Ok(rows
            .iter()
            .filter_map(|r| {
                let role = Role::from_key(&r[1].text()?)?;
                let person = Person { name: r[0].text()?, role, active: r[2].text()? != "disabled" };
                Some((person, r[3].text()?))
            })
            .collect())
    }

    pub(super) fn person_event(
        &mut self,
        name: &str,
        role: Role,
        action: &str,
        secret_hash: &str,
        by: &str,
        at: NaiveDateTime,
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
        self.conn
            .write(|tx| Self::append(tx, "person_events", PERSON_COLUMNS, values))
            .map_err(self.db_err())?;
        Ok(())
    }

    /// Creates the first person, an administrator. Runs once.
    pub fn init(
        &mut self,
        admin: &str,
        secret: &str,
        at: NaiveDateTime,
    ) -> Result<Result<(), PersonProblem>, RegisterError> {
        if self.has_people()? {
            return Ok(Err(PersonProblem::AlreadyInitialised));
        }
        if secret.chars().count() < MIN_SECRET_CHARS {
            return Ok(Err(PersonProblem::WeakSecret));
        }
        let hash = hash_secret(secret).map_err(|e| RegisterError::Other(self.path.clone(), e))?;
        self.person_event(admin, Role::Administrator, "added", &hash, admin.trim(), at)?;
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
        let Some((person, hash)) = found else { return Ok(Err(PersonProblem::Unknown)) };
        if secret_matches(secret, &hash) {
            Ok(Ok(person))
        } else {
            let failed = crate::order::release::StepToSign {
                order_id: "",
                revision: 0,
                step: Step::FailedLogin,
                person: &person,
                ok: false,
                detail: "wrong secret".to_owned(),
                at,
            };
            self.sign_event(&failed)?;
            Ok(Err(PersonProblem::WrongSecret))
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
        let existing =
            self.people_with_secrets()?.into_iter().find(|(p, _)| name_key(&p.name) == name_key(name));
        match (change, existing) {
            (PersonChange::Add(_, _), Some(_)) => Ok(Err(PersonProblem::Exists)),
            (PersonChange::Add(role, secret), None) => {
                if secret.chars().count() < MIN_SECRET_CHARS {
                    return Ok(Err(PersonProblem::WeakSecret));
                }
                let hash = hash_secret(secret).map_err(|e| RegisterError::Other(self.path.clone(), e))?;
                self.person_event(name, role, "added", &hash, &admin.name, at).map(Ok)
            }
            (_, None) => Ok(Err(PersonProblem::Unknown)),
            (PersonChange::Disable, Some((p, hash))) => {
                self.person_event(&p.name, p.role, "disabled", &hash, &admin.name, at).map(Ok)
            }
            (PersonChange::Reset(secret), Some((p, _))) => {
                if secret.chars().count() < MIN_SECRET_CHARS {
                    return Ok(Err(PersonProblem::WeakSecret));
                }
                let hash = hash_secret(secret).map_err(|e| RegisterError::Other(self.path.clone(), e))?;
                self.person_event(&p.name, p.role, "reset", &hash, &admin.name, at).map(Ok)
            }
        }
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

    /// Failed logins recorded for a person (for the administrator, and the tests).
    pub fn failed_logins(&mut self, name: &str) -> Result<usize, RegisterError> {
        let rows = self
            .conn
            .query("SELECT person FROM events WHERE step = 'failed-login'", &[])
            .map_err(self.db_err())?;
        Ok(rows.iter().filter(|r| r[0].text().is_some_and(|p| name_key(&p) == name_key(name))).count())
    }
}
