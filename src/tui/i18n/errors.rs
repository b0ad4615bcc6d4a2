//! Errors of the core in the interface's language. The core describes each problem as data with
//! a Dutch `Display` (the default, also what the Dutch command line prints); the other languages
//! are rendered here, from the same data, with the same `file:line:column` in front. File words
//! (column names, keys, status and role names) stay as the files write them.

use super::Lang::{En, Nl};
use super::texts::Texts;
use crate::load::{Diagnostic, DiagnosticKind, LoadError};
use crate::model::number::NumberError;
use crate::model::period::PeriodError;
use crate::report::export::{Export, Refusal};
use crate::session::SessionError;
use crate::session::header::{LineError, LineProblem, role_words};
use crate::session::store::ParseProblem;
use std::path::Path;

/// The period forms of [`crate::model::period::PERIOD_FORMS`], listed in English.
const PERIOD_FORMS_EN: &str =
    "2021-03, 2021-Q1, 2021K1, 2021-H1, 2021, 2021MM03, 2021KW01, 2021HJ01 or 2021JJ00";

impl Texts {
    /// Every diagnostic of a failed load, one per line, with the count of those left out.
    pub fn load_error(&self, e: &LoadError) -> String {
        if self.lang == Nl {
            return e.to_string();
        }
        let mut lines: Vec<String> = e.diagnostics.iter().map(|d| self.diagnostic(d)).collect();
        if e.omitted > 0 {
            lines.push(format!("… and {} more errors", e.omitted));
        }
        lines.join("\n")
    }

    /// `file:line:column: message`.
    pub fn diagnostic(&self, d: &Diagnostic) -> String {
        match self.lang {
            Nl => d.to_string(),
            En => format!("{}{}", d.place(), diagnostic_en(&d.kind)),
        }
    }

    /// `file:line:column: waarschuwing: message` (a warning: the dataset loads).
    pub fn warning(&self, d: &Diagnostic) -> String {
        match self.lang {
            Nl => format!("{}waarschuwing: {}", d.place(), d.message),
            En => format!("{}warning: {}", d.place(), diagnostic_en(&d.kind)),
        }
    }

    /// The interface's note that the dataset has warnings.
    pub fn dataset_warnings(&self, n: usize) -> String {
        match (self.lang, n) {
            (Nl, 1) => "1 waarschuwing bij de dataset; `duiden controleer` toont waar".to_string(),
            (Nl, _) => format!("{n} waarschuwingen bij de dataset; `duiden controleer` toont waar"),
            (En, 1) => "1 warning about the dataset; `duiden controleer` shows where".to_string(),
            (En, _) => format!("{n} warnings about the dataset; `duiden controleer` shows where"),
        }
    }

    /// The lines `duiden controleer` prints for the warnings, and how many more there were.
    pub fn warnings(&self, list: &[Diagnostic], omitted: usize) -> Vec<String> {
        let more = match self.lang {
            Nl => format!("… en nog {omitted} waarschuwingen"),
            En => format!("… and {omitted} more warnings"),
        };
        let lines = list.iter().map(|d| self.warning(d));
        lines.chain((omitted > 0).then_some(more)).collect()
    }

    pub fn period_error(&self, e: &PeriodError) -> String {
        match self.lang {
            Nl => e.to_string(),
            En => period_en(e),
        }
    }

    /// A session file that cannot be read or written, with its place.
    pub fn session_error(&self, e: &SessionError) -> String {
        if self.lang == Nl {
            return e.to_string();
        }
        match e {
            SessionError::Io { path, source } => {
                format!("{}: reading or writing failed: {source}", path.display())
            }
            SessionError::Parse {
                path,
                line,
                column,
                problem,
            } => format!("{}:{line}:{column}: {}", path.display(), parse_en(problem)),
            SessionError::TooNew {
                path,
                found,
                supported,
            } => format!(
                "{}: session format {found} is newer than this version of duiden can read (up to {supported}); update duiden",
                path.display()
            ),
            SessionError::ChangedOnDisk { path } => format!(
                "{}: the file was changed outside duiden since duiden read or saved it; not saved, nothing overwritten",
                path.display()
            ),
            SessionError::Refused { path, why } => {
                format!("{}: {}", path.display(), lifecycle_en(self, why))
            }
        }
    }

    /// The count line under `duiden controleer`'s errors.
    pub fn error_count(&self, n: usize, path: &Path) -> String {
        let path = path.display();
        match (self.lang, n) {
            (Nl, 1) => format!("1 fout in {path}"),
            (Nl, _) => format!("{n} fouten in {path}"),
            (En, 1) => format!("1 error in {path}"),
            (En, _) => format!("{n} errors in {path}"),
        }
    }

