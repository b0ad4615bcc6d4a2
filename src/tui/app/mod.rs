//! The main screen's state and its one update path: a key is looked up in the keymap of the
//! context that has the keyboard (a popup, else the tab), and the action goes to that context's
//! handler. Each tab keeps its own state; what all tabs share (dataset, theme, session, message)
//! is in [`Shared`]. Drawing reads `&App` only.

mod agenda;
mod background_work;
mod export;
mod export_table;
mod failed_save;
mod follow;
mod follow_up;
mod lock_watch;
mod palette;
mod session;
mod view;

use super::background::Background;
use super::components::hit::MouseInput;
use super::i18n::t;
use super::keymap::{Action, Context, Keymap};
use super::popups::annotate::AnnotateForm;
use super::popups::follow_up::FollowUp;
use super::popups::header::HeaderForm;
use super::popups::start::StartForm;
use super::style::{Theme, ThemeKind, marker_name, theme_name};
use super::tabs::Tab;
use super::tabs::compare::CompareTab;
use super::tabs::overview::OverviewTab;
use super::tabs::trend::TrendTab;
use crate::model::Dataset;
use crate::session::{OpenSession, Role};
use crossterm::event::{Event, KeyEvent, MouseButton, MouseEventKind};
use ratatui::layout::{Constraint, Layout, Rect};
use std::path::PathBuf;
use std::sync::Arc;

pub use super::tabs::trend::{Focus, MAX_SERIES};
pub use agenda::{AgendaStatus, AgendaWalk};
pub use follow::Follower;

/// The overlay that has the keyboard, if any.
pub enum Popup {
    /// The help of a context, scrolled this many lines.
    Help {
        context: Context,
        scroll: u16,
    },
    Start(Box<StartForm>),
    Annotate(Box<AnnotateForm>),
    FollowUp(Box<FollowUp>),
    Header(Box<HeaderForm>),
    Agenda(Box<crate::tui::popups::agenda::AgendaEditor>),
    /// The command palette: commands, series and indicators by a typed search.
    Palette(Box<crate::tui::popups::palette::Palette>),
}

/// Where sessions live and what the interface was started with.
#[derive(Debug, Clone, Default)]
pub struct SessionSetup {
    pub dir: PathBuf,
    /// The dataset path as recorded in sessions.
    pub dataset_pad: String,
}

/// What every tab reads: the data, the look, the keys, the session and the status message.
pub struct Shared {
    pub dataset: Arc<Dataset>,
    pub theme: Theme,
    pub keymap: Arc<Keymap>,
    pub setup: SessionSetup,
    pub session: Option<OpenSession>,
    pub message: Option<String>,
    /// The role of the last annotation: the next one likely comes from the same side.
    pub last_role: Role,
    /// The answered questions of the session folder, shown under the chart of their indicator
    /// ("hierover is onderzoek gedaan"); read when a session opens and after a status change.
    pub researched: Vec<crate::session::answered::Answered>,
    /// The research programme's criteria (`programma.toml` beside the sessions folder).
    pub programme: Arc<crate::session::programme::Programme>,
}

pub struct App {
    pub shared: Shared,
    pub tab: Tab,
    pub trend: TrendTab,
    pub compare: CompareTab,
    pub overview: OverviewTab,
    pub signals: super::tabs::signals::SignalsTab,
    pub popup: Option<Popup>,
    /// The terminal's size, for layout and the mouse.
    pub area: Rect,
    pub should_quit: bool,
    /// Slow work on worker threads, with progress for the status line.
    pub background: Background,
    /// Where the agenda walk is.
    pub agenda_walk: AgendaWalk,
    /// The question the agenda session showed when its chart was opened: the follow-up
    /// reopens the agenda session there.
    pub agenda_return: Option<crate::session::ItemRef>,
    /// Following another duiden's screen (`duiden meekijken`), read-only.
    pub follow: Option<Follower>,
    /// The view state last written for followers.
    published: Option<crate::session::view_state::ViewState>,
    /// The chart alone, for the projector (see [`crate::tui::present`]).
    pub presentation: bool,
    /// The look of the mode not shown: the working screen's while presenting, else the
    /// presentation's (each keeps its own line style, grid and theme).
    pub other_theme: Theme,
    /// A session another process holds: when it was last looked at, and a pending confirmation.
    lock_watch: lock_watch::LockWatch,
}

impl App {
    pub fn new(dataset: Dataset, theme: ThemeKind) -> App {
        App::with_keymap(dataset, theme, Arc::new(Keymap::default()))
    }

