//! The network link to a PostgreSQL register (issue 20), against the real server `.ci/postgres`
//! starts with `ssl=on` and a throw-away certificate authority, and against small fake servers
//! on 127.0.0.1:
//! - addressed by a name that is not loopback (`pg.nkact.test` with `hostaddr=127.0.0.1`), the
//!   program verifies the server by default (`verify-full`): it connects with the right
//!   authority; a certificate for another name, an untrusted authority and a plain link are each
//!   refused in words, with no password on the wire;
//! - a fake server that asks for a cleartext password receives none;
//! - a server that accepts and then stalls gives a message within the time allowed;
//! - the password may come from a libpq password file instead of the URL.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

#[path = "common/pg.rs"]
mod pg;
#[path = "common/scratch.rs"]
mod scratch;

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use nkact_dose::register::{Register, RegisterError};

const BIN: &str = env!("CARGO_BIN_EXE_nkact-dose");

fn tls_dir() -> std::path::PathBuf {
    std::path::PathBuf::from(std::env::var("NKACT_PG_TLS").unwrap_or_else(|_| "/tmp/nkact-pg-tls".into()))
}

/// A fresh database on the real server, addressed as `name` (not loopback) at 127.0.0.1:
/// (URL without options, its port).
fn remote(name: &str, db: &str) -> Option<(String, String)> {
    let url = pg::fresh(db)?;
    // postgres://user:password@127.0.0.1:PORT/DB
    let (head, tail) = url.split_once("@127.0.0.1:").unwrap();
    Some((format!("{head}@{name}:{tail}"), tail.split('/').next().unwrap().to_owned()))
}

fn words(e: &RegisterError) -> String {
    nkact_dose::present::Words::new(nkact_dose::locale::Lang::En, None).register_error(e)
}

#[test]
// Shows: REQ-REG-004
fn verify_full_connects_and_each_unproven_server_is_refused() {
    let Some((url, _)) = remote("pg.nkact.test", "tls_full") else { return };
    let ca = tls_dir().join("ca.crt");
    let other = tls_dir().join("other-ca.crt");
    // verify-full is the default off loopback: the authority named, the name checked.
    let good = format!("{url}?hostaddr=127.0.0.1&sslrootcert={}", ca.display());
    let mut reg = Register::connect(&good).unwrap_or_else(|e| panic!("{}", words(&e)));
    assert!(reg.verify().unwrap().bad.is_empty());
    drop(reg);
    // And through the program, the same URL.
    let o =
        std::process::Command::new(BIN).args(["register", "verify", "--register", &good]).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    // A certificate for another name: the server is at 127.0.0.1 but is not "elsewhere".
    let (wrong_name, _) = remote("elsewhere.nkact.test", "tls_name").unwrap();
    let e = Register::connect(&format!("{wrong_name}?hostaddr=127.0.0.1&sslrootcert={}", ca.display()))
        .err()
        .expect("refused: the certificate is not for this name");
    let said = words(&e);
    assert!(said.contains("cannot be reached") || said.contains("was not contacted"), "{said}");
    assert!(!said.contains("nkact-test"), "no password in the message: {said}");
    // An authority the site does not trust.
    let e = Register::connect(&format!("{url}?hostaddr=127.0.0.1&sslrootcert={}", other.display()))
        .err()
        .expect("refused: an untrusted authority");
    assert!(!words(&e).contains("nkact-test"), "{}", words(&e));
    // A plain link to a host that is not this machine, with a password: refused before connecting.
    let e = Register::connect(&format!("{url}?hostaddr=127.0.0.1&sslmode=disable")).err().expect("refused");
    assert!(matches!(e, RegisterError::Insecure(..)), "{e:?}");
    assert!(words(&e).contains("unencrypted"), "{}", words(&e));
    // prefer and allow fall back to plain text: refused.
    let e = Register::connect(&format!("{url}?hostaddr=127.0.0.1&sslmode=prefer")).err().expect("refused");
    assert!(matches!(e, RegisterError::Insecure(..)), "{e:?}");
    // verify-ca: the chain only (another name is accepted), require: encryption only.
    let (any_name, _) = remote("elsewhere.nkact.test", "tls_ca").unwrap();
    Register::connect(&format!(
        "{any_name}?hostaddr=127.0.0.1&sslmode=verify-ca&sslrootcert={}",
        ca.display()
    ))
    .unwrap_or_else(|e| panic!("{}", words(&e)));
    Register::connect(&format!("{any_name}?hostaddr=127.0.0.1&sslmode=require"))
        .unwrap_or_else(|e| panic!("{}", words(&e)));
    // On loopback a plain link stays as it was.
    Register::connect(&pg::fresh("tls_loop").unwrap()).unwrap_or_else(|e| panic!("{}", words(&e)));
}

