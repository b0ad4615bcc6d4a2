//! Themes and colour depth on screen (issue 11, item 2): without colour (NO_COLOR) the series of
//! a chart are still told apart by their symbols along the lines, in every theme; a frame mapped
//! to 16 or 256 colours keeps them apart by colour too.

mod common;

use duiden::load::load_dataset;
use duiden::model::{Breakdown, Dataset, SeriesKey};
use duiden::tui::app::App;
use duiden::tui::colours::{ColourDepth, map_buffer};
use duiden::tui::style::{Theme, ThemeKind, symbol};
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use std::path::Path;

fn sample() -> Dataset {
    load_dataset(&Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld"))
        .expect("sample loads")
}

fn key(bron: &str) -> SeriesKey {
    SeriesKey {
        domein: "jeugd".into(),
        indicator: "instroom".into(),
        bron: bron.into(),
        breakdown: Breakdown {
            regio: Some("GM0772".into()),
            ..Breakdown::default()
        },
    }
}

/// Two sources of jeugd instroom in the chart, in `kind`.
fn two_sources(kind: ThemeKind) -> App {
    let mut app = App::new(sample(), kind);
    let dataset = std::sync::Arc::clone(&app.shared.dataset);
    app.trend.set_selection(
        &dataset,
        vec![
            key("gemeente-registratie"),
            key("aanbieders-maandrapportage"),
        ],
    );
    app
}

fn draw(app: &mut App, width: u16, height: u16, depth: ColourDepth) -> Buffer {
    app.resize(ratatui::layout::Rect::new(0, 0, width, height));
    let backend = ratatui::backend::TestBackend::new(width, height);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    terminal
        .draw(|f| {
            duiden::tui::draw(f, app);
            map_buffer(f.buffer_mut(), depth);
        })
        .unwrap();
    terminal.backend().buffer().clone()
}

use common::buffer_text as text;

const THEMES: [ThemeKind; 3] = [ThemeKind::Dark, ThemeKind::Light, ThemeKind::HighContrast];

/// The cells of the plot: right of the y axis, under the pane's title line, down to the time
/// axis.
fn plot(buf: &Buffer) -> Vec<(u16, u16)> {
    let screen = text(buf);
    let rows: Vec<&str> = screen.lines().collect();
    let axis = rows
        .iter()
        .position(|r| r.contains("└┬"))
        .expect("a time axis");
    let left = rows[axis].chars().position(|c| c == '└').unwrap() as u16;
    let top = rows
        .iter()
        .position(|r| r.contains("Cursor:"))
        .expect("a chart") as u16;
    (top + 1..axis as u16)
        .flat_map(|y| (left + 1..buf.area.width).map(move |x| (x, y)))
        .collect()
}

/// The columns where `mark` stands in the plot.
fn columns_of(buf: &Buffer, mark: &str) -> Vec<u16> {
    let mut cols: Vec<u16> = plot(buf)
        .into_iter()
        .filter(|&(x, y)| buf[(x, y)].symbol() == mark)
        .map(|(x, _)| x)
        .collect();
    cols.sort();
    cols.dedup();
    cols
}

#[test]
fn without_colour_each_source_is_told_apart_by_its_symbol_along_its_line() {
    for kind in THEMES {
        let mut app = two_sources(kind);
        let buf = draw(&mut app, 120, 36, ColourDepth::NoColour);
        let screen = text(&buf);
        for cell in &buf.content {
            assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{kind:?}");
        }
        let series = &app.trend.chart.series;
        assert_eq!(series.len(), 2);
        let marks: Vec<String> = series.iter().map(|s| symbol(&s.identity, false)).collect();
        assert_ne!(marks[0], marks[1], "{kind:?}: two sources, one symbol");
        for (s, mark) in series.iter().zip(&marks) {
            // The symbol comes back all along the line, not only at its ends: a reader can
            // follow each line from symbol to symbol.
            let cols = columns_of(&buf, mark);
            assert!(
                cols.len() >= s.points.len() / 8,
                "{kind:?} {mark}: {cols:?}\n{screen}"
            );
            let widest = cols
                .windows(2)
                .map(|w| w[1] - w[0])
                .max()
                .unwrap_or(u16::MAX);
            assert!(
                widest <= 10,
                "{kind:?} {mark}: a gap of {widest} columns {cols:?}\n{screen}"
            );
        }
        // The legend names each symbol's source.
        assert!(
            screen.contains(&format!("{} Gemeente", marks[0])),
            "{screen}"
        );
        assert!(
            screen.contains(&format!("{} Aanbieders", marks[1])),
            "{screen}"
        );
        // The chosen row of the browser is reversed, so the list stays usable; the rest of the
        // browser is not.
        let reversed: String = (0..buf.area.height)
            .flat_map(|y| (0..30).map(move |x| (x, y)))
            .filter(|&xy| buf[xy].modifier.contains(Modifier::REVERSED))
            .map(|xy| buf[xy].symbol().to_string())
            .collect();
        assert!(
            reversed.contains("▶  ▾ Instroom jeugdhulp"),
            "{kind:?}: {reversed}"
        );
        assert!(
            !reversed.contains("gemeente-registratie"),
            "{kind:?}: {reversed}"
        );
    }
}

/// The colours the cells of `mark` in the plot have.
fn colours_of(buf: &Buffer, mark: &str) -> Vec<Color> {
    let mut out: Vec<Color> = Vec::new();
    for (x, y) in plot(buf) {
        let cell = &buf[(x, y)];
        if cell.symbol() == mark && !out.contains(&cell.fg) {
            out.push(cell.fg);
        }
    }
    out
}

#[test]
fn in_16_and_256_colours_the_sources_keep_their_own_colour() {
    for kind in THEMES {
        for depth in [ColourDepth::Ansi16, ColourDepth::Ansi256] {
            let mut app = two_sources(kind);
            let buf = draw(&mut app, 120, 36, depth);
            assert!(
                buf.content
                    .iter()
                    .all(|c| !matches!(c.fg, Color::Rgb(..)) && !matches!(c.bg, Color::Rgb(..))),
                "{kind:?} {depth:?}: a 24-bit colour is left"
            );
            let marks: Vec<String> = (app.trend.chart.series.iter())
                .map(|s| symbol(&s.identity, false))
                .collect();
            let a = colours_of(&buf, &marks[0]);
            let b = colours_of(&buf, &marks[1]);
            assert_eq!(a.len(), 1, "{kind:?} {depth:?}: {a:?}");
            assert_eq!(b.len(), 1, "{kind:?} {depth:?}: {b:?}");
            assert_ne!(a, b, "{kind:?} {depth:?}");
            let bg = duiden::tui::colours::map_colour(Theme::of(kind).bg, depth);
            assert_ne!(a[0], bg);
            assert_ne!(b[0], bg);
        }
    }
}

#[test]
fn t_goes_to_the_contrast_theme_and_the_status_line_and_help_name_it() {
    use duiden::tui::i18n::{Lang, set_lang};
    use duiden::tui::keymap::Action;
    set_lang(Lang::Nl);
    let mut app = two_sources(ThemeKind::Dark);
    app.update(Action::ToggleTheme);
    assert_eq!(app.shared.theme.kind, ThemeKind::Light);
    app.update(Action::ToggleTheme);
    assert_eq!(app.shared.theme.kind, ThemeKind::HighContrast);
    let screen = text(&draw(&mut app, 120, 36, ColourDepth::TrueColour));
    assert!(
        screen.contains("contrastthema (zwart-wit, vette lijnen)"),
        "{screen}"
    );
    app.update(Action::Help);
    let screen = text(&draw(&mut app, 120, 40, ColourDepth::TrueColour));
    assert!(
        screen.contains("Nu: contrastthema (zwart-wit, vette lijnen) · lijnen in halve blokken"),
        "{screen}"
    );
    app.update(Action::Cancel);
    app.update(Action::ToggleTheme);
    assert_eq!(app.shared.theme.kind, ThemeKind::Dark);
    // Back to the dark theme's fine lines: nobody chose the contrast theme's heavier ones.
    assert_eq!(app.shared.theme.marker, ratatui::symbols::Marker::Braille);
}

/// `duiden ARGS` in `dir`, Dutch, with no user config folder.
fn duiden_in(dir: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_duiden"))
        .args(args)
        .current_dir(dir)
        .env("LANG", "nl_NL.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("HOME", dir)
        .output()
        .expect("duiden runs")
}

#[test]
fn a_wrong_weergave_in_duiden_toml_stops_before_the_terminal_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("duiden.toml"),
        "[toetsen.trend]\nbereik = [\"f\"]\n\n[weergave]\nthema = \"paars\"\n",
    )
    .unwrap();
    let sessions = dir.path().to_str().unwrap();
    for args in [&[][..], &["terugkijken", sessions]] {
        let out = duiden_in(dir.path(), args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.starts_with(
                "duiden.toml:5:9: [weergave] thema = \"paars\" bestaat niet: verwacht een van donker, licht, contrast"
            ),
            "{err}"
        );
        assert!(out.stdout.is_empty(), "nothing drawn");
    }
}

