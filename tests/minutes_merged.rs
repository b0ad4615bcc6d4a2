//! A merged question shows as merged in the minutes' question table (Markdown and HTML), on
//! the example sessions: September's question 4 was merged into November's question 14.

use duiden::report::Minutes;
use duiden::session::store;
use duiden::session::{Merge, Session};
use std::path::Path;

const SEPTEMBER: &str = "2026-09-10-duiden-van-data-jeugd-en-participatie.toml";
const NOVEMBER: &str = "2026-11-05-duiden-van-data-jeugd-en-wmo.toml";

fn sessions() -> Vec<(String, Session)> {
    store::list_ok(&Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions"))
}

fn session(all: &[(String, Session)], name: &str) -> Session {
    all.iter()
        .find(|(n, _)| n == name)
        .map(|(_, s)| s.clone())
        .unwrap()
}

/// The row of question `nr` in the Markdown question table.
fn row(markdown: &str, nr: u64) -> String {
    let table = markdown
        .split("## Onderzoeksvragen")
        .nth(1)
        .and_then(|t| t.split("\n## ").next())
        .unwrap_or_else(|| panic!("a question table in\n{markdown}"));
    table
        .lines()
        .find(|l| l.starts_with(&format!("| {nr} |")))
        .unwrap_or_else(|| panic!("question {nr} in\n{table}"))
        .to_string()
}

#[test]
fn the_question_merged_into_names_the_one_merged_with_it() {
    let all = sessions();
    let november = session(&all, NOVEMBER);
    let minutes = Minutes::build(&november, NOVEMBER, Some(&all), None);
    let md = duiden::report::minutes::markdown(&minutes);
    let row = row(&md, 14);
    assert!(
        row.contains("| geagendeerd; samengevoegd met nr 4 van 10 september 2026 |"),
        "{row}"
    );
    let html = duiden::report::minutes::html(&minutes);
    assert!(
        html.contains("<td>geagendeerd; samengevoegd met nr 4 van 10 september 2026</td>"),
        "HTML says so too"
    );
    // The other questions are not touched.
    assert_eq!(status_of(&md, 8), "nieuw", "{md}");
}

fn status_of(md: &str, nr: u64) -> String {
    row(md, nr)
        .split(" | ")
        .nth(4)
        .unwrap_or_default()
        .to_string()
}

#[test]
fn a_question_merged_away_says_where_it_went_instead_of_a_status() {
    let all = sessions();
    // November's question 14 merged into September's 4 instead (the other direction).
    let mut november = session(&all, NOVEMBER);
    november.merges = vec![Merge {
        session: NOVEMBER.into(),
        id: 14,
        into_session: SEPTEMBER.into(),
        into_id: 4,
        time: november.merges[0].time,
        by: "Marieke van den Berg".into(),
    }];
    let history: Vec<(String, Session)> =
        all.iter().filter(|(n, _)| n != NOVEMBER).cloned().collect();
    let md = duiden::report::minutes::markdown(&Minutes::build(
        &november,
        NOVEMBER,
        Some(&history),
        None,
    ));
    assert_eq!(
        status_of(&md, 14),
        "samengevoegd in nr 4 van 10 september 2026",
        "{md}"
    );
    // Within one session the number alone is enough.
    let mut one = november.clone();
    one.merges[0].into_session = NOVEMBER.into();
    one.merges[0].into_id = 8;
    let md =
        duiden::report::minutes::markdown(&Minutes::build(&one, NOVEMBER, Some(&history), None));
    assert_eq!(status_of(&md, 14), "samengevoegd in nr 8", "{md}");
    assert_eq!(status_of(&md, 8), "nieuw; samengevoegd met nr 14", "{md}");
}

#[test]
fn september_minutes_stay_as_they_were_on_the_day() {
    // Later sessions do not change old minutes: the merge happened in November.
    let all = sessions();
    let september = session(&all, SEPTEMBER);
    let md =
        duiden::report::minutes::markdown(&Minutes::build(&september, SEPTEMBER, Some(&all), None));
    assert_eq!(status_of(&md, 4), "nieuw", "{md}");
}

#[test]
fn minutes_show_codes_and_the_answer_with_its_result() {
    let all = sessions();
    let november = session(&all, NOVEMBER);
    let minutes = Minutes::build(&november, NOVEMBER, Some(&all), None);
    let md = duiden::report::minutes::markdown(&minutes);
    let answered = row(&md, 3);
    assert!(
        answered.contains("| V-0003 Komt het verschil"),
        "{answered}"
    );
    assert!(
        answered.contains("<br>*antwoord: Het verschil komt door het registratiemoment"),
        "{answered}"
    );
    assert!(
        answered.contains("<br>*resultaat: BiO-notitie Aansluiting instroom jeugdhulp"),
        "{answered}"
    );
    assert!(row(&md, 14).contains("| V-0005 "), "{md}");
    // The changes to September's items name their codes.
    assert!(
        md.contains("| onderzoeksvraag: V-0001 Via welke verwijzer"),
        "{md}"
    );
    let html = duiden::report::minutes::html(&minutes);
    assert!(
        html.contains("V-0003 <span class=\"tekst\">Komt het verschil"),
        "{html}"
    );
    assert!(
        html.contains("<em>resultaat: BiO-notitie Aansluiting"),
        "HTML too"
    );
    // The merge names both codes: the question merged away keeps its own.
    assert!(md.contains("| V-0002 Blijven mensen"), "{md}");
    assert!(md.contains("| V-0005 Is uitstroom naar werk"), "{md}");
}
