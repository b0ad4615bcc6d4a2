//! Rendering tests: the trend view drawn on ratatui's TestBackend, compared with snapshots.

mod common;

use common::render;
use duiden::load::load_dataset;
use duiden::model::{Breakdown, Dataset, Granularity, SeriesKey};
use duiden::tui::app::App;
use duiden::tui::i18n::{Lang, set_lang, t};
use duiden::tui::keymap::Action;
use duiden::tui::style::ThemeKind;
use std::path::Path;

fn sample() -> Dataset {
    load_dataset(&Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld"))
        .expect("sample loads")
}

fn key(domein: &str, indicator: &str, bron: &str) -> SeriesKey {
    SeriesKey {
        domein: domein.into(),
        indicator: indicator.into(),
        bron: bron.into(),
        breakdown: Breakdown {
            regio: Some("GM0772".into()),
            ..Breakdown::default()
        },
    }
}

/// Two sources of jeugd instroom per half-year: CBS's last half-year is voorlopig.
fn two_series_app() -> App {
    let mut app = App::new(sample(), ThemeKind::Dark);
    let dataset = std::sync::Arc::clone(&app.shared.dataset);
    app.trend.set_selection(
        &dataset,
        vec![
            key("jeugd", "instroom", "gemeente-registratie"),
            key("jeugd", "instroom", "cbs-beleidsinformatie"),
        ],
    );
    while app.trend.granularity != Some(Granularity::HalfYear) {
        app.update(Action::CycleGranularity);
    }
    app.shared.message = None;
    app
}

#[test]
fn trend_view_80x24() {
    let mut app = two_series_app();
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("Legenda"));
    assert!(
        screen.contains("▽"),
        "voorlopig point drawn with an open symbol"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn trend_view_80x24_in_english() {
    set_lang(Lang::En);
    let mut app = two_series_app();
    let screen = render(&mut app, 80, 24);
    for text in [
        " 1 Trend ",
        // At 80 columns the other tabs show their number only.
        " 2   3   4 ",
        " Series ",
        "per half year",
        " Legend · Cursor: 2nd half 2024 ",
        "open symbol = provisional",
        "? help · Tab pane",
    ] {
        assert!(screen.contains(text), "{text} missing in\n{screen}");
    }
    insta::assert_snapshot!(screen);
}

#[test]
fn trend_view_160x48() {
    let mut app = two_series_app();
    let screen = render(&mut app, 160, 48);
    assert!(
        screen.contains("2.250 (voorlopig)"),
        "cursor on the voorlopig CBS figure"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn opening_view_shows_all_sources_of_the_start_indicator() {
    let mut app = App::new(sample(), ThemeKind::Dark);
    let screen = render(&mut app, 120, 36);
    for source in [
        "Aanbieders: maandrapportage",
        "CBS: Beleidsinformatie",
        "Gemeente: registratie",
    ] {
        assert!(screen.contains(source), "{source} missing in\n{screen}");
    }
    insta::assert_snapshot!(screen);
}

#[test]
fn the_opening_chart_has_one_period_length_on_its_axis() {
    // The sample opens on jeugd instroom: monthly registration and provider figures beside CBS
    // half years. Half-year totals next to monthly values would squash the monthly lines.
    let mut app = App::new(sample(), ThemeKind::Dark);
    let screen = render(&mut app, 120, 40);
    assert_eq!(app.trend.granularity, None, "nothing chosen");
    assert_eq!(app.trend.shown, Some(Granularity::HalfYear));
    let lengths: std::collections::BTreeSet<_> = app
        .trend
        .chart
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.period.granularity))
        .collect();
    assert_eq!(lengths.len(), 1, "{lengths:?}");
    assert!(
        screen.contains("per halfjaar (gelijkgetrokken)"),
        "{screen}"
    );
    // The cursor steps through half years.
    app.update(Action::NextPane);
    app.update(Action::Left);
    let c = app.trend.cursor_period().unwrap();
    assert_eq!(c.granularity, Granularity::HalfYear);
    // Explicitly per maand: the half-year source cannot be shown monthly, so it is left off
    // the axis (the legend says why) instead of being drawn beside monthly values.
    while app.trend.granularity != Some(Granularity::Month) {
        app.update(Action::CycleGranularity);
    }
    let monthly = &app.trend.chart.series;
    assert!(monthly.iter().all(|s| {
        s.points
            .iter()
            .all(|p| p.period.granularity == Granularity::Month)
    }));
    assert!(
        monthly
            .iter()
            .any(|s| s.points.is_empty() && s.note.is_some())
    );
}

#[test]
fn trend_y_axis_is_labelled_in_the_interface_language() {
    set_lang(Lang::Nl);
    let dutch = render(&mut App::new(sample(), ThemeKind::Dark), 120, 36);
    set_lang(Lang::En);
    let english = render(&mut App::new(sample(), ThemeKind::Dark), 120, 36);
    set_lang(Lang::Nl);
    assert!(dutch.contains(" 2.600┤"), "{dutch}");
    assert!(!dutch.contains("2,600"), "{dutch}");
    assert!(english.contains(" 2,600┤"), "{english}");
    assert!(!english.contains("2.600"), "{english}");
    // Both languages put the ticks on the same rows: only the notation differs.
    let rows = |screen: &str, label: &str| -> Vec<usize> {
        screen
            .lines()
            .enumerate()
            .filter(|(_, l)| l.contains(label))
            .map(|(i, _)| i)
            .collect()
    };
    assert_eq!(rows(&dutch, " 2.500┤"), rows(&english, " 2,500┤"));
    assert_eq!(rows(&dutch, " 1.000┤"), rows(&english, " 1,000┤"));
}

#[test]
fn comparison_detail_in_english() {
    set_lang(Lang::En);
    let mut app = App::new(sample(), ThemeKind::Dark);
    app.update(Action::ShowCompare);
    let screen = render(&mut app, 160, 48);
    set_lang(Lang::Nl);
    // The pane text wraps: compare it as one line.
    let detail: String = screen
        .lines()
        .skip_while(|l| !l.contains(&format!("┌ {} ", "Interpretation")))
        .skip(1)
        .take_while(|l| !l.starts_with('└'))
        .map(|l| l.trim_matches(|c| c == '│' || c == ' '))
        .collect::<Vec<_>>()
        .join(" ");
    // A delay of about 6 weeks is no half year: the half-year comparison is not shifted (it
    // was, by one half year, whatever the declared delay).
    assert!(!detail.contains("shifted"), "{detail}");
    for text in [
        // The registration counts no intake before the beschikking: another population.
        "definition: 2,127 (gemeente-registratie) against 2,263 \
(aanbieders-maandrapportage): difference 136 (6.4%); other definition/population",
        "aanbieders-maandrapportage usually differs +7.4% from gemeente-registratie; after that \
0.9% remains, within the threshold of 5%",
        "delay: ca. 6 weken",
    ] {
        assert!(
            detail.contains(text),
            "{text} missing in\n{detail}\n{screen}"
        );
    }
    for dutch in ["tegen", "verschil", "drempel", "verschoven"] {
        assert!(!detail.contains(dutch), "{dutch} in {detail}");
    }
    // The table's figures follow the language too.
    assert!(
        screen.contains("2,127") && screen.contains("+6.4%"),
        "{screen}"
    );
}

#[test]
fn help_overlay_lists_the_keys_of_the_tab() {
    // A keymap read from a file names that file in the help (the default names the user's
    // config folder, which differs per machine).
    let mut keymap = duiden::tui::keymap::Keymap::from_toml("duiden.toml", "").unwrap();
    keymap.source = Some("duiden.toml".into());
    let mut app = App::with_keymap(sample(), ThemeKind::Light, std::sync::Arc::new(keymap));
    app.update(Action::Help);
    let screen = render(&mut app, 100, 40);
    let keymap = duiden::tui::keymap::Keymap::default();
    let groups = duiden::tui::popups::help::rows(&keymap, duiden::tui::keymap::Context::Trend);
    for (keys, what) in &groups[0].1 {
        assert!(
            screen.contains(&format!("{keys:<12}")) || screen.contains(keys.as_str()),
            "{keys} missing"
        );
        assert!(
            screen.contains(&what[..what.len().min(30)]),
            "{what} missing\n{screen}"
        );
    }
    insta::assert_snapshot!(screen);
}

#[test]
fn help_overlay_in_english() {
    set_lang(Lang::En);
    let mut keymap = duiden::tui::keymap::Keymap::from_toml("duiden.toml", "").unwrap();
    keymap.source = Some("duiden.toml".into());
    let mut app = App::with_keymap(sample(), ThemeKind::Light, std::sync::Arc::new(keymap));
    app.update(Action::Help);
    let screen = render(&mut app, 100, 40);
    for text in [
        "Keys · Trend",
        "add the series to / remove it from the chart",
        "Everywhere",
        "keys from duiden.toml (the rest as default)",
        "↓ line · Esc close",
    ] {
        assert!(screen.contains(text), "{text} missing in\n{screen}");
    }
    insta::assert_snapshot!(screen);
}

#[test]
fn tiny_terminal_says_so_instead_of_panicking() {
    let mut app = App::new(sample(), ThemeKind::Dark);
    // Below 40×10 the screen holds the whole message (wrapped where narrow) and nothing else.
    for (w, h) in [(20, 5), (39, 10), (40, 9), (39, 40), (200, 3), (18, 3)] {
        let screen = render(&mut app, w, h);
        assert_eq!(common::words(&screen), t().too_small, "{w}×{h}:\n{screen}");
    }
    // Too small even for the message: its beginning, no panic.
    let screen = render(&mut app, 1, 1);
    assert_eq!(screen, "V\n");
    // From 40×10 on the interface itself.
    for (w, h) in [(40, 10), (60, 16)] {
        let screen = render(&mut app, w, h);
        assert!(!screen.contains("klein"), "{w}×{h}:\n{screen}");
        assert!(screen.contains("Trend"), "{w}×{h}:\n{screen}");
    }
}

#[test]
fn chart_cursor_moves_and_legend_follows() {
    let mut app = two_series_app();
    app.update(Action::NextPane);
    app.update(Action::Home);
    let screen = render(&mut app, 120, 36);
    assert!(screen.contains("1e halfjaar 2019"), "{screen}");
    app.update(Action::Right);
    let screen = render(&mut app, 120, 36);
    assert!(screen.contains("2e halfjaar 2019"), "{screen}");
}

#[test]
fn comparison_view_160x48() {
    let mut app = App::new(sample(), ThemeKind::Dark);
    app.update(Action::ShowCompare);
    let screen = render(&mut app, 160, 48);
    for text in [
        "Verschillen per periode t.o.v.",
        "Δ in cliënten",
        "trendbreuk",
        "onvolledig",
        "Duiding",
    ] {
        assert!(screen.contains(text), "{text} missing in\n{screen}");
    }
    insta::assert_snapshot!(screen);
}

#[test]
fn comparison_reference_switch_changes_the_table() {
    let mut app = App::new(sample(), ThemeKind::Dark);
    app.update(Action::ShowCompare);
    let before = app.compare.table.as_ref().unwrap().reference.clone();
    app.update(Action::CycleReference);
    let after = app.compare.table.as_ref().unwrap().reference.clone();
    assert_ne!(before, after);
    let screen = render(&mut app, 160, 48);
    assert!(
        screen.contains(&format!("t.o.v. {}", after.unwrap())),
        "{screen}"
    );
}

#[test]
fn overview_80x24_and_jump_to_comparison() {
    let mut app = App::new(sample(), ThemeKind::Dark);
    app.update(Action::ShowOverview);
    assert!(app.finish_background(std::time::Duration::from_secs(20)));
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("Alle benoemde verschillen"), "{screen}");
    insta::assert_snapshot!(screen);
    // Filter to unit differences and open the first in the comparison view.
    while app.overview.kind != Some(duiden::analysis::mismatch::MismatchKind::Unit) {
        app.update(Action::FilterKind);
    }
    let first = app
        .overview
        .selected_mismatch()
        .cloned()
        .expect("a unit difference");
    app.update(Action::Activate);
    assert_eq!(app.tab, duiden::tui::tabs::Tab::Compare);
    assert_eq!(app.compare.indicator, first.indicator);
    assert_eq!(
        app.compare.selected_period().map(|p| p.year),
        Some(first.period.year)
    );
}

#[test]
fn help_scrolls_on_a_small_terminal() {
    let mut app = App::new(sample(), ThemeKind::Dark);
    app.update(Action::Help);
    let top = render(&mut app, 80, 24);
    assert!(top.contains("reeks toevoegen aan"), "{top}");
    // Where the keys come from stays in view under the rows, scrolled or not.
    assert!(top.contains("eigen toetsen in"), "{top}");
    assert!(!top.contains("overnemen"), "{top}");
    assert!(
        top.contains("Esc sluiten"),
        "the closing hint is always in view:\n{top}"
    );
    for _ in 0..60 {
        app.update(Action::Down);
    }
    let bottom = render(&mut app, 80, 24);
    assert!(
        bottom.contains("eigen toetsen in") && bottom.contains("overnemen"),
        "scrolled to the last line:\n{bottom}"
    );
    assert!(bottom.contains("Esc sluiten"), "{bottom}");
    app.update(Action::Cancel);
    assert!(app.popup.is_none());
}

#[test]
fn every_event_is_on_the_axis_and_the_one_under_the_cursor_is_named() {
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        let mut app = App::new(sample(), ThemeKind::Dark);
        let screen = render(&mut app, w, h);
        let marks = app.trend.chart.marks.clone();
        assert!(marks.len() >= 4, "the sample has events and breaks");
        // No event is silently cut off: each has its number on the axis.
        for (i, m) in marks.iter().enumerate() {
            let numbered = [format!("◆{}", i + 1), format!("╫{}", i + 1)];
            assert!(
                numbered.iter().any(|n| screen.contains(n.as_str())),
                "{w}×{h}: mark {} ({}) missing:\n{screen}",
                i + 1,
                m.text
            );
        }
        // The cursor on a period of the corona event: the readout names it in full.
        let (n, corona) = marks
            .iter()
            .enumerate()
            .find(|(_, m)| m.text.starts_with("Corona"))
            .expect("the corona event");
        let inside = app
            .trend
            .chart
            .periods
            .iter()
            .position(|p| p.mid() >= corona.start && p.mid() <= corona.end)
            .expect("a period during corona");
        app.trend.cursor = Some(inside);
        let screen = render(&mut app, w, h);
        let named = format!("◆{} Corona", n + 1);
        assert!(
            screen.contains(&named),
            "{w}×{h}: {named} not in the readout:\n{screen}"
        );
    }
}

