//! What the register says of the order being written, read off the frame: a
//! worker thread asks the register (through the release workflow's
//! [`crate::order::release::preview`]) when what the answer depends on
//! changes, never on a repaint. A frame only reads the last answer: moving
//! the mouse never waits on the disk or the network. On a key change the
//! frame waits at most [`FIRST_WAIT`] for the answer (a local register answers
//! in a few milliseconds, so what is shown is current), then goes on drawing
//! "checking the register" until it arrives.

use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

use chrono::NaiveDateTime;

use crate::engine::Report;
use crate::order::Order;
use crate::order::release::{Ledger, Preview, preview};
use crate::register::Register;

/// The longest a frame waits for a new answer before drawing without it.
pub const FIRST_WAIT: Duration = Duration::from_millis(40);

/// What the answer depends on.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    pub location: String,
    pub subject: String,
    pub cohort: String,
    pub record: String,
    pub cycle: u32,
    pub day1: Option<chrono::NaiveDate>,
    pub start: Option<NaiveDateTime>,
    pub stagger_override: Option<String>,
    /// Bumped after every release, so the next patient's answer is read again.
    pub generation: u64,
}

/// The register's answer: the preview, or why it could not be read (worded by the caller).
pub type Answer = Result<Preview, crate::register::RegisterError>;

#[derive(Default)]
pub struct Watch {
    key: Option<Key>,
    pending: Option<Receiver<Answer>>,
    answer: Option<Answer>,
    pub generation: u64,
}

impl Watch {
    /// Asks again when `key` differs from the last one asked; takes an answer that arrived.
    pub fn refresh(&mut self, key: Option<Key>, order: &Order, report: Option<&Report>, now: NaiveDateTime) {
        if key != self.key {
            self.key = key.clone();
            self.answer = None;
            self.pending = None;
            if let Some(k) = key {
                let (tx, rx) = channel();
                let (order, report) = (order.clone(), report.cloned());
                std::thread::spawn(move || {
                    let answer = Register::connect(&k.location)
                        .and_then(|mut r| r.in_release(|t| preview(t, &order, report.as_ref(), now)));
                    let _ = tx.send(answer);
                });
                self.pending = Some(rx);
                self.wait(FIRST_WAIT);
                return;
            }
        }
        self.wait(Duration::ZERO);
    }

    fn wait(&mut self, limit: Duration) {
        let Some(rx) = &self.pending else { return };
        let got = if limit.is_zero() {
            rx.try_recv().map_err(|_| RecvTimeoutError::Timeout)
        } else {
            rx.recv_timeout(limit)
        };
        match got {
            Ok(answer) => {
                self.answer = Some(answer);
                self.pending = None;
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => self.pending = None,
        }
    }

    /// The last answer for the current key (`None`: none asked, or still on its way).
    pub fn answer(&self) -> Option<&Answer> {
        self.answer.as_ref()
    }

    /// An answer is on its way.
    pub fn pending(&self) -> bool {
        self.pending.is_some()
    }

    /// Forget the answer: the register changed (a release, a sign-in).
    pub fn invalidate(&mut self) {
        self.generation += 1;
    }
}
