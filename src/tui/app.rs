//! Application state and the one place it changes: `App::update`.

use super::action::Action;
use super::components::browser::{Browser, Node};
use super::components::chart::PlotGeometry;
use super::components::chart_model::ChartModel;
use super::open_session::SessionState;
use super::popups::annotate::AnnotateForm;
use super::popups::follow_up::FollowUp;
use super::popups::header::HeaderForm;
use super::popups::start::StartForm;
use super::strings;
use super::style::{SYMBOLS, Theme, ThemeKind};
use super::tabs::Tab;
use super::tabs::compare::CompareState;
use super::tabs::overview::OverviewState;
use crate::model::{Dataset, Granularity, Period, SeriesKey};
use crate::session::Role;
use ratatui::layout::Rect;
use std::path::PathBuf;

/// At most this many series in one chart: each keeps a distinct colour-and-symbol pair.
pub const MAX_SERIES: usize = SYMBOLS.len();

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Browser,
    Chart,
    Notes,
}

/// The overlay that has the keyboard, if any.
pub enum Popup {
    /// The help overlay, scrolled this many lines.
    Help(u16),
    Start(Box<StartForm>),
    Annotate(Box<AnnotateForm>),
    FollowUp(Box<FollowUp>),
    Header(Box<HeaderForm>),
}

/// Where sessions live and what the interface was started with.
#[derive(Debug, Clone, Default)]
pub struct SessionSetup {
    pub dir: PathBuf,
    /// The dataset path as recorded in sessions.
    pub dataset_pad: String,
}

/// Screen areas from the last draw, for mouse hit-testing.
#[derive(Debug, Clone, Default)]
pub struct HitAreas {
    pub browser: Rect,
    pub browser_offset: usize,
    pub plot: Option<PlotGeometry>,
}

pub struct App {
    pub dataset: Dataset,
    pub theme: Theme,
    pub browser: Browser,
    /// Series in the chart with their palette slot.
    pub selection: Vec<(SeriesKey, usize)>,
    pub chart: ChartModel,
    /// Shown granularity; `None` is each series as delivered.
    pub granularity: Option<Granularity>,
    pub focus: Focus,
    /// Index into `chart.periods`.
    pub cursor: Option<usize>,
    pub popup: Option<Popup>,
    pub message: Option<String>,
    pub should_quit: bool,
    pub hit: HitAreas,
    pub setup: SessionSetup,
    pub session: Option<SessionState>,
    /// First period of a range being selected on the chart.
    pub range_start: Option<Period>,
    /// Index into the annotation list of the current chart.
    pub notes_selected: usize,
    /// The role of the last annotation: the next one likely comes from the same side.
    pub last_role: Role,
    pub tab: Tab,
    pub compare: CompareState,
    pub overview: OverviewState,
}

impl App {
    pub fn new(dataset: Dataset, theme: ThemeKind) -> App {
        let mut browser = Browser::new(&dataset);
        let initial = browser.initial_selection(&dataset);
        let mut app = App {
            chart: ChartModel::build(&dataset, &[], None),
            dataset,
            theme: Theme::of(theme),
            browser,
            selection: Vec::new(),
            granularity: None,
            focus: Focus::Browser,
            cursor: None,
            popup: None,
            message: None,
            should_quit: false,
            hit: HitAreas::default(),
            setup: SessionSetup::default(),
            session: None,
            range_start: None,
            notes_selected: 0,
            last_role: Role::Toegang,
            tab: Tab::Trend,
            compare: CompareState::default(),
            overview: OverviewState::default(),
        };
        app.set_selection(initial);
        app
    }

    pub fn cursor_period(&self) -> Option<Period> {
        self.cursor.and_then(|i| self.chart.periods.get(i).copied())
    }

