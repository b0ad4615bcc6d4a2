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

use super::write_toml;
use super::{Figure, Import};
use crate::load::{DATA_FILE, META_FILE, load_dataset};
use crate::model::meta::ORIGIN_RECORDS;
use crate::model::{DatasetMeta, Granularity};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// What the user chose beyond the file.
#[derive(Debug, Clone, Copy, Default)]
pub struct WriteOptions {
    /// Keep an older vintage of a bron as its own bron instead of replacing it.
    pub vintage_apart: bool,
}

/// What a merge did, for the user.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    pub series: usize,
    pub rows: usize,
    pub missing: usize,
    /// Per bron: the first and last period ("2016 – 2023-H1").
    pub periods: BTreeMap<String, (String, String)>,
    pub new_sources: Vec<String>,
    pub new_indicators: Vec<String>,
    /// Bronnen whose earlier rows were replaced, with the old and new vintage.
    pub replaced: Vec<(String, String, String)>,
    /// Rows of the replaced bronnen that were in the folder before.
    pub removed_rows: usize,
    /// What the file had that could not be mapped.
    pub unmapped: Vec<String>,
    /// Nothing changed (the same file again).
    pub unchanged: bool,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.unchanged {
            writeln!(f, "niets veranderd: deze cijfers stonden er al")?;
        }
        writeln!(
            f,
            "{} reeksen, {} waarden ({} ontbrekend, als '.' met reden)",
            self.series, self.rows, self.missing
        )?;
        for (bron, (from, to)) in &self.periods {
            writeln!(f, "  bron {bron}: {from} t/m {to}")?;
        }
        for (bron, old, new) in &self.replaced {
            let old = if old.is_empty() { "onbekend" } else { old };
            writeln!(
                f,
                "  bron {bron}: eerdere cijfers vervangen (vintage {old} → {new})"
            )?;
        }
        if !self.new_sources.is_empty() {
            writeln!(f, "nieuwe bronnen: {}", self.new_sources.join(", "))?;
        }
        if !self.new_indicators.is_empty() {
            writeln!(f, "nieuwe indicatoren: {}", self.new_indicators.join(", "))?;
        }
        for u in &self.unmapped {
            writeln!(f, "niet overgenomen: {u}")?;
        }
        Ok(())
    }
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

const DEFAULT_HEADER: [&str; 11] = [
    "periode",
    "domein",
    "indicator",
    "bron",
    "waarde",
    "eenheid",
    "regio",
    "wijk",
    "aanbieder",
    "status",
    "opmerking",
];

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
    // A run killed outright leaves its temporary folder behind: it goes now.
    let _ = std::fs::remove_dir_all(temp_dir(dir));
    let existing = Existing::read(dir)?;
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
    let mut report = Report::default();
    let meta_text = merged_meta(&existing, &import, &mut report);
    let data_text = merged_rows(&existing, &import, &replaced, &mut report)?;
    describe(&import, &mut report);
    // The same rows in another order are the same data: replaced rows go to the end, so a
    // re-import after another file must not count as a change.
    fn sorted(t: &str) -> Vec<&str> {
        let mut lines: Vec<&str> = t.lines().collect();
        lines.sort_unstable();
        lines
    }
    let same_rows = |a: &str, b: &str| sorted(a) == sorted(b);
    if existing.meta_text.as_deref() == Some(meta_text.as_str())
        && existing
            .data_text
            .as_deref()
            .is_some_and(|old| same_rows(old, &data_text))
    {
        report.unchanged = true;
        return Ok(report);
    }
    commit(dir, &meta_text, &data_text, stop)?;
    Ok(report)
}

/// The folder as it is now.
struct Existing {
    meta: DatasetMeta,
    meta_text: Option<String>,
    data_text: Option<String>,
}

