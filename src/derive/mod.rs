//! Deriving monthly instroom, uitstroom and stand from a record-level extract (one row per
//! client per provision), as series of a bron with `herkomst = "registratie"`.
//!
//! Rules (each in [`Rules`], written into the bron's definition):
//! - a unit counts once per series per month: a person (`client`), or with
//!   [`Count::Trajectories`] a client's trajectory per voorziening;
//! - provisions of one unit that overlap or are adjacent (next start the day after an end) are
//!   one spell, and a restart at most `gap_days` days after an end is a continuation of it;
//! - an empty end date is ongoing, and so is an end date after the month of the extract's last
//!   start (planned, not yet happened): the series end with that month;
//! - instroom: spells starting in the month; uitstroom: spells ending in the month; stand: spells
//!   running on the last day of the month (the peildatum).
//!
//! Records that cannot be counted are returned with their line, never dropped silently.

mod convert;
pub mod count;
pub mod date;
pub mod kaart;
pub mod sample;
pub mod scan;
mod stream;

#[cfg(test)]
mod tests;

use crate::import::{Figure, Import, IndicatorDraft, Layout, Row, SourceDraft};
use crate::model::meta::ORIGIN_RECORDS;
use crate::model::{Period, Soort, Status};
pub use kaart::ExtractMap;
pub use scan::{BadRecord, Position, Progress, SeriesKey};
use std::path::{Path, PathBuf};

/// What is counted as one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Count {
    #[default]
    Persons,
    Trajectories,
}

/// The breakdowns besides the total per domein.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Per {
    pub wijk: bool,
    pub aanbieder: bool,
    pub voorziening: bool,
}

impl Per {
    pub fn any(self) -> bool {
        self.wijk || self.aanbieder || self.voorziening
    }
}

/// The rules of a derivation.
#[derive(Debug, Clone, PartialEq)]
pub struct Rules {
    pub map: ExtractMap,
    pub count: Count,
    /// A restart at most this many days after an end continues the spell.
    pub gap_days: u32,
    pub per: Per,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            map: ExtractMap::default(),
            count: Count::Persons,
            gap_days: DEFAULT_GAP_DAYS,
            per: Per::default(),
        }
    }
}

pub const DEFAULT_GAP_DAYS: u32 = 30;

impl Rules {
    /// The rules in words, for the bron's `definitie` in `dataset.toml`.
    pub fn definition(&self) -> String {
        let unit = match self.count {
            Count::Persons => "personen (een cliënt telt één keer per domein per maand)",
            Count::Trajectories => "trajecten (cliënt en voorziening; één keer per maand)",
        };
        format!(
            "Afgeleid uit een registratie-extract (duiden afleiden). Telt {unit}. Overlappende of \
aansluitende voorzieningen zijn één periode; een herstart binnen {} dagen na een einde is voortzetting, \
geen nieuwe instroom. Een lege einddatum loopt door, net als een einddatum na de laatste startdatum in \
het extract (gepland): de reeksen lopen tot en met die maand. Instroom: perioden die in de maand beginnen; \
uitstroom: perioden die in de maand eindigen; stand: lopende perioden op de laatste dag van de maand.",
            self.gap_days
        )
    }
}

/// Why nothing was derived: the place (file, file:line) and the problem, in Dutch.
#[derive(Debug, Clone, PartialEq)]
pub struct DeriveError {
    pub place: String,
    pub problem: String,
}

impl DeriveError {
    fn at(path: &Path, problem: String) -> Self {
        DeriveError {
            place: path.display().to_string(),
            problem,
        }
    }

    /// The progress callback asked to stop (Ctrl-C).
    pub fn interrupted(path: &Path) -> Self {
        Self::at(path, INTERRUPTED.into())
    }

    pub fn is_interrupted(&self) -> bool {
        self.problem == INTERRUPTED
    }
}

const INTERRUPTED: &str = "afgebroken";

impl std::fmt::Display for DeriveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.place, self.problem)
    }
}

impl std::error::Error for DeriveError {}

/// A derivation: the series as an [`Import`] for the dataset writer, and what was not counted.
#[derive(Debug, Clone)]
pub struct Derivation {
    pub import: Import,
    pub rows_read: usize,
    pub bad: Vec<BadRecord>,
    /// Whether a bad record's number is a line (CSV) or a row (Parquet).
    pub position: Position,
}

/// The measures derived, by indicator id, name and kind.
const MEASURES: [(&str, &str, Soort); 3] = [
    ("instroom", "Instroom", Soort::Stroom),
    ("uitstroom", "Uitstroom", Soort::Stroom),
    ("stand", "Stand", Soort::Stand),
];

