//! Loading a dataset folder (`reeksen.csv` + `dataset.toml`) into the model, with diagnostics that
//! name file, line and column.

pub mod csv;
pub mod diagnostic;
pub mod file;
pub mod group;
pub mod large_sample;
pub mod message;
pub mod toml_message;
pub mod warnings;

pub use diagnostic::{Diagnostic, Diagnostics, LoadError};
pub use message::DiagnosticKind;

use crate::model::{Dataset, DatasetMeta, Period};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::Path;

pub const DATA_FILE: &str = "reeksen.csv";
pub const META_FILE: &str = "dataset.toml";

/// Loads and validates a dataset folder. All problems are reported together.
pub fn load_dataset(dir: &Path) -> Result<Dataset, LoadError> {
    load_dataset_with_progress(dir, &|_, _| true).unwrap_or_else(|| {
        // Not reached: only a progress callback can cancel.
        Err(LoadError::single(Diagnostic::whole_file(
            dir,
            DiagnosticKind::Cancelled,
        )))
    })
}

/// [`load_dataset`], reporting `progress(done, total)` as it goes. The unit is bytes of
/// `reeksen.csv`, counted once for reading the file and once for reading its rows into series:
/// `total` is twice the file size. When `progress` returns
/// false the load stops soon after and gives `None` (cancelled; nothing partial is returned).
pub fn load_dataset_with_progress(
    dir: &Path,
    progress: &dyn Fn(u64, u64) -> bool,
) -> Option<Result<Dataset, LoadError>> {
    let mut diags = Diagnostics::default();
    if !dir.is_dir() {
        return Some(Err(LoadError::single(Diagnostic::whole_file(
            dir,
            DiagnosticKind::MissingFolder,
        ))));
    }
    let meta_path = dir.join(META_FILE);
    let data_path = dir.join(DATA_FILE);
    let meta_text = ok_or_push(diagnostic::read_utf8(&meta_path), &mut diags);
    let meta = meta_text
        .as_deref()
        .and_then(|t| parse_meta(&meta_path, t, &mut diags));
    let size = std::fs::metadata(&data_path).map_or(0, |m| m.len());
    let total = size.saturating_mul(2);
    let at = |pass: u64, done: u64| {
        progress(
            size.saturating_mul(pass).saturating_add(done.min(size)),
            total,
        )
    };
    let data_text = ok_or_push(
        diagnostic::read_utf8_with_progress(&data_path, &|done| at(0, done))?,
        &mut diags,
    );
    let mut hasher = Sha256::new();
    hasher.update(meta_text.as_deref().unwrap_or("").as_bytes());
    hasher.update([0u8]);
    hasher.update(data_text.as_deref().unwrap_or("").as_bytes());
    let content_hash = format!("{:x}", hasher.finalize());

    // Without metadata the rows are still read, for their own problems.
    let no_meta = DatasetMeta::default();
    let mut grouper = group::Grouper::new(&data_path, meta.as_ref().unwrap_or(&no_meta));
    if let Some(t) = data_text.as_deref() {
        let has_meta = meta.is_some();
        let mut sink = |row: csv::RowRef<'_>, d: &mut Diagnostics| {
            if has_meta {
                grouper.push(row, d);
            }
        };
        let read = |done, _| at(1, done);
        csv::parse_rows_with_progress(&data_path, t, &mut diags, &read, &mut sink)?;
    }
    // The text is not kept: only the series are.
    drop(data_text);
    let series = grouper.finish(&mut diags);
    let Some(meta) = meta else {
        return Some(diags.into_result(Dataset::empty(dir)));
    };
    if !at(2, 0) {
        return None;
    }
    Some(diags.into_result(Dataset {
        path: dir.to_path_buf(),
        meta,
        series,
        content_hash,
    }))
}

/// The value, or `None` with its diagnostic kept.
fn ok_or_push<T>(result: Result<T, Diagnostic>, diags: &mut Diagnostics) -> Option<T> {
    result.map_err(|d| diags.push(d)).ok()
}

impl Dataset {
    fn empty(dir: &Path) -> Dataset {
        Dataset {
            path: dir.to_path_buf(),
            meta: DatasetMeta::default(),
            series: Vec::new(),
            content_hash: String::new(),
        }
    }
}