    pub fn with_keymap(
        dataset: impl Into<Arc<Dataset>>,
        theme: ThemeKind,
        keymap: Arc<Keymap>,
    ) -> App {
        let dataset = dataset.into();
        let trend = TrendTab::new(&dataset);
        let working = Theme::of(theme);
        App {
            shared: Shared {
                dataset,
                theme: working.clone(),
                keymap,
                setup: SessionSetup::default(),
                programme: Arc::default(),
                session: None,
                message: None,
                last_role: Role::Toegang,
                researched: Vec::new(),
            },
            tab: Tab::Trend,
            trend,
            compare: CompareTab::default(),
            overview: OverviewTab::default(),
            signals: Default::default(),
            popup: None,
            area: Rect::new(0, 0, 120, 40),
            should_quit: false,
            background: Background::default(),
            presentation: false,
            agenda_walk: AgendaWalk::default(),
            agenda_return: None,
            follow: None,
            published: None,
            other_theme: super::present::presentation_theme(&working),
            lock_watch: lock_watch::LockWatch::default(),
        }
    }

    pub fn dataset(&self) -> &Dataset {
        &self.shared.dataset
    }

    /// The context that has the keyboard.
    pub fn context(&self) -> Context {
        match &self.popup {
            Some(Popup::Help { .. }) => Context::Help,
            Some(Popup::Start(f)) => f.context(),
            Some(Popup::Annotate(f)) => f.context(),
            Some(Popup::FollowUp(f)) => f.context(),
            Some(Popup::Header(_)) => Context::Header,
            Some(Popup::Agenda(_)) => Context::Agenda,
            Some(Popup::Palette(_)) => Context::Palette,
            None => self.tab.context(),
        }
    }

    /// The area below the title bar and above the status line.
    pub fn body(&self) -> Rect {
        body_of(self.area)
    }

    pub fn handle_event(&mut self, event: Event) {
        self.handle_input(event);
        self.publish_view();
    }

    fn handle_input(&mut self, event: Event) {
        match event {
            Event::Key(key) => self.handle_key(key),
            Event::Mouse(m) => {
                let input = match m.kind {
                    MouseEventKind::Down(MouseButton::Left) => MouseInput::Click(m.column, m.row),
                    MouseEventKind::ScrollUp => MouseInput::ScrollUp(m.column, m.row),
                    MouseEventKind::ScrollDown => MouseInput::ScrollDown(m.column, m.row),
                    _ => return,
                };
                self.mouse(input);
            }
            Event::Resize(w, h) => self.resize(Rect::new(0, 0, w, h)),
            _ => {}
        }
    }

    pub fn resize(&mut self, area: Rect) {
        self.area = area;
        self.settle();
    }

    /// A key: looked up in the keymap of the context that has the keyboard.
    pub fn handle_key(&mut self, key: KeyEvent) {
        let action = self.shared.keymap.action(self.context(), key);
        match self.popup.take() {
            Some(popup) if action != Some(Action::Quit) => self.popup_key(popup, action, key),
            popup => {
                self.popup = popup;
                self.press(action);
            }
        }
        self.settle();
    }

    /// What a key of the screen means once looked up (also a command chosen in the palette,
    /// which runs as if its key was pressed).
    fn press(&mut self, action: Option<Action>) {
        if self.popup.is_none() && self.follower_refuses(action) {
            return;
        }
        if action == Some(Action::Quit) {
            self.stop_clock();
            self.should_quit = true;
            return;
        }
        // A message stays until the next key, so the key hints come back; what that key does
        // may say something new.
        self.shared.message = None;
        if let Some(a) = action {
            self.update(a);
        }
    }

    /// An action in the current tab (or the help overlay when it is open).
    pub fn update(&mut self, action: Action) {
        if let Some(Popup::Help { scroll, .. }) = &mut self.popup {
            match action {
                Action::Help | Action::Cancel => self.popup = None,
                Action::Quit => self.should_quit = true,
                Action::Down | Action::PageDown => *scroll += 1,
                Action::Up | Action::PageUp => *scroll = scroll.saturating_sub(1),
                _ => {}
            }
            return;
        }
        match action {
            Action::Quit => {
                self.stop_clock();
                self.should_quit = true;
            }
            Action::Help => {
                self.popup = Some(Popup::Help {
                    context: self.tab.context(),
                    scroll: 0,
                })
            }
            Action::Cancel if self.trend.range_start.is_none() => self.cancel_background(),
            Action::ToggleTheme => {
                self.shared.theme = self.shared.theme.toggled();
                self.shared.message = Some(theme_name(self.shared.theme.kind).to_string());
            }
            Action::CycleLineStyle | Action::ToggleGrid => self.chart_style(action),
            Action::Presentation => self.set_presentation(!self.presentation),
            Action::AgendaAdd => self.add_to_agenda(),
            Action::AgendaOpen => self.open_agenda(),
            Action::AgendaNext => self.agenda_step(true),
            Action::AgendaPrev => self.agenda_step(false),
            a if self.closing_key(a) => {}
            Action::Export => self.export_view(),
            Action::Palette => self.open_palette(),
            Action::ExportTable => self.export_table(),
            Action::ShowCompare | Action::ShowOverview | Action::ShowSignals
                if self.presentation =>
            {
                self.set_presentation(false);
                self.update(action);
            }
            Action::ShowTrend => self.show_tab(Tab::Trend),
            Action::ShowCompare => self.show_tab(Tab::Compare),
            Action::ShowOverview => self.show_tab(Tab::Overview),
            Action::ShowSignals => self.show_tab(Tab::Signals),
            Action::Annotate => self.open_annotate(),
            Action::Undo => self.undo(false),
            Action::TakeOver => self.take_over(),
            Action::Redo => self.undo(true),
            Action::WriteMinutes => self.write_minutes(),
            Action::FollowUp => self.show_follow_up(),
            Action::EditHeader => self.edit_header(),
            Action::ChooseSession => self.choose_session(),
            Action::EditNote => self.edit_note(),
            Action::DeleteNote => self.delete_note(),
            Action::CycleStatus => self.cycle_note_status(),
            _ => self.tab_action(action),
        }
        // Presenting shows the chart alone: the keys act on it.
        if self.presentation {
            self.trend.focus = Focus::Chart;
        }
        self.settle();
    }