impl Existing {
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
        let dated = |v: &str| v.get(..10).is_some_and(|d| vintage_slug(v) == d);
        if dated(&s.vintage) && dated(&old.vintage) && s.vintage < old.vintage {
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
        if !s.vintage.is_empty() && old.vintage != s.vintage {
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

/// The new `reeksen.csv` text: the old rows except those of the imported bronnen, then the new.
fn merged_rows(
    existing: &Existing,
    import: &Import,
    ids: &BTreeSet<String>,
    report: &mut Report,
) -> Result<String, WriteError> {
    let old = existing.data_text.as_deref().unwrap_or("");
    let sep = if old
        .lines()
        .next()
        .is_some_and(|h| h.matches(';').count() > h.matches(',').count())
    {
        b';'
    } else {
        b','
    };
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(sep)
        .flexible(true)
        .from_reader(old.as_bytes());
    let mut header: Vec<String> = if old.trim().is_empty() {
        DEFAULT_HEADER.iter().map(|s| s.to_string()).collect()
    } else {
        let h = reader
            .headers()
            .map_err(|e| WriteError(format!("{DATA_FILE}: {e}")))?;
        h.iter().map(|s| s.trim().to_string()).collect()
    };
    let width = header.len();
    for name in DEFAULT_HEADER {
        if !header.iter().any(|h| h == name) {
            header.push(name.to_string());
        }
    }
    let col = |name: &str| header.iter().position(|h| h == name);
    let bron_col = col("bron").unwrap_or(3);
    let mut out = ::csv::WriterBuilder::new()
        .delimiter(sep)
        .from_writer(Vec::new());
    let fail = |e: ::csv::Error| WriteError(format!("{DATA_FILE}: {e}"));
    out.write_record(&header).map_err(fail)?;
    if !old.trim().is_empty() {
        for rec in reader.records() {
            let rec = rec.map_err(fail)?;
            if ids.contains(rec.get(bron_col).unwrap_or("").trim()) {
                report.removed_rows += 1;
                continue;
            }
            let mut cells: Vec<&str> = rec.iter().collect();
            cells.resize(header.len().max(width), "");
            out.write_record(&cells).map_err(fail)?;
        }
    }
    for r in &import.rows {
        out.write_record(row_cells(r, &header)).map_err(fail)?;
    }
    let bytes = out
        .into_inner()
        .map_err(|e| WriteError(format!("{DATA_FILE}: {e}")))?;
    String::from_utf8(bytes).map_err(|e| WriteError(format!("{DATA_FILE}: {e}")))
}

/// The cells of an imported row under `header`.
fn row_cells(r: &super::Row, header: &[String]) -> Vec<String> {
    let mut cells = vec![String::new(); header.len()];
    let mut set = |name: &str, v: String| {
        if let Some(i) = header.iter().position(|h| h == name) {
            cells[i] = v;
        }
    };
    let (waarde, note) = match &r.figure {
        Figure::Value(v) => (format!("{v}"), r.opmerking.clone()),
        Figure::Missing(m) => (
            ".".to_string(),
            Some(
                r.opmerking
                    .clone()
                    .unwrap_or_else(|| super::text::missing_note(m)),
            ),
        ),
    };
    set("periode", r.period.code());
    set("domein", r.domein.clone());
    set("indicator", r.indicator.clone());
    set("bron", r.bron.clone());
    set("waarde", waarde);
    set("eenheid", r.eenheid.clone());
    set("regio", r.regio.clone().unwrap_or_default());
    set("wijk", r.wijk.clone().unwrap_or_default());
    set("aanbieder", r.aanbieder.clone().unwrap_or_default());
    set("status", r.status.dutch().to_string());
    set("opmerking", note.unwrap_or_default());
    cells
}

/// Counts for the report.
fn describe(import: &Import, report: &mut Report) {
    let series: BTreeSet<_> = import
        .rows
        .iter()
        .map(|r| {
            (
                &r.domein,
                &r.indicator,
                &r.bron,
                &r.regio,
                &r.wijk,
                &r.aanbieder,
            )
        })
        .collect();
    report.series = series.len();
    report.rows = import.rows.len();
    report.missing = import
        .rows
        .iter()
        .filter(|r| matches!(r.figure, Figure::Missing(_)))
        .count();
    for s in &import.sources {
        let periods = import
            .rows
            .iter()
            .filter(|r| r.bron == s.id)
            .map(|r| r.period);
        if let (Some(from), Some(to)) = (periods.clone().min(), periods.max()) {
            report
                .periods
                .insert(s.id.clone(), (from.code(), to.code()));
        }
    }
    report.unmapped = import
        .unmapped
        .iter()
        .map(|u| format!("{}: {}", u.place, u.why))
        .collect();
}

/// The folder beside `dir` where the new files are written first.
fn temp_dir(dir: &Path) -> PathBuf {
    let name = dir
        .file_name()
        .map_or("dataset".into(), |n| n.to_string_lossy().to_string());
    let parent = dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    parent.join(format!(".{name}.importeer"))
}

/// Writes both files beside the folder, checks they load, then puts them in place.
fn commit(
    dir: &Path,
    meta_text: &str,
    data_text: &str,
    stop: &dyn Fn() -> bool,
) -> Result<(), WriteError> {
    let tmp = temp_dir(dir);
    let parent = tmp.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)
        .map_err(|e| WriteError(format!("{}: {e}", parent.display())))?;
    let io = |p: &Path, e: std::io::Error| WriteError(format!("{}: {e}", p.display()));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir(&tmp).map_err(|e| io(&tmp, e))?;
    let result = (|| {
        write_synced(&tmp.join(META_FILE), meta_text).map_err(|e| io(&tmp, e))?;
        write_synced(&tmp.join(DATA_FILE), data_text).map_err(|e| io(&tmp, e))?;
        load_dataset(&tmp).map_err(|e| {
            let text = e
                .to_string()
                .replace(&tmp.display().to_string(), &dir.display().to_string());
            WriteError(format!(
                "{text}\nhet resultaat zou niet laden; de datasetmap is niet veranderd"
            ))
        })?;
        // The last moment to give up: after this the renames run to the end.
        if stop() {
            return Err(WriteError(format!(
                "{}: afgebroken; de datasetmap is niet veranderd",
                dir.display()
            )));
        }
        if dir.join(META_FILE).exists() {
            replace_both(dir, &tmp)
        } else {
            if dir.is_dir() {
                // An empty or foreign folder: the files go in, nothing else is touched.
                for f in [DATA_FILE, META_FILE] {
                    std::fs::rename(tmp.join(f), dir.join(f)).map_err(|e| io(&dir.join(f), e))?;
                }
                return Ok(());
            }
            std::fs::rename(&tmp, dir).map_err(|e| io(dir, e))
        }
    })();
    let _ = std::fs::remove_dir_all(&tmp);
    result
}

/// Writes `text` and syncs it, so a rename after it never exposes a half-written file.
fn write_synced(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut f = std::fs::File::create(path)?;
    f.write_all(text.as_bytes())?;
    f.sync_all()
}

/// Puts the new `dataset.toml` and `reeksen.csv` from `tmp` in place of the old ones. The
/// metadata goes first: it only adds bronnen and indicatoren (and changes a vintage), so a stop
/// between the two renames leaves a folder that loads with its old rows, and importing again
/// completes it. Should the second rename fail, the old metadata is put back.
fn replace_both(dir: &Path, tmp: &Path) -> Result<(), WriteError> {
    let io = |p: &Path, e: std::io::Error| WriteError(format!("{}: {e}", p.display()));
    let (meta, data) = (dir.join(META_FILE), dir.join(DATA_FILE));
    let backup = tmp.join("dataset.toml.vorige");
    std::fs::hard_link(&meta, &backup)
        .or_else(|_| std::fs::copy(&meta, &backup).map(|_| ()))
        .map_err(|e| io(&meta, e))?;
    std::fs::rename(tmp.join(META_FILE), &meta).map_err(|e| io(&meta, e))?;
    if let Err(e) = std::fs::rename(tmp.join(DATA_FILE), &data) {
        let _ = std::fs::rename(&backup, &meta);
        return Err(io(&data, e));
    }
    Ok(())
}
