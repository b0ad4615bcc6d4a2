//! The mismatch overview: every named difference in the dataset, largest first, filterable by
//! kind and domain; Enter opens the comparison view at that period. The analyst's agenda.

use crate::analysis::mismatch::{Mismatch, MismatchKind, Settings, detect};
use crate::model::Dataset;
use crate::model::number::format_pct;
use crate::tui::app::App;
use crate::tui::strings;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, TableState, Wrap};

#[derive(Debug, Clone, Default)]
pub struct OverviewState {
    /// Computed on first view: detection is fast, but not needed to open the sample.
    pub all: Option<Vec<Mismatch>>,
    pub kind: Option<MismatchKind>,
    pub domain: Option<String>,
    pub selected: usize,
}

impl OverviewState {
    pub fn ensure(&mut self, dataset: &Dataset) {
        if self.all.is_none() {
            self.all = Some(detect(dataset, &Settings::default()));
        }
    }

    pub fn visible(&self) -> Vec<&Mismatch> {
        self.all
            .iter()
            .flatten()
            .filter(|m| self.kind.is_none_or(|k| m.kind == k))
            .filter(|m| self.domain.as_ref().is_none_or(|d| *d == m.domein))
            .collect()
    }

    pub fn cycle_kind(&mut self) {
        self.kind = match self.kind {
            None => Some(MismatchKind::ALL[0]),
            Some(k) => MismatchKind::ALL
                .iter()
                .position(|x| *x == k)
                .and_then(|i| MismatchKind::ALL.get(i + 1).copied()),
        };
        self.selected = 0;
    }

    pub fn cycle_domain(&mut self, dataset: &Dataset) {
        let domains = dataset.domains();
        self.domain = match &self.domain {
            None => domains.first().map(|d| d.to_string()),
            Some(d) => domains
                .iter()
                .position(|x| x == d)
                .and_then(|i| domains.get(i + 1))
                .map(|d| d.to_string()),
        };
        self.selected = 0;
    }

    pub fn selected_mismatch(&self) -> Option<&Mismatch> {
        self.visible().get(self.selected).copied()
    }
}

pub fn draw(frame: &mut Frame, app: &mut App, area: Rect) {
    let theme = app.theme.clone();
    app.overview.ensure(&app.dataset);
    let state = &app.overview;
    let visible = state.visible();
    let [filter, table_area, detail] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(5),
        Constraint::Length(6),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(strings::overview_filter(
            state.kind.map(|k| k.dutch()),
            state.domain.as_deref(),
            visible.len(),
        ))
        .style(theme.dimmed()),
        filter,
    );
    let block = |t: &str| {
        Block::default()
            .borders(Borders::ALL)
            .border_style(theme.block_border(true))
            .title(Span::styled(format!(" {t} "), theme.title()))
            .style(theme.base())
    };
    if visible.is_empty() {
        frame.render_widget(
            Paragraph::new(strings::OVERVIEW_EMPTY)
                .style(theme.dimmed())
                .block(block(strings::OVERVIEW_TITLE)),
            table_area,
        );
        return;
    }
    let rows: Vec<Row> = visible
        .iter()
        .map(|m| {
            Row::new(vec![
                Cell::from(Span::styled(m.kind.dutch(), theme.warning())),
                Cell::from(m.domein.clone()),
                Cell::from(m.indicator.clone()),
                Cell::from(m.period.dutch_short()),
                Cell::from(m.sources.join(" / ")),
                Cell::from(m.rel_diff.map_or(String::new(), format_pct)),
            ])
        })
        .collect();
    let widths = [
        Constraint::Length(20),
        Constraint::Length(12),
        Constraint::Length(26),
        Constraint::Length(9),
        Constraint::Min(20),
        Constraint::Length(9),
    ];
    let header = Row::new(["soort", "domein", "indicator", "periode", "bronnen", "Δ%"])
        .style(theme.base().add_modifier(Modifier::BOLD));
    let mut ts = TableState::default().with_selected(Some(state.selected.min(visible.len() - 1)));
    frame.render_stateful_widget(
        Table::new(rows, widths)
            .header(header)
            .row_highlight_style(theme.selected())
            .block(block(strings::OVERVIEW_TITLE)),
        table_area,
        &mut ts,
    );
    if let Some(m) = visible.get(state.selected) {
        let lines = vec![
            Line::from(Span::styled(m.detail.clone(), theme.base())),
            Line::from(Span::styled(m.kind.explanation(), theme.dimmed())),
        ];
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: true })
                .block(block(strings::DIFF_DETAIL)),
            detail,
        );
    }
}
