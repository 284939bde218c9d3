//! The order form: patient, measures, cycle, criteria to treat and trial, as a table of fields.

#[allow(unused_imports)]
use super::*;

/// Whether a measure field has the keyboard focus, and whether it took it this frame.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct MeasureFocus {
    pub(super) has_focus: bool,
    pub(super) gained: bool,
}

/// Rows of fields the doses depend on, in order: each with its label, hint and error,
/// and whether the keyboard is in one of them.
fn measure_rows(
    ui: &mut Ui,
    w: &Words,
    errors: &[InputError],
    focus: &mut MeasureFocus,
    rows: Vec<(Field, &mut String, String)>,
) {
    for (f, value, hint) in rows {
        focus.add(&field(ui, f, &w.field_label(f), value, &hint, error_for(w, errors, f)));
    }
}

impl MeasureFocus {
    fn add(&mut self, r: &egui::Response) {
        self.has_focus |= r.has_focus();
        self.gained |= r.gained_focus();
    }
}

pub(super) fn form_ui(
    ui: &mut Ui,
    s: &mut AppState,
    errors: &[InputError],
    actions: &mut Vec<Action>,
) -> MeasureFocus {
    let w = s.words();
    let mut focus = MeasureFocus::default();
    patient_section(ui, s, &w);
    measures_section(ui, s, &w, errors, actions, &mut focus);
    cycle_section(ui, s, &w, errors, &mut focus);
    site_settings_section(ui, s, &w, actions);
    focus
}

/// The patient, who issues, and the trial subject and cohort.
fn patient_section(ui: &mut Ui, s: &mut AppState, w: &Words) {
    let today = s.now().date();
    let patient_errors = s.order.patient.validate(today).err().unwrap_or_default();
    section(ui, &w.msg(msg!("s-patient")));
    let p = &mut s.order.patient;
    let name_note = error_for(w, &patient_errors, Field::PatientName);
    let name = field(ui, Field::PatientName, &w.field_label(Field::PatientName), &mut p.name, "", name_note);
    // A new window starts in the first patient field, not in the toolbar.
    if !s.focus_placed {
        name.request_focus();
        s.focus_placed = true;
    }
    let id_note = error_for(w, &patient_errors, Field::PatientId);
    field(ui, Field::PatientId, &w.field_label(Field::PatientId), &mut p.identifier, "", id_note);
    let dob_error =
        error_for(w, &patient_errors, Field::DateOfBirth).filter(|_| !p.date_of_birth.trim().is_empty());
    field(
        ui,
        Field::DateOfBirth,
        &w.field_label(Field::DateOfBirth),
        &mut p.date_of_birth,
        &w.msg(msg!("g-date-hint")),
        dob_error,
    );
    field(
        ui,
        Field::Allergies,
        &w.field_label(Field::Allergies),
        &mut p.allergies,
        &w.msg(msg!("g-allergies-hint")),
        None,
    );
    // Required before any warning can be acknowledged or a sheet leave: said beside it.
    let issuer_note =
        s.order.issued_by.trim().is_empty().then(|| FieldNote::Required(w.msg(msg!("g-required"))));
    // Signed in: the issuer is the person who proved who they are.
    let signed_in = s.sign_in.person.is_some();
    if signed_in {
        ui.horizontal(|ui| {
            label_cell(ui, &w.msg(msg!("g-issued-by")));
            ui.label(RichText::new(&s.order.issued_by).strong());
        });
    } else {
        field(ui, "g-issued-by", &w.msg(msg!("g-issued-by")), &mut s.order.issued_by, "", issuer_note);
    }
    field(
        ui,
        Field::Subject,
        &w.field_label(Field::Subject),
        &mut s.order.trial.subject,
        &w.msg(msg!("g-optional")),
        None,
    );
    let cohorts = [
        ("", w.msg(msg!("g-not-answered"))),
        ("lead-in", w.cohort_name(crate::stagger::Cohort::LeadIn)),
        ("expansion", w.cohort_name(crate::stagger::Cohort::Expansion)),
    ];
    choice(ui, &w.msg(msg!("s-cohort")), "cohort", &mut s.order.trial.cohort, &cohorts);
}

