//! The comparison view: one indicator, all its sources side by side (overlay and small
//! multiples on shared axes) and the difference table against a reference source, with the kind
//! of each difference named and the sources' metadata beside it.

mod draw;
mod kinds;
mod regions;

pub use draw::draw;

use crate::analysis::mismatch::{Comparison, compare};
use crate::model::{Breakdown, Dataset, Granularity, Period, SeriesKey};
use crate::session::{Anchor, Difference};
use crate::tui::components::chart_model::ChartModel;
use crate::tui::components::hit::{MouseInput, contains, inner};
use crate::tui::components::list_view::ListView;
use crate::tui::keymap::Action;
use ratatui::layout::{Constraint, Layout, Rect};

/// Where the comparison's parts are on screen.
pub struct CompareLayout {
    pub overlay: Rect,
    /// One per source; empty when the screen is too small for small multiples.
    pub multiples: Vec<Rect>,
    pub table: Rect,
    pub detail: Rect,
}

/// State of the comparison view, rebuilt when indicator, reference or granularity change.
#[derive(Debug, Clone, Default)]
pub struct CompareTab {
    pub domain: String,
    pub indicator: String,
    pub reference: Option<String>,
    pub granularity: Option<Granularity>,
    pub table: Option<Comparison>,
    pub overlay: Option<ChartModel>,
    pub multiples: Vec<ChartModel>,
    /// Selected table row.
    pub view: ListView,
    /// With several regios the charts show the selected row's regio only (150 lines of 50
    /// gemeenten say nothing); `None` when they show every column.
    pub chart_region: Option<Breakdown>,
}

impl CompareTab {
    /// Opens an indicator, optionally at a period.
    pub fn open(&mut self, dataset: &Dataset, domein: &str, indicator: &str, at: Option<Period>) {
        if self.domain != domein || self.indicator != indicator {
            self.reference = None;
        }
        self.domain = domein.to_string();
        self.indicator = indicator.to_string();
        self.rebuild(dataset);
        if let (Some(p), Some(t)) = (at, &self.table) {
            self.view.selected = t
                .rows
                .iter()
                .position(|r| r.period.end_month() >= p.start_month())
                .unwrap_or(0);
            self.sync_charts(dataset);
        }
    }

    /// Selects the row of `region` at `p` (a difference opened from the overview).
    pub fn select_region(&mut self, dataset: &Dataset, region: &Breakdown, p: Period) {
        let Some(t) = &self.table else { return };
        let mut rows = t.rows.iter().enumerate().filter(|(_, r)| {
            r.breakdown.regio == region.regio && r.period.end_month() >= p.start_month()
        });
        if let Some((i, _)) = rows.next() {
            self.view.selected = i;
            self.sync_charts(dataset);
        }
    }

    /// The charts follow the selected row's regio when there are several.
    fn sync_charts(&mut self, dataset: &Dataset) {
        let wanted = self.wanted_region();
        if wanted != self.chart_region {
            self.build_charts(dataset);
        }
    }

    fn wanted_region(&self) -> Option<Breakdown> {
        let t = self.table.as_ref()?;
        if t.regions().len() < 2 {
            return None;
        }
        t.rows.get(self.view.selected).map(|r| r.breakdown.clone())
    }

    pub fn rebuild(&mut self, dataset: &Dataset) {
        if self.indicator.is_empty() {
            return;
        }
        let table = compare(
            dataset,
            &self.domain,
            &self.indicator,
            self.reference.as_deref(),
            self.granularity,
        );
        self.view.selected = self.view.selected.min(table.rows.len().saturating_sub(1));
        self.table = Some(table);
        self.build_charts(dataset);
    }

    /// The overlay and small multiples of the table's columns (of the selected regio only, when
    /// there are several).
    fn build_charts(&mut self, dataset: &Dataset) {
        let Some(table) = &self.table else { return };
        let region = self.wanted_region();
        let g = Some(table.granularity);
        let selection: Vec<SeriesKey> = table
            .columns
            .iter()
            .filter(|c| region.as_ref().is_none_or(|b| c.breakdown == *b))
            .map(|c| SeriesKey {
                domein: self.domain.clone(),
                indicator: self.indicator.clone(),
                bron: c.bron.clone(),
                breakdown: c.breakdown.clone(),
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
                m.y_step = overlay.y_step;
                m.marks.clear();
                // A breakdown keeps the number it has in the overlay.
                for s in &mut m.series {
                    if let Some(o) = overlay.series.iter().find(|o| o.key == s.key) {
                        s.identity = o.identity;
                    }
                }
                m
            })
            .collect();
        self.overlay = Some(overlay);
        self.chart_region = region;
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
            .and_then(|t| t.rows.get(self.view.selected))
            .map(|r| r.period)
    }
}

