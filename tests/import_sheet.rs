//! Spreadsheet import (issue 12, item 3): a wide provider report and a long table, read with
//! their mapping files; located errors; proposed mappings that read back; no panic on bad bytes.

use duiden::import::sheet::{self, Kaart};
use duiden::import::{Figure, Import, Layout, Missing, Options};
use duiden::model::{Period, Soort, Status};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn value<'a>(import: &'a Import, indicator: &str, period: Period) -> Option<&'a Figure> {
    import
        .rows
        .iter()
        .find(|r| r.indicator == indicator && r.period == period)
        .map(|r| &r.figure)
}

fn read_with_kaart(file: &str, kaart: &str) -> Result<Import, duiden::import::ImportError> {
    let kaart = Kaart::parse("kaart.toml", kaart)?;
    sheet::read_with(&fixture(file), &kaart, "kaart.toml", &Options::default())
}

#[test]
fn wide_provider_sheet_reads_every_header_form_and_dutch_numbers() {
    let import = sheet::read(&fixture("maandrapportage-breed.xlsx"), &Options::default()).unwrap();
    assert_eq!(import.layout, Layout::Sheet);
    let m = |month| Period::month(2023, month);
    // `jan-23` text, a real date, a bare date serial, `apr-23`, `mei 2023`, `jun-23*`.
    let instroom: Vec<_> = (1..=6)
        .map(|i| value(&import, "instroom", m(i)).cloned())
        .collect();
    let expected = [408.0, 389.0, 422.0, 388.0, 391.0, 366.0].map(|v| Some(Figure::Value(v)));
    assert_eq!(instroom, expected);
    // Numbers stored as Dutch text: `9.708` is nine thousand, `10.208,5` has a decimal comma.
    assert_eq!(value(&import, "stand", m(1)), Some(&Figure::Value(9708.0)));
    assert_eq!(
        value(&import, "kosten", m(2)),
        Some(&Figure::Value(10208.5))
    );
    // `x` and `.` are missing with their reason, an empty cell is no row at all.
    assert_eq!(
        value(&import, "wachtlijst", m(2)),
        Some(&Figure::Missing(Missing::Confidential))
    );
    assert_eq!(
        value(&import, "wachtlijst", m(3)),
        Some(&Figure::Missing(Missing::Unknown))
    );
    assert_eq!(value(&import, "wachtlijst", m(4)), None);
    // 6 months × 4 full rows + 5 wachtlijst cells; the subtotal row and `Overig` give none.
    assert_eq!(import.rows.len(), 29);
    let row = import
        .rows
        .iter()
        .find(|r| r.indicator == "kosten")
        .unwrap();
    assert_eq!(row.eenheid, "x 1.000 euro");
    assert_eq!(row.domein, "jeugd");
    assert_eq!(row.bron, "aanbieders-maandrapportage");
    assert_eq!(row.regio.as_deref(), Some("GM0772"));
    // `jun-23*` marks the month voorlopig.
    for r in &import.rows {
        let want = if r.period == m(6) {
            Status::Voorlopig
        } else {
            Status::Definitief
        };
        assert_eq!(r.status, want, "{:?}", r);
    }
}

#[test]
fn wide_sheet_reports_what_it_could_not_map_and_drafts_metadata() {
    let import = sheet::read(&fixture("maandrapportage-breed.xlsx"), &Options::default()).unwrap();
    let places: Vec<(&str, &str)> = import
        .unmapped
        .iter()
        .map(|u| (u.place.as_str(), u.why.as_str()))
        .collect();
    assert_eq!(places.len(), 2, "{places:?}");
    assert_eq!(places[0].0, "Jeugd!H4");
    assert!(
        places[0].1.contains("'Totaal' is geen periode"),
        "{places:?}"
    );
    assert_eq!(places[1].0, "Jeugd!A12");
    assert!(places[1].1.contains("'Overig'"), "{places:?}");

    assert_eq!(import.sources.len(), 1);
    let bron = &import.sources[0];
    assert_eq!(bron.id, "aanbieders-maandrapportage");
    assert_eq!(bron.naam, "Maandrapportage jeugdhulp gemeente Eindhoven");
    assert_eq!(bron.leverancier, "Voorbeeld Jeugdzorg");
    assert_eq!(bron.ritme, "maand");
    assert!(bron.to_fill.contains(&"vintage") && !bron.to_fill.contains(&"leverancier"));
    let ids: Vec<&str> = import.indicators.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(
        ids,
        ["instroom", "uitstroom", "stand", "wachtlijst", "kosten"]
    );
    let stand = &import.indicators[2];
    assert_eq!(
        (stand.naam.as_str(), stand.soort),
        ("Cliënten in zorg", Some(Soort::Stand))
    );
    assert_eq!(stand.to_fill, ["definitie"]);
}

