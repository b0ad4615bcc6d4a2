//! Merging an [`Import`] into a dataset folder (new or existing).
//!
//! - Atomic: the new `reeksen.csv` and `dataset.toml` are written in a folder beside the dataset
//!   and loaded with [`load_dataset`]; only when that succeeds do they replace the old files. On
//!   any failure the dataset folder is untouched.
//! - Idempotent: the rows of an imported bron replace all earlier rows of that bron, and a bron
//!   or indicator already in `dataset.toml` is not added again: the same file twice gives the same
//!   folder.
//! - Vintages: a newer publication of a table replaces the older values and its `vintage` is
//!   rewritten; with `vintage_apart` the new one gets a bron of its own
//!   (`<bron>-<vintage>`) and the older one stays.
//! - One series never mixes granularities (the loader keys series without it): when a bron has
//!   rows of several granularities, the coarsest keeps the bron id and the others go to
//!   `<bron>-halfjaar`, `<bron>-kwartaal`, `<bron>-maand`.

mod commit;
mod report;
mod rows;

pub use report::Report;

use super::Import;
use super::write_toml;
use crate::load::{DATA_FILE, META_FILE, load_dataset};
use crate::model::meta::ORIGIN_RECORDS;
use crate::model::{DatasetMeta, Granularity};
use commit::{commit, temp_dir};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// What the user chose beyond the file.
#[derive(Debug, Clone, Copy, Default)]
pub struct WriteOptions {
    /// Keep an older vintage of a bron as its own bron instead of replacing it.
    pub vintage_apart: bool,
}

/// Why a merge did not happen (the folder is as it was).
#[derive(Debug, Clone, PartialEq)]
pub struct WriteError(pub String);

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for WriteError {}

/// Merges `import` into the dataset folder `dir` (created when it does not exist).
pub fn merge(dir: &Path, import: &Import, opts: WriteOptions) -> Result<Report, WriteError> {
    merge_unless(dir, import, opts, &|| false)
}

/// [`merge`], giving up with the folder untouched when `stop` holds (Ctrl-C) once the new
/// files are written and checked, before they are put in place.
pub fn merge_unless(
    dir: &Path,
    import: &Import,
    opts: WriteOptions,
    stop: &dyn Fn() -> bool,
) -> Result<Report, WriteError> {
    let mut reports = merge_all(dir, std::slice::from_ref(import), opts, stop)?;
    Ok(reports.remove(0))
}

/// Merges several imports, in order, into `dir` as one change: all are merged in memory and
/// the folder is written once, so when one of them cannot go in, none does. One report each.
pub fn merge_all(
    dir: &Path,
    imports: &[Import],
    opts: WriteOptions,
    stop: &dyn Fn() -> bool,
) -> Result<Vec<Report>, WriteError> {
    // A run killed outright leaves its temporary folder behind: it goes now.
    let _ = std::fs::remove_dir_all(temp_dir(dir));
    let before = Existing::read(dir)?;
    let mut state = before.clone();
    let mut reports = Vec::new();
    for import in imports {
        let (meta_text, data_text, mut report) = merge_one(&state, import, opts)?;
        report.unchanged = state.same(&meta_text, &data_text);
        // The next file is merged into what this one made, as if it had been written.
        state = Existing {
            meta: toml::from_str(&meta_text).unwrap_or_default(),
            meta_text: Some(meta_text),
            data_text: Some(data_text),
        };
        reports.push(report);
    }
    if let (Some(meta_text), Some(data_text)) = (&state.meta_text, &state.data_text)
        && !before.same(meta_text, data_text)
    {
        commit(dir, meta_text, data_text, stop)?;
    }
    Ok(reports)
}

