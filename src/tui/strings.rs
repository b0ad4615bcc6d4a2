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
pub const CHART_TOO_SMALL: &str = "te weinig ruimte voor de grafiek";
pub const TOO_SMALL: &str = "Venster te klein: minimaal 40×10 tekens";
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

// --- Sessions and annotations -------------------------------------------------------------

pub const PANE_NOTES: &str = "Aantekeningen";
pub const NOTES_EMPTY: &str = "Nog geen aantekeningen bij deze indicator. Grafiek: v kiest een periode, a maakt een aantekening.";
pub const NO_SESSION: &str = "geen sessie: alleen kijken";
pub const NEED_SESSION: &str =
    "aantekeningen vragen een sessie: start duiden opnieuw en kies een sessie";
pub const READ_ONLY: &str = "alleen lezen";
pub const ANNOTATION_NEW_TITLE: &str = "Nieuwe aantekening";
pub const ANNOTATION_EDIT_TITLE: &str = "Aantekening bewerken";
pub const PICK_KIND: &str = "Soort (één toets):";
pub const SAID_BY: &str = "gezegd door";
pub const STATUS: &str = "status";
pub const OWNER: &str = "eigenaar";
pub const TEXT_PLACEHOLDER: &str = "Typ wat er gezegd wordt…";
pub const RANGE_STARTED: &str = "periode kiezen: beweeg de cursor en maak de aantekening";
pub const RANGE_CLEARED: &str = "periodekeuze gestopt";
pub const NO_CHART_FOR_NOTE: &str =
    "kies eerst een reeks in de grafiek om een aantekening aan te hangen";
pub const UNDO_ADD: &str = "ongedaan: aantekening weer weggehaald";
pub const UNDO_DELETE: &str = "ongedaan: aantekening teruggezet";
pub const UNDO_EDIT: &str = "ongedaan: wijziging teruggedraaid";
pub const NOTHING_TO_UNDO: &str = "niets om ongedaan te maken";
pub const START_TITLE: &str = "Sessie";
pub const START_CONTINUE: &str = "Doorgaan met";
pub const START_NEW: &str = "＋ Nieuwe sessie";
pub const START_VIEW_ONLY: &str = "Alleen kijken (geen sessie)";
pub const NEW_TITLE_PROMPT: &str = "Titel van de nieuwe sessie:";
pub const DEFAULT_SESSION_TITLE: &str = "Duiden van data";
pub const FOLLOW_UP_TITLE: &str = "Openstaande vragen en acties";
pub const FOLLOW_UP_EMPTY: &str =
    "Geen openstaande onderzoeksvragen of acties uit vorige sessies of deze sessie.";
pub const FOLLOW_UP_NOTE: &str = "R relevantie, U urgentie, H haalbaarheid, B breed gedragen: – niet gewogen → laag → midden → hoog; alles komt in de notulen";
pub const FOLLOW_UP_OWNER_PROMPT: &str = "Eigenaar";
pub const FOLLOW_UP_THIS_SESSION: &str = "deze sessie";
pub const FOLLOW_UP_CRITERIA_FOR_QUESTIONS: &str = "criteria gelden alleen voor onderzoeksvragen";
pub const FOLLOW_UP_MERGE_QUESTIONS_ONLY: &str =
    "alleen onderzoeksvragen kunnen worden samengevoegd";
pub const FOLLOW_UP_MERGE_CANCELLED: &str = "samenvoegen geannuleerd";
pub const FOLLOW_UP_MERGE_MARK: &str = "⇢ wordt samengevoegd";
pub const NOT_WEIGHED: &str = "–";
pub const NO_OWNER: &str = "geen";
pub const DATA_CHANGED: &str =
    "let op: de data is veranderd sinds deze sessie (andere inhoud-hash)";

/// Why a session opened read-only: someone else has it open (`pid` 0: unknown who).
pub fn held_by(user: &str, host: &str, pid: u32, since: &str) -> String {
    if pid == 0 {
        return "alleen lezen: sessie is in gebruik door een ander proces".to_string();
    }
    let since = if since.is_empty() {
        String::new()
    } else {
        format!(" sinds {since}")
    };
    let by = if user.is_empty() {
        String::new()
    } else {
        format!(" door {user}")
    };
    format!("alleen lezen: sessie is in gebruik{by} op {host}{since} (proces {pid})")
}

