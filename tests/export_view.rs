//! Exporting the view on screen (`E`): an SVG beside the session (or, only looking, in the
//! exports folder beside the sessions folder), never over an existing file, a PNG when a
//! converter is on the PATH, and the status line naming what was written.

mod common;

use common::{app_with_session, render, words};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use duiden::report::slide::raster;
use duiden::tui::app::App;
use duiden::tui::keymap::Action;
use duiden::tui::tabs::Tab;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// `E`, then what it started in the background finished (as the event loop would).
fn export(app: &mut App) {
    common::press_and_finish(app, 'E');
}

fn today() -> String {
    jiff::Zoned::now().date().to_string()
}

/// The message the status line shows after an export, with the PNG when a converter is on the
/// PATH, else saying none was found; returns the PNG's path when one was written.
fn check_message(app: &mut App, svg: &Path) -> Option<PathBuf> {
    let screen = words(&render(app, 240, 40));
    let shown = svg.display().to_string();
    assert!(
        screen.contains(&format!("geëxporteerd: {shown}")),
        "{screen}"
    );
    match raster::find(std::env::var_os("PATH").as_deref()) {
        Some(c) => {
            let png = svg.with_extension("png");
            let bytes = std::fs::read(&png).unwrap_or_else(|e| panic!("{c:?}: {e}; {screen}"));
            assert!(bytes.starts_with(b"\x89PNG"));
            assert!(
                screen.contains(&format!("{shown} en {}", png.display())),
                "{screen}"
            );
            Some(png)
        }
        None => {
            println!(
                "geen PNG getest: geen omzetter op het PATH ({})",
                raster::looked_for()
            );
            assert!(
                screen.contains("PNG: geen omzetter gevonden (rsvg-convert"),
                "{screen}"
            );
            None
        }
    }
}

#[test]
fn e_writes_the_view_beside_the_session_and_the_status_line_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = app_with_session(dir.path());
    app.shared.message = None;
    export(&mut app);
    let svgs = common::files(dir.path(), "svg");
    let expected = dir.path().join(format!("{}-jeugd-instroom.svg", today()));
    assert_eq!(svgs, vec![expected.clone()]);
    let text = std::fs::read_to_string(&expected).unwrap();
    assert!(text.contains("<title>Instroom jeugdhulp</title>"), "{text}");
    assert!(text.contains("Bron: "));
    let png = check_message(&mut app, &expected);
    // Again: a new file, the first one left as it was.
    let before = std::fs::read(&expected).unwrap();
    export(&mut app);
    let second = dir.path().join(format!("{}-jeugd-instroom-2.svg", today()));
    let mut both = vec![expected.clone(), second.clone()];
    both.sort();
    assert_eq!(common::files(dir.path(), "svg"), both);
    assert_eq!(std::fs::read(&expected).unwrap(), before);
    if let Some(png) = png {
        assert_eq!(png, expected.with_extension("png"));
        assert!(second.with_extension("png").exists());
    }
}

#[test]
fn only_looking_the_export_goes_to_the_exports_folder_beside_the_sessions() {
    let dir = tempfile::tempdir().unwrap();
    let sessions = dir.path().join("sessies");
    let mut app = common::sample_app_only_looking(&sessions);
    export(&mut app);
    let exports = dir.path().join("exports");
    let svg = exports.join(format!("{}-jeugd-instroom.svg", today()));
    assert_eq!(common::files(&exports, "svg"), vec![svg.clone()]);
    assert!(
        !sessions.exists(),
        "the sessions folder is not made for an export"
    );
    check_message(&mut app, &svg);
}

#[test]
fn the_comparison_and_the_presentation_export_what_they_show() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = common::sample_app_only_looking(&dir.path().join("sessies"));
    app.update(Action::ShowCompare);
    assert_eq!(app.tab, Tab::Compare);
    export(&mut app);
    let exports = dir.path().join("exports");
    let svg = common::files(&exports, "svg");
    assert_eq!(svg.len(), 1);
    let text = std::fs::read_to_string(&svg[0]).unwrap();
    assert!(text.contains("bronnen vergeleken met"), "{text}");
    app.update(Action::Presentation);
    app.update(Action::ZoomIn);
    let zoomed = app.trend.zoom.expect("zoomed in");
    export(&mut app);
    let mut svg = common::files(&exports, "svg");
    assert_eq!(svg.len(), 2);
    svg.retain(|p| p.file_name().unwrap().to_string_lossy().ends_with("-2.svg"));
    let text = std::fs::read_to_string(&svg[0]).unwrap();
    let said = format!(
        "ingezoomd: {} – {}",
        zoomed.0.dutch_short(),
        zoomed.1.dutch_short()
    );
    assert!(text.contains(&said), "{said} in {text}");
    assert!(app.presentation);
}

