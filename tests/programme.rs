//! The programme's criteria (`programma.toml`, default the six steps): weighings of format 2
//! sessions kept across load and save and shown under their old names; the agenda by theme
//! (`duiden vragen --formaat md`); readings per role in the backlog and the minutes.

use duiden::report::Minutes;
use duiden::session::backlog::backlog_for;
use duiden::session::programme::Programme;
use duiden::session::store;
use duiden::session::{AnnotationKind, ItemEdit, ItemRef, OpenSession, Role, Session};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const SEPT: &str = "2026-09-10-duiden-van-data-jeugd-en-participatie.toml";
const NOV: &str = "2026-11-05-duiden-van-data-jeugd-en-wmo.toml";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The example sessions (`sessions/`) or the format 2 fixtures, by file name.
fn sessions(format_2: bool) -> Vec<(String, Session)> {
    [SEPT, NOV]
        .map(|name| {
            let path = match format_2 {
                true => root()
                    .join("tests/fixtures")
                    .join(format!("sessie-formaat-2-{}.toml", &name[..10])),
                false => root().join("sessions").join(name),
            };
            let s = store::load(&path).unwrap_or_else(|e| panic!("{e}"));
            (name.to_string(), s)
        })
        .to_vec()
}

/// The criteria block of annotation `id` as the file has it.
fn weighed(s: &Session, id: u64) -> Vec<(String, String)> {
    s.get(id)
        .unwrap()
        .criteria
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
    p.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn weighings_of_format_2_and_the_example_sessions_are_kept_across_load_and_save() {
    for format_2 in [true, false] {
        let all = sessions(format_2);
        let nov = &all[1].1;
        assert_eq!(
            weighed(nov, 8),
            pairs(&[
                ("relevantie", "hoog"),
                ("urgentie", "midden"),
                ("haalbaarheid", "midden"),
                ("breed_gedragen", "hoog")
            ]),
            "format 2: {format_2}"
        );
        assert_eq!(
            weighed(nov, 14),
            pairs(&[
                ("relevantie", "hoog"),
                ("urgentie", "hoog"),
                ("haalbaarheid", "laag")
            ])
        );
        let change = &nov.changes[0];
        assert_eq!(
            change
                .criteria
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect::<Vec<_>>(),
            pairs(&[("haalbaarheid", "midden"), ("breed_gedragen", "hoog")])
        );
        // Saved and read back: the same session, the weighings in the file as they were.
        let dir = tempfile::tempdir().unwrap();
        for (name, s) in &all {
            let path = dir.path().join(name);
            store::save_atomic(&path, s).unwrap();
            assert_eq!(&store::load(&path).unwrap(), s, "{name}");
        }
        let text = fs::read_to_string(dir.path().join(NOV)).unwrap();
        assert!(
            text.contains(
                "[aantekeningen.criteria]\nrelevantie = \"hoog\"\nurgentie = \"midden\"\n\
                 haalbaarheid = \"midden\"\nbreed_gedragen = \"hoog\"\n"
            ),
            "{text}"
        );
        assert!(
            text.contains(
                "[wijzigingen.criteria]\nhaalbaarheid = \"midden\"\nbreed_gedragen = \"hoog\"\n"
            ),
            "{text}"
        );
    }
}

#[test]
fn the_example_sessions_under_the_default_programme_keep_old_weighings_visible() {
    let p = Programme::default();
    let items = backlog_for(&sessions(false), &p);
    let q = items
        .iter()
        .find(|i| {
            i.key()
                == &ItemRef {
                    session: SEPT.into(),
                    id: 2,
                }
        })
        .unwrap();
    // Weighed in September (relevantie hoog, urgentie midden) and in November (haalbaarheid
    // midden, breed gedragen hoog): urgentie and haalbaarheid count, the others are shown.
    assert_eq!(q.priority(), 2 + 2);
    assert_eq!(
        p.line(&q.criteria, "–"),
        "urgentie midden · kennishiaat – · slim combineren – · haalbaarheid midden · \
         data beschikbaar – · belasting – · relevantie (oud) hoog · breed gedragen (oud) hoog"
    );
    // Open questions by priority under the programme's rule.
    let open: Vec<u32> = items
        .iter()
        .filter(|i| i.is_open())
        .map(|i| i.priority())
        .collect();
    assert!(open.windows(2).all(|w| w[0] >= w[1]), "{open:?}");
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

/// The example sessions in `<tmp>/sessies`, November's open questions given a theme and
/// readings through the writer (as the follow-up popup does).
fn agenda_folder() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("sessies");
    fs::create_dir(&dir).unwrap();
    for (name, s) in sessions(false) {
        store::save_atomic(&dir.join(&name), &s).unwrap();
    }
    let path = dir.join(NOV);
    let session = store::load(&path).unwrap();
    let OpenSession::Writable(mut w) = OpenSession::open(path, session) else {
        panic!("not writable");
    };
    let sept_q = ItemRef {
        session: SEPT.into(),
        id: 2,
    };
    let nov_q = ItemRef {
        session: NOV.into(),
        id: 8,
    };
    w.edit_item(&sept_q, ItemEdit::Theme("Instroom jeugdhulp".into()))
        .unwrap();
    w.edit_item(
        &sept_q,
        ItemEdit::Readings(vec![Role::Toegang, Role::Beleid], vec![Role::Aanbieder]),
    )
    .unwrap();
    w.edit_item(&nov_q, ItemEdit::Theme("Instroom jeugdhulp".into()))
        .unwrap();
    drop(w);
    (tmp, dir)
}

#[test]
fn theme_and_readings_are_recorded_as_changes_and_in_place() {
    let (_tmp, dir) = agenda_folder();
    let nov = store::load(&dir.join(NOV)).unwrap();
    // September's question: changes of this session; November's own: on the annotation.
    let theme_change = nov
        .changes
        .iter()
        .find(|c| c.session == SEPT && c.theme.is_some())
        .unwrap();
    assert_eq!(theme_change.theme.as_deref(), Some("Instroom jeugdhulp"));
    let readings = nov.changes.iter().find(|c| c.support.is_some()).unwrap();
    assert_eq!(
        (readings.support.clone(), readings.disagree.clone()),
        (
            Some(vec![Role::Toegang, Role::Beleid]),
            Some(vec![Role::Aanbieder])
        )
    );
    assert_eq!(nov.get(8).unwrap().theme, "Instroom jeugdhulp");
    let text = fs::read_to_string(dir.join(NOV)).unwrap();
    assert!(text.contains("thema = \"Instroom jeugdhulp\"\n"), "{text}");
    assert!(
        text.contains("steun = [\"toegang\", \"beleid\"]\nniet_eens = [\"aanbieder\"]\n"),
        "{text}"
    );
    // The September file is not touched.
    assert_eq!(
        fs::read(dir.join(SEPT)).unwrap(),
        fs::read(root().join("sessions").join(SEPT)).unwrap()
    );
}

#[test]
fn vragen_md_is_the_agenda_by_theme_with_scores_readings_and_decisions() {
    let (_tmp, dir) = agenda_folder();
    let (ok, md, err) = duiden(&["vragen", dir.to_str().unwrap(), "--formaat", "md"]);
    assert!(ok, "{err}");
    // The rule in words, from the default programme.
    assert!(
        md.contains("daarna op prioriteit: de som van de punten per criterium"),
        "{md}"
    );
    assert!(md.contains("hoogst mogelijk 18"), "{md}");
    let theme = md
        .find("### Instroom jeugdhulp (2)")
        .expect("theme heading");
    let without = md
        .find("### Zonder thema")
        .expect("questions without theme");
    let closed = md.find("## Afgeronde vragen").unwrap();
    assert!(theme < without && without < closed, "{md}");
    assert!(
        md.contains("- **Besluit:** geagendeerd — Op de onderzoeksagenda voor het voorjaar; BiO koppelt verwijzer aan beschikking. · **Prioriteit:** 4 van 18"),
        "{md}"
    );
    assert!(
        md.contains("- **Criteria:** urgentie midden · kennishiaat – · slim combineren – · haalbaarheid midden · data beschikbaar – · belasting – · relevantie (oud) hoog · breed gedragen (oud) hoog"),
        "{md}"
    );
    assert!(
        md.contains("- **Lezing per rol:** toegang en beleid steunen; aanbieder niet eens"),
        "{md}"
    );
    // Roles only: the reading line names no provider or person.
    let line = md.lines().find(|l| l.contains("Lezing per rol")).unwrap();
    assert!(!line.contains("Sanne"), "{line}");
    // The history says what changed.
    assert!(md.contains("thema Instroom jeugdhulp"), "{md}");

    // CSV: the programme's criteria, then the old ones, theme and readings last.
    let (ok, csv, err) = duiden(&[
        "vragen",
        dir.to_str().unwrap(),
        "--formaat",
        "csv",
        "--scheiding",
        ",",
    ]);
    assert!(ok, "{err}");
    let header = csv.lines().next().unwrap();
    assert!(
        header.starts_with(
            "nr,status,prioriteit,urgentie,kennishiaat,slim_combineren,haalbaarheid,\
             data_beschikbaar,belasting,relevantie_oud,breed_gedragen_oud,eigenaar,"
        ),
        "{header}"
    );
    // Theme and readings, then the code, the answer and the links (issue 15.2/15.3).
    assert!(
        header.ends_with(
            ",thema,steun,niet_eens,code,ook_code,antwoord,resultaat,vindplaats,koppelingen"
        ),
        "{header}"
    );
    assert!(
        csv.contains(",Instroom jeugdhulp,toegang;beleid,aanbieder,V-"),
        "{csv}"
    );
}

#[test]
fn a_programme_file_beside_the_sessions_folder_is_used_and_a_bad_one_is_named() {
    let (tmp, dir) = agenda_folder();
    let text = "[prioriteit]\nregel = \"gewogen\"\nuitleg = \"relevantie telt dubbel\"\n\
                [[criteria]]\nid = \"relevantie\"\nnaam = \"relevantie\"\nschaal = [\"laag\", \"midden\", \"hoog\"]\ngewicht = 2\n";
    fs::write(tmp.path().join("programma.toml"), text).unwrap();
    let (ok, md, err) = duiden(&["vragen", dir.to_str().unwrap()]);
    assert!(ok, "{err}");
    assert!(
        md.contains("relevantie telt dubbel (hoogst mogelijk 6)"),
        "{md}"
    );
    // September's question: relevantie hoog → 3 × 2; urgentie is now an old weighing.
    assert!(md.contains("**Prioriteit:** 6 van 6"), "{md}");
    assert!(md.contains("urgentie (oud) midden"), "{md}");

    fs::write(
        tmp.path().join("programma.toml"),
        text.replace("gewogen", "gemiddeld"),
    )
    .unwrap();
    let (ok, _, err) = duiden(&["vragen", dir.to_str().unwrap()]);
    assert!(!ok);
    assert!(err.contains("programma.toml:2:9: onbekende regel"), "{err}");
}

#[test]
fn the_minutes_show_readings_per_role_without_names() {
    let (_, mut s) = sessions(false).remove(1);
    let explanation = s
        .annotations
        .iter_mut()
        .find(|a| a.kind == AnnotationKind::Verklaring)
        .unwrap();
    explanation.support = vec![Role::Beleid, Role::Toegang];
    explanation.disagree = vec![Role::Aanbieder];
    let text = explanation.text.clone();
    let md = duiden::report::minutes::markdown(&Minutes::build(&s, NOV, None, None));
    let line = md
        .lines()
        .skip_while(|l| !l.contains(&text[..20]))
        .find(|l| l.contains("lezing per rol"))
        .unwrap_or_else(|| panic!("{md}"));
    assert!(
        line.contains("lezing per rol: toegang en beleid steunen; aanbieder niet eens"),
        "{line}"
    );
    let html = duiden::report::minutes::html(&Minutes::build(&s, NOV, None, None));
    assert!(
        html.contains("lezing per rol: toegang en beleid steunen; aanbieder niet eens"),
        "{html}"
    );
}

#[test]
fn a_decision_on_an_own_question_is_recorded_with_its_reason_and_found_in_the_minutes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(NOV);
    let (_, nov) = sessions(false).remove(1);
    store::save_atomic(&path, &nov).unwrap();
    let OpenSession::Writable(mut w) = OpenSession::open(path.clone(), nov) else {
        panic!("not writable");
    };
    let own = ItemRef {
        session: NOV.into(),
        id: 8,
    };
    w.decide(
        &own,
        duiden::session::QuestionStatus::Vervallen,
        " Dubbel met nr 14 ",
    )
    .unwrap();
    drop(w);
    let s = store::load(&path).unwrap();
    assert_eq!(
        s.get(8).unwrap().status,
        Some(duiden::session::QuestionStatus::Vervallen)
    );
    let c = s.changes.last().unwrap();
    assert_eq!(
        (c.session.as_str(), c.id, c.note.as_str()),
        (NOV, 8, "Dubbel met nr 14")
    );
    let md = duiden::report::minutes::markdown(&Minutes::build(&s, NOV, Some(&[]), None));
    let row = md
        .lines()
        .find(|l| l.contains("Dubbel met nr 14"))
        .unwrap_or_else(|| panic!("{md}"));
    assert!(!row.contains("niet gevonden"), "{row}");
    assert!(row.contains("status vervallen"), "{row}");
}