#[test]
fn overview_shows_lag_as_its_kind_and_negative_differences_with_their_sign() {
    let mut app = App::new(sample(), ThemeKind::Dark);
    app.update(Action::ShowOverview);
    assert!(app.finish_background(std::time::Duration::from_secs(20)));
    while app.overview.kind != Some(duiden::analysis::mismatch::MismatchKind::Lag) {
        app.update(Action::FilterKind);
    }
    let screen = render(&mut app, 80, 24);
    // wmo instroom 2023-09: aanbieders (reference) 588, gemeente 444: 24,5% lower, not "+".
    let row = screen
        .lines()
        .find(|l| l.contains("wmo") && l.contains("sep 2023"))
        .unwrap_or_else(|| panic!("no wmo row in\n{screen}"));
    assert!(
        row.contains("vertraging") && row.contains("-24,5%"),
        "{row}"
    );
    assert!(!screen.contains("onverklaard  "), "{screen}");
}

#[test]
fn an_unknown_figure_reads_unknown_not_incomplete() {
    // The sample's CBS wmo uitstroom of 2019-H1 is '.' (unknown), delivered per half year.
    let mut app = App::new(sample(), ThemeKind::Dark);
    let data = std::sync::Arc::clone(&app.shared.dataset);
    let h1 = duiden::model::Period::half(2019, 1);
    app.compare.granularity = Some(Granularity::HalfYear);
    app.compare.open(&data, "wmo", "uitstroom", Some(h1));
    app.tab = duiden::tui::tabs::Tab::Compare;
    let screen = render(&mut app, 160, 48);
    let row = screen
        .lines()
        .find(|l| l.contains("H1 2019") && !l.contains("Cursor"))
        .unwrap_or_else(|| panic!("no H1 2019 row in\n{screen}"));
    assert!(row.contains("onbekend (.)"), "{row}\n{screen}");
    assert!(!row.contains("1/1"), "{row}");
}

