//! Reading and checking session files, with line and column for every problem, and upgrading
//! older formats on the way in.

use super::*;
use crate::session::model::MAX_ID;
use std::borrow::Cow;
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/// Reads and checks a session file. Never modifies it.
pub fn load(path: &Path) -> Result<Session, SessionError> {
    let bytes = crate::load::file::read_regular(path).map_err(|e| SessionError::io(path, e))?;
    if crate::load::diagnostic::is_utf16(&bytes) {
        return Err(parse_error(path, 1, 1, ParseProblem::Utf16));
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let bytes = e.as_bytes();
            let valid = e.utf8_error().valid_up_to();
            let (line, column) = line_col(&String::from_utf8_lossy(&bytes[..valid]), valid);
            return Err(parse_error(path, line, column, ParseProblem::NotUtf8));
        }
    };
    parse(path, &text)
}

/// Parses session text; `path` is only used in errors.
///
/// Every format goes the same way: the text is parsed into a table that remembers where each
/// value stood, an older format is upgraded in that table (renaming keys, values untouched), and
/// the session is read from it. So a problem in a file of any format is reported at its own
/// line and column.
pub fn parse(path: &Path, text: &str) -> Result<Session, SessionError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let at = |span: Option<Range<usize>>, problem: ParseProblem| {
        let (line, column) = span.map_or((1, 1), |s| line_col(text, s.start));
        parse_error(path, line, column, problem)
    };
    let toml_error = |e: toml::de::Error| {
        let message = crate::load::toml_message::message_of(&e, text);
        at(e.span(), ParseProblem::Toml { message })
    };
    let mut root = DeTable::parse(text).map_err(toml_error)?;
    let table = root.get_ref();
    if !table.contains_key("formaat") && !table.contains_key("aantekeningen") {
        // Another program's TOML file in the folder: say so instead of listing unknown fields.
        return Err(at(None, ParseProblem::NotASession));
    }
    // A missing or mistyped `formaat` is left to serde, which names the problem.
    let version = table.get("formaat").and_then(|v| {
        let DeValue::Integer(i) = v.get_ref() else {
            return None;
        };
        let digits = i.as_str().replace('_', "");
        Some((i64::from_str_radix(&digits, i.radix()).ok(), v.span()))
    });
    if let Some((found, span)) = version {
        match found {
            // A format far beyond this one is a damaged file, not a newer duiden.
            Some(found) if found > i64::from(FORMAT_VERSION) && found <= MAX_PLAUSIBLE_FORMAT => {
                return Err(SessionError::TooNew {
                    path: path.to_path_buf(),
                    found: u32::try_from(found).unwrap_or(u32::MAX),
                    supported: FORMAT_VERSION,
                });
            }
            Some(found) if found > MAX_PLAUSIBLE_FORMAT => {
                let problem = ParseProblem::CorruptFormat { found };
                return Err(at(Some(span), problem));
            }
            Some(found) if found >= 1 => {
                migrate(root.get_mut(), found).map_err(|(span, m)| at(Some(span), m))?
            }
            _ => {
                return Err(at(Some(span), ParseProblem::UnknownFormat { found }));
            }
        }
    }
    let spans = root.clone();
    let mut session =
        Session::deserialize(toml::de::Deserializer::from(root)).map_err(toml_error)?;
    // Read from an older format, the session is now a session of this one (and saves as one).
    session.format = FORMAT_VERSION;
    if let Err(problem) = check(&session) {
        return Err(at(problem.locate(spans), problem.problem));
    }
    Ok(session)
}

/// The highest `formaat` a later duiden could plausibly write; beyond it the file is damaged.
const MAX_PLAUSIBLE_FORMAT: i64 = 1000;

/// A table key with a position, for keys made by a migration.
type Key<'i> = Spanned<Cow<'i, str>>;

/// Upgrades the table of a session file of format `version` to [`FORMAT_VERSION`], one version
/// at a time, so every old version opens in every later build. Only keys change; values keep
/// their positions for error messages. `formaat` itself is left: the caller knows the version.
pub(super) fn migrate(
    table: &mut DeTable<'_>,
    version: i64,
) -> Result<(), (Range<usize>, ParseProblem)> {
    let mut version = version;
    while version < i64::from(FORMAT_VERSION) {
        // Versions below 1 are refused before migrating.
        match version {
            1 => from_1_to_2(table)?,
            2 => from_2_to_3(table)?,
            // Version 4 only adds fields; its "nieuw" is read from "open" as well.
            _ => {}
        }
        version += 1;
    }
    Ok(())
}

/// Renames key `from` to `to` in `table`, keeping the value and the position of the old key.
fn rename<'i>(
    table: &mut DeTable<'i>,
    from: &str,
    to: &'static str,
) -> Result<(), (Range<usize>, ParseProblem)> {
    let Some((key, value)) = table.remove_entry(from) else {
        return Ok(());
    };
    if let Some((other, _)) = table.get_key_value(to) {
        let (old, new) = (from.to_string(), to.to_string());
        return Err((other.span(), ParseProblem::BothKeys { old, new }));
    }
    let new: Key<'i> = Spanned::new(key.span(), Cow::Borrowed(to));
    table.insert(new, value);
    Ok(())
}

