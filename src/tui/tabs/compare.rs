//! The comparison view: one indicator, all its sources side by side (overlay and small
//! multiples on shared axes) and the difference table against a reference source, with the kind
//! of each difference named and the sources' metadata beside it.

use crate::analysis::mismatch::{Comparison, compare};
use crate::model::number::{format_auto, format_pct};
use crate::model::{Dataset, Granularity, Period, SeriesKey};
use crate::tui::app::App;
use crate::tui::components::chart::TrendChart;
use crate::tui::components::chart_model::ChartModel;
use crate::tui::strings;
use crate::tui::style::symbol;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, TableState, Wrap};

/// State of the comparison view, rebuilt when indicator, reference or granularity change.
#[derive(Debug, Clone, Default)]
pub struct CompareState {
    pub domein: String,
    pub indicator: String,
    pub reference: Option<String>,
    pub granularity: Option<Granularity>,
    pub table: Option<Comparison>,
    pub overlay: Option<ChartModel>,
    pub multiples: Vec<ChartModel>,
    /// Selected table row.
    pub selected: usize,
}

impl CompareState {
    /// Opens an indicator, optionally at a period.
    pub fn open(&mut self, dataset: &Dataset, domein: &str, indicator: &str, at: Option<Period>) {
        if self.domein != domein || self.indicator != indicator {
            self.reference = None;
        }
        self.domein = domein.to_string();
        self.indicator = indicator.to_string();
        self.rebuild(dataset);
        if let (Some(p), Some(t)) = (at, &self.table) {
            self.selected = t
                .rows
                .iter()
                .position(|r| r.period.end_month() >= p.start_month())
                .unwrap_or(0);
        }
    }

    pub fn rebuild(&mut self, dataset: &Dataset) {
        if self.indicator.is_empty() {
            return;
        }
        let table = compare(
            dataset,
            &self.domein,
            &self.indicator,
            self.reference.as_deref(),
            self.granularity,
        );
        let g = Some(table.granularity);
        let selection: Vec<(SeriesKey, usize)> = table
            .columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                (
                    SeriesKey {
                        domein: self.domein.clone(),
                        indicator: self.indicator.clone(),
                        bron: c.bron.clone(),
                        breakdown: c.breakdown.clone(),
                    },
                    i,
                )
            })
            .collect();
        let overlay = ChartModel::build(dataset, &selection, g);
        // Small multiples share the overlay's axes so heights compare at a glance.
        self.multiples = selection
            .iter()
            .map(|one| {
                let mut m = ChartModel::build(dataset, std::slice::from_ref(one), g);
                m.x_min = overlay.x_min;
                m.x_max = overlay.x_max;
                m.y_min = overlay.y_min;
                m.y_max = overlay.y_max;
                m.y_ticks = overlay.y_ticks.clone();
                m.marks.clear();
                m
            })
            .collect();
        self.overlay = Some(overlay);
        self.selected = self.selected.min(table.rows.len().saturating_sub(1));
        self.table = Some(table);
    }

    /// Next source as reference.
    pub fn cycle_reference(&mut self, dataset: &Dataset) {
        let Some(t) = &self.table else { return };
        let mut sources: Vec<&str> = t.columns.iter().map(|c| c.bron.as_str()).collect();
        sources.sort();
        sources.dedup();
        if sources.is_empty() {
            return;
        }
        let current = t.reference.as_deref().unwrap_or(sources[0]);
        let i = sources.iter().position(|s| *s == current).unwrap_or(0);
        self.reference = Some(sources[(i + 1) % sources.len()].to_string());
        self.rebuild(dataset);
    }

    /// Next common granularity (never finer than the sources allow: those are excluded).
    pub fn cycle_granularity(&mut self, dataset: &Dataset) {
        let current = self
            .table
            .as_ref()
            .map(|t| t.granularity)
            .unwrap_or(Granularity::Year);
        let next = Granularity::ALL
            .iter()
            .copied()
            .find(|g| *g > current)
            .unwrap_or(Granularity::Month);
        self.granularity = Some(next);
        self.rebuild(dataset);
    }

    pub fn selected_period(&self) -> Option<Period> {
        self.table
            .as_ref()
            .and_then(|t| t.rows.get(self.selected))
            .map(|r| r.period)
    }
}

