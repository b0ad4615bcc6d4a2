//! Opening the chart an annotation was made on, from review mode: the dataset the session
//! recorded is loaded in the background (the list keeps answering, Esc stops it), then the chart
//! opens read-only, its session without a writer.

use super::ReviewApp;
use crate::model::{Dataset, Period};
use crate::session::OpenSession;
use crate::tui::app::{App, Focus};
use crate::tui::background::{Outcome, Task};
use crate::tui::i18n::{first_key, t};
use crate::tui::keymap::{Action, Context};
use std::sync::Arc;

impl ReviewApp {
    /// Opens the chart annotation `id` of session `i` was made on; its dataset is loaded in the
    /// background first when it is not loaded yet (the list keeps answering, Esc stops it).
    pub(super) fn open_chart(&mut self, i: usize, id: u64) {
        let pad = self.sessions[i].session.dataset.path.clone();
        if let Some(dataset) = self.datasets.get(&pad) {
            let dataset = Arc::clone(dataset);
            self.show_chart(i, id, dataset);
            return;
        }
        self.pending = Some((i, id));
        let task = Task::LoadDataset(pad.clone());
        if self.background.is_running(&task) {
            return;
        }
        let loader = Arc::clone(&self.loader);
        self.background.start(task, move |ctx| {
            Outcome::Dataset(loader(&pad, ctx).map(Box::new))
        });
    }

    pub(super) fn cancel_loading(&mut self) {
        if let Some((task, _)) = self.background.current() {
            let task = task.clone();
            self.background.cancel(&task);
            self.pending = None;
            self.message = Some(t().job_cancelled(&task));
        }
    }

    /// Work runs in the background (a dataset loads, or the open chart computes).
    pub fn busy(&self) -> bool {
        !self.background.is_idle() || self.chart.as_ref().is_some_and(|c| !c.background.is_idle())
    }

    /// Applies what the background finished: a loaded dataset opens the chart it was for.
    pub fn tick(&mut self) {
        if let Some(chart) = &mut self.chart {
            chart.tick();
        }
        for (task, result) in self.background.finished() {
            let Task::LoadDataset(pad) = task else {
                continue;
            };
            match result {
                Ok(Outcome::Dataset(Ok(d))) => {
                    self.datasets.insert(pad.clone(), Arc::from(d));
                    if let Some((i, id)) = self.pending.take() {
                        self.open_chart(i, id);
                    }
                }
                Ok(Outcome::Dataset(Err(e))) | Err(e) => {
                    self.pending = None;
                    self.message = Some(t().review_no_dataset(&pad, &e));
                }
                Ok(_) => {}
            }
        }
    }

    /// Waits (at most `limit`) until nothing runs in the background, applying results: for
    /// callers without an event loop (tests). Returns whether it became idle.
    pub fn finish_background(&mut self, limit: std::time::Duration) -> bool {
        let start = std::time::Instant::now();
        while self.busy() && start.elapsed() < limit {
            self.tick();
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        self.tick();
        !self.busy()
    }

    /// Shows the chart of annotation `id` of session `i`: its series and period, with the
    /// session's annotations on the time axis, read-only (the session has no writer).
    fn show_chart(&mut self, i: usize, id: u64, dataset: Arc<Dataset>) {
        let entry = &self.sessions[i];
        let Some(note) = entry.session.get(id).cloned() else {
            return;
        };
        let changed = dataset.content_hash != entry.session.dataset.hash;
        let mut app = App::with_keymap(dataset, self.theme.kind, Arc::clone(&self.keymap));
        app.shared.theme = self.theme.clone();
        // The chart's annotation list shows each question's status of now, as the list does.
        let mut session = entry.session.clone();
        for a in &mut session.annotations {
            if let Some(st) = self.status.get(&(i, a.id)) {
                a.status = Some(*st);
            }
        }
        app.enter_session(OpenSession::review(entry.path.clone(), session));
        app.show_view(&note.anchor);
        let (from, to) = note.anchor.range();
        highlight(&mut app, from, to);
        app.trend.focus = Focus::Notes;
        app.trend.notes_view.selected =
            app.trend.notes.iter().position(|a| a.id == id).unwrap_or(0);
        app.resize(self.area);
        app.shared.message = Some(if changed {
            t().review_data_changed.to_string()
        } else {
            let back = [Action::Cancel, Action::Quit]
                .map(|a| first_key(&self.keymap, Context::Trend, a))
                .join(t().or);
            t().review_opened(&entry.session.title, &t().date(entry.session.date), &back)
        });
        self.chart = Some(Box::new(app));
    }
}

/// Marks `from..=to` on the chart as the selected range (cursor on the last period).
fn highlight(app: &mut App, from: Period, to: Period) {
    let periods = &app.trend.chart.periods;
    let first = periods
        .iter()
        .position(|p| p.end_month() >= from.start_month());
    let last = periods
        .iter()
        .rposition(|p| p.start_month() <= to.end_month());
    if let (Some(a), Some(b)) = (first, last)
        && a <= b
    {
        app.trend.range_start = (a != b).then_some(periods[a]);
        app.trend.cursor = Some(b);
    }
}