#[test]
fn the_comparison_names_the_kind_per_source_pair_with_signs() {
    let mut app = App::new(sample(), ThemeKind::Dark);
    app.update(Action::ShowCompare);
    let screen = render(&mut app, 160, 48);
    // 2021-H1: the provider figure differs from the registration by population, CBS's is a
    // trend break: each with its own source's mark, not one merged list for the row.
    let row = screen
        .lines()
        .find(|l| l.contains("H1 2021") && !l.contains("Cursor"))
        .unwrap_or_else(|| panic!("no H1 2021 row in\n{screen}"));
    assert!(row.contains("✖ definitie · ▼ trendbreuk"), "{row}");
    assert!(row.contains("+184") && row.contains("+8,5%"), "{row}");
    let row = screen
        .lines()
        .find(|l| l.contains("H1 2019") && !l.contains("Cursor"))
        .unwrap();
    assert!(row.contains("-46") && row.contains("-2,2%"), "{row}");
}

#[test]
fn the_event_under_the_cursor_is_on_screen_in_full_at_120x40() {
    let mut app = App::new(sample(), ThemeKind::Dark);
    common::render(&mut app, 120, 40);
    let marks = app.trend.chart.marks.clone();
    let corona = marks
        .iter()
        .find(|m| m.text.starts_with("Corona"))
        .expect("the corona event");
    let inside = (app.trend.chart.periods.iter())
        .position(|p| p.mid() >= corona.start && p.mid() <= corona.end)
        .expect("a period during corona");
    app.trend.cursor = Some(inside);
    let screen = common::render(&mut app, 120, 40);
    // The legend's inside, its lines joined: a wrapped text reads whole, a shortened one not.
    let legend = app.trend.layout(app.body()).legend;
    let rows: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    let inside: Vec<String> = (legend.y + 1..legend.bottom() - 1)
        .map(|y| {
            let row = &rows[y as usize];
            row[(legend.x + 1) as usize..(legend.right() - 1) as usize]
                .iter()
                .collect::<String>()
        })
        .collect();
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = words(&inside.join(" "));
    assert!(
        text.contains(&words(&corona.text)),
        "'{}' not whole in the legend:\n{}\n{screen}",
        corona.text,
        inside.join("\n")
    );
}

