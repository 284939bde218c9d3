//! A real PostgreSQL server for the register tests: `NKACT_DOSE_TEST_PG` when
//! set (CI's server, started and stopped by `.ci/run`, left alone here), else a
//! private one `.ci/postgres` installs and starts for this test process and
//! stops, removing its data, as soon as the process has ended (issue 23). Each
//! test gets a fresh database of its own. Where no server can be had, the
//! PostgreSQL half of a test is skipped with a message, except in CI, where it fails.
#![allow(dead_code)]

use std::sync::OnceLock;

/// The base URL, starting the server once per test process.
pub fn base_url() -> Option<String> {
    static URL: OnceLock<Option<String>> = OnceLock::new();
    URL.get_or_init(|| {
        if let Ok(url) = std::env::var("NKACT_DOSE_TEST_PG") {
            return Some(url);
        }
        let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/postgres");
        let out = std::process::Command::new("bash")
            .arg(&script)
            .env("NKACT_PG_OWNER_PID", std::process::id().to_string())
            .output();
        match out {
            Ok(o) if o.status.success() => {
                Some(String::from_utf8_lossy(&o.stdout).lines().last().unwrap_or_default().trim().to_owned())
            }
            other => {
                let why = match other {
                    Ok(o) => String::from_utf8_lossy(&o.stderr).into_owned(),
                    Err(e) => e.to_string(),
                };
                assert!(std::env::var("CI").is_err(), "PostgreSQL is required in CI: {why}");
                eprintln!("no PostgreSQL server here ({why}): PostgreSQL half skipped");
                None
            }
        }
    })
    .clone()
}

/// A new, empty database for one test; its URL.
pub fn fresh(name: &str) -> Option<String> {
    let base = base_url()?;
    let db = format!("nkact_t_{}_{}", name.replace('-', "_"), std::process::id());
    let mut admin = postgres::Client::connect(&base, postgres::NoTls).expect("connect to the test server");
    admin.batch_execute(&format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)")).unwrap();
    admin.batch_execute(&format!("CREATE DATABASE {db}")).unwrap();
    let (head, _) = base.rsplit_once('/').unwrap();
    Some(format!("{head}/{db}"))
}
