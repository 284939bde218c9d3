//! The results beside the form: doses with their working, criteria, overrides, warnings, and the buttons that release the order.

#[allow(unused_imports)]
use super::*;

/// The results: the presentation model drawn as it is (BSA, each dose in
/// administration order, the schedule); the window words nothing itself.
pub(super) fn results_ui(
    ui: &mut Ui,
    w: &Words,
    view: Option<&Presentation>,
    editing: bool,
    untouched: bool,
) {
    let Some(v) = view else {
        ui.add_space(20.0);
        // Nothing typed yet is not an error: say what to enter, calmly.
        if untouched {
            ui.label(RichText::new(w.msg(msg!("g-no-doses-yet"))).size(18.0));
        } else {
            ui.label(RichText::new(w.msg(msg!("g-no-doses"))).size(18.0).color(ui.visuals().error_fg_color));
        }
        return;
    };
    if editing {
        ui.label(
            RichText::new(w.msg(msg!("g-provisional"))).strong().size(18.0).color(ui.visuals().warn_fg_color),
        );
    }
    ui.label(RichText::new(&v.headline).strong());
    ui.label(RichText::new(v.bsa.line()).size(22.0).strong());
    ui.label(&v.bsa_working);
    if let Some(wc) = &v.weight_change {
        ui.label(wc.line());
    }
    if let Some(c) = &v.cardiac {
        let text = RichText::new(c.line());
        ui.add(
            egui::Label::new(if c.emphasis == Emphasis::Normal {
                text
            } else {
                text.strong().color(ui.visuals().warn_fg_color)
            })
            .wrap(),
        );
    }
    if let Some(c) = &v.criteria {
        ui.separator();
        criteria_ui(ui, c);
    }
    ui.separator();
    for item in &v.items {
        item_ui(ui, item);
    }
    if let Some(row) = &v.nk_not_in_cycle {
        ui.label(row.line());
    }
    ui.separator();
    ui.label(RichText::new(&v.administration_title).strong().size(16.0));
    for row in &v.administration {
        ui.add(egui::Label::new(row.line()).wrap());
    }
    ui.separator();
    ui.label(RichText::new(&v.schedule_title).strong().size(16.0));
    // Day and date in columns of their own width, the events wrapped in the room left
    // (a grid gave the events ~45 px and broke words in half).
    let day_w = v.schedule.iter().map(|d| text_width(ui, &d.day, true)).fold(0.0, f32::max) + 8.0;
    let date_w = v.schedule.iter().map(|d| text_width(ui, &d.date, false)).fold(0.0, f32::max) + 12.0;
    for day in &v.schedule {
        ui.horizontal(|ui| {
            ui.add_sized([day_w, 18.0], egui::Label::new(RichText::new(&day.day).strong()));
            ui.add_sized([date_w, 18.0], egui::Label::new(&day.date));
            ui.add(egui::Label::new(&day.events).wrap());
        });
    }
}

/// The width `text` takes in the body font (bold or not).
pub(super) fn text_width(ui: &Ui, text: &str, strong: bool) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let rich = if strong { RichText::new(text).strong() } else { RichText::new(text) };
    let galley =
        egui::WidgetText::from(rich).into_galley(ui, Some(egui::TextWrapMode::Extend), f32::INFINITY, font);
    galley.size().x
}

/// PageUp/PageDown scroll the results from anywhere; Home/End when no text field
/// has the keyboard (there they move the cursor).
pub(super) fn keyboard_scroll(ui: &mut Ui) {
    let page = ui.clip_rect().height() * 0.9;
    let typing = ui.ctx().memory(|m| m.focused()).is_some() && ui.ctx().egui_wants_keyboard_input();
    let (up, down, home, end) = ui.input(|i| {
        (
            i.key_pressed(egui::Key::PageUp),
            i.key_pressed(egui::Key::PageDown),
            i.key_pressed(egui::Key::Home),
            i.key_pressed(egui::Key::End),
        )
    });
    let delta = match (up, down, home && !typing, end && !typing) {
        (true, ..) => page,
        (_, true, ..) => -page,
        (_, _, true, _) => f32::MAX / 4.0,
        (_, _, _, true) => -f32::MAX / 4.0,
        _ => return,
    };
    ui.scroll_with_delta(egui::vec2(0.0, delta));
}

