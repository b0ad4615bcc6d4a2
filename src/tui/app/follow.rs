//! Following the facilitator (`duiden meekijken`): the facilitator's duiden publishes what its
//! screen shows beside the session through the writer; a follower reads it a few times a second
//! and shows the same (view, cursor, agenda item, presentation), plus the item's talking points
//! the projector does not show. Either side may be killed: the follower keeps the last view.

use super::App;
use crate::model::ViewKind;
use crate::session::view_state::{self, FORMAT, ViewState};
use crate::session::{OpenSession, store};
use crate::tui::i18n::t;
use crate::tui::keymap::Action;
use crate::tui::tabs::Tab;
use std::path::PathBuf;
use std::time::{Duration, Instant, SystemTime};

/// How often the follower looks at the files.
const POLL: Duration = Duration::from_millis(200);

/// The follower's watch on the facilitator's files.
#[derive(Debug)]
pub struct Follower {
    pub session_path: PathBuf,
    pub state_path: PathBuf,
    /// (modified, length) of each file when last read.
    seen_state: Option<(SystemTime, u64)>,
    seen_session: Option<(SystemTime, u64)>,
    last_poll: Option<Instant>,
}

/// (modified, length) of a file, `None` when it is not there.
fn stamp(path: &std::path::Path) -> Option<(SystemTime, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// The actions a follower takes itself: the rest is the facilitator's.
fn follower_may(a: Action) -> bool {
    matches!(
        a,
        Action::Quit
            | Action::Help
            | Action::Cancel
            | Action::ToggleTheme
            | Action::CycleLineStyle
            | Action::ToggleGrid
            | Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
    )
}

impl App {
    /// Follows the facilitator of the session at `path`: read-only, no lock taken.
    pub fn following(mut self, path: PathBuf, session: crate::session::Session) -> App {
        self.enter_session(OpenSession::review(path.clone(), session));
        // What opening says is the facilitator's business; a damaged view file is ours.
        self.shared.message = None;
        self.follow = Some(Follower {
            state_path: view_state::path_for(&path),
            session_path: path,
            seen_state: None,
            seen_session: None,
            last_poll: None,
        });
        self.poll_facilitator(true);
        if self.shared.message.is_none() {
            self.shared.message = Some(t().following.to_string());
        }
        self
    }

    /// What this screen shows, as the follower needs it.
    pub fn view_state(&self) -> ViewState {
        let cursor = match self.tab {
            Tab::Compare => self.compare.selected_period(),
            _ => self.trend.cursor_period(),
        };
        ViewState {
            format: FORMAT,
            presentation: self.presentation,
            cursor,
            agenda_item: self.agenda_walk.current,
            question: self.agenda_walk.question,
            clock_seconds: self.agenda_walk.running,
            view: self.current_view(),
        }
    }

    /// The facilitator's side: writes the view state when it changed (through the session's
    /// writer, atomically). Only a session open for writing publishes.
    pub(super) fn publish_view(&mut self) {
        if self.follow.is_some() {
            return;
        }
        let state = self.view_state();
        if self.published.as_ref() == Some(&state) {
            return;
        }
        let Some(w) = self.shared.session.as_mut().and_then(|s| s.writer().ok()) else {
            return;
        };
        // A follower that misses one state gets the next; the room's work is not held up.
        if w.write_beside(view_state::EXTENSION, state.to_text().as_bytes())
            .is_ok()
        {
            self.published = Some(state);
        }
    }

    /// Keys a follower does not take: the facilitator steers.
    pub(super) fn follower_refuses(&mut self, action: Option<Action>) -> bool {
        if self.follow.is_none() || action.is_none_or(follower_may) {
            return false;
        }
        self.shared.message = Some(t().following_read_only.to_string());
        true
    }

    /// The follower's side: reads the facilitator's files when they changed; true when the
    /// screen changed. `now` skips the wait between looks.
    pub(super) fn poll_facilitator(&mut self, now: bool) -> bool {
        let Some(f) = &mut self.follow else {
            return false;
        };
        if !now && f.last_poll.is_some_and(|t| t.elapsed() < POLL) {
            return false;
        }
        f.last_poll = Some(Instant::now());
        let (session_stamp, state_stamp) = (stamp(&f.session_path), stamp(&f.state_path));
        let session_changed = session_stamp.is_some() && session_stamp != f.seen_session;
        let state_changed = state_stamp.is_some() && state_stamp != f.seen_state;
        f.seen_session = session_stamp;
        f.seen_state = state_stamp;
        let path = f.session_path.clone();
        let state_path = f.state_path.clone();
        if session_changed && let Ok(s) = store::load(&path) {
            // New annotations and agenda changes show as they are saved.
            self.shared.session = Some(OpenSession::review(path, s));
            self.refresh_notes();
        }
        if state_changed {
            match view_state::read(&state_path) {
                Ok(state) => self.apply_view_state(&state),
                Err(e) => self.shared.message = Some(e),
            }
        }
        session_changed || state_changed
    }

    /// Shows what the facilitator shows.
    fn apply_view_state(&mut self, state: &ViewState) {
        if let Some(view) = &state.view
            && self.current_view().as_ref() != Some(view)
        {
            self.show_view_spec(view);
        }
        if state.presentation != self.presentation {
            self.set_presentation(state.presentation);
        }
        if let Some(c) = state.cursor {
            match state.view.as_ref().map(|v| v.kind) {
                Some(ViewKind::Compare) => {
                    let data = std::sync::Arc::clone(&self.shared.dataset);
                    let b = crate::model::Breakdown::default();
                    self.compare.select_region(&data, &b, c);
                }
                _ => {
                    let periods = &self.trend.chart.periods;
                    if let Some(i) = periods.iter().position(|p| *p == c) {
                        self.trend.cursor = Some(i);
                    }
                }
            }
        }
        self.agenda_walk.current = state.agenda_item;
        self.agenda_walk.question = state.question;
        self.agenda_walk.running = state.clock_seconds;
        self.agenda_walk.entered = None;
    }
}
