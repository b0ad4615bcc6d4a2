//! Small numbers protected (AVG): every export of a dataset with a source from records
//! (`herkomst = "registratie"`) shows its counts from 1 to 9 as "<10", unless
//! `--kleine-aantallen`, which the export then says at the top. A normal source's small numbers
//! stay as they are.

mod common;

use duiden::model::{Breakdown, Period, SeriesKey};
use duiden::tui::app::App;
use duiden::tui::i18n::{Lang, set_lang};
use duiden::tui::keymap::Action;
use duiden::tui::style::ThemeKind;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The records source's small counts. Chosen from 6 to 9 so that nothing else in the outputs
/// (months 01 to 05, annotation numbers 1 to 4) is one of them.
const HIDDEN: [f64; 4] = [6.0, 7.0, 8.0, 9.0];

const META: &str = r#"titel = "Kleine aantallen"
[[bronnen]]
id = "reg"
naam = "Registratie"
herkomst = "registratie"
[[bronnen]]
id = "cbs"
naam = "CBS"
[[indicatoren]]
domein = "jeugd"
id = "instroom"
naam = "Instroom"
soort = "stroom"
eenheid = "cliënten"
[[indicatoren]]
domein = "jeugd"
id = "uitstroom"
naam = "Uitstroom"
soort = "stroom"
eenheid = "cliënten"
[[indicatoren]]
domein = "jeugd"
id = "stand"
naam = "Stand"
soort = "stand"
eenheid = "cliënten"
"#;

/// Monthly figures 2024-01 to 2024-05 per (indicator, bron).
const SERIES: [(&str, &str, [u32; 5]); 5] = [
    // The small ones: 7, 9, 8 (instroom), 6 (uitstroom).
    ("instroom", "reg", [7, 12, 9, 40, 8]),
    ("uitstroom", "reg", [11, 6, 14, 13, 30]),
    // 100 + 12 − 6 ≠ 107 and 107 + 9 − 14 ≠ 101: stand-stroom differences naming small flows.
    ("stand", "reg", [100, 107, 101, 128, 106]),
    // A normal source with small numbers (4 and 3): never suppressed.
    ("instroom", "cbs", [30, 12, 4, 45, 3]),
    ("uitstroom", "cbs", [10, 20, 15, 13, 33]),
];

fn dataset(dir: &Path) -> PathBuf {
    let ds = dir.join("klein");
    std::fs::create_dir_all(&ds).unwrap();
    std::fs::write(ds.join("dataset.toml"), META).unwrap();
    let mut csv = String::from(
        "periode,domein,indicator,bron,waarde,eenheid,regio,wijk,aanbieder,status,opmerking\n",
    );
    for (indicator, bron, values) in SERIES {
        for (m, v) in values.iter().enumerate() {
            csv.push_str(&format!(
                "2024-0{},jeugd,{indicator},{bron},{v},cliënten,,,,definitief,\n",
                m + 1
            ));
        }
    }
    // Two wijken that do not add up to the total of 7 (delen ≠ totaal), both small.
    for (wijk, v) in [("Noord", 6), ("Zuid", 9)] {
        csv.push_str(&format!(
            "2024-01,jeugd,instroom,reg,{v},cliënten,,{wijk},,definitief,\n"
        ));
    }
    // April's total of 40 in two wijken, one small: with the total and Noord's 34 shown, 6 would
    // follow; Noord is hidden as well.
    for (bron, wijk, v) in [
        ("reg", "Noord", 34),
        ("reg", "Zuid", 6),
        ("cbs", "Noord", 30),
        ("cbs", "Zuid", 15),
    ] {
        csv.push_str(&format!(
            "2024-04,jeugd,instroom,{bron},{v},cliënten,,{wijk},,definitief,\n"
        ));
    }
    std::fs::write(ds.join("reeksen.csv"), csv).unwrap();
    ds
}