/// Parses `dataset.toml` and checks the period texts inside it.
pub fn parse_meta(path: &Path, text: &str, diags: &mut Diagnostics) -> Option<DatasetMeta> {
    let meta: DatasetMeta = match toml::from_str(text) {
        Ok(m) => m,
        Err(e) => {
            let (line, column) = e
                .span()
                .map_or((1, 1), |s| diagnostic::line_col(text, s.start));
            diags.push(Diagnostic::new(
                path,
                line,
                column,
                DiagnosticKind::Toml {
                    message: toml_message::message_of(&e, text),
                },
            ));
            return None;
        }
    };
    // A second, lenient pass keeps the spans of the texts checked here, to point at them.
    let spans: MetaSpans = toml::from_str(text).unwrap_or_default();
    let at = |span: std::ops::Range<usize>| diagnostic::line_col(text, span.start);
    let periods = spans
        .breuken
        .iter()
        .map(|b| &b.periode)
        .chain(spans.gebeurtenissen.iter().map(|g| &g.periode))
        .chain(spans.gebeurtenissen.iter().filter_map(|g| g.tot.as_ref()));
    for p in periods {
        if let Err(e) = Period::parse(p.get_ref()) {
            let (line, column) = at(p.span());
            diags.push(Diagnostic::new(
                path,
                line,
                column,
                DiagnosticKind::Period(e),
            ));
        }
    }
    for lag in spans.bronnen.iter().filter_map(|s| s.vertraging.as_ref()) {
        if let Err(e) = crate::model::lag::parse_lag(lag.get_ref()) {
            let (line, column) = at(lag.span());
            diags.push(Diagnostic::new(path, line, column, DiagnosticKind::Lag(e)));
        }
    }
    let mut seen = HashMap::new();
    for s in &spans.bronnen {
        if seen.insert(s.id.get_ref().as_str(), ()).is_some() {
            let (line, column) = at(s.id.span());
            diags.push(Diagnostic::new(
                path,
                line,
                column,
                DiagnosticKind::DuplicateSourceId {
                    id: s.id.get_ref().clone(),
                },
            ));
        }
    }
    check_identities(path, &spans.bronnen, &at, diags);
    check_roles_and_parts(path, &spans, &at, diags);
    Some(meta)
}

/// A `rol` must be one of [`ROLES`](crate::model::meta::ROLES); a `deel_van` must name another
/// indicator of the same domein (a total in another domein would be another population).
fn check_roles_and_parts(
    path: &Path,
    spans: &MetaSpans,
    at: &dyn Fn(std::ops::Range<usize>) -> (usize, usize),
    diags: &mut Diagnostics,
) {
    use crate::model::meta::ROLES;
    for rol in spans.bronnen.iter().filter_map(|s| s.rol.as_ref()) {
        if !ROLES.contains(&rol.get_ref().trim()) {
            let (line, column) = at(rol.span());
            let kind = DiagnosticKind::BadRole {
                value: rol.get_ref().clone(),
            };
            diags.push(Diagnostic::new(path, line, column, kind));
        }
    }
    for ind in &spans.indicatoren {
        let Some(target) = &ind.deel_van else {
            continue;
        };
        let t = target.get_ref();
        let known = spans
            .indicatoren
            .iter()
            .any(|o| o.domein == ind.domein && o.id == *t && o.id != ind.id);
        if !known {
            let (line, column) = at(target.span());
            let kind = DiagnosticKind::UnknownPartOf(Box::new(message::PartOfTarget {
                domain: ind.domein.clone(),
                indicator: ind.id.clone(),
                target: t.clone(),
            }));
            diags.push(Diagnostic::new(path, line, column, kind));
        }
    }
}

/// A `kleur` must name a colour and a `symbool` be one free character.
fn check_identities(
    path: &Path,
    bronnen: &[IdSpan],
    at: &dyn Fn(std::ops::Range<usize>) -> (usize, usize),
    diags: &mut Diagnostics,
) {
    use crate::model::identity::{parse_colour, symbol_problem};
    for s in bronnen {
        let colour = s
            .kleur
            .as_ref()
            .filter(|k| parse_colour(k.get_ref()).is_none());
        if let Some(k) = colour {
            let (line, column) = at(k.span());
            let kind = DiagnosticKind::BadColour {
                value: k.get_ref().clone(),
            };
            diags.push(Diagnostic::new(path, line, column, kind));
        }
        let symbol = s
            .symbool
            .as_ref()
            .and_then(|k| Some((k, symbol_problem(k.get_ref())?)));
        if let Some((k, problem)) = symbol {
            let (line, column) = at(k.span());
            let kind = DiagnosticKind::BadSymbol {
                value: k.get_ref().clone(),
                problem,
            };
            diags.push(Diagnostic::new(path, line, column, kind));
        }
    }
}

/// Positions of the texts `parse_meta` checks beyond what serde checks.
#[derive(Default, serde::Deserialize)]
struct MetaSpans {
    #[serde(default)]
    breuken: Vec<PeriodSpan>,
    #[serde(default)]
    gebeurtenissen: Vec<PeriodSpan>,
    #[serde(default)]
    bronnen: Vec<IdSpan>,
    #[serde(default)]
    indicatoren: Vec<IndicatorSpan>,
}

#[derive(serde::Deserialize)]
struct IndicatorSpan {
    domein: String,
    id: String,
    #[serde(default)]
    deel_van: Option<toml::Spanned<String>>,
}

#[derive(serde::Deserialize)]
struct PeriodSpan {
    periode: toml::Spanned<String>,
    #[serde(default)]
    tot: Option<toml::Spanned<String>>,
}

#[derive(serde::Deserialize)]
struct IdSpan {
    id: toml::Spanned<String>,
    #[serde(default)]
    kleur: Option<toml::Spanned<String>>,
    #[serde(default)]
    symbool: Option<toml::Spanned<String>>,
    vertraging: Option<toml::Spanned<String>>,
    #[serde(default)]
    rol: Option<toml::Spanned<String>>,
}

#[cfg(test)]
mod tests;
