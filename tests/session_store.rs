//! The session store: round trips, crash safety (including SIGKILL during saves), refusing
//! corrupted files, locking, follow-up of open items, the minutes, and the example session.

use duiden::analysis::MismatchKind;
use duiden::load::load_dataset;
use duiden::model::{Dataset, Granularity, Period, ViewKind};
use duiden::report::Minutes;
use duiden::session::store::{self, LockOutcome, SessionError};
use duiden::session::{
    AgendaItem, Anchor, Annotation, AnnotationKind, Criteria, DatasetRef, Difference, ItemChange,
    LocalTime, Participant, QuestionStatus, Role, Session,
};
use proptest::prelude::*;
use std::fs;
use std::io;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const EXAMPLE: &str = "sessions/2026-11-05-duiden-van-data-jeugd-en-wmo.toml";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn dataset_ref() -> DatasetRef {
    DatasetRef {
        path: "datasets/voorbeeld".into(),
        hash: "0123456789abcdef".into(),
    }
}

fn t(text: &str) -> LocalTime {
    text.parse().unwrap()
}

fn d(text: &str) -> jiff::civil::Date {
    text.parse().unwrap()
}

fn p(code: &str) -> Period {
    Period::parse(code).unwrap().0
}

fn anchor(domein: &str, indicator: &str, bronnen: &[&str], van: &str, tot: Option<&str>) -> Anchor {
    Anchor::new(
        domein,
        indicator,
        bronnen.iter().map(|b| b.to_string()).collect(),
        p(van),
        p(tot.unwrap_or(van)),
    )
}

/// Markdown minutes; `history` `None` when the folder was not consulted.
fn minutes_md(
    s: &Session,
    file: &str,
    history: Option<&[(String, Session)]>,
    dataset: Option<&Dataset>,
) -> String {
    duiden::report::minutes::markdown(&Minutes::build(s, file, history, dataset))
}

fn note(soort: AnnotationKind, tekst: &str, rol: Role, anker: Anchor) -> Annotation {
    Annotation {
        code: None,
        answer: String::new(),
        result: None,
        links: Vec::new(),
        id: 0,
        kind: soort,
        text: tekst.into(),
        role: rol,
        name: String::new(),
        time: t("2026-11-05T10:00:00+01:00"),
        status: None,
        owner: String::new(),
        theme: String::new(),
        support: Vec::new(),
        disagree: Vec::new(),
        criteria: Criteria::default(),
        anchor: anker,
    }
}

fn status_change(sessie: &str, id: u64, status: QuestionStatus, tijd: &str) -> ItemChange {
    ItemChange::status(sessie, id, status, t(tijd))
}

/// A session with every field filled.
fn full_session() -> Session {
    let mut s = Session::new(
        "Duiden van data: jeugd & Wmo",
        d("2026-11-05"),
        dataset_ref(),
    );
    s.facilitator = "Marieke van den Berg".into();
    s.participants = vec![
        Participant {
            name: "Marieke van den Berg".into(),
            role: Role::Overig,
            organisation: "Gemeente Eindhoven, programmaleider".into(),
        },
        Participant {
            name: "Youssef".into(),
            role: Role::Toegang,
            organisation: String::new(),
        },
    ];
    s.agenda = vec![AgendaItem {
        domain: "jeugd".into(),
        indicator: "instroom".into(),
        note: "Bronnen naast elkaar".into(),
        ..Default::default()
    }];
    let mut a = note(
        AnnotationKind::Verklaring,
        "Regel één\nregel \"twee\" met ''' en \\",
        Role::Aanbieder,
        anchor(
            "jeugd",
            "instroom",
            &["gemeente-registratie", "aanbieders-maandrapportage"],
            "2021-06",
            Some("2021-12"),
        ),
    );
    a.name = "Sanne".into();
    // Made in the comparison per quarter, on a named difference; with an old sentence too.
    a.anchor.view = ViewKind::Compare;
    a.anchor.granularity = Some(Granularity::Quarter);
    a.anchor.reference = Some("gemeente-registratie".into());
    a.anchor.differences = vec![Difference {
        kind: MismatchKind::Unexplained,
        period: p("2021-Q3"),
        reference: "gemeente-registratie".into(),
        source: "aanbieders-maandrapportage".into(),
        reference_value: Some(1204.0),
        value: Some(1302.5),
        unit: "aantal".into(),
    }];
    a.anchor.legacy_difference = "gemeente loopt een maand achter".into();
    s.add(a);
    let mut q = note(
        AnnotationKind::Onderzoeksvraag,
        "Waar gaan jongeren heen na afschalen?",
        Role::Beleid,
        anchor("jeugd", "uitstroom", &[], "2022", None),
    );
    q.owner = "BiO".into();
    s.add(q);
    s.changes = vec![ItemChange {
        answer: String::new(),
        result: None,
        links: Vec::new(),
        by: "Marieke".into(),
        note: "Komt op de agenda".into(),
        ..status_change(
            "2026-09-10-x.toml",
            3,
            QuestionStatus::Geagendeerd,
            "2026-11-05T10:05:00+01:00",
        )
    }];
    s
}

// ---------------------------------------------------------------------------------------------
// Round trips
// ---------------------------------------------------------------------------------------------

#[test]
fn session_round_trips_through_toml() {
    let s = full_session();
    let text = store::to_toml(&s).unwrap();
    assert_eq!(store::parse(Path::new("x.toml"), &text).unwrap(), s);
    // The text itself is stable: saving what was loaded gives the same bytes.
    let again = store::to_toml(&store::parse(Path::new("x.toml"), &text).unwrap()).unwrap();
    assert_eq!(again, text);
    // Readable: multi-line text is not one escaped line.
    assert!(text.contains("tekst = \"\"\"\nRegel één\n"), "{text}");
}

#[test]
fn save_then_load_is_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.toml");
    let s = full_session();
    store::save_atomic(&path, &s).unwrap();
    assert_eq!(store::load(&path).unwrap(), s);
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["s.toml"], "no temporary files left");
}

#[test]
fn very_long_text_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lang.toml");
    let mut s = full_session();
    let long: String = "ëé🎉\"'''\\\n\r\t\u{1b}x"
        .chars()
        .cycle()
        .take(10_000)
        .collect();
    s.add(note(
        AnnotationKind::Observatie,
        &long,
        Role::Analist,
        anchor("wmo", "kosten", &["x"], "2022-01", None),
    ));
    store::save_atomic(&path, &s).unwrap();
    assert_eq!(store::load(&path).unwrap(), s);
}

/// Text as people type or paste it: accents, emoji, quotes of every TOML kind, backslashes and
/// escape-looking sequences, line breaks of every kind, tabs and other control characters.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[a-zA-Z0-9 ]{1,8}",
        1 => Just("ë".to_string()),
        1 => Just("é".to_string()),
        1 => Just("🎉".to_string()),
        1 => Just("👩🏽‍⚕️".to_string()),
        1 => Just("\"".to_string()),
        1 => Just("\"\"\"".to_string()),
        1 => Just("'".to_string()),
        1 => Just("'''".to_string()),
        1 => Just("\\".to_string()),
        1 => Just("\\n".to_string()),
        1 => Just("\\u00e9".to_string()),
        1 => Just("\n".to_string()),
        1 => Just("\r\n".to_string()),
        1 => Just("\r".to_string()),
        1 => Just("\t".to_string()),
        1 => Just("#".to_string()),
        1 => Just("[[x]]".to_string()),
        1 => Just("|".to_string()),
        1 => any::<char>().prop_map(String::from),
    ];
    prop_oneof![
        20 => prop::collection::vec(piece, 0..24).prop_map(|v| v.concat()),
        1 => "(?s).{1,64}".prop_map(|s| s.repeat(10_000 / s.chars().count().max(1) + 1)
            .chars()
            .take(10_000)
            .collect()),
    ]
}

