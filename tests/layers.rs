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
// Shows: REQ-LAYER-001
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
fn the_order_layer_decides_and_the_store_only_stores() {
    // domain ← order ← store: the release workflow reaches the register through its
    // `Ledger`, never the store itself (issue 19).
    let found = crossings("order", &["crate::store", "crate::register", "rusqlite", "postgres"]);
    assert!(found.is_empty(), "the order layer reaches the store:\n{}", found.join("\n"));
}

#[test]
fn the_presentation_draws_nothing() {
    let faces = ["crate::ui", "crate::app", "crate::gui", "crate::cli", "eframe", "egui", "printpdf", "clap"];
    let found = crossings("present", &faces);
    assert!(found.is_empty(), "the presentation reaches a face:\n{}", found.join("\n"));
}

#[test]
fn the_presentation_reads_the_domain_and_the_order_only() {
    // Issue 19: `present` imported the store and the output layer to word their errors.
    let below_faces = ["crate::store", "crate::register", "crate::output", "crate::sheet", "crate::print"];
    let found = crossings("present", &below_faces);
    assert!(
        found.is_empty(),
        "the presentation reaches the store or the output layer:\n{}",
        found.join("\n")
    );
}

#[test]
// Shows: REQ-LAYER-001
fn each_face_keeps_to_itself() {
    // The command line found the register through the window module (eframe) before issue 19.
    let window = ["crate::ui", "crate::app", "crate::gui", "eframe", "egui", "rfd"];
    let found = crossings("cli", &window);
    assert!(found.is_empty(), "the command line reaches the window:\n{}", found.join("\n"));
    let mut faces = window.to_vec();
    faces.extend(["crate::cli", "clap"]);
    let found = crossings("output", &faces);
    assert!(found.is_empty(), "the output layer reaches a face:\n{}", found.join("\n"));
    let found = crossings("ui", &["crate::cli", "clap"]);
    assert!(found.is_empty(), "the window reaches the command line:\n{}", found.join("\n"));
}

/// The modules a source file names: `crate::a::b` and the short names `lib.rs`
/// re-exports, resolved to `folder::module` (or the folder itself for its `mod.rs`).
fn module_graph() -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
    use std::collections::{BTreeMap, BTreeSet};
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let folders = ["domain", "order", "store", "present", "output", "ui", "cli"];
    // lib.rs: `pub use domain::{bsa, …}` and the like.
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let lib: String = lib.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n");
    let mut alias: BTreeMap<String, String> = BTreeMap::new();
    for stmt in lib.split(';') {
        let stmt = stmt.trim();
        let Some(rest) = stmt.strip_prefix("pub use ") else { continue };
        let Some((folder, names)) = rest.split_once("::") else { continue };
        for name in names.trim_matches(|c| c == '{' || c == '}' || char::is_whitespace(c)).split(',') {
            let name = name.trim();
            if !name.is_empty() {
                alias.insert(name.to_owned(), format!("{folder}::{name}"));
            }
        }
    }
    let mut nodes: BTreeSet<String> = BTreeSet::new();
    let mut files: Vec<(String, String)> = Vec::new();
    for folder in folders {
        for file in sources::rust_files(&src.join(folder)) {
            // `ui/gui/form.rs` is `ui::gui::form`; a folder's `mod.rs` is the folder.
            let rel = file.strip_prefix(&src).unwrap().with_extension("");
            let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
            if parts.last().is_some_and(|p| p == "mod") {
                parts.pop();
            }
            let node = parts.join("::");
            nodes.insert(node.clone());
            files.push((node, std::fs::read_to_string(&file).unwrap()));
        }
    }
    let resolve = |first: &str, second: &str| -> Option<String> {
        if folders.contains(&first) {
            let sub = format!("{first}::{second}");
            return Some(if nodes.contains(&sub) { sub } else { first.to_owned() });
        }
        alias.get(first).cloned()
    };
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (node, text) in &files {
        // `super::x` from `a::b::c` names `a::b::x`.
        let folder = node.rsplit_once("::").map(|(p, _)| p.to_owned()).unwrap_or_default();
        let edges = graph.entry(node.clone()).or_default();
        for line in text.lines() {
            let code = line.split("//").next().unwrap_or("");
            for (prefix, local) in [("crate::", false), ("super::", true)] {
                for (i, _) in code.match_indices(prefix) {
                    let rest = &code[i + prefix.len()..];
                    let mut parts = rest.split(|c: char| !(c.is_alphanumeric() || c == '_'));
                    let first = parts.next().unwrap_or("");
                    let second = rest
                        .get(first.len() + 2..)
                        .map(|r| r.split(|c: char| !(c.is_alphanumeric() || c == '_')).next().unwrap_or(""))
                        .unwrap_or("");
                    let target = if local {
                        let sub = format!("{folder}::{first}");
                        nodes.contains(&sub).then_some(sub)
                    } else {
                        resolve(first, second)
                    };
                    if let Some(t) = target.filter(|t| t != node) {
                        edges.insert(t);
                    }
                }
            }
        }
    }
    graph
}

#[test]
fn no_two_modules_import_each_other_even_through_others() {
    // Every module's reach (what it names, and what those name, …) read from the sources;
    // two modules that reach each other are a cycle (issue 19 found {words, model, sheet,
    // print} and {clinical, engine}).
    let graph = module_graph();
    let reach = |from: &String| -> std::collections::BTreeSet<String> {
        let mut seen = std::collections::BTreeSet::new();
        let mut todo: Vec<&String> = graph[from].iter().collect();
        while let Some(m) = todo.pop() {
            if seen.insert(m.clone()) {
                todo.extend(graph.get(m).into_iter().flatten());
            }
        }
        seen
    };
    let reaches: std::collections::BTreeMap<&String, std::collections::BTreeSet<String>> =
        graph.keys().map(|m| (m, reach(m))).collect();
    let mut cycles = Vec::new();
    for (a, ra) in &reaches {
        for b in ra.iter().filter(|b| b.as_str() > a.as_str()) {
            if reaches.get(b).is_some_and(|rb| rb.contains(*a)) {
                cycles.push(format!("{a} ↔ {b}"));
            }
        }
    }
    assert!(cycles.is_empty(), "modules in a cycle:\n{}", cycles.join("\n"));
}

#[test]
fn the_module_graph_sees_the_short_names() {
    // The checker itself: `crate::engine` is domain::engine through lib.rs's re-export.
    let graph = module_graph();
    assert!(
        graph["domain::clinical"].contains("domain::bsa") || graph["domain::engine"].contains("domain::bsa")
    );
    assert!(graph["present::words"].contains("domain::regimen"), "{:?}", graph["present::words"]);
}

#[test]
fn the_command_line_finds_the_register_where_the_window_does() {
    assert_eq!(nkact_dose::register::data_dir("nkact-dose"), eframe::storage_dir("nkact-dose"));
}