    /// Why `--uit` is not written, with what to do instead.
    pub fn export_refused(&self, r: &Refusal) -> String {
        match (self.lang, r) {
            (Nl, Refusal::NoFolder(p)) => format!(
                "map {} bestaat niet; maak hem eerst of kies een bestaande map (duiden maakt geen mappen voor --uit)",
                p.display()
            ),
            (En, Refusal::NoFolder(p)) => format!(
                "folder {} does not exist; create it first or choose an existing folder (duiden makes no folders for --uit)",
                p.display()
            ),
            (Nl, Refusal::NotAFile(p)) => {
                format!(
                    "{} is geen gewoon bestand; kies een bestandsnaam",
                    p.display()
                )
            }
            (En, Refusal::NotAFile(p)) => {
                format!("{} is not a regular file; choose a file name", p.display())
            }
            (Nl, Refusal::Session(p)) => format!(
                "{} is een sessiebestand; niet overschreven (kies een ander bestand, bijvoorbeeld .md of .html)",
                p.display()
            ),
            (En, Refusal::Session(p)) => format!(
                "{} is a session file; not overwritten (choose another file, e.g. .md or .html)",
                p.display()
            ),
            (Nl, Refusal::Dataset(p)) => format!(
                "{} is een bestand van een dataset; niet overschreven",
                p.display()
            ),
            (En, Refusal::Dataset(p)) => {
                format!("{} is a dataset file; not overwritten", p.display())
            }
            (Nl, Refusal::Foreign(p)) => format!(
                "{} bestaat al en is niet door duiden geschreven; niet overschreven (kies een ander bestand of geef --overschrijf)",
                p.display()
            ),
            (En, Refusal::Foreign(p)) => format!(
                "{} exists and was not written by duiden; not overwritten (choose another file or give --overschrijf)",
                p.display()
            ),
        }
    }

    /// After writing an export to `--uit`.
    pub fn export_written(&self, what: Export, path: &Path) -> String {
        let path = path.display();
        match (self.lang, what) {
            (Nl, Export::Minutes) => format!("notulen geschreven: {path}"),
            (Nl, Export::Backlog) => format!("vragenlijst geschreven: {path}"),
            (En, Export::Minutes) => format!("minutes written: {path}"),
            (En, Export::Backlog) => format!("question list written: {path}"),
        }
    }

    /// After the load errors, when the interface cannot start on a dataset.
    pub fn dataset_not_opened(&self, path: &Path) -> String {
        let path = path.display();
        match self.lang {
            Nl => format!("dataset {path} kan niet geopend worden"),
            En => format!("dataset {path} cannot be opened"),
        }
    }

    /// The count line under `duiden verschillen`: "1 verschil", "12 verschillen".
    pub fn differences_found(&self, n: usize) -> String {
        match (self.lang, n) {
            (Nl, 1) => "1 verschil".to_string(),
            (Nl, _) => format!("{n} verschillen"),
            (En, 1) => "1 difference".to_string(),
            (En, _) => format!("{n} differences"),
        }
    }

    /// The count line under `duiden signalen`: "1 signaal", "4 signalen".
    pub fn signals_found(&self, n: usize) -> String {
        match (self.lang, n) {
            (Nl, 1) => "1 signaal".to_string(),
            (Nl, _) => format!("{n} signalen"),
            (En, 1) => "1 signal".to_string(),
            (En, _) => format!("{n} signals"),
        }
    }

    /// `--domein` names no domain of the dataset; `nearest` are the closest ones.
    pub fn unknown_domain(&self, name: &str, nearest: &[&str]) -> String {
        let nearest = quoted(nearest, self.or());
        match self.lang {
            Nl => format!("onbekend domein '{name}' in deze dataset; bedoelt u {nearest}?"),
            En => format!("unknown domain '{name}' in this dataset; did you mean {nearest}?"),
        }
    }

