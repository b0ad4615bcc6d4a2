#![allow(dead_code)]
//! Generates `datasets/voorbeeld/reeksen.csv`: the real published figures from
//! `datasets/voorbeeld/echt/*.csv` followed by a clearly labelled synthetic, Eindhoven-like part.
//!
//! Run with `cargo run --example genereer_voorbeeld`. The output is deterministic: a fixed seed,
//! a fixed order of files, series and periods, only IEEE-exact arithmetic (+ − × ÷ √, no
//! `ln`/`exp`/`sin`, whose last bits may differ per platform) and integer output. `tests/sample.rs`
//! includes this file and checks that the committed `reeksen.csv` equals `generate(..)`, so the
//! CSV is never edited by hand: change this generator and run it again.
//!
//! What the synthetic part contains (see `dataset.toml` for the same in the dataset's metadata):
//! - domains jeugd, wmo, participatie; monthly 2019-01..2024-12; instroom, uitstroom, stand, kosten;
//! - `aanbieders-maandrapportage`: the "true" flows; stand with a small residual (other peildatum);
//!   kosten in euro until 2021-12 and in `x 1.000 euro` from 2022-01; jeugd 2023-07 missing;
//! - `gemeente-registratie`: instroom registered about a month later (at the beschikking) and
//!   3-8% lower; stand[t] = stand[t-1] + instroom[t] − uitstroom[t] exactly; jeugd instroom also
//!   per stadsdeel, parts summing to the total except in 2022-03 (one stadsdeel 4 short);
//! - `cbs-beleidsinformatie`: half-years, rounded to 5, 2024-H2 voorlopig, wmo uitstroom 2019-H1
//!   unknown (`.`), jeugd counted with new providers from 2021-H1 (about 6% higher);
//! - `gemeente-begroting`: yearly kosten_begroot 2019-2024;
//! - events: corona dip in instroom 2020-03..06 with recovery in 07..09 (participatie instroom up
//!   instead), the jeugdbescherming instroomstop 2021-06-21..2021-12-15 (slightly lower jeugd
//!   uitstroom), tariff indexation and the 2023 minimum-wage rise in kosten.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::path::Path;

/// Seed of the synthetic part; also named in `dataset.toml`.
pub const SEED: u64 = 20261123;

/// Columns of `reeksen.csv`, in order.
pub const COLUMNS: [&str; 11] = duiden::load::csv::ALL_COLUMNS;

const REGIO: &str = "GM0772";
const FIRST_YEAR: i32 = 2019;
const YEARS: usize = 6;
/// Months written: 2019-01..2024-12.
const MONTHS: usize = YEARS * 12;
/// Months simulated before 2019-01 so that lags and stocks are settled.
const WARMUP: usize = 12;

const GEMEENTE: &str = "gemeente-registratie";
const AANBIEDERS: &str = "aanbieders-maandrapportage";
const CBS: &str = "cbs-beleidsinformatie";
const BEGROTING: &str = "gemeente-begroting";

/// The seven Eindhoven stadsdelen with their approximate share of jeugd instroom.
const STADSDELEN: [(&str, f64); 7] = [
    ("Centrum", 0.10),
    ("Stratum", 0.15),
    ("Tongelre", 0.13),
    ("Woensel-Zuid", 0.17),
    ("Woensel-Noord", 0.22),
    ("Strijp", 0.12),
    ("Gestel", 0.11),
];
/// The month (index from 2019-01) where one stadsdeel is 4 short of the total: 2022-03.
const WIJK_GAP_MONTH: usize = 3 * 12 + 2;
const WIJK_GAP_NAME: &str = "Woensel-Noord";
const WIJK_GAP: i64 = 4;

/// Month index (from 2019-01) of the missing jeugd provider report: 2023-07.
const MISSING_JEUGD_AANBIEDERS: usize = 4 * 12 + 6;
/// First month (index from 2019-01) reported by providers in thousands of euros: 2022-01.
const THOUSANDS_FROM: usize = 3 * 12;
/// First half-year (index from 2019-H1) in which CBS counts the new jeugd providers: 2021-H1.
const CBS_NEW_PROVIDERS_FROM: usize = 4;

