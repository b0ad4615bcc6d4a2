//! The research-question backlog across sessions: status changes, criteria, merges, ordering,
//! the `duiden vragen` exports, and reading older session formats.

use duiden::model::Period;
use duiden::report::history_who;
use duiden::session::backlog::{Event, NEAR_DUPLICATE, backlog_for, similarity};
use duiden::session::programme::Programme;
use duiden::session::store;
use duiden::session::{
    Anchor, Annotation, AnnotationKind, Criteria, DatasetRef, ItemChange, LocalTime, Merge,
    QuestionStatus, Role, Session,
};
use std::fs;
use std::path::Path;
use std::process::Command;

fn dataset() -> DatasetRef {
    DatasetRef {
        path: "datasets/voorbeeld".into(),
        hash: "h".into(),
    }
}

fn t(text: &str) -> LocalTime {
    text.parse().unwrap()
}

fn d(text: &str) -> jiff::civil::Date {
    text.parse().unwrap()
}

fn note(soort: AnnotationKind, tekst: &str, rol: Role, naam: &str, time: LocalTime) -> Annotation {
    Annotation {
        code: None,
        answer: String::new(),
        result: None,
        links: Vec::new(),
        id: 0,
        kind: soort,
        text: tekst.into(),
        role: rol,
        name: naam.into(),
        time,
        status: None,
        owner: String::new(),
        theme: String::new(),
        support: Vec::new(),
        disagree: Vec::new(),
        criteria: Criteria::default(),
        anchor: Anchor::new(
            "jeugd",
            "instroom",
            vec!["gemeente-registratie".into()],
            Period::month(2023, 1),
            Period::month(2024, 12),
        ),
    }
}

