//! "Hierover is onderzoek gedaan": the answered questions of the session folder that are
//! anchored on an indicator, so a later session sees the answer when it opens that indicator.

use super::backlog::backlog;
use super::model::{Answer, Code, QuestionStatus, Session};

/// An answered question on an indicator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answered {
    pub code: Option<Code>,
    /// The question as it was asked.
    pub question: String,
    pub answer: Answer,
    /// The indicators its origins are anchored on (domain, indicator).
    pub indicators: Vec<(String, String)>,
}

impl Answered {
    pub fn is_on(&self, domain: &str, indicator: &str) -> bool {
        self.indicators
            .iter()
            .any(|(d, i)| d == domain && i == indicator)
    }
}

/// Every answered question in `sessions` (read with their codes), by code.
pub fn all(sessions: &[(String, Session)]) -> Vec<Answered> {
    let mut out: Vec<Answered> = backlog(sessions)
        .into_iter()
        .filter(|i| i.status == QuestionStatus::Beantwoord)
        .filter_map(|i| {
            let mut indicators: Vec<(String, String)> = Vec::new();
            for o in &i.origins {
                let a = &o.annotation.anchor;
                let on = (a.domain.clone(), a.indicator.clone());
                if !indicators.contains(&on) {
                    indicators.push(on);
                }
            }
            Some(Answered {
                code: i.code(),
                question: i.question().text.trim().to_string(),
                answer: i.answer.clone()?,
                indicators,
            })
        })
        .collect();
    out.sort_by_key(|a| a.code);
    out
}

/// The answered questions in `sessions` (read with their codes) with an origin anchored on
/// `domain`/`indicator`, by code.
pub fn on_indicator(
    sessions: &[(String, Session)],
    domain: &str,
    indicator: &str,
) -> Vec<Answered> {
    all(sessions)
        .into_iter()
        .filter(|a| a.is_on(domain, indicator))
        .collect()
}