/// Weight, height, the BSA formula and cap, and the previous weight.
fn measures_section(
    ui: &mut Ui,
    s: &mut AppState,
    w: &Words,
    errors: &[InputError],
    actions: &mut Vec<Action>,
    focus: &mut MeasureFocus,
) {
    section(ui, &w.msg(msg!("g-measures")));
    let i = &mut s.order.inputs;
    // Hints name the unit, never an example number that could be read as a value.
    let rows = vec![
        (Field::Weight, &mut i.weight, "kg".to_owned()),
        (Field::Height, &mut i.height, "cm".to_owned()),
    ];
    measure_rows(ui, w, errors, focus, rows);
    let current = crate::input::parse_formula(&i.bsa_formula).unwrap_or_default();
    ui.horizontal(|ui| {
        let l = label_cell(ui, &w.field_label(Field::BsaFormula));
        egui::ComboBox::from_id_salt("bsa-formula")
            .selected_text(w.formula_name(current))
            .show_ui(ui, |ui| {
                for f in BsaFormula::ALL {
                    if ui.selectable_label(f == current, w.formula_name(f)).clicked() {
                        actions.push(Action::SetFormula(f));
                    }
                }
            })
            .response
            .labelled_by(l.id);
    });
    let optional = w.msg(msg!("g-optional"));
    let rows = vec![
        (Field::BsaCap, &mut i.bsa_cap, optional.clone()),
        (Field::PreviousWeight, &mut i.previous_weight, optional),
    ];
    measure_rows(ui, w, errors, focus, rows);
}

/// The cycle, its dates, the NK product and the criteria to treat.
fn cycle_section(ui: &mut Ui, s: &mut AppState, w: &Words, errors: &[InputError], focus: &mut MeasureFocus) {
    let i = &mut s.order.inputs;
    section(ui, &w.msg(msg!("l-cycle")));
    let date_hint = w.msg(msg!("g-date-hint"));
    let rows = vec![
        (Field::Cycle, &mut i.cycle, w.msg(msg!("g-cycle-hint"))),
        (Field::Day1, &mut i.day1, date_hint.clone()),
    ];
    measure_rows(ui, w, errors, focus, rows);
    let first_cycle = i.cycle.trim() == "1";
    if crate::doublecheck::needs_last_dates(i) {
        let rows = vec![
            (Field::LastTrastuzumab, &mut i.last_trastuzumab, date_hint.clone()),
            (Field::LastPertuzumab, &mut i.last_pertuzumab, date_hint.clone()),
        ];
        measure_rows(ui, w, errors, focus, rows);
        choice(
            ui,
            &w.field_label(Field::PreviousInfusionTolerated),
            "tolerated",
            &mut s.order.clinical.previous_infusion_tolerated,
            &[
                ("", w.msg(msg!("g-not-answered"))),
                ("yes", w.msg(msg!("g-yes"))),
                ("no", w.msg(msg!("g-no"))),
            ],
        );
    }
    let c = &mut s.order.clinical;
    if first_cycle {
        // Only the date's own problem outlines it: the order judges it against Day 1 as typed
        // and drops "outside the window" while Day 1 itself is in error (clinical::all_errors).
        measure_rows(
            ui,
            w,
            errors,
            focus,
            vec![(Field::CyclophosphamideDate, &mut c.cyclophosphamide_date, date_hint)],
        );
    }

    section(ui, &w.msg(msg!("g-nk-product")));
    measure_rows(ui, w, errors, focus, vec![(Field::NkCells, &mut i.nk_cells, w.msg(msg!("g-nk-hint")))]);
    let c = &mut s.order.clinical;
    if first_cycle {
        let rows = vec![
            (Field::NkProductId, &mut c.nk_product_id, String::new()),
            (Field::NkBagId, &mut c.nk_bag_id, String::new()),
            (Field::NkReleasedAt, &mut c.nk_released_at, w.msg(msg!("g-date-time-hint"))),
        ];
        measure_rows(ui, w, errors, focus, rows);
    }
    criteria_form(ui, w, c, errors, first_cycle, focus);
}

