use super::*;
use crate::model::Period;
use crate::session::{Anchor, Criteria, QuestionStatus, Role};

fn item(session: &str, date: &str, id: u64, own: bool) -> FollowUpItem {
    FollowUpItem {
        session: session.into(),
        date: date.parse().unwrap(),
        annotation: Annotation {
            code: None,
            answer: String::new(),
            result: None,
            links: Vec::new(),
            id,
            kind: AnnotationKind::Onderzoeksvraag,
            text: "Waarom?".into(),
            role: Role::Beleid,
            name: String::new(),
            time: "2026-09-10T10:00:00+02:00".parse().unwrap(),
            status: Some(QuestionStatus::Open),
            owner: String::new(),
            theme: String::new(),
            support: Vec::new(),
            disagree: Vec::new(),
            criteria: Criteria::default(),
            anchor: Anchor::new(
                "jeugd",
                "instroom",
                Vec::new(),
                Period::month(2023, 1),
                Period::month(2023, 1),
            ),
        },
        own,
        similar: None,
    }
}

#[test]
fn equal_numbers_of_different_sessions_get_different_labels() {
    crate::tui::i18n::set_lang(crate::tui::i18n::Lang::Nl);
    let f = FollowUp {
        items: vec![
            item("2025-09-10-a.toml", "2025-09-10", 2, false),
            item("2026-09-10-b.toml", "2026-09-10", 2, false),
            item("2026-09-10-c.toml", "2026-09-10", 2, false),
            item("2026-09-10-c.toml", "2026-09-10", 3, false),
            item("2026-11-05-d.toml", "2026-11-05", 2, false),
            item("2026-11-23-e.toml", "2026-11-23", 2, true),
        ],
        selected: 0,
        merge_from: None,
        owner: None,
        life: None,
        register: Vec::new(),
        typing_theme: false,
        typing_decision: None,
        agenda: false,
        reading_role: Role::Toegang,
        programme: std::sync::Arc::default(),
        others: Vec::new(),
        dataset: (String::new(), String::new()),
    };
    let labels: Vec<String> = f.items.iter().map(|i| f.label(i)).collect();
    assert_eq!(
        labels,
        [
            "nr 2 (10 sep 2025)",
            "nr 2 (2026-09-10-b)",
            "nr 2 (2026-09-10-c)",
            "nr 3 (10 sep)",
            "nr 2 (5 nov)",
            "nr 2",
        ]
    );
}
