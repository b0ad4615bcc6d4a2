//! The derivation against a slow, obviously-right reference: day-by-day coverage per unit.

use super::date::{DateFormat, first_day, last_day, month_of, parse};
use super::sample::{Spec, write_csv};
use super::*;
use crate::import::Figure;
use std::collections::{BTreeMap, BTreeSet};

/// Domein, wijk, aanbieder, voorziening.
type Series = (String, Option<String>, Option<String>, Option<String>);

/// First day and last day (`None`: open).
type Span = (i32, Option<i32>);

type Expected = BTreeMap<(String, String, Option<String>, Option<String>, i32), f64>;

fn any_date(s: &str) -> Option<i32> {
    parse(s, DateFormat::Iso).or_else(|| parse(s, DateFormat::Dutch))
}

/// Reference: which days each unit is provided for, then spells read off day by day.
fn reference(csv_text: &str, rules: &Rules) -> (Expected, usize) {
    let mut rdr = csv::Reader::from_reader(csv_text.as_bytes());
    let mut covered: BTreeMap<(Series, String), Vec<Span>> = BTreeMap::new();
    let (mut bad, mut months) = (0, BTreeSet::new());
    for rec in rdr.records() {
        let r = rec.unwrap();
        let (client, domein, voorz, wijk, aanb) = (&r[0], &r[1], &r[2], &r[3], &r[4]);
        let start = any_date(&r[5]);
        let end = if r[6].is_empty() {
            Some(None)
        } else {
            any_date(&r[6]).map(Some)
        };
        let (Some(s), Some(e)) = (start, end) else {
            bad += 1;
            continue;
        };
        if e.is_some_and(|e| e < s) {
            bad += 1;
            continue;
        }
        months.insert(month_of(s));
        let unit = match rules.count {
            Count::Persons => client.to_string(),
            Count::Trajectories => format!("{client}/{voorz}"),
        };
        let p = rules.per;
        let on = |b: bool, v: &str| {
            b.then(|| {
                if v.is_empty() {
                    "onbekend".to_string()
                } else {
                    v.to_string()
                }
            })
        };
        let mut keys = vec![(domein.to_string(), None, None, None)];
        if p.any() {
            keys.push((
                domein.to_string(),
                on(p.wijk, wijk),
                on(p.aanbieder, aanb),
                on(p.voorziening, voorz),
            ));
        }
        for key in keys {
            covered.entry((key, unit.clone())).or_default().push((s, e));
        }
    }
    let (first, last) = (*months.first().unwrap(), *months.last().unwrap());
    let limit = rules.gap_days.max(1) as i32;
    let horizon = last_day(last) + limit + 2;
    // Per series and month: the units in instroom, uitstroom and stand.
    let mut sets: BTreeMap<Series, Vec<[BTreeSet<String>; 3]>> = BTreeMap::new();
    let mut series_first: BTreeMap<_, i32> = BTreeMap::new();
    for ((key, unit), spans) in &covered {
        let days: BTreeSet<i32> = spans
            .iter()
            .flat_map(|&(s, e)| s..=e.unwrap_or(horizon))
            .collect();
        let per_month = sets
            .entry(key.clone())
            .or_insert_with(|| vec![Default::default(); (last - first + 1) as usize]);
        let has = |from: i32, to: i32| days.range(from..=to).next().is_some();
        for m in first..=last {
            let i = (m - first) as usize;
            for day in first_day(m)..=last_day(m) {
                if days.contains(&day) && !has(day - limit, day - 1) {
                    per_month[i][0].insert(unit.clone());
                    let f = series_first.entry(key.clone()).or_insert(m);
                    *f = (*f).min(m);
                }
                if days.contains(&day) && !has(day + 1, day + limit) {
                    per_month[i][1].insert(unit.clone());
                }
            }
            let p = last_day(m);
            let before = days.range(..=p).next_back();
            let after = days.range(p..).next();
            if let (Some(&b), Some(&n)) = (before, after)
                && (b == p || n - b <= limit)
            {
                per_month[i][2].insert(unit.clone());
            }
        }
    }
    let mut out = Expected::new();
    for (key, per_month) in sets {
        let start = series_first[&key];
        for (i, s) in per_month.iter().enumerate() {
            let m = first + i as i32;
            if m < start {
                continue;
            }
            for (j, name) in ["instroom", "uitstroom", "stand"].iter().enumerate() {
                let ind = match &key.3 {
                    Some(v) => format!("{name}-{}", crate::import::text::id_of(v)),
                    None => name.to_string(),
                };
                out.insert(
                    (key.0.clone(), ind, key.1.clone(), key.2.clone(), m),
                    s[j].len() as f64,
                );
            }
        }
    }
    (out, bad)
}

