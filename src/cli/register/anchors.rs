//! `register verify [--against FILE…]`, `register checkpoint` and `register verify-sheet`:
//! the chain and its signatures, checked alone and against what was kept outside it.

#[allow(unused_imports)]
use super::*;

use crate::order::seal::{AnchorCheck, Checkpoint, SheetStatus};
use crate::output::scan::{MAX_BYTES, ScanError, seal_of};

/// A file named on the command line, as messages show it.
fn file_shown(f: &OsString) -> String {
    quoted_inner(&f.to_string_lossy(), 120)
}

/// A file's bytes, bounded.
fn read_bounded(w: &Words, f: &OsString) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let unreadable = |d: String| w.msg(msg!("file-unreadable", "file" => file_shown(f), "detail" => d));
    let file = std::fs::File::open(f).map_err(|e| unreadable(e.to_string()))?;
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1).read_to_end(&mut bytes).map_err(|e| unreadable(e.to_string()))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(w.msg(msg!("scan-too-large", "file" => file_shown(f))));
    }
    Ok(bytes)
}

fn scan_message(w: &Words, f: &OsString, e: &ScanError) -> String {
    match e {
        ScanError::NotASheet => w.msg(msg!("scan-not-a-sheet", "file" => file_shown(f))),
        ScanError::NoCode => w.msg(msg!("scan-no-code", "file" => file_shown(f))),
        ScanError::TooLarge => w.msg(msg!("scan-too-large", "file" => file_shown(f))),
    }
}

/// `register verify [--against FILE…]`.
pub(super) fn verify_register(run: &mut Run<'_>, reg: &mut Register, sub: &RegisterSub) -> Outcome {
    let RegisterSub::Verify { against } = sub else { return Outcome::Invalid };
    let (w, out, err) = (run.w, &mut *run.out, &mut *run.err);
    let r = match reg.verify() {
        Ok(r) => r,
        Err(e) => return reg_err(w, err, &e),
    };
    let mut outcome = Outcome::Ok;
    match &r.first_bad {
        None => {
            let _ = writeln!(out, "{}", w.msg(msg!("chain-intact", "count" => r.checked as i64)));
        }
        Some((seq, tbl)) => {
            let count = r.checked as i64;
            let _ = writeln!(
                out,
                "{}",
                w.msg(msg!("chain-broken", "seq" => *seq, "table" => tbl.clone(), "count" => count))
            );
            // Every break, not only the first: a later edit is never hidden behind an earlier one.
            let others = r.bad.len().saturating_sub(1);
            if others > 0 {
                let list: Vec<String> =
                    r.bad.iter().skip(1).take(50).map(|(s, t)| format!("{s} ({t})")).collect();
                let _ = writeln!(
                    out,
                    "{}",
                    w.msg(msg!("chain-broken-more", "n" => others, "list" => list.join(", ")))
                );
            }
            outcome = Outcome::ProtocolCheckFailed;
        }
    }
    let _ = writeln!(out, "{}", w.msg(msg!("chain-head", "seq" => r.head.0, "hash" => r.head.1.clone())));
    if let Some(root) = &r.root {
        let _ = writeln!(out, "{}", w.msg(msg!("chain-root", "fingerprint" => root.clone())));
    }
    if r.unsigned > 0 {
        let _ = writeln!(out, "{}", w.msg(msg!("chain-unsigned", "count" => r.unsigned as i64)));
    }
    for f in against {
        let file = file_shown(f);
        let bytes = match read_bounded(w, f) {
            Ok(b) => b,
            Err(m) => {
                let _ = writeln!(err, "{}", error_line(w, &m));
                outcome = Outcome::Invalid;
                continue;
            }
        };
        let checked = match serde_json::from_slice::<Checkpoint>(&bytes) {
            Ok(c) => reg.check_checkpoint(&c),
            Err(_) => match seal_of(&bytes) {
                Ok(seal) => reg.check_sheet_anchor(&seal),
                Err(ScanError::NotASheet) => Ok(AnchorCheck::NotAnAnchor),
                Err(e) => {
                    let _ = writeln!(err, "{}", error_line(w, &scan_message(w, f, &e)));
                    outcome = Outcome::Invalid;
                    continue;
                }
            },
        };
        let line = match checked {
            Ok(AnchorCheck::Holds { seq }) => w.msg(msg!("against-holds", "file" => file, "seq" => seq)),
            Ok(AnchorCheck::Truncated { seq, ends_at }) => {
                w.msg(msg!("against-truncated", "file" => file, "seq" => seq, "ends" => ends_at))
            }
            Ok(AnchorCheck::Rewritten { seq }) => {
                w.msg(msg!("against-rewritten", "file" => file, "seq" => seq))
            }
            Ok(AnchorCheck::BadSignature) => w.msg(msg!("against-bad-signature", "file" => file)),
            Ok(AnchorCheck::NotAnAnchor) => w.msg(msg!("against-not-anchor", "file" => file)),
            Err(e) => return reg_err(w, err, &e),
        };
        let _ = writeln!(out, "{line}");
        if !matches!(checked, Ok(AnchorCheck::Holds { .. })) && outcome == Outcome::Ok {
            outcome = Outcome::ProtocolCheckFailed;
        }
    }
    outcome
}