/// Instroom seasonality by calendar month: dip in July/August, peaks in September and January.
const SEASON_IN: [f64; 12] = [
    1.10, 1.02, 1.04, 0.98, 0.98, 0.97, 0.82, 0.78, 1.16, 1.07, 1.05, 0.93,
];
/// Uitstroom seasonality (multiplies the monthly exit rate): end of school year and year end.
const SEASON_OUT: [f64; 12] = [
    0.95, 0.97, 1.00, 1.00, 1.00, 1.05, 1.12, 0.85, 0.98, 1.00, 1.00, 1.10,
];

/// Parameters of one synthetic domain.
struct DomainSpec {
    id: &'static str,
    /// Unit of the client counts.
    eenheid: &'static str,
    /// True (provider-side) monthly instroom at 2019 level, before seasonality.
    in_base: f64,
    /// Instroom level per year 2018..=2025 relative to 2019 (interpolated between mid-years).
    level: [f64; 8],
    /// True stock the flows settle around at the 2019 level.
    stand_target: f64,
    /// How strongly the seasonal pattern applies (1 = fully, 0 = flat).
    season_weight: f64,
    /// Euro per client per month at 2019 prices.
    cost_per_client: f64,
    /// Price level per year 2019..=2024 (tariff indexation, minimum wage).
    price: [f64; YEARS],
    /// Kosten seasonality by calendar month.
    cost_season: [f64; 12],
    /// Budget as a fraction of realised kosten, drawn per year from this range.
    budget_ratio: (f64, f64),
    /// CBS counts from the providers (true) rather than the municipality's registration.
    cbs_from_providers: bool,
}

fn domains() -> [DomainSpec; 3] {
    let care_costs = [
        1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 0.96, 0.93, 1.00, 1.01, 1.00, 1.06,
    ];
    [
        DomainSpec {
            id: "jeugd",
            eenheid: "cliënten",
            in_base: 365.0,
            level: [0.98, 1.00, 1.01, 1.03, 1.04, 1.06, 1.07, 1.08],
            stand_target: 9400.0,
            season_weight: 1.0,
            cost_per_client: 925.0,
            price: [1.00, 1.025, 1.045, 1.08, 1.15, 1.19],
            cost_season: care_costs,
            // Youth care is structurally over budget.
            budget_ratio: (0.87, 0.94),
            cbs_from_providers: true,
        },
        DomainSpec {
            id: "wmo",
            eenheid: "cliënten",
            in_base: 465.0,
            level: [0.95, 1.00, 1.03, 1.06, 1.08, 1.11, 1.13, 1.15],
            stand_target: 14500.0,
            season_weight: 0.7,
            cost_per_client: 380.0,
            price: [1.00, 1.025, 1.045, 1.08, 1.15, 1.19],
            cost_season: care_costs,
            budget_ratio: (0.96, 1.03),
            cbs_from_providers: false,
        },
        DomainSpec {
            id: "participatie",
            eenheid: "personen",
            in_base: 190.0,
            level: [1.03, 1.00, 0.97, 0.93, 0.90, 0.95, 0.98, 1.00],
            stand_target: 6200.0,
            season_weight: 0.5,
            cost_per_client: 1070.0,
            // Bijstand norms follow the minimum wage (+10.15% on 2023-01-01).
            price: [1.00, 1.015, 1.03, 1.05, 1.16, 1.20],
            // Vakantietoeslag is paid out in May.
            cost_season: [
                0.99, 0.99, 1.00, 1.00, 1.48, 1.00, 1.00, 0.99, 1.00, 1.00, 1.00, 1.01,
            ],
            budget_ratio: (0.98, 1.04),
            cbs_from_providers: false,
        },
    ]
}

/// Random draws. Only `random::<f64>()` and `random_range` of rand 0.9 on ChaCha8, plus IEEE-exact
/// arithmetic, so the output is the same on every platform.
struct Draw {
    rng: ChaCha8Rng,
}

impl Draw {
    fn new() -> Draw {
        Draw {
            rng: ChaCha8Rng::seed_from_u64(SEED),
        }
    }

    /// Approximately standard normal (Irwin-Hall: sum of 12 uniforms minus 6).
    fn normal(&mut self) -> f64 {
        let mut s = 0.0;
        for _ in 0..12 {
            s += self.rng.random::<f64>();
        }
        s - 6.0
    }

    fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        self.rng.random_range(lo..hi)
    }

    /// A count around `mean` with Poisson-like spread.
    fn count(&mut self, mean: f64) -> i64 {
        let mean = mean.max(0.0);
        (mean + mean.sqrt() * self.normal()).round().max(0.0) as i64
    }
}

