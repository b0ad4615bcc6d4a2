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

/// A line that could not be read, 1-based.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for LineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "regel {}: {}", self.line, self.message)
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
    let roles: Vec<&str> = Role::ALL.iter().map(|r| r.dutch()).collect();
    for (i, raw) in lines.iter().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |message: String| LineError {
            line: i + 1,
            message,
        };
        let Some((key, rest)) = line.split_once(':') else {
            errors.push(err(
                "verwacht 'facilitator:', 'deelnemer:' of 'agenda:' vooraan".into(),
            ));
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
                _ => errors.push(err(format!(
                    "verwacht 'deelnemer: naam | rol | organisatie' met rol {}",
                    roles.join(", ")
                ))),
            },
            "agenda" => match fields.first().and_then(|f| f.split_once('/')) {
                Some((domain, indicator)) if !domain.is_empty() && !indicator.is_empty() => {
                    header.agenda.push(AgendaItem {
                        domain: domain.trim().to_string(),
                        indicator: indicator.trim().to_string(),
                        note: fields.get(1).unwrap_or(&"").to_string(),
                    })
                }
                _ => errors.push(err(
                    "verwacht 'agenda: domein/indicator | toelichting'".into()
                )),
            },
            other => errors.push(err(format!(
                "onbekend veld '{other}'; verwacht facilitator, deelnemer of agenda"
            ))),
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
        assert!(errors[0].message.contains("toegang"), "{}", errors[0]);
    }
}
