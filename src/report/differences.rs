//! The named differences between sources, for `duiden verschillen`.

use super::privacy::{self, SUPPRESSED_NOTE, ShownMismatch};
use super::{Format, describe_detail};
use crate::analysis::mismatch::{Detail, Mismatch};
use crate::model::DatasetMeta;
use crate::model::disclosure::{Disclosure, Shown};
use crate::model::number::{format_auto, format_pct};
use serde::Serialize;

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
    /// The unit of `verschil`: the reference's, after conversion for a unit difference.
    eenheid: Option<&'a str>,
    verschil_relatief: Option<f64>,
    toelichting: String,
}

#[derive(Serialize)]
struct Waarde<'a> {
    bron: &'a str,
    waarde: Option<f64>,
    /// "<10" for a small count from records, "x" for a figure that would reveal one.
    #[serde(skip_serializing_if = "Option::is_none")]
    onderdrukt: Option<String>,
}

/// The explanation, or the sentence saying it is not shown.
fn explanation(m: &Mismatch, shown: &ShownMismatch) -> String {
    match shown.suppressed {
        true => SUPPRESSED_NOTE.to_string(),
        false => describe_detail(&m.detail),
    }
}

/// The unit `m.diff` is in: the reference's unit (per row when the rows give one, as a unit
/// difference's detail does), else the indicator's unit for the reference source; `None` when
/// the dataset gives none.
fn diff_unit<'a>(m: &'a Mismatch, meta: &'a DatasetMeta) -> Option<&'a str> {
    let unit = match &m.detail {
        Detail::Units(u) => u.reference_unit.as_str(),
        Detail::Budget(b) => b.unit.as_str(),
        _ => {
            let bron = m.reference.as_ref().or(m.sources.first());
            let indicator = meta.indicator(&m.domein, &m.indicator);
            indicator.map_or("", |i| bron.map_or(&i.eenheid, |b| i.unit_for(b)))
        }
    };
    (!unit.trim().is_empty()).then_some(unit)
}

fn row<'a>(m: &'a Mismatch, shown: &ShownMismatch, meta: &'a DatasetMeta) -> Row<'a> {
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
            .zip(&shown.values)
            .map(|((bron, _), (_, waarde))| Waarde {
                bron,
                waarde: waarde.and_then(Shown::value),
                onderdrukt: waarde
                    .filter(|w| w.is_suppressed())
                    .map(|w| w.text(|v| v.to_string())),
            })
            .collect(),
        verschil: shown.diff,
        eenheid: diff_unit(m, meta),
        verschil_relatief: shown.rel_diff,
        toelichting: explanation(m, shown),
    }
}

/// The differences as text, CSV or JSON, small counts of sources from records protected by
/// `rule` (see [`privacy`]); with `--kleine-aantallen` the output starts by saying so (in JSON
/// an object around the list: `kleine_aantallen` and `verschillen`).
pub fn mismatches(
    found: &[Mismatch],
    format: Format,
    rule: &Disclosure,
    meta: &DatasetMeta,
) -> String {
    let mut out = Vec::new();
    // Writing into memory cannot fail.
    let _ = write_mismatches(&mut out, found, format, rule, meta);
    String::from_utf8(out).unwrap_or_default()
}

/// [`mismatches`], written to `out` as it is made: a big dataset has hundreds of thousands of
/// differences, whose text need not be in memory all at once.
pub fn write_mismatches(
    out: &mut dyn std::io::Write,
    found: &[Mismatch],
    format: Format,
    rule: &Disclosure,
    meta: &DatasetMeta,
) -> std::io::Result<()> {
    let warning = privacy::shown_anyway_line(rule);
    match format {
        Format::Json => {
            let shown: Vec<ShownMismatch> =
                found.iter().map(|m| privacy::mismatch(m, rule)).collect();
            let rows: Vec<Row> = found
                .iter()
                .zip(&shown)
                .map(|(m, s)| row(m, s, meta))
                .collect();
            let json = match warning {
                Some(w) => serde_json::to_string_pretty(
                    &serde_json::json!({ "kleine_aantallen": w, "verschillen": rows }),
                ),
                None => serde_json::to_string_pretty(&rows),
            };
            out.write_all(json.unwrap_or_else(|_| "[]".into()).as_bytes())?;
            out.write_all(b"\n")
        }
        Format::Csv(sep) => {
            out.write_all(csv_header(sep, warning).as_bytes())?;
            in_chunks(out, found, |m| {
                csv_line(m, &privacy::mismatch(m, rule), sep, meta)
            })
        }
        Format::Text => {
            if let Some(w) = warning {
                writeln!(out, "{w}")?;
            }
            // The count line is the caller's: it is said in the interface's language.
            in_chunks(out, found, |m| {
                text_lines(m, &privacy::mismatch(m, rule), meta)
            })
        }
    }
}