#[test]
fn a_browser_row_names_its_wijk() {
    let mut app = App::new(sample(), ThemeKind::Dark);
    let dataset = std::sync::Arc::clone(&app.shared.dataset);
    let wijken: Vec<SeriesKey> = (dataset.series_of("jeugd", "instroom"))
        .filter(|s| s.key.bron == "gemeente-registratie" && s.key.breakdown.wijk.is_some())
        .map(|s| s.key.clone())
        .collect();
    assert!(wijken.len() >= 7, "the sample has seven wijken");
    for (w, h) in [(80, 24), (120, 40)] {
        for key in &wijken {
            app.trend.browser.reveal(&dataset, key);
            let screen = render(&mut app, w, h);
            let browser = app.trend.layout(app.body()).browser;
            let wijk = key.breakdown.wijk.as_deref().unwrap();
            // The selected row is the wijk's; it is in view and names the wijk, whole.
            let row = app.trend.browser.selected - app.trend.browser_offset;
            let line: String = (screen.lines().nth((browser.y + 1) as usize + row))
                .unwrap()
                .chars()
                .skip(browser.x as usize)
                .take(browser.width as usize)
                .collect();
            assert!(
                line.contains(wijk),
                "{w}×{h}: {wijk} not in '{line}'\n{screen}"
            );
        }
    }
}
