//! The worker facility: results, progress, cancelling, panics, never blocking the owner.
//!
//! Waits in these tests are bounded (a blocked job gives up after [`PATIENCE`]) so that a broken
//! guarantee fails an assertion instead of hanging the test run.

use super::*;
use std::sync::mpsc::channel;

/// Longer than any of these jobs takes on a loaded machine; only reached when something is wrong.
const PATIENCE: Duration = Duration::from_secs(30);

/// Polls until the job ends or [`PATIENCE`] runs out; returns every event seen.
fn wait_for_end<T: Send + 'static>(jobs: &mut Jobs<T>, id: JobId) -> Vec<JobEvent<T>> {
    let deadline = Instant::now() + PATIENCE;
    let mut seen = Vec::new();
    while jobs.is_running(id) && Instant::now() < deadline {
        seen.extend(jobs.wait_timeout(Duration::from_millis(50)));
    }
    seen
}

fn done_values<T: Clone>(events: &[JobEvent<T>]) -> Vec<T> {
    events
        .iter()
        .filter_map(|e| match e {
            JobEvent::Done(_, v) => Some(v.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_jobs_result_arrives_and_the_job_is_listed_until_then() {
    let mut jobs = Jobs::new();
    assert!(jobs.is_idle());
    let id = jobs.spawn(|_| 6 * 7);
    // Listed at once, before the thread reported anything: the UI can show it immediately.
    assert_eq!(
        jobs.running().collect::<Vec<_>>(),
        vec![(id, Progress::default())]
    );
    let events = wait_for_end(&mut jobs, id);
    assert_eq!(events, vec![JobEvent::Done(id, 42)]);
    assert!(jobs.is_idle());
    assert!(jobs.poll().is_empty());
}

#[test]
fn progress_arrives_in_order_before_the_result() {
    let mut jobs = Jobs::new();
    let id = jobs.spawn(|ctx| {
        for done in 0..=5u64 {
            ctx.progress(done, Some(5));
            // Past the interval, so every report goes out.
            thread::sleep(PROGRESS_INTERVAL + Duration::from_millis(5));
        }
        "klaar"
    });
    let events = wait_for_end(&mut jobs, id);
    let (last, progress) = events.split_last().expect("events");
    assert_eq!(*last, JobEvent::Done(id, "klaar"));
    let done: Vec<u64> = progress
        .iter()
        .map(|e| match e {
            JobEvent::Progress(i, p) if *i == id && p.total == Some(5) => p.done,
            other => panic!("expected progress of {id}, got {other:?}"),
        })
        .collect();
    assert_eq!(done, vec![0, 1, 2, 3, 4, 5]);
}

#[test]
fn running_shows_the_latest_progress() {
    let mut jobs = Jobs::new();
    let (release, wait) = channel::<()>();
    let id = jobs.spawn(move |ctx| {
        ctx.progress(3, Some(10));
        wait.recv_timeout(PATIENCE).is_ok()
    });
    let deadline = Instant::now() + PATIENCE;
    while jobs.running().next().map(|(_, p)| p.done) != Some(3) && Instant::now() < deadline {
        jobs.wait_timeout(Duration::from_millis(50));
    }
    let (_, p) = jobs.running().next().expect("still running");
    assert_eq!(
        p,
        Progress {
            done: 3,
            total: Some(10)
        }
    );
    assert_eq!(p.fraction(), Some(0.3));
    release.send(()).unwrap();
    assert_eq!(done_values(&wait_for_end(&mut jobs, id)), vec![true]);
}

#[test]
fn a_tight_loop_of_reports_is_thinned_but_the_last_one_arrives() {
    let mut jobs = Jobs::new();
    const N: u64 = 200_000;
    let id = jobs.spawn(|ctx| {
        let start = Instant::now();
        for done in 1..=N {
            ctx.progress(done, Some(N));
        }
        start.elapsed()
    });
    let events = wait_for_end(&mut jobs, id);
    let took = done_values(&events)[0];
    let reports: Vec<u64> = events
        .iter()
        .filter_map(|e| match e {
            JobEvent::Progress(_, p) => Some(p.done),
            _ => None,
        })
        .collect();
    // One report per started interval at most, plus the held-back last one.
    let bound = (took.as_millis() / PROGRESS_INTERVAL.as_millis()) as usize + 2;
    assert!(
        reports.len() <= bound,
        "{} reports in {took:?}",
        reports.len()
    );
    assert_eq!(reports.last(), Some(&N), "the last report is not lost");
    assert!(reports.windows(2).all(|w| w[0] < w[1]), "{reports:?}");
}

#[test]
fn a_cancelled_job_sees_it_and_its_result_is_dropped() {
    let mut jobs = Jobs::new();
    let (seen_tx, seen_rx) = channel();
    let id = jobs.spawn(move |ctx| {
        let deadline = Instant::now() + PATIENCE;
        while !ctx.is_cancelled() && Instant::now() < deadline {
            ctx.progress(1, None);
            thread::sleep(Duration::from_millis(1));
        }
        seen_tx.send(ctx.is_cancelled()).unwrap();
        "te laat"
    });
    jobs.cancel(id);
    assert!(!jobs.is_running(id));
    assert!(jobs.is_idle());
    assert_eq!(seen_rx.recv_timeout(PATIENCE), Ok(true));
    // Take the job's last event straight from the channel, to know it was sent, and check that
    // the owner swallows it.
    let mut raw = Vec::new();
    while let Ok(event) = jobs.rx.recv_timeout(PATIENCE) {
        let end = matches!(event, JobEvent::Done(..));
        raw.push(event);
        if end {
            break;
        }
    }
    assert!(
        matches!(raw.last(), Some(JobEvent::Done(i, "te laat")) if *i == id),
        "{raw:?}"
    );
    for event in raw {
        assert_eq!(jobs.accept(event), None);
    }
    assert!(jobs.poll().is_empty());
}

#[test]
fn a_panicking_job_fails_and_later_jobs_still_work() {
    let mut jobs: Jobs<u32> = Jobs::new();
    let id = jobs.spawn(|_| panic!("kapot: {}", 7));
    let events = wait_for_end(&mut jobs, id);
    match events.as_slice() {
        [JobEvent::Failed(i, message)] => {
            assert_eq!(*i, id);
            assert!(message.starts_with("kapot: 7"), "{message}");
            assert!(message.contains("src/jobs/tests.rs:"), "{message}");
        }
        other => panic!("expected Failed, got {other:?}"),
    }
    let next = jobs.spawn(|_| 1);
    assert_eq!(done_values(&wait_for_end(&mut jobs, next)), vec![1]);
}

#[test]
fn a_slow_loader_never_blocks_the_owner() {
    // The injected loader blocks until the test releases it, like a dataset load on a slow disk.
    let (release, blocked) = channel::<()>();
    let loader = move |ctx: &JobContext| {
        ctx.progress(0, Some(100));
        let released = blocked.recv_timeout(PATIENCE).is_ok();
        ctx.progress(100, Some(100));
        released.then_some("dataset")
    };
    let mut jobs = Jobs::new();
    let id = jobs.spawn(loader);
    for _ in 0..3 {
        // Returns while the loader is still blocked: had poll waited for the job, the loader
        // would have given up (released = false) and be done by now.
        let events = jobs.poll();
        assert!(
            !events.iter().any(|e| matches!(e, JobEvent::Done(..))),
            "{events:?}"
        );
        assert!(jobs.is_running(id));
    }
    let events = jobs.wait_timeout(Duration::from_millis(10));
    assert!(!events.iter().any(|e| matches!(e, JobEvent::Done(..))));
    assert!(jobs.is_running(id));
    release.send(()).unwrap();
    let events = wait_for_end(&mut jobs, id);
    assert_eq!(done_values(&events), vec![Some("dataset")]);
    assert!(matches!(events.last(), Some(JobEvent::Done(..))));
}

#[test]
fn dropping_the_owner_cancels_without_waiting() {
    let (seen_tx, seen_rx) = channel();
    let (release, blocked) = channel::<()>();
    let (end_tx, end_rx) = channel();
    let mut jobs: Jobs<()> = Jobs::new();
    jobs.spawn(move |ctx| {
        let deadline = Instant::now() + PATIENCE;
        while !ctx.is_cancelled() && Instant::now() < deadline {
            thread::sleep(Duration::from_millis(1));
        }
        seen_tx.send(ctx.is_cancelled()).unwrap();
        // Still busy after seeing the cancel: a drop that waited for the job would only return
        // once this gives up.
        end_tx.send(blocked.recv_timeout(PATIENCE).is_ok()).unwrap();
    });
    drop(jobs);
    assert_eq!(seen_rx.recv_timeout(PATIENCE), Ok(true));
    release.send(()).unwrap();
    assert_eq!(
        end_rx.recv_timeout(PATIENCE),
        Ok(true),
        "drop waited for the job"
    );
}

#[test]
fn cancel_all_and_unknown_ids() {
    let mut jobs: Jobs<u8> = Jobs::new();
    let (release, blocked) = channel::<()>();
    let a = jobs.spawn(move |_| {
        let _ = blocked.recv_timeout(PATIENCE);
        1
    });
    let b = jobs.spawn(|_| 2);
    assert_ne!(a, b);
    assert_eq!(
        jobs.running().map(|(id, _)| id).collect::<Vec<_>>(),
        vec![a, b]
    );
    jobs.cancel_all();
    assert!(jobs.is_idle());
    jobs.cancel(a);
    release.send(()).unwrap();
    let c = jobs.spawn(|_| 3);
    assert_eq!(done_values(&wait_for_end(&mut jobs, c)), vec![3]);
}

#[test]
fn fraction_of_progress() {
    let p = |done, total| Progress { done, total };
    assert_eq!(p(5, None).fraction(), None);
    assert_eq!(p(0, Some(0)).fraction(), Some(1.0));
    assert_eq!(p(1, Some(4)).fraction(), Some(0.25));
    assert_eq!(p(9, Some(4)).fraction(), Some(1.0));
}

#[test]
fn report_says_whether_to_go_on() {
    let mut jobs = Jobs::new();
    let (release, blocked) = channel::<()>();
    let (answer_tx, answers) = channel();
    let id = jobs.spawn(move |ctx| {
        answer_tx.send(ctx.report(1, 2)).unwrap();
        let _ = blocked.recv_timeout(PATIENCE);
        answer_tx.send(ctx.report(2, 2)).unwrap();
    });
    assert_eq!(answers.recv_timeout(PATIENCE), Ok(true));
    jobs.cancel(id);
    release.send(()).unwrap();
    assert_eq!(answers.recv_timeout(PATIENCE), Ok(false));
}

#[test]
fn a_dataset_load_and_detection_run_as_jobs_with_progress() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld");
    let mut jobs = Jobs::new();
    let id = jobs.spawn(move |ctx| {
        let ds = crate::load::load_dataset_with_progress(&dir, &|d, t| ctx.report(d, t))?.ok()?;
        let settings = crate::analysis::mismatch::Settings::default();
        let found = crate::analysis::mismatch::detect_with_progress(&ds, &settings, &|d, t| {
            ctx.report(d, t)
        })?;
        Some((ds.series.len(), found.len()))
    });
    let events = wait_for_end(&mut jobs, id);
    let Some(JobEvent::Done(_, Some((series, found)))) = events.last() else {
        panic!("{events:?}")
    };
    assert!(*series > 0 && *found > 0);
    // The held-back last report goes out before the result: the bar ends full.
    let last = events.iter().rev().find_map(|e| match e {
        JobEvent::Progress(_, p) => Some(*p),
        _ => None,
    });
    assert_eq!(last.and_then(|p| p.fraction()), Some(1.0), "{events:?}");
}
