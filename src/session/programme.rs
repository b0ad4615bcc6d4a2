//! The research programme's selection criteria and priority rule (`programma.toml`, looked for
//! in the folder that holds the sessions folder: `sessions/../programma.toml`). Without the
//! file the programme's six steps apply ([`Programme::default`], the same as
//! `programma.voorbeeld.toml`). Weighings under criteria the programme does not name are kept
//! in the sessions and shown under their old name, never counted.

use super::model::Criteria;
use crate::load::diagnostic::line_col;
use serde::Deserialize;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The file name looked for beside the sessions folder.
pub const FILE_NAME: &str = "programma.toml";

/// The default programme as a file (shipped as `programma.voorbeeld.toml`).
pub const DEFAULT_TOML: &str = include_str!("../../programma.voorbeeld.toml");

/// One selection criterion of the programme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgrammeCriterion {
    /// Key in the session file (`urgentie`).
    pub id: String,
    /// Name shown ("slim combineren").
    pub name: String,
    /// The question the room answers.
    pub question: String,
    /// Labels of the levels, lowest first.
    pub scale: Vec<String>,
    /// A high level lowers the priority (burden).
    pub inverse: bool,
    /// Weight under the rule `gewogen` (1 under `som`).
    pub weight: u32,
}

impl ProgrammeCriterion {
    /// Points of a level: its place on the scale (1 for the lowest), or counted from the top
    /// for an inverse criterion; 0 for not weighed or a label not on the scale.
    pub fn points(&self, level: Option<&str>) -> u32 {
        let Some(i) = level.and_then(|l| self.scale.iter().position(|s| s == l)) else {
            return 0;
        };
        let n = self.scale.len() as u32;
        if self.inverse {
            n - i as u32
        } else {
            i as u32 + 1
        }
    }

    /// The next level for a cycling key: not weighed → lowest → … → highest → not weighed.
    pub fn cycle(&self, level: Option<&str>) -> Option<String> {
        let next = match level.and_then(|l| self.scale.iter().position(|s| s == l)) {
            None => 0,
            Some(i) => i + 1,
        };
        self.scale.get(next).cloned()
    }
}

/// How the criteria add up to a priority.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// The sum of the points.
    Sum,
    /// The sum of points × weight.
    Weighted,
}

/// The programme: its criteria in order and the priority rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Programme {
    pub criteria: Vec<ProgrammeCriterion>,
    pub rule: Rule,
    /// The rule in words, as the file states it (shown in the backlog).
    pub rule_text: String,
    /// The file read; `None`: the default.
    pub source: Option<PathBuf>,
}

impl Default for Programme {
    fn default() -> Programme {
        Programme::from_toml("programma.voorbeeld.toml", DEFAULT_TOML)
            .expect("the shipped default programme reads")
    }
}

/// Why `programma.toml` was refused: `file:line:column: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgrammeError(pub String);

