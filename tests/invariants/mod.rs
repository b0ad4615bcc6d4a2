//! The invariants of duiden's front door, shared by the stable property tests
//! (`tests/front_door.rs`), the bad-input corpus (`tests/bad_inputs.rs`) and the cargo-fuzz
//! targets (`fuzz/fuzz_targets/*.rs`, which include this file by path), so the fuzzer and
//! `cargo test` check the very same things:
//!
//! - no panic (a panic fails the test or is the fuzzer's crash);
//! - no hang: each input is read within [`TIME_LIMIT`] (a thread that does not finish fails);
//! - every error is located in the file: a line that exists in the input and a column on it;
//! - the input is unchanged on disk (bytes before == bytes after);
//! - a session that loads saves, and loads back as the same session.

#![allow(dead_code)]

use duiden::load::{DATA_FILE, LoadError, META_FILE, load_dataset};
use duiden::model::Dataset;
use duiden::session::Session;
use duiden::session::store::{self, SessionError};
use std::path::Path;
use std::time::Duration;

/// Time for one input, in a debug build on a busy machine; inputs are small, a real load of one
/// takes milliseconds, so only a hang (or something quadratic gone wild) gets near it.
pub const TIME_LIMIT: Duration = Duration::from_secs(10);

/// A small valid `dataset.toml` (the fuzz seed, and the partner of a fuzzed `reeksen.csv`).
pub const SEED_META: &str = include_str!("../../fuzz/corpus/dataset_toml/minimal.toml");
/// A small valid `reeksen.csv` (the fuzz seed, and the partner of a fuzzed `dataset.toml`).
pub const SEED_CSV: &str = include_str!("../../fuzz/corpus/csv/minimal.csv");

/// How a file counts columns in its messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Columns {
    /// 1-based character on the line (TOML files, encoding errors).
    Chars,
    /// The character, or in `reeksen.csv` the 1-based field number of the record that starts on
    /// the line (a quoted field may carry the record over more lines).
    CharsOrFields,
}

/// Runs `f` on its own thread and fails when it takes longer than [`TIME_LIMIT`]: a hang
/// becomes a failure instead of a test run that never ends. A panic inside `f` is passed on.
pub fn within<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    let handle = std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(TIME_LIMIT) {
        Ok(value) => {
            let _ = handle.join();
            value
        }
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
            // The thread ended without sending: it panicked. Re-raise its panic here.
            match handle.join() {
                Err(panic) => std::panic::resume_unwind(panic),
                Ok(()) => unreachable!("{what}: the thread ended without a result"),
            }
        }
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
            panic!("{what}: not done within {TIME_LIMIT:?} (a hang)")
        }
    }
}

/// Asserts that `line:column` names a real place in `input`: the line exists (lines end at `\n`,
/// as the loaders count them; in a CSV file with CR line ends only, at each CR, as the CSV loader
/// reads old Mac UTF-8 files) and the column is on it or just after its last character.
pub fn assert_located(input: &[u8], line: usize, column: usize, columns: Columns, what: &str) {
    let text = String::from_utf8_lossy(input);
    // Only text the loader could decode is read that way; a UTF-8 error is placed before.
    let cr_only = std::str::from_utf8(input).is_ok() && text.contains('\r') && !text.contains('\n');
    let end = match columns {
        Columns::CharsOrFields if cr_only => '\r',
        _ => '\n',
    };
    let lines: Vec<&str> = text.split(end).collect();
    assert!(
        (1..=lines.len()).contains(&line),
        "{what}: line {line} is not in the input ({} lines)",
        lines.len()
    );
    let chars = lines[line - 1].chars().count();
    let limit = match columns {
        Columns::Chars => chars + 1,
        Columns::CharsOrFields => {
            // A record can run over lines inside quotes: count the separators up to the end.
            let rest = lines[line - 1..].join("\n");
            let fields = rest.bytes().filter(|&b| b == b',' || b == b';').count() + 1;
            chars.max(fields) + 1
        }
    };
    assert!(
        (1..=limit).contains(&column),
        "{what}: column {column} is not on line {line} (at most {limit}): {:?}",
        lines[line - 1].chars().take(120).collect::<String>()
    );
}

