//! Key bindings of review mode, one table for the keys and the help overlay.

use super::Binding;
use crate::tui::action::ReviewAction;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Shown in the help overlay of review mode, in this order.
pub const REVIEW_BINDINGS: &[Binding] = &[
    Binding {
        keys: "↑ ↓ / k j",
        description: "vorige / volgende regel",
    },
    Binding {
        keys: "PgUp PgDn  Home End",
        description: "een pagina / naar het begin of einde",
    },
    Binding {
        keys: "Tab",
        description: "wissel tussen sessies en aantekeningen",
    },
    Binding {
        keys: "1 2",
        description: "aantekeningen per sessie / vragenlijst (alle onderzoeksvragen)",
    },
    Binding {
        keys: "Enter",
        description: "open de grafiek van de aantekening of vraag (Esc of q: terug)",
    },
    Binding {
        keys: "/",
        description: "zoeken in tekst, namen, eigenaar, verschil en indicator",
    },
    Binding {
        keys: "f  s  d  r",
        description: "filter op soort / status / domein / rol (volgende waarde)",
    },
    Binding {
        keys: "t",
        description: "filter op periode: 2023, 2023-Q1 of 2022..2024",
    },
    Binding {
        keys: "x",
        description: "alle filters wissen",
    },
    Binding {
        keys: "T",
        description: "wissel donker / licht thema",
    },
    Binding {
        keys: "?",
        description: "deze hulp tonen / sluiten",
    },
    Binding {
        keys: "q / Ctrl-C",
        description: "stoppen (er wordt niets opgeslagen of gewijzigd)",
    },
];

/// Maps a key press in review mode to an action.
pub fn review_action_for(key: KeyEvent) -> Option<ReviewAction> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    Some(match key.code {
        KeyCode::Char('c') if ctrl => ReviewAction::Quit,
        KeyCode::Char('q') => ReviewAction::Quit,
        KeyCode::Up | KeyCode::Char('k') => ReviewAction::Up,
        KeyCode::Down | KeyCode::Char('j') => ReviewAction::Down,
        KeyCode::PageUp => ReviewAction::PageUp,
        KeyCode::PageDown => ReviewAction::PageDown,
        KeyCode::Home | KeyCode::Char('g') => ReviewAction::Home,
        KeyCode::End | KeyCode::Char('G') => ReviewAction::End,
        KeyCode::Enter => ReviewAction::Activate,
        KeyCode::Tab | KeyCode::BackTab | KeyCode::Left | KeyCode::Right => ReviewAction::NextPane,
        KeyCode::Char('1') => ReviewAction::ShowNotes,
        KeyCode::Char('2') => ReviewAction::ShowQuestions,
        KeyCode::Char('/') => ReviewAction::Search,
        KeyCode::Char('f') => ReviewAction::CycleKind,
        KeyCode::Char('s') => ReviewAction::CycleStatus,
        KeyCode::Char('d') => ReviewAction::CycleDomain,
        KeyCode::Char('r') => ReviewAction::CycleRole,
        KeyCode::Char('t') => ReviewAction::Period,
        KeyCode::Char('x') => ReviewAction::ClearFilters,
        KeyCode::Char('T') => ReviewAction::ToggleTheme,
        KeyCode::Char('?') => ReviewAction::ToggleHelp,
        KeyCode::Esc => ReviewAction::Close,
        _ => return None,
    })
}