    /// `--indicator` names no indicator (of the domain, when given); `elsewhere` are the
    /// domains that do have it.
    pub fn unknown_indicator(
        &self,
        name: &str,
        domain: Option<&str>,
        nearest: &[&str],
        elsewhere: &[&str],
    ) -> String {
        let nearest = quoted(nearest, self.or());
        let there = quoted(elsewhere, self.and());
        match (self.lang, domain) {
            (Nl, Some(d)) if !elsewhere.is_empty() => format!(
                "indicator '{name}' hoort niet bij domein '{d}' maar bij {there}; of bedoelt u {nearest}?"
            ),
            (En, Some(d)) if !elsewhere.is_empty() => format!(
                "indicator '{name}' is not in domain '{d}' but in {there}; or did you mean {nearest}?"
            ),
            (Nl, Some(d)) => {
                format!("onbekende indicator '{name}' in domein '{d}'; bedoelt u {nearest}?")
            }
            (En, Some(d)) => {
                format!("unknown indicator '{name}' in domain '{d}'; did you mean {nearest}?")
            }
            (Nl, None) => {
                format!("onbekende indicator '{name}' in deze dataset; bedoelt u {nearest}?")
            }
            (En, None) => {
                format!("unknown indicator '{name}' in this dataset; did you mean {nearest}?")
            }
        }
    }

    fn or(&self) -> &'static str {
        match self.lang {
            Nl => "of",
            En => "or",
        }
    }

    fn and(&self) -> &'static str {
        match self.lang {
            Nl => "en",
            En => "and",
        }
    }

    /// A session file the command line leaves out, and why.
    pub fn skipped(&self, error: &str) -> String {
        match self.lang {
            Nl => format!("overgeslagen: {error}"),
            En => format!("skipped: {error}"),
        }
    }

    /// A line of the participants and agenda form that cannot be read.
    pub fn line_error(&self, e: &LineError) -> String {
        match self.lang {
            Nl => e.to_string(),
            En => format!("line {}: {}", e.line, line_en(&e.problem)),
        }
    }
}

fn number_en(e: &NumberError) -> String {
    match e {
        NumberError::NotANumber { text } => {
            format!("expected a number (e.g. 1234, 12,5 or 12.5), got '{text}'")
        }
        NumberError::Ambiguous { text } => format!(
            "'{text}' is ambiguous: expected one decimal separator (12,5 or 12.5), optionally with thousands grouped (1.234,5)"
        ),
        NumberError::TooLarge { text } => format!("'{text}' is too large for a number"),
    }
}

fn period_en(e: &PeriodError) -> String {
    match e {
        PeriodError::Unrecognised { text } => {
            format!("period '{text}' not recognised; expected one of {PERIOD_FORMS_EN}")
        }
        PeriodError::OutOfRange { text, index, max } => {
            format!("period '{text}': number {index} out of range 1-{max}")
        }
    }
}

/// What an empty required cell should have held.
fn empty_cell_en(column: &str) -> &'static str {
    match column {
        "periode" => "a period such as 2021-03 or 2021KW01",
        "domein" => "a domain such as jeugd, wmo or participatie",
        "indicator" => "an indicator such as instroom",
        "bron" => "the id of a source in dataset.toml",
        _ => "a number, or '.' for unknown",
    }
}