#[test]
fn merged_year_cells_above_month_names_give_the_year() {
    let kaart = r#"
blad = "Wmo"
vorm = "breed"
kopregel = 3
jaarregel = 2
domein = "wmo"
bron = "aanbieders-maandrapportage"
[kolommen]
indicator = "Cliëntgroep"
[[indicatoren]]
label = "instroom"
id = "instroom"
"#;
    let import = read_with_kaart("maandrapportage-breed.xlsx", kaart).unwrap();
    // 2022 is merged over nov and dec, 2023 over jan to mrt: the empty merged cells take it.
    assert_eq!(
        value(&import, "instroom", Period::month(2022, 11)),
        Some(&Figure::Value(503.0))
    );
    assert_eq!(
        value(&import, "instroom", Period::month(2022, 12)),
        Some(&Figure::Value(485.0))
    );
    assert_eq!(
        value(&import, "instroom", Period::month(2023, 3)),
        Some(&Figure::Value(532.0))
    );
    assert_eq!(import.rows.len(), 5);
    // No soort or eenheid in the mapping: the draft asks for them.
    assert_eq!(
        import.indicators[0].to_fill,
        ["definitie", "soort", "eenheid"]
    );
    assert!(import.unmapped.iter().any(|u| u.place == "Wmo!A5"));
}

#[test]
fn rows_can_be_skipped_by_number() {
    let kaart = std::fs::read_to_string(fixture("maandrapportage-breed.kaart.toml"))
        .unwrap()
        .replace(
            "overslaan = [\"Subtotaal*\"]",
            "overslaan = [\"subtotaal stromen\"]\noverslaan_regels = [6]",
        );
    let import = read_with_kaart("maandrapportage-breed.xlsx", &kaart).unwrap();
    assert!(import.rows.iter().all(|r| r.indicator != "uitstroom"));
    assert_eq!(import.rows.len(), 23);
}

#[test]
fn a_header_row_without_periods_is_named() {
    // Month names without the year row: no period can be read from them.
    let kaart = "blad = \"Wmo\"\nvorm = \"breed\"\nkopregel = 3\ndomein = \"wmo\"\nbron = \"b\"\n[kolommen]\nindicator = \"A\"\n";
    let e = read_with_kaart("maandrapportage-breed.xlsx", kaart).unwrap_err();
    assert_eq!(e.place, "maandrapportage-breed.xlsx!Wmo!A3");
    assert!(
        e.problem.starts_with("verwacht perioden in kopregel 3"),
        "{e}"
    );
}

#[test]
fn a_word_where_a_number_belongs_names_the_cell() {
    let kaart = std::fs::read_to_string(fixture("maandrapportage-breed.kaart.toml"))
        .unwrap()
        .replace("blad = \"Jeugd\"", "blad = \"Fout\"");
    let e = read_with_kaart("maandrapportage-breed.xlsx", &kaart).unwrap_err();
    assert_eq!(e.place, "maandrapportage-breed.xlsx!Fout!D6");
    assert_eq!(e.layout, Some(Layout::Sheet));
    assert!(
        e.problem
            .contains("verwacht een getal in Nederlandse notatie"),
        "{e}"
    );
    assert!(
        e.problem.contains("'veel'") && e.problem.contains("2023-03"),
        "{e}"
    );
}

