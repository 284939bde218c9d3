//! Printing: the order sheet goes to the system print service. On Linux and
//! macOS that is CUPS, through its own `lp`/`lpstat` clients (present
//! wherever CUPS is, and the interface CUPS documents for programs); on
//! Windows the PDF opens in the default viewer to print from there.

use crate::msg;
#[cfg(unix)]
pub use crate::order::faults::{PrintError, PrintFailure};
use std::process::Command;
use std::time::Duration;

/// A job accepted by the print service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintJob {
    /// The service's job ID, such as `PDF-12`.
    pub id: String,
}

/// A CUPS client command with a clean environment: only what CUPS reads
/// (which server, which user, the user's own lpoptions) and the C locale.
/// The C locale because the job ID is read from `lp`'s reply ("request id is
/// PDF-12"), which CUPS translates (issue 18: under `LANG=es_ES.UTF-8` every
/// print was reported refused and left out of the register); a clean
/// environment because the register's secret (`NKACT_DOSE_SECRET`) and its
/// URL, password included, must not reach a program we do not control.
#[cfg(unix)]
fn cups(program: &str) -> Command {
    const KEPT: [&str; 9] = [
        "PATH",
        "HOME",
        "USER",
        "LOGNAME",
        "TMPDIR",
        "CUPS_SERVER",
        "CUPS_USER",
        "CUPS_ENCRYPTION",
        "CUPS_GSSSERVICENAME",
    ];
    let mut cmd = Command::new(program);
    cmd.env_clear();
    for key in KEPT {
        if let Some(v) = std::env::var_os(key) {
            cmd.env(key, v);
        }
    }
    cmd.env("LC_ALL", "C").env("LANG", "C");
    cmd
}

/// The printers the print service offers (empty where there is none).
#[cfg(unix)]
pub fn printers() -> Result<Vec<String>, PrintError> {
    let out = cups("lpstat").arg("-e").output().map_err(|e| PrintError::NoService(e.to_string()))?;
    if !out.status.success() {
        return Err(PrintError::NoService(String::from_utf8_lossy(&out.stderr).trim().to_owned()));
    }
    Ok(String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect())
}

#[cfg(not(unix))]
pub fn printers() -> Result<Vec<String>, PrintError> {
    Ok(Vec::new())
}

/// Sends the PDF `bytes` to `printer` (or the default printer) on `lp`'s
/// standard input: no temporary file holds the patient's sheet, so nothing is
/// left behind by a killed run and no planted link can redirect it.
#[cfg(unix)]
pub fn print_pdf(bytes: &[u8], printer: Option<&str>, title: &str) -> Result<PrintJob, PrintError> {
    use std::io::Write;
    use std::process::Stdio;
    // With the scheduler down, lp says only that the printer does not exist: ask the scheduler first.
    let status = cups("lpstat").arg("-r").output().map_err(|e| PrintError::NoService(e.to_string()))?;
    let status = String::from_utf8_lossy(&status.stdout).trim().to_owned();
    if status.is_empty() || status.contains("not running") {
        return Err(PrintError::NoService(status));
    }
    let mut cmd = cups("lp");
    if let Some(p) = printer {
        cmd.arg("-d").arg(p);
    }
    // The sheet prints correctly through every renderer cups-filters may use
    // (tests/renderers.rs). pdftocairo is asked for because it keeps glyphs as
    // outlines and keeps a text layer when the queue prints to PDF; with the
    // default renderer text becomes 300-dpi bitmaps. Back-ends that do not use
    // cups-filters ignore the option.
    cmd.args(["-o", "pdftops-renderer=pdftocairo"]);
    cmd.arg("-t").arg(title);
    cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().map_err(|e| PrintError::NoService(e.to_string()))?;
    if let Some(mut stdin) = child.stdin.take() {
        // A write error shows up as lp's own failure below.
        let _ = stdin.write_all(bytes);
    }
    let out = child.wait_with_output().map_err(|e| PrintError::NoService(e.to_string()))?;
    let stderr = String::from_utf8_lossy(&out.stderr).trim().to_owned();
    if !out.status.success() {
        // lp says "scheduler not responding" when CUPS is down; anything else is a refusal.
        // lp runs under the C locale: its messages are CUPS's English ones, read as such.
        return Err(if stderr.contains("not responding") || stderr.contains("No such file") {
            PrintError::NoService(stderr)
        } else if stderr.contains("No default destination") {
            PrintError::NoDefault
        } else {
            PrintError::Rejected(stderr)
        });
    }
    // "request id is PDF-12 (1 file(s))"
    let stdout = String::from_utf8_lossy(&out.stdout);
    stdout
        .split_whitespace()
        .skip_while(|w| *w != "is")
        .nth(1)
        .map(|id| PrintJob { id: id.to_owned() })
        .ok_or(PrintError::Rejected(stdout.trim().to_owned()))
}