fn diagnostic_en(kind: &DiagnosticKind) -> String {
    use crate::load::csv::{OPTIONAL_COLUMNS, REQUIRED_COLUMNS};
    use crate::load::{DATA_FILE, META_FILE};
    use DiagnosticKind as K;
    let required = REQUIRED_COLUMNS.join(",");
    let optional = OPTIONAL_COLUMNS.join(",");
    match kind {
        K::MissingFolder => format!(
            "folder does not exist; expected a dataset folder with {DATA_FILE} and {META_FILE}"
        ),
        K::Cancelled => "loading cancelled".to_string(),
        K::Unreadable { error } => format!("cannot read file: {error}"),
        K::NotUtf8 { byte } => format!(
            "not valid UTF-8 (byte 0x{byte:02X}); expected UTF-8 text — save the file as 'CSV UTF-8'"
        ),
        K::Utf16 => {
            "file is UTF-16; expected UTF-8 text — save the file as 'CSV UTF-8' or 'UTF-8'".to_string()
        }
        K::Toml { message } => message.clone(),
        K::QuoteInField => "text after the closing quote of this field; expected the whole field in quotes (a \" in the text doubled: \"\") or no quotes".to_string(),
        K::Warning(w) => warning_en(w),
        K::Period(e) => period_en(e),
        K::Lag(crate::model::lag::LagError::NoUnit { text }) => format!(
            "delay '{text}': a number without a unit; expected a duration such as '6 weken', 'ca. 4 maanden' or '1 kwartaal'"
        ),
        K::DuplicateSourceId { id } => {
            format!("source '{id}' appears twice in [[bronnen]]; expected unique ids")
        }
        K::BadColour { .. } | K::BadSymbol { .. } => identity_en(kind),
        K::BadRole { .. } | K::UnknownPartOf(_) => role_or_part_en(kind),
        K::EmptyFile => {
            format!("file is empty; expected a header line with {required} and then data")
        }
        K::UnnamedColumn { column } => format!(
            "column {column} of the header line has no name; expected {required} and optionally {optional} (or one separator less)"
        ),
        K::DuplicateColumn { name } => format!(
            "column '{name}' appears twice in the header line; expected each column once"
        ),
        K::UnknownColumn { name } => {
            format!("unknown column '{name}'; expected {required} and optionally {optional}")
        }
        K::MissingColumn { name } => {
            format!("column '{name}' is missing; expected a header line with {required}")
        }
        K::FieldCount {
            found,
            expected,
            separator,
        } => format!(
            "line has {found} fields; expected {expected} like the header line (separator '{separator}')"
        ),
        K::NotCsv { separator } => format!(
            "line cannot be read as CSV; expected fields separated by '{separator}'"
        ),
        K::UnclosedQuote => "quote is never closed (the field runs on to the end of the file); expected a closing \" in the same field (or double it: \"\")".to_string(),
        K::QuoteRunsOn { closed_on } => format!("quote is not closed in this field: the field runs on to the quote on line {closed_on}, with text after it; expected a closing \" in the same field (or double it: \"\")"),
        K::EmptyCell { column } => {
            format!("{column} is empty; expected {}", empty_cell_en(column))
        }
        K::UnknownStatus { value } => format!(
            "unknown status '{value}'; expected definitief, voorlopig, nader voorlopig or schatting"
        ),
        K::Value(e) => format!("waarde: {}; '.' means unknown", number_en(e)),
        K::UnknownIndicator { domain, indicator } => format!(
            "indicator '{indicator}' (domain {domain}) has no metadata; expected an [[indicatoren]] with domein = \"{domain}\" and id = \"{indicator}\" in {META_FILE}"
        ),
        K::UnknownSource { id } => format!(
            "source '{id}' has no metadata; expected a [[bronnen]] with id = \"{id}\" in {META_FILE}"
        ),
        K::DuplicateRow {
            period,
            key,
            first_line,
        } => format!(
            "duplicate row: period {period}, {key} is also on line {first_line}; expected one value per (period, domain, indicator, source, breakdown)"
        ),
    }
}

/// The English message of a warning.
fn warning_en(w: &crate::load::message::Warning) -> String {
    use crate::load::message::{RHYTHMS, Warning as W};
    match w {
        W::CrOnly => {
            "lines end in CR only (old Mac format); read as line ends, expected LF or CRLF"
                .to_string()
        }
        W::MissingSource { field, id } => format!(
            "{field} names source '{id}', which is not in [[bronnen]]; expected the id of a source"
        ),
        W::MissingIndicator {
            field,
            domain,
            indicator,
        } => format!(
            "{field} names indicator '{indicator}' (domain {domain}), which is not in [[indicatoren]]; expected an existing indicator"
        ),
        W::DuplicateIndicator {
            domain,
            indicator,
            first_line,
        } => format!(
            "indicator '{indicator}' (domain {domain}) is also on line {first_line}; only that first one counts, expected each indicator once"
        ),
        W::BadPer { value } => format!(
            "per = {value} cannot be a multiplier; expected e.g. 100 (percent) or 1000 (per 1,000)"
        ),
        W::UnknownRhythm { value } => {
            format!("unknown ritme '{value}'; expected {}", RHYTHMS.join(", "))
        }
        W::NegativeCount { value, soort } => {
            format!("negative value {value} for a {soort} (a count); expected 0 or more")
        }
        W::YearOutOfRange { year } => {
            format!("year {year} lies outside 1900-2100; expected a year in that range (a typo?)")
        }
        W::ToFill { owner, field } => format!(
            "still to fill in for {owner}: {field}; fill in the field and remove '{field}' from in_te_vullen"
        ),
    }
}