#[test]
fn the_flags_are_in_the_help_and_a_wrong_value_names_the_choices() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let help = duiden_in(here, &["--help"]);
    let help = String::from_utf8_lossy(&help.stdout);
    for flag in [
        "--thema <THEMA>",
        "--kleuren <AANTAL>",
        "--lijnen <STIJL>",
        "donker, licht, contrast",
        "16, 256, 24bit, geen",
        "braille, half, blok",
    ] {
        assert!(help.contains(flag), "{flag} in\n{help}");
    }
    let review = duiden_in(here, &["terugkijken", "--help"]);
    assert!(String::from_utf8_lossy(&review.stdout).contains("--kleuren <AANTAL>"));
    let out = duiden_in(here, &["--kleuren", "12"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("16, 256, 24bit, geen"), "{err}");
}

#[cfg(unix)]
/// The colours a terminal was told to use: `(38 or 48, Some(index))` for a 256-palette colour,
/// `(38 or 48, None)` for a 24-bit one; and whether reverse video was asked.
fn colour_codes(raw: &str) -> (Vec<(u8, Option<u8>)>, bool) {
    let mut out = Vec::new();
    let mut reverse = false;
    for seq in raw.split("\x1b[").skip(1) {
        let Some(end) = seq.find(|c: char| !(c.is_ascii_digit() || c == ';')) else {
            continue;
        };
        if !seq[end..].starts_with('m') {
            continue;
        }
        let params: Vec<&str> = seq[..end].split(';').collect();
        let mut i = 0;
        while i < params.len() {
            match (params[i], params.get(i + 1)) {
                ("38" | "48", Some(&"5")) => {
                    let which = params[i].parse().unwrap();
                    out.push((which, params.get(i + 2).and_then(|n| n.parse().ok())));
                    i += 3;
                }
                ("38" | "48", Some(&"2")) => {
                    out.push((params[i].parse().unwrap(), None));
                    i += 5;
                }
                ("7", _) => {
                    reverse = true;
                    i += 1;
                }
                _ => i += 1,
            }
        }
    }
    (out, reverse)
}

