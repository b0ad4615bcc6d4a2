//! End to end: the real `duiden` binary in a pseudo-terminal, driven by keys, its screen followed
//! with a vt100 parser. Waits poll the screen (see `common::Tui::wait_until`), never fixed sleeps.

mod common;

use common::{Tui, find_bytes};
use duiden::model::{Dataset, SeriesKey};
use duiden::tui::keymap::{Context, Keymap};
use duiden::tui::popups::help;
use std::ffi::OsStr;
use std::path::Path;
use std::time::Duration;

const ENTER_ALT: &[u8] = b"\x1b[?1049h";
const LEAVE_ALT: &[u8] = b"\x1b[?1049l";
const MOUSE_OFF: &[u8] = b"\x1b[?1000l";

fn sample() -> Dataset {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld");
    duiden::load::load_dataset(&dir).expect("sample loads")
}

/// The series of jeugd/instroom, the indicator the sample opens on.
fn opening_series(ds: &Dataset) -> Vec<&SeriesKey> {
    ds.series
        .iter()
        .map(|s| &s.key)
        .filter(|k| k.domein == "jeugd" && k.indicator == "instroom")
        .collect()
}

fn source_name<'a>(ds: &'a Dataset, bron: &str) -> &'a str {
    &ds.meta
        .source(bron)
        .unwrap_or_else(|| panic!("bron {bron} in dataset.toml"))
        .naam
}

/// The selected row of the series browser (the left pane): the text after the highlight
/// symbol, up to the pane's right border.
fn selected_browser_row(rows: &[String]) -> Option<String> {
    rows.iter().find_map(|r| {
        let start = r.find('▶')?;
        let rest = &r[start + '▶'.len_utf8()..];
        let end = rest.find('│').unwrap_or(rest.len());
        Some(rest[..end].trim().to_string())
    })
}

/// Text inside the legend pane: the rows below its title, from its left border to the right
/// edge, up to its bottom border.
/// The start of a source name: the legend shares its row with the annotation list and cuts long
/// names with "…".
fn prefix(name: &str) -> String {
    name.chars().take(24).collect()
}

