//! What the engine checks besides the doses: the criteria to treat for cycle 1, the heart (LVEF), and the soft limits of the measures.

#[allow(unused_imports)]
use super::*;

/// The eligibility criteria for cycle 1. The first treatment is the
/// cyclophosphamide day when chosen; until then every day of its window.
pub(super) fn eligibility(inputs: &Inputs, clinical: &Clinical, doses: &[DoseLine]) -> Vec<Criterion> {
    let window = doses.iter().find(|d| d.drug == Drug::Cyclophosphamide).map(|d| &d.days);
    let (first, latest) = match (clinical.cyclophosphamide, window) {
        (Some((_, date)), _) => (Some(date), None),
        (None, Some(days)) => (days.first().and_then(|d| d.1), days.last().and_then(|d| d.1)),
        (None, None) => (None, None),
    };
    let age_on = first.or(inputs.day1);
    let ctx = Context {
        uln: clinical.uln.clone(),
        gilbert: clinical.gilbert,
        liver_metastases: clinical.liver_metastases,
        female: clinical.sex == Some(crate::clinical::Sex::Female),
        sex_known: clinical.sex.is_some(),
        age_years: clinical.date_of_birth.zip(age_on).and_then(|(dob, on)| on.years_since(dob)),
        weight_kg: Some(inputs.weight.kg()),
        lvef: clinical.lvef,
        first_treatment: first,
        first_treatment_latest: latest,
    };
    evaluate(&clinical.labs, &ctx)
}

/// The heart check before the antibodies: the hold rule, and the LVEF's age.
pub(super) fn cardiac(
    inputs: &Inputs,
    clinical: &Clinical,
    settings: &Settings,
    doses: &[DoseLine],
    warnings: &mut Vec<Warning>,
) -> Option<Cardiac> {
    if !doses.iter().any(|d| matches!(d.drug, Drug::Trastuzumab | Drug::Pertuzumab)) {
        return None;
    }
    let a = &settings.administration;
    let rule = a.lvef_hold();
    let withhold = match (clinical.lvef_baseline, clinical.lvef) {
        (Some(b), Some((l, _))) => lvef_withholds(&rule, b, l),
        _ => false,
    };
    // No LVEF at all before a maintenance dose is at least as serious as an old one (issue 18):
    // a warning that needs a reason. In cycle 1 the LVEF is an eligibility criterion instead.
    if clinical.lvef.is_none() && inputs.cycle >= 2 {
        warnings.push(Warning::new(
            "lvef-missing",
            inputs.cycle.to_string(),
            WarningKind::LvefMissing { cycle: inputs.cycle },
            true,
        ));
    }
    if let (Some((latest, date)), Some(day1)) = (clinical.lvef, inputs.day1) {
        let days = (day1 - date).num_days();
        if days > i64::from(a.lvef_max_age_days) {
            warnings.push(Warning::new(
                "lvef-old",
                date.to_string(),
                WarningKind::LvefOld { date, day1, days, max_days: a.lvef_max_age_days },
                true,
            ));
        }
        if clinical.lvef_baseline.is_none() && latest < rule.below_pct {
            warnings.push(Warning::new(
                "lvef-baseline-missing",
                format!("{latest}"),
                WarningKind::LvefBaselineMissing { latest_pct: latest, below_pct: rule.below_pct },
                true,
            ));
        }
    }
    Some(Cardiac {
        baseline_pct: clinical.lvef_baseline,
        latest: clinical.lvef,
        rule,
        withhold,
        max_age_days: a.lvef_max_age_days,
    })
}

pub(super) fn soft_limit(warnings: &mut Vec<Warning>, measure: Measure, value: f64, range: Range) {
    let code = match measure {
        Measure::Weight => "weight-soft-limit",
        Measure::Height => "height-soft-limit",
        Measure::Bsa => "bsa-soft-limit",
    };
    // An implausible value is acknowledged with a reason (the patient really is that tall).
    if !range.contains(value) {
        let kind = WarningKind::SoftLimit { measure, value, range };
        warnings.push(Warning::new(code, format!("{value}"), kind, true));
    }
}