/// A session with notes on the small cells: differences recorded with the figures the room
/// saw (`waarde`, `waarde_referentie`), one within the records source, and an older free
/// sentence naming a small count.
fn session(dir: &Path, ds: &Path) -> PathBuf {
    let sessions = dir.join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    let text = format!(
        r#"formaat = 3
titel = "Kleine aantallen"
datum = "2026-11-26"
facilitator = "Marieke"

[dataset]
pad = {pad:?}
hash = ""

[[aantekeningen]]
id = 1
soort = "observatie"
tekst = "De registratie ligt in januari ver onder CBS."
rol = "analist"
naam = "Eva"
tijd = "2026-11-26T10:00:00+01:00"

[aantekeningen.anker]
domein = "jeugd"
indicator = "instroom"
bronnen = ["cbs", "reg"]
van = "2024-01"
tot = "2024-05"
referentie = "cbs"
weergave = "vergelijken"

[[aantekeningen.anker.verschillen]]
soort = "onverklaard"
periode = "2024-01"
referentie = "cbs"
bron = "reg"
waarde_referentie = 30.0
waarde = 7.0
eenheid = "cliënten"

[[aantekeningen.anker.verschillen]]
soort = "onverklaard"
periode = "2024-03"
referentie = "reg"
bron = "cbs"
waarde_referentie = 9.0
waarde = 4.0
eenheid = "cliënten"

[[aantekeningen]]
id = 2
soort = "datakwaliteit"
tekst = "Stand en stromen sluiten niet."
rol = "analist"
naam = "Eva"
tijd = "2026-11-26T10:05:00+01:00"

[aantekeningen.anker]
domein = "jeugd"
indicator = "uitstroom"
bronnen = ["reg"]
van = "2024-01"
tot = "2024-05"
verschil_tekst = "in februari 8 cliënten te weinig"

[[aantekeningen.anker.verschillen]]
soort = "stand-stroom"
periode = "2024-02"
referentie = "reg"
waarde_referentie = 6.0
eenheid = "cliënten"

[[aantekeningen]]
id = 3
soort = "onderzoeksvraag"
tekst = "Waarom wijkt de registratie af?"
rol = "beleid"
naam = "Rob"
tijd = "2026-11-26T10:10:00+01:00"
status = "open"

[aantekeningen.anker]
domein = "jeugd"
indicator = "instroom"
bronnen = ["reg"]
van = "2024-01"
tot = "2024-05"

[[aantekeningen.anker.verschillen]]
soort = "onverklaard"
periode = "2024-05"
referentie = "cbs"
bron = "reg"
waarde_referentie = 3.0
waarde = 8.0
eenheid = "cliënten"
"#,
        pad = ds.display().to_string()
    );
    let file = sessions.join("2026-11-26-kleine-aantallen.toml");
    std::fs::write(&file, text).unwrap();
    file
}

fn duiden(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_duiden"))
        .env("LANG", "nl_NL.UTF-8")
        .args(args)
        .output()
        .unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    );
    assert!(out.status.success(), "{args:?}: {stderr}");
    stdout
}

/// Every export, by name: minutes md and html, verschillen in three formats, vragen in two.
fn exports(ds: &Path, session: &Path, extra: &[&str]) -> Vec<(String, String)> {
    let (ds, session) = (ds.to_str().unwrap(), session.to_str().unwrap());
    let folder = Path::new(session).parent().unwrap().to_str().unwrap();
    let runs: Vec<(&str, Vec<&str>)> = vec![
        ("notulen md", vec!["notulen", session]),
        (
            "notulen html",
            vec!["notulen", session, "--formaat", "html"],
        ),
        ("verschillen tekst", vec!["verschillen", ds]),
        (
            "verschillen csv",
            vec!["verschillen", ds, "--formaat", "csv"],
        ),
        (
            "verschillen json",
            vec!["verschillen", ds, "--formaat", "json"],
        ),
        ("vragen md", vec!["vragen", folder]),
        ("vragen csv", vec!["vragen", folder, "--formaat", "csv"]),
    ];
    runs.into_iter()
        .map(|(name, mut args)| {
            args.extend_from_slice(extra);
            (name.to_string(), duiden(&args))
        })
        .collect()
}

/// The text without what holds digits that are no figures: code spans (hashes, file names),
/// the HTML's head (style sheet, "utf-8") and the charts' coordinates.
fn prose(text: &str) -> String {
    let mut out = text.to_string();
    for (open, close) in [
        ("<head>", "</head>"),
        ("<svg", "</svg>"),
        ("<code>", "</code>"),
        ("`", "`"),
    ] {
        while let Some(start) = out.find(open) {
            let Some(len) = out[start + open.len()..].find(close) else {
                break;
            };
            out.replace_range(start..start + open.len() + len + close.len(), " ");
        }
    }
    out
}

