//! The trend tab: its state (browser, selection, chart, cursor, range, focus, annotation list)
//! and its handler. Drawing is in `draw`, from `&App` only.

mod body;
mod draw;
mod readout;
mod transform;
mod views;
mod zoom;

pub(crate) use body::draw_body;
pub use draw::draw;
pub(crate) use draw::{draw_legend, legend_extra_rows, legend_rows};

use crate::analysis::chart::Parts;
use crate::analysis::transform::Refusal;
use crate::model::{Dataset, Dimension, Granularity, Period, SeriesKey, Transform, ViewKind};
use crate::session::{Anchor, Annotation, Session};
use crate::tui::components::browser::{Browser, Node};
use crate::tui::components::chart::{AxisNote, PlotGeometry, geometry};
use crate::tui::components::chart_model::ChartModel;
use crate::tui::components::hit::{MouseInput, contains, inner};
use crate::tui::components::list_view::ListView;
use crate::tui::i18n::t;
use crate::tui::keymap::Action;
use ratatui::layout::{Constraint, Layout, Rect};

/// At most this many series in one chart, so the legend stays readable.
pub const MAX_SERIES: usize = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Browser,
    Chart,
    Notes,
}

pub struct TrendTab {
    pub browser: Browser,
    /// First browser row shown.
    pub browser_offset: usize,
    /// Series in the chart, in the order they were chosen (colours and symbols follow the
    /// sources, not this order).
    pub selection: Vec<SeriesKey>,
    pub chart: ChartModel,
    /// The chosen period length; `None` lets the chart choose one (see `shown`).
    pub granularity: Option<Granularity>,
    /// The period length on the axis: the chosen one, else the coarsest of the selected series
    /// when they differ (never two period lengths on one axis), else as delivered.
    pub shown: Option<Granularity>,
    pub focus: Focus,
    /// Index into `chart.periods`.
    pub cursor: Option<usize>,
    /// First period of a range being selected on the chart.
    pub range_start: Option<Period>,
    /// The periods shown when zoomed in (first and last); `None` shows the whole series.
    pub zoom: Option<(Period, Period)>,
    /// What is done to the shown series (per inhabitants, an index, …); `None`: as they are.
    pub transform: Option<Transform>,
    /// How the chosen series are shown: the trend, or an analyst's view of their indicator.
    pub kind: ViewKind,
    /// What a breakdown splits into; `None`: the first the indicator has.
    pub dimension: Option<Dimension>,
    /// The parts of a breakdown shown as small multiples or as the change list.
    pub parts: Option<Parts>,
    /// The small multiples of a breakdown: one chart per part, shared axes (built with it).
    pub multiples: Vec<ChartModel>,
    /// Every period of the selected series, zoomed or not (for panning).
    pub all_periods: Vec<Period>,
    /// Annotations on the charted indicators, in period order (refreshed after every change).
    pub notes: Vec<Annotation>,
    pub notes_view: ListView,
}

/// Where the trend tab's parts are on screen: computed from the area and the state, used by
/// drawing and by the mouse alike.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrendLayout {
    pub browser: Rect,
    pub chart: Rect,
    pub plot: Option<PlotGeometry>,
    pub legend: Rect,
    pub notes: Option<Rect>,
}

impl TrendTab {
    pub fn new(dataset: &Dataset) -> TrendTab {
        let mut browser = Browser::new(dataset);
        let initial = browser.initial_selection(dataset);
        let mut tab = TrendTab {
            chart: ChartModel::build(dataset, &[], None),
            browser,
            browser_offset: 0,
            selection: Vec::new(),
            granularity: None,
            shown: None,
            focus: Focus::Browser,
            cursor: None,
            range_start: None,
            zoom: None,
            transform: None,
            kind: ViewKind::Trend,
            dimension: None,
            parts: None,
            multiples: Vec::new(),
            all_periods: Vec::new(),
            notes: Vec::new(),
            notes_view: ListView::default(),
        };
        tab.set_selection(dataset, initial);
        tab
    }

