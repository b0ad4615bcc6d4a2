//! From a CBS table as both JSON layouts read it (measures, dimensions, code lists,
//! observations) to an [`Import`]: rows, the source and indicator drafts, what was not mapped.

use super::slug;
use crate::import::text;
use crate::import::{
    Figure, Import, ImportError, IndicatorDraft, Layout, Options, Row, SourceDraft, Unmapped,
};
use crate::model::{Granularity, Period, Status};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

/// What a dimension is to the dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DimKind {
    Time,
    Geo,
    /// A breakdown the long format has no column for (Geslacht, Leeftijd, type maatregel).
    Other,
}

/// A measure (v3 `Topic` column, v4 `MeasureCodes` entry).
#[derive(Debug, Clone, Default)]
pub(crate) struct Measure {
    pub key: String,
    /// The indicator id before collisions are resolved (see the layouts for the rule).
    pub id: String,
    pub title: String,
    pub unit: String,
    pub description: String,
}

/// One figure of the table with its coordinates.
#[derive(Debug, Clone)]
pub(crate) struct Obs {
    pub measure: String,
    pub period: String,
    /// Non-time dimensions: (dimension key, trimmed code).
    pub dims: Vec<(String, String)>,
    pub figure: Figure,
    /// Byte offset of the figure in the file, to locate what cannot be mapped.
    pub at: usize,
}

/// A CBS table as read from either JSON layout.
#[derive(Debug, Clone)]
pub(crate) struct Table {
    pub file: PathBuf,
    pub layout: Layout,
    pub table_id: Option<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub vintage: Option<String>,
    pub measures: Vec<Measure>,
    pub dims: BTreeMap<String, DimKind>,
    /// Titles of dimension codes: (dimension key, code) → title.
    pub code_titles: HashMap<(String, String), String>,
    /// Dimension key → the code its code list names as the total ("Totaal …").
    pub listed_totals: HashMap<String, String>,
    /// Period code → status; `None` when the table came without a period code list.
    pub period_status: Option<HashMap<String, Status>>,
    pub obs: Vec<Obs>,
    pub unmapped: Vec<Unmapped>,
    /// Unmapped figures by byte offset, located when the table is built.
    pub unmapped_at: Vec<(usize, String)>,
}

impl Table {
    /// An empty table of `layout` read from `path`, with the table id its service URL (`url`,
    /// from `odata.metadata` or `@odata.context`) or its file name gives.
    pub(crate) fn new(path: &std::path::Path, layout: Layout, url: &str) -> Table {
        Table {
            file: path.to_path_buf(),
            layout,
            table_id: super::table_id(url).or_else(|| super::table_id_of_path(path)),
            title: None,
            description: None,
            vintage: None,
            measures: Vec::new(),
            dims: BTreeMap::new(),
            code_titles: HashMap::new(),
            listed_totals: HashMap::new(),
            period_status: None,
            obs: Vec::new(),
            unmapped: Vec::new(),
            unmapped_at: Vec::new(),
        }
    }
}

/// The status of a period code list entry: its `Status`, else a `*`/`**` on its title.
pub(crate) fn period_status(status: Option<&str>, title: Option<&str>) -> Option<Status> {
    if let Some(s) = status.filter(|s| !s.trim().is_empty()) {
        return Status::parse(s);
    }
    let title = title.unwrap_or("").trim_end();
    Some(if title.ends_with("**") {
        Status::NaderVoorlopig
    } else if title.ends_with('*') {
        Status::Voorlopig
    } else {
        Status::Definitief
    })
}

/// Region code to (regio, wijk): a wijk or buurt code (`WK077201`) lies in its gemeente
/// (`GM0772`); every other code (`NL01`, `GM0772`, `PV30`) is the regio itself.
fn geo(code: &str) -> (Option<String>, Option<String>) {
    if code.is_empty() {
        return (None, None);
    }
    let up = code.to_ascii_uppercase();
    if (up.starts_with("WK") || up.starts_with("BU")) && up.len() >= 6 && up.is_char_boundary(6) {
        return (Some(format!("GM{}", &up[2..6])), Some(up));
    }
    (Some(up), None)
}