/// The numbers in `text` that may be counts: "7", "1.204", "6,0", "7.0"; not percentages.
fn numbers(text: &str) -> Vec<f64> {
    let bytes: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len()
            && (bytes[i].is_ascii_digit()
                || (matches!(bytes[i], ',' | '.')
                    && bytes.get(i + 1).is_some_and(char::is_ascii_digit)))
        {
            i += 1;
        }
        let token: String = bytes[start..i].iter().collect();
        let rest: String = bytes[i..].iter().take(3).collect();
        if rest.trim_start().starts_with('%') {
            continue;
        }
        // "1.204" is Dutch for 1204; "6,0" and "7.0" (JSON) are six and seven.
        let dutch_thousands = token.contains('.') && token.rsplit('.').next().unwrap().len() == 3;
        let plain = match dutch_thousands {
            true => token.replace('.', ""),
            false => token.replace(',', "."),
        };
        if let Ok(v) = plain.parse::<f64>() {
            out.push(v);
        }
    }
    out
}

fn small_counts_in(text: &str) -> Vec<f64> {
    numbers(&prose(text))
        .into_iter()
        .filter(|v| HIDDEN.contains(v))
        .collect()
}

const SHOWN_ANYWAY: &str = "kleine aantallen (onder de 10) uit registratiedata zijn getoond";

#[test]
fn no_export_shows_a_small_count_of_the_records_source() {
    let dir = tempfile::tempdir().unwrap();
    let ds = dataset(dir.path());
    let session = session(dir.path(), &ds);
    for (name, text) in exports(&ds, &session, &[]) {
        assert_eq!(
            small_counts_in(&text),
            Vec::<f64>::new(),
            "{name}:\n{}",
            prose(&text)
        );
        assert!(!text.contains(SHOWN_ANYWAY), "{name}");
    }
    let all = exports(&ds, &session, &[]);
    let get = |n: &str| &all.iter().find(|(name, _)| name == n).unwrap().1;
    // They say "<10" instead, and the normal source's small numbers stay.
    let md = get("notulen md");
    assert!(
        md.contains("reg <10 tegen 30 in cbs (cliënten)"),
        "the recorded difference under the rule:\n{md}"
    );
    assert!(md.contains("cbs 4 tegen <10 in reg"), "{md}");
    assert!(
        md.contains("stand-stroom in februari 2024 in reg (<10 cliënten)"),
        "{md}"
    );
    assert!(md.contains("uit registratiedata staan als <10"));
    let html = get("notulen html");
    assert!(html.contains("reg &lt;10 tegen 30 in cbs"), "{html}");
    assert!(
        html.contains("niet getekend"),
        "the chart says it left points out"
    );
    let json: serde_json::Value = serde_json::from_str(get("verschillen json")).unwrap();
    let rows = json.as_array().expect("a list without --kleine-aantallen");
    let waarden = |bron: &str| -> Vec<serde_json::Value> {
        rows.iter()
            .flat_map(|r| r["waarden"].as_array().unwrap().clone())
            .filter(|w| w["bron"] == bron)
            .collect()
    };
    assert!(waarden("cbs").iter().any(|w| w["waarde"] == 4.0), "{json}");
    assert!(waarden("cbs").iter().any(|w| w["waarde"] == 3.0), "{json}");
    assert!(
        waarden("reg").iter().any(|w| w["onderdrukt"] == "<10"),
        "{json}"
    );
    // The other part of a total with a small part is hidden too.
    assert!(
        !waarden("reg").iter().any(|w| w["waarde"] == 34.0),
        "{json}"
    );
    let noord = rows
        .iter()
        .find(|r| r["uitsplitsing"] == "wijk Noord" && r["periode"] == "2024-04")
        .expect("the difference in wijk Noord");
    assert!(noord["verschil"].is_null(), "{noord}");
    assert!(
        noord["waarden"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["onderdrukt"] == "x"),
        "{noord}"
    );
    // A stand-stroom difference with a small flow gives none of its figures.
    let stock = rows
        .iter()
        .find(|r| r["soort"] == "stand-stroom" && r["periode"] == "2024-02")
        .expect("the stand-stroom difference of February");
    assert!(stock["verschil"].is_null(), "{stock}");
    for w in stock["waarden"].as_array().unwrap() {
        assert!(w["waarde"].is_null(), "{stock}");
    }
}

