//! `duiden afleiden` on a generated extract: `cargo bench --bench afleiden`.
//!
//! Generates 1 million rows (`AFLEIDEN_RIJEN=10000000` for the 10-million run the README
//! reports) with a fixed seed into a temporary CSV file and the same records as Parquet (dates
//! as Parquet dates), then derives each in a child process of its own and prints the wall time
//! (median of three runs) and that process's peak memory, so setting up the files does not count.
//! When the `duckdb` Python package is installed, the same derivation (persons per domein, spells
//! with a 30-day continuation window) is timed in DuckDB with its peak memory; when it is not,
//! that is said.

use duiden::derive::sample::{Spec, write_csv};
use duiden::derive::{Rules, derive};
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A memory figure of this process from `/proc/self/status` (Linux), in MB: `VmHWM` is the
/// peak resident memory, `RssAnon` the memory now held apart from mapped files.
fn status_mb(key: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(key))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

const DUCKDB: &str = r#"
import sys, time, resource, duckdb
path = sys.argv[1]
if path.endswith(".parquet"):
    source = f"""SELECT client_id AS c, domein AS d, startdatum AS s,
    coalesce(einddatum, DATE '9999-12-31') AS e FROM read_parquet('{path}')"""
else:
    source = f"""SELECT client_id AS c, domein AS d,
    coalesce(try_strptime(startdatum, '%Y-%m-%d'), try_strptime(startdatum, '%d-%m-%Y'))::DATE AS s,
    CASE WHEN einddatum IS NULL OR einddatum = '' THEN DATE '9999-12-31' ELSE
      coalesce(try_strptime(einddatum, '%Y-%m-%d'), try_strptime(einddatum, '%d-%m-%Y'))::DATE END AS e
  FROM read_csv('{path}', all_varchar = true, header = true)"""
sql = f"""
WITH r AS ({source}),
ok AS (SELECT * FROM r WHERE s IS NOT NULL AND e IS NOT NULL AND e >= s),
g AS (SELECT *, max(e) OVER (PARTITION BY c, d ORDER BY s, e ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev FROM ok),
h AS (SELECT *, sum(CASE WHEN prev IS NULL OR s - prev > 30 THEN 1 ELSE 0 END)
        OVER (PARTITION BY c, d ORDER BY s, e ROWS UNBOUNDED PRECEDING) AS spell FROM g),
sp AS (SELECT c, d, min(s) AS s, max(e) AS e FROM h GROUP BY c, d, spell),
months AS (SELECT (m + INTERVAL 1 MONTH - INTERVAL 1 DAY)::DATE AS peil FROM
  range((SELECT date_trunc('month', min(s)) FROM sp), (SELECT date_trunc('month', max(s)) FROM sp) + INTERVAL 1 MONTH, INTERVAL 1 MONTH) t(m)),
i AS (SELECT d, date_trunc('month', s) AS m, count(DISTINCT c) AS n FROM sp GROUP BY ALL),
u AS (SELECT d, date_trunc('month', e) AS m, count(DISTINCT c) AS n FROM sp WHERE e < DATE '9999-12-31' GROUP BY ALL),
st AS (SELECT d, peil, count(*) AS n FROM sp JOIN months ON s <= peil AND e >= peil GROUP BY ALL)
SELECT (SELECT count(*) FROM i), (SELECT count(*) FROM u), (SELECT count(*) FROM st)
"""
con = duckdb.connect()
con.execute("SET enable_progress_bar = false")
times = []
for _ in range(3):
    t = time.perf_counter()
    con.sql(sql).fetchall()
    times.append(time.perf_counter() - t)
times.sort()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{times[1]:.3f} {peak:.0f}")
"#;