struct Indicators {
    by_key: HashMap<(String, Vec<String>), usize>,
    drafts: Vec<IndicatorDraft>,
}

impl Indicators {
    /// The indicator for a measure and its breakdown codes, created on first use. A second
    /// measure whose id would collide gets its own key appended.
    fn id(
        &mut self,
        table: &Table,
        domein: &str,
        measure: &str,
        split: &[(String, String)],
    ) -> &IndicatorDraft {
        let codes: Vec<String> = split.iter().map(|(_, c)| c.clone()).collect();
        let key = (measure.to_string(), codes);
        if let Some(&i) = self.by_key.get(&key) {
            return &self.drafts[i];
        }
        let m = table
            .measures
            .iter()
            .find(|m| m.key == measure)
            .cloned()
            .unwrap_or(Measure {
                key: measure.to_string(),
                id: crate::import::text::id_of(measure),
                title: measure.to_string(),
                ..Measure::default()
            });
        let mut id = if m.id.is_empty() {
            "meting".to_string()
        } else {
            m.id.clone()
        };
        let mut naam = m.title.clone();
        for (dim, code) in split {
            id = format!("{id}_{}", slug(code));
            let title = table.code_titles.get(&(dim.clone(), code.clone()));
            naam = format!("{naam}, {}", title.map_or(code.as_str(), String::as_str));
        }
        if self.drafts.iter().any(|d| d.id == id) {
            id = format!("{id}_{}", slug(measure));
        }
        // The same guess as the CSV readers, so a table reads the same in every layout.
        let soort = crate::import::text::guess_soort(&m.title, &m.unit);
        let mut to_fill = Vec::new();
        if soort.is_none() {
            to_fill.push("soort");
        }
        if m.unit.trim().is_empty() {
            to_fill.push("eenheid");
        }
        if m.description.trim().is_empty() {
            to_fill.push("definitie");
        }
        self.drafts.push(IndicatorDraft {
            domein: domein.to_string(),
            id,
            naam,
            soort,
            eenheid: m.unit.trim().to_string(),
            definitie: m.description.trim().to_string(),
            to_fill,
        });
        self.by_key.insert(key, self.drafts.len() - 1);
        self.drafts.last().expect("just pushed")
    }
}

/// How the breakdown dimensions (kind Other) are read. A dimension with a total (its code list's
/// "Totaal …", or a common CBS total code among its codes: the rule the CSV reader uses) gives
/// only its total, as in the CSV form; one without a total and with more codes splits the
/// indicator per code; one with a single code adds nothing and is noted.
struct Breakdowns {
    split: BTreeSet<String>,
    /// Dimension → the total its code list names (`None`: the common codes say).
    totalled: BTreeMap<String, Option<String>>,
    /// Figures left out per dimension because their code is not the total.
    skipped: BTreeMap<String, usize>,
}

impl Breakdowns {
    fn of(table: &Table, unmapped: &mut Vec<Unmapped>) -> Breakdowns {
        let mut codes: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for o in &table.obs {
            for (d, c) in &o.dims {
                if table.dims.get(d) == Some(&DimKind::Other) {
                    codes.entry(d).or_default().insert(c);
                }
            }
        }
        let mut out = Breakdowns {
            split: BTreeSet::new(),
            totalled: BTreeMap::new(),
            skipped: BTreeMap::new(),
        };
        for (d, cs) in codes {
            let listed = table.listed_totals.get(d).map(String::as_str);
            let has_total = listed.is_some() || cs.iter().any(|c| text::is_total_code(c));
            match cs.first() {
                Some(c) if cs.len() == 1 && (!has_total || text::is_total(c, listed)) => {
                    unmapped.push(Unmapped {
                        place: d.to_string(),
                        why: format!(
                            "dimensie {d} heeft één code ({c}); niet als uitsplitsing opgenomen"
                        ),
                    });
                }
                _ if has_total => {
                    out.totalled
                        .insert(d.to_string(), listed.map(str::to_string));
                }
                _ => {
                    out.split.insert(d.to_string());
                }
            }
        }
        out
    }