fn period() -> impl Strategy<Value = Period> {
    prop_oneof![
        (2015i32..2030, 1u8..=12).prop_map(|(y, m)| Period::month(y, m)),
        (2015i32..2030, 1u8..=4).prop_map(|(y, q)| Period::quarter(y, q)),
        (2015i32..2030, 1u8..=2).prop_map(|(y, h)| Period::half(y, h)),
        (2015i32..2030).prop_map(Period::year),
    ]
}

/// Local times with offsets from UTC−12 to UTC+14, at whole or half hours.
fn time() -> impl Strategy<Value = LocalTime> {
    (
        2020i32..2030,
        1u8..=12,
        1u8..=28,
        0u8..24,
        0u8..60,
        0u8..60,
        -24i32..=28,
    )
        .prop_map(|(y, mo, d, h, mi, s, half_hours)| {
            let sign = if half_hours < 0 { '-' } else { '+' };
            let minutes = half_hours.unsigned_abs() * 30;
            format!(
                "{y}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{sign}{:02}:{:02}",
                minutes / 60,
                minutes % 60
            )
            .parse()
            .unwrap()
        })
}

/// Figures as a comparison has them: absent, whole, with decimals, negative, huge.
fn value() -> impl Strategy<Value = Option<f64>> {
    prop::option::of(prop_oneof![
        (-1_000_000i64..1_000_000).prop_map(|v| v as f64),
        (-1e9f64..1e9),
        Just(0.1 + 0.2),
        Just(1e300),
    ])
}

fn difference() -> impl Strategy<Value = Difference> {
    (
        prop::sample::select(MismatchKind::ALL.to_vec()),
        period(),
        "[a-z-]{0,12}",
        "[a-z-]{0,12}",
        value(),
        value(),
        text(),
    )
        .prop_map(
            |(kind, period, reference, source, reference_value, value, unit)| Difference {
                kind,
                period,
                reference,
                source,
                reference_value,
                value,
                unit,
            },
        )
}

/// Criteria under the programme's ids, old ids and any id, with any label: the session keeps
/// whatever was weighed.
fn criteria() -> impl Strategy<Value = Criteria> {
    let id = prop_oneof![
        prop::sample::select(vec![
            "urgentie",
            "kennishiaat",
            "belasting",
            "relevantie",
            "breed_gedragen"
        ])
        .prop_map(String::from),
        "[a-z_]{1,12}",
    ];
    let level = prop_oneof![
        prop::sample::select(vec!["laag", "midden", "hoog"]).prop_map(String::from),
        text(),
    ];
    prop::collection::vec((id, level), 0..5).prop_map(|pairs| {
        pairs
            .into_iter()
            .fold(Criteria::default(), |c, (id, level)| c.with(&id, &level))
    })
}

