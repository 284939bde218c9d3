//! A register at a ward, for tests that run the built binary against it: the same
//! body against a SQLite file and against the real PostgreSQL server
//! (`on_both_engines!`), a scratch folder per test, secrets in files, and the
//! program run at a workstation in a time zone. The test file includes this
//! module as `ward` beside `pg` and `scratch`.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Command, Output};

/// Where one test's register lives, and its scratch folder.
pub struct Ward {
    pub loc: String,
    pub dir: PathBuf,
}

/// A fresh scratch folder for one test.
pub fn dir(prefix: &str, name: &str) -> PathBuf {
    let d = crate::scratch::root().join(format!("{prefix}-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("a scratch folder");
    d
}

impl Ward {
    /// The program at a workstation whose time zone is `tz`, on this register, with no
    /// secret in its environment.
    pub fn command(&self, tz: &str, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_nkact-dose"));
        c.env("LC_ALL", "C.UTF-8").env("TZ", tz).env_remove("NKACT_DOSE_SECRET");
        c.args(args).args(["--register", &self.loc]);
        c
    }

    /// A secret file for `who`.
    pub fn secret(&self, who: &str, secret: &str) -> String {
        let f = self.dir.join(format!("{}.secret", who.replace([' ', '.'], "_")));
        std::fs::write(&f, format!("{secret}\n")).expect("a secret file");
        f.to_string_lossy().into_owned()
    }
}

/// Exit 0, or the whole output in the failure.
pub fn ok(o: &Output) {
    assert_eq!(
        o.status.code(),
        Some(0),
        "stdout: {}\nstderr: {}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
}

/// `on_both_engines!(body)`: a `sqlite` and a `postgres` test calling `body(&Ward)`.
#[macro_export]
macro_rules! on_both_engines {
    ($prefix:literal, $name:ident) => {
        mod $name {
            #[test]
            fn sqlite() {
                let d = $crate::ward::dir($prefix, concat!(stringify!($name), "-sqlite"));
                let loc = d.join("register.sqlite3").to_string_lossy().into_owned();
                super::$name(&$crate::ward::Ward { loc, dir: d });
            }
            #[test]
            fn postgres() {
                if let Some(loc) = $crate::pg::fresh(stringify!($name)) {
                    let d = $crate::ward::dir($prefix, concat!(stringify!($name), "-pg"));
                    super::$name(&$crate::ward::Ward { loc, dir: d });
                }
            }
        }
    };
}