#[test]
fn long_table_reads_dates_breakdowns_and_status_columns() {
    for file in ["maandrapportage-lang.xlsx", "maandrapportage-lang.ods"] {
        let import = sheet::read(&fixture(file), &Options::default()).unwrap();
        assert_eq!(import.rows.len(), 6, "{file}");
        let stratum_feb = import
            .rows
            .iter()
            .find(|r| r.wijk.as_deref() == Some("Stratum") && r.period == Period::month(2023, 2))
            .unwrap();
        assert_eq!(stratum_feb.figure, Figure::Value(101.0), "{file}");
        assert_eq!(stratum_feb.status, Status::Voorlopig, "{file}");
        let zorg: Vec<f64> = import
            .rows
            .iter()
            .filter(|r| r.indicator == "stand")
            .map(|r| match r.figure {
                Figure::Value(v) => v,
                Figure::Missing(_) => f64::NAN,
            })
            .collect();
        assert_eq!(zorg, [2904.0, 2311.0], "{file}");
        // The total row is skipped, the unknown label reported once with its place.
        assert!(import.rows.iter().all(|r| r.wijk.is_some()), "{file}");
        assert_eq!(import.unmapped.len(), 1, "{file}");
        assert_eq!(import.unmapped[0].place, "Data!B11", "{file}");
        assert_eq!(import.sources[0].id, "aanbieders-wijkexport");
        assert_eq!(import.sources[0].naam, "Export cliënten per wijk");
    }
}

#[test]
fn long_table_groups_written_once_hold_for_the_rows_below() {
    let kaart = r#"
blad = "Groepen"
vorm = "lang"
kopregel = 1
domein = "jeugd"
bron = "aanbieders-wijkexport"
[kolommen]
periode = "Periode"
indicator = "Indicator"
waarde = "Aantal"
wijk = "Wijk"
[[indicatoren]]
label = "Instroom"
id = "instroom"
"#;
    let import = read_with_kaart("maandrapportage-lang.xlsx", kaart).unwrap();
    let got: Vec<(String, &str, Figure)> = import
        .rows
        .iter()
        .map(|r| {
            (
                r.period.code(),
                r.wijk.as_deref().unwrap_or(""),
                r.figure.clone(),
            )
        })
        .collect();
    let want = [
        ("2023-03", "Woensel-Noord", 130.0),
        ("2023-03", "Stratum", 99.0),
        ("2023-04", "Stratum", 104.0),
    ]
    .map(|(p, w, v)| (p.to_string(), w, Figure::Value(v)));
    assert_eq!(got, want);
}

#[test]
fn two_figures_for_one_indicator_and_period_are_refused() {
    let kaart = std::fs::read_to_string(fixture("maandrapportage-breed.kaart.toml"))
        .unwrap()
        .replace(
            "label = \"Instroom\"",
            "label = \"Overig\"\nid = \"instroom\"\n[[indicatoren]]\nlabel = \"Instroom\"",
        );
    let e = read_with_kaart("maandrapportage-breed.xlsx", &kaart).unwrap_err();
    assert_eq!(e.place, "maandrapportage-breed.xlsx!Jeugd!A12");
    assert!(
        e.problem
            .contains("instroom 2023-01 staat ook al in regel 5"),
        "{e}"
    );
}

#[test]
fn long_table_errors_name_the_cell_and_what_was_expected() {
    let base = std::fs::read_to_string(fixture("maandrapportage-lang.kaart.toml")).unwrap();
    let kaart = base.replace("waarde = \"Aantal\"", "waarde = \"Bedrag\"");
    let e = read_with_kaart("maandrapportage-lang.xlsx", &kaart).unwrap_err();
    assert_eq!(e.place, "maandrapportage-lang.xlsx!Data!A3");
    assert!(e.problem.contains("kolommen.waarde = \"Bedrag\""), "{e}");
    // The wijk column read as periods: the first data row's wijk is no period.
    let kaart = base.replace("periode = \"Periode\"", "periode = \"C\"");
    let e = read_with_kaart("maandrapportage-lang.xlsx", &kaart).unwrap_err();
    assert_eq!(e.place, "maandrapportage-lang.xlsx!Data!C4");
    assert!(
        e.problem.contains("verwacht een periode") && e.problem.contains("Woensel-Noord"),
        "{e}"
    );
    let kaart = base.replace("blad = \"Data\"", "blad = \"Gegevens\"");
    let e = read_with_kaart("maandrapportage-lang.xlsx", &kaart).unwrap_err();
    assert_eq!(e.place, "maandrapportage-lang.xlsx");
    assert!(
        e.problem.contains("blad 'Gegevens' bestaat niet") && e.problem.contains("Data"),
        "{e}"
    );
}

