//! Wording for the product after release (issue 21): bags and syringes, beyond-use,
//! the NK product's receipt, the bedside check a nurse reads at the bedside, the trace.

use crate::domain::product::{BagCodeProblem, Container, MeasureProblem, Unit};
use crate::order::bedside::{BedsideRefusal, ReceiptProblem};
use crate::present::i18n::Words;
use crate::regimen::Storage;
use crate::{id, msg};

impl Words {
    /// The name of what a bedside check gave: a drug of the regimen, or the NK cells.
    pub fn given_name(&self, key: &str) -> String {
        crate::regimen::NK_ACT_BC
            .drugs
            .iter()
            .find(|r| r.drug.key() == key)
            .map(|r| self.drug_name(r.drug))
            .unwrap_or_else(|| self.msg(msg!("nk-cells-name")))
    }

    /// "Bolsa 1 de 6" / "Jeringa 4 de 6".
    pub fn unit_title(&self, u: &Unit) -> String {
        match u.container {
            Container::Bag => self.msg(msg!("unit-bag", "n" => u.number, "of" => u.of)),
            Container::Syringe => self.msg(msg!("unit-syringe", "n" => u.number, "of" => u.of)),
        }
    }

    /// The day a unit is given: "Día 2 (2026-03-02)", or its window.
    pub fn unit_day(&self, u: &Unit) -> String {
        match u.window {
            Some((first, last)) => self
                .msg(msg!("unit-window", "first" => self.day_label(first), "last" => self.day_label(last))),
            None => self.day_with_date(u.day, u.date),
        }
    }

    pub fn storage_name(&self, s: Storage) -> String {
        self.t(match s {
            Storage::Refrigerated => id!("storage-refrigerated"),
            Storage::Room => id!("storage-room"),
        })
    }

    /// Where a beyond-use comes from: the product's SmPC §6.3, or the site's validation.
    pub fn stability_source(&self, b: &crate::domain::product::BeyondUse) -> String {
        match b.product {
            Some(product) => self.msg(msg!("stability-smpc", "product" => product)),
            None => self.msg(msg!("stability-site")),
        }
    }

    pub fn bag_code_problem(&self, p: &BagCodeProblem) -> String {
        self.t(match p {
            BagCodeProblem::Empty => id!("bag-code-empty"),
            BagCodeProblem::NotABagCode => id!("bag-code-not"),
            BagCodeProblem::Damaged => id!("bag-code-damaged"),
        })
    }

    pub fn measure_problem(&self, p: &MeasureProblem) -> String {
        match p {
            MeasureProblem::Unreadable(t) => {
                self.msg(msg!("measure-unreadable", "value" => crate::present::words::quoted_inner(t, 30)))
            }
            MeasureProblem::NoDensity(d) => {
                self.msg(msg!("measure-no-density", "drug" => self.drug_name(*d)))
            }
            MeasureProblem::NoTarget => self.msg(msg!("measure-no-target")),
        }
    }

    pub fn receipt_problem(&self, p: &ReceiptProblem) -> String {
        let q = |t: &str| crate::present::words::quoted_inner(t, 40);
        match p {
            ReceiptProblem::OrderNamesNone => self.msg(msg!("receipt-order-names-none")),
            ReceiptProblem::OtherProduct(got, want) => {
                self.msg(msg!("receipt-other-product", "got" => q(got), "want" => q(want)))
            }
            ReceiptProblem::OtherBag(got, want) => {
                self.msg(msg!("receipt-other-bag", "got" => q(got), "want" => q(want)))
            }
            ReceiptProblem::Missing(which) => self.msg(msg!("receipt-missing", "field" => *which)),
            ReceiptProblem::ReleasedInFuture => self.msg(msg!("receipt-future")),
        }
    }

    /// A bedside refusal, as a nurse reads it at the bedside: what is wrong, and what to do.
    pub fn bedside_refusal(&self, r: &BedsideRefusal) -> String {
        let q = |t: &str| crate::present::words::quoted_inner(t, 60);
        match r {
            BedsideRefusal::UnknownCode(c) => self.msg(msg!("bedside-unknown-code", "code" => q(c))),
            BedsideRefusal::Damaged(_) => self.msg(msg!("bedside-damaged")),
            BedsideRefusal::WrongPatient { wristband, record } => {
                self.msg(msg!("bedside-wrong-patient", "wristband" => q(wristband), "record" => q(record)))
            }
            BedsideRefusal::AnotherPatientsBag { bag_record, wristband } => {
                self.msg(msg!("bedside-another-patient", "bag" => q(bag_record), "wristband" => q(wristband)))
            }
            BedsideRefusal::AnotherOrder { order_id } => {
                self.msg(msg!("bedside-another-order", "order" => q(order_id)))
            }
            BedsideRefusal::Superseded { revision, latest } => {
                self.msg(msg!("bedside-superseded", "revision" => *revision, "latest" => *latest))
            }
            BedsideRefusal::Withheld { drug } => {
                self.msg(msg!("bedside-withheld", "drug" => self.drug_name(*drug)))
            }
            BedsideRefusal::NotLabelled { bag } => self.msg(msg!("bedside-not-labelled", "bag" => *bag)),
            BedsideRefusal::AlreadyGiven { at, by } => {
                self.msg(msg!("bedside-already-given", "at" => self.datetime(*at), "by" => by.clone()))
            }
            BedsideRefusal::NotReceived => self.msg(msg!("bedside-not-received")),
            BedsideRefusal::Day(p, drug, day) => self.administration_problem(p, drug, *day),
            BedsideRefusal::PastBeyondUse { until } => {
                self.msg(msg!("bedside-past-beyond-use", "until" => self.datetime(*until)))
            }
            BedsideRefusal::PastInfuseBy { infuse_by } => {
                self.msg(msg!("bedside-past-infuse-by", "by" => self.datetime(*infuse_by)))
            }
            BedsideRefusal::InfuseByUnknown => self.msg(msg!("bedside-infuse-by-unknown")),
            BedsideRefusal::Il2BeforeNk => self.msg(msg!("bedside-il2-before-nk")),
            BedsideRefusal::Il2TooLate { nk_at, hours } => {
                self.msg(msg!("bedside-il2-too-late", "nk" => self.datetime(*nk_at), "hours" => *hours))
            }
        }
    }

    /// Every refusal, and what an override needs when all of them may be overridden.
    pub fn bedside_refusals(&self, refusals: &[BedsideRefusal]) -> String {
        let mut lines: Vec<String> = refusals.iter().map(|r| self.bedside_refusal(r)).collect();
        if !refusals.is_empty() && refusals.iter().all(BedsideRefusal::overridable) {
            lines.push(self.msg(msg!("bedside-override-needs")));
        }
        lines.join("\n")
    }
}
