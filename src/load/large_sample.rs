//! A large generated long-format dataset (many gemeenten × indicators × bronnen × months), for the
//! load bench and for trying the interface on realistic volumes: `cargo run --example
//! genereer_groot`. Deterministic: the same spec always writes the same bytes.

use std::io::{self, BufWriter, Write};
use std::path::Path;

/// How big the dataset is.
#[derive(Debug, Clone, Copy)]
pub struct LargeSpec {
    pub gemeenten: usize,
    /// Wijken per gemeente, each a series beside the gemeente's total.
    pub wijken: usize,
    /// Months from January 2015.
    pub months: usize,
}

impl Default for LargeSpec {
    /// 50 gemeenten × 12 indicatoren × 3 bronnen × 120 months, each as a total and for 9 wijken:
    /// 2.16 million rows (~160 MB), the size issue 13 measured.
    fn default() -> Self {
        LargeSpec {
            gemeenten: 50,
            wijken: 9,
            months: 120,
        }
    }
}

/// The twelve indicators: four per domein, as in the sample's `dataset.toml`.
const INDICATORS: [(&str, &str, &str); 12] = [
    ("jeugd", "instroom", "cliënten"),
    ("jeugd", "uitstroom", "cliënten"),
    ("jeugd", "stand", "cliënten"),
    ("jeugd", "kosten", "euro"),
    ("wmo", "instroom", "cliënten"),
    ("wmo", "uitstroom", "cliënten"),
    ("wmo", "stand", "cliënten"),
    ("wmo", "kosten", "euro"),
    ("participatie", "instroom", "personen"),
    ("participatie", "uitstroom", "personen"),
    ("participatie", "stand", "personen"),
    ("participatie", "kosten", "euro"),
];

/// Three monthly bronnen: (id, naam, vertraging).
const SOURCES: [(&str, &str, &str); 3] = [
    (
        "gemeente-registratie",
        "Gemeente: registratie (gegenereerd)",
        "1 maand",
    ),
    (
        "aanbieders-maandrapportage",
        "Aanbieders: maandrapportage (gegenereerd)",
        "0 maanden",
    ),
    (
        "cbs-maandcijfers",
        "CBS: maandcijfers (gegenereerd)",
        "1 maand",
    ),
];

/// `dataset.toml` for the generated data.
fn meta_text() -> String {
    let mut t = String::from(
        "titel = \"Groot gegenereerd bestand\"\nbeschrijving = \"Gegenereerd door duiden \
         (examples/genereer_groot.rs) om laden en schermen op grote aantallen te meten.\"\n",
    );
    for (id, naam, lag) in SOURCES {
        t.push_str(&format!(
            "\n[[bronnen]]\nid = \"{id}\"\nnaam = \"{naam}\"\nritme = \"maand\"\n\
             vertraging = \"{lag}\"\nsynthetisch = true\n"
        ));
    }
    for (domein, id, unit) in INDICATORS {
        let soort = if id == "stand" { "stand" } else { "stroom" };
        t.push_str(&format!(
            "\n[[indicatoren]]\ndomein = \"{domein}\"\nid = \"{id}\"\nnaam = \"{id}\"\n\
             soort = \"{soort}\"\neenheid = \"{unit}\"\n"
        ));
    }
    t
}

/// Instroom, uitstroom, stand and kosten per month that add up (stand = previous stand +
/// instroom - uitstroom), with a season and a little noise.
fn flows(base: f64, months: usize, noise: &mut impl FnMut() -> f64) -> Vec<[f64; 4]> {
    let mut stand = base.round();
    (0..months)
        .map(|m| {
            let season = (m as f64 / 12.0 * std::f64::consts::TAU).cos();
            let instroom = (stand * 0.05 * (1.0 + 0.2 * season + 0.05 * noise())).round();
            let uitstroom = (stand * 0.05 * (1.0 - 0.1 * season + 0.05 * noise())).round();
            stand += instroom - uitstroom;
            let kosten = (stand * 1000.0 * (1.0 + 0.01 * noise())).round();
            [instroom, uitstroom, stand, kosten]
        })
        .collect()
}

/// The gemeente code of the `r`-th gemeente.
pub fn gemeente_code(r: usize) -> String {
    format!("GM{:04}", 100 + r * 7)
}

/// Writes `reeksen.csv` and its `dataset.toml` into `dir`. Returns the number of rows written.
pub fn write_large(dir: &Path, spec: LargeSpec) -> io::Result<usize> {
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join(super::META_FILE), meta_text())?;
    let file = std::fs::File::create(dir.join(super::DATA_FILE))?;
    let mut out = BufWriter::with_capacity(1 << 20, file);
    writeln!(
        out,
        "periode,domein,indicator,bron,waarde,eenheid,regio,wijk,aanbieder,status,opmerking"
    )?;
    let mut rows = 0;
    // A small linear congruential generator: reproducible without a dependency. Gives -1..1.
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut noise = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) % 2001) as f64 / 1000.0 - 1.0
    };
    for g in 0..spec.gemeenten {
        let code = gemeente_code(g);
        for (d, domein) in ["jeugd", "wmo", "participatie"].into_iter().enumerate() {
            let base = (2000 + (g * 37 + d * 101) % 9000) as f64;
            let total = flows(base, spec.months, &mut noise);
            // Wijken take fixed shares of the total, so that they add up to it (up to rounding).
            let weights: Vec<f64> = (0..spec.wijken).map(|k| (k + 5) as f64).collect();
            let weight_sum: f64 = weights.iter().sum();
            for w in 0..=spec.wijken {
                let wijk = if w == 0 {
                    String::new()
                } else {
                    format!("wijk {w:02}")
                };
                let share = if w == 0 {
                    1.0
                } else {
                    weights[w - 1] / weight_sum
                };
                let truth: Vec<[f64; 4]> =
                    (total.iter()).map(|row| row.map(|v| v * share)).collect();
                for (i, (_, indicator, unit)) in (INDICATORS.iter().enumerate())
                    .filter(|(_, (dom, _, _))| *dom == domein)
                    .map(|(i, x)| (i % 4, x))
                {
                    // Registratie as is, aanbieders 3% more, CBS a month later: named,
                    // explained differences, as between real sources.
                    for (s, (bron, _, _)) in SOURCES.iter().enumerate() {
                        for m in 0..spec.months {
                            let (year, month) = (2015 + m / 12, m % 12 + 1);
                            let at = if s == 2 { m.saturating_sub(1) } else { m };
                            let factor = if s == 1 { 1.03 } else { 1.0 };
                            let value = (truth[at][i] * factor).round();
                            let status = if m + 3 >= spec.months && s == 2 {
                                "voorlopig"
                            } else {
                                "definitief"
                            };
                            writeln!(
                                out,
                                "{year}-{month:02},{domein},{indicator},{bron},{value},{unit},{code},{wijk},,{status},"
                            )?;
                            rows += 1;
                        }
                    }
                }
            }
        }
    }
    out.flush()?;
    Ok(rows)
}