/// Calendar month index 0..12 of simulation step `s` (step 0 = 2018-01).
fn calendar_month(s: usize) -> usize {
    s % 12
}

/// Instroom level at step `s`, interpolated linearly between the middles of the years.
fn level_at(spec: &DomainSpec, s: usize) -> f64 {
    // Years in `level` start at 2018 = step 0; the middle of year i is at step 12 i + 5.5.
    let x = (s as f64 - 5.5) / 12.0;
    if x <= 0.0 {
        return spec.level[0];
    }
    let i = x.floor() as usize;
    if i + 1 >= spec.level.len() {
        return spec.level[spec.level.len() - 1];
    }
    let frac = x - i as f64;
    spec.level[i] + (spec.level[i + 1] - spec.level[i]) * frac
}

fn blend(weight: f64, factor: f64) -> f64 {
    1.0 + weight * (factor - 1.0)
}

/// Month index from 2019-01 of a calendar month.
const fn m(year: i32, month: usize) -> usize {
    (year - FIRST_YEAR) as usize * 12 + month - 1
}

/// Corona effect on instroom in month `t` (index from 2019-01).
fn corona_in(domain: &str, t: usize) -> f64 {
    if domain == "participatie" {
        // Bijstand pressure (alongside Tozo) from April to September 2020.
        match t {
            x if x == m(2020, 3) => 1.05,
            x if x == m(2020, 4) => 1.35,
            x if x == m(2020, 5) => 1.40,
            x if x == m(2020, 6) => 1.32,
            x if x == m(2020, 7) => 1.25,
            x if x == m(2020, 8) => 1.18,
            x if x == m(2020, 9) => 1.10,
            _ => 1.0,
        }
    } else {
        match t {
            x if x == m(2020, 3) => 0.74,
            x if x == m(2020, 4) => 0.66,
            x if x == m(2020, 5) => 0.68,
            x if x == m(2020, 6) => 0.73,
            x if x == m(2020, 7) => 0.86,
            x if x == m(2020, 8) => 0.93,
            x if x == m(2020, 9) => 0.98,
            _ => 1.0,
        }
    }
}

/// Effects on the monthly exit rate: fewer exits to work in bijstand during corona; fewer jeugd
/// exits while the youth-protection institution had an instroomstop (2021-06-21..2021-12-15).
fn exit_effect(domain: &str, t: usize) -> f64 {
    match domain {
        "participatie" if (m(2020, 4)..=m(2020, 12)).contains(&t) => 0.85,
        "jeugd" if t == m(2021, 6) || t == m(2021, 12) => 0.97,
        "jeugd" if (m(2021, 7)..=m(2021, 11)).contains(&t) => 0.94,
        _ => 1.0,
    }
}

/// One simulated domain: everything indexed by step (0 = 2018-01), `WARMUP + MONTHS` steps.
struct Simulated {
    a_in: Vec<i64>,
    a_out: Vec<i64>,
    /// True stock at month end.
    a_stand: Vec<i64>,
    /// Stock as the providers report it (other peildatum: a small residual).
    a_stand_reported: Vec<i64>,
    /// Kosten as the providers report them (euro).
    a_kosten: Vec<f64>,
    g_in: Vec<i64>,
    g_out: Vec<i64>,
    g_stand: Vec<i64>,
    g_kosten: Vec<i64>,
}

