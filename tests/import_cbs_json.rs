//! The CBS open-data JSON readers on fixtures in the published layouts (figures from
//! /work/shared/data/cbs-jeugdbescherming-nl.csv, Bron: CBS), and no panic on mutated fixtures.

use duiden::import::cbs_json::{observations, typed};
use duiden::import::{Figure, Import, Layout, Missing, Options, Row};
use duiden::model::{Granularity, Period, Soort, Status};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn jeugd() -> Options {
    Options {
        domein: Some("jeugd".into()),
        ..Options::default()
    }
}

fn row<'a>(imp: &'a Import, indicator: &str, period: Period, regio: &str) -> &'a Row {
    imp.rows
        .iter()
        .find(|r| {
            r.indicator == indicator && r.period == period && r.regio.as_deref() == Some(regio)
        })
        .unwrap_or_else(|| panic!("no row {indicator} {period} {regio}"))
}

#[test]
fn typed_dataset_reads_year_and_half_year_rows_with_status_and_missing() {
    let path = fixture("jeugdbescherming.json");
    // Detection sees only the first bytes.
    let head = &std::fs::read(&path).unwrap()[..512];
    assert!(typed::sniff(&path, head));
    assert!(!observations::sniff(&path, head));
    let imp = typed::read(&path, &jeugd()).unwrap();
    assert_eq!(imp.layout, Layout::CbsTypedJson);
    // 5 rows x 4 measures.
    assert_eq!(imp.rows.len(), 20);
    let y = row(&imp, "instroom", Period::year(2022), "NL01");
    assert_eq!(y.figure, Figure::Value(9065.0));
    assert_eq!(y.status, Status::Voorlopig);
    assert_eq!(y.eenheid, "aantal");
    assert_eq!(y.domein, "jeugd");
    let h = row(&imp, "instroom", Period::half(2022, 1), "NL01");
    assert_eq!(h.figure, Figure::Value(4565.0));
    assert_eq!(h.status, Status::Definitief);
    assert_eq!(h.period.granularity, Granularity::HalfYear);
    let gap = row(&imp, "uitstroom", Period::half(2022, 2), "NL01");
    assert_eq!(gap.figure, Figure::Missing(Missing::Unknown));
    assert_eq!(
        row(&imp, "stand_eind", Period::half(2023, 1), "NL01").figure,
        Figure::Value(27960.0)
    );
    assert_eq!(
        row(&imp, "uitstroom", Period::half(2023, 1), "NL01").status,
        Status::Voorlopig
    );

    let ids: Vec<&str> = imp.indicators.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["instroom", "uitstroom", "stand_begin", "stand_eind"]);
    let instroom = &imp.indicators[0];
    assert_eq!(instroom.naam, "Instroom");
    assert_eq!(instroom.eenheid, "aantal");
    assert_eq!(
        instroom.definitie,
        "Maatregelen die in de periode zijn begonnen."
    );
    // The kind guessed from the title, as the CSV readers do: flows are no stocks.
    let soorten: Vec<_> = imp.indicators.iter().map(|i| i.soort).collect();
    assert_eq!(
        soorten,
        [
            Some(Soort::Stroom),
            Some(Soort::Stroom),
            Some(Soort::Stand),
            Some(Soort::Stand)
        ]
    );
    assert!(!instroom.to_fill.contains(&"soort"));
    assert!(imp.indicators[2].to_fill.contains(&"definitie"));

    let [source] = imp.sources.as_slice() else {
        panic!("one source")
    };
    assert_eq!(source.leverancier, "CBS");
    assert_eq!(source.credit, "Bron: CBS (CC BY 4.0)");
    assert_eq!(source.afronding, 5, "every figure is a multiple of 5");
    assert_eq!(source.ritme, "jaar en halfjaar");
    assert_eq!(source.id, "cbs-jeugdbescherming");
    assert!(imp.rows.iter().all(|r| r.bron == source.id));
}

#[test]
fn observations_read_measure_titles_status_and_confidential() {
    let path = fixture("jeugdbescherming-v4.json");
    // The combined file starts with its metadata; the observations come after the first bytes.
    let head = &std::fs::read(&path).unwrap()[..512];
    assert!(observations::sniff(&path, head));
    assert!(!typed::sniff(&path, head));
    let imp = observations::read(&path, &jeugd()).unwrap();
    assert_eq!(imp.layout, Layout::CbsObservationsJson);
    assert_eq!(imp.rows.len(), 31);
    let id = "jeugdbeschermingsmaatregelen_instroom";
    let final_2019 = row(&imp, id, Period::year(2019), "NL01");
    assert_eq!(final_2019.figure, Figure::Value(12980.0));
    assert_eq!(final_2019.status, Status::Definitief);
    assert_eq!(
        row(&imp, id, Period::year(2022), "NL01").status,
        Status::Voorlopig
    );
    let h = row(&imp, id, Period::half(2023, 1), "NL01");
    assert_eq!(
        (h.figure.clone(), h.status),
        (Figure::Value(4470.0), Status::Voorlopig)
    );
    let secret = row(&imp, id, Period::half(2023, 1), "GM0772");
    assert_eq!(secret.figure, Figure::Missing(Missing::Confidential));
    // Year and half-year rows of one measure stay apart by their period's granularity.
    let years = imp
        .rows
        .iter()
        .filter(|r| r.indicator == id && r.period.granularity == Granularity::Year);
    assert_eq!(years.count(), 7);

    let ind = imp.indicators.iter().find(|i| i.id == id).unwrap();
    assert_eq!(ind.naam, "Jeugdbeschermingsmaatregelen, instroom");
    assert_eq!(ind.eenheid, "aantal");
    assert_eq!(ind.soort, Some(Soort::Stroom));
    assert!(
        imp.indicators
            .iter()
            .all(|i| i.soort == Some(Soort::Stroom) && !i.to_fill.contains(&"soort"))
    );
    assert_eq!(
        ind.definitie,
        "Jeugdbeschermingsmaatregelen die in de periode zijn begonnen."
    );
    assert_eq!(imp.indicators.len(), 2);
    let source = &imp.sources[0];
    assert_eq!(source.afronding, 0, "9064 is not rounded to 5");
    assert_eq!(source.vintage, "2023-11-01T02:00:00");
    assert_eq!(
        source.naam,
        "Jeugdbescherming; instroom en uitstroom, Nederland"
    );
    assert_eq!(source.credit, "Bron: CBS (CC BY 4.0)");
    assert!(!source.to_fill.contains(&"vintage"));
}

