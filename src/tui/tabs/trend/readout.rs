//! The readout at the cursor, under the legend's values: how far each source is from the
//! reference in that period (per panel, in its unit), and the annotations anchored there. The
//! events and breaks at the cursor are named by the legend itself.

use super::TrendTab;
use crate::model::Period;
use crate::session::Annotation;
use crate::tui::app::App;
use crate::tui::components::chart_model::{ChartModel, ChartSeries};
use crate::tui::components::text::fit_middle;
use crate::tui::i18n::t;
use crate::tui::style::symbol;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

/// Pairs of (reference, other) sources with a value at `c`, per panel and per breakdown (a
/// gemeente is never compared with another gemeente here): the reference is the chart's
/// reference source when it has one there, else the first series.
fn pairs_at<'a>(chart: &'a ChartModel, c: &Period) -> Vec<(&'a ChartSeries, Vec<&'a ChartSeries>)> {
    let mut out = Vec::new();
    let mut groups: Vec<Vec<&ChartSeries>> = Vec::new();
    for panel in &chart.panels {
        for s in (panel.series.iter().map(|i| &chart.series[*i])).filter(|s| s.at(c).is_some()) {
            match groups
                .iter_mut()
                .find(|g| g[0].key.breakdown == s.key.breakdown && g[0].unit == s.unit)
            {
                Some(g) => g.push(s),
                None => groups.push(vec![s]),
            }
        }
    }
    for series in groups {
        let reference = series
            .iter()
            .position(|s| chart.reference.as_deref() == Some(s.key.bron.as_str()))
            .unwrap_or(0);
        let Some(r) = series.get(reference).copied() else {
            continue;
        };
        let others: Vec<&ChartSeries> = (series.iter().enumerate())
            .filter(|(i, _)| *i != reference)
            .map(|(_, s)| *s)
            .collect();
        if !others.is_empty() {
            out.push((r, others));
        }
    }
    out
}

/// Annotations whose period or range holds `c`.
fn notes_at<'a>(notes: &'a [Annotation], c: &Period) -> Vec<&'a Annotation> {
    notes
        .iter()
        .filter(|a| {
            let (from, to) = a.anchor.range();
            from.start_month() <= c.end_month() && to.end_month() >= c.start_month()
        })
        .collect()
}

/// How many lines the readout takes: the layout asks for them.
pub(super) fn line_count(trend: &TrendTab) -> usize {
    // Differences between sources belong to the trend; a view of one source has none.
    if !trend.kind.is_trend() {
        return 0;
    }
    trend.cursor_period().map_or(0, |c| {
        pairs_at(&trend.chart, &c).len() + notes_at(&trend.notes, &c).len()
    })
}

/// The readout's lines for a legend `width` wide.
pub(super) fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let trend = &app.trend;
    let Some(c) = trend.cursor_period().filter(|_| trend.kind.is_trend()) else {
        return Vec::new();
    };
    let theme = &app.shared.theme;
    let mut out = Vec::new();
    for (r, others) in pairs_at(&trend.chart, &c) {
        let base = r.at(&c).map_or(0.0, |p| p.y);
        let mark = |s: &ChartSeries| {
            Span::styled(
                format!("{} ", symbol(&s.identity, false)),
                theme.series(&s.identity).add_modifier(Modifier::BOLD),
            )
        };
        let head = t().readout_against(&fit_middle(&r.label, (width / 3).max(12)));
        let mut spans = vec![Span::styled("Δ ", theme.title()), mark(r)];
        spans.push(Span::styled(head, theme.dimmed()));
        for s in others {
            let y = s.at(&c).map_or(0.0, |p| p.y);
            let d = y - base;
            let mut text = format!("{}{}", if d > 0.0 { "+" } else { "" }, t().num(d, 2));
            if base != 0.0 {
                text.push_str(&format!(" ({})", t().pct(d / base)));
            }
            spans.push(Span::raw("  "));
            spans.push(mark(s));
            spans.push(Span::styled(
                text,
                theme.base().add_modifier(Modifier::BOLD),
            ));
        }
        if !r.unit.is_empty() {
            spans.push(Span::styled(format!(" {}", r.unit), theme.dimmed()));
        }
        out.push(Line::from(super::draw::truncate_spans(spans, width)));
    }
    for a in notes_at(&trend.notes, &c) {
        let text = a.text.lines().next().unwrap_or_default();
        let who = t().who(a);
        let line = format!("{} {} ({who})", a.kind.marker(), text);
        out.push(Line::from(Span::styled(
            fit_middle(&line, width),
            theme.base().fg(theme.accent),
        )));
    }
    out
}
