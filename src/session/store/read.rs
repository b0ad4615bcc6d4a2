//! Reading and checking session files, with line and column for every problem.

use super::*;

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/// Reads and checks a session file. Never modifies it.
pub fn load(path: &Path) -> Result<Session, SessionError> {
    let bytes = fs::read(path).map_err(|e| SessionError::io(path, e))?;
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let bytes = e.as_bytes();
            let valid = e.utf8_error().valid_up_to();
            let (line, column) = line_col(&String::from_utf8_lossy(&bytes[..valid]), valid);
            return Err(parse_error(
                path,
                line,
                column,
                "ongeldige UTF-8; verwacht een UTF-8-tekstbestand".into(),
            ));
        }
    };
    parse(path, &text)
}

/// Parses session text; `path` is only used in errors.
pub fn parse(path: &Path, text: &str) -> Result<Session, SessionError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let toml_error = |e: toml::de::Error| {
        let (line, column) = e.span().map_or((1, 1), |s| line_col(text, s.start));
        parse_error(path, line, column, dutch_message(e.message().trim()))
    };
    // First as a plain table: syntax errors, and the format version before the fields are checked
    // (a newer format may have fields this build does not know).
    let table: toml::Table = toml::from_str(text).map_err(toml_error)?;
    if !table.contains_key("formaat") && !table.contains_key("aantekeningen") {
        // Another program's TOML file in the folder: say so instead of listing unknown fields.
        return Err(parse_error(
            path,
            1,
            1,
            format!(
                "geen sessiebestand van duiden: het veld `formaat` ontbreekt; verwacht een sessie met formaat = {FORMAT_VERSION}, titel, datum en dataset"
            ),
        ));
    }
    let session = match table.get("formaat") {
        Some(toml::Value::Integer(found)) if *found > i64::from(FORMAT_VERSION) => {
            return Err(SessionError::TooNew {
                path: path.to_path_buf(),
                found: u32::try_from(*found).unwrap_or(u32::MAX),
                supported: FORMAT_VERSION,
            });
        }
        Some(toml::Value::Integer(found)) if *found < i64::from(FORMAT_VERSION) => {
            let migrated = migrate(table).map_err(|m| parse_error(path, 1, 1, m))?;
            let session: Session =
                toml::Value::Table(migrated)
                    .try_into()
                    .map_err(|e: toml::de::Error| {
                        parse_error(path, 1, 1, dutch_message(e.message()))
                    })?;
            check(&session).map_err(|p| parse_error(path, 1, 1, p.message))?;
            return Ok(session);
        }
        // Current version, or a missing or mistyped `formaat`: serde names the problem.
        _ => toml::from_str::<Session>(text).map_err(toml_error)?,
    };
    if let Err(problem) = check(&session) {
        let (line, column) = problem.locate(text);
        return Err(parse_error(path, line, column, problem.message));
    }
    Ok(session)
}

/// Upgrades an older session file to [`FORMAT_VERSION`], one version at a time, so every old
/// version opens in every later build.
pub(super) fn migrate(mut value: toml::Table) -> Result<toml::Table, String> {
    loop {
        let version = value
            .get("formaat")
            .and_then(toml::Value::as_integer)
            .unwrap_or(0);
        value = match version {
            v if v == i64::from(FORMAT_VERSION) => return Ok(value),
            1 => from_1_to_2(value),
            _ => {
                return Err(format!(
                    "sessieformaat {version} bestaat niet; verwacht formaat = 1 t/m {FORMAT_VERSION}"
                ));
            }
        };
    }
}

/// Version 2 generalised `statuswijzigingen` (status only) to `wijzigingen` (status, owner,
/// criteria) and added criteria and merges, which version 1 files simply do not have.
fn from_1_to_2(mut value: toml::Table) -> toml::Table {
    if let Some(changes) = value.remove("statuswijzigingen") {
        value.insert("wijzigingen".into(), changes);
    }
    value.insert("formaat".into(), toml::Value::Integer(2));
    value
}

/// The common serde messages in Dutch ("missing field `tijd`" → "veld `tijd` ontbreekt"); other
/// messages (TOML syntax) stay as the parser wrote them.
pub(super) fn dutch_message(message: &str) -> String {
    let expected = |rest: &str| rest.replacen(", expected ", "; verwacht ", 1);
    if let Some(rest) = message.strip_prefix("missing field ") {
        format!("veld {rest} ontbreekt")
    } else if let Some(rest) = message.strip_prefix("unknown field ") {
        let rest = rest.replacen(", there are no fields", "", 1);
        format!(
            "onbekend veld {}",
            expected(&rest).replacen("one of", "een van", 1)
        )
    } else if let Some(rest) = message.strip_prefix("unknown variant ") {
        format!(
            "onbekende waarde {}",
            expected(rest).replacen("one of", "een van", 1)
        )
    } else if let Some(rest) = message.strip_prefix("invalid type: ") {
        format!("verkeerd type: {}", expected(rest))
    } else if let Some(rest) = message.strip_prefix("invalid value: ") {
        format!("ongeldige waarde: {}", expected(rest))
    } else if let Some(rest) = message.strip_prefix("duplicate key") {
        format!("dubbele sleutel{rest}")
    } else {
        message.to_string()
    }
}

