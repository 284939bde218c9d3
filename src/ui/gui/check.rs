//! The blind double-check: the second person's entries, never the first's.

#[allow(unused_imports)]
use super::*;

/// The double-check panel, top to bottom as drawn: who checks, then every item typed blind.
pub(super) fn double_check_ui(ui: &mut Ui, s: &mut AppState, actions: &mut Vec<Action>) {
    let w = s.words();
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.heading(RichText::new(w.msg(msg!("g-double-check-title"))).strong());
            ui.label(w.msg(msg!("g-double-check-intro")));
            ui.add_space(8.0);
            // Who the bags are for: the verifier checks these against every label.
            let today = s.now().date();
            if let Ok(p) = s.order.patient.validate(today) {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.label(RichText::new(w.msg(msg!("g-patient-on-labels"))).strong());
                    ui.label(RichText::new(&p.name).strong().size(20.0));
                    ui.label(format!("{}: {}", w.msg(msg!("s-record")), p.identifier));
                    ui.label(format!("{}: {}", w.msg(msg!("s-dob")), w.date_plain(p.date_of_birth)));
                });
            }
            let needs_dates = crate::doublecheck::needs_last_dates(&s.order.inputs);
            let people = s.register_has_people();
            // Who checks comes first: a change of verifier empties everything below it.
            let second = &mut s.check.second;
            let before = second.verifier.clone();
            field(ui, "g-verifier", &w.msg(msg!("g-verifier")), &mut second.verifier, "", None);
            // Another verifier starts from empty fields: nobody sees what someone else typed.
            if second.verifier != before {
                actions.push(Action::VerifierChanged);
            }
            // In a register that knows people, the second professional proves who they are.
            if people {
                ui.horizontal(|ui| {
                    let l = label_cell(ui, &w.msg(msg!("g-verifier-secret")));
                    ui.add(
                        TextEdit::singleline(&mut s.check.verifier_secret)
                            .id(field_id("verifier-secret"))
                            .password(true)
                            .hint_text(w.msg(msg!("g-sign-in-secret")))
                            .desired_width(180.0),
                    )
                    .labelled_by(l.id);
                });
                if let Some(e) = &s.check.sign_error {
                    ui.colored_label(ui.visuals().error_fg_color, e);
                }
            }
            let second = &mut s.check.second;
            ui.checkbox(&mut second.identity_confirmed, w.msg(msg!("g-confirm-identity")));
            field(ui, "g-re-weight", &w.msg(msg!("g-re-weight")), &mut second.weight, "", None);
            field(ui, "g-re-height", &w.msg(msg!("g-re-height")), &mut second.height, "", None);
            field(
                ui,
                "g-re-nk",
                &w.msg(msg!("g-re-nk")),
                &mut second.nk_cells,
                &w.msg(msg!("g-nk-hint")),
                None,
            );
            field(ui, "g-re-lvef", &w.msg(msg!("g-re-lvef")), &mut second.lvef, "%", None);
            field(
                ui,
                "g-re-lvef-baseline",
                &w.msg(msg!("g-re-lvef-baseline")),
                &mut second.lvef_baseline,
                "%",
                None,
            );
            if needs_dates {
                field(
                    ui,
                    "g-re-last-t",
                    &w.msg(msg!("g-re-last-t")),
                    &mut second.last_trastuzumab,
                    &w.msg(msg!("g-date-hint")),
                    None,
                );
                field(
                    ui,
                    "g-re-last-p",
                    &w.msg(msg!("g-re-last-p")),
                    &mut second.last_pertuzumab,
                    &w.msg(msg!("g-date-hint")),
                    None,
                );
            }
            ui.add_space(6.0);
            ui.label(RichText::new(w.msg(msg!("g-bag-labels"))).strong());
            // The drugs of this cycle, without their doses: the second person reads the labels.
            let drugs: Vec<(crate::regimen::Drug, crate::regimen::DoseUnit)> = s
                .order
                .report()
                .map(|r| r.doses.iter().filter(|d| !d.withheld).map(|d| (d.drug, d.unit)).collect())
                .unwrap_or_default();
            for (drug, unit) in drugs {
                // The field names the unit the order shows the dose in, and is read in it.
                let unit = w.t(match unit {
                    crate::regimen::DoseUnit::Mg => id!("g-unit-mg"),
                    crate::regimen::DoseUnit::Units if w.units_in_millions() => id!("g-unit-million-units"),
                    crate::regimen::DoseUnit::Units => id!("g-unit-units"),
                });
                let label = w.msg(msg!("g-bag-label", "drug" => w.drug_name(drug), "unit" => unit));
                field(ui, ("bag-dose", drug.key()), &label, second.bag_dose_mut(drug), "", None);
            }
            for m in &s.check.mismatches {
                ui.colored_label(ui.visuals().error_fg_color, w.mismatch(m));
            }
            if let Some(warning) = &s.check.not_recorded {
                ui.colored_label(ui.visuals().error_fg_color, warning);
            }
            ui.horizontal(|ui| {
                if ui.button(RichText::new(w.msg(msg!("g-compare"))).size(16.0)).clicked() {
                    actions.push(Action::SubmitDoubleCheck);
                }
                // Escape, as in any dialogue, cancels the check (nothing typed is kept).
                let escape = ui.input(|i| i.key_pressed(egui::Key::Escape));
                if ui.button(w.msg(msg!("g-cancel"))).clicked() || escape {
                    actions.push(Action::CancelDoubleCheck);
                }
            });
        });
    });
}