/// Why a session opened read-only: the lock could not be taken at all.
pub fn not_lockable(error: &str) -> String {
    format!("alleen lezen: sessie kan niet vergrendeld worden: {error}")
}

pub fn not_saved(error: &str) -> String {
    format!("NIET opgeslagen: {error}")
}

pub fn saved(kind: &str, period: &str) -> String {
    format!("opgeslagen: {kind} over {period}")
}

pub fn deleted(kind: &str) -> String {
    format!("{kind} verwijderd (u zet hem terug)")
}

pub fn status_set(status: &str) -> String {
    format!("status: {status} (opgeslagen)")
}

/// The short letter of a criterion in the follow-up list (explained in its help line).
pub fn criterion_letter(c: crate::session::Criterion) -> &'static str {
    use crate::session::Criterion;
    match c {
        Criterion::Relevantie => "R",
        Criterion::Urgentie => "U",
        Criterion::Haalbaarheid => "H",
        Criterion::BreedGedragen => "B",
    }
}

/// "R hoog · U midden · H – · B –"
pub fn criteria_compact(c: &crate::session::Criteria) -> String {
    crate::session::Criterion::ALL
        .iter()
        .map(|k| {
            let level = c.get(*k).map_or(NOT_WEIGHED, |l| l.dutch());
            format!("{} {level}", criterion_letter(*k))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

pub fn criterion_set(criterion: &str, level: Option<&str>) -> String {
    format!(
        "{criterion}: {} (opgeslagen)",
        level.unwrap_or("niet gewogen")
    )
}

pub fn owner_set(owner: &str) -> String {
    format!("{OWNER}: {} (opgeslagen)", owner_or_none(owner))
}

pub fn owner_line(owner: &str) -> String {
    format!("{OWNER} {}", owner_or_none(owner))
}

fn owner_or_none(owner: &str) -> &str {
    if owner.is_empty() { NO_OWNER } else { owner }
}

/// "? onderzoeksvraag nr 2 [open]": the number is the item's id in its session.
pub fn item_title(marker: &str, kind: &str, id: u64, status: &str) -> String {
    format!("{marker} {kind} nr {id} [{status}]")
}

pub fn near_duplicate(id: u64, place: &str) -> String {
    format!("lijkt op nr {id} ({place})")
}

pub fn merge_marked(id: u64) -> String {
    format!("vraag {id} gemarkeerd: kies de vraag waarin hij opgaat en druk m (Esc annuleert)")
}

pub fn merged(from: u64, into: u64, into_place: &str) -> String {
    format!("vraag {from} samengevoegd met vraag {into} ({into_place}) (opgeslagen)")
}

pub fn minutes_written(path: &str) -> String {
    format!("notulen geschreven: {path}")
}

pub fn session_label(title: &str, date: &str, read_only: bool) -> String {
    if read_only {
        format!(" sessie: {title}, {date} ({READ_ONLY}) ")
    } else {
        format!(" sessie: {title}, {date} ")
    }
}

pub fn anchor_line(a: &crate::session::Anchor) -> String {
    let mut s = format!(
        "{} · {} · {} · {}",
        a.domein,
        a.indicator,
        crate::report::dutch_period(a),
        a.bronnen.join(", ")
    );
    let v = crate::report::describe_differences(a);
    if !v.is_empty() {
        s.push_str(&format!(" · verschil: {v}"));
    }
    s
}

// --- Comparison and mismatch overview -----------------------------------------------------

pub const TAB_COMPARE: &str = "Vergelijken";
pub const TAB_OVERVIEW: &str = "Verschillen";
pub const COMPARE_EMPTY: &str =
    "Kies in het tabblad Trend een indicator (of in Verschillen een verschil) en druk op 2.";
pub const COL_PERIOD: &str = "periode";
pub const COL_KIND: &str = "soort verschil";
pub const INCOMPLETE: &str = "onvolledig";
pub fn diff_table(reference: &str) -> String {
    format!("Verschillen per periode t.o.v. {reference} (* = voorlopig)")
}
pub const DIFF_DETAIL: &str = "Duiding";
pub const NO_DIFFERENCE: &str = "Geen benoemd verschil in deze periode.";
pub const OVERVIEW_TITLE: &str = "Alle benoemde verschillen, grootste eerst";
pub const OVERVIEW_EMPTY: &str = "Geen verschillen gevonden met dit filter.";
pub const ALL: &str = "alle";

pub fn source_meta_line(s: &crate::model::SourceMeta) -> String {
    let mut parts = vec![format!("  {}", s.naam)];
    for (label, v) in [
        ("leverancier", &s.leverancier),
        ("ritme", &s.ritme),
        ("vertraging", &s.vertraging),
        ("definitie", &s.definitie),
        ("kanttekeningen", &s.kanttekeningen),
    ] {
        if !v.is_empty() {
            parts.push(format!("{label}: {v}"));
        }
    }
    parts.join(" · ")
}

pub fn overview_filter(kind: Option<&str>, domain: Option<&str>, n: usize) -> String {
    format!(
        "soort: {} (f) · domein: {} (d) · {n} verschillen · Enter: vergelijken",
        kind.unwrap_or(ALL),
        domain.unwrap_or(ALL)
    )
}

pub const HEADER_TITLE: &str = "Sessie: facilitator, deelnemers, agenda";
pub const HEADER_EXPLAIN: &str = "Eén per regel: 'facilitator: naam', 'deelnemer: naam | rol | organisatie' (rol: toegang, aanbieder, beleid, analist, overig), 'agenda: domein/indicator | toelichting'.";
pub const HEADER_SAVED: &str = "sessiegegevens opgeslagen";

// ---------------------------------------------------------------------------------------------
// Review mode (`duiden terugkijken`)
// ---------------------------------------------------------------------------------------------

pub const REVIEW_MODE: &str = "terugkijken · alleen lezen";
pub const REVIEW_TAB_NOTES: &str = "Aantekeningen";
pub const REVIEW_TAB_QUESTIONS: &str = "Vragenlijst";
pub const REVIEW_SESSIONS: &str = "Sessies";
pub const REVIEW_NO_SESSIONS: &str =
    "Geen sessiebestanden in deze map. Een sessie begint met `cargo run --release`.";
pub const REVIEW_NO_NOTES: &str = "Geen aantekeningen die bij de filters passen.";
pub const REVIEW_NO_QUESTIONS: &str = "Geen onderzoeksvragen die bij de filters passen.";
pub const REVIEW_DETAIL: &str = "Aantekening";
pub const REVIEW_QUESTION_DETAIL: &str = "Vraag en geschiedenis";
pub const REVIEW_BROKEN: &str = "kan niet gelezen worden";
pub const REVIEW_NOT_HERE: &str =
    "terugkijken is alleen lezen: aantekenen en notulen in een sessie";
pub const REVIEW_CHART_HINT: &str = "Esc of q: terug naar de lijst";
pub const REVIEW_FILTER_ALL: &str = "alle";
pub const REVIEW_SEARCH: &str = "zoeken";
pub const REVIEW_KIND: &str = "soort";
pub const REVIEW_STATUS: &str = "status";
pub const REVIEW_DOMAIN: &str = "domein";
pub const REVIEW_ROLE: &str = "rol";
pub const REVIEW_PERIOD: &str = "periode";
pub const REVIEW_INPUT_HINT: &str = "Enter klaar · Esc wissen";
pub const REVIEW_PERIOD_HINT: &str = "bijv. 2023, 2023-Q1 of 2022..2024";
pub const REVIEW_FILTERS_CLEARED: &str = "filters gewist";
pub const REVIEW_DATA_CHANGED: &str = "let op: de dataset is gewijzigd sinds deze sessie (andere inhoud-hash); de cijfers kunnen afwijken van wat toen getoond werd";

/// "Alle sessies (37 aantekeningen)"
pub fn review_all_sessions(notes: usize) -> String {
    format!("Alle sessies ({notes} aantekeningen)")
}

/// "3 open"
pub fn review_open(n: usize) -> String {
    format!("{n} open")
}

pub fn review_notes_title(shown: usize, total: usize) -> String {
    if shown == total {
        format!("Aantekeningen ({total})")
    } else {
        format!("Aantekeningen ({shown} van {total})")
    }
}

pub fn review_questions_title(shown: usize, total: usize) -> String {
    if shown == total {
        format!("Onderzoeksvragen ({total}) · open eerst, dan op prioriteit")
    } else {
        format!("Onderzoeksvragen ({shown} van {total}) · open eerst, dan op prioriteit")
    }
}

pub fn review_no_dataset(pad: &str, error: &str) -> String {
    format!("dataset {pad} van deze sessie kan niet geopend worden: {error}")
}

pub fn review_bad_period(error: &str) -> String {
    format!("periode niet herkend: {error}; {REVIEW_PERIOD_HINT}")
}

pub fn review_opened(session: &str, date: &str) -> String {
    format!("alleen lezen · {REVIEW_CHART_HINT} · grafiek uit {session} ({date})")
}

/// "prioriteit 11"
pub fn review_priority(p: u8) -> String {
    format!("prioriteit {p}")
}

pub fn review_origin(date: &str, title: &str, file: &str, id: u64, who: &str) -> String {
    format!("gesteld {date} in {title} ({file} nr {id}) door {who}")
}

pub fn review_also_asked(text: &str) -> String {
    format!("ook gesteld: “{text}”")
}

/// Why the open session cannot be changed, for the status line.
pub fn read_only_reason(reason: &crate::session::ReadOnlyReason) -> String {
    use crate::session::ReadOnlyReason;
    match reason {
        ReadOnlyReason::HeldBy {
            user,
            host,
            pid,
            since,
        } => held_by(user, host, *pid, since),
        ReadOnlyReason::LockFailed(e) => not_lockable(e),
        ReadOnlyReason::Review => REVIEW_NOT_HERE.to_string(),
    }
}

/// What undo or redo just reverted.
pub fn undone(kind: crate::session::ChangeKind, redo: bool) -> String {
    use crate::session::ChangeKind;
    let what = match kind {
        ChangeKind::Created => "sessie aangemaakt",
        ChangeKind::AnnotationAdded => "aantekening toegevoegd",
        ChangeKind::AnnotationEdited => "aantekening gewijzigd",
        ChangeKind::AnnotationDeleted => "aantekening verwijderd",
        ChangeKind::HeaderEdited => "deelnemers en agenda gewijzigd",
        ChangeKind::ItemChanged => "vraag of actie gewijzigd",
        ChangeKind::Merged => "vragen samengevoegd",
    };
    if redo {
        format!("opnieuw gedaan: {what}")
    } else {
        format!("ongedaan gemaakt: {what}")
    }
}

pub const NOTHING_TO_REDO: &str = "niets om opnieuw te doen";
pub const PICK_NOTE: &str = "kies eerst een aantekening in het paneel Aantekeningen (Tab)";

pub const OR: &str = " of ";

pub fn keymap_from(path: &str) -> String {
    format!("toetsen uit {path} (de rest zoals standaard)")
}

pub fn keymap_default(candidates: &str) -> String {
    format!("standaardtoetsen; eigen toetsen in {candidates} onder [toetsen.<context>]")
}

/// What a background task is doing, for the status line.
pub fn task_label(task: &crate::tui::background::Task) -> String {
    use crate::tui::background::Task;
    match task {
        Task::DetectMismatches => "verschillen tussen bronnen zoeken".to_string(),
        Task::LoadDataset(pad) => format!("dataset {pad} laden"),
        Task::ReadSessions => "sessiemap lezen".to_string(),
        Task::RenderMinutes => "notulen maken".to_string(),
    }
}

pub fn job_failed(why: &str) -> String {
    format!("mislukt: {why}")
}

pub fn job_cancelled(task: &crate::tui::background::Task) -> String {
    format!("gestopt: {}", task_label(task))
}

pub const BUSY: &str = "bezig";
pub const OVERVIEW_BUSY: &str = "De verschillen tussen bronnen worden gezocht…";
