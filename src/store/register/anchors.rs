//! Anchors outside the database: checkpoints (the chain head signed by the person who took
//! it, kept elsewhere) and sheets (each prints the record it was recorded as and the head
//! before it). A hash chain alone cannot show that its last records were removed, or that
//! it was rewritten from some point on with hashes recomputed; an anchor kept outside can.

use crate::order::seal::{AnchorCheck, Checkpoint, Seal, SheetStatus};

#[allow(unused_imports)]
use super::*;

impl Register {
    /// The chain's link `seq`: (table, hash), or `None` when the register has none.
    fn link(&mut self, seq: i64) -> Result<Option<(String, String)>, RegisterError> {
        if seq == 0 {
            return Ok(Some((String::new(), GENESIS.to_owned())));
        }
        let rows = self
            .conn
            .query("SELECT tbl, hash FROM chain WHERE seq = $1", &[Value::from(seq)])
            .map_err(self.db_err())?;
        Ok(rows.first().and_then(|r| Some((r[0].text()?, r[1].text()?))))
    }

    /// The last link's number (0 when the chain is empty).
    fn last_seq(&mut self) -> Result<i64, RegisterError> {
        let rows = self.conn.query("SELECT max(seq) FROM chain", &[]).map_err(self.db_err())?;
        Ok(rows.first().and_then(|r| r[0].int()).unwrap_or(0))
    }

    /// Whether the register holds any sheet of this order.
    fn knows_order(&mut self, order_id: &str) -> Result<bool, RegisterError> {
        let rows = self
            .conn
            .query("SELECT count(*) FROM entries WHERE order_id = $1", &[order_id.into()])
            .map_err(self.db_err())?;
        Ok(rows.first().and_then(|r| r[0].int()).unwrap_or(0) > 0)
    }

    /// Whether link `seq` still holds the record an anchor saw there: `head` is the hash of
    /// link `seq - 1` and, for a sheet, link `seq` is its own entry.
    fn anchor_holds(&mut self, seq: i64, head: &str) -> Result<AnchorCheck, RegisterError> {
        let ends_at = self.last_seq()?;
        if ends_at < seq - 1 {
            return Ok(AnchorCheck::Truncated { seq: seq - 1, ends_at });
        }
        match self.link(seq - 1)? {
            Some((_, hash)) if hash == head => Ok(AnchorCheck::Holds { seq: seq - 1 }),
            _ => Ok(AnchorCheck::Rewritten { seq: seq - 1 }),
        }
    }

    /// What the register says of a sheet, from its seal.
    pub fn sheet_status(&mut self, seal: &Seal) -> Result<SheetStatus, RegisterError> {
        let known = self.knows_order(&seal.order_id)?;
        let Some(anchor) = &seal.anchor else { return Ok(SheetStatus::NeverRecorded) };
        match self.anchor_holds(anchor.seq, &anchor.head)? {
            AnchorCheck::Holds { .. } => {}
            _ if !known => return Ok(SheetStatus::OtherRegister),
            AnchorCheck::Truncated { seq, ends_at } => {
                return Ok(SheetStatus::ChangedAfter {
                    breaks: ((ends_at + 1)..=seq.min(ends_at + 50))
                        .map(|s| (s, "chain".to_owned()))
                        .collect(),
                });
            }
            _ => return Ok(SheetStatus::ChangedAfter { breaks: vec![(anchor.seq - 1, "chain".to_owned())] }),
        }
        // Its own record: the entry of this order, revision and content at the next link.
        let rows = self
            .conn
            .query(
                "SELECT order_id, revision, fingerprint, action FROM entries WHERE id = $1",
                &[Value::from(anchor.seq)],
            )
            .map_err(self.db_err())?;
        let own = rows.first().and_then(|r| Some((r[0].text()?, r[1].int()?, r[2].text()?, r[3].text()?)));
        let Some((order_id, revision, fingerprint, action)) = own else {
            // The chain it saw is there, and ends before its record: records were removed
            // after it was printed (a recording undone leaves its number to the next sheet).
            let ends_at = self.last_seq()?;
            if ends_at < anchor.seq {
                return Ok(SheetStatus::ChangedAfter { breaks: vec![(anchor.seq, "chain".to_owned())] });
            }
            return Ok(SheetStatus::NeverRecorded);
        };
        if order_id != seal.order_id || revision != i64::from(seal.revision) {
            return Ok(SheetStatus::NeverRecorded);
        }
        if fingerprint != seal.fingerprint {
            return Ok(SheetStatus::ChangedAfter { breaks: vec![(anchor.seq, "entries".to_owned())] });
        }
        // Anything edited or forged anywhere in the chain since: said, with the records.
        let report = self.verify()?;
        if !report.bad.is_empty() {
            return Ok(SheetStatus::ChangedAfter { breaks: report.bad.into_iter().take(50).collect() });
        }
        let latest = self
            .conn
            .query("SELECT max(revision) FROM entries WHERE order_id = $1", &[seal.order_id.clone().into()])
            .map_err(self.db_err())?
            .first()
            .and_then(|r| r[0].int())
            .unwrap_or(0);
        if latest > i64::from(seal.revision) {
            return Ok(SheetStatus::Superseded {
                seq: anchor.seq,
                by: u32::try_from(latest).unwrap_or(u32::MAX),
            });
        }
        if action == RegisterAction::Reprinted.key() {
            return Ok(SheetStatus::Reprint { seq: anchor.seq });
        }
        Ok(SheetStatus::Current { seq: anchor.seq })
    }