fn derived(d: &Derivation) -> Expected {
    d.import
        .rows
        .iter()
        .map(|r| {
            let m = r.period.year * 12 + r.period.index as i32 - 1;
            let Figure::Value(v) = r.figure else {
                panic!("missing value")
            };
            (
                (
                    r.domein.clone(),
                    r.indicator.clone(),
                    r.wijk.clone(),
                    r.aanbieder.clone(),
                    m,
                ),
                v,
            )
        })
        .collect()
}

fn check(rows: usize, seed: u64, rules: Rules) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("extract.csv");
    let mut text = Vec::new();
    write_csv(
        &mut text,
        Spec {
            rows,
            seed,
            gap_days: rules.gap_days,
            bad: true,
        },
    )
    .unwrap();
    std::fs::write(&path, &text).unwrap();
    let d = derive(&path, &rules, &mut |_| true).unwrap();
    let (expected, bad) = reference(std::str::from_utf8(&text).unwrap(), &rules);
    assert!(bad > 0, "the generated data has bad records");
    assert_eq!(d.bad.len(), bad);
    assert_eq!(d.rows_read, rows);
    let got = derived(&d);
    for (k, v) in &expected {
        assert_eq!(got.get(k), Some(v), "{k:?}");
    }
    assert_eq!(got.len(), expected.len());
}

#[test]
fn matches_the_reference_for_persons() {
    check(600, 7, Rules::default());
}

#[test]
fn matches_the_reference_with_breakdowns_trajectories_and_a_short_window() {
    let rules = Rules {
        count: Count::Trajectories,
        gap_days: 3,
        per: Per {
            wijk: true,
            aanbieder: true,
            voorziening: true,
        },
        ..Rules::default()
    };
    check(400, 11, rules);
}

#[test]
fn re_entry_inside_the_window_continues_and_outside_is_new() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.csv");
    // End 31 Jan; restart 30 days later (2 Mar 2024, leap year) continues; 31 days after the
    // next end (31 May → 1 Jul) is new instroom.
    let text = "client_id,domein,startdatum,einddatum\n\
a1,jeugd,2024-01-10,2024-01-31\n\
a1,jeugd,01-03-2024,2024-05-31\n\
a1,jeugd,2024-07-01,\n\
a1,jeugd,2024-09-01,2024-08-01\n";
    std::fs::write(&path, text).unwrap();
    let d = derive(&path, &Rules::default(), &mut |_| true).unwrap();
    let got = derived(&d);
    let v = |ind: &str, m: u32| {
        got[&(
            "jeugd".to_string(),
            ind.to_string(),
            None,
            None,
            2024 * 12 + m as i32 - 1,
        )]
    };
    assert_eq!(
        (v("instroom", 1), v("instroom", 3), v("instroom", 7)),
        (1.0, 0.0, 1.0)
    );
    assert_eq!((v("uitstroom", 1), v("uitstroom", 5)), (0.0, 1.0));
    assert_eq!(
        (v("stand", 1), v("stand", 2), v("stand", 6), v("stand", 7)),
        (1.0, 1.0, 0.0, 1.0)
    );
    assert_eq!(d.bad.len(), 1);
    assert_eq!(d.bad[0].line, 5);
    assert!(
        d.bad[0].problem.contains("voor startdatum"),
        "{}",
        d.bad[0].problem
    );
}