#[test]
fn mapping_file_errors_are_located() {
    let e = Kaart::parse("kaart.toml", "vorm = \"breed\"\nkopregel = 4\nkleur = 1\n").unwrap_err();
    assert_eq!(e.place, "kaart.toml:3:1");
    assert!(e.problem.contains("kleur"), "{e}");
    let e = Kaart::parse("kaart.toml", "vorm = \"schuin\"\n").unwrap_err();
    assert_eq!(e.place, "kaart.toml:1:8");
    let text = "vorm = \"lang\"\nkopregel = 2\n\n[kolommen]\nindicator = \"A\"\n";
    let e = Kaart::parse("kaart.toml", text).unwrap_err();
    assert_eq!(e.place, "kaart.toml:4:1");
    assert!(
        e.problem.contains("kolommen.periode en kolommen.waarde"),
        "{e}"
    );
    let e = Kaart::parse(
        "kaart.toml",
        "vorm = \"breed\"\nkopregel = 0\n[kolommen]\nindicator = \"A\"\n",
    )
    .unwrap_err();
    assert_eq!(e.place, "kaart.toml:2:1");
    let text = "vorm = \"breed\"\nkopregel = 2\n[kolommen]\nindicator = \"A\"\n[[indicatoren]]\nlabel = \"a\"\nid = \"a\"\nsoort = \"plat\"\n";
    let e = Kaart::parse("kaart.toml", text).unwrap_err();
    assert_eq!(e.place, "kaart.toml:8:9");
}

#[test]
fn missing_domein_and_missing_mapping_say_how_to_fix_it() {
    let kaart = std::fs::read_to_string(fixture("maandrapportage-breed.kaart.toml"))
        .unwrap()
        .replace("domein = \"jeugd\"\n", "");
    let e = read_with_kaart("maandrapportage-breed.xlsx", &kaart).unwrap_err();
    assert!(e.problem.starts_with("domein ontbreekt"), "{e}");
    let parsed = Kaart::parse("kaart.toml", &kaart).unwrap();
    let opts = Options {
        domein: Some("wmo".into()),
        ..Options::default()
    };
    let import = sheet::read_with(
        &fixture("maandrapportage-breed.xlsx"),
        &parsed,
        "kaart.toml",
        &opts,
    )
    .unwrap();
    assert!(import.rows.iter().all(|r| r.domein == "wmo"));

    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("rapport.xlsx");
    std::fs::copy(fixture("maandrapportage-breed.xlsx"), &copy).unwrap();
    let e = sheet::read(&copy, &Options::default()).unwrap_err();
    assert_eq!(e.place, "rapport.xlsx");
    assert!(e.problem.contains("--voorstel"), "{e}");
}

#[test]
fn proposed_mapping_for_a_wide_sheet_reads_back() {
    let text = sheet::propose(&fixture("maandrapportage-breed.xlsx")).unwrap();
    assert!(
        text.contains("vorm = \"breed\"") && text.contains("kopregel = 4"),
        "{text}"
    );
    assert!(text.contains("# controleer"), "{text}");
    assert!(
        text.contains("overslaan = [\"Subtotaal stromen\"]"),
        "{text}"
    );
    let kaart = Kaart::parse("kaart.toml", &text).unwrap();
    let ids: Vec<(&str, &str)> = kaart
        .indicatoren
        .iter()
        .map(|m| (m.label.as_str(), m.id.as_str()))
        .collect();
    assert_eq!(
        ids,
        [
            ("Instroom", "instroom"),
            ("Uitstroom", "uitstroom"),
            ("In zorg", "stand"),
            ("Wachtlijst", "wachtlijst"),
            ("Kosten (x 1.000 euro)", "kosten"),
            ("Overig", "overig"),
        ]
    );
    let import = sheet::read_with(
        &fixture("maandrapportage-breed.xlsx"),
        &kaart,
        "kaart.toml",
        &Options::default(),
    )
    .unwrap();
    assert_eq!(
        value(&import, "instroom", Period::month(2023, 3)),
        Some(&Figure::Value(422.0))
    );
    assert_eq!(import.rows.len(), 35);
}