/// The site's settings typed in the window (applied with a button, checked against their bounds).
fn site_settings_section(ui: &mut Ui, s: &mut AppState, w: &Words, actions: &mut Vec<Action>) {
    egui::CollapsingHeader::new(w.msg(msg!("g-site-settings"))).show(ui, |ui| {
        let t = &mut s.settings_text;
        let (optional, site) = (w.msg(msg!("g-optional")), w.per_site_protocol());
        // Each field with the setting it writes: one the pharmacy locked is shown, not edited.
        let rows: [(&str, &str, &mut String, String); 11] = [
            (id!("g-rounding"), "mg_rounding_increment", &mut t.mg_rounding_increment, "mg".to_owned()),
            (
                id!("g-il2-dilution"),
                "products.interleukin-2.dilute_to_per_ml",
                &mut t.il2_dilution_million_per_ml,
                optional,
            ),
            (
                id!("g-cyclo-bag"),
                "products.cyclophosphamide.bag_volume_ml",
                &mut t.cyclophosphamide_bag_ml,
                "mL".to_owned(),
            ),
            (
                id!("g-cyclo-minutes"),
                "products.cyclophosphamide.infusion_minutes_loading",
                &mut t.cyclophosphamide_minutes,
                "min".to_owned(),
            ),
            (
                id!("g-trastuzumab-observation"),
                "administration.trastuzumab_later_observation_minutes",
                &mut t.trastuzumab_later_observation_minutes,
                "min".to_owned(),
            ),
            (
                id!("g-lvef-max-age"),
                "administration.lvef_max_age_days",
                &mut t.lvef_max_age_days,
                w.msg(msg!("g-days")),
            ),
            (
                id!("g-nk-max-hours"),
                "administration.nk_max_hours_after_release",
                &mut t.nk_max_hours,
                "h".to_owned(),
            ),
            (id!("l-nk-route-set"), "administration.nk_route_and_set", &mut t.nk_route_and_set, site.clone()),
            (id!("l-premedication"), "administration.premedication", &mut t.premedication, site.clone()),
            (id!("l-antiemetic"), "administration.antiemetic", &mut t.antiemetic, site.clone()),
            (id!("l-hydration"), "administration.hydration", &mut t.hydration, site),
        ];
        for (key, path, value, hint) in rows {
            if s.policy.locks(path) {
                let label = format!("{} — {}", w.t(key), w.msg(msg!("g-set-by-pharmacy")));
                ui.add_enabled_ui(false, |ui| field(ui, key, &label, value, &hint, None));
            } else {
                field(ui, key, &w.t(key), value, &hint, None);
            }
        }
        if let Some(e) = &t.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        if ui.button(w.msg(msg!("g-apply-settings"))).clicked() {
            actions.push(Action::ApplySiteSettings);
        }
        // The decimal mark of the window and the sheet: a reviewed site setting, one mark per document.
        ui.horizontal(|ui| {
            ui.label(w.msg(msg!("g-decimal-mark")));
            for mark in crate::locale::DecimalMark::ALL {
                if ui.radio(w.mark == mark, w.decimal_mark_name(mark)).clicked() {
                    actions.push(Action::SetDecimalMark(mark));
                }
            }
        });
        let paper_locked = s.policy.locks("paper");
        ui.horizontal(|ui| {
            ui.label(w.msg(msg!("g-paper")));
            let paper = s.order.settings.paper;
            for p in [Paper::A4, Paper::Letter] {
                if ui
                    .add_enabled(!paper_locked, egui::RadioButton::new(paper == p, w.paper_name(p)))
                    .clicked()
                {
                    actions.push(Action::SetPaper(p));
                }
            }
            if paper_locked {
                ui.label(w.msg(msg!("g-set-by-pharmacy")));
            }
        });
    });
}

pub(super) fn files_ui(ui: &mut Ui, s: &mut AppState, actions: &mut Vec<Action>) {
    let w = s.words();
    if !s.files.show_path_input {
        return;
    }
    section(ui, &w.msg(msg!("g-typed-path-title")));
    field(ui, "g-path", &w.msg(msg!("g-path")), &mut s.files.path_input, &w.msg(msg!("g-path-hint")), None);
    // Wrapped: "Exportar el PDF a la ruta" was cut off at the column's edge.
    ui.horizontal_wrapped(|ui| {
        if ui.button(w.msg(msg!("g-save-to-path"))).clicked() {
            actions.push(Action::TypedPath(FileKind::Save));
        }
        if ui.button(w.msg(msg!("g-open-path"))).clicked() {
            actions.push(Action::TypedPath(FileKind::Open));
        }
        if ui.add_enabled(s.printable().is_ok(), egui::Button::new(w.msg(msg!("g-export-to-path")))).clicked()
        {
            actions.push(Action::TypedPath(FileKind::Export));
        }
    });
}

/// A choice among a few words, stored as its key ("" for not answered).
pub(super) fn choice(ui: &mut Ui, label: &str, salt: &str, value: &mut String, options: &[(&str, String)]) {
    ui.horizontal(|ui| {
        let l = label_cell(ui, label);
        let shown = options
            .iter()
            .find(|(k, _)| *k == value.trim())
            .map(|(_, t)| t.clone())
            .unwrap_or_else(|| value.clone());
        egui::ComboBox::from_id_salt(salt)
            .selected_text(shown)
            .show_ui(ui, |ui| {
                for (k, text) in options {
                    if ui.selectable_label(value.trim() == *k, text).clicked() {
                        *value = (*k).to_owned();
                    }
                }
            })
            .response
            .labelled_by(l.id);
    });
}