fn annotation() -> impl Strategy<Value = Annotation> {
    (
        (
            prop::sample::select(AnnotationKind::ALL.to_vec()),
            text(),
            prop::sample::select(Role::ALL.to_vec()),
            text(),
            time(),
        ),
        prop::option::of(prop::sample::select(QuestionStatus::ALL.to_vec())),
        text(),
        criteria(),
        (
            "[a-z]{1,10}",
            text(),
            prop::collection::vec(text(), 0..3),
            period(),
            prop::option::of(period()),
        ),
        (
            prop::option::of(prop::sample::select(Granularity::ALL.to_vec())),
            prop::option::of(text()),
            prop::sample::select(vec![
                ViewKind::Trend,
                ViewKind::Compare,
                ViewKind::Season,
                ViewKind::Parts,
                ViewKind::Stacked,
                ViewKind::PartsChange,
                ViewKind::Places,
            ]),
            text(),
            prop::collection::vec(difference(), 0..3),
        ),
    )
        .prop_map(
            |(
                (soort, tekst, rol, naam, time),
                status,
                eigenaar,
                criteria,
                (domein, indicator, bronnen, from, to),
                (granularity, reference, view, legacy_difference, differences),
            )| {
                // Keep ranges forward: the store refuses tot before van.
                let to = to.filter(|t| *t >= from);
                Annotation {
                    code: None,
                    answer: String::new(),
                    result: None,
                    links: Vec::new(),
                    id: 0,
                    kind: soort,
                    text: tekst,
                    role: rol,
                    name: naam,
                    time,
                    status,
                    owner: eigenaar.clone(),
                    // Any theme, and readings that differ per role.
                    theme: eigenaar,
                    support: vec![rol],
                    disagree: Role::ALL
                        .into_iter()
                        .filter(|r| *r != rol)
                        .take(2)
                        .collect(),
                    criteria,
                    anchor: Anchor {
                        domain: domein,
                        indicator,
                        sources: bronnen,
                        from,
                        to,
                        granularity,
                        reference,
                        region: None,
                        view,
                        transform: None,
                        dimension: None,
                        legacy_difference,
                        differences,
                    },
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn random_annotations_survive_save_and_load(
        titel in text(),
        facilitator in text(),
        notes in prop::collection::vec(annotation(), 0..6),
        changes in prop::collection::vec(
            (
                text(),
                1u64..50,
                prop::option::of(prop::sample::select(QuestionStatus::ALL.to_vec())),
                text(),
                text(),
                prop::option::of(text()),
                criteria(),
            ),
            0..3,
        ),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.toml");
        let mut s = Session::new(&titel, d("2026-11-05"), dataset_ref());
        s.facilitator = facilitator;
        for n in notes {
            s.add(n);
        }
        s.changes = changes
            .into_iter()
            .map(|(sessie, id, status, door, toelichting, eigenaar, criteria)| ItemChange {
                answer: String::new(),
                result: None,
                links: Vec::new(),
                session: format!("x{sessie}"),
                id,
                status,
                time: t("2026-11-05T10:15:00+01:00"),
                by: door,
                note: toelichting,
                owner: eigenaar,
                theme: None,
                support: None,
                disagree: None,
                criteria,
            })
            .collect();
        store::save_atomic(&path, &s).unwrap();
        let loaded = store::load(&path).unwrap();
        prop_assert_eq!(&loaded, &s);
        // And byte-stable on a second save.
        let first = fs::read(&path).unwrap();
        store::save_atomic(&path, &loaded).unwrap();
        prop_assert_eq!(fs::read(&path).unwrap(), first);
    }
}

// ---------------------------------------------------------------------------------------------
// Crash safety
// ---------------------------------------------------------------------------------------------

fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn failure_before_rename_keeps_the_previous_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.toml");
    let old = full_session();
    store::save_atomic(&path, &old).unwrap();
    let old_bytes = fs::read(&path).unwrap();

    let mut new = old.clone();
    new.add(note(
        AnnotationKind::Actie,
        "nieuw",
        Role::Beleid,
        anchor("jeugd", "kosten", &[], "2023", None),
    ));
    let new_text = store::to_toml(&new).unwrap();
    let e = store::write_atomic_with(&path, new_text.as_bytes(), || {
        Err(io::Error::other("schijf vol (gesimuleerd)"))
    })
    .unwrap_err();
    assert!(matches!(e, SessionError::Io { .. }), "{e}");
    assert!(e.to_string().contains("s.toml"), "{e}");
    assert_eq!(fs::read(&path).unwrap(), old_bytes);
    assert_eq!(store::load(&path).unwrap(), old);
    assert_eq!(
        files_in(dir.path()),
        ["s.toml"],
        "temporary file cleaned up"
    );

    // A "crash" (panic) at the same point leaves a temporary file but never a broken target.
    let crashed = std::panic::catch_unwind(|| {
        let _ =
            store::write_atomic_with(&path, new_text.as_bytes(), || panic!("stroom uitgevallen"));
    });
    assert!(crashed.is_err());
    assert_eq!(fs::read(&path).unwrap(), old_bytes);
    let listed = store::list(dir.path());
    assert_eq!(
        listed.len(),
        1,
        "the leftover temporary file is not a session"
    );
    assert_eq!(listed[0].1.as_ref().unwrap(), &old);

    // And the next save goes through.
    store::save_atomic(&path, &new).unwrap();
    assert_eq!(store::load(&path).unwrap(), new);
}

/// Unix only: symlinks on Windows need extra rights; there the test does not exist rather than
/// pass without checking anything.
#[cfg(unix)]
#[test]
fn saves_write_through_a_symlink() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("echt.toml");
    let link = dir.path().join("link.toml");
    store::save_atomic(&real, &full_session()).unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let mut s = full_session();
    s.title = "via de link".into();
    store::save_atomic(&link, &s).unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(store::load(&real).unwrap().title, "via de link");
}

/// Set in the child processes of the kill test: they run the writer loop instead of the test.
const WRITER_ENV: &str = "DUIDEN_KILL_WRITER";

/// The child of `sigkill_during_saves_never_corrupts`: locks the session and saves a new
/// annotation in a loop until it is killed.
fn writer_loop(path: &Path) -> ! {
    let _lock = match store::acquire(path).unwrap() {
        LockOutcome::Acquired(l) => l,
        other => panic!("writer did not get the lock: {other:?}"),
    };
    let mut s = store::load(path).unwrap();
    let filler = "Aanbieders zien de instroom eerder dan de gemeente. ".repeat(40);
    loop {
        let n = s.next_id();
        s.add(note(
            AnnotationKind::Observatie,
            &format!("aantekening {n}\n{filler}"),
            Role::Toegang,
            anchor(
                "jeugd",
                "instroom",
                &["gemeente-registratie"],
                "2021-03",
                None,
            ),
        ));
        store::save_atomic(path, &s).unwrap();
    }
}

/// A child process that is killed (SIGKILL on Unix, TerminateProcess on Windows) when the test
/// ends, also when it fails.
struct Killed(std::process::Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Runs this test binary again with only `test` and `env` set: the test then plays the child.
fn spawn_self(test: &str, env: (&str, &Path)) -> Killed {
    Killed(
        Command::new(std::env::current_exe().unwrap())
            .args(["--exact", test, "--nocapture", "--test-threads=1"])
            .env(env.0, env.1)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    )
}

/// Annotation count in the file, checking it is complete: ids exactly 1..=n.
fn check_complete(path: &Path) -> u64 {
    let s = store::load(path).unwrap_or_else(|e| panic!("file broken after kill: {e}"));
    let ids: Vec<u64> = s.annotations.iter().map(|a| a.id).collect();
    let n = ids.len() as u64;
    assert_eq!(ids, (1..=n).collect::<Vec<_>>(), "ids not contiguous");
    for a in &s.annotations {
        assert!(a.text.starts_with(&format!("aantekening {}\n", a.id)));
        assert!(a.text.ends_with("dan de gemeente. "), "text cut off");
    }
    n
}

#[test]
fn sigkill_during_saves_never_corrupts() {
    use rand::Rng;
    if let Some(path) = std::env::var_os(WRITER_ENV) {
        writer_loop(Path::new(&path));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("2026-11-05-kill.toml");
    store::save_atomic(&path, &Session::new("Kill", d("2026-11-05"), dataset_ref())).unwrap();
    let mut rng = rand::rng();
    let mut count = 0;
    for round in 0..5 {
        let mut writer = spawn_self("sigkill_during_saves_never_corrupts", (WRITER_ENV, &path));
        let child = &mut writer.0;
        // Wait until this child has saved at least once, then let it run a little while.
        let start = Instant::now();
        while check_complete(&path) <= count {
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "writer made no progress in round {round}"
            );
            if let Some(status) = child.try_wait().unwrap() {
                panic!("writer exited early: {status}");
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        // Meanwhile the session is the writer's: a second opener is told who has it.
        match store::acquire(&path).unwrap() {
            LockOutcome::HeldBy { pid, .. } => assert_eq!(pid, child.id(), "round {round}"),
            LockOutcome::Acquired(_) => panic!("round {round}: lock of a running writer taken"),
        }
        std::thread::sleep(Duration::from_millis(rng.random_range(0..80)));
        drop(writer); // SIGKILL

        let n = check_complete(&path);
        assert!(n > count, "round {round}: {n} annotations, had {count}");
        count = n;
        // The killed writer's lock files are still there, but the OS lock died with it.
        assert!(store::lock_path(&path).exists());
        match store::acquire(&path).unwrap() {
            LockOutcome::Acquired(lock) => drop(lock),
            other => panic!("round {round}: lock of a killed writer not free: {other:?}"),
        }
    }
    assert!(count >= 5);
    // Kills during a write leave a temporary file behind, never a second or broken session.
    let leftovers = files_in(dir.path())
        .iter()
        .filter(|f| f.ends_with(".tmp"))
        .count();
    eprintln!("{count} annotations after 5 kills; {leftovers} kills landed mid-write");
    assert_eq!(store::list(dir.path()).len(), 1);
}

// ---------------------------------------------------------------------------------------------
// Refusing broken files
// ---------------------------------------------------------------------------------------------

/// Loads `text` from a file and expects a parse error at (line, column), with the file unchanged.
fn refused_at(text: &str, line: usize, column: usize) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kapot.toml");
    fs::write(&path, text).unwrap();
    let before = fs::read(&path).unwrap();
    let e = store::load(&path).unwrap_err();
    match &e {
        SessionError::Parse {
            path: p,
            line: l,
            column: c,
            ..
        } => {
            assert_eq!(p, &path);
            assert_eq!((*l, *c), (line, column), "{e}\n---\n{text}");
        }
        other => panic!("expected a parse error, got {other}"),
    }
    let shown = e.to_string();
    assert!(
        shown.contains(&format!("kapot.toml:{line}:{column}: ")),
        "{shown}"
    );
    // Nothing in the store writes to a file that failed to load.
    let _ = store::list(dir.path());
    let _ = store::todays_sessions(dir.path(), d("2026-11-05"));
    if let Ok(LockOutcome::Acquired(lock)) = store::acquire(&path) {
        drop(lock);
    }
    assert_eq!(fs::read(&path).unwrap(), before, "file was modified");
    assert_eq!(files_in(dir.path()), ["kapot.toml"]);
    shown
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

#[test]
fn corrupted_files_are_refused_with_line_and_column() {
    let good = store::to_toml(&full_session()).unwrap();

    // A string cut off (as if half-written by another tool).
    let cut = &good[..good.find("Regel één").unwrap() + 5];
    refused_at(cut, line_of(cut, "Regel"), 6);

    // Unquoted value.
    let t = good.replacen("soort = \"verklaring\"", "soort = verklaring", 1);
    let msg = refused_at(&t, line_of(&t, "soort = verklaring"), 9);
    assert!(!msg.is_empty());

    // Unknown kind: serde names the expected ones.
    let t = good.replacen("soort = \"verklaring\"", "soort = \"mening\"", 1);
    let msg = refused_at(&t, line_of(&t, "mening"), 9);
    assert!(msg.contains("observatie"), "{msg}");

    // Unknown field (a typo) is not silently dropped.
    let t = good.replacen("eigenaar = ", "eigenar = ", 1);
    let msg = refused_at(&t, line_of(&t, "eigenar"), 1);
    assert!(msg.contains("eigenar"), "{msg}");

    // A period that does not parse.
    let t = good.replacen("van = \"2021-06\"", "van = \"juni 2021\"", 1);
    let msg = refused_at(&t, line_of(&t, "juni 2021"), 7);
    assert!(
        msg.contains("juni 2021") && msg.contains("2021KW01"),
        "{msg}"
    );

    // Two annotations with one id.
    let t = good.replacen("id = 2", "id = 1", 1);
    let second = t
        .lines()
        .enumerate()
        .filter(|(_, l)| *l == "id = 1")
        .nth(1)
        .unwrap()
        .0;
    let msg = refused_at(&t, second + 1, 6);
    assert!(msg.contains("twee keer"), "{msg}");

    // Not UTF-8.
    let mut bytes = good.clone().into_bytes();
    let at = good.find("Regel").unwrap();
    bytes[at] = 0xff;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kapot.toml");
    fs::write(&path, &bytes).unwrap();
    let e = store::load(&path).unwrap_err();
    assert!(
        e.to_string()
            .contains(&format!(":{}:1:", line_of(&good, "Regel één"))),
        "{e}"
    );
    assert_eq!(fs::read(&path).unwrap(), bytes);
}

#[test]
fn newer_format_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nieuw.toml");
    let text = store::to_toml(&full_session())
        .unwrap()
        .replace("formaat = 4", "formaat = 7\nonbekend_veld = 3");
    fs::write(&path, &text).unwrap();
    let e = store::load(&path).unwrap_err();
    assert!(
        matches!(
            e,
            SessionError::TooNew {
                found: 7,
                supported: 4,
                ..
            }
        ),
        "{e}"
    );
    let shown = e.to_string();
    assert!(
        shown.contains("nieuw.toml") && shown.contains('7'),
        "{shown}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn missing_file_is_an_io_error_naming_it() {
    let e = store::load(Path::new("/bestaat/niet.toml")).unwrap_err();
    assert!(matches!(e, SessionError::Io { .. }));
    assert!(e.to_string().contains("/bestaat/niet.toml"), "{e}");
}

// ---------------------------------------------------------------------------------------------
// Locking
// ---------------------------------------------------------------------------------------------

#[test]
fn lock_is_exclusive_and_released_on_drop() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.toml");
    let lock = match store::acquire(&path).unwrap() {
        LockOutcome::Acquired(l) => l,
        other => panic!("{other:?}"),
    };
    assert_eq!(lock.path(), store::lock_path(&path));
    assert!(store::lock_path(&path).exists());
    assert_eq!(lock.guard_path(), dir.path().join(".s.toml.lock"));
    match store::acquire(&path).unwrap() {
        LockOutcome::HeldBy {
            user,
            host,
            pid,
            since,
        } => {
            assert_eq!(user, store::user_name());
            assert_eq!(host, store::hostname());
            assert_eq!(pid, std::process::id());
            assert_eq!(since, lock.since());
        }
        LockOutcome::Acquired(_) => panic!("second acquire succeeded"),
    }
    drop(lock);
    assert_eq!(
        files_in(dir.path()),
        Vec::<String>::new(),
        "both lock files gone"
    );
    assert!(matches!(
        store::acquire(&path).unwrap(),
        LockOutcome::Acquired(_)
    ));
    assert!(
        !store::lock_path(&path).exists(),
        "dropped at end of statement"
    );
}

/// What a crash leaves: both lock files, naming a process that no longer holds the OS lock.
fn crashed_holder(path: &Path, host: &str) -> String {
    let stale = format!(
        "user = \"iemand\"\nhost = \"{host}\"\npid = 999999999\nsince = \"2026-11-05T09:00:00+01:00\"\n"
    );
    fs::write(store::lock_path(path), &stale).unwrap();
    fs::write(store::guard_path(path), "").unwrap();
    stale
}

#[test]
fn stale_lock_is_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.toml");
    crashed_holder(&path, &store::hostname());
    let lock = match store::acquire(&path).unwrap() {
        LockOutcome::Acquired(l) => l,
        other => panic!("{other:?}"),
    };
    let text = fs::read_to_string(store::lock_path(&path)).unwrap();
    assert!(
        text.contains(&format!("pid = {}\n", std::process::id())),
        "{text}"
    );
    drop(lock);
    assert_eq!(files_in(dir.path()), Vec::<String>::new());
}

/// A lock file naming another machine used to be respected forever (whether that process still
/// ran could not be known), leaving the session read-only for good after a crash there. Now the
/// OS lock decides, also over a network share: nobody holds it, so the session is free.
#[test]
fn crashed_lock_of_another_host_is_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.toml");
    let stale = crashed_holder(&path, "laptop-van-iemand-anders");
    let lock = match store::acquire(&path).unwrap() {
        LockOutcome::Acquired(l) => l,
        other => panic!("{other:?}"),
    };
    let text = fs::read_to_string(store::lock_path(&path)).unwrap();
    assert_ne!(text, stale);
    assert!(
        text.contains(&format!("host = \"{}\"", store::hostname())),
        "{text}"
    );
    drop(lock);
}

/// Set in the child process of `lock_held_in_another_process_until_it_is_killed`.
const HOLDER_ENV: &str = "DUIDEN_LOCK_HOLDER";

#[test]
fn lock_held_in_another_process_until_it_is_killed() {
    if let Some(path) = std::env::var_os(HOLDER_ENV) {
        let _lock = match store::acquire(Path::new(&path)).unwrap() {
            LockOutcome::Acquired(l) => l,
            other => panic!("holder did not get the lock: {other:?}"),
        };
        loop {
            std::thread::sleep(Duration::from_secs(3600));
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.toml");
    let holder = spawn_self(
        "lock_held_in_another_process_until_it_is_killed",
        (HOLDER_ENV, &path),
    );
    // Ready once the holder file names the child (never acquire before: we would get it).
    let start = Instant::now();
    let pid_line = format!("pid = {}\n", holder.0.id());
    while !fs::read_to_string(store::lock_path(&path)).is_ok_and(|t| t.contains(&pid_line)) {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "holder never locked"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    for _ in 0..2 {
        match store::acquire(&path).unwrap() {
            LockOutcome::HeldBy {
                user,
                host,
                pid,
                since,
            } => {
                assert_eq!(pid, holder.0.id());
                assert_eq!(user, store::user_name());
                assert_eq!(host, store::hostname());
                assert!(
                    jiff::Timestamp::strptime("%Y-%m-%dT%H:%M:%S%:z", &since).is_ok(),
                    "{since}"
                );
            }
            LockOutcome::Acquired(_) => panic!("lock of a live process taken"),
        }
    }
    drop(holder); // kill -9
    // Nothing cleaned up after the holder, yet the session is free at once.
    assert!(store::lock_path(&path).exists() && store::guard_path(&path).exists());
    let lock = match store::acquire(&path).unwrap() {
        LockOutcome::Acquired(l) => l,
        other => panic!("lock of a killed process not free: {other:?}"),
    };
    assert_eq!(lock.pid(), std::process::id());
    let text = fs::read_to_string(store::lock_path(&path)).unwrap();
    assert!(
        text.contains(&format!("pid = {}\n", std::process::id())),
        "{text}"
    );
}

#[test]
fn drop_leaves_a_lock_that_is_no_longer_ours() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.toml");
    let lock = match store::acquire(&path).unwrap() {
        LockOutcome::Acquired(l) => l,
        other => panic!("{other:?}"),
    };
    let theirs = "pid = 1\nhost = \"elders\"\nsince = \"x\"\n";
    fs::write(store::lock_path(&path), theirs).unwrap();
    drop(lock);
    assert_eq!(fs::read_to_string(store::lock_path(&path)).unwrap(), theirs);
}

// ---------------------------------------------------------------------------------------------
// The session folder
// ---------------------------------------------------------------------------------------------

#[test]
fn session_paths_are_free_and_readable() {
    let dir = tempfile::tempdir().unwrap();
    let p1 = store::session_path(dir.path(), d("2026-11-05"), "Duiden van data: jeugd & Wmo!");
    assert_eq!(
        p1,
        dir.path().join("2026-11-05-duiden-van-data-jeugd-wmo.toml")
    );
    store::save_atomic(&p1, &full_session()).unwrap();
    let p2 = store::session_path(dir.path(), d("2026-11-05"), "Duiden van data: jeugd & Wmo!");
    assert_eq!(
        p2,
        dir.path()
            .join("2026-11-05-duiden-van-data-jeugd-wmo-2.toml")
    );
    store::save_atomic(&p2, &full_session()).unwrap();
    let p3 = store::session_path(dir.path(), d("2026-11-05"), "Duiden van data: jeugd & Wmo!");
    assert_eq!(
        p3,
        dir.path()
            .join("2026-11-05-duiden-van-data-jeugd-wmo-3.toml")
    );
    assert_eq!(
        store::session_path(dir.path(), d("2026-11-05"), "???"),
        dir.path().join("2026-11-05-sessie.toml")
    );
}

#[test]
fn list_and_todays_sessions() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut today = full_session();
    today.date = self::d("2026-11-05");
    let mut earlier = full_session();
    earlier.date = self::d("2026-09-10");
    store::save_atomic(&d.join("2026-11-05-b.toml"), &today).unwrap();
    store::save_atomic(&d.join("2026-09-10-a.toml"), &earlier).unwrap();
    fs::write(d.join("2026-11-05-kapot.toml"), "titel = ").unwrap();
    fs::write(d.join("2026-11-05-b.toml.lock"), "pid = 1").unwrap();
    fs::write(d.join(".2026-11-05-b.toml.123-0.tmp"), "half").unwrap();
    fs::write(d.join("notities.md"), "x").unwrap();
    fs::create_dir(d.join("map.toml")).unwrap();

    let listed = store::list(d);
    let names: Vec<String> = listed
        .iter()
        .map(|(p, _)| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "2026-09-10-a.toml",
            "2026-11-05-b.toml",
            "2026-11-05-kapot.toml"
        ]
    );
    assert!(listed[0].1.is_ok() && listed[1].1.is_ok());
    assert!(matches!(
        listed[2].1,
        Err(SessionError::Parse { line: 1, .. })
    ));

    let todays = store::todays_sessions(d, self::d("2026-11-05"));
    assert_eq!(
        todays,
        [d.join("2026-11-05-b.toml"), d.join("2026-11-05-kapot.toml")]
    );
    assert!(store::todays_sessions(d, self::d("2027-01-01")).is_empty());
    assert!(store::list(&d.join("bestaat-niet")).is_empty());
    assert_eq!(store::list_ok(d).len(), 2);
}

/// Three sessions on one dataset: questions and actions carry over until a later session changes
/// their status.
#[test]
fn previous_open_items_follow_status_changes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let a = anchor(
        "jeugd",
        "instroom",
        &["gemeente-registratie"],
        "2021-06",
        Some("2021-12"),
    );

    let mut s1 = Session::new("Eerste", self::d("2026-07-02"), dataset_ref());
    s1.add(note(
        AnnotationKind::Observatie,
        "obs",
        Role::Toegang,
        a.clone(),
    )); // 1
    s1.add(note(
        AnnotationKind::Onderzoeksvraag,
        "vraag 1",
        Role::Aanbieder,
        a.clone(),
    )); // 2
    s1.add(note(
        AnnotationKind::Actie,
        "actie 1",
        Role::Beleid,
        a.clone(),
    )); // 3
    let mut answered = note(
        AnnotationKind::Onderzoeksvraag,
        "al beantwoord",
        Role::Beleid,
        a.clone(),
    );
    answered.status = Some(QuestionStatus::Beantwoord);
    s1.add(answered); // 4
    let mut scheduled = note(
        AnnotationKind::Onderzoeksvraag,
        "geagendeerd",
        Role::Analist,
        a.clone(),
    );
    scheduled.status = Some(QuestionStatus::Geagendeerd);
    s1.add(scheduled); // 5
    store::save_atomic(&d.join("2026-07-02-eerste.toml"), &s1).unwrap();

    // Same data folder under another path but the same content: still the same dataset.
    let mut s2 = Session::new(
        "Tweede",
        self::d("2026-09-10"),
        DatasetRef {
            path: "/elders/voorbeeld".into(),
            hash: dataset_ref().hash,
        },
    );
    s2.add(note(
        AnnotationKind::Onderzoeksvraag,
        "vraag 2",
        Role::Toegang,
        a.clone(),
    )); // 1
    s2.changes = vec![
        status_change(
            "2026-07-02-eerste.toml",
            2,
            QuestionStatus::Beantwoord,
            "2026-09-10T11:00:00+02:00",
        ),
        status_change(
            "2026-07-02-eerste.toml",
            5,
            QuestionStatus::InOnderzoek,
            "2026-09-10T11:05:00+02:00",
        ),
    ];
    store::save_atomic(&d.join("2026-09-10-tweede.toml"), &s2).unwrap();

    // Another dataset: never carried over.
    let mut other = Session::new(
        "Ander",
        self::d("2026-08-01"),
        DatasetRef {
            path: "datasets/ander".into(),
            hash: "fedcba".into(),
        },
    );
    other.add(note(
        AnnotationKind::Actie,
        "andere data",
        Role::Beleid,
        a.clone(),
    ));
    store::save_atomic(&d.join("2026-08-01-ander.toml"), &other).unwrap();

    let current = d.join("2026-11-05-derde.toml");
    let found = |items: &[(String, Annotation)]| -> Vec<(String, u64, Option<QuestionStatus>)> {
        items
            .iter()
            .map(|(f, a)| (f.clone(), a.id, a.status))
            .collect()
    };
    let items =
        store::previous_open_items(d, ("datasets/voorbeeld", &dataset_ref().hash), &current);
    assert_eq!(
        found(&items),
        [
            (
                "2026-07-02-eerste.toml".into(),
                3,
                Some(QuestionStatus::Open)
            ),
            (
                "2026-07-02-eerste.toml".into(),
                5,
                Some(QuestionStatus::InOnderzoek)
            ),
            (
                "2026-09-10-tweede.toml".into(),
                1,
                Some(QuestionStatus::Open)
            ),
        ]
    );
    assert_eq!(items[0].1.text, "actie 1");

    // The current session closes one; a session not yet saved is the same as one without changes.
    let mut s3 = Session::new("Derde", self::d("2026-11-05"), dataset_ref());
    s3.changes = vec![status_change(
        "2026-07-02-eerste.toml",
        3,
        QuestionStatus::Vervallen,
        "2026-11-05T10:00:00+01:00",
    )];
    store::save_atomic(&current, &s3).unwrap();
    let items =
        store::previous_open_items(d, ("datasets/voorbeeld", &dataset_ref().hash), &current);
    assert_eq!(
        found(&items),
        [
            (
                "2026-07-02-eerste.toml".into(),
                5,
                Some(QuestionStatus::InOnderzoek)
            ),
            (
                "2026-09-10-tweede.toml".into(),
                1,
                Some(QuestionStatus::Open)
            ),
        ]
    );
    // Seen from the second session, only the first one counts as earlier.
    let items = store::previous_open_items(
        d,
        ("", &dataset_ref().hash),
        &d.join("2026-09-10-tweede.toml"),
    );
    assert_eq!(found(&items)[0].1, 5);
    assert_eq!(items.len(), 1, "{:?}", found(&items));
}