#[test]
fn other_files_are_not_sniffed_as_cbs_json() {
    let csv =
        "\"ID\";\"RegioS\";\"Perioden\";\"Instroom_1\"\n0;\"NL01  \";\"2022JJ00\";\"  9065\"\n";
    let own = "periode,domein,indicator,bron,waarde\n2022,jeugd,x,y,1\n";
    let props = r#"{"odata.metadata":"https://opendata.cbs.nl/ODataApi/OData/84134NED/$metadata#Cbs.OData.WebAPI.DataProperties","value":[]}"#;
    for (name, head) in [
        ("t.csv", csv),
        ("reeksen.csv", own),
        ("t_DataProperties.json", props),
    ] {
        let path = Path::new(name);
        assert!(!typed::sniff(path, head.as_bytes()), "{name}");
        assert!(!observations::sniff(path, head.as_bytes()), "{name}");
    }
}

#[test]
fn bron_option_overrides_the_id() {
    let opts = Options {
        bron: Some("cbs-jbjr".into()),
        ..jeugd()
    };
    let imp = typed::read(&fixture("jeugdbescherming.json"), &opts).unwrap();
    assert_eq!(imp.sources[0].id, "cbs-jbjr");
    assert!(imp.rows.iter().all(|r| r.bron == "cbs-jbjr"));
}

/// The fixture's bytes with a few bytes replaced, cut or inserted.
fn mutated(bytes: &[u8], edits: &[(usize, u8, u8)]) -> Vec<u8> {
    let mut out = bytes.to_vec();
    for &(at, op, b) in edits {
        if out.is_empty() {
            break;
        }
        let i = at % out.len();
        match op % 3 {
            0 => out[i] = b,
            1 => {
                out.remove(i);
            }
            _ => out.insert(i, b),
        }
    }
    out
}

fn no_panic(
    name: &str,
    edits: &[(usize, u8, u8)],
    read: fn(&Path, &Options) -> Result<Import, duiden::import::ImportError>,
) {
    let dir = tempfile::tempdir().unwrap();
    let bytes = std::fs::read(fixture(name)).unwrap();
    let path = dir.path().join(name);
    // The metadata siblings come along unchanged, so the mutations hit the data with its metadata.
    for sibling in ["_DataProperties.json", "_Perioden.json"] {
        let stem = name.trim_end_matches(".json");
        let from = fixture(&format!("{stem}{sibling}"));
        if from.is_file() {
            std::fs::copy(&from, dir.path().join(format!("{stem}{sibling}"))).unwrap();
        }
    }
    std::fs::write(&path, mutated(&bytes, edits)).unwrap();
    if let Err(e) = read(&path, &jeugd()) {
        assert!(e.place.starts_with(&path.display().to_string()), "{e}");
        assert!(!e.problem.is_empty());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn mutated_typed_dataset_never_panics(edits in prop::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..6)) {
        no_panic("jeugdbescherming.json", &edits, typed::read);
    }

    #[test]
    fn mutated_observations_never_panic(edits in prop::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..6)) {
        no_panic("jeugdbescherming-v4.json", &edits, observations::read);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.json");
        std::fs::write(&path, &bytes).unwrap();
        let _ = typed::read(&path, &jeugd());
        let _ = observations::read(&path, &jeugd());
        let _ = typed::sniff(&path, &bytes);
        let _ = observations::sniff(&path, &bytes);
    }
}

/// A national table by gemeente and month has some 100,000 figures: reading (and locating what
/// cannot be mapped) must stay linear, also when the service wrote everything on one line.
#[test]
fn a_large_table_on_one_line_reads_quickly() {
    let mut obs = Vec::new();
    for i in 0..60_000 {
        // Every tenth figure is text, so many places are located.
        let value = if i % 10 == 0 {
            "null,\"StringValue\":\"n.v.t.\"".to_string()
        } else {
            format!("{i}")
        };
        obs.push(format!(
            "{{\"Id\":{i},\"Measure\":\"M{}\",\"ValueAttribute\":\"None\",\"Value\":{value},\"RegioS\":\"GM{:04}\",\"Perioden\":\"{}MM{:02}\"}}",
            i % 3,
            i % 400,
            2000 + i / 4800,
            i / 400 % 12 + 1
        ));
    }
    let text = format!("{{\"value\":[{}]}}", obs.join(","));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Observations.json");
    std::fs::write(&path, text).unwrap();
    let start = std::time::Instant::now();
    let imp = observations::read(&path, &jeugd()).unwrap();
    assert_eq!(imp.rows.len(), 54_000);
    assert_eq!(
        imp.unmapped
            .iter()
            .filter(|u| u.why.contains("StringValue"))
            .count(),
        6_000
    );
    // Quadratic locating takes minutes here; linear well under a second (debug build).
    assert!(
        start.elapsed() < std::time::Duration::from_secs(30),
        "{:?}",
        start.elapsed()
    );
}
