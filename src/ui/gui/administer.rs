//! The Administration view (issue 21): at the bedside the nurse scans the patient's
//! wristband and the bag's label into two fields (a keyboard-wedge scanner types into the
//! focused field), signs in, and the program checks both against the order before the
//! administration is signed. A refusal is said large, in words a nurse acts on; one a
//! prescriber may override opens the override's fields.

#[allow(unused_imports)]
use super::*;

fn secret_field(ui: &mut Ui, key: &str, label: &str, value: &mut String, hint: &str) {
    ui.horizontal(|ui| {
        let l = label_cell(ui, label);
        ui.add(
            TextEdit::singleline(value)
                .id(field_id(key))
                .password(true)
                .hint_text(hint.to_owned())
                .desired_width(180.0),
        )
        .labelled_by(l.id);
    });
}

pub(super) fn administer_ui(ui: &mut Ui, s: &mut AppState, actions: &mut Vec<Action>) {
    let w = s.words();
    egui::CentralPanel::default().show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.heading(RichText::new(w.msg(msg!("g-adm-title"))).strong());
            if ui.button(w.msg(msg!("g-close"))).clicked() {
                actions.push(Action::CloseAdminister);
            }
        });
        ui.label(w.msg(msg!("g-adm-help")));
        ui.add_space(6.0);
        let v = &mut s.administer;
        field(ui, "g-adm-order", &w.msg(msg!("g-adm-order")), &mut v.order_id, "NKACT-…", None);
        let band = field(
            ui,
            "g-adm-wristband",
            &w.msg(msg!("g-adm-wristband")),
            &mut v.wristband,
            &w.msg(msg!("g-adm-scan-hint")),
            None,
        );
        if std::mem::take(&mut v.focus_scan) {
            let target = if v.order_id.trim().is_empty() { "g-adm-order" } else { "g-adm-wristband" };
            ui.memory_mut(|m| m.request_focus(field_id(target)));
        }
        // The scanner's Enter moves on to the next scan.
        if band.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            ui.memory_mut(|m| m.request_focus(field_id("g-adm-bag")));
        }
        field(
            ui,
            "g-adm-bag",
            &w.msg(msg!("g-adm-bag")),
            &mut v.bag_code,
            &w.msg(msg!("g-adm-scan-hint")),
            None,
        );
        field(ui, "g-adm-at", &w.msg(msg!("g-adm-at")), &mut v.at, &w.msg(msg!("g-adm-at-hint")), None);
        field(ui, "g-adm-nurse", &w.msg(msg!("g-adm-nurse")), &mut v.nurse, "", None);
        secret_field(
            ui,
            "g-adm-nurse-secret",
            &w.msg(msg!("g-adm-nurse-secret")),
            &mut v.nurse_secret,
            &w.msg(msg!("g-sign-in-secret")),
        );
        if v.overridable || !v.reason.is_empty() || !v.prescriber.is_empty() {
            ui.add_space(6.0);
            ui.label(RichText::new(w.msg(msg!("g-adm-override-title"))).strong());
            field(ui, "g-adm-reason", &w.msg(msg!("g-adm-reason")), &mut v.reason, "", None);
            field(ui, "g-adm-prescriber", &w.msg(msg!("g-adm-prescriber")), &mut v.prescriber, "", None);
            secret_field(
                ui,
                "g-adm-prescriber-secret",
                &w.msg(msg!("g-adm-prescriber-secret")),
                &mut v.prescriber_secret,
                &w.msg(msg!("g-sign-in-secret")),
            );
        }
        ui.add_space(6.0);
        if ui.button(RichText::new(w.msg(msg!("g-adm-submit"))).strong()).clicked() {
            actions.push(Action::SubmitAdminister);
        }
        ui.add_space(8.0);
        if let Some((given, text)) = &v.outcome {
            let colour = if *given { ui.visuals().text_color() } else { ui.visuals().error_fg_color };
            ui.add(egui::Label::new(RichText::new(text).size(18.0).strong().color(colour)).wrap());
        }
    });
}