// ---------------------------------------------------------------------------------------------
// Minutes
// ---------------------------------------------------------------------------------------------

/// A session with every kind and every status, a status change and awkward text.
fn minutes_session() -> (Session, Vec<(String, Session)>) {
    let mut earlier = Session::new("Duiden van data: september", d("2026-09-10"), dataset_ref());
    earlier.add(note(
        AnnotationKind::Onderzoeksvraag,
        "Is positieve uitstroom na 1,5 jaar nog positief?",
        Role::Beleid,
        anchor(
            "jeugd",
            "uitstroom",
            &["gemeente-registratie"],
            "2022",
            None,
        ),
    ));
    earlier.add(note(
        AnnotationKind::Actie,
        "Maandrapportage juli 2023 opvragen",
        Role::Analist,
        anchor(
            "jeugd",
            "instroom",
            &["aanbieders-maandrapportage"],
            "2023-07",
            None,
        ),
    ));
    earlier.add(note(
        AnnotationKind::Actie,
        "Definities stand naast elkaar leggen",
        Role::Analist,
        anchor("wmo", "stand", &[], "2023", None),
    ));

    let mut s = Session::new("Duiden van data | november", d("2026-11-05"), dataset_ref());
    s.facilitator = "Marieke van den Berg (programmaleider)".into();
    s.participants = vec![
        Participant {
            name: "Marieke van den Berg".into(),
            role: Role::Overig,
            organisation: "Gemeente Eindhoven | programma".into(),
        },
        Participant {
            name: "Youssef El Idrissi".into(),
            role: Role::Toegang,
            organisation: "WIJeindhoven".into(),
        },
        Participant {
            name: "Sanne de Vries".into(),
            role: Role::Aanbieder,
            organisation: String::new(),
        },
    ];
    s.agenda = vec![
        AgendaItem {
            domain: "jeugd".into(),
            indicator: "instroom".into(),
            note: "Drie bronnen naast elkaar".into(),
            ..Default::default()
        },
        AgendaItem {
            domain: "participatie".into(),
            indicator: "uitstroom".into(),
            note: String::new(),
            ..Default::default()
        },
    ];
    let jeugd = |van, tot| {
        anchor(
            "jeugd",
            "instroom",
            &["gemeente-registratie", "aanbieders-maandrapportage"],
            van,
            tot,
        )
    };
    let mut o = note(
        AnnotationKind::Observatie,
        "Dip in het voorjaar.\nHerstel vanaf de zomer.",
        Role::Toegang,
        jeugd("2020-03", Some("2020-06")),
    );
    o.name = "Youssef El Idrissi".into();
    s.add(o);
    let mut v = note(
        AnnotationKind::Verklaring,
        "Gemeente registreert bij de beschikking | aanbieder bij de start.\n\nDus: een maand later.",
        Role::Aanbieder,
        jeugd("2021-Q1", None),
    );
    v.name = "Sanne de Vries".into();
    v.anchor.legacy_difference = "aanbieders 5% hoger dan gemeente".into();
    s.add(v);
    s.add(note(
        AnnotationKind::Datakwaliteit,
        "Juli 2023 ontbreekt bij de aanbieders.",
        Role::Analist,
        anchor(
            "jeugd",
            "instroom",
            &["aanbieders-maandrapportage"],
            "2023-07",
            None,
        ),
    ));
    s.add(note(
        AnnotationKind::Observatie,
        "Wmo-kosten stijgen sneller dan het aantal cliënten.",
        Role::Beleid,
        anchor(
            "wmo",
            "kosten",
            &["gemeente-registratie"],
            "2023",
            Some("2024"),
        ),
    ));
    for (i, status) in QuestionStatus::ALL.into_iter().enumerate() {
        let mut q = note(
            AnnotationKind::Onderzoeksvraag,
            &format!("Vraag {} met | pijp\nen tweede regel", i + 1),
            Role::ALL[i % Role::ALL.len()],
            anchor(
                "jeugd",
                "instroom",
                &["cbs-beleidsinformatie"],
                "2021-H1",
                None,
            ),
        );
        q.status = Some(status);
        q.owner = if i % 2 == 0 {
            "BiO".into()
        } else {
            String::new()
        };
        s.add(q);
    }
    for (i, status) in QuestionStatus::ALL.into_iter().enumerate() {
        let mut a = note(
            AnnotationKind::Actie,
            &format!("Actie {}", i + 1),
            Role::Analist,
            anchor("participatie", "uitstroom", &[], "2024", None),
        );
        a.status = Some(status);
        a.owner = "Sturingsinformatie".into();
        if i == 0 {
            a.anchor.legacy_difference = "CBS lager dan registratie".into();
        }
        s.add(a);
    }
    s.changes = vec![
        ItemChange {
            answer: String::new(),
            result: None,
            links: Vec::new(),
            by: "Marieke van den Berg".into(),
            note: "Besproken; BiO neemt het op.".into(),
            ..status_change(
                "2026-09-10-september.toml",
                1,
                QuestionStatus::InOnderzoek,
                "2026-11-05T10:05:00+01:00",
            )
        },
        status_change(
            "2026-09-10-september.toml",
            2,
            QuestionStatus::Beantwoord,
            "2026-11-05T10:06:00+01:00",
        ),
        status_change(
            "2026-01-01-weg.toml",
            9,
            QuestionStatus::Vervallen,
            "2026-11-05T10:07:00+01:00",
        ),
    ];
    let previous = vec![
        ("2026-09-10-september.toml".to_string(), earlier),
        // Later sessions do not change old minutes.
        ("2027-01-14-later.toml".to_string(), {
            let mut later = Session::new("Later", d("2027-01-14"), dataset_ref());
            later.changes = vec![status_change(
                "2026-09-10-september.toml",
                3,
                QuestionStatus::Beantwoord,
                "2027-01-14T10:00:00+01:00",
            )];
            later
        }),
    ];
    (s, previous)
}

