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
    /// A UTF-16 file (byte order mark FF FE or FE FF, or NUL bytes between the letters).
    Utf16,
    /// The TOML parser's or serde's (English) message, values echoed; `Display` says it in Dutch.
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
    /// Text after the closing quote of a quoted field (`"instr"oom`): the csv reader would drop
    /// the quotes silently.
    QuoteInField,
    /// A quote that opens a field and closes only on line `closed_on`, with text after it: most
    /// likely never closed in its own field. Placed where it opened.
    QuoteRunsOn {
        closed_on: usize,
    },
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
    /// A warning (see [`super::warnings`]): accepted, but probably not meant.
    /// Boxed: diagnostics travel in `Result`s and the other kinds are small.
    Warning(Box<Warning>),
}

/// What `duiden controleer` warns about: the dataset loads, but something in it is probably not
/// what was meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// Lines end in CR only (old Mac files): read as line ends.
    CrOnly,
    /// `field` (`breuken`, `per_bron`, `start`) names a source not in `[[bronnen]]`.
    MissingSource { field: &'static str, id: String },
    /// `field` (`breuken`, `teller`, `noemer`, `start`) names an indicator not in
    /// `[[indicatoren]]`.
    MissingIndicator {
        field: &'static str,
        domain: String,
        indicator: String,
    },
    /// A second `[[indicatoren]]` with the same domein and id (the first one is used).
    DuplicateIndicator {
        domain: String,
        indicator: String,
        first_line: usize,
    },
    /// A `per` of 0, NaN or infinity.
    BadPer { value: String },
    /// A `ritme` that is none of maand, kwartaal, halfjaar, jaar.
    UnknownRhythm { value: String },
    /// A negative value of a stroom or stand (a count).
    NegativeCount { value: String, soort: &'static str },
    /// A year before 1900 or after 2100.
    YearOutOfRange { year: i32 },
    /// A field an import could not know, listed in `in_te_vullen` of `owner` ("bron 'x'").
    ToFill { owner: String, field: String },
}

/// The known delivery rhythms of a source.
pub const RHYTHMS: [&str; 4] = ["maand", "kwartaal", "halfjaar", "jaar"];

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
            K::Utf16 => f.write_str(
                "bestand is UTF-16; verwacht UTF-8-tekst — sla het bestand op als 'CSV UTF-8' of 'UTF-8'",
            ),
            K::Toml { message } => f.write_str(&super::toml_message::dutch(message)),
            K::QuoteInField => f.write_str(
                "tekst na het afsluitende aanhalingsteken in dit veld; verwacht het hele veld tussen aanhalingstekens (een \" in de tekst verdubbeld: \"\") of geen aanhalingstekens",
            ),
            K::Warning(w) => warning_dutch(f, w),
            K::Period(e) => write!(f, "{e}"),
            K::Lag(e) => lag_message(f, e),
            K::DuplicateSourceId { id } => write!(
                f,
                "bron '{id}' staat twee keer in [[bronnen]]; verwacht unieke ids"
            ),
            K::BadColour { .. } | K::BadSymbol { .. } => f.write_str(&identity_dutch(self)),
            K::BadRole { .. } | K::UnknownPartOf(_) => metadata_message(f, self),
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
            K::QuoteRunsOn { closed_on } => write!(
                f,
                "aanhalingsteken wordt niet gesloten in dit veld: het veld loopt door tot het aanhalingsteken op regel {closed_on}, met tekst erna; verwacht een afsluitend \" in hetzelfde veld (of verdubbel het: \"\")"
            ),
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

/// The Dutch message of a bad `rol` or `deel_van`.
fn metadata_message(f: &mut fmt::Formatter<'_>, kind: &DiagnosticKind) -> fmt::Result {
    use DiagnosticKind as K;
    match kind {
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
        _ => Ok(()),
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

/// Characters of a value echoed in a message; a longer value is cut (a 10 MB cell stays a line).
pub const ECHO_CHARS: usize = 80;

/// A value as a message echoes it: control characters escaped (`\n`, `\t`, `\u{1b}`), so the
/// message stays one line, and cut after [`ECHO_CHARS`] characters with `…`.
pub fn echo(value: &str) -> String {
    let mut out = String::new();
    for (i, c) in value.chars().enumerate() {
        if i == ECHO_CHARS {
            out.push('…');
            break;
        }
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&c.escape_unicode().to_string()),
            c => out.push(c),
        }
    }
    out
}

/// A message with each quoted part (`"…"`, `'…'` or `` `…` ``) echoed by [`echo`], and control
/// characters outside them escaped.
pub fn echo_quoted(message: &str) -> String {
    let mut out = String::new();
    let mut rest = message;
    while let Some(start) = rest.find(['"', '\'', '`']) {
        let quote = rest[start..].chars().next().unwrap_or('"');
        let after = &rest[start + 1..];
        out.push_str(&echo_all(&rest[..=start]));
        let Some(end) = after.find(quote) else {
            rest = after;
            continue;
        };
        out.push_str(&echo(&after[..end]));
        out.push(quote);
        rest = &after[end + 1..];
    }
    out.push_str(&echo_all(rest));
    out
}

/// Control characters escaped; cut only when very long (a value with a quote inside it).
fn echo_all(text: &str) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == 3 * ECHO_CHARS {
            out.push('…');
            break;
        }
        match c {
            c if c.is_control() => out.push_str(&echo(&c.to_string())),
            c => out.push(c),
        }
    }
    out
}