pub fn draw(frame: &mut Frame, app: &mut App, area: Rect) {
    let theme = app.theme.clone();
    let state = &app.compare;
    let block = |title: String| {
        Block::default()
            .borders(Borders::ALL)
            .border_style(theme.block_border(true))
            .title(Span::styled(format!(" {title} "), theme.title()))
            .style(theme.base())
    };
    let (Some(table), Some(overlay)) = (&state.table, &state.overlay) else {
        frame.render_widget(
            Paragraph::new(strings::COMPARE_EMPTY)
                .style(theme.dimmed())
                .wrap(Wrap { trim: true })
                .block(block(strings::TAB_COMPARE.to_string())),
            area,
        );
        return;
    };
    let [charts, bottom] =
        Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(area);
    // Small multiples need a few rows each; on small screens the overlay gets the room.
    let n = state.multiples.len().max(1) as u16;
    let with_multiples = charts.height / n >= 5 && charts.width >= 100;
    let [overlay_area, multiples_area] = if with_multiples {
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(charts)
    } else {
        [charts, Rect::default()]
    };
    let cursor = state.selected_period();
    let title = format!(
        "{} · {} · per {}",
        table.domein,
        overlay
            .series
            .first()
            .map_or(table.indicator.clone(), |s| s.indicator_label.clone()),
        table.granularity.dutch(),
    );
    let b = block(title);
    let inner = b.inner(overlay_area);
    frame.render_widget(b, overlay_area);
    frame.render_widget(
        TrendChart {
            model: overlay,
            theme: &theme,
            cursor,
            range: None,
            notes: &[],
        },
        inner,
    );

    // Small multiples: one per source, same axes.
    let rows =
        Layout::vertical(vec![Constraint::Ratio(1, n as u32); n as usize]).split(multiples_area);
    for (m, r) in state
        .multiples
        .iter()
        .zip(rows.iter())
        .filter(|_| with_multiples)
    {
        let name = m.series.first().map_or(String::new(), |s| s.label.clone());
        let b = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.block_border(false))
            .title(Span::styled(
                format!(" {name} "),
                theme.series(m.series.first().map_or(0, |s| s.slot)),
            ))
            .style(theme.base());
        let inner = b.inner(*r);
        frame.render_widget(b, *r);
        frame.render_widget(
            TrendChart {
                model: m,
                theme: &theme,
                cursor,
                range: None,
                notes: &[],
            },
            inner,
        );
    }

    // Difference table and the explanation of the selected row.
    let [table_area, detail_area] =
        Layout::vertical([Constraint::Min(5), Constraint::Length(7)]).areas(bottom);
    let mut header = vec![Cell::from(strings::COL_PERIOD)];
    for (i, c) in table.columns.iter().enumerate() {
        // The chart symbol of the column's series doubles as the overlay's legend.
        let mut name = format!("{} {}", symbol(i, false), c.bron);
        if c.is_reference {
            name.push_str(" (ref)");
        }
        header.push(Cell::from(Span::styled(name, theme.series(i))));
        if !c.is_reference {
            header.push(Cell::from("Δ"));
            header.push(Cell::from("Δ%"));
        }
    }
    header.push(Cell::from(strings::COL_KIND));
    let mut widths = vec![Constraint::Length(9)];
    for c in &table.columns {
        widths.push(Constraint::Length(
            (c.bron.chars().count() as u16 + 6).clamp(9, 22),
        ));
        if !c.is_reference {
            widths.push(Constraint::Length(8));
            widths.push(Constraint::Length(7));
        }
    }
    widths.push(Constraint::Min(12));
    let rows: Vec<Row> = table
        .rows
        .iter()
        .map(|r| {
            let mut cells = vec![Cell::from(r.period.dutch_short())];
            for (c, cell) in table.columns.iter().zip(&r.cells) {
                let v = match (cell.value, cell.complete) {
                    (Some(v), _) => {
                        let mut s = format_auto(v, 2);
                        if cell.provisional {
                            s.push('*');
                        }
                        s
                    }
                    (None, false) if cell.present > 0 => {
                        format!("{}/{} ", cell.present, cell.needed) + strings::INCOMPLETE
                    }
                    _ => "—".to_string(),
                };
                cells.push(Cell::from(v));
                if !c.is_reference {
                    cells.push(Cell::from(
                        cell.diff.map_or(String::new(), |d| format_auto(d, 1)),
                    ));
                    cells.push(Cell::from(cell.rel_diff.map_or(String::new(), format_pct)));
                }
            }
            let kinds: Vec<&str> = r.kinds.iter().map(|k| k.dutch()).collect();
            cells.push(Cell::from(Span::styled(kinds.join(", "), theme.warning())));
            Row::new(cells)
        })
        .collect();
    let mut ts = TableState::default().with_selected(Some(state.selected));
    let t = Table::new(rows, widths)
        .header(Row::new(header).style(theme.base().add_modifier(Modifier::BOLD)))
        .row_highlight_style(theme.selected())
        .block(block(strings::diff_table(
            table.reference.as_deref().unwrap_or("—"),
        )));
    frame.render_stateful_widget(t, table_area, &mut ts);

    let mut lines: Vec<Line> = Vec::new();
    if let Some(row) = table.rows.get(state.selected) {
        for (c, cell) in table.columns.iter().zip(&row.cells) {
            if let Some(k) = cell.kind {
                lines.push(Line::from(vec![
                    Span::styled(
                        format!("{}: ", k.dutch()),
                        theme.warning().add_modifier(Modifier::BOLD),
                    ),
                    Span::styled(cell.detail.clone(), theme.base()),
                ]));
                lines.push(Line::from(Span::styled(
                    format!("  {}", k.explanation()),
                    theme.dimmed(),
                )));
                if let Some(src) = app.dataset.source_meta(&c.bron) {
                    lines.push(Line::from(Span::styled(
                        strings::source_meta_line(src),
                        theme.dimmed(),
                    )));
                }
            }
        }
        for k in &row.kinds {
            if !row.cells.iter().any(|c| c.kind == Some(*k)) {
                lines.push(Line::from(vec![
                    Span::styled(
                        format!("{}: ", k.dutch()),
                        theme.warning().add_modifier(Modifier::BOLD),
                    ),
                    Span::styled(k.explanation(), theme.dimmed()),
                ]));
            }
        }
    }
    for e in &table.excluded {
        lines.push(Line::from(Span::styled(
            format!("{}: {}", e.bron, e.reason),
            theme.dimmed(),
        )));
    }
    if lines.is_empty() {
        lines.push(Line::from(Span::styled(
            strings::NO_DIFFERENCE,
            theme.dimmed(),
        )));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(block(strings::DIFF_DETAIL.to_string())),
        detail_area,
    );
}