#[test]
fn kleine_aantallen_shows_them_and_says_so_at_the_top() {
    let dir = tempfile::tempdir().unwrap();
    let ds = dataset(dir.path());
    let session = session(dir.path(), &ds);
    let all = exports(&ds, &session, &["--kleine-aantallen"]);
    for (name, text) in &all {
        // The HTML's head is its style sheet: its top is the <header>.
        let start = text.find("<header>").unwrap_or(0);
        let top: String = text[start..]
            .lines()
            .take(12)
            .collect::<Vec<_>>()
            .join("\n");
        assert!(top.contains(SHOWN_ANYWAY), "{name}:\n{top}");
    }
    let get = |n: &str| &all.iter().find(|(name, _)| name == n).unwrap().1;
    // The figures are there: the test above can fail.
    assert!(get("notulen md").contains("reg 7 tegen 30 in cbs"));
    for name in ["notulen md", "verschillen tekst", "verschillen json"] {
        assert!(!small_counts_in(get(name)).is_empty(), "{name}");
    }
    let json: serde_json::Value = serde_json::from_str(get("verschillen json")).unwrap();
    assert!(
        json["verschillen"]
            .as_array()
            .is_some_and(|r| !r.is_empty())
    );
}

#[test]
fn the_room_shows_small_counts_marked() {
    set_lang(Lang::Nl);
    let dir = tempfile::tempdir().unwrap();
    let data = duiden::load::load_dataset(&dataset(dir.path())).unwrap();
    let mut app = App::new(data, ThemeKind::Dark);
    let shared = std::sync::Arc::clone(&app.shared.dataset);
    let key = |bron: &str| SeriesKey {
        domein: "jeugd".into(),
        indicator: "instroom".into(),
        bron: bron.into(),
        breakdown: Breakdown::default(),
    };
    app.trend
        .set_selection(&shared, vec![key("reg"), key("cbs")]);
    app.update(Action::NextPane);
    app.update(Action::Home);
    let screen = common::render(&mut app, 140, 36);
    // January: the records source's 7 is there, marked and explained; CBS's 30 is not marked.
    let reg = screen
        .lines()
        .find(|l| l.contains("Registratie") && l.contains("‹10"))
        .unwrap_or_else(|| panic!("no marked legend line in\n{screen}"));
    assert!(reg.contains("klein aantal") && reg.contains(" 7 "), "{reg}");
    assert!(
        !screen
            .lines()
            .any(|l| l.contains("CBS") && l.contains("‹10")),
        "{screen}"
    );
    // The comparison table: the small cell shows its figure with the mark.
    app.compare
        .open(&shared, "jeugd", "instroom", Some(Period::month(2024, 1)));
    app.tab = duiden::tui::tabs::Tab::Compare;
    let screen = common::render(&mut app, 160, 48);
    assert!(screen.contains("7 ‹10"), "{screen}");
    assert!(
        !screen.contains("30 ‹10") && !screen.contains("4 ‹10"),
        "{screen}"
    );
}

#[test]
fn a_chart_leaves_out_small_counts_and_the_other_flow_of_their_month() {
    let dir = tempfile::tempdir().unwrap();
    let ds = dataset(dir.path());
    let file = session(dir.path(), &ds);
    let data = duiden::load::load_dataset(&ds).unwrap();
    let s = duiden::session::store::load(&file).unwrap();
    let months = |small_counts: bool| -> Vec<String> {
        let m = duiden::report::Minutes::build_with(&s, "s.toml", None, Some(&data), small_counts);
        let section = m
            .indicators
            .iter()
            .find(|i| i.indicator == "uitstroom")
            .unwrap();
        let reg = section.charts[0]
            .model
            .series
            .iter()
            .find(|x| x.key.bron == "reg")
            .expect("the records source is drawn");
        reg.points.iter().map(|p| p.period.code()).collect()
    };
    // Uitstroom is small in February (6); instroom in January, March and May (7, 9, 8): only
    // April's uitstroom may be drawn.
    assert_eq!(months(false), ["2024-04"]);
    assert_eq!(months(true).len(), 5);
}
