//! "Hierover is onderzoek gedaan": under the chart, the answer of every answered question of the
//! session folder anchored on a charted indicator, so a later session sees what research found.

use crate::session::answered::Answered;
use crate::tui::app::App;
use crate::tui::components::text::wrap_words;
use crate::tui::i18n::t;
use ratatui::text::{Line, Span};

/// The answered questions on the indicators in the chart.
fn shown(app: &App) -> Vec<&Answered> {
    let mut on: Vec<(&str, &str)> = Vec::new();
    for k in &app.trend.selection {
        if !on.contains(&(k.domein.as_str(), k.indicator.as_str())) {
            on.push((k.domein.as_str(), k.indicator.as_str()));
        }
    }
    app.shared
        .researched
        .iter()
        .filter(|a| on.iter().any(|(d, i)| a.is_on(d, i)))
        .collect()
}

/// One sentence a question, wrapped to `width`.
fn texts(app: &App, width: usize) -> Vec<String> {
    shown(app)
        .into_iter()
        .flat_map(|a| {
            let code = a.code.map(|c| c.to_string()).unwrap_or_default();
            let text = t().researched(&code, &a.answer.text, &a.answer.result.titel);
            wrap_words(&text, width.max(8))
        })
        .collect()
}

/// The rows these lines take in a legend `width` wide.
pub(super) fn rows(app: &App, width: usize) -> usize {
    texts(app, width).len()
}

pub(super) fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = &app.shared.theme;
    texts(app, width)
        .into_iter()
        .map(|l| Line::from(Span::styled(l, theme.base().fg(theme.accent))))
        .collect()
}