/// One dose or the NK product: the name, the dose large, its tag and badges, then its rows.
pub(super) fn item_ui(ui: &mut Ui, item: &Item) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(&item.title).strong().size(18.0));
            ui.label(RichText::new(&item.large).strong().size(26.0));
            if let Some(tag) = &item.tag {
                ui.label(RichText::new(tag).strong().size(16.0));
            }
            for b in &item.badges {
                let text = RichText::new(format!(" {} ", b.text)).strong().size(16.0);
                ui.label(match b.kind {
                    // A re-load cannot be missed: white on red, not grey italics.
                    BadgeKind::Reload => {
                        text.size(18.0).color(Color32::WHITE).background_color(Color32::from_rgb(180, 40, 0))
                    }
                    BadgeKind::Nk(NkState::WithinRange) => text.color(Color32::from_rgb(0, 120, 40)),
                    BadgeKind::Nk(NkState::OutOfRange) => text.color(ui.visuals().error_fg_color),
                    BadgeKind::Nk(NkState::Pending) => text.color(ui.visuals().warn_fg_color),
                    BadgeKind::Withheld => {
                        text.size(18.0).color(Color32::WHITE).background_color(Color32::from_rgb(180, 40, 0))
                    }
                });
            }
        });
        for row in &item.rows {
            let text = RichText::new(row.line());
            let text = match row.emphasis {
                Emphasis::Normal => text,
                Emphasis::Strong => text.strong(),
                Emphasis::Warn => text.color(ui.visuals().warn_fg_color),
            };
            ui.add(egui::Label::new(text).wrap());
        }
    });
}