/// A fake server: answers the TLS request with `answer` ('N': no TLS), then, when `ask` is
/// set, reads the startup message and asks for a cleartext password; keeps every byte it got.
fn fake_server(answer: u8, ask: bool) -> (u16, Arc<Mutex<Vec<u8>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let got = Arc::new(Mutex::new(Vec::new()));
    let keep = got.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(4) {
            let Ok(mut s) = stream else { continue };
            let keep = keep.clone();
            std::thread::spawn(move || {
                s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
                let mut buf = [0u8; 4096];
                let mut answered = false;
                loop {
                    let Ok(n) = s.read(&mut buf) else { return };
                    if n == 0 {
                        return;
                    }
                    keep.lock().unwrap().extend_from_slice(&buf[..n]);
                    // The SSLRequest is 8 bytes: 0000 0008 04d2 162f.
                    if !answered && n == 8 && buf[4..8] == [0x04, 0xd2, 0x16, 0x2f] {
                        let _ = s.write_all(&[answer]);
                        answered = true;
                        continue;
                    }
                    if ask {
                        // AuthenticationCleartextPassword.
                        let _ = s.write_all(&[b'R', 0, 0, 0, 8, 0, 0, 0, 3]);
                    }
                }
            });
        }
    });
    (port, got)
}

#[test]
// Shows: REQ-REG-004
fn a_fake_server_asking_for_a_cleartext_password_receives_none() {
    let secret = "Sup3r-Secret-Pw";
    for (answer, options) in [
        (b'N', "hostaddr=127.0.0.1"), // verify-full by default: no TLS, no login
        (b'N', "hostaddr=127.0.0.1&sslmode=require"), // require: the same
        (b'N', "hostaddr=127.0.0.1&sslmode=disable"), // plain off loopback: refused before connecting
    ] {
        let (port, got) = fake_server(answer, true);
        let url = format!("postgres://nkact:{secret}@pg.nkact.test:{port}/nkact?{options}");
        let e = Register::connect(&url).err().expect("refused");
        let said = words(&e);
        assert!(!said.contains(secret), "{options}: {said}");
        std::thread::sleep(Duration::from_millis(200));
        let bytes = got.lock().unwrap().clone();
        assert!(
            !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
            "{options}: the password reached the server"
        );
        // Nothing after the TLS request: no startup message, so no user name either.
        assert!(bytes.len() <= 8, "{options}: {} bytes sent", bytes.len());
    }
    // A password file is not read for a plain link off loopback: the server asks, gets nothing.
    let d = scratch::root().join(format!("tls-pgpass-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    let file = d.join("pgpass");
    std::fs::write(&file, format!("*:*:*:nkact:{secret}\n")).unwrap();
    set_private(&file);
    let (port, got) = fake_server(b'N', true);
    let url = format!(
        "postgres://nkact@pg.nkact.test:{port}/nkact?hostaddr=127.0.0.1&sslmode=disable&passfile={}",
        file.display()
    );
    let _ = Register::connect(&url);
    std::thread::sleep(Duration::from_millis(200));
    let bytes = got.lock().unwrap().clone();
    assert!(
        !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
        "the password file's password was sent"
    );
}

#[cfg(unix)]
fn set_private(p: &std::path::Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o600)).unwrap();
}
#[cfg(not(unix))]
fn set_private(_: &std::path::Path) {}

#[test]
fn a_server_that_stalls_gives_a_message_within_the_time_allowed() {
    // Accepts, then never answers a byte.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let held = Arc::new(Mutex::new(Vec::new()));
    let keep = held.clone();
    std::thread::spawn(move || {
        for s in listener.incoming().flatten() {
            keep.lock().unwrap().push(s);
        }
    });
    for url in [
        format!("postgres://nkact:pw@127.0.0.1:{port}/nkact"),
        format!("postgres://nkact:pw@pg.nkact.test:{port}/nkact?hostaddr=127.0.0.1"),
    ] {
        let start = Instant::now();
        let o = std::process::Command::new(BIN)
            .env("LC_ALL", "C.UTF-8")
            .args(["register", "list", "--register", &url])
            .output()
            .unwrap();
        let took = start.elapsed();
        assert_ne!(o.status.code(), Some(0));
        let said = String::from_utf8_lossy(&o.stderr);
        assert!(said.contains("did not answer in time"), "{said}");
        assert!(!said.contains(":pw@"), "{said}");
        assert!(took < Duration::from_secs(15), "{url}: {took:?}");
    }
}

#[test]
fn the_password_may_come_from_a_password_file() {
    let Some(url) = pg::fresh("tls_pgpass") else { return };
    // postgres://nkact:PASSWORD@127.0.0.1:PORT/DB: the same address without its password.
    let (creds, rest) = url.strip_prefix("postgres://").unwrap().split_once('@').unwrap();
    let (user, password) = creds.split_once(':').unwrap();
    let (hostport, db) = rest.split_once('/').unwrap();
    let (host, port) = hostport.split_once(':').unwrap();
    let d = scratch::root().join(format!("tls-pgpass-real-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    let file = d.join("pgpass");
    std::fs::write(&file, format!("# the ward's register\n{host}:{port}:{db}:{user}:{password}\n")).unwrap();
    set_private(&file);
    let bare = format!("postgres://{user}@{hostport}/{db}");
    let o = std::process::Command::new(BIN)
        .args(["register", "verify", "--register", &bare])
        .env("PGPASSFILE", &file)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    // A password file others may read is ignored, as libpq does.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        let o = std::process::Command::new(BIN)
            .args(["register", "verify", "--register", &bare])
            .env("PGPASSFILE", &file)
            .output()
            .unwrap();
        assert_ne!(o.status.code(), Some(0));
    }
}