    /// Whether an observation is left out: a breakdown code that is not its dimension's total.
    fn skips(&mut self, o: &Obs) -> bool {
        let not_total = o.dims.iter().find(|(d, c)| {
            self.totalled
                .get(d)
                .is_some_and(|t| !text::is_total(c, t.as_deref()))
        });
        if let Some((d, _)) = not_total {
            *self.skipped.entry(d.clone()).or_default() += 1;
        }
        not_total.is_some()
    }

    /// What was left out, as the CSV reader says it.
    fn notes(&self) -> impl Iterator<Item = Unmapped> + '_ {
        self.skipped.iter().map(|(d, n)| Unmapped {
            place: d.clone(),
            why: format!(
                "{n} {} met een uitsplitsing die duiden niet kent overgeslagen; alleen het totaal is gelezen",
                if *n == 1 { "cijfer" } else { "cijfers" }
            ),
        })
    }
}

/// The table as rows and drafts. The domein is required: a CBS table does not say which policy
/// domain its figures belong to.
pub(crate) fn build(table: Table, text: &str, opts: &Options) -> Result<Import, ImportError> {
    let domein = domein_of(&table, opts)?;
    let bron = bron_id(&table, opts);
    let mut unmapped = table.unmapped.clone();
    if table.period_status.is_none() {
        unmapped.push(Unmapped {
            place: "Perioden".into(),
            why: "geen codelijst Perioden gevonden: of een periode voorlopig is, is onbekend; alles als definitief gelezen".into(),
        });
    }
    let mut breakdowns = Breakdowns::of(&table, &mut unmapped);
    let mut indicators = Indicators {
        by_key: HashMap::new(),
        drafts: Vec::new(),
    };
    let mut rows = Vec::new();
    let mut pending = table.unmapped_at.clone();
    // Rows come in file order, so locating each is one pass over the text.
    let mut locator = super::Locator::new(&table.file, text);
    for o in &table.obs {
        if breakdowns.skips(o) {
            continue;
        }
        let period = match Period::parse(&o.period) {
            Ok((p, _)) if !o.period.contains('*') => p,
            Ok(_) | Err(_) => {
                pending.push((
                    o.at,
                    format!(
                        "periodecode '{}' niet herkend; verwacht 2022JJ00, 2022HJ01, 2022KW03 of 2022MM07",
                        o.period
                    ),
                ));
                continue;
            }
        };
        let status = table
            .period_status
            .as_ref()
            .and_then(|s| s.get(&o.period).copied())
            .unwrap_or(Status::Definitief);
        let (regio, wijk, split_codes) = coordinates(&table, &breakdowns.split, o);
        let ind = indicators.id(&table, domein, &o.measure, &split_codes);
        rows.push(Row {
            period,
            domein: domein.to_string(),
            indicator: ind.id.clone(),
            bron: bron.clone(),
            figure: o.figure.clone(),
            eenheid: ind.eenheid.clone(),
            regio,
            wijk,
            aanbieder: None,
            status,
            opmerking: None,
            origin: Some(locator.place(o.at)),
        });
    }
    unmapped.extend(breakdowns.notes());
    pending.sort_by_key(|(at, _)| *at);
    unmapped.extend(pending.into_iter().map(|(at, why)| Unmapped {
        place: locator.place(at),
        why,
    }));
    let source = source_draft(&table, bron, &rows);
    Ok(Import {
        file: table.file,
        layout: table.layout,
        rows,
        sources: vec![source],
        indicators: indicators.drafts,
        unmapped,
        notes: Vec::new(),
    })
}