#[test]
fn minutes_markdown() {
    let (s, previous) = minutes_session();
    let md = minutes_md(
        &s,
        "2026-11-05-duiden-van-data-november.toml",
        Some(&previous),
        None,
    );
    insta::assert_snapshot!(md);
}

#[test]
fn minutes_without_history_do_not_guess() {
    let (s, _) = minutes_session();
    let md = minutes_md(&s, "2026-11-05-x.toml", None, None);
    assert!(
        md.contains("| 2026-09-10-september.toml | 1 | – | status in onderzoek |"),
        "{md}"
    );
    assert!(!md.contains("niet gevonden"), "{md}");
    assert!(!md.contains("Nog open uit eerdere sessies"), "{md}");
    assert!(
        md.contains("## Onderzoeksvragen") && md.contains("| 15 | Actie 5"),
        "{md}"
    );
}

#[test]
fn lock_and_save_create_a_missing_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nieuw/sessions/s.toml");
    // A new session locks its file before the first save.
    let lock = match store::acquire(&path).unwrap() {
        LockOutcome::Acquired(l) => l,
        other => panic!("{other:?}"),
    };
    store::save_atomic(&path, &full_session()).unwrap();
    assert_eq!(store::load(&path).unwrap(), full_session());
    drop(lock);
}

