//! `duiden afleiden` on a generated extract: `cargo bench --bench afleiden`.
//!
//! Generates 1 million rows (`AFLEIDEN_RIJEN=10000000` for the 10-million run the README
//! reports) with a fixed seed into a temporary file, then prints the wall time of the
//! derivation (median of three runs) and the process's peak memory. When the `duckdb` Python
//! package is installed, the same derivation (persons per domein, spells with a 30-day
//! continuation window) is timed in DuckDB for comparison; when it is not, that is said.

use duiden::derive::sample::{Spec, write_csv};
use duiden::derive::{Rules, derive};
use std::io::{BufWriter, Write};
use std::process::Command;
use std::time::{Duration, Instant};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Peak resident memory of this process (Linux `VmHWM`), in MB.
fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

const DUCKDB: &str = r#"
import sys, time, duckdb
path = sys.argv[1]
sql = f"""
WITH r AS (
  SELECT client_id AS c, domein AS d,
    coalesce(try_strptime(startdatum, '%Y-%m-%d'), try_strptime(startdatum, '%d-%m-%Y'))::DATE AS s,
    CASE WHEN einddatum IS NULL OR einddatum = '' THEN DATE '9999-12-31' ELSE
      coalesce(try_strptime(einddatum, '%Y-%m-%d'), try_strptime(einddatum, '%d-%m-%Y'))::DATE END AS e
  FROM read_csv('{path}', all_varchar = true, header = true)),
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
t = time.perf_counter()
duckdb.sql(sql).fetchall()
print(f"{time.perf_counter() - t:.3f}")
"#;

fn duckdb_seconds(path: &std::path::Path) -> Result<f64, String> {
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
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .map_err(|_| "onverwachte uitvoer van duckdb".into())
}

fn main() {
    let rows: usize = std::env::var("AFLEIDEN_RIJEN")
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(1_000_000);
    let dir = tempfile::tempdir().expect("tijdelijke map");
    let path = dir.path().join("extract.csv");
    let spec = Spec {
        rows,
        seed: 13,
        gap_days: 30,
        bad: false,
    };
    let mut w = BufWriter::new(std::fs::File::create(&path).expect("extract"));
    write_csv(&mut w, spec).expect("extract schrijven");
    w.flush().expect("extract schrijven");
    let size = std::fs::metadata(&path).map_or(0, |m| m.len()) as f64 / 1e6;
    let rules = Rules::default();
    let mut times: Vec<Duration> = (0..3)
        .map(|_| {
            let t = Instant::now();
            let d = derive(&path, &rules, &mut |_| true).expect("afleiden");
            let took = t.elapsed();
            assert_eq!(d.rows_read, rows);
            took
        })
        .collect();
    times.sort();
    println!(
        "afleiden, {rows} regels ({size:.0} MB CSV): {:.2} s (mediaan van 3), piekgeheugen {:.0} MB",
        times[1].as_secs_f64(),
        peak_mb().unwrap_or(f64::NAN)
    );
    match duckdb_seconds(&path) {
        Ok(s) => println!("duckdb, dezelfde afleiding per domein: {s:.2} s"),
        Err(e) => println!("duckdb: {e}"),
    }
}
