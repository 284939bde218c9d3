//! Issue 23: a plain `cargo test` leaves nothing running and nothing behind.
//! The watcher `.ci/postgres` starts for a test process stops that process's
//! private PostgreSQL server and removes its data once the process has ended;
//! the scratch folder's watcher removes the test files the same way.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

#[path = "common/scratch.rs"]
mod scratch;

use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn wait_until(what: &str, limit: Duration, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < limit, "{what} after {limit:?}");
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn a_private_server_stops_and_its_data_goes_when_its_owner_ends() {
    if !std::path::Path::new("/usr/lib/postgresql").exists() && std::env::var("CI").is_err() {
        eprintln!("PostgreSQL not installed here: skipped");
        return;
    }
    // The owner: a process of its own, ended below as a test process ends.
    let mut owner = Command::new("sleep").arg("600").stdin(Stdio::null()).spawn().unwrap();
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/postgres");
    let out =
        Command::new("bash").arg(&script).env("NKACT_PG_OWNER_PID", owner.id().to_string()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let data =
        PathBuf::from(text.lines().find_map(|l| l.strip_prefix("data=")).expect("the data folder is named"));
    let url = text.lines().last().unwrap().trim().to_owned();
    let port: u16 = url.rsplit_once(':').unwrap().1.split('/').next().unwrap().parse().unwrap();
    // Started: it answers, and its data is there.
    assert!(TcpStream::connect(("127.0.0.1", port)).is_ok(), "the server answers on {port}");
    assert!(data.join("PG_VERSION").exists());
    let mut c = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    assert_eq!(c.query_one("SELECT 1", &[]).unwrap().get::<_, i32>(0), 1);
    drop(c);
    // The owner ends: within seconds nothing listens, no postgres process has that data, the folder is gone.
    owner.kill().unwrap();
    owner.wait().unwrap();
    wait_until("the server still answers", Duration::from_secs(20), || {
        TcpStream::connect(("127.0.0.1", port)).is_err()
    });
    wait_until("the data folder is still there", Duration::from_secs(20), || !data.exists());
    let ps = Command::new("ps").args(["-eo", "args"]).output().unwrap();
    let ps = String::from_utf8_lossy(&ps.stdout);
    assert!(
        !ps.lines().any(|l| l.contains(&*data.to_string_lossy())),
        "a process still uses {data:?}:\n{ps}"
    );
}

#[test]
fn a_scratch_folder_goes_when_its_owner_ends() {
    let owner = Command::new("sleep").arg("600").stdin(Stdio::null()).spawn().unwrap();
    let dir = scratch::root().join("watched");
    std::fs::create_dir_all(dir.join("inside")).unwrap();
    std::fs::write(dir.join("inside/file.pdf"), b"%PDF").unwrap();
    scratch::remove_when_gone(owner.id(), &dir);
    std::thread::sleep(Duration::from_millis(700));
    assert!(dir.exists(), "removed while its owner runs");
    let mut owner = owner;
    owner.kill().unwrap();
    owner.wait().unwrap();
    wait_until("the folder is still there", Duration::from_secs(10), || !dir.exists());
}