/// The four criteria of format 2 as a programme (sum, laag 1 … hoog 3), so these orderings
/// keep their meaning; the default programme is tested in tests/programme.rs.
const OLD_PROGRAMME: &str = "[prioriteit]
regel = \"som\"
uitleg = \"de som van relevantie, urgentie, haalbaarheid en breed gedragen\"
[[criteria]]
id = \"relevantie\"
naam = \"relevantie\"
schaal = [\"laag\", \"midden\", \"hoog\"]
[[criteria]]
id = \"urgentie\"
naam = \"urgentie\"
schaal = [\"laag\", \"midden\", \"hoog\"]
[[criteria]]
id = \"haalbaarheid\"
naam = \"haalbaarheid\"
schaal = [\"laag\", \"midden\", \"hoog\"]
[[criteria]]
id = \"breed_gedragen\"
naam = \"breed gedragen\"
schaal = [\"laag\", \"midden\", \"hoog\"]
";

fn old_programme() -> Programme {
    Programme::from_toml("oud.toml", OLD_PROGRAMME).unwrap()
}

const LAAG: &str = "laag";
const MIDDEN: &str = "midden";
const HOOG: &str = "hoog";

fn criteria(r: Option<&str>, u: Option<&str>, h: Option<&str>, b: Option<&str>) -> Criteria {
    let mut c = Criteria::default();
    for (id, level) in [
        ("relevantie", r),
        ("urgentie", u),
        ("haalbaarheid", h),
        ("breed_gedragen", b),
    ] {
        c.set(id, level);
    }
    c
}

const MEI: &str = "2026-05-14-mei.toml";
const JULI: &str = "2026-07-09-juli.toml";
const SEPT: &str = "2026-09-10-september.toml";

/// Three sessions: May raises two questions; July raises a near-duplicate of the first and moves
/// the second on; September merges the duplicate, weighs the first and closes the second.
fn three_sessions() -> Vec<(String, Session)> {
    use AnnotationKind::*;
    let mut mei = Session::new("Mei", d("2026-05-14"), dataset());
    mei.add(note(
        Observatie,
        "Instroom stijgt",
        Role::Toegang,
        "",
        t("2026-05-14T10:00:00+02:00"),
    ));
    mei.add(note(
        Onderzoeksvraag,
        "Waarom stijgt de instroom in de jeugdhulp sinds 2023?",
        Role::Toegang,
        "Ingrid Maas",
        t("2026-05-14T10:05:00+02:00"),
    )); // 2
    mei.add(note(
        Onderzoeksvraag,
        "Hoe lang wachten cliënten op Wmo-hulp na de melding?",
        Role::Beleid,
        "Rob Janssen",
        t("2026-05-14T10:20:00+02:00"),
    )); // 3
    mei.add(note(
        Actie,
        "Wachttijden opvragen",
        Role::Analist,
        "",
        t("2026-05-14T10:30:00+02:00"),
    )); // 4: an action, not in the backlog

    let mut juli = Session::new("Juli", d("2026-07-09"), dataset());
    juli.add(note(
        Onderzoeksvraag,
        "Waardoor stijgt instroom jeugdhulp sinds 2023",
        Role::Aanbieder,
        "Sanne de Vries",
        t("2026-07-09T13:00:00+02:00"),
    )); // 1
    juli.changes = vec![ItemChange {
        answer: String::new(),
        result: None,
        links: Vec::new(),
        by: "Marieke van den Berg".into(),
        owner: Some("BiO".into()),
        criteria: criteria(Some(HOOG), Some(HOOG), None, None),
        ..ItemChange::status(
            MEI,
            3,
            QuestionStatus::Geagendeerd,
            t("2026-07-09T13:30:00+02:00"),
        )
    }];

    let mut sept = Session::new("September", d("2026-09-10"), dataset());
    let mut low = note(
        Onderzoeksvraag,
        "Welke wijken hebben de meeste herhaalaanvragen?",
        Role::Toegang,
        "",
        t("2026-09-10T10:10:00+02:00"),
    );
    low.criteria = criteria(Some(MIDDEN), Some(LAAG), Some(HOOG), Some(LAAG)); // 7, urgentie laag
    sept.add(low); // 1
    let mut urgent = note(
        Onderzoeksvraag,
        "Komen jongeren met een LVB te laat in beeld?",
        Role::Aanbieder,
        "",
        t("2026-09-10T10:20:00+02:00"),
    );
    urgent.criteria = criteria(Some(MIDDEN), Some(HOOG), Some(LAAG), Some(LAAG)); // 7, urgentie hoog
    sept.add(urgent); // 2
    sept.add(note(
        Onderzoeksvraag,
        "Nog niet gewogen vraag",
        Role::Overig,
        "",
        t("2026-09-10T10:30:00+02:00"),
    )); // 3
    sept.merges = vec![Merge {
        session: JULI.into(),
        id: 1,
        into_session: MEI.into(),
        into_id: 2,
        time: t("2026-09-10T09:40:00+02:00"),
        by: "Marieke van den Berg".into(),
    }];
    sept.changes = vec![
        ItemChange {
            answer: String::new(),
            result: None,
            links: Vec::new(),
            status: None,
            criteria: criteria(Some(HOOG), Some(MIDDEN), Some(HOOG), Some(HOOG)),
            ..ItemChange::status(MEI, 2, QuestionStatus::Open, t("2026-09-10T09:45:00+02:00"))
        },
        ItemChange {
            answer: String::new(),
            result: None,
            links: Vec::new(),
            note: "Rapport wachttijden Wmo 2026".into(),
            ..ItemChange::status(
                MEI,
                3,
                QuestionStatus::Beantwoord,
                t("2026-09-10T09:50:00+02:00"),
            )
        },
        ItemChange::status(
            JULI,
            1,
            QuestionStatus::InOnderzoek,
            t("2026-09-10T09:55:00+02:00"),
        ),
    ];
    vec![(MEI.into(), mei), (JULI.into(), juli), (SEPT.into(), sept)]
}

#[test]
fn backlog_over_three_sessions_with_changes_and_a_merge() {
    let sessions = three_sessions();
    let items = backlog_for(&sessions, &old_programme());
    let keys: Vec<(String, u64)> = items
        .iter()
        .map(|i| (i.key().session.clone(), i.key().id))
        .collect();
    // Open first; by priority; at equal priority the more urgent; closed last. The July
    // duplicate is not a question of its own, and the action is not in the backlog.
    assert_eq!(
        keys,
        [
            (MEI.to_string(), 2),  // 11
            (SEPT.to_string(), 2), // 7, urgentie hoog
            (SEPT.to_string(), 1), // 7, urgentie laag
            (SEPT.to_string(), 3), // 0
            (MEI.to_string(), 3),  // beantwoord
        ]
    );
    let priorities: Vec<u32> = items.iter().map(|i| i.priority()).collect();
    assert_eq!(priorities, [11, 7, 7, 0, 6]);

    // The merged question keeps both origins and both histories; the change made to the
    // duplicate after the merge counts for the merged question.
    let merged = &items[0];
    let origins: Vec<(&str, u64)> = merged
        .origins
        .iter()
        .map(|o| (o.item.session.as_str(), o.item.id))
        .collect();
    assert_eq!(origins, [(MEI, 2), (JULI, 1)]);
    assert_eq!(merged.origins[1].annotation.name, "Sanne de Vries");
    assert_eq!(merged.status, QuestionStatus::InOnderzoek);
    let steps: Vec<(&str, QuestionStatus, bool)> = merged
        .history
        .iter()
        .map(|h| {
            (
                h.session.as_str(),
                h.status,
                matches!(h.event, Event::Merged { .. }),
            )
        })
        .collect();
    assert_eq!(
        steps,
        [
            (MEI, QuestionStatus::Open, false),
            (JULI, QuestionStatus::Open, false),
            (SEPT, QuestionStatus::Open, true),
            (SEPT, QuestionStatus::Open, false),
            (SEPT, QuestionStatus::InOnderzoek, false),
        ]
    );
    assert_eq!(merged.history[2].by, "Marieke van den Berg");

    // Status history of the answered question: which session, what status, when, by whom.
    let answered = &items[4];
    let history: Vec<(&str, QuestionStatus, LocalTime, String)> = answered
        .history
        .iter()
        .map(|h| (h.session.as_str(), h.status, h.time, history_who(h)))
        .collect();
    assert_eq!(
        history,
        [
            (
                MEI,
                QuestionStatus::Open,
                t("2026-05-14T10:20:00+02:00"),
                "Rob Janssen (beleid)".to_string()
            ),
            (
                JULI,
                QuestionStatus::Geagendeerd,
                t("2026-07-09T13:30:00+02:00"),
                "Marieke van den Berg".to_string()
            ),
            (
                SEPT,
                QuestionStatus::Beantwoord,
                t("2026-09-10T09:50:00+02:00"),
                String::new()
            ),
        ]
    );
    assert_eq!(answered.owner, "BiO");
    assert_eq!(answered.criteria.get("urgentie"), Some("hoog"));
    assert_eq!(answered.status, QuestionStatus::Beantwoord);
}

#[test]
fn merged_duplicates_are_followed_up_once() {
    let sessions = three_sessions();
    let open = store::open_items_among(&sessions, ("datasets/voorbeeld", ""), "2026-12-01-x.toml");
    let refs: Vec<(&str, u64)> = open.iter().map(|(n, a)| (n.as_str(), a.id)).collect();
    // May's question (merged into), May's action, September's three; not July's duplicate and
    // not the answered one.
    assert_eq!(refs, [(MEI, 2), (MEI, 4), (SEPT, 1), (SEPT, 2), (SEPT, 3)]);
    let (_, q) = &open[0];
    assert_eq!(q.status, Some(QuestionStatus::InOnderzoek));
    assert_eq!(old_programme().score(&q.criteria), 11);
    // The duplicate was recognisable as one.
    let text = |s: usize, id: u64| sessions[s].1.get(id).unwrap().text.clone();
    assert!(similarity(&text(0, 2), &text(1, 1)) >= NEAR_DUPLICATE);
    assert!(similarity(&text(0, 2), &text(0, 3)) < NEAR_DUPLICATE);
}

#[test]
fn changes_and_merges_survive_save_and_load() {
    let dir = tempfile::tempdir().unwrap();
    for (name, s) in three_sessions() {
        let path = dir.path().join(&name);
        store::save_atomic(&path, &s).unwrap();
        assert_eq!(store::load(&path).unwrap(), s, "{name}");
    }
    let text = fs::read_to_string(dir.path().join(SEPT)).unwrap();
    assert!(text.contains("[[samenvoegingen]]\nsessie = \"2026-07-09-juli.toml\"\nid = 1\nin_sessie = \"2026-05-14-mei.toml\"\nin_id = 2\n"), "{text}");
    assert!(
        text.contains("[aantekeningen.criteria]\nrelevantie = \"midden\""),
        "{text}"
    );
}

#[test]
fn a_merge_of_a_question_with_itself_is_refused_with_its_place() {
    let (_, mut s) = three_sessions().remove(2);
    s.merges[0].into_session = JULI.into();
    s.merges[0].into_id = 1;
    let text = store::to_toml(&s).unwrap();
    let e = store::parse(Path::new("s.toml"), &text).unwrap_err();
    let line = text
        .lines()
        .position(|l| l == "[[samenvoegingen]]")
        .unwrap()
        + 2;
    assert!(
        e.to_string().starts_with(&format!("s.toml:{line}:10: ")),
        "{e}"
    );
    assert!(e.to_string().contains("met zichzelf"), "{e}");
}

#[test]
fn a_session_of_format_1_opens_and_is_not_changed() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sessie-formaat-1.toml");
    let before = fs::read(&path).unwrap();
    assert!(String::from_utf8_lossy(&before).starts_with("formaat = 1\n"));
    let s = store::load(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.format, duiden::session::FORMAT_VERSION);
    assert_eq!(s.annotations.len(), 15);
    // Version 1 `statuswijzigingen` are version 2 `wijzigingen`.
    assert_eq!(s.changes.len(), 1);
    let c = &s.changes[0];
    assert_eq!(
        (c.session.as_str(), c.id, c.status),
        (
            "2026-09-10-duiden-van-data.toml",
            2,
            Some(QuestionStatus::InOnderzoek)
        )
    );
    assert_eq!(c.by, "Marieke van den Berg");
    assert!(c.criteria.is_empty() && c.owner.is_none());
    // Through version 2 to 3: the difference sentences are kept word for word.
    assert_eq!(
        s.get(2).unwrap().anchor.legacy_difference,
        "aanbieders 3-8% hoger en ongeveer een maand eerder dan de gemeente-registratie"
    );
    assert!(
        s.annotations
            .iter()
            .all(|a| a.anchor.differences.is_empty())
    );
    assert_eq!(fs::read(&path).unwrap(), before, "reading never writes");
    // Saved again, it is a version 4 file that reads back the same.
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("s.toml");
    store::save_atomic(&copy, &s).unwrap();
    let text = fs::read_to_string(&copy).unwrap();
    assert!(text.starts_with("formaat = 4\n") && text.contains("[[wijzigingen]]"));
    assert!(
        text.contains("verschil_tekst = \"aanbieders 3-8% hoger"),
        "{text}"
    );
    assert_eq!(store::load(&copy).unwrap(), s);
}

/// The three sessions in a folder, with a broken and a foreign TOML file beside them.
/// The three sessions and two bad files in `sessies/`, with beside it a `programma.toml` of
/// the four criteria of format 2 (the default programme is tested in tests/programme.rs).
fn folder() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("sessies");
    fs::create_dir(&dir).unwrap();
    for (name, s) in three_sessions() {
        store::save_atomic(&dir.join(name), &s).unwrap();
    }
    fs::write(
        dir.join("2026-10-01-kapot.toml"),
        "formaat = 2\ntitel = \"Kapot\nd",
    )
    .unwrap();
    fs::write(
        dir.join("Cargo.toml"),
        "[package]\nname = \"iets-anders\"\n",
    )
    .unwrap();
    fs::write(tmp.path().join("programma.toml"), OLD_PROGRAMME).unwrap();
    (tmp, dir)
}

fn duiden(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_duiden"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn vragen_csv_lists_open_first_by_priority_and_skips_broken_files() {
    let (_tmp, dir) = folder();
    let (ok, csv, err) = duiden(&[
        "vragen",
        dir.to_str().unwrap(),
        "--formaat",
        "csv",
        "--scheiding",
        ",",
    ]);
    assert!(ok, "{err}");
    // Both bad files are named with their problem; the others are still read.
    assert!(err.contains("2026-10-01-kapot.toml:3:2: "), "{err}");
    assert!(
        err.contains("Cargo.toml:1:1: geen sessiebestand van duiden"),
        "{err}"
    );
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].starts_with(
        "nr,status,prioriteit,relevantie,urgentie,haalbaarheid,breed_gedragen,eigenaar,vraag,"
    ));
    assert_eq!(lines.len(), 6, "{csv}");
    assert!(
        lines[1].starts_with("1,in onderzoek,11,hoog,midden,hoog,hoog,,Waarom stijgt de instroom"),
        "{}",
        lines[1]
    );
    assert!(
        lines[1].contains("2026-05-14-mei.toml#2; 2026-07-09-juli.toml#1"),
        "{}",
        lines[1]
    );
    assert!(
        lines[1].contains("Waardoor stijgt instroom jeugdhulp sinds 2023"),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].starts_with("2,nieuw,7,midden,hoog,laag,laag,"),
        "{}",
        lines[2]
    );
    assert!(
        lines[3].starts_with("3,nieuw,7,midden,laag,hoog,laag,"),
        "{}",
        lines[3]
    );
    assert!(lines[4].starts_with("4,nieuw,0,,,,,"), "{}", lines[4]);
    assert!(
        lines[5].starts_with("5,beantwoord,6,hoog,hoog,,,BiO,Hoe lang wachten"),
        "{}",
        lines[5]
    );
    assert!(lines[5].contains("status geagendeerd; eigenaar BiO; relevantie hoog, urgentie hoog (Marieke van den Berg)"), "{}", lines[5]);
}

