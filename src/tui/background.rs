//! Slow work of the interface on worker threads (`crate::jobs`): what is running, its progress
//! for the status line, and its result back on the UI thread. The screen keeps drawing and
//! answering keys meanwhile; Esc cancels.

use crate::analysis::mismatch::Mismatch;
use crate::jobs::{JobContext, JobEvent, JobId, Jobs, Progress};
use crate::model::Dataset;
use crate::session::Session;

/// What a job is doing, for the status line (the words are the catalog's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Task {
    DetectMismatches,
    /// What stands out in the dataset, for the signals tab.
    FindSignals,
    /// Loading the dataset a session recorded (its path as recorded).
    LoadDataset(String),
    /// Reading the session folder (for the follow-up list).
    ReadSessions,
    /// Rendering the minutes (written through the session's writer when done).
    RenderMinutes,
    /// Drawing the view on screen as a slide (written through the export gate when done).
    ExportView,
    /// Making the PNG of the exported SVG at this path.
    ExportPng(std::path::PathBuf),
    /// Building the table on screen (written as CSV and Markdown when done).
    ExportTable,
}

/// The files of a session folder, each with its session or why it does not load.
pub type SessionFiles = Vec<(
    std::path::PathBuf,
    Result<Session, crate::session::SessionError>,
)>;

/// What a finished job hands back.
pub enum Outcome {
    Mismatches(Option<Vec<Mismatch>>),
    Signals(Vec<crate::analysis::signals::Signal>),
    Dataset(Result<Box<Dataset>, String>),
    Sessions(Vec<(String, Session)>),
    Minutes(String),
    SessionFiles(SessionFiles),
    /// The slide of the view; `None` when the view has nothing to draw.
    Slide(Option<Box<crate::report::slide::Slide>>),
    Png(Result<Vec<u8>, crate::report::slide::raster::RasterError>),
    /// The table on screen; `None` when there is nothing to show.
    Table(Option<Box<crate::report::table::Table>>),
}

/// A finished job: its task and its outcome, or why it failed.
pub type Finished = (Task, Result<Outcome, String>);

#[derive(Default)]
pub struct Background {
    jobs: Jobs<Outcome>,
    tasks: Vec<(JobId, Task)>,
}

impl Background {
    /// Starts `work` for `task` on a worker thread.
    pub fn start(
        &mut self,
        task: Task,
        work: impl FnOnce(&JobContext) -> Outcome + Send + 'static,
    ) -> JobId {
        let id = self.jobs.spawn(work);
        self.tasks.push((id, task));
        id
    }

    pub fn is_running(&self, task: &Task) -> bool {
        self.tasks.iter().any(|(_, t)| t == task)
    }

    pub fn is_idle(&self) -> bool {
        self.tasks.is_empty()
    }

    /// Cancels every job of `task`: its result never arrives.
    pub fn cancel(&mut self, task: &Task) {
        for (id, _) in self.tasks.iter().filter(|(_, t)| t == task) {
            self.jobs.cancel(*id);
        }
        self.tasks.retain(|(_, t)| t != task);
    }

    /// The oldest running job and how far it is, for the status line.
    pub fn current(&self) -> Option<(&Task, Progress)> {
        let (id, progress) = self.jobs.running().next()?;
        let task = self.tasks.iter().find(|(i, _)| *i == id).map(|(_, t)| t)?;
        Some((task, progress))
    }

    /// Results of jobs that finished since the last call; never blocks.
    pub fn finished(&mut self) -> Vec<Finished> {
        let mut out = Vec::new();
        for event in self.jobs.poll() {
            let (id, result) = match event {
                JobEvent::Progress(..) => continue,
                JobEvent::Done(id, outcome) => (id, Ok(outcome)),
                JobEvent::Failed(id, why) => (id, Err(why)),
            };
            if let Some(i) = self.tasks.iter().position(|(t, _)| *t == id) {
                let (_, task) = self.tasks.remove(i);
                out.push((task, result));
            }
        }
        out
    }
}