/// Makes taking the lock in `folder` fail, and returns what the reason then says. Without write
/// permission where that stops this process; where it does not (root, or Windows, where a
/// folder's read-only flag does not stop creating files) a folder in the place of the guard file,
/// which cannot be opened as a file either.
fn block_the_lock(folder: &Path, session: &Path) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(folder, fs::Permissions::from_mode(0o555)).unwrap();
        let probe = folder.join("probe");
        if fs::File::create(&probe).is_err() {
            return Some(format!("geen schrijfrecht in de map {}", folder.display()));
        }
        fs::remove_file(&probe).unwrap();
        fs::set_permissions(folder, fs::Permissions::from_mode(0o755)).unwrap();
    }
    fs::create_dir(store::guard_path(session)).unwrap();
    None
}

#[test]
fn read_only_folder_opens_the_session_read_only_with_the_reason() {
    use duiden::session::{OpenSession, ReadOnlyReason};
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("sessions");
    let path = folder.join("s.toml");
    store::save_atomic(&path, &full_session()).unwrap();
    let before = fs::read(&path).unwrap();
    let says = block_the_lock(&folder, &path);

    let e = store::acquire(&path).unwrap_err();
    assert_eq!(e.path(), store::guard_path(&path));
    let error = e.to_string();
    assert!(error.contains(".s.toml.lock: "), "{error}");
    if let Some(says) = &says {
        assert!(error.contains(says), "{error}");
    }
    let mut state = OpenSession::open(path.clone(), store::load(&path).unwrap());
    let reason = state.read_only().cloned().expect("read-only");
    assert_eq!(reason, ReadOnlyReason::LockFailed(error.clone()));
    assert_eq!(
        duiden::tui::i18n::t().read_only_reason(&reason),
        format!("alleen lezen: sessie kan niet vergrendeld worden: {error}")
    );
    // No writer exists for it, so nothing can change it.
    assert_eq!(state.writer().err(), Some(reason));
    assert_eq!(*state.session(), full_session());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&folder, fs::Permissions::from_mode(0o755)).unwrap();
    }
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn minutes_of_the_example_session_with_dataset_names() {
    let dataset = load_dataset(&root().join("datasets/voorbeeld")).expect("sample loads");
    let session = store::load(&root().join(EXAMPLE)).unwrap();
    let md = minutes_md(
        &session,
        "2026-11-05-duiden-van-data-jeugd-en-wmo.toml",
        Some(&store::list_ok(&root().join("sessions"))),
        Some(&dataset),
    );
    assert!(md.contains("## jeugd · Instroom jeugdhulp"), "{md}");
    // The September session's questions are found; the merged one is not followed up twice.
    assert!(!md.contains("niet gevonden"), "{md}");
    assert!(
        !md.contains(
            "| 2026-09-10-duiden-van-data-jeugd-en-participatie.toml | 4 | onderzoeksvraag"
        ),
        "{md}"
    );
    assert!(
        !md.contains("sindsdien gewijzigd"),
        "example hash is current"
    );
    insta::assert_snapshot!(md);
}