fn simulate(spec: &DomainSpec, d: &mut Draw) -> Simulated {
    let steps = WARMUP + MONTHS;
    let hazard = spec.in_base / spec.stand_target;
    // Registration lags the beschikking and misses 3-8% of the providers' intakes.
    let reg_gap = d.uniform(1.035, 1.07);
    let mut s = Simulated {
        a_in: Vec::with_capacity(steps),
        a_out: Vec::with_capacity(steps),
        a_stand: Vec::with_capacity(steps),
        a_stand_reported: Vec::with_capacity(steps),
        a_kosten: Vec::with_capacity(steps),
        g_in: Vec::with_capacity(steps),
        g_out: Vec::with_capacity(steps),
        g_stand: Vec::with_capacity(steps),
        g_kosten: Vec::with_capacity(steps),
    };
    let mut a_prev = (spec.stand_target * 0.99).round() as i64;
    let mut g_prev = (a_prev as f64 / 1.055).round() as i64;
    for step in 0..steps {
        let cal = calendar_month(step);
        let t = step.checked_sub(WARMUP);
        let corona = t.map_or(1.0, |t| corona_in(spec.id, t));
        let exit = t.map_or(1.0, |t| exit_effect(spec.id, t));

        let mean_in = spec.in_base
            * level_at(spec, step)
            * blend(spec.season_weight, SEASON_IN[cal])
            * corona;
        let a_in = d.count(mean_in);
        let mean_out = a_prev as f64 * hazard * blend(spec.season_weight, SEASON_OUT[cal]) * exit;
        let a_out = d.count(mean_out);
        let a_stand = a_prev + a_in - a_out;
        let residual = (a_stand as f64 * 0.002 * d.normal()).round() as i64;

        let year = (step / 12).saturating_sub(1).min(YEARS - 1);
        let a_kosten = a_stand as f64
            * spec.cost_per_client
            * spec.price[year]
            * spec.cost_season[cal]
            * (1.0 + 0.015 * d.normal());

        // The municipality registers at the beschikking: mostly the previous month's intakes.
        let (in_prev, out_prev, k_prev) = match step {
            0 => (a_in, a_out, a_kosten),
            _ => (s.a_in[step - 1], s.a_out[step - 1], s.a_kosten[step - 1]),
        };
        let stand_prev_a = match step {
            0 => a_prev,
            _ => s.a_stand[step - 1],
        };
        let g_in = ((0.3 * a_in as f64 + 0.7 * in_prev as f64) / reg_gap
            * (1.0 + 0.012 * d.normal()))
        .round()
        .max(0.0) as i64;
        let g_out = ((0.3 * a_out as f64 + 0.7 * out_prev as f64) * g_prev as f64
            / stand_prev_a as f64
            * (1.0 + 0.015 * d.normal()))
        .round()
        .max(0.0) as i64;
        let g_stand = g_prev + g_in - g_out;
        // Payments follow the declarations: half in the month, half a month later.
        let g_kosten =
            ((0.5 * a_kosten + 0.5 * k_prev) * (1.0 + 0.008 * d.normal())).round() as i64;

        s.a_in.push(a_in);
        s.a_out.push(a_out);
        s.a_stand.push(a_stand);
        s.a_stand_reported.push(a_stand + residual);
        s.a_kosten.push(a_kosten);
        s.g_in.push(g_in);
        s.g_out.push(g_out);
        s.g_stand.push(g_stand);
        s.g_kosten.push(g_kosten);
        a_prev = a_stand;
        g_prev = g_stand;
    }
    s
}

/// A row of `reeksen.csv` with named fields; empty strings are empty cells.
#[derive(Default)]
struct Row {
    periode: String,
    domein: String,
    indicator: String,
    bron: String,
    waarde: String,
    eenheid: String,
    regio: String,
    wijk: String,
    aanbieder: String,
    status: String,
    opmerking: String,
}

impl Row {
    fn fields(&self) -> [&str; 11] {
        [
            &self.periode,
            &self.domein,
            &self.indicator,
            &self.bron,
            &self.waarde,
            &self.eenheid,
            &self.regio,
            &self.wijk,
            &self.aanbieder,
            &self.status,
            &self.opmerking,
        ]
    }
}

/// Quotes a field when RFC 4180 requires it.
fn csv_field(out: &mut String, field: &str) {
    if field.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

fn write_record(out: &mut String, fields: &[&str]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        csv_field(out, f);
    }
    out.push('\n');
}

/// Splits RFC 4180 text into records of fields (quoted fields, doubled quotes, CRLF or LF).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut in_quotes = false;
    let mut chars = text.chars().peekable();
    let mut dirty = false;
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' => {
                in_quotes = true;
                dirty = true;
            }
            ',' => {
                record.push(std::mem::take(&mut field));
                dirty = true;
            }
            '\r' => {}
            '\n' => {
                if dirty || !field.is_empty() {
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                }
                dirty = false;
            }
            _ => {
                field.push(c);
                dirty = true;
            }
        }
    }
    if dirty || !field.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