    /// Replaces the chart's series, keeping slots of series that stay.
    pub fn set_selection(&mut self, keys: Vec<SeriesKey>) {
        let old = std::mem::take(&mut self.selection);
        for key in keys.into_iter().take(MAX_SERIES) {
            let slot = old
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, s)| *s)
                .unwrap_or_else(|| self.free_slot());
            self.selection.push((key, slot));
        }
        self.rebuild_chart();
    }

    fn free_slot(&self) -> usize {
        (0..MAX_SERIES)
            .find(|s| !self.selection.iter().any(|(_, t)| t == s))
            .unwrap_or(0)
    }

    fn rebuild_chart(&mut self) {
        let keep = self.cursor_period();
        self.chart = ChartModel::build(&self.dataset, &self.selection, self.granularity);
        self.cursor = match keep {
            Some(p) => self.chart.periods.iter().position(|q| *q >= p).or(self
                .chart
                .periods
                .len()
                .checked_sub(1)),
            None => self.chart.periods.len().checked_sub(1),
        };
    }

    fn label_of(&self, key: &SeriesKey) -> String {
        key.to_string()
    }

    /// Adds or removes the series under the browser selection.
    fn toggle_selected(&mut self) {
        let keys = self.browser.series_under_selection(&self.dataset);
        if keys.is_empty() {
            return;
        }
        let all_in = keys
            .iter()
            .all(|k| self.selection.iter().any(|(s, _)| s == k));
        if all_in {
            self.selection.retain(|(s, _)| !keys.contains(s));
            self.message = Some(strings::series_removed(&self.label_of(&keys[0])));
        } else {
            for k in keys.iter() {
                if self.selection.iter().any(|(s, _)| s == k) {
                    continue;
                }
                if self.selection.len() >= MAX_SERIES {
                    self.message = Some(strings::max_series(MAX_SERIES));
                    break;
                }
                let slot = self.free_slot();
                self.selection.push((k.clone(), slot));
                self.message = Some(strings::series_added(&self.label_of(k)));
            }
        }
        self.rebuild_chart();
    }

    pub fn update(&mut self, action: Action) {
        if let Some(Popup::Help(scroll)) = &mut self.popup {
            match action {
                Action::ToggleHelp | Action::Close => self.popup = None,
                Action::Quit => self.should_quit = true,
                Action::Down | Action::PageDown | Action::ScrollDown => *scroll += 1,
                Action::Up | Action::PageUp | Action::ScrollUp => {
                    *scroll = scroll.saturating_sub(1)
                }
                _ => {}
            }
            return;
        }
        match action {
            Action::Quit => self.should_quit = true,
            Action::ToggleHelp => self.popup = Some(Popup::Help(0)),
            Action::Close => {
                if self.range_start.take().is_some() {
                    self.message = Some(strings::RANGE_CLEARED.to_string());
                } else {
                    self.message = None;
                }
            }
            Action::NextPane => {
                self.focus = match self.focus {
                    Focus::Browser => Focus::Chart,
                    Focus::Chart => Focus::Notes,
                    Focus::Notes => Focus::Browser,
                }
            }
            Action::PrevPane => {
                self.focus = match self.focus {
                    Focus::Browser => Focus::Notes,
                    Focus::Chart => Focus::Browser,
                    Focus::Notes => Focus::Chart,
                }
            }
            Action::ToggleTheme => {
                self.theme = self.theme.toggled();
                self.message = Some(
                    match self.theme.kind {
                        ThemeKind::Dark => strings::DARK_THEME,
                        ThemeKind::Light => strings::LIGHT_THEME,
                    }
                    .to_string(),
                );
            }
            Action::ShowTab(tab) => self.show_tab(tab),
            Action::Annotate => self.open_annotate(),
            Action::Undo => self.undo(),
            Action::WriteMinutes => self.write_minutes(),
            Action::ShowFollowUp => self.show_follow_up(),
            Action::EditHeader => self.edit_header(),
            Action::Resize => {}
            Action::CycleReference if self.tab == Tab::Compare => {
                self.compare.cycle_reference(&self.dataset)
            }
            Action::CycleGranularity if self.tab == Tab::Compare => {
                self.compare.cycle_granularity(&self.dataset)
            }
            Action::CycleKindFilter if self.tab == Tab::Overview => self.overview.cycle_kind(),
            Action::CycleDomainFilter if self.tab == Tab::Overview => {
                self.overview.cycle_domain(&self.dataset)
            }
            _ if self.tab == Tab::Compare => self.update_compare(action),
            _ if self.tab == Tab::Overview => self.update_overview(action),
            Action::CycleGranularity => {
                self.granularity = match self.granularity {
                    None => Some(Granularity::Month),
                    Some(Granularity::Year) => None,
                    Some(g) => Granularity::ALL.iter().copied().find(|h| *h > g),
                };
                self.rebuild_chart();
                self.message = Some(strings::granularity_shown(self.granularity));
            }
            Action::ClearChart => {
                self.set_selection(Vec::new());
                self.message = Some(strings::CLEARED.to_string());
            }
            Action::ToggleRange => self.toggle_range(),
            Action::Click { column, row } => self.click(column, row),
            Action::ScrollUp => self.browser.move_by(-3),
            Action::ScrollDown => self.browser.move_by(3),
            _ => match self.focus {
                Focus::Browser => self.update_browser(action),
                Focus::Chart => self.update_chart(action),
                Focus::Notes => self.update_notes(action),
            },
        }
    }

    /// Switches screens; the comparison opens on the indicator in the trend chart.
    pub fn show_tab(&mut self, tab: Tab) {
        if tab == Tab::Compare
            && let Some(first) = self.chart.series.first()
        {
            let (d, i) = (first.key.domein.clone(), first.key.indicator.clone());
            if self.compare.domein != d
                || self.compare.indicator != i
                || self.compare.table.is_none()
            {
                let at = self.cursor_period();
                self.compare.open(&self.dataset, &d, &i, at);
            }
        }
        self.tab = tab;
    }

    fn update_compare(&mut self, action: Action) {
        let n = self.compare.table.as_ref().map_or(0, |t| t.rows.len());
        self.compare.selected = step(self.compare.selected, n, action);
    }

    fn update_overview(&mut self, action: Action) {
        self.overview.ensure(&self.dataset);
        if action == Action::Activate {
            if let Some(m) = self.overview.selected_mismatch().cloned() {
                self.compare.granularity = Some(m.period.granularity);
                self.compare
                    .open(&self.dataset, &m.domein, &m.indicator, Some(m.period));
                self.tab = Tab::Compare;
            }
            return;
        }
        let n = self.overview.visible().len();
        self.overview.selected = step(self.overview.selected, n, action);
    }

    fn update_browser(&mut self, action: Action) {
        let page = self.hit.browser.height.saturating_sub(2).max(1) as isize;
        match action {
            Action::Up => self.browser.move_by(-1),
            Action::Down => self.browser.move_by(1),
            Action::PageUp => self.browser.move_by(-page),
            Action::PageDown => self.browser.move_by(page),
            Action::Home => self.browser.select(0),
            Action::End => self.browser.move_by(isize::MAX / 2),
            Action::Right => {
                self.browser.expand(&self.dataset);
            }
            Action::Left => self.browser.collapse(&self.dataset),
            Action::Toggle => self.toggle_selected(),
            Action::Activate => {
                let is_series = matches!(
                    self.browser.selected_row().map(|r| &r.node),
                    Some(Node::Series { .. })
                );
                // Enter on a closed node opens it; on an open indicator or a series it shows
                // exactly that in the chart.
                if is_series || !self.browser.expand(&self.dataset) {
                    let keys = self.browser.series_under_selection(&self.dataset);
                    if !keys.is_empty() {
                        self.set_selection(keys);
                    }
                }
            }
            _ => {}
        }
    }

    fn update_chart(&mut self, action: Action) {
        let n = self.chart.periods.len();
        if n == 0 {
            return;
        }
        let cur = self.cursor.unwrap_or(n - 1) as isize;
        let target = match action {
            Action::Left => cur - 1,
            Action::Right => cur + 1,
            Action::PageUp => cur - 12,
            Action::PageDown => cur + 12,
            Action::Home => 0,
            Action::End => n as isize - 1,
            Action::Up | Action::Down => {
                self.browser
                    .move_by(if action == Action::Up { -1 } else { 1 });
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

    fn click(&mut self, column: u16, row: u16) {
        let b = self.hit.browser;
        if column >= b.x && column < b.x + b.width && row > b.y && row < b.y + b.height - 1 {
            self.focus = Focus::Browser;
            let index = self.hit.browser_offset + (row - b.y - 1) as usize;
            if index < self.browser.rows().len() {
                if self.browser.selected == index {
                    self.update_browser(Action::Activate);
                } else {
                    self.browser.select(index);
                }
            }
            return;
        }
        if let Some(g) = self.hit.plot {
            let p = g.plot;
            if column >= p.x && column < p.x + p.width && row >= p.y && row <= p.y + p.height {
                self.focus = Focus::Chart;
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

/// Moves a selection in a list of `n` rows by a navigation action.
pub(crate) fn step(current: usize, n: usize, action: Action) -> usize {
    if n == 0 {
        return 0;
    }
    let cur = current as isize;
    let target = match action {
        Action::Up => cur - 1,
        Action::Down => cur + 1,
        Action::PageUp => cur - 10,
        Action::PageDown => cur + 10,
        Action::Home => 0,
        Action::End => n as isize - 1,
        _ => cur,
    };
    target.clamp(0, n as isize - 1) as usize
}