/// The Dutch message of a warning.
fn warning_dutch(f: &mut fmt::Formatter<'_>, w: &Warning) -> fmt::Result {
    match w {
        Warning::CrOnly => f.write_str(
            "regels eindigen alleen op CR (oude Mac-indeling); gelezen als regeleinden, verwacht LF of CRLF",
        ),
        Warning::MissingSource { field, id } => write!(
            f,
            "{field} noemt bron '{id}', die niet in [[bronnen]] staat; verwacht de id van een bron"
        ),
        Warning::MissingIndicator {
            field,
            domain,
            indicator,
        } => write!(
            f,
            "{field} noemt indicator '{indicator}' (domein {domain}), die niet in [[indicatoren]] staat; verwacht een bestaande indicator"
        ),
        Warning::DuplicateIndicator {
            domain,
            indicator,
            first_line,
        } => write!(
            f,
            "indicator '{indicator}' (domein {domain}) staat ook op regel {first_line}; alleen die eerste telt, verwacht elke indicator één keer"
        ),
        Warning::BadPer { value } => write!(
            f,
            "per = {value} kan geen vermenigvuldiger zijn; verwacht bijv. 100 (procent) of 1000 (per 1.000)"
        ),
        Warning::UnknownRhythm { value } => write!(
            f,
            "ritme '{value}' onbekend; verwacht {}",
            RHYTHMS.join(", ")
        ),
        Warning::NegativeCount { value, soort } => write!(
            f,
            "negatieve waarde {value} voor een {soort} (een aantal); verwacht 0 of meer"
        ),
        Warning::YearOutOfRange { year } => write!(
            f,
            "jaar {year} ligt buiten 1900-2100; verwacht een jaar in die periode (tikfout?)"
        ),
        Warning::ToFill { owner, field } => write!(
            f,
            "nog in te vullen bij {owner}: {field}; vul het veld in en haal '{field}' weg uit in_te_vullen"
        ),
    }
}

impl DiagnosticKind {
    /// The kind with every value taken from the file echoed by [`echo`]: a message shows at
    /// most [`ECHO_CHARS`] characters of it, on one line.
    pub fn echoed(self) -> Self {
        use DiagnosticKind as K;
        let e = |s: String| echo(&s);
        match self {
            K::Toml { message } => K::Toml {
                message: echo_quoted(&message),
            },
            K::Period(p) => K::Period(match p {
                PeriodError::Unrecognised { text } => PeriodError::Unrecognised { text: e(text) },
                PeriodError::OutOfRange { text, index, max } => PeriodError::OutOfRange {
                    text: e(text),
                    index,
                    max,
                },
            }),
            K::Value(n) => K::Value(match n {
                NumberError::NotANumber { text } => NumberError::NotANumber { text: e(text) },
                NumberError::Ambiguous { text } => NumberError::Ambiguous { text: e(text) },
                NumberError::TooLarge { text } => NumberError::TooLarge { text: e(text) },
            }),
            K::Lag(LagError::NoUnit { text }) => K::Lag(LagError::NoUnit { text: e(text) }),
            K::DuplicateSourceId { id } => K::DuplicateSourceId { id: e(id) },
            K::BadColour { value } => K::BadColour { value: e(value) },
            K::BadSymbol { value, problem } => K::BadSymbol {
                value: e(value),
                problem,
            },
            K::DuplicateColumn { name } => K::DuplicateColumn { name: e(name) },
            K::UnknownColumn { name } => K::UnknownColumn { name: e(name) },
            K::UnknownStatus { value } => K::UnknownStatus { value: e(value) },
            K::UnknownIndicator { domain, indicator } => K::UnknownIndicator {
                domain: e(domain),
                indicator: e(indicator),
            },
            K::UnknownSource { id } => K::UnknownSource { id: e(id) },
            K::Warning(w) => K::Warning(Box::new((*w).echoed())),
            other => other,
        }
    }
}

impl Warning {
    fn echoed(self) -> Self {
        let e = |s: String| echo(&s);
        match self {
            Warning::MissingSource { field, id } => Warning::MissingSource { field, id: e(id) },
            Warning::MissingIndicator {
                field,
                domain,
                indicator,
            } => Warning::MissingIndicator {
                field,
                domain: e(domain),
                indicator: e(indicator),
            },
            Warning::DuplicateIndicator {
                domain,
                indicator,
                first_line,
            } => Warning::DuplicateIndicator {
                domain: e(domain),
                indicator: e(indicator),
                first_line,
            },
            Warning::UnknownRhythm { value } => Warning::UnknownRhythm { value: e(value) },
            Warning::ToFill { owner, field } => Warning::ToFill {
                owner: e(owner),
                field: e(field),
            },
            other => other,
        }
    }
}
