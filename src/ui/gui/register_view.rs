//! The Register view: a page of entries, newest first, with reopen and reprint.

#[allow(unused_imports)]
use super::*;

/// The register view's columns, after the actions.
pub(super) const COLUMNS: [&str; 11] = [
    id!("g-col-when"),
    id!("g-col-action"),
    id!("g-col-order"),
    id!("g-col-revision"),
    id!("g-col-fingerprint"),
    id!("g-col-patient"),
    id!("g-col-record"),
    id!("g-col-cycle"),
    id!("g-col-verified"),
    id!("g-col-doses"),
    id!("g-col-lang"),
];

/// The register view; returns a chooser to open when a refused reprint is exported instead.
/// The Register view, top to bottom as drawn: filter, message, pages, then the rows.
pub(super) fn register_ui(ui: &mut Ui, s: &mut AppState, actions: &mut Vec<Action>) -> Option<FileKind> {
    let w = s.words();
    let mut choose = None;
    egui::CentralPanel::default().show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.heading(RichText::new(w.msg(msg!("g-register-title"))).strong());
            if ui.button(w.msg(msg!("g-close"))).clicked() {
                actions.push(Action::CloseRegister);
            }
            if ui.button(w.msg(msg!("g-adm-open"))).clicked() {
                actions.push(Action::ShowAdminister(String::new()));
            }
        });
        if let Some(path) = s.register_path() {
            ui.label(format!("{}: {}", w.msg(msg!("g-register-at")), path.display()));
        }
        let v = &mut s.register_view;
        field(ui, "g-register-filter-id", &w.msg(msg!("g-register-filter-id")), &mut v.patient_id, "", None);
        field(
            ui,
            "g-register-filter-date",
            &w.msg(msg!("g-register-filter-date")),
            &mut v.date,
            &w.msg(msg!("g-date-hint")),
            None,
        );
        if ui.button(w.msg(msg!("g-filter"))).clicked() {
            actions.push(Action::RefreshRegister);
        }
        // The last reprint's message in a space kept for it, so the rows never move under the
        // pointer when it comes or goes (issue 18).
        ui.allocate_ui_with_layout(
            egui::vec2(ui.available_width(), 36.0),
            egui::Layout::top_down(egui::Align::Min),
            |ui| {
                ui.set_min_height(36.0);
                if let Some(m) = &v.message {
                    ui.add(egui::Label::new(RichText::new(m).strong()).wrap());
                }
            },
        );
        // The printer refused a reprint: the same sheet as a PDF, recorded as a reprint.
        if s.printing.reprint_fallback.is_some() && ui.button(w.msg(msg!("g-export-reprint"))).clicked() {
            choose = Some(FileKind::Export);
        }
        // A page at a time, newest first: the register may hold a million entries.
        ui.horizontal(|ui| {
            if ui.add_enabled(v.page > 0, egui::Button::new(w.msg(msg!("g-newer")))).clicked() {
                actions.push(Action::RegisterPage(false));
            }
            ui.label(w.msg(msg!("g-page", "page" => v.page + 1)));
            let full = v.entries.len() as u32 >= crate::app::REGISTER_PAGE;
            if ui.add_enabled(full, egui::Button::new(w.msg(msg!("g-older")))).clicked() {
                actions.push(Action::RegisterPage(true));
            }
        });
        if v.entries.is_empty() {
            ui.label(w.msg(msg!("g-register-empty")));
            return;
        }
        // Solid scroll bars beside the rows, never floating over the last row's buttons.
        ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
        // One scroll position per page: page 2 opens at its start, not where page 1 was left.
        egui::ScrollArea::both().id_salt(("rows of the register view", v.page)).show(ui, |ui| {
            egui::Grid::new("register").striped(true).show(ui, |ui| {
                ui.label("");
                for id in COLUMNS {
                    ui.label(RichText::new(w.t(id)).strong());
                }
                ui.end_row();
                for e in &v.entries {
                    // The actions first, so they never scroll out of sight behind a long dose list.
                    ui.horizontal(|ui| {
                        // "Reopen" and "Reprint" on screen, not "Reopen 1": the row says which
                        // order. A screen reader hears the order and the time it names.
                        let name = |id: &str| format!("{} {} {}", w.t(id), e.order_id, w.datetime(e.at));
                        let reopen = ui.button(w.msg(msg!("g-reopen"))).on_hover_text(&e.order_id);
                        let label = name(id!("g-reopen"));
                        reopen.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
                        if reopen.clicked() {
                            actions.push(Action::Reopen(e.id));
                        }
                        let reprint = ui.button(w.msg(msg!("g-reprint"))).on_hover_text(&e.order_id);
                        let label = name(id!("g-reprint"));
                        reprint.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
                        if reprint.clicked() {
                            actions.push(Action::Reprint(e.id));
                        }
                        // The product after release (issue 21): labels, worksheet, the bedside check.
                        for (id, action) in [
                            (id!("g-labels"), Action::PrintLabels(e.id)),
                            (id!("g-worksheet"), Action::PrintWorksheet(e.id)),
                            (id!("g-administer"), Action::ShowAdminister(e.order_id.clone())),
                        ] {
                            let b = ui.button(w.t(id)).on_hover_text(&e.order_id);
                            let label = name(id);
                            b.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
                            if b.clicked() {
                                actions.push(action);
                            }
                        }
                    });
                    ui.label(w.datetime(e.at));
                    ui.label(w.register_action(e.action));
                    ui.label(&e.order_id);
                    // Which revision this sheet is, and whether a later one replaced it (issue 19).
                    if e.superseded {
                        ui.label(
                            RichText::new(w.msg(msg!("g-revision-superseded", "n" => e.revision)))
                                .strong()
                                .color(ui.visuals().warn_fg_color),
                        );
                    } else {
                        ui.label(w.msg(msg!("g-revision", "n" => e.revision)));
                    }
                    if e.intact {
                        ui.label(&e.fingerprint);
                    } else {
                        ui.label(
                            RichText::new(format!("{} {}", e.fingerprint, w.msg(msg!("entry-broken-mark"))))
                                .strong()
                                .color(ui.visuals().error_fg_color),
                        );
                    }
                    ui.label(&e.patient_name);
                    ui.label(&e.patient_id);
                    ui.label(e.cycle.to_string());
                    ui.label(e.verifier.clone().unwrap_or_default());
                    // The whole dose list, never cut: the area scrolls sideways instead.
                    ui.add(
                        egui::Label::new(w.register_doses(&e.doses)).wrap_mode(egui::TextWrapMode::Extend),
                    );
                    ui.label(w.lang_name(e.lang));
                    ui.end_row();
                }
            });
            // Room under the last row, so nothing at the edge sits under a scroll bar.
            ui.add_space(24.0);
        });
    });
    choose
}