/// The real rows: every `*.csv` in `real_dir` in file-name order, mapped onto [`COLUMNS`].
fn real_rows(real_dir: &Path, out: &mut String) {
    let mut files: Vec<_> = std::fs::read_dir(real_dir)
        .unwrap_or_else(|e| panic!("{}: {e}", real_dir.display()))
        .map(|e| e.expect("map met echte cijfers leesbaar").path())
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "geen CSV in {}", real_dir.display());
    for file in files {
        let text =
            std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let mut records = parse_csv(&text).into_iter();
        let header = records
            .next()
            .unwrap_or_else(|| panic!("{}: geen kopregel", file.display()));
        let map: Vec<usize> = header
            .iter()
            .map(|h| {
                COLUMNS
                    .iter()
                    .position(|c| *c == h.trim())
                    .unwrap_or_else(|| panic!("{}: onbekende kolom '{h}'", file.display()))
            })
            .collect();
        for (n, rec) in records.enumerate() {
            assert_eq!(
                rec.len(),
                header.len(),
                "{}: record {} heeft {} velden",
                file.display(),
                n + 2,
                rec.len()
            );
            let mut fields = [""; 11];
            for (value, &col) in rec.iter().zip(&map) {
                fields[col] = value;
            }
            write_record(out, &fields);
        }
    }
}

fn month_code(t: usize) -> String {
    format!("{}-{:02}", FIRST_YEAR + (t / 12) as i32, t % 12 + 1)
}

fn half_code(h: usize) -> String {
    format!("{}-H{}", FIRST_YEAR + (h / 2) as i32, h % 2 + 1)
}

fn round_to(v: f64, base: f64) -> i64 {
    ((v / base).round() * base) as i64
}

/// Collects synthetic rows, marking the first row of every series as synthetic.
struct Writer {
    out: String,
}

impl Writer {
    fn series(
        &mut self,
        domein: &str,
        indicator: &str,
        bron: &str,
        wijk: &str,
        points: impl IntoIterator<Item = Point>,
    ) {
        let mut first = true;
        for p in points {
            let mut notes = Vec::new();
            if first {
                notes.push("synthetisch");
            }
            if let Some(n) = p.note {
                notes.push(n);
            }
            first = false;
            let row = Row {
                periode: p.periode,
                domein: domein.to_string(),
                indicator: indicator.to_string(),
                bron: bron.to_string(),
                waarde: p.waarde,
                eenheid: p.eenheid.to_string(),
                regio: REGIO.to_string(),
                wijk: wijk.to_string(),
                aanbieder: String::new(),
                status: p.status.to_string(),
                opmerking: notes.join("; "),
            };
            write_record(&mut self.out, &row.fields());
        }
    }
}

struct Point {
    periode: String,
    waarde: String,
    eenheid: &'static str,
    status: &'static str,
    note: Option<&'static str>,
}

impl Point {
    fn new(periode: String, waarde: impl ToString, eenheid: &'static str) -> Point {
        Point {
            periode,
            waarde: waarde.to_string(),
            eenheid,
            status: "definitief",
            note: None,
        }
    }

    fn status(mut self, status: &'static str) -> Point {
        self.status = status;
        self
    }

    fn note(mut self, note: Option<&'static str>) -> Point {
        self.note = note;
        self
    }
}

/// Splits `total` over the stadsdelen with the given weights (largest remainder, ties by order).
fn apportion(total: i64, weights: &[f64]) -> Vec<i64> {
    let sum: f64 = weights.iter().sum();
    let quotas: Vec<f64> = weights.iter().map(|w| total as f64 * w / sum).collect();
    let mut parts: Vec<i64> = quotas.iter().map(|q| q.floor() as i64).collect();
    let mut rest = total - parts.iter().sum::<i64>();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| {
        let fa = quotas[a] - quotas[a].floor();
        let fb = quotas[b] - quotas[b].floor();
        fb.total_cmp(&fa).then(a.cmp(&b))
    });
    for &i in order.iter().cycle() {
        if rest <= 0 {
            break;
        }
        parts[i] += 1;
        rest -= 1;
    }
    parts
}

