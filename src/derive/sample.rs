//! A generated extract with a fixed seed, for tests and benches: pseudonymised clients with
//! re-entries just inside and outside the continuation window, overlaps, adjacent provisions,
//! open ends, month ends and leap days, and (on request) bad records.

use super::date::{civil_from_days, days_from_civil};
use std::io::Write;

/// A small deterministic generator (splitmix64): the same seed gives the same file everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    pub rows: usize,
    pub seed: u64,
    /// The continuation window the edge cases are placed around.
    pub gap_days: u32,
    /// Also write records that cannot be counted (end before start, impossible dates).
    pub bad: bool,
}

pub const HEADER: &str = "client_id,domein,voorziening,wijk,aanbieder,startdatum,einddatum";
const DOMAINS: [&str; 3] = ["jeugd", "wmo", "participatie"];
const PROVISIONS: [&str; 4] = ["ambulant", "verblijf", "begeleiding", "huishoudelijke hulp"];
const DISTRICTS: [&str; 4] = ["Centrum", "Noord", "Zuid", "West"];
const PROVIDERS: [&str; 3] = ["Zorggroep A", "Stichting B", "C & Co"];

fn date(day: i32, dutch: bool) -> String {
    let (y, m, d) = civil_from_days(day);
    if dutch {
        format!("{d:02}-{m:02}-{y:04}")
    } else {
        format!("{y:04}-{m:02}-{d:02}")
    }
}

/// Writes a CSV extract of `spec.rows` data rows.
pub fn write_csv(out: &mut dyn Write, spec: Spec) -> std::io::Result<()> {
    let mut rng = Rng::new(spec.seed);
    let clients = (spec.rows as u64 / 3).max(4);
    let first = days_from_civil(2019, 1, 1);
    let span = days_from_civil(2024, 12, 31) - first;
    let leap = [days_from_civil(2020, 2, 29), days_from_civil(2024, 2, 29)];
    let n = spec.gap_days as i32;
    let mut prev: Option<(u64, usize, i32)> = None;
    writeln!(out, "{HEADER}")?;
    for _ in 0..spec.rows {
        let pick = rng.below(100);
        // Follow the previous client's provision at a chosen distance, or start anywhere.
        let (client, domain, start) = match prev {
            Some((c, d, end)) if pick < 40 => {
                let offsets = [n - 1, n, n + 1, 1, 0, -10, n + 2, 2];
                let off = offsets[rng.below(offsets.len() as u64) as usize];
                (c, d, end + off.max(-10))
            }
            _ => {
                let start = match rng.below(10) {
                    0 => leap[rng.below(2) as usize],
                    1 => days_from_civil(2019 + rng.below(6) as i32, 1 + rng.below(12) as u32, 1),
                    _ => first + rng.below(span as u64) as i32,
                };
                (rng.below(clients), rng.below(3) as usize, start)
            }
        };
        let end = match rng.below(10) {
            0 => None,
            1 => Some(leap[rng.below(2) as usize].max(start)),
            2 => {
                // The last day of a month.
                let (y, m, _) = civil_from_days(start + rng.below(400) as i32);
                let (y2, m2) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
                Some(days_from_civil(y2, m2, 1) - 1)
            }
            _ => Some(start + rng.below(500) as i32),
        };
        let dutch = rng.below(10) == 0;
        let mut end_text = end.map_or(String::new(), |e| date(e, dutch));
        let mut start_text = date(start, dutch);
        if spec.bad && rng.below(50) == 0 {
            match rng.below(2) {
                0 => end_text = date(start - 5, dutch),
                _ => start_text = "31-02-2023".into(),
            }
        }
        writeln!(
            out,
            "p{:08x},{},{},{},\"{}\",{},{}",
            client.wrapping_mul(0x9E37_79B9) & 0xffff_ffff,
            DOMAINS[domain],
            PROVISIONS[rng.below(4) as usize],
            DISTRICTS[rng.below(4) as usize],
            PROVIDERS[rng.below(3) as usize],
            start_text,
            end_text
        )?;
        prev = end.map(|e| (client, domain, e));
    }
    Ok(())
}
