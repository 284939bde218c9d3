//! The layers stay layers: no module of the domain imports anything above it
//! (order, store, presentation, output, window, command line, or their
//! crates), and order and store never reach the presentation or the faces.
//! Reads the sources: a `use` or a path that crosses a layer fails here.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use std::path::Path;

#[path = "common/sources.rs"]
mod sources;

/// The places in `layer` that name any of `above`, with file and line.
fn crossings(layer: &str, above: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(layer);
    let mut out = Vec::new();
    for file in sources::rust_files(&root) {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for a in above {
                // A whole path segment: `crate::cli` is not `crate::clinical`.
                let whole = code.match_indices(a).any(|(i, _)| {
                    !code[i + a.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
                });
                if whole {
                    out.push(format!("{}:{}: {a}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    out
}

/// The short paths `lib.rs` re-exports, by the layer they belong to.
const PRESENT_AND_FACES: [&str; 16] = [
    "crate::present",
    "crate::words",
    "crate::numfmt",
    "crate::output",
    "crate::sheet",
    "crate::print",
    "crate::ui",
    "crate::app",
    "crate::gui",
    "crate::cli",
    "fluent",
    "eframe",
    "egui",
    "printpdf",
    "clap",
    "rfd",
];

#[test]
fn the_domain_imports_nothing_above_it() {
    let mut above: Vec<&str> = PRESENT_AND_FACES.to_vec();
    above.extend(["crate::order", "crate::doublecheck", "crate::store", "crate::register", "rusqlite"]);
    let found = crossings("domain", &above);
    assert!(found.is_empty(), "the domain reaches above itself:\n{}", found.join("\n"));
}

#[test]
fn order_and_store_keep_no_words_and_draw_nothing() {
    for layer in ["order", "store"] {
        let found = crossings(layer, &PRESENT_AND_FACES);
        assert!(found.is_empty(), "{layer} reaches the presentation or a face:\n{}", found.join("\n"));
    }
}

#[test]
fn the_presentation_draws_nothing() {
    let faces = ["crate::ui", "crate::app", "crate::gui", "crate::cli", "eframe", "egui", "printpdf", "clap"];
    let found = crossings("present", &faces);
    assert!(found.is_empty(), "the presentation reaches a face:\n{}", found.join("\n"));
}