/// One import merged into `existing`: the new `dataset.toml` and `reeksen.csv` texts.
fn merge_one(
    existing: &Existing,
    import: &Import,
    opts: WriteOptions,
) -> Result<(String, String, Report), WriteError> {
    let mut import = import.clone();
    if opts.vintage_apart {
        apart(&mut import, &existing.meta);
    } else {
        refuse_older(&import, &existing.meta)?;
    }
    // The earlier rows of a bron are replaced in all its granularities, also those this
    // publication no longer has.
    let replaced: BTreeSet<String> = import
        .sources
        .iter()
        .flat_map(|s| {
            let split = Granularity::ALL.map(|g| format!("{}-{}", s.id, g.dutch()));
            std::iter::once(s.id.clone()).chain(split)
        })
        .collect();
    let import = split_granularities(&import);
    rows::check_duplicates(&import)?;
    let mut report = Report::default();
    let meta_text = merged_meta(existing, &import, &mut report);
    let data_text = rows::merged_rows(existing, &import, &replaced, &mut report)?;
    report::describe(&import, &mut report);
    Ok((meta_text, data_text, report))
}

/// The folder as it is now.
#[derive(Clone)]
struct Existing {
    meta: DatasetMeta,
    meta_text: Option<String>,
    data_text: Option<String>,
}

impl Existing {
    /// The folder already holds these texts (the same rows in another order are the same
    /// data: replaced rows go to the end, so a re-import after another file is no change).
    fn same(&self, meta_text: &str, data_text: &str) -> bool {
        fn sorted(t: &str) -> Vec<&str> {
            let mut lines: Vec<&str> = t.lines().collect();
            lines.sort_unstable();
            lines
        }
        self.meta_text.as_deref() == Some(meta_text)
            && self
                .data_text
                .as_deref()
                .is_some_and(|old| sorted(old) == sorted(data_text))
    }

    fn read(dir: &Path) -> Result<Existing, WriteError> {
        let meta_path = dir.join(META_FILE);
        if !meta_path.exists() {
            if dir.join(DATA_FILE).exists() {
                return Err(WriteError(format!(
                    "{}: reeksen.csv zonder dataset.toml; verwacht een datasetmap met beide of een nieuwe map",
                    dir.display()
                )));
            }
            return Ok(Existing {
                meta: DatasetMeta::default(),
                meta_text: None,
                data_text: None,
            });
        }
        // Merging into a folder that does not load would hide its errors among ours.
        let dataset = load_dataset(dir).map_err(|e| {
            WriteError(format!(
                "{e}\nde datasetmap laadt nu al niet; los dat eerst op (duiden controleer)"
            ))
        })?;
        let read = |p: PathBuf| {
            std::fs::read_to_string(&p).map_err(|e| WriteError(format!("{}: {e}", p.display())))
        };
        Ok(Existing {
            meta: dataset.meta,
            meta_text: Some(read(meta_path)?),
            data_text: Some(read(dir.join(DATA_FILE))?),
        })
    }
}

/// Sources with rows of several granularities split: the coarsest keeps the id.
fn split_granularities(import: &Import) -> Import {
    let mut out = import.clone();
    let mut grains: BTreeMap<String, BTreeSet<Granularity>> = BTreeMap::new();
    for r in &import.rows {
        grains
            .entry(r.bron.clone())
            .or_default()
            .insert(r.period.granularity);
    }
    let mut sources = Vec::new();
    for s in &import.sources {
        let Some(gs) = grains.get(&s.id) else {
            sources.push(s.clone());
            continue;
        };
        let coarsest = gs.iter().max().copied();
        for &g in gs.iter().rev() {
            let mut split = s.clone();
            split.ritme = g.dutch().to_string();
            if Some(g) != coarsest {
                split.id = format!("{}-{}", s.id, g.dutch());
                split.naam = format!("{} ({}cijfers)", s.naam, g.dutch());
            }
            sources.push(split);
        }
    }
    for r in &mut out.rows {
        let coarsest = grains.get(&r.bron).and_then(|gs| gs.iter().max().copied());
        if Some(r.period.granularity) != coarsest {
            r.bron = format!("{}-{}", r.bron, r.period.granularity.dutch());
        }
    }
    out.sources = sources;
    out
}

