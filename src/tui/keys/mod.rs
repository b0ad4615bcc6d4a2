//! Key bindings: one table maps keys to actions and feeds the help overlay, so the help can never
//! disagree with what the keys do.

pub mod review;

use super::action::Action;
use super::tabs::Tab;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub struct Binding {
    pub keys: &'static str,
    pub description: &'static str,
}

/// Shown in the help overlay, in this order.
pub const BINDINGS: &[Binding] = &[
    Binding {
        keys: "↑ ↓ / k j",
        description: "vorige / volgende regel",
    },
    Binding {
        keys: "← → / h l",
        description: "inklappen / uitklappen; in de grafiek: cursor per periode",
    },
    Binding {
        keys: "PgUp PgDn",
        description: "een pagina omhoog / omlaag; in de grafiek: 12 perioden",
    },
    Binding {
        keys: "Home End / g G",
        description: "eerste / laatste",
    },
    Binding {
        keys: "Enter",
        description: "uitklappen, of alleen deze reeks tonen; in Verschillen: vergelijken",
    },
    Binding {
        keys: "Spatie",
        description: "reeks toevoegen aan / weghalen uit de grafiek",
    },
    Binding {
        keys: "Tab / Shift-Tab",
        description: "wissel tussen reeksen, grafiek en aantekeningen",
    },
    Binding {
        keys: "1 2 3",
        description: "tabblad Trend / Vergelijken / Verschillen",
    },
    Binding {
        keys: "p",
        description: "perioden: zoals geleverd → maand → kwartaal → halfjaar → jaar (volgens soort)",
    },
    Binding {
        keys: "r",
        description: "Vergelijken: andere referentiebron",
    },
    Binding {
        keys: "f  d",
        description: "Verschillen: filter op soort / op domein",
    },
    Binding {
        keys: "v",
        description: "grafiek: begin / stop een periodebereik",
    },
    Binding {
        keys: "a",
        description: "aantekening bij cursor, bereik of verschil: soort o v d q a, typen, Enter",
    },
    Binding {
        keys: "e  x  s",
        description: "aantekeningen: bewerken, verwijderen, status verder",
    },
    Binding {
        keys: "u",
        description: "laatste wijziging ongedaan maken",
    },
    Binding {
        keys: "o",
        description: "openstaande vragen en acties: status, criteria, eigenaar, samenvoegen",
    },
    Binding {
        keys: "i",
        description: "sessie: facilitator, deelnemers (met rol) en agenda bewerken",
    },
    Binding {
        keys: "n",
        description: "notulen (Markdown) schrijven naast het sessiebestand",
    },
    Binding {
        keys: "c",
        description: "grafiek leegmaken",
    },
    Binding {
        keys: "t",
        description: "wissel donker (hoog contrast) / licht thema",
    },
    Binding {
        keys: "?",
        description: "deze hulp tonen / sluiten",
    },
    Binding {
        keys: "Esc",
        description: "venster sluiten, periodekeuze stoppen",
    },
    Binding {
        keys: "q / Ctrl-C",
        description: "stoppen",
    },
    Binding {
        keys: "muis",
        description: "klik kiest een regel of periode; scrollen beweegt",
    },
];

/// Maps a key press to an action.
pub fn action_for(key: KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    Some(match key.code {
        KeyCode::Char('c') if ctrl => Action::Quit,
        KeyCode::Char('q') => Action::Quit,
        KeyCode::Up | KeyCode::Char('k') => Action::Up,
        KeyCode::Down | KeyCode::Char('j') => Action::Down,
        KeyCode::Left | KeyCode::Char('h') => Action::Left,
        KeyCode::Right | KeyCode::Char('l') => Action::Right,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::PageDown => Action::PageDown,
        KeyCode::Home | KeyCode::Char('g') => Action::Home,
        KeyCode::End | KeyCode::Char('G') => Action::End,
        KeyCode::Enter => Action::Activate,
        KeyCode::Char(' ') => Action::Toggle,
        KeyCode::Tab => Action::NextPane,
        KeyCode::BackTab => Action::PrevPane,
        KeyCode::Char('?') => Action::ToggleHelp,
        KeyCode::Char('c') => Action::ClearChart,
        KeyCode::Char('p') => Action::CycleGranularity,
        KeyCode::Char('a') => Action::Annotate,
        KeyCode::Char('1') => Action::ShowTab(Tab::Trend),
        KeyCode::Char('2') => Action::ShowTab(Tab::Compare),
        KeyCode::Char('3') => Action::ShowTab(Tab::Overview),
        KeyCode::Char('r') => Action::CycleReference,
        KeyCode::Char('i') => Action::EditHeader,
        KeyCode::Char('f') => Action::CycleKindFilter,
        KeyCode::Char('d') => Action::CycleDomainFilter,
        KeyCode::Char('v') => Action::ToggleRange,
        KeyCode::Char('u') => Action::Undo,
        KeyCode::Char('n') => Action::WriteMinutes,
        KeyCode::Char('o') => Action::ShowFollowUp,
        KeyCode::Char('e') => Action::Edit,
        KeyCode::Char('x') | KeyCode::Delete => Action::Delete,
        KeyCode::Char('s') => Action::CycleStatus,
        KeyCode::Char('t') => Action::ToggleTheme,
        KeyCode::Esc => Action::Close,
        _ => return None,
    })
}