/// Version 2 generalised `statuswijzigingen` (status only) to `wijzigingen` (status, owner,
/// criteria) and added criteria and merges, which version 1 files simply do not have.
fn from_1_to_2(table: &mut DeTable<'_>) -> Result<(), (Range<usize>, ParseProblem)> {
    rename(table, "statuswijzigingen", "wijzigingen")
}

/// Version 3 types the anchor: periods, the view, and differences as fields. A version 2
/// `verschil` is a sentence written for people; it cannot be read back into fields reliably, so
/// it is kept word for word as `verschil_tekst`. Periods were already period codes.
fn from_2_to_3(table: &mut DeTable<'_>) -> Result<(), (Range<usize>, ParseProblem)> {
    let Some(notes) = table.get_mut("aantekeningen") else {
        return Ok(());
    };
    let DeValue::Array(notes) = notes.get_mut() else {
        return Ok(()); // serde names the wrong type
    };
    for note in notes.iter_mut() {
        let DeValue::Table(note) = note.get_mut() else {
            continue;
        };
        if let Some(anchor) = note.get_mut("anker")
            && let DeValue::Table(anchor) = anchor.get_mut()
        {
            rename(anchor, "verschil", "verschil_tekst")?;
        }
    }
    Ok(())
}

pub(super) fn parse_error(
    path: &Path,
    line: usize,
    column: usize,
    problem: ParseProblem,
) -> SessionError {
    SessionError::Parse {
        path: path.to_path_buf(),
        line,
        column,
        problem,
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub(super) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// A check beyond what serde checks, with the place it is about.
pub(super) struct Problem {
    at: Place,
    problem: ParseProblem,
}

enum Place {
    Id(usize),
    To(usize),
    Change(usize),
    Merge(usize),
}

/// Ids, ranges and references a session must have right to be usable (periods, dates and times
/// are checked while reading them).
pub(super) fn check(s: &Session) -> Result<(), Problem> {
    let mut seen = std::collections::HashSet::new();
    for (i, a) in s.annotations.iter().enumerate() {
        let id = a.id;
        let wrong = if id == 0 {
            Some(ParseProblem::ZeroId)
        } else if id > MAX_ID {
            Some(ParseProblem::IdTooLarge { id })
        } else if !seen.insert(id) {
            Some(ParseProblem::DuplicateId { id })
        } else {
            None
        };
        if let Some(problem) = wrong {
            return Err(Problem {
                at: Place::Id(i),
                problem,
            });
        }
        let (from, to) = a.anchor.range();
        if to < from {
            return Err(Problem {
                at: Place::To(i),
                problem: ParseProblem::ReversedRange { from, to },
            });
        }
    }
    for (i, c) in s.changes.iter().enumerate() {
        if c.session.trim().is_empty() {
            return Err(Problem {
                at: Place::Change(i),
                problem: ParseProblem::ChangeWithoutSession,
            });
        }
    }
    for (i, m) in s.merges.iter().enumerate() {
        if m.session.trim().is_empty() || m.into_session.trim().is_empty() {
            return Err(Problem {
                at: Place::Merge(i),
                problem: ParseProblem::MergeWithoutSession,
            });
        }
        if m.session == m.into_session && m.id == m.into_id {
            return Err(Problem {
                at: Place::Merge(i),
                problem: ParseProblem::SelfMerge { id: m.id },
            });
        }
    }
    Ok(())
}

impl Problem {
    /// Where the value the problem is about stands, in the (migrated) table of the file.
    fn locate(&self, root: Spanned<DeTable<'_>>) -> Option<Range<usize>> {
        // Only what a problem points at, under the keys of the file.
        #[derive(Deserialize)]
        struct Spans {
            #[serde(rename = "aantekeningen", default)]
            annotations: Vec<AnnotationSpans>,
            #[serde(rename = "wijzigingen", default)]
            changes: Vec<ChangeSpans>,
            #[serde(rename = "samenvoegingen", default)]
            merges: Vec<ChangeSpans>,
        }
        #[derive(Deserialize)]
        struct ChangeSpans {
            #[serde(rename = "sessie")]
            session: Spanned<String>,
        }
        #[derive(Deserialize)]
        struct AnnotationSpans {
            id: Spanned<u64>,
            #[serde(rename = "anker")]
            anchor: AnchorSpans,
        }
        #[derive(Deserialize)]
        struct AnchorSpans {
            #[serde(rename = "tot", default)]
            to: Option<Spanned<String>>,
        }
        let spans = Spans::deserialize(toml::de::Deserializer::from(root)).ok()?;
        match self.at {
            Place::Id(i) => spans.annotations.get(i).map(|a| a.id.span()),
            Place::To(i) => spans
                .annotations
                .get(i)
                .and_then(|a| a.anchor.to.as_ref())
                .map(|t| t.span()),
            Place::Change(i) => spans.changes.get(i).map(|c| c.session.span()),
            Place::Merge(i) => spans.merges.get(i).map(|c| c.session.span()),
        }
    }
}
