//! Review mode (`duiden terugkijken`): participants and analysts read back what was said, across
//! every session in a folder, and open the chart an annotation was made on. Read-only by
//! construction: it holds no session lock, and the chart it opens has a session that refuses
//! every change; the keys that would write (annotate, minutes, …) are refused here first.

mod chart;
pub mod filter;
mod merged;
mod view;

pub use view::draw;

use super::app::App;
use super::background::Background;
use super::components::list_view::ListView;
use super::i18n::t;
use super::keymap::{Action, Context, Keymap};
use super::style::Theme;
use crate::jobs::JobContext;
use crate::model::Dataset;
use crate::session::backlog::{self, BacklogItem};
use crate::session::{Annotation, AnnotationKind, QuestionStatus, Role, Session, SessionError};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use filter::{Filter, cycle, parse_period_range};
use ratatui::layout::Rect;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Loads the dataset a session recorded (its `dataset.pad`), reporting progress to the job it
/// runs in; supplied by the caller so the interface never reads files itself.
pub type DatasetLoader = Arc<dyn Fn(&str, &JobContext) -> Result<Dataset, String> + Send + Sync>;

/// A session file that loaded.
pub struct SessionEntry {
    pub name: String,
    pub path: PathBuf,
    pub session: Session,
}

/// A file in the folder that did not load, with its error (file:line:column: …).
pub struct BrokenEntry {
    pub name: String,
    pub error: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewTab {
    Notes,
    Questions,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewFocus {
    Sessions,
    Notes,
}

/// Which filter a one-line input is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    Search,
    Period,
}

pub struct ReviewApp {
    /// The folder as given, for the title bar.
    pub folder: String,
    pub sessions: Vec<SessionEntry>,
    pub broken: Vec<BrokenEntry>,
    pub backlog: Vec<BacklogItem>,
    /// The research programme's criteria and rule the backlog is ordered by.
    pub programme: crate::session::programme::Programme,
    /// Which questions were merged into which.
    pub merges: merged::Merges,
    /// Current status of every question and action, by (session index, id).
    status: HashMap<(usize, u64), QuestionStatus>,
    pub tab: ReviewTab,
    pub focus: ReviewFocus,
    /// 0 is "all sessions", then the sessions, then the broken files.
    pub session_selected: usize,
    pub note_selected: usize,
    pub question_selected: usize,
    pub filter: Filter,
    /// A filter being typed, with its text so far.
    pub input: Option<(InputKind, String)>,
    /// The chart opened from an annotation; review resumes when it is closed.
    pub chart: Option<Box<App>>,
    pub help: Option<u16>,
    pub theme: Theme,
    pub message: Option<String>,
    pub should_quit: bool,
    pub keymap: Arc<Keymap>,
    /// The terminal's size, for the chart's layout.
    pub area: Rect,
    loader: DatasetLoader,
    datasets: HashMap<String, Arc<Dataset>>,
    /// Loading datasets in the background.
    pub background: Background,
    /// The annotation (session index, id) whose chart opens when its dataset is loaded.
    pending: Option<(usize, u64)>,
}

/// The sessions by file name, every question and action with its code in the folder (given to
/// `sessions` too, so every view shows them).
fn coded(sessions: &mut [SessionEntry]) -> Vec<(String, Session)> {
    let mut pairs: Vec<(String, Session)> = sessions
        .iter()
        .map(|e| (e.name.clone(), e.session.clone()))
        .collect();
    crate::session::codes::assign(&mut pairs);
    for (e, (_, coded)) in sessions.iter_mut().zip(&pairs) {
        e.session = coded.clone();
    }
    pairs
}

/// The programme beside the sessions folder; a refused file is said and the default used.
fn programme_of(folder: &str) -> (crate::session::programme::Programme, Option<String>) {
    match crate::session::programme::Programme::for_sessions(Path::new(folder)) {
        Ok(p) => (p, None),
        Err(e) => (Default::default(), Some(e.to_string())),
    }
}

impl ReviewApp {
    /// `files` as listed by `session::store::list`: every session file with its session or error.
    pub fn new(
        folder: &str,
        files: Vec<(PathBuf, Result<Session, SessionError>)>,
        theme: Theme,
        loader: DatasetLoader,
    ) -> ReviewApp {
        let mut sessions = Vec::new();
        let mut broken = Vec::new();
        for (path, result) in files {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            match result {
                Ok(session) => sessions.push(SessionEntry {
                    name,
                    path,
                    session,
                }),
                Err(e) => broken.push(BrokenEntry {
                    name,
                    error: t().session_error(&e),
                }),
            }
        }
        let pairs = coded(&mut sessions);
        let (programme, message) = programme_of(folder);
        let backlog = backlog::backlog_for(&pairs, &programme);
        // A question merged into another has that question's status; actions their own.
        let merged: HashMap<(&str, u64), QuestionStatus> = backlog
            .iter()
            .flat_map(|item| {
                item.origins
                    .iter()
                    .map(move |o| ((o.item.session.as_str(), o.item.id), item.status))
            })
            .collect();
        let mut status = HashMap::new();
        for (i, e) in sessions.iter().enumerate() {
            for a in e.session.annotations.iter().filter(|a| a.kind.has_status()) {
                let current = merged
                    .get(&(e.name.as_str(), a.id))
                    .copied()
                    .unwrap_or_else(|| backlog::item_state(&pairs, &e.name, a).status);
                status.insert((i, a.id), current);
            }
        }
        ReviewApp {
            folder: folder.to_string(),
            merges: merged::Merges::new(&sessions, &backlog),
            backlog,
            programme,
            sessions,
            broken,
            status,
            tab: ReviewTab::Notes,
            focus: ReviewFocus::Notes,
            session_selected: 0,
            note_selected: 0,
            question_selected: 0,
            filter: Filter::default(),
            input: None,
            chart: None,
            help: None,
            theme,
            message,
            should_quit: false,
            keymap: Arc::new(Keymap::default()),
            area: Rect::new(0, 0, 120, 40),
            loader,
            datasets: HashMap::new(),
            background: Background::default(),
            pending: None,
        }
    }