    /// A checkpoint of the chain as it stands, signed by `by` (who signed in here).
    pub fn checkpoint(&mut self, by: &Person, at: NaiveDateTime) -> Result<Checkpoint, RegisterError> {
        let report = self.verify()?;
        let key = keys::signer(&self.path, &by.name)
            .ok_or_else(|| RegisterError::NotSignedIn(self.path.clone(), by.name.clone()))?;
        let mut c = Checkpoint {
            form: crate::order::seal::CHECKPOINT_FORM.to_owned(),
            register: self.path.to_string_lossy().into_owned(),
            seq: report.head.0,
            head: report.head.1,
            root: report.root,
            by: by.name.clone(),
            at: iso(at),
            signature: String::new(),
        };
        c.signature = keys::sign_text(&key, &c.signed_text());
        Ok(c)
    }

    /// What a checkpoint says of the chain: it still holds the head it saw, signed by a key
    /// the chain enrolled for its signer (at or before that head).
    pub fn check_checkpoint(&mut self, c: &Checkpoint) -> Result<AnchorCheck, RegisterError> {
        if c.form != crate::order::seal::CHECKPOINT_FORM {
            return Ok(AnchorCheck::NotAnAnchor);
        }
        let enrolled = self
            .conn
            .query(
                "SELECT public_key FROM keys WHERE name_key = $1 AND id <= $2",
                &[name_key(&c.by).into(), Value::from(c.seq)],
            )
            .map_err(self.db_err())?;
        let text = c.signed_text();
        let signed = enrolled
            .iter()
            .filter_map(|r| r[0].text())
            .filter_map(|p| keys::public_of(&p))
            .any(|p| keys::text_signature_ok(&p, &text, &c.signature));
        if !signed {
            return Ok(AnchorCheck::BadSignature);
        }
        self.anchor_holds(c.seq + 1, &c.head)
    }

    /// What a sheet's seal says of the chain: the head before its record is still there,
    /// and its record after it.
    pub fn check_sheet_anchor(&mut self, seal: &Seal) -> Result<AnchorCheck, RegisterError> {
        let Some(anchor) = &seal.anchor else { return Ok(AnchorCheck::NotAnAnchor) };
        match self.anchor_holds(anchor.seq, &anchor.head)? {
            AnchorCheck::Holds { .. } => {}
            other => return Ok(other),
        }
        let ends_at = self.last_seq()?;
        if ends_at < anchor.seq {
            return Ok(AnchorCheck::Truncated { seq: anchor.seq, ends_at });
        }
        let rows = self
            .conn
            .query("SELECT order_id, revision FROM entries WHERE id = $1", &[Value::from(anchor.seq)])
            .map_err(self.db_err())?;
        let own = rows.first().and_then(|r| Some((r[0].text()?, r[1].int()?)));
        if own != Some((seal.order_id.clone(), i64::from(seal.revision))) {
            return Ok(AnchorCheck::Rewritten { seq: anchor.seq });
        }
        Ok(AnchorCheck::Holds { seq: anchor.seq })
    }
}