    pub fn layout(&self, area: Rect) -> TrendLayout {
        let browser_width = (area.width / 4).clamp(24, 44);
        let [browser, right] =
            Layout::horizontal([Constraint::Length(browser_width), Constraint::Min(20)])
                .areas(area);
        let at_cursor = self
            .cursor_period()
            .map_or(0, |c| self.chart.marks_at(&c).len());
        // The events at the cursor are wrapped over lines: as many as they take at `width`.
        let extra = |width: u16| {
            let marks = draw::mark_rows(&self.chart, self.cursor_period(), width as usize);
            (1 + marks + self.chart.left_out.len() + readout::line_count(self)) as u16
        };
        let legend_lines =
            self.chart.series.len().max(1) as u16 + extra(right.width.saturating_sub(2));
        let note_count = self.notes.len() as u16;
        let (chart, legend, notes) = if right.width >= 100 {
            // Wide: legend and annotation list side by side under the chart; the legend takes
            // the larger share while there are no annotations, and a second line per series
            // when its line is too short (long names, a breakdown).
            let share = if note_count == 0 { 70 } else { 55 };
            let legend_width = (right.width as usize * share / 100).saturating_sub(2);
            let legend_lines =
                draw::legend_rows(&self.chart, legend_width) as u16 + extra(legend_width as u16);
            let bottom_height = (legend_lines.max(note_count * 2) + 2)
                .min(right.height / 3)
                .max(4);
            let [chart, bottom] =
                Layout::vertical([Constraint::Min(8), Constraint::Length(bottom_height)])
                    .areas(right);
            let [legend, notes] = Layout::horizontal([
                Constraint::Percentage(share as u16),
                Constraint::Percentage(100 - share as u16),
            ])
            .areas(bottom);
            (chart, legend, Some(notes))
        } else {
            // Narrow: stacked; the list only when there is something in it (or it has focus).
            let show_notes = note_count > 0 || self.focus == Focus::Notes;
            // An event under the cursor earns the legend a little more room.
            let share = if at_cursor > 0 { 3 } else { 4 };
            let legend_height = (legend_lines + 2).min(right.height / share).max(3);
            let notes_height = if show_notes {
                (note_count * 2 + 2).clamp(4, (right.height / 4).max(4))
            } else {
                0
            };
            let [chart, legend, notes] = Layout::vertical([
                Constraint::Min(8),
                Constraint::Length(legend_height),
                Constraint::Length(notes_height),
            ])
            .areas(right);
            (chart, legend, show_notes.then_some(notes))
        };
        let inner = inner(chart);
        TrendLayout {
            browser,
            chart,
            plot: geometry(&self.chart, inner),
            legend,
            notes,
        }
    }

    pub fn cursor_period(&self) -> Option<Period> {
        self.cursor.and_then(|i| self.chart.periods.get(i).copied())
    }

    /// The period range under the cursor (and range start).
    pub fn selected_range(&self) -> Option<(Period, Period)> {
        let c = self.cursor_period()?;
        Some(match self.range_start {
            Some(s) if s <= c => (s, c),
            Some(s) => (c, s),
            None => (c, c),
        })
    }

    pub fn selected_note(&self) -> Option<&Annotation> {
        (self.focus == Focus::Notes)
            .then(|| self.notes.get(self.notes_view.selected))
            .flatten()
    }

    /// Replaces the chart's series.
    pub fn set_selection(&mut self, dataset: &Dataset, keys: Vec<SeriesKey>) {
        self.selection = keys.into_iter().take(MAX_SERIES).collect();
        self.rebuild_chart(dataset);
    }

    /// Builds the chart again; returns why the chosen transform was refused, if it was (the
    /// chart then shows the series as they are).
    fn rebuild_chart(&mut self, dataset: &Dataset) -> Option<Refusal> {
        if self.kind != ViewKind::Trend {
            match self.build_view(dataset) {
                Ok(()) => return None,
                Err(crate::analysis::chart::ViewRefusal::Transform(r)) => {
                    // The view stays; the transform goes (the caller words why).
                    let refused = self.transform.take();
                    self.build_view(dataset).ok();
                    self.transform = refused;
                    return Some(r);
                }
                // The view cannot be made of what is chosen now: the trend.
                Err(_) => (self.kind, self.dimension) = (ViewKind::Trend, None),
            }
        }
        (self.parts, self.multiples) = (None, Vec::new());
        let keep = self.cursor_period().filter(|p| !p.is_season_slot());
        self.shown = self.granularity.or_else(|| {
            let lengths: std::collections::BTreeSet<Granularity> = self
                .selection
                .iter()
                .filter_map(|k| dataset.find(k))
                .map(|s| s.granularity())
                .collect();
            (lengths.len() > 1)
                .then(|| lengths.last().copied())
                .flatten()
        });
        let build = |range| {
            let t = self.transform.as_ref();
            ChartModel::build_transformed(dataset, &self.selection, self.shown, range, t)
        };
        let (chart, refusal) = build(None);
        self.chart = chart;
        self.all_periods = self.chart.periods.clone();
        self.zoom = self.effective_zoom();
        if let Some(window) = self.zoom {
            self.chart = build(Some(window)).0;
        }
        let last = self.chart.periods.len().checked_sub(1);
        self.cursor = match keep {
            Some(p) => self.chart.periods.iter().position(|q| *q >= p).or(last),
            None => last,
        };
        refusal
    }