/// The synthetic part, in a fixed order: per domain the municipality, providers, CBS and budget
/// series, then the jeugd instroom per stadsdeel.
fn synthetic_rows(out: &mut String) {
    let mut d = Draw::new();
    let mut w = Writer { out: String::new() };
    let mut jeugd_g_in = Vec::new();
    for spec in domains() {
        let sim = simulate(&spec, &mut d);
        let months = || (0..MONTHS).map(|t| (t, t + WARMUP));
        let eenheid = spec.eenheid;

        // gemeente-registratie
        w.series(
            spec.id,
            "instroom",
            GEMEENTE,
            "",
            months().map(|(t, s)| Point::new(month_code(t), sim.g_in[s], eenheid)),
        );
        w.series(
            spec.id,
            "uitstroom",
            GEMEENTE,
            "",
            months().map(|(t, s)| Point::new(month_code(t), sim.g_out[s], eenheid)),
        );
        w.series(
            spec.id,
            "stand",
            GEMEENTE,
            "",
            months().map(|(t, s)| Point::new(month_code(t), sim.g_stand[s], eenheid)),
        );
        w.series(
            spec.id,
            "kosten",
            GEMEENTE,
            "",
            months().map(|(t, s)| Point::new(month_code(t), sim.g_kosten[s], "euro")),
        );

        // aanbieders-maandrapportage
        let reported = |t: usize| !(spec.id == "jeugd" && t == MISSING_JEUGD_AANBIEDERS);
        w.series(
            spec.id,
            "instroom",
            AANBIEDERS,
            "",
            months()
                .filter(|&(t, _)| reported(t))
                .map(|(t, s)| Point::new(month_code(t), sim.a_in[s], eenheid)),
        );
        w.series(
            spec.id,
            "uitstroom",
            AANBIEDERS,
            "",
            months()
                .filter(|&(t, _)| reported(t))
                .map(|(t, s)| Point::new(month_code(t), sim.a_out[s], eenheid)),
        );
        w.series(
            spec.id,
            "stand",
            AANBIEDERS,
            "",
            months()
                .filter(|&(t, _)| reported(t))
                .map(|(t, s)| Point::new(month_code(t), sim.a_stand_reported[s], eenheid)),
        );
        w.series(
            spec.id,
            "kosten",
            AANBIEDERS,
            "",
            months().filter(|&(t, _)| reported(t)).map(|(t, s)| {
                let k = sim.a_kosten[s];
                if t < THOUSANDS_FROM {
                    Point::new(month_code(t), k.round() as i64, "euro")
                } else {
                    let note = (t == THOUSANDS_FROM).then_some("vanaf 2022-01 in x 1.000 euro");
                    Point::new(month_code(t), (k / 1000.0).round() as i64, "x 1.000 euro")
                        .note(note)
                }
            }),
        );

        // cbs-beleidsinformatie: half-years, rounded to 5
        let mut cbs_in = Vec::new();
        let mut cbs_out = Vec::new();
        let mut cbs_stand = Vec::new();
        for h in 0..YEARS * 2 {
            let steps = (h * 6 + WARMUP)..(h * 6 + 6 + WARMUP);
            let last = h * 6 + 5 + WARMUP;
            let (ins, outs, stand) = if spec.cbs_from_providers {
                (
                    steps.clone().map(|s| sim.a_in[s]).sum::<i64>(),
                    steps.map(|s| sim.a_out[s]).sum::<i64>(),
                    sim.a_stand[last],
                )
            } else {
                (
                    steps.clone().map(|s| sim.g_in[s]).sum::<i64>(),
                    steps.map(|s| sim.g_out[s]).sum::<i64>(),
                    sim.g_stand[last],
                )
            };
            let coverage = match (spec.cbs_from_providers, h >= CBS_NEW_PROVIDERS_FROM) {
                (true, false) => 0.95,
                (true, true) => 1.005,
                (false, _) => 1.0,
            };
            // Persons starting twice in a half-year count once at CBS.
            let f_in = coverage * d.uniform(0.97, 1.0);
            let f_out = coverage * d.uniform(0.97, 1.0);
            let f_stand = coverage * d.uniform(0.99, 1.01);
            let status = if h == YEARS * 2 - 1 {
                "voorlopig"
            } else {
                "definitief"
            };
            let note = (spec.cbs_from_providers && h == CBS_NEW_PROVIDERS_FROM)
                .then_some("vanaf 2021 telt CBS nieuwe jeugdhulpaanbieders mee");
            cbs_in.push(
                Point::new(half_code(h), round_to(ins as f64 * f_in, 5.0), eenheid)
                    .status(status)
                    .note(note),
            );
            let suppressed = spec.id == "wmo" && h == 0;
            let out_value = if suppressed {
                ".".to_string()
            } else {
                round_to(outs as f64 * f_out, 5.0).to_string()
            };
            cbs_out.push(
                Point::new(half_code(h), out_value, eenheid)
                    .status(status)
                    .note(if suppressed {
                        Some("'.' = onbekend (CBS)")
                    } else {
                        note
                    }),
            );
            cbs_stand.push(
                Point::new(half_code(h), round_to(stand as f64 * f_stand, 5.0), eenheid)
                    .status(status)
                    .note(note),
            );
        }
        w.series(spec.id, "instroom", CBS, "", cbs_in);
        w.series(spec.id, "uitstroom", CBS, "", cbs_out);
        w.series(spec.id, "stand", CBS, "", cbs_stand);

        // gemeente-begroting: yearly budget, rounded to thousands
        let mut budget = Vec::new();
        for y in 0..YEARS {
            let realised: i64 = (0..12).map(|i| sim.g_kosten[WARMUP + y * 12 + i]).sum();
            let mut ratio = d.uniform(spec.budget_ratio.0, spec.budget_ratio.1);
            if spec.id == "participatie" && y == 1 {
                // Corona was not foreseen in the 2020 budget.
                ratio *= 0.93;
            }
            budget.push(Point::new(
                (FIRST_YEAR + y as i32).to_string(),
                round_to(realised as f64 * ratio, 1000.0),
                "euro",
            ));
        }
        w.series(spec.id, "kosten_begroot", BEGROTING, "", budget);

        if spec.id == "jeugd" {
            jeugd_g_in = sim.g_in[WARMUP..].to_vec();
        }
    }

    // jeugd instroom per stadsdeel (gemeente-registratie, by the client's address)
    let mut per_wijk: Vec<Vec<i64>> = vec![Vec::with_capacity(MONTHS); STADSDELEN.len()];
    for (t, &total) in jeugd_g_in.iter().enumerate() {
        let weights: Vec<f64> = STADSDELEN
            .iter()
            .map(|&(_, share)| share * d.uniform(0.85, 1.15))
            .collect();
        let parts = apportion(total, &weights);
        for (i, p) in parts.into_iter().enumerate() {
            let gap = if t == WIJK_GAP_MONTH && STADSDELEN[i].0 == WIJK_GAP_NAME {
                WIJK_GAP
            } else {
                0
            };
            per_wijk[i].push(p - gap);
        }
    }
    for ((name, _), values) in STADSDELEN.iter().zip(&per_wijk) {
        w.series(
            "jeugd",
            "instroom",
            GEMEENTE,
            name,
            values
                .iter()
                .enumerate()
                .map(|(t, v)| Point::new(month_code(t), v, "cliënten")),
        );
    }
    out.push_str(&w.out);
}