/// Always visible under the results: warnings to acknowledge, the
/// verification, and the buttons that let an order leave the program.
/// Returns a chooser to open, if a button asked for one.
/// The buttons that release the order and why they are not yet enabled, top to bottom as
/// drawn (immediate mode: the code reads as the panel does).
pub(super) fn actions_ui(
    ui: &mut Ui,
    s: &mut AppState,
    view: Option<&Presentation>,
    actions: &mut Vec<Action>,
) -> Option<FileKind> {
    let w = s.words();
    let mut choose = None;
    // Overrides and warnings scroll in their own area: however many there are, the
    // sign-in, the verification and the buttons below them stay in view (issue 18:
    // twelve override rows pushed Export and Print off the screen).
    if let Some(v) = view {
        // A quarter of the window at most: at 1024 × 768 the doses keep most of the height.
        let room = (ui.ctx().content_rect().height() * 0.22).clamp(90.0, 200.0);
        egui::ScrollArea::vertical().id_salt("actions-scroll").max_height(room).show(ui, |ui| {
            if let Some(c) = v.criteria.as_ref().filter(|c| !c.clear) {
                overrides_ui(ui, s, c, actions);
                ui.separator();
            }
            warnings_ui(ui, s, v, actions);
        });
        ui.separator();
    }
    // In a register that knows people, the issuer signs in with their secret.
    if s.register_has_people() {
        sign_in_ui(ui, s, actions);
    }
    if !s.order.chain.is_empty() {
        ui.label(RichText::new(w.msg(msg!("s-signed-in-register"))).strong());
        for step in &s.order.chain {
            ui.label(w.signed_line(step));
        }
    }
    // The verification state, in its one fixed place, read from the order itself.
    match &s.order.verification {
        Some(v) => ui.label(
            RichText::new(w.verified_line(&v.verifier, v.at)).strong().color(Color32::from_rgb(0, 110, 40)),
        ),
        None => {
            ui.label(RichText::new(w.msg(msg!("g-not-verified"))).strong().color(ui.visuals().warn_fg_color))
        }
    };
    let printable = ui
        .horizontal_wrapped(|ui| {
            let check = ui.add_enabled(
                s.checkable(),
                egui::Button::new(RichText::new(w.msg(msg!("g-double-check"))).size(16.0)),
            );
            if check.clicked() {
                actions.push(Action::StartDoubleCheck);
            }
            let printable = s.printable();
            let export = ui.add_enabled(
                printable.is_ok(),
                egui::Button::new(RichText::new(w.msg(msg!("g-export"))).size(16.0)),
            );
            if std::mem::take(&mut s.sign_in.focus_export) {
                export.request_focus();
            }
            if export.clicked() {
                choose = Some(FileKind::Export);
            }
            let print = ui.add_enabled(
                printable.is_ok(),
                egui::Button::new(RichText::new(w.msg(msg!("g-print"))).size(16.0)),
            );
            if print.clicked() {
                actions.push(Action::Print);
            }
            printer_choice(ui, s, actions);
            printable
        })
        .inner;
    let untouched = s.untouched();
    match printable {
        // Nothing typed yet: nothing is wrong, there is just nothing to export.
        Err(_) if untouched => {
            ui.weak(w.msg(msg!("g-nothing-to-export")));
        }
        // Why nothing can leave yet, on its own line, wrapped, never cut off.
        Err(e) => {
            ui.add(
                egui::Label::new(RichText::new(w.sheet_error(&e)).color(ui.visuals().warn_fg_color)).wrap(),
            );
            // Too early for the trial's stagger rule: a principal investigator may go ahead, with a reason.
            if matches!(e, crate::sheet::SheetError::TooEarly { .. }) {
                ui.horizontal_wrapped(|ui| {
                    let l = ui.label(w.msg(msg!("g-stagger-override")));
                    ui.add(
                        TextEdit::singleline(&mut s.stagger_reason)
                            .id(field_id("stagger-reason"))
                            .hint_text(w.msg(msg!("g-override-hint")))
                            .desired_width(280.0),
                    )
                    .labelled_by(l.id);
                    let ok = s.stagger_reason.chars().filter(|c| c.is_alphabetic()).count() >= 3;
                    if ui.add_enabled(ok, egui::Button::new(w.msg(msg!("g-override")))).clicked() {
                        actions.push(Action::StaggerOverride);
                    }
                });
                if let Some(e) = &s.override_error {
                    ui.add(egui::Label::new(RichText::new(e).color(ui.visuals().error_fg_color)).wrap());
                }
            }
        }
        Ok(_) => {}
    }
    // A stagger override given: said where the refusal was, so the person sees it took.
    if let Some(o) = &s.order.stagger_override {
        ui.add(
            egui::Label::new(
                RichText::new(w.stagger_override_line(o)).strong().color(ui.visuals().warn_fg_color),
            )
            .wrap(),
        );
    }
    if let Some(e) = &s.printing.error {
        ui.add(egui::Label::new(RichText::new(e).color(ui.visuals().warn_fg_color)).wrap());
    } else if s.printing.printers.is_empty() {
        // Say so when the print service offers no printer, on its own line, rather than an empty list.
        ui.add(egui::Label::new(RichText::new(w.msg(msg!("g-no-printers"))).weak()).wrap());
    }
    if let Some(path) = s.files.confirm_replace.clone() {
        ui.horizontal(|ui| {
            ui.label(w.msg(msg!("g-confirm-replace", "path" => crate::present::words::shown(&path))));
            if ui.button(w.msg(msg!("g-replace"))).clicked() {
                actions.push(Action::ExportTo { path: path.clone(), replace: true });
            }
        });
    }
    choose
}