#[test]
fn a_column_of_bsns_is_refused_before_anything_is_derived() {
    assert!(scan::looks_like_bsn("111222333"));
    assert!(!scan::looks_like_bsn("111222334"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.csv");
    std::fs::write(&path, "client_id,domein,startdatum,einddatum\n111222333,jeugd,2024-01-10,\n123456782,wmo,2024-01-10,\n").unwrap();
    let e = derive(&path, &Rules::default(), &mut |_| true).unwrap_err();
    assert!(e.problem.contains("burgerservicenummers"), "{e}");
    assert!(e.problem.contains("client_id"), "{e}");
}

fn write_parquet(df: &mut polars::prelude::DataFrame, path: &std::path::Path) {
    use polars::prelude::*;
    ParquetWriter::new(std::fs::File::create(path).unwrap())
        .finish(df)
        .unwrap();
}

/// The same records as Parquet, with text dates and with Parquet dates, give the same series
/// and the same bad records (by row number) as the CSV.
#[test]
fn parquet_gives_the_same_series_as_csv() {
    use polars::prelude::*;
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("extract.csv");
    let mut text = Vec::new();
    let spec = Spec {
        rows: 500,
        seed: 3,
        gap_days: 30,
        bad: true,
    };
    write_csv(&mut text, spec).unwrap();
    std::fs::write(&csv, &text).unwrap();
    let rules = Rules {
        per: Per {
            wijk: true,
            ..Per::default()
        },
        ..Rules::default()
    };
    let from_csv = derive(&csv, &rules, &mut |_| true).unwrap();
    assert!(!from_csv.bad.is_empty());
    let mut df = CsvReadOptions::default()
        .with_infer_schema_length(Some(0))
        .try_into_reader_with_file_path(Some(csv.clone()))
        .unwrap()
        .finish()
        .unwrap();
    let rows_of = |d: &Derivation| d.bad.iter().map(|b| b.line).collect::<Vec<_>>();
    let csv_rows: Vec<u64> = rows_of(&from_csv).iter().map(|l| l - 1).collect();
    let pq = dir.path().join("extract.parquet");
    write_parquet(&mut df, &pq);
    let from_pq = derive(&pq, &rules, &mut |_| true).unwrap();
    assert_eq!(from_pq.position, Position::Row);
    assert_eq!(from_pq.rows_read, 500);
    assert_eq!(derived(&from_pq), derived(&from_csv));
    assert_eq!(rows_of(&from_pq), csv_rows);
    for name in ["startdatum", "einddatum"] {
        let days: Int32Chunked = df
            .column(name)
            .unwrap()
            .str()
            .unwrap()
            .iter()
            .map(|v| v.and_then(any_date))
            .collect();
        let dates = days.into_series().cast(&DataType::Date).unwrap();
        df.with_column(dates.with_name(name.into()).into_column())
            .unwrap();
    }
    let dated = dir.path().join("gedateerd.parquet");
    write_parquet(&mut df, &dated);
    let from_dates = derive(&dated, &rules, &mut |_| true).unwrap();
    assert_eq!(derived(&from_dates), derived(&from_csv));
    assert_eq!(rows_of(&from_dates), csv_rows);
}

#[test]
fn a_parquet_number_column_of_bsns_is_refused() {
    use polars::prelude::*;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.parquet");
    // 012345672 lost its leading zero in the number column.
    assert!(!scan::looks_like_bsn("12345672"));
    let mut df = df!(
        "client_id" => [12_345_672i64, 12_345_672, 12_345_672],
        "domein" => ["jeugd", "wmo", "jeugd"],
        "startdatum" => ["2024-01-10", "2024-01-10", "2024-02-01"],
        "einddatum" => ["", "", ""],
    )
    .unwrap();
    write_parquet(&mut df, &path);
    let e = derive(&path, &Rules::default(), &mut |_| true).unwrap_err();
    assert!(e.problem.contains("burgerservicenummers"), "{e}");
    assert!(e.problem.contains("client_id"), "{e}");
}

#[test]
fn stopping_in_the_progress_callback_interrupts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.csv");
    let mut text = Vec::new();
    let spec = Spec {
        rows: 50,
        seed: 1,
        gap_days: 30,
        bad: false,
    };
    write_csv(&mut text, spec).unwrap();
    std::fs::write(&path, &text).unwrap();
    let mut calls = 0;
    let e = derive(&path, &Rules::default(), &mut |_| {
        calls += 1;
        false
    })
    .unwrap_err();
    assert!(e.is_interrupted(), "{e}");
    assert_eq!(calls, 1);
}
