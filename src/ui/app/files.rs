//! Order files and site settings: save, open, and the settings typed in the window.

#[allow(unused_imports)]
use super::*;

impl AppState {
    /// The sheet is printed in the window's language and decimal mark at the time it leaves.
    pub(super) fn sync_sheet_words(&mut self) {
        let w = self.words();
        self.order.lang = w.lang;
        self.order.decimal_mark = w.mark;
    }

    pub(super) fn save_to(&mut self, path: &Path) {
        let w = self.words();
        self.sync_sheet_words();
        self.notice = Some(match order::save(&self.order, path) {
            Ok(()) => {
                self.mark_saved();
                Notice::Info(w.msg(msg!("g-saved", "path" => crate::present::words::shown(path))))
            }
            Err(e) => Notice::Error(w.file_error(&e)),
        });
    }

    pub(super) fn open_from(&mut self, path: &Path) {
        let w = self.words();
        match order::load(path) {
            Ok(order) => {
                self.show_order(order);
                let shown = crate::present::words::shown(path);
                self.notice = Some(Notice::Info(w.msg(msg!("g-opened", "path" => shown))));
            }
            // Nothing in the window changes when a file is refused.
            Err(e) => self.notice = Some(Notice::Error(w.file_error(&e))),
        }
    }

    pub(super) fn apply_site_settings(&mut self) {
        let w = self.words();
        let t = &self.settings_text;
        let mut settings = self.order.settings.clone();
        let increment = parse_decimal(&t.mg_rounding_increment);
        let dilution = if t.il2_dilution_million_per_ml.trim().is_empty() {
            Some(None)
        } else {
            parse_decimal(&t.il2_dilution_million_per_ml).map(|m| Some(m * 1e6))
        };
        let optional = |text: &str| -> Option<Option<f64>> {
            if text.trim().is_empty() { Some(None) } else { parse_decimal(text).map(Some) }
        };
        let whole =
            |v: Option<f64>| v.filter(|x| x.fract() == 0.0 && *x >= 0.0 && *x <= 100_000.0).map(|x| x as u32);
        let bag = optional(&t.cyclophosphamide_bag_ml);
        let minutes = optional(&t.cyclophosphamide_minutes);
        let observation = optional(&t.trastuzumab_later_observation_minutes);
        let lvef_age = parse_decimal(&t.lvef_max_age_days).and_then(|v| whole(Some(v)));
        let nk_hours = optional(&t.nk_max_hours);
        let (
            Some(increment),
            Some(dilution),
            Some(bag),
            Some(minutes),
            Some(observation),
            Some(lvef_age),
            Some(nk_hours),
        ) = (increment, dilution, bag, minutes, observation, lvef_age, nk_hours)
        else {
            self.settings_text.error = Some(w.msg(msg!("g-settings-invalid")));
            return;
        };
        let (minutes, observation) =
            match (minutes.map(|m| whole(Some(m))), observation.map(|m| whole(Some(m)))) {
                (Some(None), _) | (_, Some(None)) => {
                    self.settings_text.error = Some(w.msg(msg!("g-settings-invalid")));
                    return;
                }
                (m, o) => (m.flatten(), o.flatten()),
            };
        settings.mg_rounding_increment = increment;
        for p in &mut settings.products {
            if p.drug == Drug::Cyclophosphamide {
                p.bag_volume_ml = bag;
                p.infusion_minutes_loading = minutes;
                p.infusion_minutes_maintenance = minutes;
            }
        }
        let a = &mut settings.administration;
        a.trastuzumab_later_observation_minutes = observation;
        a.lvef_max_age_days = lvef_age;
        a.nk_max_hours_after_release = nk_hours;
        a.nk_route_and_set = t.nk_route_and_set.trim().to_owned();
        a.premedication = t.premedication.trim().to_owned();
        a.antiemetic = t.antiemetic.trim().to_owned();
        a.hydration = t.hydration.trim().to_owned();
        for p in &mut settings.products {
            if p.drug == Drug::Interleukin2 {
                p.dilute_to_per_ml = dilution;
            }
        }
        // What the pharmacy locked stays as it set it, whatever was typed.
        let settings = self.policy.over(&settings);
        match settings.validate() {
            Ok(()) => {
                self.order.settings = settings.clone();
                self.prefs.settings = settings.clone();
                self.settings_text = SettingsText::from(&settings);
                self.settings_text.error = None;
            }
            Err(e) => self.settings_text.error = Some(w.input_error(&e)),
        }
    }
}
