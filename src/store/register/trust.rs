//! Who may have made each record: the signatures `verify` checks, link by link, against the
//! keys the chain itself enrolled (an administrator's signed record, or the first
//! administrator's own key at `register init`, the root whose fingerprint the site keeps).
//!
//! Rules, in the chain's order:
//! - Before the first signed link (a register from before version 5, or one without people),
//!   records carry no signature; they are counted as such.
//! - After it, every record is signed: an entry by the person who recorded it (a sheet issued
//!   by its issuer; a reprint or failed check by whoever made it, named in the link), a step by its
//!   signer, a change to a person by an active administrator, a key by an active
//!   administrator, or by itself for the first administrator (`init`) and for a person
//!   enrolled before signatures began, once. Failed sign-ins are recorded by nobody and carry
//!   no signature.
//! - A disabled person's key signs nothing after the disabling; a reset replaces the key.

use std::collections::HashMap;

use ed25519_dalek::VerifyingKey;

#[allow(unused_imports)]
use super::*;

#[derive(Debug, Clone, Default)]
struct Known {
    role: Option<Role>,
    active: bool,
    /// Enrolled before signatures began.
    legacy: bool,
    key: Option<VerifyingKey>,
}

/// The state of the people and keys, as the chain has told it so far.
#[derive(Debug, Default)]
pub(super) struct Trust {
    started: bool,
    people: HashMap<String, Known>,
    /// The fingerprint of the first administrator's key (`register init`).
    pub(super) root: Option<String>,
    /// Records from before signatures began.
    pub(super) unsigned: u64,
}

fn text(row: &Row, i: usize) -> String {
    row.get(i).and_then(Value::text).unwrap_or_default()
}

impl Trust {
    /// Whether the record of link `seq` carries the signature it needs; updates what is known.
    pub(super) fn check(
        &mut self,
        seq: i64,
        tbl: &str,
        hash: &str,
        signature: &str,
        signer: &str,
        row: &Row,
    ) -> bool {
        if tbl == "events" && text(row, 3) == Step::FailedLogin.key() {
            return true;
        }
        if signature.is_empty() {
            if self.started {
                return false;
            }
            self.unsigned += 1;
            if tbl == "person_events" {
                self.apply_person(row, true);
            }
            return true;
        }
        let signed_by = |key: Option<&VerifyingKey>| {
            key.is_some_and(|k| keys::signature_ok(k, seq, tbl, hash, signature))
        };
        let active_key = |people: &HashMap<String, Known>, name: &str| {
            people.get(&name_key(name)).filter(|k| k.active).and_then(|k| k.key)
        };
        let ok = match tbl {
            // A sheet issued is recorded by its issuer; a reprint or a failed check by whoever
            // made it (named in the link), an active person with a key.
            "entries" => {
                let issued = matches!(text(row, 13).as_str(), "exported" | "printed");
                let by = if issued { text(row, 12) } else { signer.to_owned() };
                (!issued || name_key(signer) == name_key(&by))
                    && signed_by(active_key(&self.people, &by).as_ref())
            }
            "events" => signed_by(active_key(&self.people, &text(row, 4)).as_ref()),
            "person_events" => {
                let (name, by) = (text(row, 1), text(row, 6));
                let first_admin = self.root.is_some()
                    && name_key(&name) == name_key(&by)
                    && text(row, 4) == "added"
                    && text(row, 3) == Role::Administrator.key()
                    && self.people.get(&name_key(&name)).is_some_and(|k| k.role.is_none() && k.key.is_some())
                    && self.people.values().all(|k| k.role.is_none());
                let admin = self
                    .people
                    .get(&name_key(&by))
                    .filter(|k| k.active && k.role == Some(Role::Administrator))
                    .and_then(|k| k.key);
                let ok = if first_admin {
                    signed_by(self.people.get(&name_key(&name)).and_then(|k| k.key).as_ref())
                } else {
                    signed_by(admin.as_ref())
                };
                if ok {
                    self.apply_person(row, false);
                }
                ok
            }
            "keys" => {
                let (owner, by) = (text(row, 1), name_key(&text(row, 4)));
                let Some(new) = keys::public_of(&text(row, 2)) else { return false };
                let nobody_yet = self.people.is_empty();
                let own = self.people.get(&owner);
                let may_enrol_self = by == owner
                    && (nobody_yet || own.is_some_and(|k| k.legacy && k.key.is_none() && k.active));
                let admin = self
                    .people
                    .get(&by)
                    .filter(|k| k.active && k.role == Some(Role::Administrator))
                    .and_then(|k| k.key);
                let ok = if may_enrol_self { signed_by(Some(&new)) } else { signed_by(admin.as_ref()) };
                if ok {
                    if nobody_yet && by == owner {
                        self.root = Some(keys::fingerprint_of_public(&text(row, 2)));
                    }
                    self.people.entry(owner).or_default().key = Some(new);
                }
                ok
            }
            _ => false,
        };
        if ok {
            self.started = true;
        }
        ok
    }

    fn apply_person(&mut self, row: &Row, legacy: bool) {
        let known = self.people.entry(text(row, 2)).or_default();
        match text(row, 4).as_str() {
            "added" => {
                known.role = Role::from_key(&text(row, 3));
                known.active = true;
                known.legacy = legacy;
            }
            "disabled" => known.active = false,
            _ => {}
        }
    }
}