/// DuckDB's median time and peak memory (MB) for the same derivation.
fn duckdb(path: &Path) -> Result<(f64, f64), String> {
    let has = Command::new("python3")
        .args(["-c", "import duckdb"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has {
        return Err(
            "het Python-pakket duckdb is niet geïnstalleerd: vergelijking overgeslagen".into(),
        );
    }
    let out = Command::new("python3")
        .args(["-c", DUCKDB, &path.display().to_string()])
        .output()
        .map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let mut words = text.split_whitespace();
    let mut next = || words.next().and_then(|w| w.parse().ok());
    match (next(), next()) {
        (Some(s), Some(mb)) => Ok((s, mb)),
        _ => Err(format!("onverwachte uitvoer van duckdb: {text}")),
    }
}

/// In the child: derives `path` three times and prints the median seconds, the peak resident
/// MB and the highest anonymous MB seen after a batch. polars maps an uncompressed CSV file
/// into memory: its pages count in the resident peak but are the page cache, not the heap.
fn measure(path: &Path, rows: usize) {
    let rules = Rules::default();
    let mut anon = 0f64;
    let mut times: Vec<Duration> = (0..3)
        .map(|_| {
            let t = Instant::now();
            let mut sample = |_| {
                anon = anon.max(status_mb("RssAnon:").unwrap_or(0.0));
                true
            };
            let d = derive(path, &rules, &mut sample).expect("afleiden");
            let took = t.elapsed();
            assert_eq!(d.rows_read, rows);
            took
        })
        .collect();
    times.sort();
    println!(
        "{:.3} {:.0} {anon:.0}",
        times[1].as_secs_f64(),
        status_mb("VmHWM:").unwrap_or(f64::NAN)
    );
}

/// The same records as Parquet, with the dates as Parquet dates.
fn write_parquet(csv: &Path, parquet: &Path) {
    use duiden::derive::date::{DateFormat, parse};
    use polars::prelude::*;
    let mut df = CsvReadOptions::default()
        .with_infer_schema_length(Some(0))
        .try_into_reader_with_file_path(Some(csv.to_path_buf()))
        .and_then(|r| r.finish())
        .expect("extract lezen");
    for name in ["startdatum", "einddatum"] {
        let days: Int32Chunked = df
            .column(name)
            .and_then(|c| c.str().cloned())
            .expect("datumkolom")
            .iter()
            .map(|v| {
                v.and_then(|v| parse(v, DateFormat::Iso).or_else(|| parse(v, DateFormat::Dutch)))
            })
            .collect();
        let dates = days.into_series().cast(&DataType::Date).expect("datum");
        df.with_column(dates.with_name(name.into()).into_column())
            .expect("datumkolom");
    }
    let file = std::fs::File::create(parquet).expect("parquet");
    ParquetWriter::new(file)
        .finish(&mut df)
        .expect("parquet schrijven");
}

fn main() {
    let rows: usize = std::env::var("AFLEIDEN_RIJEN")
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(1_000_000);
    if let Ok(path) = std::env::var("AFLEIDEN_MEET") {
        measure(Path::new(&path), rows);
        return;
    }
    let dir = tempfile::tempdir().expect("tijdelijke map");
    let csv = dir.path().join("extract.csv");
    let spec = Spec {
        rows,
        seed: 13,
        gap_days: 30,
        bad: false,
    };
    let mut w = BufWriter::new(std::fs::File::create(&csv).expect("extract"));
    write_csv(&mut w, spec).expect("extract schrijven");
    w.flush().expect("extract schrijven");
    let parquet = dir.path().join("extract.parquet");
    write_parquet(&csv, &parquet);
    let me = std::env::current_exe().expect("bench");
    for path in [&csv, &parquet] {
        let size = std::fs::metadata(path).map_or(0, |m| m.len()) as f64 / 1e6;
        let kind = if path == &parquet { "Parquet" } else { "CSV" };
        let out = Command::new(&me)
            .env("AFLEIDEN_MEET", path)
            .env("AFLEIDEN_RIJEN", rows.to_string())
            .output()
            .expect("meting");
        let text = String::from_utf8_lossy(&out.stdout);
        let mut words = text.split_whitespace();
        let mut word = || words.next().unwrap_or("?");
        let (s, mb, anon) = (word(), word(), word());
        println!(
            "duiden, {rows} regels ({size:.0} MB {kind}): {s} s (mediaan van 3), piekgeheugen {mb} MB (waarvan heap, zonder het gemapte bestand: {anon} MB)"
        );
        match duckdb(path) {
            Ok((s, mb)) => println!(
                "duckdb, {kind}, dezelfde afleiding per domein: {s:.3} s (mediaan van 3), piekgeheugen {mb:.0} MB"
            ),
            Err(e) => println!("duckdb: {e}"),
        }
    }
}