// ---------------------------------------------------------------------------------------------
// The example session
// ---------------------------------------------------------------------------------------------

#[test]
fn example_session_matches_sample() {
    let path = root().join(EXAMPLE);
    let bytes = fs::read(&path).unwrap();
    let session = store::load(&path).unwrap_or_else(|e| panic!("{e}"));
    let dataset = load_dataset(&root().join(&session.dataset.path)).expect("sample loads");

    // Byte-identical through load + save.
    assert_eq!(
        store::to_toml(&session).unwrap().as_bytes(),
        &bytes[..],
        "{EXAMPLE} is not in the form save_atomic writes"
    );

    // Every kind, questions open and answered, actions with an owner.
    for kind in AnnotationKind::ALL {
        assert!(
            session.annotations.iter().any(|a| a.kind == kind),
            "no {}",
            kind.dutch()
        );
    }
    let q = |st: QuestionStatus| {
        session
            .annotations
            .iter()
            .any(|a| a.kind == AnnotationKind::Onderzoeksvraag && a.status == Some(st))
    };
    assert!(q(QuestionStatus::Open) && q(QuestionStatus::Beantwoord));
    assert!(
        session
            .annotations
            .iter()
            .filter(|a| a.kind == AnnotationKind::Actie)
            .all(|a| !a.owner.is_empty())
    );
    assert!(
        session
            .annotations
            .iter()
            .any(|a| a.anchor.has_difference())
    );
    assert_eq!(session.agenda.len(), 3);

    fits_sample(EXAMPLE, &session, &dataset);
}

/// Every anchor and agenda item of an example session points at data in the sample, and the
/// session recorded the sample's current hash.
fn fits_sample(name: &str, session: &Session, dataset: &duiden::model::Dataset) {
    // Every anchor and agenda item points at data that exists.
    for item in &session.agenda {
        assert!(
            dataset
                .series_of(&item.domain, &item.indicator)
                .next()
                .is_some(),
            "agenda {}/{} not in the sample",
            item.domain,
            item.indicator
        );
    }
    for a in &session.annotations {
        let k = &a.anchor;
        assert!(
            dataset.meta.indicator(&k.domain, &k.indicator).is_some(),
            "annotation {}: indicator {}/{} not in the sample",
            a.id,
            k.domain,
            k.indicator
        );
        let (from, to) = k.range();
        assert!(from <= to);
        assert!(!k.sources.is_empty(), "annotation {} names no source", a.id);
        for bron in &k.sources {
            assert!(
                dataset.meta.source(bron).is_some(),
                "annotation {}: source {bron} unknown",
                a.id
            );
            let series: Vec<_> = dataset
                .series_of(&k.domain, &k.indicator)
                .filter(|s| &s.key.bron == bron)
                .collect();
            assert!(
                !series.is_empty(),
                "annotation {}: no series {}/{}/{bron}",
                a.id,
                k.domain,
                k.indicator
            );
            let (first, last) = series
                .iter()
                .filter_map(|s| Some((s.first_period()?, s.last_period()?)))
                .fold(
                    None,
                    |acc: Option<(duiden::model::Period, duiden::model::Period)>, (f, l)| {
                        Some(acc.map_or((f, l), |(af, al)| (af.min(f), al.max(l))))
                    },
                )
                .unwrap();
            assert!(
                from.start_month() >= first.start_month() && to.end_month() <= last.end_month(),
                "annotation {}: {}..{} outside {bron}'s {first}..{last}",
                a.id,
                from,
                to
            );
        }
    }

    assert_eq!(
        session.dataset.hash, dataset.content_hash,
        "the sample dataset changed: check that {name} still fits it and set its dataset.hash to {}",
        dataset.content_hash
    );
}

#[test]
fn every_example_session_is_in_saved_form_and_fits_the_sample() {
    let files = store::list(&root().join("sessions"));
    assert!(files.len() >= 2, "two example sessions");
    for (path, loaded) in files {
        let name = path.display().to_string();
        let session = loaded.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            store::to_toml(&session).unwrap(),
            fs::read_to_string(&path).unwrap(),
            "{name} is not in the form save_atomic writes"
        );
        let dataset = load_dataset(&root().join(&session.dataset.path)).expect("sample loads");
        fits_sample(&name, &session, &dataset);
    }
}

#[test]
fn example_sessions_make_a_backlog_with_a_merge_and_history() {
    let sessions = store::list_ok(&root().join("sessions"));
    let items = duiden::session::backlog::backlog(&sessions);
    // The September question on lasting work was merged into November's; the verwijzer
    // question moved on to geagendeerd with two more criteria weighed in November.
    let merged = items
        .iter()
        .find(|i| i.origins.len() == 2)
        .expect("a merged question");
    assert!(merged.question().text.starts_with("Is uitstroom naar werk"));
    assert!(
        merged.origins[1]
            .annotation
            .text
            .starts_with("Blijven mensen")
    );
    let verwijzer = items
        .iter()
        .find(|i| i.question().text.starts_with("Via welke verwijzer"))
        .unwrap();
    assert_eq!(verwijzer.status, QuestionStatus::Geagendeerd);
    // Under the default programme urgentie and haalbaarheid (midden, midden) count; the
    // weighings of relevantie and breed gedragen (hoog, hoog) are kept as old ones.
    assert_eq!(verwijzer.priority(), 2 + 2);
    let kept: Vec<(&str, &str)> = verwijzer.criteria.iter().collect();
    assert_eq!(
        kept,
        [
            ("relevantie", "hoog"),
            ("urgentie", "midden"),
            ("haalbaarheid", "midden"),
            ("breed_gedragen", "hoog")
        ]
    );
    assert_eq!(verwijzer.history.len(), 2);
    assert!(items.iter().take_while(|i| i.is_open()).count() >= 3);
}

