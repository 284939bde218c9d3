//! One dose line: its phase, its dose, its preparation (vials, volume, bag), infusion and observation; and the day-by-day schedule.

#[allow(unused_imports)]
use super::*;

/// The infusion time for this dose, and the pump rate from the bag volume.
pub(super) fn infusion(
    drug: Drug,
    product: &ProductSettings,
    settings: &Settings,
    phase: Option<Phase>,
    clinical: &Clinical,
) -> Option<Infusion> {
    let loading = phase.is_none_or(|p| p.loading);
    let (minutes, basis) = match (drug, loading) {
        (_, true) => {
            let m = product.infusion_minutes_loading?;
            ((m, m), if phase.is_some() { InfusionBasis::Loading } else { InfusionBasis::Site })
        }
        // Facts: trastuzumab maintenance over 30 min only if the previous dose was well tolerated, otherwise 90.
        (Drug::Trastuzumab, false) => match clinical.previous_infusion_tolerated {
            Some(true) => {
                let m = product.infusion_minutes_maintenance?;
                ((m, m), InfusionBasis::Tolerated)
            }
            Some(false) => {
                let m = product.infusion_minutes_loading?;
                ((m, m), InfusionBasis::NotTolerated)
            }
            None => {
                let m = product.infusion_minutes_loading?;
                ((m, m), InfusionBasis::ToleranceNotRecorded)
            }
        },
        // Facts: pertuzumab 420 mg over 30-60 min.
        (Drug::Pertuzumab, false) => {
            let m = product.infusion_minutes_maintenance?;
            (
                (m, settings.administration.pertuzumab_maintenance_max_minutes.max(m)),
                InfusionBasis::Maintenance,
            )
        }
        (_, false) => {
            let m = product.infusion_minutes_maintenance?;
            ((m, m), InfusionBasis::Maintenance)
        }
    };
    if minutes.0 == 0 {
        return None;
    }
    let rate = |m: u32| product.bag_volume_ml.map(|v| round_decimals(v / (f64::from(m) / 60.0), 1));
    let rate_ml_h = rate(minutes.0).zip(rate(minutes.1));
    Some(Infusion { minutes, basis, rate_ml_h })
}

/// How long to watch the patient after this drug.
pub(super) fn observation(drug: Drug, cycle: u32, settings: &Settings) -> Option<Observation> {
    match drug {
        Drug::Pertuzumab => {
            Some(Observation::BeforeNext { minutes: crate::regimen::PERTUZUMAB_OBSERVATION_MINUTES })
        }
        Drug::Trastuzumab if cycle == 1 => {
            Some(Observation::FromStartHours(crate::regimen::TRASTUZUMAB_FIRST_OBSERVATION_HOURS))
        }
        Drug::Trastuzumab => Some(match settings.administration.trastuzumab_later_observation_minutes {
            Some(m) => Observation::Minutes(m),
            None => Observation::PerSiteProtocol,
        }),
        _ => None,
    }
}

/// Loading or maintenance for an antibody; `None` for drugs without phases.
pub(super) fn phase_for(rule: &DrugRule, inputs: &Inputs) -> Option<Phase> {
    let max_days = rule.max_maintenance_interval_days?;
    if inputs.cycle == 1 {
        return Some(Phase { loading: true, reason: PhaseReason::FirstCycle });
    }
    let last = match rule.drug {
        Drug::Trastuzumab => inputs.last_trastuzumab,
        Drug::Pertuzumab => inputs.last_pertuzumab,
        _ => None,
    };
    Some(match (inputs.day1, last) {
        (Some(day1), Some(last)) => {
            let days = (day1 - last).num_days();
            if days > max_days {
                Phase { loading: true, reason: PhaseReason::IntervalExceeded { last, day1, days, max_days } }
            } else {
                Phase { loading: false, reason: PhaseReason::IntervalWithin { last, day1, days, max_days } }
            }
        }
        _ => Phase { loading: false, reason: PhaseReason::IntervalNotChecked },
    })
}

pub(super) fn dose_line(
    rule: &DrugRule,
    product: &ProductSettings,
    settings: &Settings,
    inputs: &Inputs,
    bsa: &BsaResult,
    phase: Option<Phase>,
    day: &dyn Fn(i32) -> (i32, Option<NaiveDate>),
) -> DoseLine {
    let loading = phase.is_none_or(|p| p.loading);
    let (unrounded, mut working) = match rule.basis {
        Basis::PerSquareMetre(rate) => {
            (rate * bsa.used_m2, Working::PerSquareMetre { rate, bsa_m2: bsa.used_m2, uncapped: None })
        }
        Basis::PerKilogram { loading: l, maintenance: m } => {
            let rate = if loading { l } else { m };
            (rate * inputs.weight.kg(), Working::PerKilogram { rate, weight_kg: inputs.weight.kg() })
        }
        Basis::Flat { loading: l, maintenance: m } => {
            let amount = if loading { l } else { m };
            (amount, Working::Flat { amount })
        }
    };
    let increment = match rule.unit {
        DoseUnit::Mg => settings.mg_rounding_increment,
        DoseUnit::Units => 1.0,
    };
    let dose = round_to_increment(unrounded, increment);
    let uncapped = match (rule.basis, bsa.cap_applied_m2) {
        (Basis::PerSquareMetre(per), Some(_)) => Some(round_to_increment(per * bsa.rounded_m2, increment)),
        _ => None,
    };
    if let (Working::PerSquareMetre { uncapped: slot, .. }, Some(u)) = (&mut working, uncapped) {
        *slot = Some((bsa.rounded_m2, u));
    }
    let preparation = preparation(product, settings, dose);
    DoseLine {
        drug: rule.drug,
        unit: rule.unit,
        route: rule.route,
        dose,
        unrounded,
        uncapped,
        phase,
        days: rule.timing.days().into_iter().map(day).collect(),
        once_within: matches!(rule.timing, crate::regimen::Timing::OnceWithin { .. }),
        after_nk_within_hours: rule.after_nk_within_hours,
        working,
        increment,
        preparation,
        observation: None,
        withheld: false,
        chosen_day: None,
    }
}

