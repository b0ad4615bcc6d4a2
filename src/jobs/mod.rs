//! Slow work off the caller's thread: loading a dataset, detecting differences, reading a folder
//! of sessions, writing minutes. A [`Jobs`] starts each piece of work on its own thread and hands
//! back what happens to it through a channel the caller drains without blocking ([`Jobs::poll`]),
//! so a drawing loop keeps drawing and can show progress from the moment of the request.
//!
//! Guarantees:
//! - [`Jobs::poll`] never blocks; [`Jobs::wait_timeout`] blocks at most the time given.
//! - A job is listed by [`Jobs::running`] from [`Jobs::spawn`] until its end is polled.
//! - [`Jobs::cancel`] asks the job to stop ([`JobContext::is_cancelled`]) and drops whatever it
//!   still reports: after `cancel` no event of that job is ever returned.
//! - A job that panics ends as [`JobEvent::Failed`]; the owner and later jobs carry on, and the
//!   panic message is not printed over the screen (see [`is_job_thread`]).
//! - Progress is rate-limited per job (one report per [`PROGRESS_INTERVAL`], plus the last one),
//!   so a loop reporting on every item does not flood the channel.
//! - Dropping a [`Jobs`] cancels every job and does not wait for them.
//!
//! One thread per job rather than a pool: the work is coarse (one load, one detection) and few
//! jobs run at once, so the cost of starting a thread is nothing next to the work, and a slow job
//! never queues a later one behind it as a small pool would.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::fmt;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, Once};
use std::thread;
use std::time::{Duration, Instant};

/// At most one progress report per job per this interval reaches the owner (plus the last one).
pub const PROGRESS_INTERVAL: Duration = Duration::from_millis(20);

/// Names one job of one [`Jobs`]; never reused by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct JobId(u64);

impl fmt::Display for JobId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// How far a job is: `done` of `total` units (`None` while the total is not known).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: u64,
    pub total: Option<u64>,
}

impl Progress {
    /// Fraction done in 0..=1 when the total is known (a known total of 0 is complete).
    pub fn fraction(&self) -> Option<f64> {
        self.total.map(|total| {
            if total == 0 {
                1.0
            } else {
                self.done.min(total) as f64 / total as f64
            }
        })
    }
}

/// What happened to a job, in the order it happened.
#[derive(Debug, Clone, PartialEq)]
pub enum JobEvent<T> {
    /// The job's latest progress report.
    Progress(JobId, Progress),
    /// The job finished with this result.
    Done(JobId, T),
    /// The job panicked (or its thread could not start): the message and where it happened.
    Failed(JobId, String),
}

impl<T> JobEvent<T> {
    pub fn id(&self) -> JobId {
        match self {
            JobEvent::Progress(id, _) | JobEvent::Done(id, _) | JobEvent::Failed(id, _) => *id,
        }
    }
}

/// A running job as its owner sees it.
struct Entry {
    cancel: Arc<AtomicBool>,
    progress: Progress,
}

/// The jobs started by one owner (the UI): spawn, poll, cancel.
pub struct Jobs<T> {
    tx: Sender<JobEvent<T>>,
    rx: Receiver<JobEvent<T>>,
    next: u64,
    running: BTreeMap<JobId, Entry>,
}

impl<T: Send + 'static> Default for Jobs<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Send + 'static> Jobs<T> {
    pub fn new() -> Self {
        quiet_job_panics();
        let (tx, rx) = mpsc::channel();
        Jobs {
            tx,
            rx,
            next: 1,
            running: BTreeMap::new(),
        }
    }

    /// Starts `work` on its own thread. The job is listed as running (no progress, total unknown)
    /// at once, so the caller can show that something is being done before the first report.
    pub fn spawn(&mut self, work: impl FnOnce(&JobContext) -> T + Send + 'static) -> JobId {
        let id = JobId(self.next);
        self.next += 1;
        let cancel = Arc::new(AtomicBool::new(false));
        self.running.insert(
            id,
            Entry {
                cancel: cancel.clone(),
                progress: Progress::default(),
            },
        );
        let tx = self.tx.clone();
        let report = tx.clone();
        let ctx = JobContext {
            cancel,
            send: Box::new(move |p| {
                // The owner may be gone: nobody is listening any more, which is fine.
                let _ = report.send(JobEvent::Progress(id, p));
            }),
            rate: Mutex::new(Rate::default()),
        };
        let spawned = thread::Builder::new()
            .name(format!("duiden-job-{id}"))
            .spawn(move || run_job(id, work, ctx, tx));
        if let Err(e) = spawned {
            let _ = self.tx.send(JobEvent::Failed(
                id,
                format!("taak kon niet starten (geen thread): {e}"),
            ));
        }
        id
    }

    /// Asks the job to stop and forgets it: none of its events is returned any more. Cancelling a
    /// job that already ended (or an unknown id) does nothing.
    pub fn cancel(&mut self, id: JobId) {
        if let Some(entry) = self.running.remove(&id) {
            entry.cancel.store(true, Ordering::Relaxed);
        }
    }

    /// Cancels every running job.
    pub fn cancel_all(&mut self) {
        let ids: Vec<JobId> = self.running.keys().copied().collect();
        for id in ids {
            self.cancel(id);
        }
    }

    /// Everything that happened since the last call, without waiting.
    pub fn poll(&mut self) -> Vec<JobEvent<T>> {
        let mut events = Vec::new();
        while let Ok(event) = self.rx.try_recv() {
            events.extend(self.accept(event));
        }
        events
    }

