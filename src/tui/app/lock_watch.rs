//! A session another process holds: the read-only opener looks every few seconds, shows what
//! the holder saved, says when the holder is gone and can take the session over; a lock nobody
//! releases (another machine, a broken holder file, a process here that is gone) is broken only
//! after a second key press, and the lock of a holder still running on this machine never.

use super::App;
use crate::session::store::HolderState;
use crate::session::{ReadOnlyReason, WatchEvent, store};
use crate::tui::i18n::{first_key, t};
use crate::tui::keymap::{Action, Context};
use std::time::{Duration, Instant};

/// How often a read-only session is looked at: cheap (a stat, one try of the lock).
const EVERY: Duration = Duration::from_secs(2);

#[derive(Debug, Default)]
pub(super) struct LockWatch {
    last: Option<Instant>,
    /// The holder is gone and the user was told so (said once).
    announced_free: bool,
    /// The take-over key was pressed once on a lock that is still held: a second press breaks it.
    confirm_break: bool,
}

impl App {
    /// Looks at a read-only session now and then; true when the screen changed.
    pub(super) fn watch_session(&mut self) -> bool {
        if self.lock_watch.last.is_some_and(|l| l.elapsed() < EVERY) {
            return false;
        }
        self.lock_watch.last = Some(Instant::now());
        let Some(open) = &mut self.shared.session else {
            return false;
        };
        let events = open.watch();
        let key = first_key(&self.shared.keymap, Context::Global, Action::TakeOver);
        let mut changed = false;
        if events.contains(&WatchEvent::Updated) {
            self.refresh_notes();
            self.shared.message = Some(t().holder_saved().to_string());
            changed = true;
        }
        let free = events.contains(&WatchEvent::Free);
        if free && !self.lock_watch.announced_free {
            self.shared.message = Some(t().session_free(&key));
            changed = true;
        }
        self.lock_watch.announced_free = free;
        changed
    }

    /// The take-over key: edit the session when its holder is gone; when it is still held, a
    /// first press says who holds it, where the lock is and that a second press breaks it.
    pub(super) fn take_over(&mut self) {
        let key = first_key(&self.shared.keymap, Context::Global, Action::TakeOver);
        let Some(open) = &mut self.shared.session else {
            self.shared.message = Some(t().need_session.to_string());
            return;
        };
        let holder = match open.read_only() {
            None => {
                self.shared.message = Some(t().already_writable().to_string());
                return;
            }
            Some(ReadOnlyReason::Review) => {
                self.shared.message = Some(t().review_not_here.to_string());
                return;
            }
            Some(r) => t().read_only_reason(r),
        };
        let path = open.path().to_path_buf();
        let force = std::mem::take(&mut self.lock_watch.confirm_break);
        if !store::is_free(&path) {
            let state = store::current_holder(&path);
            if state == HolderState::Running {
                // Still saving on this machine: breaking it would make two writers.
                self.shared.message = Some(t().holder_running(&holder));
                return;
            }
            if !force {
                self.lock_watch.confirm_break = true;
                let lock = store::lock_path(&path);
                let gone = state == HolderState::Gone;
                self.shared.message = Some(t().confirm_break_lock(&holder, &lock, &key, gone));
                return;
            }
        }
        let result = open.take_over(force);
        self.shared.message = Some(match result {
            Ok(true) => t().taken_over().to_string(),
            Ok(false) => t().still_held(&holder),
            Err(e) => t().session_error(&e),
        });
        self.refresh_notes();
    }
}
