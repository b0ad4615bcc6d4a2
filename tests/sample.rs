//! The embedded sample dataset `datasets/voorbeeld`: it is exactly what the generator makes, it
//! loads, and it contains the real figures and the synthetic patterns the sessions rely on.

#[path = "../examples/genereer_voorbeeld.rs"]
mod generator;

use duiden::model::{Breakdown, Dataset, Period, SeriesKey, Status};
use std::path::{Path, PathBuf};

fn sample_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld")
}

fn load() -> Dataset {
    match duiden::load::load_dataset(&sample_dir()) {
        Ok(ds) => ds,
        Err(e) => panic!("voorbeelddataset laadt niet:\n{e}"),
    }
}

fn period(text: &str) -> Period {
    Period::parse(text).expect("geldige periode").0
}

fn key(domein: &str, indicator: &str, bron: &str, regio: &str, wijk: Option<&str>) -> SeriesKey {
    SeriesKey {
        domein: domein.to_string(),
        indicator: indicator.to_string(),
        bron: bron.to_string(),
        breakdown: Breakdown {
            regio: Some(regio.to_string()),
            wijk: wijk.map(str::to_string),
            aanbieder: None,
        },
    }
}

fn value(ds: &Dataset, k: &SeriesKey, p: &str) -> Option<f64> {
    let series = ds.find(k).unwrap_or_else(|| panic!("reeks {k} ontbreekt"));
    series.value_at(&period(p)).and_then(|o| o.value)
}

#[test]
fn committed_csv_is_what_the_generator_makes() {
    let dir = sample_dir();
    let generated = generator::generate(&dir.join("echt"));
    let committed = std::fs::read_to_string(dir.join("reeksen.csv")).expect("reeksen.csv");
    if generated != committed {
        let line = generated
            .lines()
            .zip(committed.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| generated.lines().count().min(committed.lines().count()));
        panic!(
            "datasets/voorbeeld/reeksen.csv wijkt af van de generator vanaf regel {} \
             (gegenereerd: {:?}, in bestand: {:?}); draai `cargo run --example genereer_voorbeeld` \
             en bewerk reeksen.csv niet met de hand",
            line + 1,
            generated.lines().nth(line),
            committed.lines().nth(line),
        );
    }
}

#[test]
fn generator_is_deterministic() {
    let echt = sample_dir().join("echt");
    assert_eq!(generator::generate(&echt), generator::generate(&echt));
}

#[test]
fn real_rows_come_first_and_unchanged() {
    let dir = sample_dir();
    let csv = std::fs::read_to_string(dir.join("reeksen.csv")).unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("periode,domein,indicator,bron,waarde,eenheid,regio,wijk,aanbieder,status,opmerking")
    );
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("echt"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 5);
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for real in text.lines().skip(1) {
            // The real files have no quoted fields: mapping onto the wider header inserts the two
            // empty columns wijk and aanbieder after regio.
            let f: Vec<&str> = real.split(',').collect();
            assert_eq!(f.len(), 9, "{}: {real}", file.display());
            let expected = format!("{},,,{}", f[..7].join(","), f[7..].join(","));
            assert_eq!(lines.next(), Some(expected.as_str()), "{}", file.display());
        }
    }
}

#[test]
fn sample_loads_with_metadata_for_everything() {
    let ds = load();
    // Every row of reeksen.csv became an observation (no row dropped on the way).
    let csv = std::fs::read_to_string(sample_dir().join("reeksen.csv")).unwrap();
    assert_eq!(ds.observation_count(), csv.lines().count() - 1);
    assert!(ds.series.len() > 80, "{} reeksen", ds.series.len());
    for s in &ds.series {
        assert!(ds.indicator_meta(&s.key).is_some(), "{}", s.key);
        assert!(ds.source_meta(&s.key.bron).is_some(), "{}", s.key);
    }
    // Every synthetic source says so; every real one does not.
    for id in [
        "gemeente-registratie",
        "aanbieders-maandrapportage",
        "cbs-beleidsinformatie",
        "gemeente-begroting",
    ] {
        assert!(ds.source_meta(id).unwrap().synthetisch, "{id}");
    }
    for id in [
        "cbs-jb-2019",
        "cbs-jbjr-2022",
        "bbv-begroting-2021",
        "divosa-2012-tabel1",
    ] {
        assert!(!ds.source_meta(id).unwrap().synthetisch, "{id}");
    }
}

#[test]
fn real_figures_are_present() {
    let ds = load();
    let k = key(
        "jeugd",
        "jeugdbescherming_instroom",
        "cbs-jb-2019",
        "NL01",
        None,
    );
    let obs = ds.find(&k).unwrap().value_at(&period("2019")).unwrap();
    assert_eq!(obs.value, Some(12965.0));
    assert_eq!(obs.status, Status::Voorlopig);
    let k = key(
        "jeugd",
        "jeugdbescherming_instroom",
        "cbs-jbjr-2022",
        "NL01",
        None,
    );
    assert_eq!(value(&ds, &k, "2019"), Some(12980.0));
    let k = key(
        "participatie",
        "wwb",
        "divosa-2012-kerncijfers",
        "GM0772",
        None,
    );
    assert_eq!(value(&ds, &k, "2011"), Some(5920.0));
}