/// `register checkpoint --out FILE --as NAME`.
pub(super) fn write_checkpoint(run: &mut Run<'_>, reg: &mut Register, sub: &RegisterSub) -> Outcome {
    let RegisterSub::Checkpoint { out: file, person, secret_file, force } = sub else {
        return Outcome::Invalid;
    };
    let (w, now, out, err) = (run.w, run.now, &mut *run.out, &mut *run.err);
    let name = match text(w, "--as", person) {
        Ok(n) => n,
        Err(m) => return fail(w, err, &m, Outcome::Invalid),
    };
    let who = match authenticate(w, reg, &name, secret_file.as_ref(), now) {
        Ok(p) => p,
        Err(m) => return fail(w, err, &m, Outcome::Invalid),
    };
    let checkpoint = match reg.checkpoint(&who, now) {
        Ok(c) => c,
        Err(e) => return reg_err(w, err, &e),
    };
    let Ok(mut bytes) = serde_json::to_vec_pretty(&checkpoint) else { return Outcome::Failed };
    bytes.push(b'\n');
    let path = std::path::Path::new(file);
    if let Err(e) = crate::order::write_atomic(path, &bytes, *force) {
        return fail(w, err, &w.file_error(&e), Outcome::Failed);
    }
    let _ = writeln!(
        out,
        "{}",
        w.msg(msg!("checkpoint-written", "path" => crate::present::words::shown(path),
            "seq" => checkpoint.seq, "head" => checkpoint.head.clone(), "name" => who.name.clone()))
    );
    Outcome::Ok
}

/// `register verify-sheet FILE`.
pub(super) fn verify_sheet(run: &mut Run<'_>, reg: &mut Register, sub: &RegisterSub) -> Outcome {
    let RegisterSub::VerifySheet { file, json } = sub else { return Outcome::Invalid };
    let (w, out, err) = (run.w, &mut *run.out, &mut *run.err);
    let bytes = match read_bounded(w, file) {
        Ok(b) => b,
        Err(m) => return fail(w, err, &m, Outcome::Invalid),
    };
    let seal = match seal_of(&bytes) {
        Ok(s) => s,
        Err(e) => return fail(w, err, &scan_message(w, file, &e), Outcome::Invalid),
    };
    let status = match reg.sheet_status(&seal) {
        Ok(s) => s,
        Err(e) => return reg_err(w, err, &e),
    };
    let (order, revision) = (quoted_inner(&seal.order_id, 80), seal.revision);
    let (key, line) = match &status {
        SheetStatus::Current { seq } => ("current", w.msg(msg!("sheet-status-current", "order" => order, "revision" => revision, "seq" => *seq))),
        SheetStatus::Superseded { seq, by } => ("superseded", w.msg(msg!("sheet-status-superseded", "order" => order, "revision" => revision, "seq" => *seq, "by" => *by))),
        SheetStatus::Reprint { seq } => ("reprint", w.msg(msg!("sheet-status-reprint", "order" => order, "revision" => revision, "seq" => *seq))),
        SheetStatus::NeverRecorded => ("never-recorded", w.msg(msg!("sheet-status-never", "order" => order, "revision" => revision))),
        SheetStatus::ChangedAfter { breaks } => {
            let list: Vec<String> = breaks.iter().map(|(s, t)| format!("{s} ({t})")).collect();
            ("changed-after-printing", w.msg(msg!("sheet-status-changed", "list" => list.join(", "))))
        }
        SheetStatus::OtherRegister => ("other-register", w.msg(msg!("sheet-status-other", "order" => order))),
    };
    if *json {
        let v = serde_json::json!({
            "status": key,
            "order_id": seal.order_id,
            "revision": seal.revision,
            "fingerprint": seal.fingerprint,
            "seq": seal.anchor.as_ref().map(|a| a.seq),
            "head": seal.anchor.as_ref().map(|a| a.head.clone()),
            "superseded_by": match &status { SheetStatus::Superseded { by, .. } => Some(*by), _ => None },
            "message": line,
        });
        let _ = writeln!(out, "{v}");
    } else {
        let _ = writeln!(out, "{line}");
    }
    match status {
        SheetStatus::Current { .. } | SheetStatus::Reprint { .. } => Outcome::Ok,
        _ => Outcome::ProtocolCheckFailed,
    }
}
