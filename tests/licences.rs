//! The software bill of materials (issue 22): CycloneDX, generated from `Cargo.lock` by
//! cargo-cyclonedx (`.ci/run` refreshes it into `target/sbom/` on every run), and every
//! component's licence compatible with distributing the program to hospitals: each SPDX
//! expression must allow a permissive licence (or MPL-2.0, file-level copyleft, whose source
//! is public) for every part; a component with no licence, or only a GPL/AGPL/SSPL-style
//! one, fails. The SBOM must also be current: every component as `Cargo.lock` pins it, and
//! every direct dependency of `Cargo.toml` in it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use std::path::PathBuf;
use std::process::Command;

/// Licences a binary distribution may carry with notices (SPDX ids).
const ALLOWED: &[&str] = &[
    "MIT",
    "Apache-2.0",
    "BSD-2-Clause",
    "BSD-3-Clause",
    "ISC",
    "Zlib",
    "0BSD",
    "Unlicense",
    "CC0-1.0",
    "BSL-1.0",
    "Unicode-3.0",
    "Unicode-DFS-2016",
    "MPL-2.0",
    "OFL-1.1",
    "Ubuntu-font-1.0",
    "CDLA-Permissive-2.0",
];

/// Whether an SPDX licence expression allows distribution: OR needs one side, AND both,
/// `X WITH exception` what X needs.
fn allowed(expr: &str) -> bool {
    let tokens: Vec<String> =
        expr.replace('(', " ( ").replace(')', " ) ").split_whitespace().map(str::to_owned).collect();
    let mut pos = 0;
    let ok = or(&tokens, &mut pos);
    ok == Some(true) && pos == tokens.len()
}

fn or(t: &[String], pos: &mut usize) -> Option<bool> {
    let mut v = and(t, pos)?;
    while t.get(*pos).map(String::as_str) == Some("OR") {
        *pos += 1;
        v = and(t, pos)? || v;
    }
    Some(v)
}

fn and(t: &[String], pos: &mut usize) -> Option<bool> {
    let mut v = atom(t, pos)?;
    while t.get(*pos).map(String::as_str) == Some("AND") {
        *pos += 1;
        v = atom(t, pos)? && v;
    }
    Some(v)
}

fn atom(t: &[String], pos: &mut usize) -> Option<bool> {
    let tok = t.get(*pos)?.clone();
    *pos += 1;
    let v = if tok == "(" {
        let v = or(t, pos)?;
        (t.get(*pos).map(String::as_str) == Some(")")).then_some(())?;
        *pos += 1;
        v
    } else {
        ALLOWED.contains(&tok.trim_end_matches('+'))
    };
    if t.get(*pos).map(String::as_str) == Some("WITH") {
        *pos += 2;
    }
    Some(v)
}

#[test]
fn the_licence_rule_reads_spdx_expressions() {
    for (expr, ok) in [
        ("MIT", true),
        ("MIT OR Apache-2.0", true),
        ("Apache-2.0 OR GPL-2.0-only", true),
        ("(MIT OR Apache-2.0) AND Unicode-3.0", true),
        ("Apache-2.0 WITH LLVM-exception OR MIT", true),
        ("GPL-3.0-only", false),
        ("MIT AND GPL-3.0-only", false),
        ("AGPL-3.0-or-later OR SSPL-1.0", false),
        ("", false),
        ("(MIT", false),
    ] {
        assert_eq!(allowed(expr), ok, "{expr:?}");
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The SBOM `.ci/run` generated; generated here when missing and cargo-cyclonedx is installed.
fn sbom() -> Option<serde_json::Value> {
    let path = root().join("target/sbom/nkact-dose_bin.cdx.json");
    if !path.exists() {
        let made = Command::new(env!("CARGO"))
            .args(["cyclonedx", "--format", "json", "--describe", "binaries", "--no-build-deps"])
            .current_dir(root())
            .status()
            .is_ok_and(|s| s.success());
        if !made {
            assert!(std::env::var("CI").is_err(), "CI must generate the SBOM (cargo-cyclonedx)");
            eprintln!("cargo-cyclonedx is not installed: the SBOM was not checked (`.ci/run` installs it)");
            return None;
        }
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::rename(root().join("nkact-dose_bin.cdx.json"), &path).unwrap();
    }
    Some(serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap())
}

#[test]
// Shows: REQ-SBOM-001
fn every_component_of_the_sbom_may_be_distributed_and_the_sbom_is_current() {
    let Some(bom) = sbom() else { return };
    assert_eq!(bom["bomFormat"], "CycloneDX");
    let components = bom["components"].as_array().unwrap();
    assert!(components.len() > 100, "{} components", components.len());
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).unwrap();
    let mut refused = Vec::new();
    for c in components {
        let name = c["name"].as_str().unwrap();
        let version = c["version"].as_str().unwrap();
        let exprs: Vec<String> = c["licenses"]
            .as_array()
            .map(|ls| {
                ls.iter()
                    .filter_map(|l| {
                        l["expression"].as_str().or_else(|| l["license"]["id"].as_str()).map(str::to_owned)
                    })
                    .collect()
            })
            .unwrap_or_default();
        if exprs.is_empty() || !exprs.iter().all(|e| allowed(e)) {
            refused.push(format!("{name} {version}: {exprs:?}"));
        }
        assert!(
            lock.contains(&format!("name = \"{name}\"\nversion = \"{version}\"")),
            "{name} {version} is not what Cargo.lock pins: the SBOM is stale"
        );
    }
    assert!(refused.is_empty(), "licences that do not allow distribution:\n{}", refused.join("\n"));
    // Every direct dependency is in it.
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let deps = manifest.split("[dependencies]").nth(1).unwrap().split("\n[").next().unwrap();
    for line in deps.lines().filter(|l| !l.starts_with('#') && l.contains('=')) {
        let name = line.split('=').next().unwrap().trim();
        assert!(components.iter().any(|c| c["name"] == name), "{name} is missing from the SBOM");
    }
}
