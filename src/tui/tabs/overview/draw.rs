//! Drawing the overview from `&App`: filter line, table of differences, detail.

use super::OverviewTab;
use crate::analysis::mismatch::Mismatch;
use crate::model::DatasetMeta;
use crate::model::identity::SeriesIdentity;
use crate::tui::app::App;
use crate::tui::i18n::t;
use crate::tui::style::{Theme, symbol};
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, TableState, Wrap};

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let theme = &app.shared.theme;
    let state = &app.overview;
    let count = state.visible_len();
    let layout = OverviewTab::layout(area);
    let (filter, table_area, detail) = (layout.filter, layout.table, layout.detail);
    frame.render_widget(
        Paragraph::new(t().overview_filter(
            state.kind.map(|k| t().mismatch(k)),
            state.domain.as_deref(),
            count,
            &app.shared.keymap,
        ))
        .style(theme.dimmed()),
        filter,
    );
    if count == 0 {
        let text = if state.all.is_none() {
            t().overview_busy
        } else {
            t().overview_empty
        };
        frame.render_widget(
            Paragraph::new(text)
                .style(theme.dimmed())
                .block(pane(theme, t().overview_title)),
            table_area,
        );
        return;
    }
    let regio_width = state.regio_width();
    let meta = &app.dataset().meta;
    // Only the rows on screen are built: a big dataset has hundreds of thousands.
    let height = table_area.height.saturating_sub(3).max(1) as usize;
    let offset = state.view.offset.min(count - 1);
    let rows: Vec<Row> = (offset..(offset + height).min(count))
        .filter_map(|i| state.visible_at(i))
        .map(|m| row(theme, meta, m, regio_width.is_some()))
        .collect();
    let (widths, header) = columns(regio_width, table_area.width);
    let header = Row::new(header).style(theme.base().add_modifier(Modifier::BOLD));
    let selected = state.view.selected.min(count - 1);
    let mut ts = TableState::default().with_selected(selected.checked_sub(offset));
    frame.render_stateful_widget(
        Table::new(rows, widths)
            .header(header)
            .row_highlight_style(theme.selected())
            .block(pane(theme, t().overview_title)),
        table_area,
        &mut ts,
    );
    if let Some(m) = state.visible_at(selected) {
        draw_detail(frame, theme, m, detail);
    }
}

/// The widths and names of the columns, with a regio column of `regio_width` when given.
fn columns(regio_width: Option<u16>, width: u16) -> (Vec<Constraint>, Vec<&'static str>) {
    let mut widths = vec![
        // Room for "eenheid omgerekend; daarna 24% onverklaard" on a wide screen.
        Constraint::Length(if width >= 140 { 42 } else { 20 }),
        Constraint::Length(12),
        Constraint::Length(26),
        Constraint::Length(9),
        Constraint::Min(20),
        Constraint::Length(9),
    ];
    let mut header = header_labels().to_vec();
    if let Some(w) = regio_width {
        widths.insert(3, Constraint::Length(w));
        header.insert(3, t().col_region);
        // On a narrow screen the sources give way: the kind and the regio stay whole.
        if width < 100 {
            widths[0] = Constraint::Length(14);
            widths[1] = Constraint::Length(9);
            widths[2] = Constraint::Length(12);
            widths[5] = Constraint::Min(12);
        }
    }
    (widths, header)
}

/// One difference as a table row; with `regions` its regio after the indicator.
fn row<'a>(theme: &Theme, meta: &DatasetMeta, m: &Mismatch, regions: bool) -> Row<'a> {
    let mut cells = vec![
        Cell::from(Span::styled(
            t().kind_label(m.kind, Some(&m.detail)),
            theme.warning(),
        )),
        Cell::from(m.domein.clone()),
        Cell::from(m.indicator.clone()),
        Cell::from(t().period_short(&m.period)),
        Cell::from(sources_line(theme, meta, &m.sources)),
        Cell::from(m.rel_diff.map_or(String::new(), |r| t().pct(r))),
    ];
    if regions {
        let regio = m.breakdown.regio.as_deref().unwrap_or("—");
        cells.insert(3, Cell::from(regio.to_string()));
    }
    Row::new(cells)
}

/// The sources of a difference, each with its own symbol and colour as in the charts: "the
/// orange one" is the same bron on every tab.
fn sources_line<'a>(theme: &Theme, meta: &DatasetMeta, sources: &[String]) -> Line<'a> {
    let mut spans = Vec::new();
    for (i, bron) in sources.iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw(" / "));
        }
        let identity = SeriesIdentity {
            source: meta.identity(bron),
            variant: 0,
        };
        spans.push(Span::styled(
            format!("{} {bron}", symbol(&identity, false)),
            theme.series(&identity),
        ));
    }
    Line::from(spans)
}

/// The selected difference in words, with what its kind means.
fn draw_detail(frame: &mut Frame, theme: &Theme, m: &Mismatch, area: Rect) {
    let lines = vec![
        Line::from(Span::styled(t().detail(&m.detail), theme.base())),
        Line::from(Span::styled(
            t().mismatch_explanation(m.kind),
            theme.dimmed(),
        )),
    ];
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(pane(theme, t().diff_detail)),
        area,
    );
}

fn pane<'a>(theme: &Theme, title: &str) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.block_border(true))
        .title(Span::styled(format!(" {title} "), theme.title()))
        .style(theme.base())
}

/// The table's column names.
fn header_labels() -> [&'static str; 6] {
    [
        t().col_kind_short,
        t().col_domain,
        t().col_indicator,
        t().col_period,
        t().col_sources,
        "Δ%",
    ]
}