impl std::fmt::Display for ProgrammeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(rename = "criteria")]
    criteria: Spanned<Vec<Spanned<CriterionFile>>>,
    #[serde(rename = "prioriteit")]
    priority: PriorityFile,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CriterionFile {
    id: Spanned<String>,
    naam: String,
    #[serde(default)]
    vraag: String,
    schaal: Spanned<Vec<String>>,
    #[serde(default)]
    omgekeerd: bool,
    #[serde(default)]
    gewicht: Option<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PriorityFile {
    regel: Spanned<String>,
    uitleg: String,
}

impl Programme {
    /// The programme for the sessions in `sessions_dir`: `programma.toml` in its parent folder,
    /// else the default.
    pub fn for_sessions(sessions_dir: &Path) -> Result<Programme, ProgrammeError> {
        let parent = sessions_dir.parent().unwrap_or(Path::new("."));
        let parent = if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        };
        let path = parent.join(FILE_NAME);
        if !path.exists() {
            return Ok(Programme::default());
        }
        let text = std::fs::read_to_string(&path)
            .map_err(|e| ProgrammeError(format!("{}: niet te lezen: {e}", path.display())))?;
        let mut p = Programme::from_toml(&path.display().to_string(), &text)?;
        p.source = Some(path);
        Ok(p)
    }

    /// Reads a programme file; `file` names it in errors.
    pub fn from_toml(file: &str, text: &str) -> Result<Programme, ProgrammeError> {
        let at = |start: usize, message: &str| {
            let (line, col) = line_col(text, start);
            ProgrammeError(format!("{file}:{line}:{col}: {message}"))
        };
        let parsed: File = toml::from_str(text).map_err(|e| {
            // The parser's English in Dutch, as for every other file duiden reads.
            let message = crate::load::toml_message::message_of(&e, text);
            let message = crate::load::toml_message::dutch(&message);
            at(e.span().map_or(0, |s| s.start), &message)
        })?;
        let rule = match parsed.priority.regel.get_ref().as_str() {
            "som" => Rule::Sum,
            "gewogen" => Rule::Weighted,
            other => {
                let m = format!("onbekende regel \"{other}\"; verwacht \"som\" of \"gewogen\"");
                return Err(at(parsed.priority.regel.span().start, &m));
            }
        };
        if parsed.criteria.get_ref().is_empty() {
            let m = "geen criteria; verwacht minstens één [[criteria]]";
            return Err(at(parsed.criteria.span().start, m));
        }
        let mut criteria: Vec<ProgrammeCriterion> = Vec::new();
        for c in parsed.criteria.into_inner() {
            let start = c.span().start;
            let c = c.into_inner();
            let id = c.id.get_ref().trim().to_string();
            if id.is_empty() || criteria.iter().any(|k| k.id == id) {
                let m = format!("id \"{id}\" leeg of dubbel; verwacht een eigen id per criterium");
                return Err(at(c.id.span().start, &m));
            }
            if c.schaal.get_ref().len() < 2 {
                let m = "schaal te kort; verwacht minstens twee niveaus, laagste eerst";
                return Err(at(c.schaal.span().start, m));
            }
            if rule == Rule::Weighted && c.gewicht.is_none() {
                let m =
                    "geen gewicht; de regel \"gewogen\" verwacht gewicht = <getal> per criterium";
                return Err(at(start, m));
            }
            criteria.push(ProgrammeCriterion {
                id,
                name: c.naam,
                question: c.vraag,
                scale: c.schaal.into_inner(),
                inverse: c.omgekeerd,
                weight: if rule == Rule::Weighted {
                    c.gewicht.unwrap_or(1)
                } else {
                    1
                },
            });
        }
        Ok(Programme {
            criteria,
            rule,
            rule_text: parsed.priority.uitleg.trim().to_string(),
            source: None,
        })
    }

    pub fn criterion(&self, id: &str) -> Option<&ProgrammeCriterion> {
        self.criteria.iter().find(|c| c.id == id)
    }

    /// The priority of a question weighed `criteria`, by the programme's rule.
    pub fn score(&self, criteria: &Criteria) -> u32 {
        // Saturating: a huge `gewicht` in the file caps the score rather than overflowing.
        self.criteria.iter().fold(0u32, |sum, c| {
            sum.saturating_add(c.points(criteria.get(&c.id)).saturating_mul(c.weight))
        })
    }

    /// The highest priority possible.
    pub fn max_score(&self) -> u32 {
        self.criteria.iter().fold(0u32, |sum, c| {
            sum.saturating_add((c.scale.len() as u32).saturating_mul(c.weight))
        })
    }

    /// Weighings under criteria this programme does not name (kept, shown as "(oud)").
    pub fn old_weighings<'a>(&self, criteria: &'a Criteria) -> Vec<(&'a str, &'a str)> {
        criteria
            .iter()
            .filter(|(id, _)| self.criterion(id).is_none())
            .collect()
    }

    /// How a criterion id reads: its name, or for an id the programme does not name the id
    /// with underscores as spaces and "(oud)".
    pub fn name_of(&self, id: &str) -> String {
        match self.criterion(id) {
            Some(c) => c.name.clone(),
            None => format!("{} (oud)", id.replace('_', " ")),
        }
    }

    /// "urgentie hoog · kennishiaat – · … · relevantie (oud) midden": every criterion of the
    /// programme, then the old ones weighed.
    pub fn line(&self, criteria: &Criteria, dash: &str) -> String {
        let mut parts: Vec<String> = self
            .criteria
            .iter()
            .map(|c| format!("{} {}", c.name, criteria.get(&c.id).unwrap_or(dash)))
            .collect();
        for (id, level) in self.old_weighings(criteria) {
            parts.push(format!("{} {level}", self.name_of(id)));
        }
        parts.join(" · ")
    }

    /// "urgentie hoog, relevantie (oud) midden": the weighed criteria only, the programme's
    /// first.
    pub fn weighed(&self, criteria: &Criteria) -> String {
        let mut parts: Vec<String> = self
            .criteria
            .iter()
            .filter_map(|c| Some(format!("{} {}", c.name, criteria.get(&c.id)?)))
            .collect();
        for (id, level) in self.old_weighings(criteria) {
            parts.push(format!("{} {level}", self.name_of(id)));
        }
        parts.join(", ")
    }
}

#[cfg(test)]
mod tests;
