//! `register people …`: add, disable, reset and list the people who may act.

#[allow(unused_imports)]
use super::*;

/// `register people …`: add, disable, reset and list, each a few lines.
pub(super) fn people(
    w: &Words,
    reg: &mut Register,
    command: &PeopleSub,
    now: NaiveDateTime,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Outcome {
    let fail = |err: &mut dyn Write, message: &str| {
        let _ = writeln!(err, "{}", error_line(w, message));
        Outcome::Invalid
    };
    let admin_of =
        |reg: &mut Register, admin: &OsString, file: Option<&OsString>| -> Result<Person, String> {
            let name = text(w, "--as", admin)?;
            authenticate(w, reg, &name, file, now)
        };
    let mut unlock = false;
    let (admin, name, change_secret, role) = match command {
        PeopleSub::Log { json } => {
            let lines = match reg.people_log() {
                Ok(l) => l,
                Err(e) => return fail(err, &w.register_error(&e)),
            };
            if *json {
                let v: Vec<serde_json::Value> = lines
                    .iter()
                    .map(|l| {
                        let detail: serde_json::Value = serde_json::from_str(&l.detail)
                            .unwrap_or_else(|_| serde_json::Value::String(l.detail.clone()));
                        serde_json::json!({
                            "record": l.id,
                            "at": l.at.format("%Y-%m-%dT%H:%M:%S").to_string(),
                            "kind": l.kind,
                            "name": l.name,
                            "role": l.role,
                            "by": l.by,
                            "detail": detail,
                        })
                    })
                    .collect();
                let _ = writeln!(out, "{}", serde_json::to_string_pretty(&v).unwrap_or_default());
            } else {
                for l in &lines {
                    // Text from the register reaches the terminal escaped and bounded.
                    let safe = |t: &str| crate::present::words::quoted_inner(t, 120);
                    let role = if l.role.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", w.role_name(&l.role))
                    };
                    let by = if l.by.is_empty() { String::new() } else { format!(" · by {}", safe(&l.by)) };
                    let detail =
                        if l.detail.is_empty() { String::new() } else { format!(" · {}", safe(&l.detail)) };
                    let _ = writeln!(
                        out,
                        "{}  {}  {}  {}{role}{by}{detail}",
                        l.id,
                        l.at.format("%Y-%m-%d %H:%M:%S"),
                        l.kind,
                        safe(&l.name)
                    );
                }
            }
            return Outcome::Ok;
        }
        PeopleSub::List => {
            match reg.people() {
                Ok(people) if people.is_empty() => {
                    let _ = writeln!(out, "{}", w.msg(msg!("person-no-people")));
                }
                Ok(people) => {
                    for p in people {
                        let role = w.role_name(p.role.key());
                        let state = if p.active { "active" } else { "disabled" };
                        let _ = writeln!(
                            out,
                            "{}",
                            w.msg(msg!("person-line", "name" => p.name, "role" => role, "state" => state))
                        );
                    }
                }
                Err(e) => return fail(err, &w.register_error(&e)),
            }
            return Outcome::Ok;
        }
        PeopleSub::Add { name, role, secret_file, admin, as_secret_file } => {
            let Some(role) = role.to_str().and_then(Role::from_key) else {
                return fail(err, &w.msg(msg!("cli-bad-role")));
            };
            (admin_of(reg, admin, as_secret_file.as_ref()), name, Some(secret_file.as_ref()), Some(role))
        }
        PeopleSub::Disable { name, admin, as_secret_file } => {
            (admin_of(reg, admin, as_secret_file.as_ref()), name, None, None)
        }
        PeopleSub::Unlock { name, admin, as_secret_file } => {
            unlock = true;
            (admin_of(reg, admin, as_secret_file.as_ref()), name, None, None)
        }
        PeopleSub::Reset { name, secret_file, admin, as_secret_file } => {
            (admin_of(reg, admin, as_secret_file.as_ref()), name, Some(secret_file.as_ref()), None)
        }
    };
    let admin = match admin {
        Ok(a) => a,
        Err(m) => return fail(err, &m),
    };
    let name = match text(w, "NAME", name) {
        Ok(n) => n,
        Err(m) => return fail(err, &m),
    };
    match crate::identity::normalise(crate::error::Field::IssuedBy, &name) {
        Ok(n) if !n.is_empty() => {}
        Ok(_) => {
            return fail(
                err,
                &w.input_error(&crate::error::InputError::new(
                    crate::error::Field::IssuedBy,
                    "",
                    crate::error::Problem::Missing,
                )),
            );
        }
        Err(e) => return fail(err, &w.input_error(&e)),
    }
    // A new person's secret, or a new secret, comes from its own file: never the signer's
    // NKACT_DOSE_SECRET (issue 20: `people add` without a file gave the administrator's own).
    let secret = match change_secret {
        // At a terminal, asked twice without echo; otherwise only from a file.
        Some(None) if std::io::IsTerminal::is_terminal(&std::io::stdin()) => {
            let shown = crate::present::words::quoted_inner(&name, 60);
            let first = rpassword::prompt_password(w.msg(msg!("cli-new-secret-prompt", "name" => shown)));
            let again =
                first.as_ref().ok().map(|_| rpassword::prompt_password(w.msg(msg!("cli-new-secret-again"))));
            match (first, again) {
                (Ok(a), Some(Ok(b))) if a == b && !a.is_empty() => Some(a),
                (Ok(_), Some(Ok(_))) => return fail(err, &w.msg(msg!("cli-new-secret-differ"))),
                _ => return fail(err, &w.msg(msg!("cli-new-secret-file"))),
            }
        }
        Some(None) => return fail(err, &w.msg(msg!("cli-new-secret-file"))),
        Some(Some(f)) => match read_secret(w, Some(f)) {
            Ok(s) => Some(s),
            Err(m) => return fail(err, &m),
        },
        None => None,
    };
    let change = match (role, secret.as_deref()) {
        (Some(r), Some(s)) => PersonChange::Add(r, s),
        (None, Some(s)) => PersonChange::Reset(s),
        _ if unlock => PersonChange::Unlock,
        _ => PersonChange::Disable,
    };
    match reg.manage_person(&admin, &name, change, now) {
        Ok(Ok(())) => {
            let _ = writeln!(out, "{}", w.msg(msg!("person-changed", "name" => name)));
            Outcome::Ok
        }
        Ok(Err(p)) => fail(err, &w.person_problem(&p, &name)),
        Err(e) => {
            let _ = writeln!(err, "{}", error_line(w, &w.register_error(&e)));
            Outcome::Failed
        }
    }
}