/// Loads a dataset folder holding exactly these two files and checks every invariant: no
/// panic, no hang, every diagnostic located in the file it names, both files unchanged.
pub fn check_dataset(csv: &[u8], meta: &[u8]) -> Result<Dataset, LoadError> {
    let dir = tempfile::tempdir().expect("tempdir");
    let (csv_path, meta_path) = (dir.path().join(DATA_FILE), dir.path().join(META_FILE));
    std::fs::write(&csv_path, csv).expect("write reeksen.csv");
    std::fs::write(&meta_path, meta).expect("write dataset.toml");
    let folder = dir.path().to_path_buf();
    let result = within("load_dataset", move || load_dataset(&folder));
    assert_eq!(
        std::fs::read(&csv_path).unwrap(),
        csv,
        "reeksen.csv changed"
    );
    assert_eq!(
        std::fs::read(&meta_path).unwrap(),
        meta,
        "dataset.toml changed"
    );
    if let Err(err) = &result {
        assert!(!err.diagnostics.is_empty(), "an error without a diagnostic");
        for d in &err.diagnostics {
            let (input, columns) = if d.file == csv_path {
                (csv, Columns::CharsOrFields)
            } else if d.file == meta_path {
                (meta, Columns::Chars)
            } else {
                panic!("a diagnostic about another file: {d}")
            };
            assert!(!d.message.trim().is_empty(), "an empty message: {d:?}");
            assert_located(input, d.line, d.column, columns, &d.to_string());
        }
    }
    result
}

/// Loads a session file with these bytes and checks every invariant: no panic, no hang, an
/// error located in the file, the file unchanged; and a session that loads saves (elsewhere)
/// and loads back equal.
pub fn check_session(bytes: &[u8]) -> Result<Session, SessionError> {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("2026-11-05-sessie.toml");
    std::fs::write(&path, bytes).expect("write session");
    let file = path.clone();
    let result = within("session load", move || store::load(&file));
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "session file changed");
    match &result {
        Ok(session) => assert_round_trip(dir.path(), session),
        Err(e) => assert_session_error_located(bytes, e),
    }
    result
}

/// The error names a real place in the file; a too new format is about the whole file.
pub fn assert_session_error_located(bytes: &[u8], e: &SessionError) {
    match e {
        SessionError::Parse { line, column, .. } => {
            assert_located(bytes, *line, *column, Columns::Chars, &e.to_string())
        }
        SessionError::TooNew { .. } => {}
        other => panic!("reading a regular file gave an error without a place: {other}"),
    }
}

/// load(save(s)) == s: what duiden accepts it can write, and what it writes it reads back.
pub fn assert_round_trip(dir: &Path, session: &Session) {
    let copy = dir.join("kopie.toml");
    store::save_atomic(&copy, session).unwrap_or_else(|e| panic!("save refused: {e}"));
    let back = store::load(&copy).unwrap_or_else(|e| panic!("saved file refused: {e}"));
    assert_eq!(&back, session, "load(save(s)) differs from s");
}

// ---------------------------------------------------------------------------------------------
// The import readers (`duiden importeer`) and the extract reader (`duiden afleiden`)
// ---------------------------------------------------------------------------------------------

/// The companions of a CBS TypedDataSet CSV, read beside it (`<stem>_<name>.csv`).
pub const TYPED_CSV_SIBLINGS: &[(&str, &[u8])] = &[
    (
        "jbjr2023h1_DataProperties.csv",
        include_bytes!("../fixtures/import/typed/jbjr2023h1_DataProperties.csv"),
    ),
    (
        "jbjr2023h1_Perioden.csv",
        include_bytes!("../fixtures/import/typed/jbjr2023h1_Perioden.csv"),
    ),
    (
        "jbjr2023h1_TableInfos.csv",
        include_bytes!("../fixtures/import/typed/jbjr2023h1_TableInfos.csv"),
    ),
];
/// The name a fuzzed CSV gets: with [`TYPED_CSV_SIBLINGS`] beside it a TypedDataSet is read with
/// its metadata; a StatLine download is recognised by its content whatever its name.
pub const IMPORT_CSV_NAME: &str = "jbjr2023h1_TypedDataSet.csv";

/// The companions of a CBS v3 TypedDataSet JSON (`<stem>_<name>.json`).
pub const CBS_JSON_SIBLINGS: &[(&str, &[u8])] = &[
    (
        "jeugdbescherming_DataProperties.json",
        include_bytes!("../fixtures/import/jeugdbescherming_DataProperties.json"),
    ),
    (
        "jeugdbescherming_Perioden.json",
        include_bytes!("../fixtures/import/jeugdbescherming_Perioden.json"),
    ),
];
/// The name a fuzzed JSON gets (v3 or v4 is recognised by its content).
pub const IMPORT_JSON_NAME: &str = "jeugdbescherming.json";

