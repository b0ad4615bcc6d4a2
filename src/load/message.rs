//! What is wrong at a diagnostic's place, as data. `Display` is the Dutch message (the default,
//! and what `duiden controleer` prints in Dutch); the interface's catalog renders the other
//! languages from the same data, so a message never has to be parsed back.

use super::csv::{OPTIONAL_COLUMNS, REQUIRED_COLUMNS};
use super::{DATA_FILE, META_FILE};
use crate::model::identity::{SymbolProblem, colour_names};
use crate::model::lag::LagError;
use crate::model::number::NumberError;
use crate::model::period::PeriodError;
use crate::model::{Period, SeriesKey, Status};
use std::fmt;

/// An indicator's `deel_van` and where it was written (boxed: keeps diagnostics small).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartOfTarget {
    pub domain: String,
    pub indicator: String,
    pub target: String,
}

/// One kind of problem in a dataset, with the values its message names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiagnosticKind {
    /// The dataset folder does not exist.
    MissingFolder,
    /// Loading was cancelled (only a progress callback can).
    Cancelled,
    /// The operating system's reason a file could not be read.
    Unreadable {
        error: String,
    },
    /// The first byte that is not UTF-8.
    NotUtf8 {
        byte: u8,
    },
    /// The TOML parser's (English) message.
    Toml {
        message: String,
    },
    Period(PeriodError),
    DuplicateSourceId {
        id: String,
    },
    /// A source's `kleur` that is no colour name and no `#rrggbb`.
    BadColour {
        value: String,
    },
    /// A source's `symbool` that cannot be a chart symbol.
    BadSymbol {
        value: String,
        problem: SymbolProblem,
    },
    /// A source's `rol` that is neither "begroting" nor "realisatie".
    BadRole {
        value: String,
    },
    /// An indicator's `deel_van` that names no other indicator of its domein.
    UnknownPartOf(Box<PartOfTarget>),
    EmptyFile,
    /// A header field without a name, 1-based.
    UnnamedColumn {
        column: usize,
    },
    DuplicateColumn {
        name: String,
    },
    UnknownColumn {
        name: String,
    },
    MissingColumn {
        name: String,
    },
    FieldCount {
        found: usize,
        expected: usize,
        separator: char,
    },
    NotCsv {
        separator: char,
    },
    UnclosedQuote,
    /// An empty cell in a required column (one of [`REQUIRED_COLUMNS`]).
    EmptyCell {
        column: String,
    },
    UnknownStatus {
        value: String,
    },
    Value(NumberError),
    UnknownIndicator {
        domain: String,
        indicator: String,
    },
    UnknownSource {
        id: String,
    },
    /// A `vertraging` that names a number but no unit of time.
    Lag(LagError),
    DuplicateRow {
        period: Period,
        /// Boxed: the other kinds are small, and diagnostics travel in `Result`s.
        key: Box<SeriesKey>,
        first_line: usize,
    },
}

const UNCLOSED_QUOTE: &str = "aanhalingsteken wordt niet gesloten (het veld loopt door tot het einde van het bestand); verwacht een afsluitend \" in hetzelfde veld (of verdubbel het: \"\")";

/// What an empty required cell should have held.
fn expected_in(column: &str) -> &'static str {
    match column {
        "periode" => "een periode zoals 2021-03 of 2021KW01",
        "domein" => "een domein zoals jeugd, wmo of participatie",
        "indicator" => "een indicator zoals instroom",
        "bron" => "de id van een bron uit dataset.toml",
        _ => "een getal, of '.' voor onbekend",
    }
}

/// A `vertraging` that is not a duration.
fn lag_message(f: &mut fmt::Formatter<'_>, e: &LagError) -> fmt::Result {
    match e {
        LagError::NoUnit { text } => write!(
            f,
            "vertraging '{text}': getal zonder eenheid; verwacht een duur zoals '6 weken', 'ca. 4 maanden' of '1 kwartaal'"
        ),
    }
}

/// The Dutch message of a problem with the header row of `reeksen.csv`.
fn header_message(f: &mut fmt::Formatter<'_>, kind: &DiagnosticKind) -> fmt::Result {
    use DiagnosticKind as K;
    let required = REQUIRED_COLUMNS.join(",");
    let optional = OPTIONAL_COLUMNS.join(",");
    match kind {
        K::EmptyFile => write!(
            f,
            "bestand is leeg; verwacht een kopregel met {required} en daarna gegevens"
        ),
        K::UnnamedColumn { column } => write!(
            f,
            "kolom {column} in de kopregel heeft geen naam; verwacht {required} en eventueel {optional} (of een scheidingsteken minder)"
        ),
        K::DuplicateColumn { name } => write!(
            f,
            "kolom '{name}' staat twee keer in de kopregel; verwacht elke kolom één keer"
        ),
        K::UnknownColumn { name } => write!(
            f,
            "onbekende kolom '{name}'; verwacht {required} en eventueel {optional}"
        ),
        K::MissingColumn { name } => write!(
            f,
            "kolom '{name}' ontbreekt; verwacht kopregel met {required}"
        ),
        _ => Ok(()),
    }
}

