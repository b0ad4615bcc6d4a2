//! The main screen's slow work: detecting the differences for the overview, reading the session
//! folder for the follow-up, rendering the minutes. Each runs on a worker; its result is applied
//! here, on the UI thread, and anything written goes through the session's writer.

use super::{App, Popup};
use crate::analysis::mismatch::{Settings, detect_with_progress};
use crate::session::store;
use crate::tui::background::{Finished, Outcome, Task};
use crate::tui::i18n::t;
use crate::tui::popups::follow_up::FollowUp;
use std::sync::Arc;
use std::time::{Duration, Instant};

impl App {
    /// Starts detecting every difference of the dataset, once, for the overview.
    pub(super) fn detect_mismatches(&mut self) {
        if self.overview.all.is_some() || self.background.is_running(&Task::DetectMismatches) {
            return;
        }
        let dataset = Arc::clone(&self.shared.dataset);
        self.background.start(Task::DetectMismatches, move |ctx| {
            let found = detect_with_progress(&dataset, &Settings::default(), &|done, total| {
                ctx.report(done, total)
            });
            Outcome::Mismatches(found)
        });
    }

    /// Finds the signals on a worker, the first time the tab is shown.
    pub(super) fn find_signals(&mut self) {
        if self.signals.found.is_some() || self.background.is_running(&Task::FindSignals) {
            return;
        }
        let dataset = Arc::clone(&self.shared.dataset);
        self.background.start(Task::FindSignals, move |_| {
            let settings = crate::analysis::signals::Settings::default();
            Outcome::Signals(crate::analysis::signals::find(&dataset, &settings))
        });
    }

    /// Reads the session folder on a worker; the follow-up list opens when it is read.
    pub fn show_follow_up(&mut self) {
        if self.shared.session.is_none() {
            self.shared.message = Some(t().need_session.to_string());
            return;
        }
        if self.background.is_running(&Task::ReadSessions) {
            return;
        }
        let dir = self.shared.setup.dir.clone();
        self.background.start(Task::ReadSessions, move |ctx| {
            let files = store::list_with_progress(&dir, &|done, total| ctx.report(done, total))
                .unwrap_or_default();
            let sessions = files
                .into_iter()
                .filter_map(|(path, result)| {
                    let name = path.file_name()?.to_string_lossy().into_owned();
                    Some((name, result.ok()?))
                })
                .collect();
            Outcome::Sessions(sessions)
        });
    }

    /// Renders the minutes on a worker (with every session of the folder for the follow-up);
    /// the session's writer writes them when they are ready.
    pub(super) fn write_minutes(&mut self) {
        let Some(w) = self.writer() else {
            return;
        };
        let session = w.session().clone();
        let name = w
            .path()
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let dir = self.shared.setup.dir.clone();
        let dataset = Arc::clone(&self.shared.dataset);
        self.background.start(Task::RenderMinutes, move |_| {
            let others = store::list_ok(&dir);
            let minutes =
                crate::report::Minutes::build(&session, &name, Some(&others), Some(&dataset));
            Outcome::Minutes(crate::report::minutes::markdown(&minutes))
        });
    }

    /// Applies what finished in the background; true when something changed on screen.
    pub fn tick(&mut self) -> bool {
        let watched = self.watch_session();
        let clock = self.tick_clock();
        let followed = self.poll_facilitator(false);
        let finished = self.background.finished();
        let changed = !finished.is_empty() || watched || clock || followed;
        for done in finished {
            self.apply(done);
        }
        if changed {
            self.settle();
            self.publish_view();
        }
        changed
    }

    fn apply(&mut self, (task, result): Finished) {
        match (task, result) {
            (_, Err(why)) => self.shared.message = Some(t().job_failed(&why)),
            (_, Ok(Outcome::Mismatches(Some(found)))) => self.overview.set_found(found),
            (_, Ok(Outcome::Sessions(all))) => self.open_follow_up(all),
            (_, Ok(Outcome::Signals(found))) => self.signals.found = Some(found),
            (_, Ok(Outcome::Minutes(text))) => {
                if let Some(w) = self.writer() {
                    let result = w.write_beside("md", text.as_bytes());
                    self.saved(result, |out| {
                        t().minutes_written(&out.display().to_string())
                    });
                }
            }
            (_, Ok(Outcome::Slide(drawn))) => self.slide_drawn(drawn),
            (_, Ok(Outcome::Table(made))) => self.table_made(made),
            (Task::ExportPng(svg), Ok(Outcome::Png(made))) => self.png_made(&svg, made),
            (
                _,
                Ok(
                    Outcome::Mismatches(None)
                    | Outcome::Dataset(_)
                    | Outcome::SessionFiles(_)
                    | Outcome::Png(_),
                ),
            ) => {}
        }
    }

    fn open_follow_up(&mut self, all: Vec<(String, crate::session::Session)>) {
        let Some(open) = &self.shared.session else {
            return;
        };
        let name = open.file_name();
        let others = all.into_iter().filter(|(n, _)| *n != name).collect();
        let dataset = (
            self.shared.setup.dataset_pad.clone(),
            self.shared.dataset.content_hash.clone(),
        );
        let mut f = FollowUp::new(others, dataset, &name, open.session());
        f.programme = std::sync::Arc::clone(&self.shared.programme);
        if let Some(r) = self.agenda_return.take()
            && let Some(i) = f.items.iter().position(|i| i.item_ref() == r)
        {
            (f.agenda, f.selected) = (true, i);
        }
        self.popup = Some(Popup::FollowUp(Box::new(f)));
    }

    /// Esc with nothing else to stop: cancels what runs in the background, else clears the
    /// message.
    pub(super) fn cancel_background(&mut self) {
        match self.background.current().map(|(t, _)| t.clone()) {
            Some(task) => {
                self.background.cancel(&task);
                self.shared.message = Some(t().job_cancelled(&task));
            }
            None => self.shared.message = None,
        }
    }

    /// Waits (at most `limit`) until the background is idle, applying results: for callers
    /// without an event loop (tests, benchmarks). Returns whether it became idle.
    pub fn finish_background(&mut self, limit: Duration) -> bool {
        let start = Instant::now();
        while !self.background.is_idle() && start.elapsed() < limit {
            if !self.tick() {
                std::thread::sleep(Duration::from_millis(2));
            }
        }
        self.background.is_idle()
    }
}