/// An older publication never replaces a newer one (both vintages dated): that would lose the
/// revision. With `vintage_apart` both are kept.
fn refuse_older(import: &Import, meta: &DatasetMeta) -> Result<(), WriteError> {
    for s in &import.sources {
        let Some(old) = meta.source(&s.id) else {
            continue;
        };
        // Dates compare by their day: `2023-12-14` (StatLine) is `2023-12-14T02:00:00`.
        let dated = |v: &str| v.get(..10).is_some_and(|d| vintage_slug(v) == d);
        if dated(&s.vintage) && dated(&old.vintage) && s.vintage[..10] < old.vintage[..10] {
            return Err(WriteError(format!(
                "bron {}: {} is een oudere publicatie (vintage {}) dan wat er al staat ({}); niets veranderd. \
                 Gebruik --vintage-apart om beide te houden",
                s.id,
                import.file.display(),
                s.vintage,
                old.vintage
            )));
        }
    }
    Ok(())
}

/// With `vintage_apart`: a source whose id exists with another vintage gets its own id.
fn apart(import: &mut Import, meta: &DatasetMeta) {
    let mut renamed = BTreeMap::new();
    for s in &mut import.sources {
        let Some(old) = meta.source(&s.id) else {
            continue;
        };
        if !s.vintage.is_empty() && vintage_slug(&old.vintage) != vintage_slug(&s.vintage) {
            let id = format!("{}-{}", s.id, vintage_slug(&s.vintage));
            renamed.insert(s.id.clone(), id.clone());
            s.id = id;
        }
    }
    for r in &mut import.rows {
        if let Some(id) = renamed.get(&r.bron) {
            r.bron = id.clone();
        }
    }
}

/// A vintage in an id: its date (`2023-12-14T02:00:00` → `2023-12-14`), else its words.
fn vintage_slug(vintage: &str) -> String {
    let date = vintage.get(..10).filter(|d| {
        d.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
    });
    date.map_or_else(
        || super::text::id_of(vintage).replace('_', "-"),
        str::to_string,
    )
}

/// The new `dataset.toml` text: the old one with new entries appended and vintages updated.
fn merged_meta(existing: &Existing, import: &Import, report: &mut Report) -> String {
    let file = import
        .file
        .file_name()
        .map_or(String::new(), |f| f.to_string_lossy().to_string());
    let credit = import.sources.first().map_or("", |s| s.credit.as_str());
    let mut text = existing.meta_text.clone().unwrap_or_else(|| {
        let titel = import
            .sources
            .first()
            .map_or("Geïmporteerde cijfers", |s| s.naam.as_str());
        write_toml::new_file(titel, &file, credit)
    });
    let mut appended = String::new();
    for s in &import.sources {
        match existing.meta.source(&s.id) {
            Some(old) => {
                if old.vintage != s.vintage && !s.vintage.is_empty() {
                    if let Some(t) = write_toml::set_vintage(&text, &s.id, &s.vintage) {
                        text = t;
                    }
                    report
                        .replaced
                        .push((s.id.clone(), old.vintage.clone(), s.vintage.clone()));
                }
                // A derived bron's definition is its rules: deriving again with other rules
                // must not leave the old ones standing beside the new figures.
                if s.herkomst == ORIGIN_RECORDS
                    && !s.definitie.is_empty()
                    && old.definitie != s.definitie
                    && let Some(t) = write_toml::set_definition(&text, &s.id, &s.definitie)
                {
                    text = t;
                }
            }
            None => {
                appended.push_str(&write_toml::source_block(s));
                report.new_sources.push(s.id.clone());
            }
        }
    }
    for i in &import.indicators {
        if existing.meta.indicator(&i.domein, &i.id).is_none() {
            appended.push_str(&write_toml::indicator_block(i));
            report.new_indicators.push(format!("{}/{}", i.domein, i.id));
        }
    }
    if !appended.is_empty() {
        if !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&format!(
            "\n# Toegevoegd door duiden importeer uit {file}.{appended}"
        ));
    }
    text
}
