//! The named differences between sources, for `duiden verschillen`.

use super::{Format, describe_detail};
use crate::analysis::mismatch::Mismatch;
use crate::model::number::{format_auto, format_pct};
use serde::Serialize;
use std::fmt::Write;

/// One difference as scripts read it: plain numbers, machine period codes.
#[derive(Serialize)]
struct Row<'a> {
    soort: &'a str,
    domein: &'a str,
    indicator: &'a str,
    uitsplitsing: String,
    periode: String,
    bronnen: &'a [String],
    referentie: Option<&'a str>,
    waarden: Vec<Waarde<'a>>,
    verschil: Option<f64>,
    verschil_relatief: Option<f64>,
    toelichting: String,
}

#[derive(Serialize)]
struct Waarde<'a> {
    bron: &'a str,
    waarde: Option<f64>,
}

fn row(m: &Mismatch) -> Row<'_> {
    Row {
        soort: m.kind.dutch(),
        domein: &m.domein,
        indicator: &m.indicator,
        uitsplitsing: m.breakdown.to_string(),
        periode: m.period.code(),
        bronnen: &m.sources,
        referentie: m.reference.as_deref(),
        waarden: m
            .values
            .iter()
            .map(|(bron, waarde)| Waarde {
                bron,
                waarde: *waarde,
            })
            .collect(),
        verschil: m.diff,
        verschil_relatief: m.rel_diff,
        toelichting: describe_detail(&m.detail),
    }
}

pub fn mismatches(found: &[Mismatch], format: Format) -> String {
    match format {
        Format::Json => {
            let rows: Vec<Row> = found.iter().map(row).collect();
            let mut s = serde_json::to_string_pretty(&rows).unwrap_or_else(|_| "[]".into());
            s.push('\n');
            s
        }
        Format::Csv(sep) => {
            let mut out = sep.start().to_string();
            out.push_str(&sep.line(&[
                "soort",
                "domein",
                "indicator",
                "uitsplitsing",
                "periode",
                "bronnen",
                "referentie",
                "verschil",
                "verschil_relatief",
                "toelichting",
            ]));
            for m in found {
                out.push_str(
                    &sep.line(&[
                        m.kind.dutch().to_string(),
                        m.domein.clone(),
                        m.indicator.clone(),
                        m.breakdown.to_string(),
                        m.period.code(),
                        m.sources.join(";"),
                        m.reference.clone().unwrap_or_default(),
                        m.diff.map_or(String::new(), |v| sep.decimal(v.to_string())),
                        m.rel_diff
                            .map_or(String::new(), |v| sep.decimal(format!("{v:.4}"))),
                        describe_detail(&m.detail),
                    ]),
                );
            }
            out
        }
        Format::Text => {
            let mut out = String::new();
            for m in found {
                let _ = writeln!(
                    out,
                    "{:<21} {}/{}{} {} {}{}",
                    super::detail::kind_label(m.kind, Some(&m.detail)),
                    m.domein,
                    m.indicator,
                    // The regio (and wijk or aanbieder): with several gemeenten the line is
                    // otherwise the same for each of them.
                    match m.breakdown.is_empty() {
                        true => String::new(),
                        false => format!(" ({})", m.breakdown),
                    },
                    m.period.dutch_long(),
                    m.diff.map_or(String::new(), |d| format!(
                        "Δ {}{} ",
                        plus(d),
                        format_auto(d, 2)
                    )),
                    m.rel_diff
                        .map_or(String::new(), |r| format!("({})", format_pct(r))),
                );
                let _ = writeln!(out, "    {}", describe_detail(&m.detail));
            }
            // The count line is the caller's: it is said in the interface's language.
            out
        }
    }
}

/// "+" before a positive difference: a difference always shows its sign.
fn plus(d: f64) -> &'static str {
    if d > 0.0 { "+" } else { "" }
}