    /// Annotations of the session on the charted indicators, in period order.
    pub fn refresh_notes(&mut self, session: Option<&Session>) {
        let mut inds: Vec<(&str, &str)> = self
            .chart
            .series
            .iter()
            .map(|s| (s.key.domein.as_str(), s.key.indicator.as_str()))
            .collect();
        inds.dedup();
        let mut notes: Vec<Annotation> = session
            .into_iter()
            .flat_map(|s| s.annotations.iter())
            .filter(|a| inds.contains(&(a.anchor.domain.as_str(), a.anchor.indicator.as_str())))
            .cloned()
            .collect();
        notes.sort_by_key(|a| (a.anchor.from, a.id));
        self.notes = notes;
    }

    /// The annotation markers under the time axis.
    pub fn axis_notes(&self) -> Vec<AxisNote> {
        let selected = self.selected_note().map(|a| a.id);
        self.notes
            .iter()
            .map(|a| {
                let (from, to) = a.anchor.range();
                AxisNote {
                    from,
                    to,
                    marker: a.kind.marker(),
                    selected: Some(a.id) == selected,
                }
            })
            .collect()
    }

    /// Keeps lists on screen after a change; `area` is the tab's area.
    pub fn settle(&mut self, area: Rect) {
        let layout = self.layout(area);
        let rows = inner(layout.browser).height as usize;
        let mut v = ListView {
            selected: self.browser.selected,
            offset: self.browser_offset,
        };
        v.settle(self.browser.rows().len(), rows);
        self.browser_offset = v.offset;
        let note_rows = layout.notes.map_or(1, |r| inner(r).height as usize / 2);
        self.notes_view.settle(self.notes.len(), note_rows);
    }

    /// Shows the series and period an anchor refers to, transformed as it was.
    pub fn show_anchor(&mut self, dataset: &Dataset, anchor: &Anchor) {
        self.transform = anchor.transform.clone();
        let keys: Vec<_> = dataset
            .series_of(&anchor.domain, &anchor.indicator)
            .filter(|s| anchor.sources.contains(&s.key.bron) && s.key.breakdown.is_total())
            .map(|s| s.key.clone())
            .collect();
        if !keys.is_empty() {
            self.browser.reveal(dataset, &keys[0]);
            self.set_selection(dataset, keys);
        } else {
            self.rebuild_chart(dataset);
        }
        let from = anchor.from;
        self.cursor = self
            .chart
            .periods
            .iter()
            .position(|p| p.start_month() >= from.start_month())
            .or(self.cursor);
        self.focus = Focus::Chart;
    }

    /// Shows a browser node as Enter on its row does: a series alone, or the sources of an
    /// indicator side by side.
    pub fn show_node(&mut self, dataset: &Dataset, node: &Node) {
        self.browser.reveal_node(dataset, node);
        self.focus = Focus::Browser;
        self.browser_action(Action::Activate, dataset, 1);
    }

    /// The anchor of a new annotation: the charted indicator's sources at the cursor or range.
    pub fn anchor(&self) -> Option<Anchor> {
        let (first, (mut from, mut to)) = (self.chart.series.first()?, self.selected_range()?);
        if self.kind != ViewKind::Trend {
            // A season's month is the highlighted year's.
            if let Some(year) = self.season_year() {
                (from, to) = (Period { year, ..from }, Period { year, ..to });
            }
            let v = self.view_spec()?;
            let mut anchor = Anchor::new(&v.domein, &v.indicator, v.bronnen, from, to);
            anchor.granularity = self.granularity;
            anchor.transform = self.transform.clone();
            anchor.view = self.kind;
            anchor.dimension = self.dimension;
            return Some(anchor);
        }
        let (domein, indicator) = (first.key.domein.clone(), first.key.indicator.clone());
        let mut bronnen: Vec<String> = self
            .chart
            .series
            .iter()
            .filter(|s| s.key.domein == domein && s.key.indicator == indicator)
            .map(|s| s.key.bron.clone())
            .collect();
        bronnen.dedup();
        let mut anchor = Anchor::new(&domein, &indicator, bronnen, from, to);
        anchor.granularity = self.shown;
        anchor.transform = self.chart.transform.clone();
        Some(anchor)
    }