#[test]
fn synthetic_jeugd_instroom_from_three_sources() {
    let ds = load();
    let months: Vec<Period> = (2019..=2024)
        .flat_map(|y| (1..=12).map(move |m| Period::month(y, m)))
        .collect();
    assert_eq!(months.len(), 72);

    let gemeente = ds
        .find(&key(
            "jeugd",
            "instroom",
            "gemeente-registratie",
            "GM0772",
            None,
        ))
        .unwrap();
    let got: Vec<Period> = gemeente.points.iter().map(|o| o.period).collect();
    assert_eq!(got, months);

    // The providers' report misses one month: jeugd 2023-07.
    let aanbieders = ds
        .find(&key(
            "jeugd",
            "instroom",
            "aanbieders-maandrapportage",
            "GM0772",
            None,
        ))
        .unwrap();
    let got: Vec<Period> = aanbieders.points.iter().map(|o| o.period).collect();
    let expected: Vec<Period> = months
        .iter()
        .copied()
        .filter(|p| *p != Period::month(2023, 7))
        .collect();
    assert_eq!(got, expected);

    let cbs = ds
        .find(&key(
            "jeugd",
            "instroom",
            "cbs-beleidsinformatie",
            "GM0772",
            None,
        ))
        .unwrap();
    let got: Vec<Period> = cbs.points.iter().map(|o| o.period).collect();
    let halves: Vec<Period> = (2019..=2024)
        .flat_map(|y| [Period::half(y, 1), Period::half(y, 2)])
        .collect();
    assert_eq!(got, halves);
    for o in &cbs.points {
        let v = o.value.unwrap();
        assert_eq!(v % 5.0, 0.0, "CBS rondt af op 5: {} {v}", o.period);
        let provisional = o.period == Period::half(2024, 2);
        assert_eq!(o.status.is_provisional(), provisional, "{}", o.period);
    }

    let sources: Vec<&str> = ds
        .series_of("jeugd", "instroom")
        .filter(|s| {
            s.key.breakdown.wijk.is_none() && s.key.breakdown.regio.as_deref() == Some("GM0772")
        })
        .map(|s| s.key.bron.as_str())
        .collect();
    assert_eq!(sources.len(), 3, "{sources:?}");

    // Providers see intakes earlier and a little more of them.
    let sum = |s: &duiden::model::Series| -> f64 { s.points.iter().filter_map(|o| o.value).sum() };
    let ratio = sum(aanbieders)
        / (sum(gemeente)
            - gemeente
                .value_at(&Period::month(2023, 7))
                .unwrap()
                .value
                .unwrap());
    assert!(
        (1.02..1.10).contains(&ratio),
        "aanbieders/gemeente = {ratio}"
    );
}

#[test]
fn gemeente_stand_closes_on_the_flows() {
    let ds = load();
    for domein in ["jeugd", "wmo", "participatie"] {
        let get = |ind: &str| {
            ds.find(&key(domein, ind, "gemeente-registratie", "GM0772", None))
                .unwrap()
        };
        let (ins, outs, stand) = (get("instroom"), get("uitstroom"), get("stand"));
        for w in stand.points.windows(2) {
            let p = w[1].period;
            let expected = w[0].value.unwrap() + ins.value_at(&p).unwrap().value.unwrap()
                - outs.value_at(&p).unwrap().value.unwrap();
            assert_eq!(w[1].value, Some(expected), "{domein} {p}");
        }
    }
}

#[test]
fn wijk_breakdown_sums_to_total_except_march_2022() {
    let ds = load();
    let total = ds
        .find(&key(
            "jeugd",
            "instroom",
            "gemeente-registratie",
            "GM0772",
            None,
        ))
        .unwrap();
    let parts: Vec<_> = ds
        .series
        .iter()
        .filter(|s| s.key.breakdown.wijk.is_some())
        .collect();
    assert_eq!(parts.len(), 7, "zeven stadsdelen");
    for o in &total.points {
        let sum: f64 = parts
            .iter()
            .map(|s| s.value_at(&o.period).unwrap().value.unwrap())
            .sum();
        let diff = o.value.unwrap() - sum;
        if o.period == Period::month(2022, 3) {
            assert_eq!(diff, 4.0, "{}", o.period);
        } else {
            assert_eq!(diff, 0.0, "{}", o.period);
        }
    }
}

#[test]
fn known_data_quality_cases_are_in_the_sample() {
    let ds = load();
    // CBS '.' is unknown, not zero.
    let k = key("wmo", "uitstroom", "cbs-beleidsinformatie", "GM0772", None);
    let obs = ds.find(&k).unwrap().value_at(&period("2019-H1")).unwrap();
    assert_eq!(obs.value, None);
    // Unit change in the providers' kosten.
    let k = key(
        "jeugd",
        "kosten",
        "aanbieders-maandrapportage",
        "GM0772",
        None,
    );
    let s = ds.find(&k).unwrap();
    assert_eq!(
        s.value_at(&period("2021-12")).unwrap().unit.as_deref(),
        Some("euro")
    );
    assert_eq!(
        s.value_at(&period("2022-01")).unwrap().unit.as_deref(),
        Some("x 1.000 euro")
    );
    // Budget per year.
    let k = key(
        "jeugd",
        "kosten_begroot",
        "gemeente-begroting",
        "GM0772",
        None,
    );
    assert_eq!(ds.find(&k).unwrap().points.len(), 6);
    // Recorded breaks and events.
    assert!(
        ds.meta
            .breuken
            .iter()
            .any(|b| b.periode == "2021-H1" && b.bron.as_deref() == Some("cbs-beleidsinformatie"))
    );
    assert!(ds.meta.breuken.iter().any(|b| b.periode == "2022-01"));
    assert!(
        ds.meta
            .gebeurtenissen
            .iter()
            .any(|g| g.tekst.contains("instroomstop"))
    );
}
