//! The session header (facilitator, participants, agenda) as editable lines for the form in the
//! interface: one item per line, fields separated by `|`.
//!
//! ```text
//! facilitator: Marieke van den Berg
//! deelnemer: Sanne de Vries | aanbieder | Jeugdhulpcombinatie De Brug
//! agenda: jeugd/instroom | instroom per bron
//! ```

use super::model::{AgendaItem, Participant, Role, Session};

/// The header fields of a session.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Header {
    pub facilitator: String,
    pub participants: Vec<Participant>,
    pub agenda: Vec<AgendaItem>,
}

/// A line that could not be read, 1-based. `Display` is Dutch; the interface's catalog renders
/// the other languages from `problem`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    pub line: usize,
    pub problem: LineProblem,
}

/// What is wrong with a header line. The keys (`deelnemer:`) and roles are the file's own words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineProblem {
    /// No `key:` at the start.
    NoKey,
    /// A participant without a name or with an unknown role.
    BadParticipant,
    /// An agenda item that is not `domein/indicator`.
    BadAgenda,
    UnknownKey {
        key: String,
    },
}

/// The roles a participant line accepts, as written in the file.
pub fn role_words() -> Vec<&'static str> {
    Role::ALL.iter().map(|r| r.dutch()).collect()
}

impl std::fmt::Display for LineProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LineProblem::NoKey => {
                f.write_str("verwacht 'facilitator:', 'deelnemer:' of 'agenda:' vooraan")
            }
            LineProblem::BadParticipant => write!(
                f,
                "verwacht 'deelnemer: naam | rol | organisatie' met rol {}",
                role_words().join(", ")
            ),
            LineProblem::BadAgenda => {
                f.write_str("verwacht 'agenda: domein/indicator | toelichting'")
            }
            LineProblem::UnknownKey { key } => write!(
                f,
                "onbekend veld '{key}'; verwacht facilitator, deelnemer of agenda"
            ),
        }
    }
}

impl std::fmt::Display for LineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "regel {}: {}", self.line, self.problem)
    }
}

pub fn to_lines(s: &Session) -> Vec<String> {
    let mut out = vec![format!("facilitator: {}", s.facilitator)];
    for p in &s.participants {
        let mut line = format!("deelnemer: {} | {}", p.name, p.role.dutch());
        if !p.organisation.is_empty() {
            line.push_str(&format!(" | {}", p.organisation));
        }
        out.push(line);
    }
    for a in &s.agenda {
        let mut line = format!("agenda: {}/{}", a.domain, a.indicator);
        if !a.note.is_empty() {
            line.push_str(&format!(" | {}", a.note));
        }
        out.push(line);
    }
    out
}

fn role(text: &str) -> Option<Role> {
    let t = text.trim().to_lowercase();
    Role::ALL.into_iter().find(|r| r.dutch() == t)
}

/// Reads the lines back; every problem is reported with its line.
pub fn from_lines(lines: &[String]) -> Result<Header, Vec<LineError>> {
    let mut header = Header::default();
    let mut errors = Vec::new();
    for (i, raw) in lines.iter().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |problem: LineProblem| LineError {
            line: i + 1,
            problem,
        };
        let Some((key, rest)) = line.split_once(':') else {
            errors.push(err(LineProblem::NoKey));
            continue;
        };
        let fields: Vec<&str> = rest.split('|').map(str::trim).collect();
        match key.trim().to_lowercase().as_str() {
            "facilitator" => header.facilitator = rest.trim().to_string(),
            "deelnemer" => match (fields.first(), fields.get(1).map(|r| role(r))) {
                (Some(name), Some(Some(role))) if !name.is_empty() => {
                    header.participants.push(Participant {
                        name: name.to_string(),
                        role,
                        organisation: fields.get(2).unwrap_or(&"").to_string(),
                    })
                }
                _ => errors.push(err(LineProblem::BadParticipant)),
            },
            "agenda" => match fields.first().and_then(|f| f.split_once('/')) {
                Some((domain, indicator)) if !domain.is_empty() && !indicator.is_empty() => {
                    header.agenda.push(AgendaItem {
                        domain: domain.trim().to_string(),
                        indicator: indicator.trim().to_string(),
                        note: fields.get(1).unwrap_or(&"").to_string(),
                        title: String::new(),
                        budget_minutes: None,
                        spent_seconds: 0,
                        view: None,
                    })
                }
                _ => errors.push(err(LineProblem::BadAgenda)),
            },
            other => errors.push(err(LineProblem::UnknownKey {
                key: other.to_string(),
            })),
        }
    }
    if errors.is_empty() {
        Ok(header)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::DatasetRef;

    #[test]
    fn round_trips_and_reports_lines() {
        let mut s = Session::new(
            "t",
            "2026-11-23".parse().unwrap(),
            DatasetRef {
                path: "d".into(),
                hash: "h".into(),
            },
        );
        s.facilitator = "Marieke".into();
        s.participants.push(Participant {
            name: "Sanne de Vries".into(),
            role: Role::Aanbieder,
            organisation: "De Brug".into(),
        });
        s.agenda.push(AgendaItem {
            domain: "jeugd".into(),
            indicator: "instroom".into(),
            note: "per bron".into(),
            title: String::new(),
            budget_minutes: None,
            spent_seconds: 0,
            view: None,
        });
        let lines = to_lines(&s);
        let h = from_lines(&lines).unwrap();
        assert_eq!(h.facilitator, "Marieke");
        assert_eq!(h.participants, s.participants);
        assert_eq!(h.agenda, s.agenda);

        let bad: Vec<String> = [
            "facilitator: X",
            "",
            "deelnemer: Piet | baas",
            "agenda: jeugd",
        ]
        .iter()
        .map(|l| l.to_string())
        .collect();
        let errors = from_lines(&bad).unwrap_err();
        assert_eq!(
            errors.iter().map(|e| e.line).collect::<Vec<_>>(),
            vec![3, 4]
        );
        assert_eq!(errors[0].problem, LineProblem::BadParticipant);
        assert!(errors[0].to_string().contains("toegang"), "{}", errors[0]);
    }
}