#[test]
fn an_empty_chart_exports_nothing_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = common::sample_app_only_looking(&dir.path().join("sessies"));
    app.update(Action::ClearChart);
    export(&mut app);
    assert!(!dir.path().join("exports").exists());
    let screen = words(&render(&mut app, 200, 40));
    assert!(screen.contains("niets te exporteren"), "{screen}");
}

const EMPTY_PATH_CHILD: &str = "DUIDEN_TEST_EMPTY_PATH";

/// Runs itself again with an empty PATH (the PATH is the process's, so not changed here).
#[test]
fn without_a_converter_the_svg_is_written_and_the_status_line_says_so() {
    let name = "without_a_converter_the_svg_is_written_and_the_status_line_says_so";
    if std::env::var_os(EMPTY_PATH_CHILD).is_none() {
        let out = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--exact", name, "--nocapture", "--test-threads=1"])
            .env("PATH", "")
            .env(EMPTY_PATH_CHILD, "1")
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{said}");
        assert!(said.contains("1 passed"), "{said}");
        return;
    }
    assert_eq!(std::env::var_os("PATH").unwrap_or_default(), "");
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = app_with_session(dir.path());
    export(&mut app);
    let svg = dir.path().join(format!("{}-jeugd-instroom.svg", today()));
    assert!(svg.exists());
    assert!(common::files(dir.path(), "png").is_empty());
    let screen = words(&render(&mut app, 240, 40));
    let expected = format!(
        "geëxporteerd: {}; PNG: geen omzetter gevonden (rsvg-convert, resvg, inkscape, magick, convert, chromium, chromium-browser, google-chrome)",
        svg.display()
    );
    assert!(screen.contains(&expected), "{screen}");
}

const SLOW_CHILD: &str = "DUIDEN_TEST_SLOW_CONVERTER";

/// Esc while the PNG is being made stops it and ends the converter. Runs itself again with a
/// PATH whose first `rsvg-convert` only waits.
#[cfg(unix)]
#[test]
fn esc_stops_the_png_and_ends_the_converter() {
    use std::os::unix::fs::PermissionsExt;
    let name = "esc_stops_the_png_and_ends_the_converter";
    let Some(fake) = std::env::var_os(SLOW_CHILD) else {
        let bin = tempfile::tempdir().unwrap();
        let script = bin.path().join("rsvg-convert");
        let pid = bin.path().join("pid");
        std::fs::write(
            &script,
            format!("#!/bin/sh\necho $$ > '{}'\nexec sleep 30\n", pid.display()),
        )
        .unwrap();
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        let mut path = std::ffi::OsString::from(bin.path());
        path.push(":/usr/bin:/bin");
        let out = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--exact", name, "--nocapture", "--test-threads=1"])
            .env("PATH", path)
            .env(SLOW_CHILD, bin.path())
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{said}");
        assert!(said.contains("1 passed"), "{said}");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = app_with_session(dir.path());
    app.handle_key(KeyEvent::new(KeyCode::Char('E'), KeyModifiers::SHIFT));
    let pid_file = Path::new(&fake).join("pid");
    let start = std::time::Instant::now();
    let pid = loop {
        app.tick();
        let pid = std::fs::read_to_string(&pid_file).unwrap_or_default();
        if !pid.trim().is_empty() {
            break pid.trim().to_string();
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "no converter started"
        );
        std::thread::sleep(Duration::from_millis(10));
    };
    let busy = words(&render(&mut app, 240, 40));
    assert!(busy.contains("PNG maken… (Esc stopt)"), "{busy}");
    // A key clears the message; the status line still says what runs.
    app.handle_key(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE));
    let busy = words(&render(&mut app, 240, 40));
    assert!(busy.contains("PNG maken…"), "{busy}");
    assert!(!busy.contains("geëxporteerd"), "{busy}");
    app.handle_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    assert!(app.background.is_idle());
    let screen = words(&render(&mut app, 240, 40));
    assert!(screen.contains("gestopt: PNG maken"), "{screen}");
    // The converter is ended, not left running.
    let proc = Path::new("/proc").join(&pid);
    let start = std::time::Instant::now();
    while proc.exists() && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(!proc.exists(), "converter {pid} still runs");
    assert!(common::files(dir.path(), "png").is_empty());
    assert_eq!(common::files(dir.path(), "svg").len(), 1);
}
