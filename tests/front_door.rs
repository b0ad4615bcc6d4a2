//! Issue 16.12 on stable: the invariants the cargo-fuzz targets check (`fuzz/`, nightly only),
//! run by `cargo test` on the checked-in seed corpus (`fuzz/corpus/`), on random bytes and on
//! random edits of the seeds; plus load(save(s)) == s for generated sessions.
//! The invariants themselves are in `tests/invariants/mod.rs`, shared with the fuzz targets.

mod invariants;

use duiden::import::{Import, ImportError};
use duiden::model::Period;
use duiden::session::{
    AgendaItem, Anchor, Annotation, AnnotationKind, Criteria, DatasetRef, ItemChange, LocalTime,
    Merge, Participant, QuestionStatus, Role, Session,
};
use invariants::{
    CBS_JSON_SIBLINGS, IMPORT_CSV_NAME, IMPORT_JSON_NAME, SEED_CSV, SEED_META, TYPED_CSV_SIBLINGS,
    check_dataset, check_extract, check_import, check_session,
};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

fn corpus(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no seeds in {}", dir.display());
    files
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The seed corpus: valid files, every one loads (so the fuzzer starts from real input)
// ---------------------------------------------------------------------------------------------

#[test]
fn csv_seeds_load() {
    for (path, bytes) in corpus("csv") {
        let ds = check_dataset(&bytes, SEED_META.as_bytes())
            .unwrap_or_else(|e| panic!("{}:\n{e}", path.display()));
        assert!(!ds.series.is_empty(), "{}", path.display());
    }
}

#[test]
fn dataset_toml_seeds_load() {
    for (path, bytes) in corpus("dataset_toml") {
        let ds = check_dataset(SEED_CSV.as_bytes(), &bytes)
            .unwrap_or_else(|e| panic!("{}:\n{e}", path.display()));
        assert_eq!(ds.meta.bronnen.len(), 2, "{}", path.display());
    }
}

#[test]
fn session_seeds_load_and_round_trip() {
    for (path, bytes) in corpus("session") {
        let s = check_session(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(!s.annotations.is_empty(), "{}", path.display());
    }
}

#[test]
fn import_csv_seeds_read() {
    for (path, bytes) in corpus("import_csv") {
        let imp = import_csv(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(!imp.rows.is_empty(), "{}", path.display());
    }
}

#[test]
fn import_json_seeds_read() {
    for (path, bytes) in corpus("import_json") {
        let imp = import_json(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(!imp.rows.is_empty(), "{}", path.display());
    }
}

#[test]
fn afleiden_seeds_derive() {
    for (path, bytes) in corpus("afleiden") {
        let d = check_extract(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(!d.import.rows.is_empty(), "{}", path.display());
    }
}

/// Every fuzz target has seeds and is run here on them (a target added without seeds, or
/// without a case above, fails).
#[test]
fn every_fuzz_target_has_a_seed_corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut targets: Vec<String> = std::fs::read_dir(root.join("fuzz_targets"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter_map(|p| Some(p.file_stem()?.to_str()?.to_string()))
        .collect();
    targets.sort();
    assert_eq!(targets, FUZZ_TARGETS);
    for target in FUZZ_TARGETS {
        assert!(!corpus(target).is_empty(), "{target}");
    }
}

/// The fuzz targets in `fuzz/fuzz_targets/`, each with a seed corpus and a check here.
const FUZZ_TARGETS: [&str; 6] = [
    "afleiden",
    "csv",
    "dataset_toml",
    "import_csv",
    "import_json",
    "session",
];

fn import_csv(bytes: &[u8]) -> Result<Import, ImportError> {
    check_import(IMPORT_CSV_NAME, bytes, TYPED_CSV_SIBLINGS)
}

fn import_json(bytes: &[u8]) -> Result<Import, ImportError> {
    check_import(IMPORT_JSON_NAME, bytes, CBS_JSON_SIBLINGS)
}

/// Anything the fuzzer found and was fixed is kept in `fuzz/regressions/<target>/`.
#[test]
fn fuzz_regressions_hold() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    for target in FUZZ_TARGETS {
        let Ok(entries) = std::fs::read_dir(root.join(target)) else {
            continue;
        };
        for entry in entries {
            let bytes = std::fs::read(entry.unwrap().path()).unwrap();
            match target {
                "csv" => drop(check_dataset(&bytes, SEED_META.as_bytes())),
                "dataset_toml" => drop(check_dataset(SEED_CSV.as_bytes(), &bytes)),
                "import_csv" => drop(import_csv(&bytes)),
                "import_json" => drop(import_json(&bytes)),
                "afleiden" => drop(check_extract(&bytes)),
                _ => drop(check_session(&bytes)),
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Random input: bytes, and edits of the seeds
// ---------------------------------------------------------------------------------------------

/// Bytes that matter to the parsers, plus any byte.
fn interesting_byte() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        3 => prop::sample::select(
            b",;\"'\r\n\t=[]{}#\\.-0123456789 ".to_vec()
        ).prop_map(|b| vec![b]),
        1 => any::<u8>().prop_map(|b| vec![b]),
        1 => prop::sample::select(vec![
            "\u{feff}", "é", "👩🏽‍⚕️", "\u{0}", "\u{7f}", "\"\"\"", "'''", "[[", "]]",
            "1e400", "NaN", "-0", "99999999999999999999", "2021-13", "2021-Q5",
        ]).prop_map(|s| s.as_bytes().to_vec()),
    ]
}

#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Replace(usize, Vec<u8>),
    /// Cut the file at this point.
    Truncate(usize),
    /// Repeat a stretch (a long line, many rows).
    Repeat(usize, usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (any::<usize>(), interesting_byte()).prop_map(|(at, b)| Edit::Insert(at, b)),
        2 => (any::<usize>(), 1usize..16).prop_map(|(at, n)| Edit::Delete(at, n)),
        3 => (any::<usize>(), interesting_byte()).prop_map(|(at, b)| Edit::Replace(at, b)),
        1 => any::<usize>().prop_map(Edit::Truncate),
        1 => (any::<usize>(), 1usize..80, 2usize..200).prop_map(|(at, n, k)| Edit::Repeat(at, n, k)),
    ]
}

fn apply(seed: &[u8], edits: &[Edit]) -> Vec<u8> {
    let mut bytes = seed.to_vec();
    for e in edits {
        let len = bytes.len();
        let at = |i: usize| if len == 0 { 0 } else { i % (len + 1) };
        match e {
            Edit::Insert(i, b) => {
                let i = at(*i);
                bytes.splice(i..i, b.iter().copied());
            }
            Edit::Delete(i, n) => {
                let i = at(*i);
                bytes.drain(i..(i + n).min(len));
            }
            Edit::Replace(i, b) if len > 0 => {
                let i = at(*i).min(len - 1);
                bytes.splice(i..i + 1, b.iter().copied());
            }
            Edit::Replace(..) => {}
            Edit::Truncate(i) => bytes.truncate(at(*i)),
            Edit::Repeat(i, n, k) => {
                let i = at(*i);
                let piece = bytes[i..(i + n).min(len)].to_vec();
                for _ in 0..*k {
                    bytes.splice(i..i, piece.iter().copied());
                }
            }
        }
    }
    bytes
}

fn seed(target: &str) -> impl Strategy<Value = Vec<u8>> + use<> {
    prop::sample::select(
        corpus(target)
            .into_iter()
            .map(|(_, b)| b)
            .collect::<Vec<_>>(),
    )
}

fn seed_session() -> impl Strategy<Value = Vec<u8>> {
    seed("session")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_as_reeksen_csv(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = check_dataset(&bytes, SEED_META.as_bytes());
    }

    #[test]
    fn edited_reeksen_csv(edits in prop::collection::vec(edit(), 1..6)) {
        let _ = check_dataset(&apply(SEED_CSV.as_bytes(), &edits), SEED_META.as_bytes());
    }

    #[test]
    fn any_text_as_dataset_toml(text in "(\\PC|[\r\n\t\"'=\\[\\]{}#,.])*") {
        let _ = check_dataset(SEED_CSV.as_bytes(), text.as_bytes());
    }

    #[test]
    fn edited_dataset_toml(edits in prop::collection::vec(edit(), 1..6)) {
        let _ = check_dataset(SEED_CSV.as_bytes(), &apply(SEED_META.as_bytes(), &edits));
    }

    #[test]
    fn any_bytes_as_session(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = check_session(&bytes);
    }

    #[test]
    fn edited_session(seed in seed_session(), edits in prop::collection::vec(edit(), 1..6)) {
        let _ = check_session(&apply(&seed, &edits));
    }
}

// Issue 16.12, the import formats: CBS TypedDataSet CSV and StatLine CSV (one reader sniffing
// both), CBS JSON v3 and v4, and the extract of `duiden afleiden`. Fewer cases: each reads
// companion files and, for the extract, runs a lazy scan.
proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_as_an_import_csv(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = import_csv(&bytes);
    }

    #[test]
    fn edited_import_csv(seed in seed("import_csv"), edits in prop::collection::vec(edit(), 1..6)) {
        let _ = import_csv(&apply(&seed, &edits));
    }

    #[test]
    fn any_bytes_as_an_import_json(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = import_json(&bytes);
    }

    #[test]
    fn edited_import_json(seed in seed("import_json"), edits in prop::collection::vec(edit(), 1..6)) {
        let _ = import_json(&apply(&seed, &edits));
    }

    #[test]
    fn any_bytes_as_an_extract(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = check_extract(&bytes);
    }

    #[test]
    fn edited_extract(seed in seed("afleiden"), edits in prop::collection::vec(edit(), 1..6)) {
        let _ = check_extract(&apply(&seed, &edits));
    }
}

// ---------------------------------------------------------------------------------------------
// load(save(s)) == s for whole sessions
// ---------------------------------------------------------------------------------------------

/// Text as typed or pasted: any characters, including control characters and TOML's quotes.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-zA-Zë0-9 ]{0,12}",
        1 => any::<String>(),
        1 => prop::collection::vec(
            prop::sample::select(vec!["\"", "'''", "\"\"\"", "\\", "\n", "\r\n", "\r", "\t", "#", "é"]),
            0..6,
        ).prop_map(|v| v.concat()),
    ]
}

fn time() -> impl Strategy<Value = LocalTime> {
    (0u8..24, 0u8..60, -12i8..14).prop_map(|(h, m, off)| {
        let sign = if off < 0 { '-' } else { '+' };
        format!(
            "2026-11-05T{h:02}:{m:02}:00{sign}{:02}:00",
            off.unsigned_abs()
        )
        .parse()
        .unwrap()
    })
}

/// Periods as files may hold them: mostly recent years, but any four-digit year a file can
/// name (the fuzzer found that year 0815 did not survive a save).
fn period() -> impl Strategy<Value = Period> {
    let year = prop_oneof![3 => 1990u16..2060, 1 => 0u16..10_000];
    (year, 0u8..4, 1u8..13)
        .prop_map(|(y, form, i)| match form {
            0 => format!("{y:04}"),
            1 => format!("{y:04}-{i:02}"),
            2 => format!("{y:04}-Q{}", 1 + i % 4),
            _ => format!("{y:04}-H{}", 1 + i % 2),
        })
        .prop_map(|p| Period::parse(&p).unwrap().0)
}

/// Criteria under the programme's ids and old ones, at any label.
fn criteria() -> impl Strategy<Value = Criteria> {
    let id = prop::sample::select(vec![
        "urgentie",
        "belasting",
        "relevantie",
        "breed_gedragen",
    ]);
    let level = prop_oneof![
        prop::sample::select(vec!["laag", "midden", "hoog"]).prop_map(String::from),
        text(),
    ];
    prop::collection::vec((id, level), 0..4).prop_map(|pairs| {
        pairs
            .into_iter()
            .fold(Criteria::default(), |c, (id, level)| c.with(id, &level))
    })
}

fn annotation() -> impl Strategy<Value = Annotation> {
    (
        prop::sample::select(AnnotationKind::ALL.to_vec()),
        (text(), prop::sample::select(Role::ALL.to_vec()), text()),
        (time(), criteria(), text()),
        (
            "[a-z]{1,8}",
            "[a-z_]{1,12}",
            prop::collection::vec(text(), 0..3),
        ),
        (period(), period()),
    )
        .prop_map(
            |(kind, (tekst, role, name), (time, criteria, owner), (d, i, bronnen), (a, b))| {
                let (from, to) = if a <= b { (a, b) } else { (b, a) };
                Annotation {
                    code: None,
                    answer: String::new(),
                    result: None,
                    links: Vec::new(),
                    id: 0,
                    kind,
                    text: tekst,
                    role,
                    name,
                    time,
                    status: None,
                    theme: owner.clone(),
                    support: vec![role],
                    disagree: Vec::new(),
                    owner,
                    criteria,
                    anchor: Anchor::new(&d, &i, bronnen, from, to),
                }
            },
        )
}

fn session_name() -> impl Strategy<Value = String> {
    "[a-z0-9-]{1,20}".prop_map(|s| format!("2026-{s}.toml"))
}

fn session() -> impl Strategy<Value = Session> {
    (
        (text(), (1990i16..2100, 1i8..13, 1i8..29), text()),
        prop::collection::vec(
            (text(), prop::sample::select(Role::ALL.to_vec()), text()),
            0..4,
        ),
        prop::collection::vec(("[a-z]{1,8}", "[a-z_]{1,12}", text()), 0..4),
        (text(), "[0-9a-f]{0,64}"),
        prop::collection::vec(annotation(), 0..6),
        prop::collection::vec(
            (
                session_name(),
                1u64..1_000_000,
                prop::option::of(prop::sample::select(QuestionStatus::ALL.to_vec())),
                time(),
                text(),
                prop::option::of(text()),
                criteria(),
            ),
            0..3,
        ),
        prop::collection::vec(
            (
                session_name(),
                1u64..100,
                session_name(),
                101u64..200,
                time(),
                text(),
            ),
            0..3,
        ),
    )
        .prop_map(
            |(
                (title, (y, m, d), facilitator),
                people,
                agenda,
                (pad, hash),
                notes,
                changes,
                merges,
            )| {
                let date = jiff::civil::date(y, m, d);
                let mut s = Session::new(&title, date, DatasetRef { path: pad, hash });
                s.facilitator = facilitator;
                s.participants = people
                    .into_iter()
                    .map(|(name, role, organisation)| Participant {
                        name,
                        role,
                        organisation,
                    })
                    .collect();
                s.agenda = agenda
                    .into_iter()
                    .map(|(domain, indicator, note)| AgendaItem {
                        domain,
                        indicator,
                        note,
                        ..Default::default()
                    })
                    .collect();
                for n in notes {
                    s.add(n);
                }
                s.changes = changes
                    .into_iter()
                    .map(
                        |(session, id, status, time, by, owner, criteria)| ItemChange {
                            answer: String::new(),
                            result: None,
                            links: Vec::new(),
                            session,
                            id,
                            status,
                            time,
                            by,
                            note: String::new(),
                            owner,
                            theme: None,
                            support: None,
                            disagree: None,
                            criteria,
                        },
                    )
                    .collect();
                s.merges = merges
                    .into_iter()
                    .map(|(session, id, into_session, into_id, time, by)| Merge {
                        session,
                        id,
                        into_session,
                        into_id,
                        time,
                        by,
                    })
                    .collect();
                s
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Every session the program can hold saves, and its file loads back as the same session
    /// (and as a file passes every invariant of a loaded file).
    #[test]
    fn load_of_save_is_the_session(s in session()) {
        let dir = tempfile::tempdir().unwrap();
        invariants::assert_round_trip(dir.path(), &s);
        let text = duiden::session::store::to_toml(&s).unwrap();
        let back = check_session(text.as_bytes()).unwrap();
        prop_assert_eq!(back, s);
    }
}

/// Found by the `session` fuzz target: a file may name year 0815 (four digits, as required), but
/// the period was written back as "815-01", which no load accepts, so every save was refused.
#[test]
fn a_year_before_1000_is_written_as_it_is_read() {
    for code in ["0815-01", "0815-Q3", "0815-H2", "0815", "0000-12"] {
        let (p, _) = Period::parse(code).unwrap();
        assert_eq!(p.code(), code);
        assert_eq!(Period::parse(&p.code()).unwrap().0, p);
    }
}