    /// The current status of a question or action; `None` for other kinds.
    pub fn status_of(&self, session: usize, a: &Annotation) -> Option<QuestionStatus> {
        self.status
            .get(&(session, a.id))
            .copied()
            .or(a.effective_status())
    }

    /// The sessions in scope: the selected one, or all.
    fn in_scope(&self) -> Vec<usize> {
        match self.session_selected {
            0 => (0..self.sessions.len()).collect(),
            i if i <= self.sessions.len() => vec![i - 1],
            _ => Vec::new(),
        }
    }

    /// The broken file under the selection, if that is what is selected.
    pub fn selected_broken(&self) -> Option<&BrokenEntry> {
        self.session_selected
            .checked_sub(self.sessions.len() + 1)
            .and_then(|i| self.broken.get(i))
    }

    /// Annotations in scope that pass the filters, grouped by indicator (domein, indicator),
    /// then by period, session and id: (session index, annotation).
    pub fn visible_notes(&self) -> Vec<(usize, &Annotation)> {
        let mut notes: Vec<(usize, &Annotation)> = self
            .in_scope()
            .into_iter()
            .flat_map(|i| {
                let s = &self.sessions[i].session;
                s.annotations
                    .iter()
                    .filter(move |a| self.filter.matches(s, a, self.status_of(i, a)))
                    .map(move |a| (i, a))
            })
            .collect();
        notes.sort_by_key(|(i, a)| {
            (
                a.anchor.domain.clone(),
                a.anchor.indicator.clone(),
                a.anchor.from.start_month(),
                *i,
                a.id,
            )
        });
        notes
    }

    /// Backlog items that pass the filters (on their main question and current status).
    pub fn visible_questions(&self) -> Vec<&BacklogItem> {
        let by_name: HashMap<&str, &Session> = self
            .sessions
            .iter()
            .map(|e| (e.name.as_str(), &e.session))
            .collect();
        self.backlog
            .iter()
            .filter(|item| {
                let f = Filter {
                    kind: None,
                    status: None,
                    ..self.filter.clone()
                };
                let status_ok = self.filter.status.is_none_or(|s| item.status == s);
                status_ok
                    && item.origins.iter().any(|o| {
                        by_name
                            .get(o.item.session.as_str())
                            .is_some_and(|s| f.matches(s, &o.annotation, Some(item.status)))
                    })
            })
            .collect()
    }

    pub fn total_notes(&self) -> usize {
        self.sessions
            .iter()
            .map(|e| e.session.annotations.len())
            .sum()
    }

    /// Every domein in the sessions, for the domein filter.
    fn domains(&self) -> Vec<String> {
        let mut d: Vec<String> = self
            .sessions
            .iter()
            .flat_map(|e| {
                e.session
                    .annotations
                    .iter()
                    .map(|a| a.anchor.domain.clone())
            })
            .collect();
        d.sort();
        d.dedup();
        d
    }