/// Sign in (name and secret) or, signed in, who is signing and a way out.
pub(super) fn sign_in_ui(ui: &mut Ui, s: &mut AppState, actions: &mut Vec<Action>) {
    let w = s.words();
    match &s.sign_in.person {
        Some(p) => {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(w.msg(
                        msg!("g-signed-in-as", "name" => p.name.clone(), "role" => w.role_name(p.role.key())),
                    ))
                    .strong(),
                );
                if ui.button(w.msg(msg!("g-sign-out"))).clicked() {
                    actions.push(Action::SignOut);
                }
            });
        }
        None => {
            ui.horizontal_wrapped(|ui| {
                let l = ui.label(RichText::new(w.msg(msg!("g-sign-in-title"))).strong());
                ui.add(
                    TextEdit::singleline(&mut s.sign_in.name)
                        .id(field_id("sign-in-name"))
                        .hint_text(w.msg(msg!("g-sign-in-name")))
                        .desired_width(160.0),
                )
                .labelled_by(l.id);
                // The secret field has a name of its own, for screen readers and for people.
                let sl = ui.label(w.msg(msg!("g-sign-in-secret")));
                let secret = ui
                    .add(
                        TextEdit::singleline(&mut s.sign_in.secret)
                            .id(field_id("sign-in-secret"))
                            .password(true)
                            .hint_text(w.msg(msg!("g-sign-in-secret")))
                            .desired_width(120.0),
                    )
                    .labelled_by(sl.id);
                let enter = secret.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if ui.button(w.msg(msg!("g-sign-in"))).clicked() || enter {
                    actions.push(Action::SignIn);
                }
            });
            if let Some(e) = &s.sign_in.error {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
        }
    }
}

/// The criteria table: each criterion with its state first, then its value,
/// limit and date wrapped to the width of the panel, so that nothing that
/// decides a release is beyond the edge (issue 18: the result column was off
/// screen at 1024 × 768 on every cycle-1 order).
pub(super) fn criteria_ui(ui: &mut Ui, c: &crate::present::model::CriteriaView) {
    ui.label(RichText::new(&c.title).strong().size(16.0));
    ui.add(egui::Label::new(RichText::new(&c.basis).weak()).wrap());
    for (k, r) in c.rows.iter().enumerate() {
        let fill = if k % 2 == 0 { ui.visuals().faint_bg_color } else { Color32::TRANSPARENT };
        egui::Frame::NONE.fill(fill).inner_margin(egui::Margin::symmetric(4, 2)).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                let state = RichText::new(&r.state).strong();
                ui.label(match (r.kind, &r.overridden) {
                    (crate::criteria::CriterionState::Met, _) => state.color(Color32::from_rgb(0, 120, 40)),
                    (_, Some(_)) => state.color(ui.visuals().warn_fg_color),
                    _ => state.color(ui.visuals().error_fg_color),
                });
                ui.label(RichText::new(&r.name).strong());
            });
            let details = [&r.value, &r.limit, &r.date]
                .into_iter()
                .filter(|t| !t.is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join("  ·  ");
            ui.add(egui::Label::new(details).wrap());
            for extra in [&r.note, &r.overridden].into_iter().flatten() {
                ui.add(egui::Label::new(RichText::new(extra).italics()).wrap());
            }
        });
    }
    let summary = RichText::new(&c.summary).strong();
    ui.add(
        egui::Label::new(if c.clear { summary } else { summary.color(ui.visuals().error_fg_color) }).wrap(),
    );
}

/// Criteria not met or not entered: each needs the issuer's reasoned override before a sheet can leave.
pub(super) fn overrides_ui(
    ui: &mut Ui,
    s: &mut AppState,
    c: &crate::present::model::CriteriaView,
    actions: &mut Vec<Action>,
) {
    let w = s.words();
    ui.label(RichText::new(&c.summary).strong().color(ui.visuals().error_fg_color));
    let can = !s.order.issued_by.trim().is_empty();
    if !can {
        ui.colored_label(ui.visuals().warn_fg_color, w.msg(msg!("g-override-needs")));
    }
    // A refused override is said here, beside the Override buttons, not in the toolbar.
    if let Some(e) = &s.override_error {
        ui.add(egui::Label::new(RichText::new(e).color(ui.visuals().error_fg_color)).wrap());
    }
    // Nothing of the criteria typed yet: say what to enter, and invite no reason for
    // "not entered" before anything is (a reason is for a value that is there, or a
    // decision to treat without one once the others are in).
    if s.order.clinical.labs.is_empty() && s.order.clinical.lvef.trim().is_empty() {
        ui.label(w.msg(msg!("g-criteria-enter-first")));
        return;
    }
    for r in
        c.rows.iter().filter(|r| r.kind != crate::criteria::CriterionState::Met && r.overridden.is_none())
    {
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(RichText::new(format!("{}: {}", r.name, r.state)).strong());
            let reason = s.override_reasons.entry(r.code.clone()).or_default();
            ui.add(
                TextEdit::singleline(reason)
                    .id(field_id(("override-reason", r.code.as_str())))
                    .hint_text(w.msg(msg!("g-override-hint")))
                    .desired_width(260.0),
            )
            .labelled_by(l.id);
            let ok = can && reason.chars().filter(|c| c.is_alphabetic()).count() >= 3;
            if ui.add_enabled(ok, egui::Button::new(w.msg(msg!("g-override")))).clicked() {
                actions.push(Action::Override { code: r.code.clone() });
            }
        });
    }
}