#[test]
fn proposed_mapping_for_a_long_table_reads_back() {
    for file in ["maandrapportage-lang.xlsx", "maandrapportage-lang.ods"] {
        let text = sheet::propose(&fixture(file)).unwrap();
        assert!(
            text.contains("vorm = \"lang\"") && text.contains("kopregel = 3"),
            "{text}"
        );
        for line in [
            "periode = \"Periode\"",
            "indicator = \"Indicator\"",
            "waarde = \"Aantal\"",
            "wijk = \"Wijk\"",
        ] {
            assert!(text.contains(line), "{line} in {text}");
        }
        let kaart = Kaart::parse("kaart.toml", &text).unwrap();
        assert!(text.contains("overslaan = [\"Totaal instroom\"]"), "{text}");
        assert_eq!(kaart.indicatoren.len(), 3, "{text}");
        let import =
            sheet::read_with(&fixture(file), &kaart, "kaart.toml", &Options::default()).unwrap();
        // Every label but the total is mapped in a proposal (`Wachttijd` too, to be checked).
        assert_eq!(import.rows.len(), 7, "{file}");
        assert!(import.unmapped.is_empty(), "{file}");
    }
}

#[test]
fn sniff_knows_workbooks_from_their_bytes() {
    for name in ["maandrapportage-breed.xlsx", "maandrapportage-lang.ods"] {
        let bytes = std::fs::read(fixture(name)).unwrap();
        assert!(
            sheet::sniff(&fixture(name), &bytes[..bytes.len().min(4096)]),
            "{name}"
        );
        // A workbook without its extension is still known by its contents.
        assert!(
            sheet::sniff(Path::new("download"), &bytes[..bytes.len().min(4096)]),
            "{name}"
        );
    }
    assert!(!sheet::sniff(
        Path::new("tabel.csv"),
        b"\"Perioden\";\"RegioS\"\n"
    ));
    assert!(!sheet::sniff(
        Path::new("rapport.xlsx"),
        b"Perioden;RegioS\n"
    ));
}

#[test]
fn a_file_that_is_not_a_workbook_is_refused_with_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let fake = dir.path().join("rapport.xlsx");
    std::fs::write(&fake, "periode;waarde\n2023-01;4\n").unwrap();
    let e = sheet::propose(&fake).unwrap_err();
    assert_eq!(e.place, "rapport.xlsx");
    assert!(e.problem.contains("verwacht een spreadsheet"), "{e}");
    let broken = dir.path().join("kapot.xlsx");
    std::fs::write(&broken, b"PK\x03\x04 niet echt").unwrap();
    let e = sheet::propose(&broken).unwrap_err();
    assert_eq!(e.place, "kapot.xlsx");
    assert!(e.problem.contains("beschadigd"), "{e}");
}

#[test]
fn a_stray_cell_in_the_last_corner_is_no_reason_to_run_out_of_memory() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ver.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["Indicator", "jan-23", "feb-23"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "Instroom").unwrap();
    sheet.write_number(1, 1, 408.0).unwrap();
    sheet.write_number(1, 2, 389.0).unwrap();
    sheet.write_string(1_048_575, 16_383, "vergeten").unwrap();
    book.save(&path).unwrap();
    let text = sheet::propose(&path).unwrap();
    let kaart = Kaart::parse("kaart.toml", &text).unwrap();
    let import = sheet::read_with(&path, &kaart, "kaart.toml", &Options::default()).unwrap();
    assert_eq!(
        value(&import, "instroom", Period::month(2023, 2)),
        Some(&Figure::Value(389.0))
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn mutated_workbooks_never_panic(
        which in 0usize..3,
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
    ) {
        let name = ["maandrapportage-breed.xlsx", "maandrapportage-lang.xlsx", "maandrapportage-lang.ods"][which];
        let mut bytes = std::fs::read(fixture(name)).unwrap();
        for (at, b) in edits {
            let i = at.index(bytes.len());
            bytes[i] = b;
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).unwrap();
        let kaart = fixture(&name.replace(".xlsx", ".kaart.toml").replace(".ods", ".kaart.toml"));
        let opts = Options { kaart: Some(kaart), ..Options::default() };
        let _ = sheet::read(&path, &opts);
        let _ = sheet::propose(&path);
    }

    #[test]
    fn arbitrary_bytes_and_mapping_text_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600), text in ".{0,200}") {
        let dir = tempfile::tempdir().unwrap();
        for name in ["x.xlsx", "x.xls", "x.ods"] {
            let path = dir.path().join(name);
            let mut data = bytes.clone();
            if name == "x.xlsx" { data.splice(0..0, *b"PK\x03\x04"); }
            std::fs::write(&path, &data).unwrap();
            let _ = sheet::propose(&path);
        }
        let _ = Kaart::parse("kaart.toml", &text);
    }
}