impl CompareTab {
    pub fn layout(&self, area: Rect) -> CompareLayout {
        let [charts, bottom] =
            Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(area);
        // Small multiples need a few rows each; on small screens the overlay gets the room.
        let n = self.multiples.len().max(1) as u16;
        let with_multiples = charts.height / n >= 5 && charts.width >= 100;
        let (overlay, multiples) = if with_multiples {
            let [o, m] =
                Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                    .areas(charts);
            let rows = Layout::vertical(vec![Constraint::Ratio(1, n as u32); n as usize]).split(m);
            (o, rows.to_vec())
        } else {
            (charts, Vec::new())
        };
        // The explanation gets the rows the table does not need (a definition difference names
        // both definitions), at least five lines of text.
        let table_needs = (self.row_count() as u16).saturating_add(3);
        let detail_height = bottom.height.saturating_sub(table_needs).max(7);
        let [table, detail] =
            Layout::vertical([Constraint::Min(5), Constraint::Length(detail_height)]).areas(bottom);
        CompareLayout {
            overlay,
            multiples,
            table,
            detail,
        }
    }

    /// Table rows that fit: the border and the header row take three lines.
    fn rows_shown(&self, area: Rect) -> usize {
        inner(self.layout(area).table).height.saturating_sub(1) as usize
    }

    fn row_count(&self) -> usize {
        self.table.as_ref().map_or(0, |t| t.rows.len())
    }

    pub fn handle(&mut self, action: Action, dataset: &Dataset, area: Rect) -> Option<String> {
        match action {
            Action::CycleReference => self.cycle_reference(dataset),
            Action::CycleGranularity => self.cycle_granularity(dataset),
            _ => {
                let page = self.rows_shown(area);
                self.view.step(action, self.row_count(), page);
                self.sync_charts(dataset);
            }
        }
        None
    }

    pub fn settle(&mut self, area: Rect) {
        let n = self.row_count();
        let shown = self.rows_shown(area);
        self.view.settle(n, shown);
    }

    /// A click on a table row selects it (its period); scrolling moves the selection.
    pub fn mouse(&mut self, m: MouseInput, dataset: &Dataset, area: Rect) {
        let layout = self.layout(area);
        let (column, row) = m.at();
        let n = self.row_count();
        let on_table = contains(inner(layout.table), column, row);
        let on_chart = contains(layout.overlay, column, row)
            || layout.multiples.iter().any(|r| contains(*r, column, row));
        match m {
            MouseInput::ScrollUp(..) if on_table || on_chart => {
                self.view.step(Action::Up, n, 1);
            }
            MouseInput::ScrollDown(..) if on_table || on_chart => {
                self.view.step(Action::Down, n, 1);
            }
            MouseInput::Click(..) if on_table => {
                let t = inner(layout.table);
                if row > t.y
                    && let Some(i) = self.view.item_at(row - t.y - 1, 1, n)
                {
                    self.view.selected = i;
                }
            }
            _ => {}
        }
        self.sync_charts(dataset);
    }

    /// The selected row of the comparison: its period, the sources compared, the view (period
    /// length and reference) and the named differences, so the annotation records what the room
    /// was explaining.
    pub fn anchor(&self) -> Option<Anchor> {
        let table = self.table.as_ref()?;
        let row = table.rows.get(self.view.selected)?;
        // The sources of the row's regio: with several regios the others are not on this row.
        let bronnen = table.sources_of(row);
        let mut anchor = Anchor::new(
            &table.domein,
            &table.indicator,
            bronnen,
            row.period,
            row.period,
        );
        anchor.granularity = Some(table.granularity);
        anchor.reference = row.reference.clone().or_else(|| table.reference.clone());
        anchor.view = crate::model::ViewKind::Compare;
        if table.regions().len() > 1 {
            anchor.region = row.breakdown.regio.clone();
        }
        anchor.differences = Difference::of_row(table, row);
        Some(anchor)
    }
}