/// Rounds a volume for measuring: 0.1 mL at 10 mL and over, 0.01 mL from 1 mL, 0.001 mL below.
pub fn measurable_volume(volume_ml: f64) -> f64 {
    let decimals = if volume_ml >= 10.0 {
        1
    } else if volume_ml >= 1.0 {
        2
    } else {
        3
    };
    round_decimals(volume_ml, decimals)
}

pub(super) fn preparation(product: &ProductSettings, settings: &Settings, dose: f64) -> Preparation {
    let volume_ml = measurable_volume(dose / product.concentration_per_ml);
    let too_small = volume_ml < settings.min_measurable_ml;
    let diluted = product.dilute_to_per_ml.filter(|_| too_small).map(|c| (c, measurable_volume(dose / c)));
    let vials = choose_vials(dose, &product.vial_sizes);
    Preparation {
        concentration_per_ml: product.concentration_per_ml,
        volume_ml,
        vials,
        diluent: product.diluent,
        bag_volume_ml: product.bag_volume_ml,
        infusion: None,
        too_small,
        min_measurable_ml: settings.min_measurable_ml,
        diluted,
    }
}

/// The vials that cover `dose` with the least drug left over, then the fewest
/// vials. Sizes are few (at most a handful) and counts small, so an
/// exhaustive search is exact and cheap; past 64 vials of the smallest size
/// it falls back to the largest size only.
pub fn choose_vials(dose: f64, sizes: &[f64]) -> Vec<VialCount> {
    let mut sizes: Vec<f64> = sizes.iter().copied().filter(|s| s.is_finite() && *s > 0.0).collect();
    sizes.sort_by(|a, b| b.total_cmp(a));
    sizes.dedup_by(|a, b| (*a - *b).abs() < 1e-9);
    let Some(&smallest) = sizes.last() else { return Vec::new() };
    let Some(&largest) = sizes.first() else { return Vec::new() };
    let need = |size: f64| (dose / size - 1e-9).ceil().max(0.0) as u32;
    if need(smallest) > 64 || sizes.len() > 5 {
        return vec![VialCount { size: largest, count: need(largest) }];
    }
    let mut best: Option<(f64, u32, Vec<u32>)> = None;
    let mut counts = vec![0u32; sizes.len()];
    search(&sizes, 0, 0.0, dose, &mut counts, &mut best);
    match best {
        Some((_, _, counts)) => sizes
            .iter()
            .zip(counts)
            .filter(|(_, c)| *c > 0)
            .map(|(s, c)| VialCount { size: *s, count: c })
            .collect(),
        None => Vec::new(),
    }
}

pub(super) fn search(
    sizes: &[f64],
    i: usize,
    total: f64,
    dose: f64,
    counts: &mut Vec<u32>,
    best: &mut Option<(f64, u32, Vec<u32>)>,
) {
    if total + 1e-9 >= dose || i == sizes.len() {
        if total + 1e-9 >= dose {
            let n: u32 = counts.iter().sum();
            let better = match best {
                None => true,
                Some((t, bn, _)) => total < *t - 1e-9 || ((total - *t).abs() <= 1e-9 && n < *bn),
            };
            if better {
                *best = Some((total, n, counts.clone()));
            }
        }
        return;
    }
    let size = sizes[i];
    let max = ((dose - total) / size - 1e-9).ceil().max(0.0) as u32;
    for c in 0..=max {
        counts[i] = c;
        search(sizes, i + 1, total + size * f64::from(c), dose, counts, best);
    }
    counts[i] = 0;
}

pub(super) fn schedule(inputs: &Inputs, doses: &[DoseLine], nk_in_cycle: bool) -> Vec<ScheduleDay> {
    let regimen = &NK_ACT_BC;
    let mut events: Vec<(i32, Event)> = Vec::new();
    for line in doses {
        // A once-only dose with its day chosen is on that day alone.
        if let Some((d, _)) = line.chosen_day {
            events.push((d, Event::Dose(line.drug)));
            continue;
        }
        for (d, _) in &line.days {
            events.push((
                *d,
                if line.withheld {
                    Event::Withheld(line.drug)
                } else if line.once_within {
                    Event::DoseWindow(line.drug)
                } else {
                    Event::Dose(line.drug)
                },
            ));
        }
    }
    if nk_in_cycle {
        events.push((regimen.nk.day, Event::NkInfusion));
    }
    // The next cycle's Day 1 is Day (cycle length + 1) of this one: Day 22 for 21 days.
    let next = i32::try_from(regimen.cycle_length_days + 1).unwrap_or(22);
    events.push((next, Event::NextCycle));
    // The NK infusion comes before that day's IL-2 (IL-2 "within 24 h after NK infusion").
    let order = |e: &Event| match e {
        Event::DoseWindow(_) => 0,
        Event::Dose(Drug::Interleukin2) => 3,
        Event::Dose(_) | Event::Withheld(_) => 1,
        Event::NkInfusion => 2,
        Event::NextCycle => 4,
    };
    events.sort_by_key(|(d, e)| (*d, order(e)));
    let mut days: Vec<ScheduleDay> = Vec::new();
    for (d, e) in events {
        match days.last_mut() {
            Some(last) if last.day == d => last.events.push(e),
            _ => days.push(ScheduleDay {
                day: d,
                date: inputs.day1.and_then(|d1| date_of_day(d1, d)),
                events: vec![e],
            }),
        }
    }
    days
}