#[cfg(unix)]
/// `env ENV… duiden --sessies TMP ARGS…` in a pseudo-terminal (TERM=xterm-256color), past the
/// start question, with its first full screen drawn; then quit.
fn run_with(env: &[&str], args: &[&str]) -> String {
    use std::ffi::OsStr;
    let sessions = tempfile::tempdir().unwrap();
    let mut all: Vec<&OsStr> = vec![OsStr::new("-u"), OsStr::new("COLORTERM")];
    all.extend(env.iter().map(OsStr::new));
    all.push(OsStr::new(env!("CARGO_BIN_EXE_duiden")));
    all.extend([OsStr::new("--sessies"), sessions.path().as_os_str()]);
    all.extend(args.iter().map(OsStr::new));
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut tui = common::Tui::spawn_program(here, OsStr::new("env"), &all, (30, 110));
    tui.wait_for("Alleen kijken");
    tui.send("\x1b");
    tui.wait_gone("Alleen kijken");
    tui.wait_for("Legenda");
    tui.send("q");
    assert!(tui.wait_exit().success());
    tui.raw_text()
}

/// Through `env` (to set NO_COLOR and unset COLORTERM for the child only): Unix.
#[cfg(unix)]
#[test]
fn the_terminal_gets_only_the_colours_it_can_show() {
    // NO_COLOR: no colour at all, the selection in reverse video.
    let (codes, reverse) = colour_codes(&run_with(&["NO_COLOR=1"], &[]));
    assert!(codes.is_empty(), "{codes:?}");
    assert!(reverse);
    // --kleuren wins over NO_COLOR: the 16 colours only.
    let (codes, _) = colour_codes(&run_with(&["NO_COLOR=1"], &["--kleuren", "16"]));
    assert!(!codes.is_empty());
    assert!(
        codes.iter().all(|(_, i)| i.is_some_and(|i| i < 16)),
        "{codes:?}"
    );
    // TERM=xterm-256color without COLORTERM: the 256-palette, no 24-bit colour.
    let (codes, _) = colour_codes(&run_with(&[], &[]));
    assert!(codes.iter().all(|(_, i)| i.is_some()), "{codes:?}");
    assert!(
        codes.iter().any(|(_, i)| i.is_some_and(|i| i >= 16)),
        "{codes:?}"
    );
    // Asked for: 24-bit.
    let (codes, _) = colour_codes(&run_with(&[], &["--kleuren", "24bit"]));
    assert!(codes.iter().any(|(_, i)| i.is_none()), "{codes:?}");
}