impl fmt::Display for DiagnosticKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use DiagnosticKind as K;
        match self {
            K::MissingFolder => write!(
                f,
                "map bestaat niet; verwacht een datasetmap met {DATA_FILE} en {META_FILE}"
            ),
            K::Cancelled => f.write_str("laden afgebroken"),
            K::Unreadable { error } => write!(f, "kan bestand niet lezen: {error}"),
            K::NotUtf8 { byte } => write!(
                f,
                "geen geldige UTF-8 (byte 0x{byte:02X}); verwacht UTF-8-tekst — sla het bestand op als 'CSV UTF-8'"
            ),
            K::Toml { message } => f.write_str(message),
            K::Period(e) => write!(f, "{e}"),
            K::Lag(e) => lag_message(f, e),
            K::DuplicateSourceId { id } => write!(
                f,
                "bron '{id}' staat twee keer in [[bronnen]]; verwacht unieke ids"
            ),
            K::BadColour { .. } | K::BadSymbol { .. } => f.write_str(&identity_dutch(self)),
            K::BadRole { value } => write!(
                f,
                "rol '{value}' onbekend; verwacht \"begroting\" of \"realisatie\""
            ),
            K::UnknownPartOf(p) => write!(
                f,
                "deel_van '{}' van indicator '{}' is geen andere indicator in domein {d}; verwacht de id van een [[indicatoren]] met domein = \"{d}\"",
                p.target,
                p.indicator,
                d = p.domain
            ),
            K::EmptyFile
            | K::UnnamedColumn { .. }
            | K::DuplicateColumn { .. }
            | K::UnknownColumn { .. }
            | K::MissingColumn { .. } => header_message(f, self),
            K::FieldCount {
                found,
                expected,
                separator,
            } => write!(
                f,
                "regel heeft {found} velden; verwacht {expected} zoals de kopregel (scheidingsteken '{separator}')"
            ),
            K::NotCsv { separator } => write!(
                f,
                "regel kan niet als CSV gelezen worden; verwacht velden gescheiden door '{separator}'"
            ),
            K::UnclosedQuote => f.write_str(UNCLOSED_QUOTE),
            K::EmptyCell { column } => {
                write!(f, "{column} is leeg; verwacht {}", expected_in(column))
            }
            K::UnknownStatus { value } => {
                write!(f, "status '{value}' onbekend; verwacht {}", Status::FORMS)
            }
            K::Value(e) => write!(f, "waarde: {e}; '.' betekent onbekend"),
            K::UnknownIndicator { domain, indicator } => write!(
                f,
                "indicator '{indicator}' (domein {domain}) heeft geen metadata; verwacht een [[indicatoren]] met domein = \"{domain}\" en id = \"{indicator}\" in {META_FILE}"
            ),
            K::UnknownSource { id } => write!(
                f,
                "bron '{id}' heeft geen metadata; verwacht een [[bronnen]] met id = \"{id}\" in {META_FILE}"
            ),
            K::DuplicateRow {
                period,
                key,
                first_line,
            } => write!(
                f,
                "dubbele rij: periode {period}, {key} staat ook op regel {first_line}; verwacht één waarde per (periode, domein, indicator, bron, uitsplitsing)"
            ),
        }
    }
}

/// The Dutch message of a bad `kleur` or `symbool`.
fn identity_dutch(kind: &DiagnosticKind) -> String {
    match kind {
        DiagnosticKind::BadColour { value } => format!(
            "kleur '{value}' onbekend; verwacht #rrggbb of een van {}",
            colour_names().join(", ")
        ),
        DiagnosticKind::BadSymbol { value, problem } => {
            let why = match problem {
                SymbolProblem::NotOneCharacter => "is niet één teken",
                SymbolProblem::Reserved => {
                    "is het teken van een gebeurtenis (◆), een trendbreuk (╫) of een cijfer (uitsplitsingen)"
                }
                SymbolProblem::Invisible => "is niet zichtbaar",
                SymbolProblem::Wide => "is twee vakjes breed (emoji of Chinees/Japans teken)",
            };
            format!("symbool '{value}' {why}; verwacht één ander teken, bijv. ★ of ✦")
        }
        _ => String::new(),
    }
}