pub(super) fn warnings_ui(ui: &mut Ui, s: &mut AppState, v: &Presentation, actions: &mut Vec<Action>) {
    let w = s.words();
    ui.label(RichText::new(&v.warnings_title).strong().size(16.0));
    if v.warnings.is_empty() {
        ui.label(&v.none);
        return;
    }
    let can_ack = !s.order.issued_by.trim().is_empty();
    if !can_ack {
        ui.colored_label(ui.visuals().warn_fg_color, w.msg(msg!("g-ack-needs-name")));
    }
    for x in &v.warnings {
        let ack = s
            .order
            .acknowledged
            .iter()
            .find(|a| a.code == x.code && a.detail == x.detail && (!x.needs_reason || a.reason.is_some()))
            .cloned();
        let mut acked = ack.is_some();
        let checkbox = ui
            .horizontal_wrapped(|ui| {
                let reason_ok =
                    !x.needs_reason || s.reasons.get(&x.code).is_some_and(|r| !r.trim().is_empty());
                let label = RichText::new(&x.text).color(ui.visuals().warn_fg_color);
                let enabled = can_ack && (acked || reason_ok);
                let checkbox = ui.add_enabled(enabled, egui::Checkbox::new(&mut acked, label));
                if checkbox.changed() {
                    actions.push(Action::Acknowledge {
                        code: x.code.clone(),
                        detail: x.detail.clone(),
                        acknowledged: acked,
                    });
                }
                // Who ticked it, and when, right after it.
                if let Some(a) = &ack {
                    ui.label(RichText::new(w.acknowledged_short(&a.by, a.at)).strong());
                }
                checkbox
            })
            .inner;
        if x.needs_reason {
            let reason = s.reasons.entry(x.code.clone()).or_default();
            ui.horizontal(|ui| {
                ui.add_space(24.0);
                ui.label(w.msg(msg!("g-reason")));
                // Named after its warning, so each reason field is found by what it is for.
                ui.add_enabled(
                    ack.is_none(),
                    TextEdit::singleline(reason)
                        .id(field_id(("warning-reason", x.code.as_str())))
                        .hint_text(w.msg(msg!("g-reason-hint")))
                        .desired_width(320.0),
                )
                .labelled_by(checkbox.id);
            });
        }
    }
}

pub(super) fn printer_choice(ui: &mut Ui, s: &AppState, actions: &mut Vec<Action>) {
    let w = s.words();
    let l = ui.label(w.msg(msg!("g-printer")));
    let current = s.prefs.last_printer.clone().unwrap_or_else(|| w.msg(msg!("g-default-printer")));
    egui::ComboBox::from_id_salt("printer")
        .selected_text(current)
        .show_ui(ui, |ui| {
            for p in &s.printing.printers {
                if ui.selectable_label(s.prefs.last_printer.as_ref() == Some(p), p).clicked() {
                    actions.push(Action::SelectPrinter(p.clone()));
                }
            }
        })
        .response
        .labelled_by(l.id);
    if ui.small_button(w.msg(msg!("g-refresh-printers"))).clicked() {
        actions.push(Action::RefreshPrinters);
    }
}
