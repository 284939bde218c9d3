//! Entry point: no arguments opens the window; `calc` and `order` run headless.
#![forbid(unsafe_code)]

use std::process::ExitCode;

use nkact_dose::cli::{self, Command, Outcome};
use nkact_dose::msg;
use nkact_dose::present::Words;
use nkact_dose::settings::Settings;

fn main() -> ExitCode {
    // Process start, for the first-frame timing (a monotonic stopwatch, not the clock).
    let started = std::time::Instant::now();
    // args_os: bytes that are not UTF-8 are a usage error (exit 2), never a panic.
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    ExitCode::from(run(args, started).code())
}

fn run(args: Vec<std::ffi::OsString>, started: std::time::Instant) -> Outcome {
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    match cli::parse_args(args) {
        Err(usage) => {
            use std::io::Write;
            let _ = writeln!(err, "{}", usage.0);
            Outcome::Invalid
        }
        Ok(Command::Print(help)) => {
            use std::io::Write;
            let _ = write!(out, "{help}");
            Outcome::Ok
        }
        Ok(Command::Calc(a)) => {
            cli::run_calc(&a, &Settings::default(), nkact_dose::clock::now_local(), &mut out, &mut err)
        }
        Ok(Command::Order(a)) => {
            cli::run_order(&a, &Settings::default(), nkact_dose::clock::now_local(), &mut out, &mut err)
        }
        Ok(Command::Register(a)) => {
            cli::register::run(&a, nkact_dose::clock::now_local(), &mut out, &mut err)
        }
        Ok(Command::Selftest(a)) => {
            cli::selftest::run(&a, nkact_dose::clock::now_local(), &mut out, &mut err)
        }
        Ok(Command::Window(lang)) => match nkact_dose::gui::run(started, lang) {
            Ok(()) => Outcome::Ok,
            Err(e) => {
                use std::io::Write;
                let lang = nkact_dose::locale::system_lang(|k| std::env::var(k).ok());
                let w = Words::new(lang, None);
                let message = w.msg(msg!("cli-window-failed", "detail" => e));
                let _ = writeln!(err, "{}", cli::error_line(&w, &message));
                Outcome::Failed
            }
        },
    }
}