pub(super) fn parse_error(
    path: &Path,
    line: usize,
    column: usize,
    message: String,
) -> SessionError {
    SessionError::Parse {
        path: path.to_path_buf(),
        line,
        column,
        message,
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
    message: String,
}

enum Place {
    Datum,
    Id(usize),
    Van(usize),
    Tot(usize),
    Change(usize),
    Merge(usize),
}

/// Dates, periods and ids a session must have right to be usable.
pub(super) fn check(s: &Session) -> Result<(), Problem> {
    if s.datum.parse::<jiff::civil::Date>().is_err() {
        return Err(Problem {
            at: Place::Datum,
            message: format!(
                "datum '{}' niet herkend; verwacht JJJJ-MM-DD, bijv. 2026-11-05",
                s.datum
            ),
        });
    }
    let mut seen = std::collections::HashSet::new();
    for (i, a) in s.aantekeningen.iter().enumerate() {
        if a.id == 0 || !seen.insert(a.id) {
            let what = if a.id == 0 {
                "aantekening met id 0".to_string()
            } else {
                format!("aantekening id {} komt twee keer voor", a.id)
            };
            return Err(Problem {
                at: Place::Id(i),
                message: format!("{what}; verwacht unieke ids vanaf 1"),
            });
        }
        let van = crate::model::Period::parse(&a.anker.van).map_err(|e| Problem {
            at: Place::Van(i),
            message: e.0,
        })?;
        if let Some(tot) = &a.anker.tot {
            let tot = crate::model::Period::parse(tot).map_err(|e| Problem {
                at: Place::Tot(i),
                message: e.0,
            })?;
            if tot.0 < van.0 {
                return Err(Problem {
                    at: Place::Tot(i),
                    message: format!(
                        "periode tot {} ligt vóór van {}; verwacht tot op of na van",
                        tot.0, van.0
                    ),
                });
            }
        }
    }
    for (i, c) in s.wijzigingen.iter().enumerate() {
        if c.sessie.trim().is_empty() {
            return Err(Problem {
                at: Place::Change(i),
                message:
                    "wijziging zonder sessie; verwacht de bestandsnaam van de sessie met de vraag"
                        .into(),
            });
        }
    }
    for (i, m) in s.samenvoegingen.iter().enumerate() {
        if m.sessie.trim().is_empty() || m.in_sessie.trim().is_empty() {
            return Err(Problem {
                at: Place::Merge(i),
                message: "samenvoeging zonder sessie; verwacht de bestandsnamen van beide sessies"
                    .into(),
            });
        }
        if m.sessie == m.in_sessie && m.id == m.in_id {
            return Err(Problem {
                at: Place::Merge(i),
                message: format!(
                    "vraag {} wordt met zichzelf samengevoegd; verwacht twee verschillende vragen",
                    m.id
                ),
            });
        }
    }
    Ok(())
}

impl Problem {
    /// Finds the line and column of the value the problem is about.
    fn locate(&self, text: &str) -> (usize, usize) {
        #[derive(Deserialize)]
        struct Spans {
            datum: toml::Spanned<String>,
            #[serde(default)]
            aantekeningen: Vec<AnnotationSpans>,
            #[serde(default)]
            wijzigingen: Vec<ChangeSpans>,
            #[serde(default)]
            samenvoegingen: Vec<ChangeSpans>,
        }
        #[derive(Deserialize)]
        struct ChangeSpans {
            sessie: toml::Spanned<String>,
        }
        #[derive(Deserialize)]
        struct AnnotationSpans {
            id: toml::Spanned<u64>,
            anker: AnchorSpans,
        }
        #[derive(Deserialize)]
        struct AnchorSpans {
            van: toml::Spanned<String>,
            #[serde(default)]
            tot: Option<toml::Spanned<String>>,
        }
        let Ok(spans) = toml::from_str::<Spans>(text) else {
            return (1, 1);
        };
        let span = match self.at {
            Place::Datum => Some(spans.datum.span()),
            Place::Id(i) => spans.aantekeningen.get(i).map(|a| a.id.span()),
            Place::Van(i) => spans.aantekeningen.get(i).map(|a| a.anker.van.span()),
            Place::Tot(i) => spans
                .aantekeningen
                .get(i)
                .and_then(|a| a.anker.tot.as_ref())
                .map(|t| t.span()),
            Place::Change(i) => spans.wijzigingen.get(i).map(|c| c.sessie.span()),
            Place::Merge(i) => spans.samenvoegingen.get(i).map(|c| c.sessie.span()),
        };
        span.map_or((1, 1), |s| line_col(text, s.start))
    }
}