    /// Like [`Jobs::poll`], but waits up to `timeout` for a first event when there is none yet.
    pub fn wait_timeout(&mut self, timeout: Duration) -> Vec<JobEvent<T>> {
        let deadline = Instant::now() + timeout;
        loop {
            let events = self.poll();
            if !events.is_empty() {
                return events;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(event) => {
                    let mut events: Vec<_> = self.accept(event).into_iter().collect();
                    events.extend(self.poll());
                    if !events.is_empty() {
                        return events;
                    }
                }
                // Disconnection cannot happen (`self` holds a sender); treat it as a timeout.
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => {
                    return Vec::new();
                }
            }
        }
    }

    /// The jobs not yet ended (as far as polled), oldest first, with their latest progress.
    pub fn running(&self) -> impl Iterator<Item = (JobId, Progress)> + '_ {
        self.running.iter().map(|(id, e)| (*id, e.progress))
    }

    /// Is this job still running (spawned, not cancelled, its end not yet polled)?
    pub fn is_running(&self, id: JobId) -> bool {
        self.running.contains_key(&id)
    }

    /// No job running.
    pub fn is_idle(&self) -> bool {
        self.running.is_empty()
    }

    /// Keeps the event when its job is still ours, updating what [`Jobs::running`] shows.
    fn accept(&mut self, event: JobEvent<T>) -> Option<JobEvent<T>> {
        match &event {
            JobEvent::Progress(id, p) => self.running.get_mut(id)?.progress = *p,
            JobEvent::Done(id, _) | JobEvent::Failed(id, _) => {
                self.running.remove(id)?;
            }
        }
        Some(event)
    }
}

impl<T> Drop for Jobs<T> {
    /// Cancels every job; their threads end on their own (their results go nowhere).
    fn drop(&mut self) {
        for entry in self.running.values() {
            entry.cancel.store(true, Ordering::Relaxed);
        }
    }
}

/// What a job's work sees: where to report progress, whether to stop.
pub struct JobContext {
    cancel: Arc<AtomicBool>,
    send: Box<dyn Fn(Progress) + Send + Sync>,
    rate: Mutex<Rate>,
}

/// When the last report went out and the newest one held back since.
#[derive(Default)]
struct Rate {
    last_sent: Option<Instant>,
    pending: Option<Progress>,
}

impl JobContext {
    /// Reports `done` of `total` units. Cheap enough to call per item: reports closer together
    /// than [`PROGRESS_INTERVAL`] are held back, the newest of them going out with the next
    /// report after the interval or when the job ends.
    pub fn progress(&self, done: u64, total: Option<u64>) {
        let p = Progress { done, total };
        let now = Instant::now();
        let mut rate = self.rate.lock().unwrap_or_else(|e| e.into_inner());
        if rate
            .last_sent
            .is_some_and(|t| now.duration_since(t) < PROGRESS_INTERVAL)
        {
            rate.pending = Some(p);
            return;
        }
        rate.last_sent = Some(now);
        rate.pending = None;
        (self.send)(p);
    }

    /// Has the owner cancelled this job (or gone away)? Work should then stop soon; whatever it
    /// returns is dropped.
    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// Reports progress with a known total and says whether to go on: the shape of the
    /// `progress` callbacks of the `*_with_progress` functions in the core, e.g.
    /// `detect_with_progress(&ds, &settings, &|d, t| ctx.report(d, t))`.
    pub fn report(&self, done: u64, total: u64) -> bool {
        self.progress(done, Some(total));
        !self.is_cancelled()
    }

    /// Sends the report held back, if any.
    fn flush(&self) {
        let pending = self
            .rate
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .pending
            .take();
        if let Some(p) = pending {
            (self.send)(p);
        }
    }
}

/// The body of a job's thread: the work, its last progress report, then its end.
fn run_job<T>(
    id: JobId,
    work: impl FnOnce(&JobContext) -> T,
    ctx: JobContext,
    tx: Sender<JobEvent<T>>,
) {
    IN_JOB.with(|flag| flag.set(true));
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| work(&ctx)));
    let event = match outcome {
        Ok(value) => {
            ctx.flush();
            JobEvent::Done(id, value)
        }
        Err(payload) => JobEvent::Failed(id, panic_message(payload.as_ref())),
    };
    // A cancelled job's owner may be gone; its result is not wanted then.
    let _ = tx.send(event);
}

thread_local! {
    /// Set on job threads, for the panic hook.
    static IN_JOB: Cell<bool> = const { Cell::new(false) };
    /// Where the last panic on this job thread happened, recorded by the hook.
    static PANIC_AT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Is the current thread running a job? A panic hook that restores the terminal should leave
/// the terminal alone on job threads: their panics are caught and reported as
/// [`JobEvent::Failed`], and the screen goes on.
pub fn is_job_thread() -> bool {
    IN_JOB.with(Cell::get)
}

/// Installs (once) a panic hook in front of the current one that, on job threads, records where
/// the panic happened instead of printing it: a caught panic is reported as an event, and text
/// printed over a full-screen interface would garble it. Other threads get the previous hook.
fn quiet_job_panics() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if is_job_thread() {
                let at = info
                    .location()
                    .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()));
                PANIC_AT.with(|p| *p.borrow_mut() = at);
            } else {
                previous(info);
            }
        }));
    });
}

/// The panic's message and, when the hook saw it, where it happened.
fn panic_message(payload: &(dyn Any + Send)) -> String {
    let message = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "onbekende fout".to_string());
    match PANIC_AT.with(|p| p.borrow_mut().take()) {
        Some(at) => format!("{message} ({at})"),
        None => message,
    }
}

#[cfg(test)]
mod tests;