/// Reads `bytes` as the file `name` with `siblings` beside it, the way `duiden importeer` does
/// (the layout recognised from the file), and checks every invariant: no panic, no hang, the
/// files unchanged, and an error that names one of the files: as a whole (a problem with the
/// file as such, such as a layout not recognised) or at a line and column that exist in it.
pub fn check_import(
    name: &str,
    bytes: &[u8],
    siblings: &[(&str, &[u8])],
) -> Result<duiden::import::Import, duiden::import::ImportError> {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut files: Vec<(std::path::PathBuf, &[u8])> = siblings
        .iter()
        .map(|(n, b)| (dir.path().join(n), *b))
        .collect();
    files.push((dir.path().join(name), bytes));
    for (path, b) in &files {
        std::fs::write(path, b).expect("write import file");
    }
    let path = dir.path().join(name);
    let opts = duiden::import::Options {
        domein: Some("jeugd".into()),
        ..Default::default()
    };
    let result = within("import", move || {
        duiden::import::detect::read_file(&path, &opts)
    });
    for (path, b) in &files {
        assert_eq!(
            &std::fs::read(path).unwrap(),
            b,
            "{} changed",
            path.display()
        );
    }
    if let Err(e) = &result {
        assert!(!e.problem.trim().is_empty(), "an empty message: {e:?}");
        assert_place_located(&e.place, &files, &e.to_string());
    }
    result
}

/// `place` is one of `files` as a whole, `file:line:column` at a real place in it, or a
/// reader's own form: the CBS JSON readers' `file: List[i].Field` for a metadata item (with a
/// field of the file), the spreadsheet reader's `name.xlsx!Blad!C12` (it names a file by its
/// name only; bytes that look like a workbook are read as one, whatever the file is called).
fn assert_place_located(place: &str, files: &[(std::path::PathBuf, &[u8])], what: &str) {
    let (file, bytes, rest) = files
        .iter()
        .find_map(|(p, b)| {
            let name = p.file_name()?.to_string_lossy().into_owned();
            let rest = place
                .strip_prefix(&p.display().to_string())
                .or_else(|| place.strip_prefix(&name))?;
            let follows = rest.is_empty() || rest.starts_with(':') || rest.starts_with('!');
            follows.then_some((p, *b, rest))
        })
        .unwrap_or_else(|| panic!("{what}: the place names none of the files read"));
    if rest.is_empty() {
        return;
    }
    if let Some(sheet_place) = rest.strip_prefix('!') {
        assert!(!sheet_place.is_empty(), "{what}: no sheet or cell after !");
        return;
    }
    if let Some(path) = rest.strip_prefix(": ") {
        let (list, field) = path
            .split_once("].")
            .unwrap_or_else(|| panic!("{what}: no List[i].Field"));
        let (_, index) = list
            .split_once('[')
            .unwrap_or_else(|| panic!("{what}: no List[i].Field"));
        assert!(index.parse::<usize>().is_ok(), "{what}: no index");
        let text = String::from_utf8_lossy(bytes);
        assert!(
            text.contains(&format!("\"{field}\"")),
            "{what}: no field {field} in the file"
        );
        return;
    }
    let numbers: Vec<usize> = rest[1..]
        .split(':')
        .map(|n| {
            n.parse()
                .unwrap_or_else(|_| panic!("{what}: no line:column"))
        })
        .collect();
    let columns = match file.extension().and_then(|e| e.to_str()) {
        Some("json") => Columns::Chars,
        _ => Columns::CharsOrFields,
    };
    match numbers[..] {
        [line] => assert_located(bytes, line, 1, columns, what),
        [line, column] => assert_located(bytes, line, column, columns, what),
        _ => panic!("{what}: no line:column"),
    }
}

/// Derives counts from `bytes` as a record-level extract (`extract.csv`) the way
/// `duiden afleiden` does and checks every invariant: no panic, no hang, the file unchanged, an
/// error that names the file (as a whole or at a line that exists), and every record not
/// counted at a line that exists.
pub fn check_extract(
    bytes: &[u8],
) -> Result<duiden::derive::Derivation, duiden::derive::DeriveError> {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("extract.csv");
    std::fs::write(&path, bytes).expect("write extract");
    let file = path.clone();
    let result = within("afleiden", move || {
        duiden::derive::derive(&file, &duiden::derive::Rules::default(), &mut |_| true)
    });
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "extract changed");
    let files = [(path.clone(), bytes)];
    match &result {
        Ok(d) => {
            for b in &d.bad {
                let line = usize::try_from(b.line).expect("a line number");
                let what = format!("{}:{line}: {}", path.display(), b.problem);
                assert!(!b.problem.trim().is_empty(), "{what}");
                assert_located(bytes, line, 1, Columns::CharsOrFields, &what);
            }
        }
        Err(e) => {
            assert!(!e.problem.trim().is_empty(), "an empty message: {e:?}");
            assert_place_located(&e.place, &files, &e.to_string());
        }
    }
    result
}
