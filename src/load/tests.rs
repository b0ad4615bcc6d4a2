//! Loading with progress: the same dataset as without, reports that only go forward, and
//! stopping when the callback says so.

use super::*;
use std::cell::RefCell;
use std::path::PathBuf;

fn sample_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld")
}

fn sample_size() -> u64 {
    std::fs::metadata(sample_dir().join(DATA_FILE))
        .unwrap()
        .len()
}

#[test]
fn progress_goes_forward_through_the_two_passes_to_the_total() {
    let dir = sample_dir();
    let size = sample_size();
    let calls = RefCell::new(Vec::new());
    let ds = load_dataset_with_progress(&dir, &|done, total| {
        calls.borrow_mut().push((done, total));
        true
    })
    .expect("not cancelled")
    .expect("sample loads");
    let plain = load_dataset(&dir).unwrap();
    assert_eq!(ds.series, plain.series);
    assert_eq!(ds.content_hash, plain.content_hash);
    assert_eq!(ds.meta.bronnen, plain.meta.bronnen);

    let calls = calls.into_inner();
    assert!(calls.iter().all(|&(_, t)| t == 2 * size), "{calls:?}");
    assert!(calls.windows(2).all(|w| w[0].0 <= w[1].0), "{calls:?}");
    assert_eq!(calls.last(), Some(&(2 * size, 2 * size)));
    // Reading (up to size), then the rows into series part-way (between size and 2 × size).
    assert!(calls.iter().any(|&(d, _)| d > 0 && d <= size), "{calls:?}");
    assert!(
        calls.iter().any(|&(d, _)| d > size && d < 2 * size),
        "{calls:?}"
    );
}

/// Loads the sample, answering false to the first report at or past `stop_at`; returns the
/// outcome and the reports made.
fn load_until(stop_at: u64) -> (Option<Result<Dataset, LoadError>>, Vec<u64>) {
    let calls = RefCell::new(Vec::new());
    let outcome = load_dataset_with_progress(&sample_dir(), &|done, _| {
        calls.borrow_mut().push(done);
        done < stop_at
    });
    (outcome, calls.into_inner())
}

#[test]
fn cancelling_in_any_pass_stops_the_load() {
    let size = sample_size();
    for stop_at in [0, size + 1, 2 * size] {
        let (outcome, calls) = load_until(stop_at);
        assert!(outcome.is_none(), "stop at {stop_at}: not cancelled");
        let (last, before) = calls.split_last().expect("a report");
        assert!(*last >= stop_at, "stop at {stop_at}: {calls:?}");
        assert!(
            before.iter().all(|&d| d < stop_at),
            "stop at {stop_at}: went on after false: {calls:?}"
        );
    }
}

#[test]
fn a_missing_folder_is_an_error_not_a_cancel() {
    let dir = sample_dir().join("bestaat-niet");
    let outcome = load_dataset_with_progress(&dir, &|_, _| false);
    let err = outcome.expect("an answer").unwrap_err();
    assert!(err.to_string().contains("map bestaat niet"), "{err}");
}