/// The domein the user gave: required, a CBS table does not say it.
fn domein_of<'a>(table: &Table, opts: &'a Options) -> Result<&'a str, ImportError> {
    let domein = opts
        .domein
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty());
    domein.ok_or_else(|| {
        super::error(
            table.file.display().to_string(),
            table.layout,
            "geef het domein op met --domein (bijvoorbeeld --domein jeugd); een CBS-tabel zegt niet bij welk domein de cijfers horen",
        )
    })
}

/// The regio, wijk and breakdown codes of an observation.
fn coordinates(
    table: &Table,
    split: &BTreeSet<String>,
    o: &Obs,
) -> (Option<String>, Option<String>, Vec<(String, String)>) {
    let (mut regio, mut wijk) = (None, None);
    let mut split_codes = Vec::new();
    for (d, c) in &o.dims {
        match table.dims.get(d) {
            Some(DimKind::Geo) => (regio, wijk) = geo(c),
            _ if split.contains(d) => split_codes.push((d.clone(), c.clone())),
            _ => {}
        }
    }
    (regio, wijk, split_codes)
}

/// `--bron` when given, else `cbs-<tabel>` (`cbs-84134ned`), else `cbs-<bestandsnaam>`.
fn bron_id(table: &Table, opts: &Options) -> String {
    if let Some(b) = opts
        .bron
        .as_deref()
        .map(str::trim)
        .filter(|b| !b.is_empty())
    {
        return b.to_string();
    }
    let name = match &table.table_id {
        Some(t) => t.clone(),
        None => table
            .file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
    };
    format!("cbs-{}", slug(&name).replace('_', "-"))
}

/// The granularities present, coarse first: "jaar en halfjaar".
fn ritme(rows: &[Row]) -> String {
    let present: BTreeSet<Granularity> = rows.iter().map(|r| r.period.granularity).collect();
    let words: Vec<&str> = present.iter().rev().map(|g| g.dutch()).collect();
    match words.split_last() {
        None => String::new(),
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} en {last}", rest.join(", ")),
    }
}

fn source_draft(table: &Table, id: String, rows: &[Row]) -> SourceDraft {
    let values: Vec<f64> = rows
        .iter()
        .filter_map(|r| match r.figure {
            Figure::Value(v) => Some(v),
            Figure::Missing(_) => None,
        })
        .collect();
    // CBS rounds most social-domain counts to multiples of 5; when every figure of the table is
    // one, the table is taken as rounded so small differences with unrounded sources are named
    // as rounding. One figure that is not (9064) means the table is not rounded to 5.
    let rounded = !values.is_empty() && values.iter().all(|v| v.fract() == 0.0 && v % 5.0 == 0.0);
    let mut to_fill = Vec::new();
    let naam = match (&table.title, &table.table_id) {
        (Some(t), _) if !t.trim().is_empty() => t.trim().to_string(),
        (_, Some(t)) => format!("CBS-tabel {t}"),
        _ => {
            to_fill.push("naam");
            format!("CBS-tabel {}", table.file.display())
        }
    };
    let vindplaats = match &table.table_id {
        Some(t) => format!("https://opendata.cbs.nl/statline/#/CBS/nl/dataset/{t}"),
        None => {
            to_fill.push("vindplaats");
            table.file.display().to_string()
        }
    };
    let definitie = table
        .description
        .clone()
        .unwrap_or_default()
        .trim()
        .to_string();
    if definitie.is_empty() {
        to_fill.push("definitie");
    }
    let vintage = table.vintage.clone().unwrap_or_default().trim().to_string();
    if vintage.is_empty() {
        to_fill.push("vintage");
    }
    if rows.is_empty() {
        to_fill.push("ritme");
    }
    SourceDraft {
        id,
        naam,
        leverancier: "CBS".into(),
        ritme: ritme(rows),
        vindplaats,
        definitie,
        afronding: if rounded { 5 } else { 0 },
        vintage,
        credit: "Bron: CBS (CC BY 4.0)".into(),
        to_fill,
        herkomst: String::new(),
    }
}
