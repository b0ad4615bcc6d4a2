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
}

/// The answered questions in `sessions` (read with their codes) with an origin anchored on
/// `domain`/`indicator`, by code.
pub fn on_indicator(
    sessions: &[(String, Session)],
    domain: &str,
    indicator: &str,
) -> Vec<Answered> {
    let mut out: Vec<Answered> = backlog(sessions)
        .into_iter()
        .filter(|i| i.status == QuestionStatus::Beantwoord)
        .filter(|i| {
            i.origins.iter().any(|o| {
                o.annotation.anchor.domain == domain && o.annotation.anchor.indicator == indicator
            })
        })
        .filter_map(|i| {
            Some(Answered {
                code: i.code(),
                question: i.question().text.trim().to_string(),
                answer: i.answer.clone()?,
            })
        })
        .collect();
    out.sort_by_key(|a| a.code);
    out
}