#[test]
fn vragen_csv_opens_in_columns_in_dutch_excel_by_default() {
    let (_tmp, dir) = folder();
    let (ok, csv, err) = duiden(&["vragen", dir.to_str().unwrap(), "--formaat", "csv"]);
    assert!(ok, "{err}");
    let csv = csv
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark first");
    let lines: Vec<&str> = csv.lines().collect();
    assert!(
        lines[0].starts_with("nr;status;prioriteit;relevantie;urgentie;haalbaarheid;"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].starts_with("1;in onderzoek;11;hoog;midden;hoog;hoog;;Waarom stijgt de instroom"),
        "{}",
        lines[1]
    );
    // The origins hold the separator: one quoted field.
    assert!(
        lines[1].contains(";\"2026-05-14-mei.toml#2; 2026-07-09-juli.toml#1\";"),
        "{}",
        lines[1]
    );
}

#[test]
fn vragen_markdown_to_a_file() {
    let (_tmp, dir) = folder();
    let out = dir.join("agenda.md");
    let (ok, stdout, err) = duiden(&[
        "vragen",
        dir.to_str().unwrap(),
        "--uit",
        out.to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    assert!(stdout.is_empty());
    assert!(err.contains("vragenlijst geschreven"), "{err}");
    let md = fs::read_to_string(&out).unwrap();
    assert!(md.contains("5 vragen uit 3 sessies"), "{md}");
    assert!(
        md.contains("## Open vragen (4)") && md.contains("## Afgeronde vragen (1)"),
        "{md}"
    );
    let first = md
        .find("### 1. Waarom stijgt de instroom")
        .expect("merged question first");
    let answered = md
        .find("### 5. Hoe lang wachten")
        .expect("answered question last");
    assert!(first < answered);
    assert!(md.contains("- **Ook gesteld: “Waardoor stijgt instroom jeugdhulp sinds 2023”** op 9 juli 2026, Juli (`2026-07-09-juli.toml` nr 1), door Sanne de Vries (aanbieder)"), "{md}");
    assert!(
        md.contains(
            "vraag 1 uit 2026-07-09-juli.toml samengevoegd met vraag 2 uit 2026-05-14-mei.toml"
        ),
        "{md}"
    );
    assert!(
        md.contains("status beantwoord — Rapport wachttijden Wmo 2026"),
        "{md}"
    );
}

#[test]
fn vragen_on_a_missing_folder_fails_clearly() {
    let (ok, _, err) = duiden(&["vragen", "/bestaat/niet"]);
    assert!(!ok);
    assert!(err.contains("/bestaat/niet"), "{err}");
}

#[test]
fn a_session_finds_its_dataset_from_another_working_directory() {
    // dataset.pad is recorded relative to the project; run from elsewhere, the folder above
    // sessions/ is tried too, so the minutes still get the dataset's indicator names.
    let elsewhere = tempfile::tempdir().unwrap();
    let session = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sessions/2026-11-05-duiden-van-data-jeugd-en-wmo.toml");
    let out = Command::new(env!("CARGO_BIN_EXE_duiden"))
        .args(["notulen", session.to_str().unwrap()])
        .current_dir(elsewhere.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("## jeugd · Instroom jeugdhulp"), "{md}");
}

#[test]
fn the_question_list_names_codes_answers_and_merged_codes() {
    let sessions = store::list_ok(&Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions"));
    let items = duiden::session::backlog::backlog(&sessions);
    let programme = Programme::default();
    let md = duiden::report::backlog_markdown(&items, &programme, "sessions", sessions.len());
    assert!(md.contains("- **Code:** V-0001\n"), "{md}");
    assert!(
        md.contains("- **Code:** V-0005 (samengevoegd: V-0002)\n"),
        "{md}"
    );
    assert!(
        md.contains("- **Antwoord:** Het verschil komt door het registratiemoment"),
        "{md}"
    );
    assert!(
        md.contains("- **Resultaat:** BiO-notitie Aansluiting instroom jeugdhulp: gemeente-registratie en aanbieders 2021-2024 (BiO / sturingsinformatie, notitie 2026-14"),
        "{md}"
    );
    let csv = duiden::report::backlog_csv(&items, &programme, duiden::report::Separator::Comma);
    let header = csv.lines().next().unwrap();
    assert!(
        header.ends_with(",code,ook_code,antwoord,resultaat,vindplaats,koppelingen"),
        "{header}"
    );
    let merged = csv.lines().find(|l| l.contains(",V-0005,")).unwrap();
    assert!(merged.contains(",V-0005,V-0002,"), "{merged}");
}

#[test]
fn a_code_given_twice_in_the_folder_stays_with_the_earlier_session_and_is_said() {
    // Two laptops wrote a question as V-0007 on the same day; the file name orders them.
    let dir = tempfile::tempdir().unwrap();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    let text = fs::read_to_string(examples.join("2026-11-05-duiden-van-data-jeugd-en-wmo.toml"))
        .unwrap()
        .replace("code = \"V-0003\"", "code = \"V-0007\"");
    fs::write(dir.path().join("2026-11-05-a.toml"), &text).unwrap();
    let later = text.replace("code = \"V-0004\"", "code = \"V-0009\"");
    fs::write(dir.path().join("2026-11-05-b.toml"), later).unwrap();
    let (ok, out, err) = duiden(&["vragen", dir.path().to_str().unwrap(), "--formaat", "csv"]);
    assert!(ok, "{err}");
    assert!(
        err.contains("code V-0007 staat in 2026-11-05-a.toml en in 2026-11-05-b.toml (id 3); 2026-11-05-a.toml houdt hem, de vraag in 2026-11-05-b.toml heet nu V-0010"),
        "{err}"
    );
    // Every code once.
    let (sessions, notices) = store::list_coded(dir.path());
    assert!(notices.len() >= 2, "{notices:?}");
    let mut codes: Vec<String> = sessions
        .iter()
        .flat_map(|(_, s)| s.annotations.iter().filter_map(|a| a.code))
        .map(|c| c.to_string())
        .collect();
    let all = codes.len();
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), all, "{codes:?}");
    assert!(out.contains("V-0007"), "{out}");
}