/// A difference between or within the synthetic sources that this generator builds in on
/// purpose, with the kind duiden should name it by (the stable key of `MismatchKind`).
/// `tests/oracle.rs` checks each against the detection; keep this list in step with the
/// generator above.
pub struct BuiltIn {
    /// What the generator did, in a few words.
    pub what: &'static str,
    pub domein: &'static str,
    pub indicator: &'static str,
    /// The sources involved: two for a difference between sources, one within a source.
    pub bronnen: Vec<&'static str>,
    /// Period codes at the comparison's granularity where it must be named; empty: somewhere in
    /// the series.
    pub periodes: Vec<String>,
    pub soort: &'static str,
}

/// Every difference the synthetic part has on purpose, as [`BuiltIn`]s.
pub fn built_in_differences() -> Vec<BuiltIn> {
    let mut out = Vec::new();
    let b =
        |what, domein, indicator, bronnen: &[&'static str], periodes: Vec<String>, soort| BuiltIn {
            what,
            domein,
            indicator,
            bronnen: bronnen.to_vec(),
            periodes,
            soort,
        };
    for spec in domains() {
        let d = spec.id;
        for ind in ["instroom", "uitstroom"] {
            // g = (0.3 a[t] + 0.7 a[t-1]) / reg_gap: about a month behind the providers.
            out.push(b(
                "registratie loopt een maand achter",
                d,
                ind,
                &[GEMEENTE, AANBIEDERS],
                vec![],
                "vertraging",
            ));
        }
        // The registration does not count the intake before the beschikking (reg_gap: 3.5-7%
        // fewer intakes; its stand starts 5.5% lower and is built from them): another
        // population, declared as `populatie` in dataset.toml.
        for ind in ["instroom", "uitstroom", "stand"] {
            out.push(b(
                "registratie telt zonder de intake vóór de beschikking",
                d,
                ind,
                &[GEMEENTE, AANBIEDERS],
                vec![],
                "definitie",
            ));
        }
        // CBS counts Wmo and bijstand from the registration, so the same population difference
        // against the providers (participatie stand stays within the threshold).
        if !spec.cbs_from_providers {
            let inds: &[&str] = if d == "wmo" {
                &["instroom", "uitstroom", "stand"]
            } else {
                &["instroom", "uitstroom"]
            };
            for ind in inds {
                out.push(b(
                    "CBS telt Wmo en bijstand uit de registratie",
                    d,
                    ind,
                    &[AANBIEDERS, CBS],
                    vec![],
                    "definitie",
                ));
            }
        }
        // Providers report in x 1.000 euro from THOUSANDS_FROM on.
        let from = month_code(THOUSANDS_FROM);
        out.push(b(
            "aanbieders vanaf 2022-01 in x 1.000 euro",
            d,
            "kosten",
            &[AANBIEDERS],
            vec![from.clone()],
            "eenheid",
        ));
        out.push(b(
            "kosten in euro tegen x 1.000 euro",
            d,
            "kosten",
            &[GEMEENTE, AANBIEDERS],
            vec![from],
            "eenheid",
        ));
        // The providers' stand has its own peildatum: a small residual on the identity.
        out.push(b(
            "stand aanbieders met eigen peildatum",
            d,
            "stand",
            &[AANBIEDERS],
            vec![],
            "stand-stroom",
        ));
        let years: Vec<String> = (0..YEARS)
            .map(|y| (FIRST_YEAR + y as i32).to_string())
            .collect();
        // The budget is a drawn fraction of the realised kosten, every year.
        out.push(b(
            "begroting tegen realisatie",
            d,
            "kosten",
            &[BEGROTING, GEMEENTE],
            years.clone(),
            "begroot-gerealiseerd",
        ));
    }
    let missing = month_code(MISSING_JEUGD_AANBIEDERS);
    for ind in ["instroom", "uitstroom", "stand", "kosten"] {
        out.push(b(
            "jeugdrapportage aanbieders 2023-07 ontbreekt",
            "jeugd",
            ind,
            &[GEMEENTE, AANBIEDERS],
            vec![missing.clone()],
            "ontbrekende-periode",
        ));
    }
    out.push(b(
        "CBS wmo uitstroom 2019-H1 onbekend ('.')",
        "wmo",
        "uitstroom",
        &[AANBIEDERS, CBS],
        vec![half_code(0)],
        "ontbrekende-periode",
    ));
    let new_providers = half_code(CBS_NEW_PROVIDERS_FROM);
    for ind in ["instroom", "uitstroom", "stand"] {
        // A difference within the threshold is no flag, break or not: in uitstroom the
        // registration's own shortfall brings 2021-H1 to 4,96% (named from 2021-H2 on).
        let periodes = match ind {
            "uitstroom" => vec![],
            _ => vec![new_providers.clone()],
        };
        out.push(b(
            "CBS telt vanaf 2021-H1 nieuwe jeugdaanbieders mee",
            "jeugd",
            ind,
            &[GEMEENTE, CBS],
            periodes,
            "trendbreuk",
        ));
    }
    out.push(b(
        "stadsdeel 4 te weinig in 2022-03",
        "jeugd",
        "instroom",
        &[GEMEENTE],
        vec![month_code(WIJK_GAP_MONTH)],
        "delen-niet-totaal",
    ));
    out
}

/// The full text of `reeksen.csv`: header, the real rows from `real_dir`, the synthetic rows.
pub fn generate(real_dir: &Path) -> String {
    let mut out = String::new();
    write_record(&mut out, &COLUMNS);
    real_rows(real_dir, &mut out);
    synthetic_rows(&mut out);
    out
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld");
    let text = generate(&dir.join("echt"));
    let target = dir.join("reeksen.csv");
    std::fs::write(&target, &text).unwrap_or_else(|e| panic!("{}: {e}", target.display()));
    println!(
        "{}: {} rijen geschreven",
        target.display(),
        text.lines().count() - 1
    );
}