    fn tab_action(&mut self, action: Action) {
        let body = self.body();
        let dataset = Arc::clone(&self.shared.dataset);
        let message = match self.tab {
            Tab::Trend => self.trend.handle(action, &dataset, body),
            Tab::Compare => self.compare.handle(action, &dataset, body),
            Tab::Overview => match self.overview.handle(action, &dataset, body) {
                Some(m) => {
                    // Enter on a difference opens it in the comparison, at its period.
                    self.compare.granularity = Some(m.period.granularity);
                    self.compare
                        .open(&dataset, &m.domein, &m.indicator, Some(m.period));
                    (self.compare).select_region(&dataset, &m.breakdown, m.period);
                    self.tab = Tab::Compare;
                    None
                }
                None => None,
            },
            Tab::Signals => {
                // Enter shows the signal's view in its own tab.
                if let Some(view) = self.signals.handle(action, body) {
                    self.show_view_spec(&view);
                }
                None
            }
        };
        if message.is_some() {
            self.shared.message = message;
        }
        if self.tab == Tab::Trend {
            self.refresh_notes();
        }
    }

    fn mouse(&mut self, m: MouseInput) {
        if let Some(Popup::Palette(_)) = self.popup {
            return self.palette_mouse(m);
        }
        if self.popup.is_some() {
            return;
        }
        // On the projector the wheel moves the cursor; the chart has no other hit areas.
        if self.presentation {
            match m {
                MouseInput::ScrollUp(..) => self.update(Action::Left),
                MouseInput::ScrollDown(..) => self.update(Action::Right),
                MouseInput::Click(..) => {}
            }
            return;
        }
        let body = self.body();
        let dataset = Arc::clone(&self.shared.dataset);
        match self.tab {
            Tab::Trend => self.trend.mouse(m, &dataset, body),
            Tab::Compare => self.compare.mouse(m, &dataset, body),
            Tab::Overview => self.overview.mouse(m, body),
            Tab::Signals => {}
        }
        self.settle();
    }

    /// Switches screens; the comparison opens on the indicator in the trend chart, the
    /// overview computes the differences the first time it is shown.
    /// The line style and grid, for the back of the room; one setting for every chart.
    fn chart_style(&mut self, action: Action) {
        let theme = &mut self.shared.theme;
        let text = if action == Action::ToggleGrid {
            theme.grid_dots = !theme.grid_dots;
            if theme.grid_dots {
                t().grid_on
            } else {
                t().grid_off
            }
        } else {
            theme.cycle_marker();
            marker_name(theme.marker)
        };
        self.shared.message = Some(text.to_string());
    }

    pub fn show_tab(&mut self, tab: Tab) {
        let dataset = Arc::clone(&self.shared.dataset);
        if tab == Tab::Compare
            && let Some(first) = self.trend.chart.series.first()
        {
            let (d, i) = (first.key.domein.clone(), first.key.indicator.clone());
            if self.compare.domain != d
                || self.compare.indicator != i
                || self.compare.table.is_none()
            {
                let at = self.trend.cursor_period();
                self.compare.open(&dataset, &d, &i, at);
            }
        }
        if tab == Tab::Overview {
            self.detect_mismatches();
        }
        if tab == Tab::Signals {
            self.find_signals();
        }
        self.tab = tab;
    }

    /// Derived state after every change: lists on screen, the annotation list current.
    fn settle(&mut self) {
        let body = self.body();
        self.trend.settle(body);
        self.compare.settle(body);
        self.overview.settle(body);
        self.signals.settle(body);
        if let Some(Popup::Palette(p)) = &mut self.popup {
            p.settle(self.area);
        }
    }

    pub(crate) fn refresh_notes(&mut self) {
        let session = self.shared.session.as_ref().map(|s| s.session());
        self.trend.refresh_notes(session);
    }
}

/// The area below the title bar and above the status line.
pub fn body_of(area: Rect) -> Rect {
    let [_, body, _] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(5),
        Constraint::Length(1),
    ])
    .areas(area);
    body
}