/// Derives the series of an extract (CSV, or Parquet by its extension). `progress` hears the
/// rows read after every batch; when it returns `false` the derivation stops with an error for
/// which [`DeriveError::is_interrupted`] holds.
pub fn derive(
    path: &Path,
    rules: &Rules,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<Derivation, DeriveError> {
    let mut scanned = scan::scan(path, rules, progress)?;
    let counts = count::count(
        &mut scanned.records,
        scanned.first_month,
        scanned.last_month,
        rules.gap_days,
    );
    // The records are counted: free them before the rows are built.
    drop(std::mem::take(&mut scanned.records));
    let bron = source_id(path, rules);
    let mut rows = Vec::new();
    let mut order: Vec<usize> = (0..scanned.series.len()).collect();
    order.sort_by(|&a, &b| scanned.series[a].cmp(&scanned.series[b]));
    let mut indicators = Vec::new();
    for i in order {
        let key = &scanned.series[i];
        let c = &counts.series[i];
        let Some(first) = c.first else { continue };
        for (id, naam, soort) in MEASURES {
            let values = match id {
                "instroom" => &c.instroom,
                "uitstroom" => &c.uitstroom,
                _ => &c.stand,
            };
            let indicator = match &key.voorziening {
                Some(v) => format!("{id}-{}", crate::import::text::id_of(or_unknown(v))),
                None => id.to_string(),
            };
            if !indicators
                .iter()
                .any(|d: &IndicatorDraft| d.domein == key.domein && d.id == indicator)
            {
                indicators.push(indicator_draft(key, &indicator, naam, soort, rules));
            }
            for (m, &v) in values.iter().enumerate().skip(first) {
                let (y, mo) = date::year_month(counts.first_month + m as i32);
                rows.push(Row {
                    period: Period::month(y, mo as u8),
                    domein: key.domein.clone(),
                    indicator: indicator.clone(),
                    bron: bron.clone(),
                    figure: Figure::Value(f64::from(v)),
                    eenheid: "personen".into(),
                    regio: None,
                    wijk: key.wijk.as_deref().map(|s| or_unknown(s).to_string()),
                    aanbieder: key.aanbieder.as_deref().map(|s| or_unknown(s).to_string()),
                    status: Status::Definitief,
                    opmerking: None,
                    origin: None,
                });
            }
        }
    }
    let source = SourceDraft {
        id: bron.clone(),
        naam: format!("Registratie ({})", file_name(path)),
        leverancier: "eigen registratie".into(),
        ritme: "maand".into(),
        vindplaats: file_name(path),
        definitie: rules.definition(),
        herkomst: ORIGIN_RECORDS.into(),
        to_fill: vec!["leverancier"],
        ..SourceDraft::default()
    };
    Ok(Derivation {
        import: Import {
            file: PathBuf::from(path),
            layout: Layout::Records,
            rows,
            sources: vec![source],
            indicators,
            unmapped: Vec::new(),
            notes: Vec::new(),
        },
        rows_read: scanned.rows,
        bad: scanned.bad,
        position: scanned.position,
    })
}

fn or_unknown(s: &str) -> &str {
    if s.is_empty() { "onbekend" } else { s }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
}

/// The bron id: from the mapping, else `registratie-<file stem>`.
pub fn source_id(path: &Path, rules: &Rules) -> String {
    if !rules.map.bron.trim().is_empty() {
        return rules.map.bron.trim().to_string();
    }
    let stem = path
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    format!(
        "registratie-{}",
        crate::import::text::id_of(&stem).replace('_', "-")
    )
}

fn indicator_draft(
    key: &SeriesKey,
    id: &str,
    naam: &str,
    soort: Soort,
    rules: &Rules,
) -> IndicatorDraft {
    let naam = match &key.voorziening {
        Some(v) => format!("{naam} {}", or_unknown(v)),
        None => naam.to_string(),
    };
    IndicatorDraft {
        domein: key.domein.clone(),
        id: id.to_string(),
        naam,
        soort: Some(soort),
        eenheid: "personen".into(),
        definitie: measure_definition(id, rules),
        to_fill: Vec::new(),
    }
}

/// The definition of a derived indicator, from its measure (`instroom`, `uitstroom`, `stand`).
fn measure_definition(id: &str, rules: &Rules) -> String {
    let unit = match rules.count {
        Count::Persons => "Personen",
        Count::Trajectories => "Trajecten (cliënt en voorziening)",
    };
    let what = if id.starts_with("instroom") {
        "met een periode die in de maand begint"
    } else if id.starts_with("uitstroom") {
        "met een periode die in de maand eindigt"
    } else {
        "met een lopende periode op de laatste dag van de maand"
    };
    format!("{unit} {what}; regels: zie de definitie van de bron.")
}