fn parse_en(problem: &ParseProblem) -> String {
    use crate::session::model::{FORMAT_VERSION, MAX_ID};
    use ParseProblem as P;
    let unique = format!("expected unique ids from 1 up to and including {MAX_ID}");
    match problem {
        P::NotUtf8 => "invalid UTF-8; expected a UTF-8 text file".to_string(),
        P::Utf16 => "file is UTF-16; expected a UTF-8 text file".to_string(),
        P::CorruptFormat { found } => format!(
            "session format {found} does not exist: the file is damaged; expected formaat = 1 to {FORMAT_VERSION}"
        ),
        // serde and the TOML parser speak English already.
        P::Toml { message } => message.clone(),
        P::NotASession => format!(
            "not a duiden session file: the field `formaat` is missing; expected a session with formaat = {FORMAT_VERSION}, titel, datum and dataset"
        ),
        P::UnknownFormat { found: Some(found) } => format!(
            "session format {found} does not exist; expected formaat = 1 to {FORMAT_VERSION}"
        ),
        P::UnknownFormat { found: None } => format!(
            "session format is too large for a number: the file is damaged; expected formaat = 1 to {FORMAT_VERSION}"
        ),
        P::BothKeys { old, new } => format!(
            "`{old}` and `{new}` are both present; expected only `{old}` in this older session format"
        ),
        P::ZeroId => format!("annotation with id 0; {unique}"),
        P::IdTooLarge { id } => format!("annotation id {id} is too large; {unique}"),
        P::DuplicateId { id } => format!("annotation id {id} appears twice; {unique}"),
        P::ReversedRange { from, to } => {
            format!("period tot {to} lies before van {from}; expected tot on or after van")
        }
        P::ChangeWithoutSession => {
            "change without a session; expected the file name of the session with the question"
                .to_string()
        }
        P::MergeWithoutSession => {
            "merge without a session; expected the file names of both sessions".to_string()
        }
        P::SelfMerge { id } => {
            format!("question {id} is merged with itself; expected two different questions")
        }
    }
}

fn line_en(problem: &LineProblem) -> String {
    match problem {
        LineProblem::NoKey => {
            "expected 'facilitator:', 'deelnemer:' or 'agenda:' at the start".to_string()
        }
        LineProblem::BadParticipant => format!(
            "expected 'deelnemer: name | role | organisation' with role {}",
            role_words().join(", ")
        ),
        LineProblem::BadAgenda => "expected 'agenda: domain/indicator | note'".to_string(),
        LineProblem::UnknownKey { key } => {
            format!("unknown field '{key}'; expected facilitator, deelnemer or agenda")
        }
    }
}

/// The English message of a bad `rol` or `deel_van`.
fn role_or_part_en(kind: &DiagnosticKind) -> String {
    use DiagnosticKind as K;
    match kind {
        K::BadRole { value } => {
            format!("unknown role '{value}'; expected \"begroting\" or \"realisatie\"")
        }
        K::UnknownPartOf(p) => format!(
            "deel_van '{}' of indicator '{}' is no other indicator in domain {d}; expected the id of an [[indicatoren]] with domein = \"{d}\"",
            p.target,
            p.indicator,
            d = p.domain
        ),
        _ => String::new(),
    }
}

/// The English message of a bad `kleur` or `symbool`.
fn identity_en(kind: &DiagnosticKind) -> String {
    use crate::model::identity::{SymbolProblem as S, colour_names};
    use DiagnosticKind as K;
    match kind {
        K::BadColour { value } => format!(
            "unknown colour '{value}'; expected #rrggbb or one of {}",
            colour_names().join(", ")
        ),
        K::BadSymbol { value, problem } => {
            let why = match problem {
                S::NotOneCharacter => "is not one character",
                S::Reserved => {
                    "is the mark of an event (◆), a trend break (╫) or a digit (breakdowns)"
                }
                S::Invisible => "is not visible",
                S::Wide => "is two cells wide (an emoji or a CJK character)",
            };
            format!("symbol '{value}' {why}; expected one other character, e.g. ★ or ✦")
        }
        _ => String::new(),
    }
}

/// "'jeugd', 'wmo' of 'participatie'": names as an error quotes them, the last after `last`.
fn quoted(names: &[&str], last: &str) -> String {
    let names: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match names.split_last() {
        Some((tail, [])) => tail.clone(),
        Some((tail, head)) => format!("{} {last} {tail}", head.join(", ")),
        None => String::new(),
    }
}

/// A refused status change, in English.
fn lifecycle_en(t: &Texts, e: &crate::session::LifecycleError) -> String {
    use crate::session::LifecycleError as L;
    let name = |s| t.question_status(s);
    match e {
        L::NotAllowed { from, to } => {
            let next: Vec<&str> = crate::session::lifecycle::allowed_next(*from)
                .iter()
                .map(|s| name(*s))
                .collect();
            format!(
                "'{}' cannot move to '{}'; it can move to: {}",
                name(*from),
                name(*to),
                next.join(", ")
            )
        }
        L::AnswerMissing => {
            "answered needs the answer (one or two sentences) and the title of the result".into()
        }
        L::ReasonMissing { to } => format!("'{}' needs a reason: why", name(*to)),
        L::MergeOnly => "a question is merged by merging, not by its status".into(),
    }
}
