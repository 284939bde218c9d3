//! No waiting inside a frame (issue 19): the window reads the register off the
//! frame, so with the register on PostgreSQL behind a 100 ms delay (a small
//! TCP proxy here, on 127.0.0.1, that sleeps before forwarding every chunk) and
//! a cohort set, moving the mouse over the window for 5 s keeps the 99th
//! percentile of frame times under 16 ms; with the server unreachable the
//! window keeps drawing and says the register cannot be reached. Before, every
//! repaint opened a connection (and a migration transaction) to the register.
//! The README's "Performance" table gives the numbers this test prints.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

#[path = "common/eligible.rs"]
mod eligible;
#[path = "common/pg.rs"]
mod pg;
#[path = "common/scratch.rs"]
mod scratch;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::{Duration, Instant};

use chrono::NaiveDateTime;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use nkact_dose::app::{AppState, Preferences};
use nkact_dose::gui::GuiApp;

const DELAY: Duration = Duration::from_millis(100);

fn fixed_now() -> NaiveDateTime {
    NaiveDateTime::parse_from_str("2026-03-01 10:00", "%Y-%m-%d %H:%M").unwrap()
}

/// Forwards `from` to `to`, sleeping [`DELAY`] before every chunk.
fn pump(mut from: TcpStream, mut to: TcpStream) {
    let mut buf = [0u8; 16 * 1024];
    loop {
        match from.read(&mut buf) {
            Ok(0) | Err(_) => {
                let _ = to.shutdown(std::net::Shutdown::Both);
                return;
            }
            Ok(n) => {
                std::thread::sleep(DELAY);
                if to.write_all(&buf[..n]).is_err() {
                    return;
                }
            }
        }
    }
}

/// A TCP proxy on 127.0.0.1 to `target` that delays every chunk both ways; its port.
fn delaying_proxy(target: String) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for client in listener.incoming().flatten() {
            let Ok(server) = TcpStream::connect(&target) else { continue };
            let (c2, s2) = (client.try_clone().unwrap(), server.try_clone().unwrap());
            std::thread::spawn(move || pump(client, server));
            std::thread::spawn(move || pump(s2, c2));
        }
    });
    port
}

fn window_on(location: &str) -> Harness<'static, GuiApp> {
    let prefs = Preferences {
        register_path: Some(location.into()),
        lang: Some(nkact_dose::locale::Lang::En),
        ..Preferences::default()
    };
    let mut state = AppState::new(prefs, fixed_now);
    let o = &mut state.order;
    o.patient.name = "Lucía Gómez".into();
    o.patient.identifier = "HC-8".into();
    o.patient.date_of_birth = "1975-07-07".into();
    o.patient.allergies = "none known".into();
    o.issued_by = "Farm. A. García".into();
    o.inputs.weight = "70".into();
    o.inputs.height = "170".into();
    o.inputs.cycle = "1".into();
    o.inputs.nk_cells = "2e8".into();
    o.inputs.day1 = "2026-03-09".into();
    o.clinical = eligible::clinical("2026-03-09");
    o.trial.subject = "S-01".into();
    o.trial.cohort = "expansion".into();
    let app = GuiApp::new(state);
    Harness::builder()
        .with_size(egui::vec2(1280.0, 1000.0))
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut GuiApp| app.ui(ui), app)
}

/// Moves the pointer over the window for `span`, one frame per move; the frame times, sorted.
fn move_the_mouse(h: &mut Harness<'static, GuiApp>, span: Duration) -> Vec<Duration> {
    let mut times = Vec::new();
    let start = Instant::now();
    let mut i = 0u32;
    while start.elapsed() < span {
        i += 1;
        let x = 40.0 + (i * 37 % 1200) as f32;
        let y = 40.0 + (i * 53 % 900) as f32;
        h.event(egui::Event::PointerMoved(egui::pos2(x, y)));
        let t = Instant::now();
        h.step();
        times.push(t.elapsed());
    }
    times.sort();
    times
}

fn p99(times: &[Duration]) -> Duration {
    times[(times.len() * 99 / 100).min(times.len() - 1)]
}

#[test]
// Shows: REQ-GUI-001
fn frames_never_wait_on_a_slow_or_absent_register() {
    let Some(url) = pg::fresh("frame_time") else { return };
    // postgres://user:pass@127.0.0.1:PORT/db → the same through the proxy.
    let (head, tail) = url.rsplit_once('@').unwrap();
    let (hostport, db) = tail.split_once('/').unwrap();
    let port = delaying_proxy(hostport.to_owned());
    let slow = format!("{head}@127.0.0.1:{port}/{db}");
    // Let the register be created first (migrations) so the window finds it as a pharmacy would.
    nkact_dose::register::Register::connect(&url).unwrap();

    // The window without the register at all, as the baseline for this machine.
    let dir = scratch::root().join(format!("frame-time-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut local = window_on(&dir.join("register.sqlite3").to_string_lossy());
    local.run_steps(3);
    let base = move_the_mouse(&mut local, Duration::from_secs(2));

    let mut h = window_on(&slow);
    let t = Instant::now();
    h.run_steps(3);
    let first = t.elapsed();
    // Until the slow register answers, the window says so and goes on drawing.
    let waited = Instant::now();
    while h.state().state.watch.pending() && waited.elapsed() < Duration::from_secs(30) {
        h.step();
    }
    let span = Duration::from_secs(5);
    let times = move_the_mouse(&mut h, span);
    let (b99, s99) = (p99(&base), p99(&times));
    eprintln!(
        "register 100 ms away: first 3 frames in {first:?}; frames over {span:?}: {} frames, median {:?}, p99 {s99:?}, max {:?} (local register: p99 {b99:?})",
        times.len(),
        times[times.len() / 2],
        times[times.len() - 1],
    );
    // Debug builds draw slower than the release build; the bound is on what the register adds.
    let limit = Duration::from_millis(16).max(b99 + Duration::from_millis(8));
    assert!(s99 < limit, "p99 {s99:?} ≥ {limit:?} with the register 100 ms away");

    // Unreachable: nothing listens on this port. The window draws and says so.
    let closed = TcpListener::bind("127.0.0.1:0").unwrap();
    let dead_port = closed.local_addr().unwrap().port();
    drop(closed);
    let dead = format!("{head}@127.0.0.1:{dead_port}/{db}");
    let mut h = window_on(&dead);
    let t = Instant::now();
    let mut first = Duration::ZERO;
    for _ in 0..3 {
        let f = Instant::now();
        h.step();
        first = first.max(f.elapsed());
    }
    let waited = Instant::now();
    while h.state().state.watch.pending() && waited.elapsed() < Duration::from_secs(30) {
        h.step();
    }
    h.run_steps(2);
    let times = move_the_mouse(&mut h, Duration::from_secs(3));
    eprintln!(
        "unreachable: slowest of the first 3 frames {first:?}; the register's answer after {:?}; then p99 {:?}",
        t.elapsed(),
        p99(&times)
    );
    assert!(first < Duration::from_millis(100), "a first frame waited {first:?}");
    assert!(p99(&times) < limit, "frames wait on an unreachable register");
    let said = h.state_mut().state.next_start_line().unwrap_or_default();
    assert!(said.contains("cannot be reached"), "{said}");
    assert!(
        h.query_all_by_label_contains("cannot be reached").next().is_some(),
        "the window says the register cannot be reached"
    );
}
