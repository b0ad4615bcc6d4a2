use duiden::analysis::mismatch::*;
use duiden::model::*;
#[test]
fn perf_scratch() {
    let mut meta = DatasetMeta {
        titel: "x".into(),
        ..Default::default()
    };
    for b in ["a", "b", "c"] {
        meta.bronnen.push(SourceMeta {
            id: b.into(),
            naam: b.into(),
            vertraging: if b == "b" {
                "1 maand".into()
            } else {
                String::new()
            },
            ..Default::default()
        });
    }
    let mut series = Vec::new();
    let mut seed: u64 = 1;
    let mut rnd = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as f64 / (1u64 << 31) as f64
    };
    for i in 0..500 {
        let id = format!("ind{i:03}");
        meta.indicatoren.push(IndicatorMeta {
            domein: "d".into(),
            id: id.clone(),
            naam: String::new(),
            soort: Soort::Stroom,
            eenheid: "x".into(),
            definitie: String::new(),
            teller: None,
            noemer: None,
            per: None,
            per_bron: Default::default(),
        });
        for b in ["a", "b", "c"] {
            let points = (0..120)
                .map(|m| Observation {
                    period: Period::from_month_number(2015 * 12 + m),
                    value: Some(1000.0 * (1.0 + 0.1 * rnd())),
                    status: Status::Definitief,
                    unit: None,
                    note: None,
                    line: 0,
                })
                .collect();
            series.push(Series {
                key: SeriesKey {
                    domein: "d".into(),
                    indicator: id.clone(),
                    bron: b.into(),
                    breakdown: Breakdown::default(),
                },
                points,
            });
        }
    }
    series.sort_by(|a, b| a.key.cmp(&b.key));
    let ds = Dataset {
        path: "x".into(),
        meta,
        series,
        content_hash: String::new(),
    };
    let t = std::time::Instant::now();
    let ms = detect(&ds, &Settings::default());
    eprintln!("perf: {:?} for {} mismatches", t.elapsed(), ms.len());
}
