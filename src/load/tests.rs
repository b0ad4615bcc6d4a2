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

/// The rows of a long file in any order give the same series: grouping compares each row's key
/// with the previous row's first, and must not depend on the file being sorted.
#[test]
fn rows_in_any_order_give_the_same_series() {
    let dir = sample_dir();
    let text = std::fs::read_to_string(dir.join(DATA_FILE)).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    let header = lines.remove(0);
    // Every third row first, then the rest backwards: series interleave everywhere.
    let mut shuffled: Vec<&str> = lines.iter().step_by(3).copied().collect();
    shuffled.extend(
        lines
            .iter()
            .enumerate()
            .rev()
            .filter(|(i, _)| i % 3 != 0)
            .map(|(_, l)| *l),
    );
    let tmp = tempfile::tempdir().unwrap();
    std::fs::copy(dir.join(META_FILE), tmp.path().join(META_FILE)).unwrap();
    let body = std::iter::once(header)
        .chain(shuffled)
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(tmp.path().join(DATA_FILE), body + "\n").unwrap();

    let sorted = load_dataset(&dir).unwrap();
    let mixed = load_dataset(tmp.path()).unwrap();
    let figures = |ds: &Dataset| -> Vec<_> {
        (ds.series.iter())
            .map(|s| {
                let points: Vec<_> = (s.points.iter())
                    .map(|o| (o.period, o.value, o.status, o.unit.clone(), o.note.clone()))
                    .collect();
                (s.key.clone(), points)
            })
            .collect()
    };
    assert_eq!(figures(&mixed), figures(&sorted));
}

/// A second row for a period is reported with the line of the first, wherever it is.
#[test]
fn a_duplicate_far_from_its_first_row_names_both_lines() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::copy(sample_dir().join(META_FILE), tmp.path().join(META_FILE)).unwrap();
    let row = "2022-01,jeugd,instroom,gemeente-registratie,10,cliënten,GM0772,,,definitief,";
    let other =
        "2022-01,jeugd,instroom,aanbieders-maandrapportage,11,cliënten,GM0772,,,definitief,";
    let text = format!(
        "periode,domein,indicator,bron,waarde,eenheid,regio,wijk,aanbieder,status,opmerking\n\
         {row}\n{other}\n{other}\n{row}\n"
    );
    std::fs::write(tmp.path().join(DATA_FILE), text).unwrap();
    let err = load_dataset(tmp.path()).unwrap_err();
    let dups: Vec<(usize, usize)> = (err.diagnostics.iter())
        .filter_map(|d| match &d.kind {
            DiagnosticKind::DuplicateRow { first_line, .. } => Some((d.line, *first_line)),
            _ => None,
        })
        .collect();
    assert_eq!(dups, vec![(4, 3), (5, 2)]);
}