    /// Handles an action of this tab; returns a message for the status line, if any.
    pub fn handle(&mut self, action: Action, dataset: &Dataset, area: Rect) -> Option<String> {
        match action {
            Action::NextPane => self.cycle_focus(true),
            Action::PrevPane => self.cycle_focus(false),
            Action::CycleGranularity => {
                self.granularity = match self.granularity {
                    None => Some(Granularity::Month),
                    Some(Granularity::Year) => None,
                    Some(g) => Granularity::ALL.iter().copied().find(|h| *h > g),
                };
                self.rebuild_chart(dataset);
                return Some(t().granularity_shown(self.granularity));
            }
            Action::ClearChart => {
                self.set_selection(dataset, Vec::new());
                return Some(t().cleared.to_string());
            }
            Action::ToggleRange => return self.toggle_range(),
            Action::ZoomIn => return self.zoom_in(dataset),
            Action::ZoomAll => return self.zoom_all(dataset),
            Action::PanLeft => return self.pan(dataset, false),
            Action::PanRight => return self.pan(dataset, true),
            Action::PerInhabitants
            | Action::IndexAtCursor
            | Action::YearOnYear
            | Action::MovingAverage
            | Action::YearToDate => return self.transform_action(action, dataset),
            Action::SeasonView | Action::BreakdownView | Action::PlacesView => {
                return self.view_action(action, dataset);
            }
            Action::Cancel => {
                return self
                    .range_start
                    .take()
                    .map(|_| t().range_cleared.to_string());
            }
            _ => {
                let page = inner(self.layout(area).browser).height.max(1) as usize;
                return match self.focus {
                    Focus::Browser => self.browser_action(action, dataset, page),
                    Focus::Chart => {
                        self.chart_action(action, dataset);
                        None
                    }
                    Focus::Notes => self.notes_action(action, dataset),
                };
            }
        }
        None
    }

    fn cycle_focus(&mut self, forward: bool) {
        self.focus = match (self.focus, forward) {
            (Focus::Browser, true) | (Focus::Notes, false) => Focus::Chart,
            (Focus::Chart, true) | (Focus::Browser, false) => Focus::Notes,
            (Focus::Notes, true) | (Focus::Chart, false) => Focus::Browser,
        };
    }

    fn toggle_range(&mut self) -> Option<String> {
        if self.range_start.take().is_some() {
            return Some(t().range_cleared.to_string());
        }
        let p = self.cursor_period()?;
        self.range_start = Some(p);
        self.focus = Focus::Chart;
        Some(t().range_started.to_string())
    }

    fn browser_action(&mut self, action: Action, dataset: &Dataset, page: usize) -> Option<String> {
        let page = page as isize;
        match action {
            Action::Up => self.browser.move_by(-1),
            Action::Down => self.browser.move_by(1),
            Action::PageUp => self.browser.move_by(-page),
            Action::PageDown => self.browser.move_by(page),
            Action::Home => self.browser.select(0),
            Action::End => self.browser.move_by(isize::MAX / 2),
            Action::Right => {
                self.browser.expand(dataset);
            }
            Action::Left => self.browser.collapse(dataset),
            Action::Toggle => return self.toggle_selected(dataset),
            Action::Activate => {
                let is_series = matches!(
                    self.browser.selected_row().map(|r| &r.node),
                    Some(Node::Series { .. })
                );
                // Enter on a closed node opens it; on an open indicator or a series it shows
                // exactly that in the chart.
                if is_series || !self.browser.expand(dataset) {
                    let keys = self.browser.series_under_selection(dataset);
                    if !keys.is_empty() {
                        self.set_selection(dataset, keys);
                    }
                }
            }
            _ => {}
        }
        None
    }