/// `line` of every difference, made on all cores a batch at a time and written in order.
fn in_chunks(
    out: &mut dyn std::io::Write,
    found: &[Mismatch],
    line: impl Fn(&Mismatch) -> String + Sync,
) -> std::io::Result<()> {
    for batch in found.chunks(1 << 16) {
        let texts = crate::analysis::parallel::map_chunks(batch, 4096, |chunk| {
            let mut text = String::new();
            for m in chunk {
                text.push_str(&line(m));
            }
            text
        });
        for t in texts {
            out.write_all(t.as_bytes())?;
        }
    }
    Ok(())
}

/// One difference in the text format: a line with kind, place, period and size, and its
/// explanation indented below. The Δ carries its unit ("Δ +1.922,23 x 1.000 euro"): the
/// indicators of one list are in different units, and a unit difference's Δ is in the
/// reference's unit, not the indicator's.
fn text_lines(m: &Mismatch, shown: &ShownMismatch, meta: &DatasetMeta) -> String {
    format!(
        "{:<21} {}/{}{} {} {}{}\n    {}\n",
        super::detail::kind_label(m.kind, Some(&m.detail)),
        m.domein,
        m.indicator,
        // The regio (and wijk or aanbieder): with several gemeenten the line is otherwise the
        // same for each of them.
        match m.breakdown.is_empty() {
            true => String::new(),
            false => format!(" ({})", m.breakdown),
        },
        m.period.dutch_long(),
        shown.diff.map_or(String::new(), |d| format!(
            "Δ {}{}{} ",
            plus(d),
            format_auto(d, 2),
            diff_unit(m, meta).map_or(String::new(), |u| format!(" {u}"))
        )),
        shown
            .rel_diff
            .map_or(String::new(), |r| format!("({})", format_pct(r))),
        explanation(m, shown),
    )
}

/// The CSV header (with the warning line when small counts are shown anyway).
fn csv_header(sep: super::Separator, warning: Option<&str>) -> String {
    let mut out = sep.start().to_string();
    if let Some(w) = warning {
        out.push_str(&format!("# {w}\n"));
    }
    out.push_str(&sep.line(&[
        "soort",
        "domein",
        "indicator",
        "uitsplitsing",
        "periode",
        "bronnen",
        "referentie",
        "verschil",
        "eenheid",
        "verschil_relatief",
        "toelichting",
    ]));
    out
}

/// One difference as a CSV row.
fn csv_line(
    m: &Mismatch,
    shown: &ShownMismatch,
    sep: super::Separator,
    meta: &DatasetMeta,
) -> String {
    sep.line(&[
        m.kind.dutch().to_string(),
        m.domein.clone(),
        m.indicator.clone(),
        m.breakdown.to_string(),
        m.period.code(),
        m.sources.join(";"),
        m.reference.clone().unwrap_or_default(),
        shown
            .diff
            .map_or(String::new(), |v| sep.decimal(v.to_string())),
        diff_unit(m, meta).unwrap_or_default().to_string(),
        shown
            .rel_diff
            .map_or(String::new(), |v| sep.decimal(format!("{v:.4}"))),
        explanation(m, shown),
    ])
}

/// "+" before a positive difference: a difference always shows its sign.
fn plus(d: f64) -> &'static str {
    if d > 0.0 { "+" } else { "" }
}
