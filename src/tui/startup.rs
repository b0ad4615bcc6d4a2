//! The first screen: what the interface needs (the dataset, or the session folder for review
//! mode) loads on a worker while the terminal already shows what is being loaded, with a bar; Esc
//! or q stops it. When it is there the interface opens; when it does not load, the screen closes
//! and the caller prints why.

use super::app::App;
use super::background::{Background, Outcome, SessionFiles, Task};
use super::i18n::t;
use super::keymap::{Action, Context, Keymap};
use super::style::Theme;
use super::{Screen, busy_text, clear_or_too_small};
use crate::jobs::JobContext;
use crate::load::load_dataset_with_progress;
use crate::model::Dataset;
use crate::session::store::list_with_progress;
use crossterm::event::Event;
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::widgets::Paragraph;
use std::path::PathBuf;
use std::sync::Arc;

/// Builds the interface from what was loaded, or says why it cannot.
type Build<S> = Box<dyn FnOnce(Outcome) -> Result<S, String>>;

pub struct Startup<S> {
    background: Background,
    build: Option<Build<S>>,
    /// The interface, once what it needs is loaded.
    pub app: Option<S>,
    /// Why the dataset did not load (file:line:column lines), for the caller to print.
    pub failed: Option<String>,
    stopped: bool,
    theme: Theme,
    keymap: Arc<Keymap>,
    area: Rect,
}

impl Startup<App> {
    /// Starts loading the dataset at `path`; `build` makes the interface from it.
    pub fn dataset(
        path: PathBuf,
        theme: Theme,
        keymap: Arc<Keymap>,
        build: impl FnOnce(Dataset) -> App + 'static,
    ) -> Startup<App> {
        let task = Task::LoadDataset(path.display().to_string());
        let work = move |job: &JobContext| {
            let loaded = load_dataset_with_progress(&path, &|done, total| job.report(done, total));
            Outcome::Dataset(match loaded {
                Some(Ok(d)) => Ok(Box::new(d)),
                Some(Err(e)) => Err(t().load_error(&e)),
                None => Err(String::new()),
            })
        };
        Startup::new(task, work, theme, keymap, move |outcome| match outcome {
            Outcome::Dataset(Ok(d)) => Ok(build(*d)),
            Outcome::Dataset(Err(e)) => Err(e),
            _ => Err(String::new()),
        })
    }
}

impl<S: Screen> Startup<S> {
    /// Starts reading the session folder `dir`; `build` makes the interface from its files.
    pub fn sessions(
        dir: PathBuf,
        theme: Theme,
        keymap: Arc<Keymap>,
        build: impl FnOnce(SessionFiles) -> S + 'static,
    ) -> Startup<S> {
        let work = move |job: &JobContext| {
            let files = list_with_progress(&dir, &|done, total| job.report(done, total));
            Outcome::SessionFiles(files.unwrap_or_default())
        };
        Startup::new(
            Task::ReadSessions,
            work,
            theme,
            keymap,
            move |outcome| match outcome {
                Outcome::SessionFiles(files) => Ok(build(files)),
                _ => Err(String::new()),
            },
        )
    }

    /// Starts `work` for `task`; `build` makes the interface from its outcome.
    pub fn new(
        task: Task,
        work: impl FnOnce(&JobContext) -> Outcome + Send + 'static,
        theme: Theme,
        keymap: Arc<Keymap>,
        build: impl FnOnce(Outcome) -> Result<S, String> + 'static,
    ) -> Startup<S> {
        let mut background = Background::default();
        background.start(task, work);
        Startup {
            background,
            build: Some(Box::new(build)),
            app: None,
            failed: None,
            stopped: false,
            theme,
            keymap,
            area: Rect::new(0, 0, 80, 24),
        }
    }

    /// Applies a finished load: the interface opens, or the failure is kept for the caller.
    fn apply(&mut self) {
        for (_, result) in self.background.finished() {
            let built = match (result, self.build.take()) {
                (Ok(outcome), Some(build)) => build(outcome),
                (Err(e), _) => Err(e),
                (Ok(_), None) => continue,
            };
            match built {
                Ok(mut app) => {
                    app.resize(self.area);
                    self.app = Some(app);
                }
                Err(e) => self.failed = Some(e),
            }
        }
    }

    /// Waits (at most `limit`) for the load, for callers without an event loop (tests).
    pub fn finish(&mut self, limit: std::time::Duration) {
        let start = std::time::Instant::now();
        while self.app.is_none() && self.failed.is_none() && start.elapsed() < limit {
            self.apply();
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
    }
}

impl<S: Screen> Screen for Startup<S> {
    fn draw(&self, frame: &mut Frame) {
        if let Some(app) = &self.app {
            return app.draw(frame);
        }
        if clear_or_too_small(frame, &self.theme) {
            return;
        }
        let [_, what, hint, _] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(2),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(frame.area());
        let text = match self.background.current() {
            Some((task, progress)) => busy_text(task, progress),
            None => t().busy.to_string(),
        };
        frame.render_widget(
            Paragraph::new(text)
                .alignment(Alignment::Center)
                .style(self.theme.base().fg(self.theme.accent)),
            what,
        );
        let stop = self.keymap.hint(Context::Global, &[Action::Cancel]);
        frame.render_widget(
            Paragraph::new(stop)
                .alignment(Alignment::Center)
                .style(self.theme.dimmed()),
            hint,
        );
    }

    fn handle_event(&mut self, event: Event) {
        if let Some(app) = &mut self.app {
            return app.handle_event(event);
        }
        match event {
            Event::Key(key) => {
                let action = self.keymap.action(Context::Global, key);
                if matches!(action, Some(Action::Cancel | Action::Quit)) {
                    self.background = Background::default();
                    self.stopped = true;
                }
            }
            Event::Resize(w, h) => self.resize(Rect::new(0, 0, w, h)),
            _ => {}
        }
    }

    fn resize(&mut self, area: Rect) {
        self.area = area;
        if let Some(app) = &mut self.app {
            app.resize(area);
        }
    }

    fn should_quit(&self) -> bool {
        match &self.app {
            Some(app) => app.should_quit(),
            None => self.stopped || self.failed.is_some(),
        }
    }

    fn busy(&self) -> bool {
        self.app.as_ref().is_none_or(|app| app.busy())
    }

    fn tick(&mut self) {
        match &mut self.app {
            Some(app) => app.tick(),
            None => self.apply(),
        }
    }

    fn terminate(&mut self) {
        match &mut self.app {
            Some(app) => app.terminate(),
            None => {
                self.background = Background::default();
                self.stopped = true;
            }
        }
    }
}