/// Opens the PDF in the default viewer, to be printed from there.
#[cfg(windows)]
pub fn print_pdf(bytes: &[u8], _printer: Option<&str>, title: &str) -> Result<PrintJob, PrintError> {
    // The viewer needs a file: a private temporary folder the viewer can read.
    let dir = tempfile::tempdir().map_err(|e| PrintError::NoService(e.to_string()))?;
    let path = dir.path().join(format!("{}.pdf", title.replace(|c: char| !c.is_ascii_alphanumeric(), "-")));
    std::fs::write(&path, bytes).map_err(|e| PrintError::NoService(e.to_string()))?;
    let status = std::process::Command::new("cmd")
        .args(["/C", "start", "/WAIT", ""])
        .arg(&path)
        .status()
        .map_err(|e| PrintError::NoService(e.to_string()))?;
    if status.success() { Ok(PrintJob { id: "viewer".to_owned() }) } else { Err(PrintError::Unsupported) }
}

#[cfg(not(any(unix, windows)))]
pub fn print_pdf(_bytes: &[u8], _printer: Option<&str>, _title: &str) -> Result<PrintJob, PrintError> {
    Err(PrintError::Unsupported)
}

/// Waits until the service reports `job` completed (for tests and `--wait`).
#[cfg(unix)]
pub fn wait_for_job(job: &PrintJob, timeout: Duration) -> Result<(), PrintError> {
    let listed = |which: &str| -> Result<bool, PrintError> {
        let out = cups("lpstat")
            .args(["-W", which, "-o"])
            .output()
            .map_err(|e| PrintError::NoService(e.to_string()))?;
        Ok(String::from_utf8_lossy(&out.stdout).split_whitespace().any(|w| w == job.id))
    };
    let start = std::time::Instant::now();
    loop {
        if listed("completed")? {
            return Ok(());
        }
        if !listed("not-completed")? && start.elapsed() > Duration::from_secs(2) {
            return Err(PrintError::Failed(job.id.clone()));
        }
        if start.elapsed() > timeout {
            return Err(PrintError::Timeout(job.id.clone()));
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[cfg(not(unix))]
pub fn wait_for_job(_job: &PrintJob, _timeout: Duration) -> Result<(), PrintError> {
    Ok(())
}

/// Renders the sheet to a temporary file and sends it to the print service.
pub fn print_sheet(
    order: &crate::order::Order,
    now: chrono::NaiveDateTime,
    printer: Option<&str>,
) -> Result<crate::print::PrintJob, PrintFailure> {
    let bytes = crate::sheet::render(order, now).map_err(PrintFailure::Sheet)?;
    let w = crate::present::Words::new(order.lang, Some(order.decimal_mark));
    // The order ID first: print-to-PDF queues name the file from the title's
    // start, and a long Spanish title cut the ID off (the next print then
    // overwrote the file).
    let title = format!("{} {}", w.order_id(order), w.msg(msg!("s-title")));
    print_pdf(&bytes, printer, &title).map_err(PrintFailure::Print)
}