    /// Adds or removes the series under the browser selection.
    fn toggle_selected(&mut self, dataset: &Dataset) -> Option<String> {
        let keys = self.browser.series_under_selection(dataset);
        let first = keys.first()?.to_string();
        let all_in = keys.iter().all(|k| self.selection.contains(k));
        let mut message = None;
        if all_in {
            self.selection.retain(|s| !keys.contains(s));
            message = Some(t().series_removed(&first));
        } else {
            for k in keys.iter() {
                if self.selection.contains(k) {
                    continue;
                }
                if self.selection.len() >= MAX_SERIES {
                    message = Some(t().max_series(MAX_SERIES));
                    break;
                }
                self.selection.push(k.clone());
                message = Some(t().series_added(&k.to_string()));
            }
        }
        self.rebuild_chart(dataset);
        message
    }

    fn chart_action(&mut self, action: Action, dataset: &Dataset) {
        let n = self.chart.periods.len();
        if n == 0 {
            return;
        }
        let cur = self.cursor.unwrap_or(n - 1) as isize;
        // A zoomed chart pans when the cursor goes past its edge.
        let past = match action {
            Action::Left if cur == 0 => Some(false),
            Action::Right if cur == n as isize - 1 => Some(true),
            _ => None,
        };
        if let Some(forward) = past
            && self.pan_by(dataset, forward, 1).is_some()
        {
            self.cursor = Some(if forward {
                self.chart.periods.len() - 1
            } else {
                0
            });
            return;
        }
        let target = match action {
            Action::Left => cur - 1,
            Action::Right => cur + 1,
            Action::PageUp => cur - 12,
            Action::PageDown => cur + 12,
            Action::Home => 0,
            Action::End => n as isize - 1,
            Action::Up => {
                self.browser.move_by(-1);
                cur
            }
            Action::Down => {
                self.browser.move_by(1);
                cur
            }
            Action::Toggle | Action::Activate => {
                self.focus = Focus::Browser;
                cur
            }
            _ => cur,
        };
        self.cursor = Some(target.clamp(0, n as isize - 1) as usize);
    }

    fn notes_action(&mut self, action: Action, dataset: &Dataset) -> Option<String> {
        let n = self.notes.len();
        if action == Action::Activate {
            let anchor = self.notes.get(self.notes_view.selected)?.anchor.clone();
            self.show_anchor(dataset, &anchor);
            self.focus = Focus::Notes;
        } else {
            self.notes_view.step(action, n, 5);
        }
        None
    }

    /// A click or scroll at a screen cell.
    pub fn mouse(&mut self, m: MouseInput, dataset: &Dataset, area: Rect) {
        let layout = self.layout(area);
        let (column, row) = m.at();
        if contains(inner(layout.browser), column, row) {
            self.focus = Focus::Browser;
            let list = inner(layout.browser);
            match m {
                MouseInput::ScrollUp(..) => self.browser.move_by(-3),
                MouseInput::ScrollDown(..) => self.browser.move_by(3),
                MouseInput::Click(..) => {
                    let index = self.browser_offset + (row - list.y) as usize;
                    if index < self.browser.rows().len() {
                        if self.browser.selected == index {
                            self.browser_action(Action::Activate, dataset, 1);
                        } else {
                            self.browser.select(index);
                        }
                    }
                }
            }
        } else if let Some(notes) = layout.notes.map(inner)
            && contains(notes, column, row)
        {
            self.focus = Focus::Notes;
            let n = self.notes.len();
            match m {
                MouseInput::ScrollUp(..) => self.notes_view.step(Action::Up, n, 1),
                MouseInput::ScrollDown(..) => self.notes_view.step(Action::Down, n, 1),
                MouseInput::Click(..) => match self.notes_view.item_at(row - notes.y, 2, n) {
                    Some(i) => {
                        self.notes_view.selected = i;
                        true
                    }
                    None => false,
                },
            };
        } else if let Some(g) = layout.plot
            && contains(inner(layout.chart), column, row)
        {
            self.focus = Focus::Chart;
            match m {
                MouseInput::ScrollUp(..) => self.chart_action(Action::Left, dataset),
                MouseInput::ScrollDown(..) => self.chart_action(Action::Right, dataset),
                MouseInput::Click(..) => {
                    let x = g.x_at(column);
                    self.cursor = self
                        .chart
                        .periods
                        .iter()
                        .enumerate()
                        .min_by(|a, b| (a.1.mid() - x).abs().total_cmp(&(b.1.mid() - x).abs()))
                        .map(|(i, _)| i);
                }
            }
        }
    }
}