/// The criteria inputs: the heart every cycle; in cycle 1 the laboratory
/// values (value with its unit, and date), the site's upper limits of normal,
/// and what relaxes a limit. Every field takes part in the partial-typing
/// guard (`focus`): an LVEF of "6" on the way to "60" decides a withhold.
pub(super) fn criteria_form(
    ui: &mut Ui,
    w: &Words,
    c: &mut crate::clinical::RawClinical,
    errors: &[InputError],
    first_cycle: bool,
    focus: &mut MeasureFocus,
) {
    use crate::criteria::LabCode;
    section(ui, &w.msg(msg!("g-heart")));
    let heart = [
        (Field::Lvef, &mut c.lvef, "%".to_owned()),
        (Field::LvefDate, &mut c.lvef_date, w.msg(msg!("g-date-hint"))),
        (Field::LvefBaseline, &mut c.lvef_baseline, "%".to_owned()),
    ];
    for (f, value, hint) in heart {
        focus.add(&field(ui, f, &w.field_label(f), value, &hint, error_for(w, errors, f)));
    }
    if !first_cycle {
        c.tidy();
        return;
    }
    section(ui, &w.msg(msg!("l-criteria")));
    ui.label(RichText::new(w.msg(msg!("g-labs-hint"))).weak());
    // A row in error is outlined in red; its message, in the window's words, is under the table.
    let lab_errors: Vec<&InputError> = errors.iter().filter(|e| matches!(e.field, Field::Lab)).collect();
    let uln_errors: Vec<&InputError> = errors.iter().filter(|e| matches!(e.field, Field::Uln)).collect();
    egui::Grid::new("labs").num_columns(3).show(ui, |ui| {
        ui.label(RichText::new(w.msg(msg!("crit-h-criterion"))).strong());
        ui.label(RichText::new(w.msg(msg!("g-value-unit"))).strong());
        ui.label(RichText::new(w.msg(msg!("crit-h-date"))).strong());
        ui.end_row();
        for code in LabCode::ALL {
            let l = ui.label(w.criterion_name(code.key()));
            let lab = c.lab_mut(code);
            let in_error = lab_errors.iter().any(|e| e.value.starts_with(&format!("{}=", code.key())));
            let hint = code.unit().symbol();
            grid_field(ui, ("lab-measure", code.key()), &mut lab.measure, hint, 140.0, l.id, in_error, focus);
            let date_hint = w.msg(msg!("g-date-hint"));
            grid_field(ui, ("lab-date", code.key()), &mut lab.date, &date_hint, 100.0, l.id, in_error, focus);
            ui.end_row();
        }
    });
    ui.label(RichText::new(w.field_label(Field::Uln)).strong());
    egui::Grid::new("uln").num_columns(2).show(ui, |ui| {
        for code in [LabCode::Bilirubin, LabCode::Ast, LabCode::Alt, LabCode::Creatinine, LabCode::Inr] {
            let l = ui.label(w.criterion_name(code.key()));
            let uln = c.uln_mut(code);
            let in_error = uln_errors.iter().any(|e| e.value.starts_with(&format!("{}=", code.key())));
            let hint = code.unit().symbol();
            grid_field(ui, ("uln", code.key()), &mut uln.measure, hint, 110.0, l.id, in_error, focus);
            ui.end_row();
        }
    });
    for e in lab_errors.iter().chain(uln_errors.iter()) {
        let text = w.window_lab_error(e);
        ui.add(egui::Label::new(RichText::new(text).color(ui.visuals().error_fg_color)).wrap());
    }
    let sexes = [
        ("", w.msg(msg!("g-not-answered"))),
        ("female", w.msg(msg!("g-female"))),
        ("male", w.msg(msg!("g-male"))),
    ];
    choice(ui, &w.field_label(Field::Sex), "sex", &mut c.sex, &sexes);
    if let Some(FieldNote::Error(e)) = error_for(w, errors, Field::Sex) {
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
    ui.checkbox(&mut c.liver_metastases, w.msg(msg!("g-liver-metastases")));
    ui.checkbox(&mut c.gilbert, w.msg(msg!("g-gilbert")));
    c.tidy();
}

/// One text cell of the criteria grid: a stable id, labelled by its row, outlined in
/// red when its row is in error, and part of the partial-typing guard.
#[allow(clippy::too_many_arguments)]
pub(super) fn grid_field(
    ui: &mut Ui,
    key: impl std::hash::Hash + std::fmt::Debug,
    value: &mut String,
    hint: &str,
    width: f32,
    label: egui::Id,
    in_error: bool,
    focus: &mut MeasureFocus,
) {
    let r = ui
        .add(TextEdit::singleline(value).id(field_id(key)).hint_text(hint.to_owned()).desired_width(width))
        .labelled_by(label);
    if in_error {
        let red = egui::Stroke::new(2.0, ui.visuals().error_fg_color);
        ui.painter().rect_stroke(r.rect.expand(1.0), 2.0, red, egui::StrokeKind::Outside);
    }
    focus.add(&r);
}