    pub fn handle_event(&mut self, event: Event) {
        match event {
            Event::Key(key) => self.handle_key(key),
            Event::Resize(w, h) => self.resize(Rect::new(0, 0, w, h)),
            other => match &mut self.chart {
                Some(chart) => chart.handle_event(other),
                None => {
                    if let Event::Mouse(m) = other {
                        self.mouse(m);
                    }
                }
            },
        }
    }

    /// The mouse in the lists: a click puts the focus on the list under it, scrolling moves the
    /// selection of that list.
    fn mouse(&mut self, m: crossterm::event::MouseEvent) {
        use crossterm::event::MouseEventKind;
        if self.input.is_some() || self.help.is_some() {
            return;
        }
        let [_, _, body, _] = view::regions(self.area);
        if !crate::tui::components::hit::contains(body, m.column, m.row) {
            return;
        }
        if self.tab == ReviewTab::Notes {
            let [left, _] = view::notes_columns(body);
            self.focus = if m.column < left.x + left.width {
                ReviewFocus::Sessions
            } else {
                ReviewFocus::Notes
            };
        }
        let step = match m.kind {
            MouseEventKind::ScrollUp => Action::Up,
            MouseEventKind::ScrollDown => Action::Down,
            _ => return,
        };
        self.navigate(step);
        self.clamp();
    }

    pub fn resize(&mut self, area: Rect) {
        self.area = area;
        if let Some(chart) = &mut self.chart {
            chart.resize(area);
        }
    }

    /// The keymap of the list tab on show.
    pub fn list_context(&self) -> Context {
        match self.tab {
            ReviewTab::Notes => Context::Review,
            ReviewTab::Questions => Context::Backlog,
        }
    }

    /// The context that has the keyboard.
    pub fn context(&self) -> Context {
        match (&self.chart, &self.input, self.help) {
            (Some(chart), _, _) => chart.context(),
            (None, Some(_), _) => Context::Input,
            (None, None, Some(_)) => Context::Help,
            (None, None, None) => self.list_context(),
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) {
        if self.chart.is_some() {
            self.chart_key(key);
            return;
        }
        let action = self.keymap.action(self.context(), key);
        if action == Some(Action::Quit) {
            self.should_quit = true;
            return;
        }
        if self.input.is_some() {
            self.input_key(action, key);
            return;
        }
        if let Some(action) = action {
            self.update(action);
        }
    }

    /// A key while a filter is typed: search narrows as you type; a period applies on Enter
    /// (half-typed periods do not parse).
    fn input_key(&mut self, action: Option<Action>, key: KeyEvent) {
        let Some((kind, text)) = &mut self.input else {
            return;
        };
        let kind = *kind;
        match action {
            Some(Action::Save) => {
                let text = text.clone();
                self.input = None;
                self.apply_input(kind, &text);
            }
            Some(Action::Cancel) => {
                self.input = None;
                self.apply_input(kind, "");
            }
            Some(_) => {}
            None => {
                match key.code {
                    KeyCode::Backspace => {
                        text.pop();
                    }
                    KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                        text.push(c)
                    }
                    _ => return,
                }
                let text = text.clone();
                if kind == InputKind::Search {
                    self.set_search(&text);
                }
            }
        }
    }

    /// Keys while a chart is open go to the chart, whose session has no writer: what would
    /// write is refused there. Leaving the chart (Esc or quit) returns to the list.
    fn chart_key(&mut self, key: KeyEvent) {
        let Some(chart) = &mut self.chart else {
            return;
        };
        let action = self.keymap.action(chart.context(), key);
        if chart.popup.is_none() && matches!(action, Some(Action::Cancel | Action::Quit)) {
            self.chart = None;
            self.message = None;
            return;
        }
        chart.handle_key(key);
    }

    fn set_search(&mut self, text: &str) {
        self.filter.text = text.to_string();
        self.clamp();
    }

    fn apply_input(&mut self, kind: InputKind, text: &str) {
        match kind {
            InputKind::Search => self.set_search(text),
            InputKind::Period if text.trim().is_empty() => {
                self.filter.period = None;
                self.filter.period_text.clear();
            }
            InputKind::Period => match parse_period_range(text) {
                Ok(range) => {
                    self.filter.period = Some(range);
                    self.filter.period_text = text.trim().to_string();
                }
                Err(e) => self.message = Some(t().review_bad_period(&e)),
            },
        }
        self.clamp();
    }

