//! A folder of this test process's own for its temporary files, removed when
//! the process ends, however it ends (passed, failed, panicked or killed): a
//! watcher process waits for the test process to be gone, then removes the
//! folder (issue 23: a plain `cargo test` left its folders behind in /tmp).
//! Statics are never dropped, so a guard inside the process could not do this.
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::OnceLock;

/// This test process's folder: `$TMPDIR/nkact-test-PID`, created on first use.
pub fn root() -> PathBuf {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| {
        let pid = std::process::id();
        let dir = std::env::temp_dir().join(format!("nkact-test-{pid}"));
        std::fs::create_dir_all(&dir).expect("the test folder can be made");
        remove_when_gone(pid, &dir);
        dir
    })
    .clone()
}

/// Starts the watcher that removes `dir` once process `pid` has ended.
#[cfg(unix)]
pub fn remove_when_gone(pid: u32, dir: &std::path::Path) {
    use std::process::{Command, Stdio};
    let quoted = dir.to_string_lossy().replace('\'', "'\\''");
    let script = format!("while kill -0 {pid} 2>/dev/null; do sleep 0.5; done; rm -rf '{quoted}'");
    let _ = Command::new("setsid")
        .args(["sh", "-c", &script])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
}

#[cfg(not(unix))]
pub fn remove_when_gone(_pid: u32, _dir: &std::path::Path) {}
