//! What each action does to the window's state, one function per sub-state.

#[allow(unused_imports)]
use super::*;

impl AppState {
    /// New order, save, open and export: the files and what the form holds.
    pub(super) fn apply_file(&mut self, action: Action) {
        let w = self.words();
        match action {
            Action::ConfirmDiscard(what) => {
                if self.has_unsaved_work() {
                    self.files.pending_discard = Some(what);
                } else {
                    self.files.pending_discard = None;
                    self.apply_one(match what {
                        Discard::NewOrder => Action::NewOrder,
                        Discard::Open => Action::DiscardConfirmed,
                    });
                }
            }
            Action::DiscardConfirmed => {
                // Open is answered by the window (it opens the chooser); a New order happens here.
                let pending = self.files.pending_discard.take();
                if pending == Some(Discard::NewOrder) {
                    self.apply_one(Action::NewOrder);
                }
            }
            Action::DiscardCancelled => self.files.pending_discard = None,
            Action::NewOrder => {
                // The person at the workstation stays the same: their name is kept.
                let issuer = std::mem::take(&mut self.order.issued_by);
                self.order = Self::fresh_order(&self.prefs, self.now());
                self.order.issued_by = issuer;
                self.reasons.clear();
                // Overrides given for the previous order are not this one's.
                self.forget_givers();
                self.verified_inputs = None;
                self.mode = Mode::Form;
                self.check.second = SecondEntry::default();
                self.check.mismatches.clear();
                self.notice = None;
                self.saved_snapshot = None;
                self.files.pending_discard = None;
                // A typed path named after the previous patient's order is not offered for the next.
                self.files.path_input.clear();
                self.files.confirm_replace = None;
                self.stagger_reason.clear();
                self.override_reasons.clear();
            }
            Action::SaveTo(path) => self.save_to(&path),
            Action::OpenFrom(path) => self.open_from(&path),
            Action::ExportTo { path, replace } => self.export_to(&path, replace),
            Action::TypedPath(kind) => {
                let path = PathBuf::from(self.files.path_input.trim());
                if self.files.path_input.trim().is_empty() {
                    self.notice = Some(Notice::Error(w.msg(msg!("g-type-a-path"))));
                    return;
                }
                match kind {
                    FileKind::Save => self.save_to(&path),
                    FileKind::Open => self.open_from(&path),
                    FileKind::Export => self.export_to(&path, false),
                }
            }
            Action::ChooserEmpty(_) => {
                self.files.show_path_input = true;
                self.notice = Some(Notice::Info(w.msg(msg!("g-no-chooser"))));
            }
            _ => {}
        }
    }

    /// The Register view: showing it, its pages, reopening and reprinting an entry.
    pub(super) fn apply_register(&mut self, action: Action) {
        match action {
            Action::ShowRegister => {
                self.printing.reprint_fallback = None;
                self.mode = Mode::Register;
                self.refresh_register();
            }
            Action::RefreshRegister => {
                self.register_view.page = 0;
                self.refresh_register();
            }
            Action::CloseRegister => {
                // A refused reprint's fallback belongs to the register view: it never
                // outlives it (issue 19: the form's export wrote another patient's sheet).
                self.printing.reprint_fallback = None;
                self.mode = Mode::Form;
            }
            Action::Reopen(id) => self.reopen(id),
            Action::Reprint(id) => self.reprint(id),
            Action::RegisterPage(older) => {
                let v = &mut self.register_view;
                v.page = if older { v.page + 1 } else { v.page.saturating_sub(1) };
                self.refresh_register();
            }
            _ => {}
        }
    }

    /// The double-check: starting, cancelling, submitting it, and a new verifier.
    pub(super) fn apply_check(&mut self, action: Action) {
        match action {
            Action::StartDoubleCheck => {
                if !self.checkable() {
                    return;
                }
                self.check.second = SecondEntry::default();
                self.check.mismatches.clear();
                self.mode = Mode::DoubleCheck;
            }
            Action::CancelDoubleCheck => {
                // Nothing of a cancelled check stays for the next one.
                self.check.clear_entries(false);
                self.mode = Mode::Form;
            }
            Action::SubmitDoubleCheck => self.submit_double_check(),
            Action::VerifierChanged => self.check.clear_entries(true),
            _ => {}
        }
    }

    /// Who acts: signing in and out, acknowledgements and overrides.
    pub(super) fn apply_people(&mut self, action: Action) {
        match action {
            Action::SignIn => self.sign_in(),
            Action::StaggerOverride => self.stagger_override(),
            Action::SignOut => {
                // Their key stays open only to sign the overrides they gave for this order.
                if let (Some(p), Some(path)) = (self.sign_in.person.take(), self.register_path()) {
                    let key = crate::register::name_key(&p.name);
                    if !self.givers.iter().any(|g| crate::register::name_key(&g.name) == key) {
                        crate::register::Register::sign_out(&path.to_string_lossy(), &p.name);
                    }
                }
                self.sign_in.secret.clear();
                // The next person types their own name into an empty field.
                self.sign_in.name.clear();
                self.sign_in.error = None;
                self.notice = None;
                self.override_error = None;
            }
            Action::Acknowledge { code, detail, acknowledged } => {
                self.acknowledge(code, detail, acknowledged)
            }
            Action::Override { code } => self.override_criterion(&code),
            _ => {}
        }
    }

    /// Language, decimal mark, formula, paper, theme, site settings and printers.
    pub(super) fn apply_settings(&mut self, action: Action) {
        let w = self.words();
        match action {
            // A setting the pharmacy locked does not change.
            Action::SetLang(_) if self.locked("language") => {}
            Action::SetPaper(_) if self.locked("paper") => {}
            Action::SetLang(lang) => {
                self.prefs.lang = Some(lang);
                self.notice = None;
            }
            Action::SetDecimalMark(mark) => self.prefs.decimal_mark = Some(mark),
            Action::SetFormula(f) => {
                self.order.inputs.bsa_formula = f.key().to_owned();
                self.prefs.bsa_formula = f;
            }
            Action::SetDark(dark) => self.prefs.dark = dark,
            Action::SetPaper(paper) => {
                self.order.settings.paper = paper;
                self.prefs.settings.paper = paper;
            }
            Action::ApplySiteSettings => self.apply_site_settings(),
            Action::Print => self.print_current(),
            Action::RefreshPrinters => match crate::print::printers() {
                Ok(list) => {
                    self.printing.printers = list;
                    self.printing.error = None;
                }
                Err(e) => {
                    self.printing.printers.clear();
                    self.printing.error = Some(w.print_error(&e));
                }
            },
            Action::SelectPrinter(p) => self.prefs.last_printer = Some(p),
            _ => {}
        }
    }
}