// ---------------------------------------------------------------------------------------------
// Older formats
// ---------------------------------------------------------------------------------------------

#[test]
fn format_2_fixtures_migrate_to_the_example_sessions() {
    // The fixtures are the example sessions as they were in format 2; the examples are what
    // duiden wrote after loading them. Loading either gives the same session.
    for (fixture, example) in [
        (
            "sessie-formaat-2-2026-09-10.toml",
            "2026-09-10-duiden-van-data-jeugd-en-participatie.toml",
        ),
        (
            "sessie-formaat-2-2026-11-05.toml",
            "2026-11-05-duiden-van-data-jeugd-en-wmo.toml",
        ),
    ] {
        let path = root().join("tests/fixtures").join(fixture);
        let before = fs::read_to_string(&path).unwrap();
        assert!(before.starts_with("formaat = 2\n"), "{fixture}");
        let old = store::load(&path).unwrap_or_else(|e| panic!("{e}"));
        let new = store::load(&root().join("sessions").join(example)).unwrap();
        // Format 4 added codes (which the migration gives, see below) and the answer of one
        // question; everything else is as it was.
        assert_eq!(old, before_format_4(&new), "{fixture}");
        assert_eq!(old.format, 4);
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            before,
            "reading never writes"
        );
        // Every old difference sentence is kept word for word.
        let sentences = before.matches("\nverschil = ").count();
        let kept = old
            .annotations
            .iter()
            .filter(|a| {
                !a.anchor.legacy_difference.is_empty()
                    && before.contains(&format!(
                        "\nverschil = \"{}\"\n",
                        a.anchor.legacy_difference
                    ))
            })
            .count();
        assert_eq!(kept, sentences, "{fixture}");
    }
}

#[test]
fn example_sessions_and_format_2_fixtures_save_byte_for_byte() {
    // The keys in the file are Dutch whatever the Rust field names are: what duiden wrote, it
    // writes again unchanged, and an old file saves as the example it became.
    let sessions = root().join("sessions");
    let mut names: Vec<_> = fs::read_dir(&sessions)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 2, "{names:?}");
    for name in &names {
        let path = sessions.join(name);
        let text = fs::read_to_string(&path).unwrap();
        let session = store::load(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(store::to_toml(&session).unwrap(), text, "{name}");
    }
    for (fixture, example) in [
        ("sessie-formaat-2-2026-09-10.toml", &names[0]),
        ("sessie-formaat-2-2026-11-05.toml", &names[1]),
    ] {
        let old = store::load(&root().join("tests/fixtures").join(fixture)).unwrap();
        let new = store::load(&sessions.join(example)).unwrap();
        let text = store::to_toml(&before_format_4(&new)).unwrap();
        assert_eq!(store::to_toml(&old).unwrap(), text, "{fixture}");
    }
}

/// An example session without what format 4 added: codes, answers, results and links.
fn before_format_4(s: &Session) -> Session {
    let mut s = s.clone();
    for a in &mut s.annotations {
        a.code = None;
        a.answer.clear();
        a.result = None;
        a.links.clear();
    }
    s
}

#[test]
fn the_migration_gives_the_format_2_fixtures_the_codes_of_the_examples() {
    // The fixtures under the examples' names in a folder of their own: reading the folder gives
    // every question and action the code the example carries, twice the same.
    let dir = tempfile::tempdir().unwrap();
    for (fixture, example) in [
        (
            "sessie-formaat-2-2026-09-10.toml",
            "2026-09-10-duiden-van-data-jeugd-en-participatie.toml",
        ),
        (
            "sessie-formaat-2-2026-11-05.toml",
            "2026-11-05-duiden-van-data-jeugd-en-wmo.toml",
        ),
    ] {
        fs::copy(
            root().join("tests/fixtures").join(fixture),
            dir.path().join(example),
        )
        .unwrap();
    }
    let codes = |sessions: &[(String, Session)]| -> Vec<(String, u64, Option<String>)> {
        sessions
            .iter()
            .flat_map(|(n, s)| {
                s.annotations
                    .iter()
                    .map(move |a| (n.clone(), a.id, a.code.map(|c| c.to_string())))
            })
            .collect()
    };
    let (migrated, notices) = store::list_coded(dir.path());
    assert!(notices.is_empty(), "{notices:?}");
    let examples = store::list_ok(&root().join("sessions"));
    assert_eq!(codes(&migrated), codes(&examples));
    assert_eq!(codes(&store::list_ok(dir.path())), codes(&migrated));
    let given: Vec<String> = codes(&migrated).into_iter().filter_map(|c| c.2).collect();
    assert_eq!(
        given,
        [
            "V-0001", "V-0002", "A-0001", "V-0003", "A-0002", "V-0004", "A-0003", "V-0005",
            "A-0004"
        ]
    );
}

#[test]
fn a_minimal_format_1_file_migrates() {
    let path = root().join("tests/fixtures/sessie-formaat-1-minimaal.toml");
    let s = store::load(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.format, 4);
    assert_eq!(s.date, d("2026-03-12"));
    let a = &s.annotations[0];
    assert_eq!(a.anchor.range(), (p("2024-01"), p("2024-06")));
    assert_eq!(a.anchor.legacy_difference, "gemeente lager dan CBS");
    assert_eq!(a.anchor.view, ViewKind::Trend);
    assert_eq!(a.time, t("2026-03-12T10:00:00+01:00"));
    assert_eq!(s.changes.len(), 1);
    assert_eq!(s.changes[0].status, Some(QuestionStatus::Beantwoord));
    let text = store::to_toml(&s).unwrap();
    assert_eq!(store::parse(Path::new("x.toml"), &text).unwrap(), s);

    // A problem in an old file is reported at its place in that file.
    let broken = fs::read_to_string(&path)
        .unwrap()
        .replace("tot = \"2024-06\"", "tot = \"juni\"");
    let msg = refused_at(&broken, line_of(&broken, "juni"), 7);
    assert!(msg.contains("'juni' niet herkend"), "{msg}");
}

#[test]
fn saving_writes_format_4_with_typed_fields() {
    let s = full_session();
    let text = store::to_toml(&s).unwrap();
    assert!(text.starts_with("formaat = 4\n"), "{text}");
    for line in [
        "van = \"2021-06\"\ntot = \"2021-12\"\nperioden = \"kwartaal\"\nreferentie = \"gemeente-registratie\"\nweergave = \"vergelijken\"\nverschil_tekst = \"gemeente loopt een maand achter\"\n",
        "[[aantekeningen.anker.verschillen]]\nsoort = \"onverklaard\"\nperiode = \"2021-Q3\"\nreferentie = \"gemeente-registratie\"\nbron = \"aanbieders-maandrapportage\"\nwaarde_referentie = 1204.0\nwaarde = 1302.5\neenheid = \"aantal\"\n",
        "tijd = \"2026-11-05T10:00:00+01:00\"\n",
    ] {
        assert!(text.contains(line), "{line}\n---\n{text}");
    }
    // The structured difference has no free-text field left to fill: unknown keys are refused.
    let t2 = text.replace(
        "eenheid = \"aantal\"",
        "eenheid = \"aantal\"\ntoelichting = \"x\"",
    );
    let msg = refused_at(&t2, line_of(&t2, "toelichting = \"x\""), 1);
    assert!(msg.contains("onbekend veld `toelichting`"), "{msg}");
    // A kind of difference that does not exist is named with the ones that do.
    let t3 = text.replace("soort = \"onverklaard\"", "soort = \"raar\"");
    let msg = refused_at(&t3, line_of(&t3, "raar"), 9);
    assert!(msg.contains("ontbrekende-periode"), "{msg}");
}
