//! Warnings: what a dataset that loads probably does not mean (a reference to a source or
//! indicator that does not exist, a duplicated indicator, a `per` of 0, an unknown `ritme`, a
//! negative count, a year far off). They never stop loading; `duiden controleer` lists them with
//! file:line:column.

use super::diagnostic::{Diagnostic, Diagnostics, line_col};
use super::message::{DiagnosticKind, RHYTHMS, Warning};
use super::{DATA_FILE, META_FILE};
use crate::model::{Dataset, DatasetMeta, Soort};
use serde::Deserialize;
use serde::de::IgnoredAny;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use toml::Spanned;

/// Years outside this range are probably typing errors.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// The warnings of a loaded dataset (sorted by file and place; at most
/// [`super::diagnostic::MAX_DIAGNOSTICS`], and how many more there were).
pub fn warnings(dataset: &Dataset) -> (Vec<Diagnostic>, usize) {
    let mut diags = Diagnostics::default();
    let meta_path = dataset.path.join(META_FILE);
    if let Ok(text) = super::diagnostic::read_utf8(&meta_path) {
        meta_warnings(&meta_path, &text, &dataset.meta, &mut diags);
    }
    data_warnings(dataset, &mut diags);
    match diags.into_result(()) {
        Ok(()) => (Vec::new(), 0),
        Err(e) => (e.diagnostics, e.omitted),
    }
}

#[derive(Default, Deserialize)]
struct Spans {
    #[serde(default)]
    start: Option<StartSpans>,
    #[serde(default)]
    bronnen: Vec<SourceSpans>,
    #[serde(default)]
    indicatoren: Vec<IndicatorSpans>,
    #[serde(default)]
    breuken: Vec<BreakSpans>,
    #[serde(default)]
    gebeurtenissen: Vec<EventSpans>,
    #[serde(default)]
    noemers: Vec<DenominatorSpans>,
}

#[derive(Deserialize)]
struct DenominatorSpans {
    domein: Spanned<String>,
    indicator: Spanned<String>,
    #[serde(default)]
    bron: Option<Spanned<String>>,
}

#[derive(Deserialize)]
struct EventSpans {
    periode: Spanned<String>,
    #[serde(default)]
    tot: Option<Spanned<String>>,
}

#[derive(Deserialize)]
struct StartSpans {
    domein: Spanned<String>,
    indicator: Spanned<String>,
}

