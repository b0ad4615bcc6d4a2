//! Every text the user sees in the terminal interface, in Dutch. Kept in one place so that an
//! English variant is a matter of translating this file.

pub const APP_NAME: &str = "duiden";
pub const TAB_TREND: &str = "Trend";
pub const PANE_SERIES: &str = "Reeksen";
pub const PANE_CHART: &str = "Grafiek";
pub const PANE_LEGEND: &str = "Legenda";
pub const CHART_EMPTY: &str =
    "Nog geen reeks gekozen. Kies links een reeks met ↑/↓ en druk op Spatie of Enter.";
pub const CHART_NO_VALUES: &str = "De gekozen reeksen hebben geen bekende waarden.";
pub const MIXED_UNITS: &str = "let op: verschillende eenheden in één grafiek";
pub const PROVISIONAL_LEGEND: &str = "open symbool = voorlopig";
pub const EVENTS_LABEL: &str = "gebeurtenis";
pub const BREAK_LABEL: &str = "breuk";
pub const SYNTHETIC: &str = "synthetisch";
pub const HELP_TITLE: &str = "Toetsen";
pub const HELP_CLOSE: &str = "Esc of ? sluit deze hulp";
pub const TOO_SMALL: &str = "Venster te klein: minimaal 40×10 tekens";
pub const STATUS_HINT: &str =
    "? hulp · Tab wissel paneel · Spatie toevoegen · Enter alleen deze · q stoppen";
pub const LIGHT_THEME: &str = "licht thema";
pub const DARK_THEME: &str = "donker thema (hoog contrast)";
pub const CLEARED: &str = "grafiek leeggemaakt";
pub const SOURCE_LABEL: &str = "bron";
pub const UNIT_LABEL: &str = "eenheid";
pub const DEFINITION_LABEL: &str = "definitie";
pub const SOORT_LABEL: &str = "soort";

pub fn series_added(name: &str) -> String {
    format!("toegevoegd: {name}")
}

pub fn series_removed(name: &str) -> String {
    format!("verwijderd: {name}")
}

pub fn max_series(n: usize) -> String {
    format!("maximaal {n} reeksen in één grafiek")
}

pub fn series_count(n: usize, periods: usize) -> String {
    format!("{n} reeksen · {periods} perioden")
}

pub fn cursor_title(period: &str) -> String {
    format!("Cursor: {period}")
}

pub fn unknown_value() -> &'static str {
    "onbekend (.)"
}

pub fn no_value() -> &'static str {
    "—"
}

pub fn granularity_shown(g: Option<crate::model::Granularity>) -> String {
    match g {
        None => "perioden zoals geleverd".to_string(),
        Some(g) => format!(
            "per {}: stroom opgeteld, stand aan het eind van de periode, ratio herberekend of niet",
            g.dutch()
        ),
    }
}

pub fn granularity_label(g: Option<crate::model::Granularity>) -> String {
    match g {
        None => "zoals geleverd".to_string(),
        Some(g) => format!("per {}", g.dutch()),
    }
}