fn legend_text(rows: &[String]) -> String {
    // The legend pane only: from its left corner to its right corner (the annotation list
    // sits beside it).
    let Some((title, left, right)) = rows.iter().enumerate().find_map(|(i, r)| {
        let chars: Vec<char> = r.chars().collect();
        let at = r[..r.find("Legenda")?].chars().count();
        let left = chars[..at].iter().rposition(|&c| c == '┌')?;
        let right = at + chars[at..].iter().position(|&c| c == '┐')?;
        Some((i, left, right))
    }) else {
        return String::new();
    };
    rows[title + 1..]
        .iter()
        .map(|r| {
            r.chars()
                .skip(left)
                .take(right + 1 - left)
                .collect::<String>()
        })
        .take_while(|r| !r.starts_with('└'))
        .map(|r| {
            r.trim_start_matches('│')
                .trim_end()
                .trim_end_matches('│')
                .trim()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn browse_select_help_and_quit() {
    let ds = sample();
    let opening = opening_series(&ds);
    assert!(!opening.is_empty(), "sample has jeugd/instroom series");
    let opening_names: Vec<&str> = opening
        .iter()
        .filter(|k| k.breakdown.is_total())
        .map(|k| source_name(&ds, &k.bron))
        .collect();

    let mut tui = Tui::spawn_viewer(&[]);

    // First frame: header, legend pane and the opening indicator with its sources.
    let screen = tui.wait_until("the opening chart", |s| {
        s.lines().next().is_some_and(|h| h.contains("duiden"))
            && s.contains("Legenda")
            && s.contains("Instroom jeugdhulp")
    });
    // Tabs, then as much of the dataset title as fits beside the session label.
    let header = screen.lines().next().unwrap_or_default();
    assert!(
        // Four tabs and the session label leave the title's first word at 110 columns.
        header.contains("1 Trend") && header.contains(&ds.meta.titel[..9]),
        "tabs and title in header:\n{screen}"
    );
    let legend = legend_text(&tui.rows());
    for name in &opening_names {
        assert!(
            legend.contains(&prefix(name)),
            "opening legend should show {name:?}:\n{screen}"
        );
    }

    // c: the chart is cleared, the legend lists no series.
    tui.send("c");
    let screen = tui.wait_for("grafiek leeggemaakt");
    assert!(screen.contains("Nog geen reeks gekozen"), "{screen}");
    let legend = legend_text(&tui.rows());
    for name in &opening_names {
        assert!(
            !legend.contains(&prefix(name)),
            "legend still shows {name}:\n{screen}"
        );
    }
    assert!(
        legend.trim().is_empty(),
        "legend should be empty: {legend:?}"
    );

    // j: from the opening indicator row down to its first series row.
    let before = selected_browser_row(&tui.rows()).expect("a selected row");
    assert!(
        before.contains("Instroom jeugdhulp"),
        "starts on the indicator: {before}"
    );
    tui.send("j");
    tui.wait_until("the selection to move", |_| {
        selected_browser_row(&tui.rows()).is_some_and(|r| r != before)
    });
    let row = selected_browser_row(&tui.rows()).expect("a selected row");
    // A series row is "· <bron>[ · <breakdown>]", shortened in the middle ("aanbied…portage")
    // when the pane is narrow: its beginning and end name the source.
    let shown = row
        .strip_prefix("· ")
        .unwrap_or_else(|| panic!("expected a series row, got {row:?}"));
    let shown_bron = shown.split(" · ").next().unwrap_or(shown).trim();
    let (start, end) = shown_bron.split_once('…').unwrap_or((shown_bron, ""));
    let mut candidates: Vec<&&SeriesKey> = opening
        .iter()
        .filter(|k| k.bron.starts_with(start) && k.bron.ends_with(end) && k.breakdown.is_total())
        .collect();
    candidates.dedup_by_key(|k| &k.bron);
    assert_eq!(
        candidates.len(),
        1,
        "row {row:?} should name one jeugd/instroom source"
    );
    let key = candidates[0];
    let name = source_name(&ds, &key.bron);

    // Space: that series goes into the chart; the legend names its source.
    tui.send(" ");
    let screen = tui.wait_for(&format!("toegevoegd: {key}"));
    let legend = legend_text(&tui.rows());
    assert!(
        legend.contains(&prefix(name)),
        "legend should show {name:?} after selecting {key}:\n{screen}"
    );
    // One entry, led by its mark; a wide legend puts what the series is on a second line,
    // which starts with a letter.
    let entries = legend
        .lines()
        .filter(|l| l.chars().next().is_some_and(|c| !c.is_alphabetic()))
        .count();
    assert_eq!(entries, 1, "exactly one series in the legend:\n{legend}");
    assert_eq!(
        legend.lines().filter(|l| l.contains(&prefix(name))).count(),
        1,
        "{legend}"
    );
    assert!(!screen.contains("Nog geen reeks gekozen"), "{screen}");

    // ?: the help overlay lists the keys of the trend tab first (the rest scrolls).
    tui.send("?");
    let keymap = Keymap::default();
    let groups = help::rows(&keymap, Context::Trend);
    // Wait for the whole overlay, not the first rows of a frame being drawn.
    let last = groups[0]
        .1
        .last()
        .map(|(_, w)| w.chars().take(20).collect::<String>());
    let screen = tui.wait_until("the help overlay", |s| {
        s.contains("Toetsen") && last.as_ref().is_none_or(|l| s.contains(l.as_str()))
    });
    assert_eq!(groups[0].0, Context::Trend);
    for (keys, what) in &groups[0].1 {
        let start: String = what.chars().take(20).collect();
        assert!(
            screen.contains(&start) && screen.contains(keys.as_str()),
            "help should list {keys:?} ({what:?}):\n{screen}"
        );
    }

    // Esc closes it; the chart is still there.
    tui.send("\x1b");
    tui.wait_until("the chart without the help", |s| {
        !s.contains("Toetsen") && legend_text(&tui.rows()).contains(&prefix(name))
    });

    // q: clean exit, terminal restored.
    tui.send("q");
    let status = tui.wait_exit_within(Duration::from_secs(5));
    assert!(status.success(), "exit status {status:?}");
    let raw = tui.raw_output();
    let enter = find_bytes(&raw, ENTER_ALT, 0).expect("entered the alternate screen");
    assert!(
        find_bytes(&raw, LEAVE_ALT, enter).is_some(),
        "left the alternate screen after entering it"
    );
    assert!(
        find_bytes(&raw, MOUSE_OFF, enter).is_some(),
        "mouse capture disabled on exit"
    );
    tui.with_screen(|s| {
        assert!(!s.alternate_screen(), "back on the main screen");
        assert_eq!(
            s.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "no mouse reporting left on"
        );
        assert!(!s.hide_cursor(), "cursor shown again");
    });
    assert!(!tui.raw_text().contains("panicked"));
}

#[test]
fn nonexistent_dataset_exits_with_a_message_naming_the_path() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("geen-dataset");
    let mut tui = Tui::spawn(&[missing.as_os_str()]);
    let status = tui.wait_exit();
    assert!(!status.success(), "should fail, got {status:?}");
    let out = tui.raw_text();
    assert!(
        out.contains(&missing.display().to_string()),
        "message should name {}:\n{out}",
        missing.display()
    );
    assert!(out.contains("kan niet geopend worden"), "{out}");
    assert!(!out.contains("panicked"), "{out}");
    assert!(
        find_bytes(out.as_bytes(), ENTER_ALT, 0).is_none(),
        "never switched to the alternate screen"
    );
}

#[test]
fn broken_dataset_exits_with_file_line_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld");
    std::fs::copy(sample.join("dataset.toml"), dir.path().join("dataset.toml")).unwrap();
    std::fs::write(
        dir.path().join("reeksen.csv"),
        "periode,domein,indicator,bron,waarde\n\
         2021-01,jeugd,instroom,gemeente-registratie,10\n\
         2021-02,jeugd,instroom,gemeente-registratie,twaalf\n",
    )
    .unwrap();
    let mut tui = Tui::spawn(&[dir.path().as_os_str()]);
    let status = tui.wait_exit();
    assert!(!status.success(), "should fail, got {status:?}");
    let out = tui.raw_text();
    assert!(out.contains("reeksen.csv:3:5: "), "{out}");
    assert!(out.contains("'twaalf'"), "{out}");
    assert!(!out.contains("panicked"), "{out}");
}

#[test]
fn ctrl_c_quits_too() {
    let mut tui = Tui::spawn_viewer(&[OsStr::new("--thema"), OsStr::new("licht")]);
    tui.wait_for("Legenda");
    tui.send("\x03");
    let status = tui.wait_exit_within(Duration::from_secs(5));
    assert!(status.success(), "exit status {status:?}");
    tui.with_screen(|s| assert!(!s.alternate_screen()));
}

#[test]
fn help_overlay_shows_its_close_hint() {
    // At 110×30 (and 80×24) the help is longer than the screen: the closing hint sits in the
    // popup's bottom border, never scrolled away.
    let mut tui = Tui::spawn_viewer(&[]);
    tui.wait_for("Legenda");
    tui.send("?");
    // Waiting for the last line of the popup: the first frames may arrive in parts.
    let screen = tui.wait_for("Esc sluiten");
    assert!(screen.contains("Toetsen"), "{screen}");
}

#[test]
fn overview_opens_the_comparison_view() {
    let mut tui = Tui::spawn_viewer(&[]);
    tui.wait_for("Legenda");
    tui.send("3");
    // The differences are found in the background; the table fills when they are.
    let screen = tui.wait_until("differences found", |s| {
        s.contains("Alle benoemde verschillen")
            && (s.contains("onverklaard") || s.contains("afronding"))
    });
    assert!(!screen.contains("worden gezocht"), "{screen}");
    // Filter to one kind, then Enter opens the comparison at that period.
    tui.send("ff");
    tui.wait_for("soort: ontbrekende periode");
    tui.send("\r");
    let screen = tui.wait_for("Verschillen per periode t.o.v.");
    assert!(screen.contains("Duiding"), "{screen}");
    assert!(screen.contains("ontbrekende periode"), "{screen}");
    tui.send("q");
    assert!(tui.wait_exit().success());
}

#[test]
fn taal_en_opens_with_english_tabs_and_hints() {
    let mut tui = Tui::spawn_with_sessions(
        &[OsStr::new("--taal"), OsStr::new("en")],
        tempfile::tempdir().expect("tempdir"),
    );
    // The start question, in English.
    let screen = tui.wait_for("View only (no session)");
    assert!(screen.contains("New session"), "{screen}");
    tui.send("\x1b");
    let screen = tui.wait_gone("View only (no session)");
    let screen = if screen.contains("Legend") {
        screen
    } else {
        tui.wait_for("Legend")
    };
    let header = screen.lines().next().unwrap_or_default();
    for tab in ["1 Trend", "2 Compare", "3 Differences"] {
        assert!(
            header.contains(tab),
            "{tab} missing in the header:\n{screen}"
        );
    }
    // The status line says there is no session; Esc clears the message and shows every key
    // hint of the trend tab, in English.
    let status = tui.rows().last().cloned().unwrap_or_default();
    assert!(status.contains("no session: view only"), "{screen}");
    duiden::tui::i18n::set_lang(duiden::tui::i18n::Lang::En);
    let hints = Keymap::default().hint(Context::Trend, duiden::tui::hint_actions(Context::Trend));
    assert!(
        hints.contains("? help") && hints.contains("q quit"),
        "{hints}"
    );
    tui.send("\x1b");
    let screen = tui.wait_for(&hints);
    for dutch in [
        "Legenda",
        "Reeksen",
        "Vergelijken",
        "? hulp",
        "q stoppen",
        "zoals geleverd",
    ] {
        assert!(
            !screen.contains(dutch),
            "{dutch} on the English screen:\n{screen}"
        );
    }
    tui.send("q");
    assert!(tui.wait_exit().success());
}