#[derive(Deserialize)]
struct SourceSpans {
    #[serde(default)]
    id: String,
    #[serde(default)]
    ritme: Option<Spanned<String>>,
    #[serde(default)]
    in_te_vullen: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
struct IndicatorSpans {
    domein: Spanned<String>,
    id: Spanned<String>,
    #[serde(default)]
    teller: Option<Spanned<String>>,
    #[serde(default)]
    noemer: Option<Spanned<String>>,
    #[serde(default)]
    per: Option<Spanned<f64>>,
    #[serde(default)]
    per_bron: Option<Spanned<BTreeMap<String, IgnoredAny>>>,
    #[serde(default)]
    in_te_vullen: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
struct BreakSpans {
    periode: Spanned<String>,
    #[serde(default)]
    domein: Option<Spanned<String>>,
    #[serde(default)]
    indicator: Option<Spanned<String>>,
    #[serde(default)]
    bron: Option<Spanned<String>>,
}

/// The warnings about `dataset.toml` itself.
fn meta_warnings(path: &Path, text: &str, meta: &DatasetMeta, diags: &mut Diagnostics) {
    let Ok(spans) = toml::from_str::<Spans>(text) else {
        return;
    };
    let mut warn = |at: &std::ops::Range<usize>, w: Warning| {
        let (line, column) = line_col(text, at.start);
        diags.push(Diagnostic::new(
            path,
            line,
            column,
            DiagnosticKind::Warning(Box::new(w)),
        ));
    };
    let source_known = |id: &str| meta.source(id).is_some();
    let missing_indicator = |field, domain: &Spanned<String>, id: &Spanned<String>| {
        let known = meta.indicator(domain.get_ref(), id.get_ref()).is_some();
        (!known).then(|| Warning::MissingIndicator {
            field,
            domain: domain.get_ref().clone(),
            indicator: id.get_ref().clone(),
        })
    };
    if let Some(s) = &spans.start
        && let Some(w) = missing_indicator("start", &s.domein, &s.indicator)
    {
        warn(&s.indicator.span(), w);
    }
    for r in spans.bronnen.iter().filter_map(|s| s.ritme.as_ref()) {
        let value = r.get_ref().trim();
        if !value.is_empty() && !RHYTHMS.contains(&value) {
            let value = value.to_string();
            warn(&r.span(), Warning::UnknownRhythm { value });
        }
    }
    let mut first: HashMap<(&str, &str), usize> = HashMap::new();
    for i in &spans.indicatoren {
        let key = (i.domein.get_ref().as_str(), i.id.get_ref().as_str());
        let line = line_col(text, i.id.span().start).0;
        if let Some(&first_line) = first.get(&key) {
            let (domain, indicator) = (key.0.to_string(), key.1.to_string());
            let w = Warning::DuplicateIndicator {
                domain,
                indicator,
                first_line,
            };
            warn(&i.id.span(), w);
        } else {
            first.insert(key, line);
        }
        for (field, part) in [("teller", &i.teller), ("noemer", &i.noemer)] {
            if let Some(part) = part
                && let Some(w) = missing_indicator(field, &i.domein, part)
            {
                warn(&part.span(), w);
            }
        }
        if let Some(per) = &i.per
            && (*per.get_ref() == 0.0 || !per.get_ref().is_finite())
        {
            let value = per.get_ref().to_string();
            warn(&per.span(), Warning::BadPer { value });
        }
        if let Some(per_bron) = &i.per_bron {
            for id in per_bron.get_ref().keys().filter(|id| !source_known(id)) {
                let w = Warning::MissingSource {
                    field: "per_bron",
                    id: id.clone(),
                };
                warn(&per_bron.span(), w);
            }
        }
    }
    for b in &spans.breuken {
        break_warnings(b, meta, &mut warn);
    }
    event_warnings(&spans.gebeurtenissen, &mut warn);
    denominator_warnings(&spans, meta, &mut warn);
    to_fill_warnings(&spans, &mut warn);
}

/// A `[[noemers]]` naming an indicator or source that does not exist: per-inhabitant
/// transforms would be refused for a reason the user did not see coming.
fn denominator_warnings(
    spans: &Spans,
    meta: &DatasetMeta,
    warn: &mut dyn FnMut(&std::ops::Range<usize>, Warning),
) {
    for n in &spans.noemers {
        if meta
            .indicator(n.domein.get_ref(), n.indicator.get_ref())
            .is_none()
        {
            let w = Warning::MissingIndicator {
                field: "noemers",
                domain: n.domein.get_ref().clone(),
                indicator: n.indicator.get_ref().clone(),
            };
            warn(&n.indicator.span(), w);
        }
        if let Some(bron) = n
            .bron
            .as_ref()
            .filter(|b| meta.source(b.get_ref()).is_none())
        {
            let id = bron.get_ref().clone();
            warn(
                &bron.span(),
                Warning::MissingSource {
                    field: "noemers",
                    id,
                },
            );
        }
    }
}

/// One warning per field an import left to fill in (`in_te_vullen`).
fn to_fill_warnings(spans: &Spans, warn: &mut dyn FnMut(&std::ops::Range<usize>, Warning)) {
    let sources = spans
        .bronnen
        .iter()
        .map(|s| (format!("bron '{}'", s.id), &s.in_te_vullen));
    let indicators = spans.indicatoren.iter().map(|i| {
        let owner = format!(
            "indicator '{}' (domein {})",
            i.id.get_ref(),
            i.domein.get_ref()
        );
        (owner, &i.in_te_vullen)
    });
    for (owner, fields) in sources.chain(indicators) {
        for field in fields {
            let w = Warning::ToFill {
                owner: owner.clone(),
                field: field.get_ref().clone(),
            };
            warn(&field.span(), w);
        }
    }
}

/// A `[[breuken]]` naming a source or indicator that does not exist, or a year far off.
fn break_warnings(
    b: &BreakSpans,
    meta: &DatasetMeta,
    warn: &mut dyn FnMut(&std::ops::Range<usize>, Warning),
) {
    if let Some(bron) = &b.bron
        && meta.source(bron.get_ref()).is_none()
    {
        let id = bron.get_ref().clone();
        warn(
            &bron.span(),
            Warning::MissingSource {
                field: "breuken",
                id,
            },
        );
    }
    if let Some(ind) = &b.indicator {
        let domain = b.domein.as_ref().map(|d| d.get_ref().as_str());
        let known = meta
            .indicatoren
            .iter()
            .any(|i| &i.id == ind.get_ref() && domain.is_none_or(|d| d == i.domein));
        if !known {
            let w = Warning::MissingIndicator {
                field: "breuken",
                domain: domain.unwrap_or("?").to_string(),
                indicator: ind.get_ref().clone(),
            };
            warn(&ind.span(), w);
        }
    }
    year_warning(&b.periode, warn);
}

/// The `[[gebeurtenissen]]` whose periode or tot has a year far off.
fn event_warnings(events: &[EventSpans], warn: &mut dyn FnMut(&std::ops::Range<usize>, Warning)) {
    for period in events
        .iter()
        .flat_map(|e| std::iter::once(&e.periode).chain(&e.tot))
    {
        year_warning(period, warn);
    }
}

/// A period in `dataset.toml` whose year is far off (a typing error, most likely).
fn year_warning(period: &Spanned<String>, warn: &mut dyn FnMut(&std::ops::Range<usize>, Warning)) {
    if let Ok((p, _)) = crate::model::Period::parse(period.get_ref())
        && !YEARS.contains(&p.year)
    {
        warn(&period.span(), Warning::YearOutOfRange { year: p.year });
    }
}

/// Negative counts and years far off in `reeksen.csv` (one warning per series each), and
/// lines that end in CR only.
fn data_warnings(dataset: &Dataset, diags: &mut Diagnostics) {
    let path = dataset.path.join(DATA_FILE);
    let (columns, cr_only) = header(&path);
    if cr_only {
        diags.push(Diagnostic::new(
            &path,
            1,
            1,
            DiagnosticKind::Warning(Box::new(Warning::CrOnly)),
        ));
    }
    let col = |name: &str| columns.iter().position(|c| c == name).map_or(1, |i| i + 1);
    let (periode, waarde) = (col("periode"), col("waarde"));
    for s in &dataset.series {
        let soort = dataset
            .meta
            .indicator(&s.key.domein, &s.key.indicator)
            .map(|i| i.soort);
        let count = matches!(soort, Some(Soort::Stroom | Soort::Stand));
        let negative = s
            .points
            .iter()
            .find(|o| count && o.value.is_some_and(|v| v < 0.0));
        if let (Some(o), Some(soort)) = (negative, soort) {
            let w = Warning::NegativeCount {
                value: o.value.unwrap_or_default().to_string(),
                soort: soort.dutch(),
            };
            diags.push(Diagnostic::new(
                &path,
                o.line,
                waarde,
                DiagnosticKind::Warning(Box::new(w)),
            ));
        }
        if let Some(o) = s.points.iter().find(|o| !YEARS.contains(&o.period.year)) {
            let w = Warning::YearOutOfRange {
                year: o.period.year,
            };
            diags.push(Diagnostic::new(
                &path,
                o.line,
                periode,
                DiagnosticKind::Warning(Box::new(w)),
            ));
        }
    }
}

/// The column names of `reeksen.csv` (trimmed, lower case) and whether its lines end in CR
/// only, from the start of the file.
fn header(path: &Path) -> (Vec<String>, bool) {
    use std::io::Read;
    let mut start = Vec::new();
    let read =
        super::file::open_regular(path).and_then(|f| f.take(64 * 1024).read_to_end(&mut start));
    if read.is_err() {
        return (Vec::new(), false);
    }
    let text = String::from_utf8_lossy(&start);
    let text = text.trim_start_matches('\u{feff}');
    let cr_only = super::csv::is_cr_only(text);
    let first = text.split(['\r', '\n']).find(|l| !l.trim().is_empty());
    let first = first.unwrap_or("");
    let sep = if first.matches(';').count() > first.matches(',').count() {
        ';'
    } else {
        ','
    };
    let names = first
        .split(sep)
        .map(|n| n.trim().trim_matches('"').to_lowercase())
        .collect();
    (names, cr_only)
}

#[cfg(test)]
mod tests;
