use super::*;
use crossterm::event::{KeyCode, KeyModifiers};

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

fn none() -> KeyEvent {
    KeyEvent::new(KeyCode::Null, KeyModifiers::NONE)
}

fn item() -> ItemRef {
    ItemRef {
        session: "2026-09-10-a.toml".into(),
        id: 2,
    }
}

fn type_in(flow: &mut LifeFlow, text: &str) {
    for c in text.chars() {
        assert_eq!(flow.handle(None, key(c)), LifeOutcome::Stay);
    }
}

fn choose(flow: &mut LifeFlow, status: QuestionStatus) -> LifeOutcome {
    let LifeFlow::Status(s) = flow else {
        panic!("a status step")
    };
    let at = s
        .choices
        .iter()
        .position(|c| *c == status)
        .expect("offered");
    for _ in 0..at {
        flow.handle(Some(Action::Down), none());
    }
    flow.handle(Some(Action::Activate), none())
}

#[test]
fn only_the_allowed_next_statuses_are_offered() {
    crate::tui::i18n::set_lang(crate::tui::i18n::Lang::Nl);
    let offered = |now| match LifeFlow::status(item(), "V-0001".into(), now, "Marieke") {
        Some(LifeFlow::Status(s)) => s.choices,
        _ => Vec::new(),
    };
    use QuestionStatus as S;
    assert_eq!(offered(S::Open), [S::Geagendeerd, S::Vervallen]);
    assert_eq!(offered(S::InOnderzoek), [S::Beantwoord, S::Vervallen]);
    assert_eq!(offered(S::Beantwoord), [S::Open]);
    assert!(LifeFlow::status(item(), "V-0001".into(), S::Samengevoegd, "").is_none());
}

#[test]
fn a_simple_move_is_one_choice() {
    let mut flow = LifeFlow::status(item(), "V-0001".into(), QuestionStatus::Open, "M").unwrap();
    assert_eq!(flow.context(), Context::FollowUp);
    match choose(&mut flow, QuestionStatus::Geagendeerd) {
        LifeOutcome::Status(at, change) => {
            assert_eq!(at, item());
            assert_eq!(change, StatusChange::to(QuestionStatus::Geagendeerd));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn beantwoord_asks_the_answer_and_result_and_will_not_go_on_without_them() {
    crate::tui::i18n::set_lang(crate::tui::i18n::Lang::Nl);
    let mut flow = LifeFlow::status(
        item(),
        "V-0001".into(),
        QuestionStatus::InOnderzoek,
        "Marieke",
    )
    .unwrap();
    assert_eq!(
        choose(&mut flow, QuestionStatus::Beantwoord),
        LifeOutcome::Stay
    );
    assert_eq!(flow.context(), Context::Input);
    // An empty answer is not taken.
    match flow.handle(Some(Action::Save), none()) {
        LifeOutcome::Say(line) => assert!(line.contains("nodig"), "{line}"),
        other => panic!("{other:?}"),
    }
    type_in(&mut flow, "Via de huisarts.");
    assert_eq!(flow.handle(Some(Action::Save), none()), LifeOutcome::Stay);
    type_in(&mut flow, "BiO-notitie");
    assert_eq!(flow.handle(Some(Action::Save), none()), LifeOutcome::Stay);
    type_in(&mut flow, "intranet");
    assert_eq!(flow.handle(Some(Action::Save), none()), LifeOutcome::Stay);
    // Who: the facilitator unless changed; why: may stay empty.
    assert_eq!(flow.handle(Some(Action::Save), none()), LifeOutcome::Stay);
    match flow.handle(Some(Action::Save), none()) {
        LifeOutcome::Status(_, change) => {
            assert_eq!(change.by, "Marieke");
            assert_eq!(change.reason, "");
            let answer = change.answer.expect("an answer");
            assert_eq!(answer.text, "Via de huisarts.");
            assert_eq!(answer.result.titel, "BiO-notitie");
            assert_eq!(answer.result.vindplaats, "intranet");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn dropping_asks_why_and_esc_cancels() {
    let mut flow = LifeFlow::status(item(), "V-0001".into(), QuestionStatus::Open, "M").unwrap();
    choose(&mut flow, QuestionStatus::Vervallen);
    assert!(matches!(
        flow.handle(Some(Action::Save), none()),
        LifeOutcome::Say(_)
    ));
    type_in(&mut flow, "Landelijk al onderzocht");
    flow.handle(Some(Action::Save), none());
    match flow.handle(Some(Action::Save), none()) {
        LifeOutcome::Status(_, c) => {
            assert_eq!(
                (c.to, c.reason.as_str()),
                (QuestionStatus::Vervallen, "Landelijk al onderzocht")
            );
        }
        other => panic!("{other:?}"),
    }
    let mut flow = LifeFlow::status(item(), "V-0001".into(), QuestionStatus::Open, "M").unwrap();
    assert_eq!(
        flow.handle(Some(Action::Cancel), none()),
        LifeOutcome::Cancelled
    );
}

#[test]
fn a_link_picks_the_kind_then_another_question_by_code() {
    use crate::session::{Anchor, Annotation, AnnotationKind, DatasetRef, LocalTime, Role};
    let mut s = Session::new(
        "s",
        "2026-09-10".parse().unwrap(),
        DatasetRef {
            path: "d".into(),
            hash: "h".into(),
        },
    );
    let march = crate::model::Period::month(2023, 3);
    for (n, text) in [(1, "Eigen vraag"), (3, "Andere vraag")] {
        s.add(Annotation {
            code: Some(Code::new(crate::session::CodeKind::Vraag, n)),
            ..Annotation::said(
                AnnotationKind::Onderzoeksvraag,
                text,
                Role::Beleid,
                LocalTime::parse("2026-09-10T10:00:00+02:00").unwrap(),
                Anchor::new("jeugd", "instroom", vec![], march, march),
            )
        });
    }
    let sessions = vec![("2026-09-10-a.toml".to_string(), s)];
    let own = Code::parse("V-0001");
    let mut flow = LifeFlow::link(item(), own, &sessions).unwrap();
    flow.handle(Some(Action::Down), none());
    assert_eq!(
        flow.handle(Some(Action::Activate), none()),
        LifeOutcome::Stay
    );
    match flow.handle(Some(Action::Activate), none()) {
        LifeOutcome::Link(at, link) => {
            assert_eq!(at, item());
            assert_eq!(link.soort, LinkKind::Vervangt);
            assert_eq!(link.code.to_string(), "V-0003", "not itself");
        }
        other => panic!("{other:?}"),
    }
    assert!(LifeFlow::link(item(), own, &sessions[..0]).is_none());
}