    pub fn update(&mut self, action: Action) {
        if let Some(scroll) = &mut self.help {
            match action {
                Action::Help | Action::Cancel => self.help = None,
                Action::Quit => self.should_quit = true,
                Action::Down | Action::PageDown => *scroll += 1,
                Action::Up | Action::PageUp => *scroll = scroll.saturating_sub(1),
                _ => {}
            }
            return;
        }
        self.message = None;
        match action {
            Action::Quit => self.should_quit = true,
            Action::Help => self.help = Some(0),
            Action::ToggleTheme => {
                self.theme = self.theme.toggled();
                self.message = Some(crate::tui::style::theme_name(self.theme.kind).to_string());
            }
            Action::Cancel => self.cancel_loading(),
            Action::ShowNotes => self.tab = ReviewTab::Notes,
            Action::ShowQuestions => self.tab = ReviewTab::Questions,
            Action::NextPane => {
                self.focus = match self.focus {
                    ReviewFocus::Sessions => ReviewFocus::Notes,
                    ReviewFocus::Notes => ReviewFocus::Sessions,
                }
            }
            Action::Search => {
                self.input = Some((InputKind::Search, self.filter.text.clone()));
            }
            Action::FilterPeriod => {
                self.input = Some((InputKind::Period, self.filter.period_text.clone()));
            }
            Action::FilterKind => {
                self.filter.kind = cycle(&self.filter.kind, &AnnotationKind::ALL);
            }
            Action::FilterStatus => {
                self.filter.status = cycle(&self.filter.status, &QuestionStatus::ALL);
            }
            Action::FilterRole => self.filter.role = cycle(&self.filter.role, &Role::ALL),
            Action::FilterDomain => {
                self.filter.domain = cycle(&self.filter.domain, &self.domains());
            }
            Action::ClearFilters => {
                self.filter = Filter::default();
                self.message = Some(t().review_filters_cleared.to_string());
            }
            Action::Activate => self.activate(),
            nav => self.navigate(nav),
        }
        self.clamp();
    }

    fn navigate(&mut self, action: Action) {
        let total_notes = self.total_notes().max(1);
        let (selected, n) = match (self.tab, self.focus) {
            (ReviewTab::Questions, _) => (
                &mut self.question_selected,
                self.backlog.len().max(1), // clamped to the visible count afterwards
            ),
            (ReviewTab::Notes, ReviewFocus::Sessions) => (
                &mut self.session_selected,
                self.sessions.len() + self.broken.len() + 1,
            ),
            (ReviewTab::Notes, ReviewFocus::Notes) => (&mut self.note_selected, total_notes),
        };
        let before = *selected;
        *selected = step(*selected, n, action);
        if self.tab == ReviewTab::Notes
            && self.focus == ReviewFocus::Sessions
            && before != self.session_selected
        {
            self.note_selected = 0;
        }
    }

    /// Keeps selections inside what is shown after a filter or scope change.
    fn clamp(&mut self) {
        let notes = self.visible_notes().len();
        self.note_selected = self.note_selected.min(notes.saturating_sub(1));
        let questions = self.visible_questions().len();
        self.question_selected = self.question_selected.min(questions.saturating_sub(1));
    }

    fn activate(&mut self) {
        match self.tab {
            ReviewTab::Notes if self.focus == ReviewFocus::Sessions => {
                self.focus = ReviewFocus::Notes;
            }
            ReviewTab::Notes => {
                if let Some((i, a)) = self.visible_notes().get(self.note_selected) {
                    let (i, id) = (*i, a.id);
                    self.open_chart(i, id);
                }
            }
            ReviewTab::Questions => {
                let target = self
                    .visible_questions()
                    .get(self.question_selected)
                    .and_then(|item| {
                        let o = &item.origins[0];
                        let i = self
                            .sessions
                            .iter()
                            .position(|e| e.name == o.item.session)?;
                        Some((i, o.item.id))
                    });
                if let Some((i, id)) = target {
                    self.open_chart(i, id);
                }
            }
        }
    }
}

/// Moves a selection in a list of `n` rows, as the main screen's lists move.
fn step(current: usize, n: usize, action: Action) -> usize {
    let mut view = ListView {
        selected: current,
        offset: 0,
    };
    view.step(action, n, 10);
    view.selected
}
