//! Dutch texts.

use super::Lang;
use super::texts::Texts;
use crate::tui::keymap::{Action, Context};

pub fn action_help(a: Action) -> &'static str {
    use Action::*;
    match a {
        WeighRelevance | WeighUrgency | WeighFeasibility | WeighSupport | Weigh5 | Weigh6
        | Weigh7 | Weigh8 | Weigh9 | EditTheme | CycleReading | NextReadingRole | AgendaSession
        | DecideScheduled | DecideDropped | DecideLater => programme_help(a),
        ReloadSession | SaveCopy | ShowBoth | TakeOver => save_help(a),
        CycleLineStyle | ToggleGrid | ToggleRange | ZoomIn | ZoomAll | PanLeft | PanRight
        | PerInhabitants | IndexAtCursor | YearOnYear | MovingAverage | YearToDate | SeasonView
        | BreakdownView | PlacesView | Presentation | AgendaAdd | AgendaOpen | AgendaNext
        | AgendaPrev | ItemUp | ItemDown | ItemRemove | MoreTime | LessTime | Export
        | ExportTable => chart_help(a),
        Quit => "stoppen",
        Help => "deze hulp tonen / sluiten",
        Palette => {
            "palet: een opdracht, reeks of indicator zoeken door een deel van de naam te typen"
        }
        Cancel => "venster sluiten, periodekeuze of invoer stoppen",
        Up => "vorige regel",
        Down => "volgende regel",
        Left => "inklappen; in de grafiek: cursor een periode terug",
        Right => "uitklappen; in de grafiek: cursor een periode verder",
        PageUp => "een pagina omhoog; in de grafiek: 12 perioden terug",
        PageDown => "een pagina omlaag; in de grafiek: 12 perioden verder",
        Home => "eerste",
        End => "laatste",
        Activate => "uitklappen, kiezen of openen; in Verschillen: vergelijken",
        Toggle => "reeks toevoegen aan / weghalen uit de grafiek",
        NextPane => "volgend paneel",
        PrevPane => "vorig paneel",
        ShowTrend => "tabblad Trend",
        ShowCompare => "tabblad Vergelijken",
        ShowOverview => "tabblad Verschillen",
        ShowSignals => {
            "tabblad Signalen: wat opvalt, met de reden; Enter toont, A zet op de agenda"
        }
        ToggleTheme => "thema: donker → licht → contrast (zwart-wit, vette lijnen)",
        CycleGranularity => {
            "perioden: zoals geleverd → maand → kwartaal → halfjaar → jaar (volgens soort)"
        }
        ClearChart => "grafiek leegmaken",
        Annotate => "aantekening bij cursor, bereik of verschil",
        EditNote => "aantekening bewerken (paneel Aantekeningen)",
        DeleteNote => "aantekening verwijderen (paneel Aantekeningen)",
        CycleStatus => "status van de vraag of actie een stap verder",
        Undo => "laatste wijziging ongedaan maken",
        Redo => "ongedaan gemaakte wijziging opnieuw doen",
        WriteMinutes => "notulen (Markdown) schrijven naast het sessiebestand",
        FollowUp => "openstaande vragen en acties: status, criteria, eigenaar, samenvoegen",
        EditHeader => "sessie: facilitator, deelnemers (met rol) en agenda bewerken",
        ChooseSession => "sessie kiezen: een recente, een nieuwe, of alleen kijken",
        CycleReference => "andere referentiebron",
        FilterKind => "filter op soort (volgende waarde)",
        FilterDomain => "filter op domein (volgende waarde)",
        FilterStatus => "filter op status (volgende waarde)",
        FilterRole => "filter op rol (volgende waarde)",
        FilterPeriod => "filter op periode: 2023, 2023-Q1 of 2022..2024",
        ClearFilters => "alle filters wissen",
        Search => "zoeken in tekst, namen, eigenaar, verschil en indicator",
        ShowNotes => "aantekeningen per sessie",
        ShowQuestions => "vragenlijst (alle onderzoeksvragen)",
        KindObservation => "observatie",
        KindExplanation => "verklaring",
        KindDataQuality => "datakwaliteit",
        KindQuestion => "onderzoeksvraag",
        KindAction => "actie",
        Save => "opslaan",
        Newline => "nieuwe regel",
        NextPerson => "wie het zei: volgende deelnemer",
        NextRole => "rol: volgende",
        NextKind => "soort: volgende",
        NextStatus => "status: volgende (vraag of actie)",
        NextOwner => "eigenaar: volgende deelnemer (vraag of actie)",
        EditOwner => "eigenaar typen",
        Merge => "vraag markeren om samen te voegen; op een andere vraag: samenvoegen",
        Link => "vraag koppelen aan een andere: hangt samen met, vervangt",
    }
}

/// The follow-up's weighing, theme, readings and the agenda session.
fn programme_help(a: Action) -> &'static str {
    use Action::*;
    match a {
        WeighRelevance => "1e criterium van het programma wegen: – → laag → midden → hoog",
        WeighUrgency => "2e criterium wegen",
        WeighFeasibility => "3e criterium wegen",
        WeighSupport => "4e criterium wegen",
        Weigh5 => "5e criterium wegen",
        Weigh6 => "6e criterium wegen",
        Weigh7 => "7e criterium wegen",
        Weigh8 => "8e criterium wegen",
        Weigh9 => "9e criterium wegen",
        EditTheme => "thema van de vraag typen (voor de agenda)",
        CycleReading => "lezing van de gekozen rol: steunt → niet eens → niet gezegd",
        NextReadingRole => "lezing per rol: volgende rol kiezen",
        AgendaSession => "halfjaarlijkse agendasessie: de open vragen één voor één, groot",
        DecideScheduled => "besluit: geagendeerd (met reden)",
        DecideDropped => "besluit: vervallen (met reden)",
        DecideLater => "besluit: terug naar later (met reden)",
        _ => "",
    }
}

/// The chart's look and zoom, and presentation mode.
fn chart_help(a: Action) -> &'static str {
    use Action::*;
    match a {
        CycleLineStyle => "lijnstijl: fijn (braille) → halve blokken → blokken",
        ToggleGrid => "rasterpunten aan / uit",
        ToggleRange => "begin / stop een periodebereik in de grafiek",
        ZoomIn => "inzoomen: op het gekozen bereik, anders de helft rond de cursor",
        ZoomAll => "uitzoomen: de hele reeks",
        PanLeft => "ingezoomde grafiek een kwart terug schuiven",
        PanRight => "ingezoomde grafiek een kwart verder schuiven",
        PerInhabitants => "per 1.000 inwoners → per 10.000 → geen (elke noemer uit dataset.toml)",
        IndexAtCursor => "index: de periode onder de cursor = 100 (nog eens: uit)",
        YearOnYear => "verschil met een jaar eerder: absoluut → % → geen",
        MovingAverage => "voortschrijdend gemiddelde over 3 → 12 perioden → geen",
        YearToDate => "jaar tot nu: opgeteld vanaf januari (alleen stromen; nog eens: uit)",
        SeasonView => "seizoen: een lijn per jaar over de maanden, met de band van eerdere jaren",
        BreakdownView => {
            "uitsplitsing per wijk of aanbieder: naast elkaar → gestapeld → verandering"
        }
        PlacesView => "plaatsen naast elkaar (gemeenten, Nederland), per 1.000 inwoners",
        Presentation => {
            "presentatie: alleen de grafiek, groot, met bronvermelding (nog eens: terug)"
        }
        AgendaAdd => "het beeld op het scherm als agendapunt toevoegen",
        AgendaOpen => "de agenda: naar een punt, volgorde, verwijderen, tijd",
        AgendaNext => "volgend agendapunt (na het laatste: de slotvraag)",
        AgendaPrev => "vorig agendapunt",
        ItemUp => "agendapunt omhoog",
        ItemDown => "agendapunt omlaag",
        ItemRemove => "agendapunt verwijderen",
        MoreTime => "5 minuten meer voor dit punt",
        LessTime => "5 minuten minder voor dit punt",
        Export => "grafiek exporteren als SVG (en PNG) voor dia's, met titel en bronvermelding",
        ExportTable => {
            "tabel van het scherm (trend, vergelijking, signalen) exporteren als CSV en Markdown"
        }
        _ => "",
    }
}

pub fn action_hint(a: Action) -> &'static str {
    use Action::*;
    match a {
        ReloadSession | SaveCopy | ShowBoth | TakeOver => save_hint(a),
        Quit => "stoppen",
        Help => "hulp",
        Palette => "palet",
        Cancel => "sluiten",
        Up | Down => "regel",
        Left | Right => "periode",
        PageUp | PageDown => "pagina",
        Home | End => "begin/einde",
        Activate => "kiezen",
        Toggle => "reeks",
        NextPane | PrevPane => "paneel",
        ShowTrend => "trend",
        ShowCompare => "vergelijken",
        ShowOverview => "verschillen",
        ShowSignals => "signalen",
        CycleLineStyle | ToggleGrid | ToggleTheme | CycleGranularity | ClearChart | ToggleRange
        | ZoomIn | ZoomAll | PerInhabitants | IndexAtCursor | YearOnYear | MovingAverage
        | YearToDate | SeasonView | BreakdownView | PlacesView | PanLeft | PanRight
        | Presentation | AgendaAdd | AgendaOpen | AgendaNext | AgendaPrev | ItemUp | ItemDown
        | ItemRemove | MoreTime | LessTime | Export | ExportTable => chart_hint(a),
        Annotate => "aantekening",
        EditNote => "bewerken",
        DeleteNote => "verwijderen",
        CycleStatus => "status",
        Undo => "ongedaan",
        Redo => "opnieuw",
        WriteMinutes => "notulen",
        FollowUp => "opvolging",
        EditHeader => "deelnemers",
        ChooseSession => "sessie",
        CycleReference => "referentie",
        FilterKind => "soort",
        FilterDomain => "domein",
        FilterStatus => "status",
        FilterRole => "rol",
        FilterPeriod => "periode",
        ClearFilters => "wissen",
        Search => "zoeken",
        ShowNotes => "aantekeningen",
        ShowQuestions => "vragenlijst",
        KindObservation => "observatie",
        KindExplanation => "verklaring",
        KindDataQuality => "datakwaliteit",
        KindQuestion => "vraag",
        KindAction => "actie",
        Save => "opslaan",
        Newline => "nieuwe regel",
        NextPerson => "deelnemer",
        NextRole => "rol",
        NextKind => "soort",
        NextStatus => "status",
        NextOwner => "eigenaar",
        EditOwner => "eigenaar",
        Merge => "samenvoegen",
        Link => "koppelen",
        WeighRelevance => "criterium 1",
        WeighUrgency => "criterium 2",
        WeighFeasibility => "criterium 3",
        WeighSupport => "criterium 4",
        Weigh5 => "criterium 5",
        Weigh6 => "criterium 6",
        Weigh7 => "criterium 7",
        Weigh8 => "criterium 8",
        Weigh9 => "criterium 9",
        EditTheme => "thema",
        CycleReading => "lezing",
        NextReadingRole => "rol van de lezing",
        AgendaSession => "agendasessie",
        DecideScheduled => "agenderen",
        DecideDropped => "vervallen",
        DecideLater => "later",
    }
}

/// The hints of the chart's, the agenda's and the exports' actions.
fn chart_hint(a: Action) -> &'static str {
    use Action::*;
    match a {
        CycleLineStyle => "lijnstijl",
        ToggleGrid => "raster",
        ToggleTheme => "thema",
        CycleGranularity => "perioden",
        ClearChart => "leegmaken",
        ToggleRange => "bereik",
        ZoomIn => "zoom",
        ZoomAll => "hele reeks",
        PerInhabitants | IndexAtCursor | YearOnYear | MovingAverage | YearToDate => {
            transform_hint(a)
        }
        SeasonView => "seizoen",
        BreakdownView => "uitsplitsing",
        PlacesView => "plaatsen",
        PanLeft | PanRight => "schuiven",
        Presentation => "presentatie",
        AgendaAdd => "op agenda",
        AgendaOpen => "agenda",
        AgendaNext | AgendaPrev => "agendapunt",
        ItemUp | ItemDown => "verplaatsen",
        ItemRemove => "verwijderen",
        MoreTime | LessTime => "tijd",
        Export => "exporteren",
        ExportTable => "tabel",
        _ => "",
    }
}

pub fn context_title(c: Context) -> &'static str {
    match c {
        Context::Global => "Overal",
        Context::Trend => "Trend",
        Context::Compare => "Vergelijken",
        Context::Overview => "Verschillen",
        Context::Signals => "Signalen",
        Context::Review => "Terugkijken",
        Context::Backlog => "Vragenlijst",
        Context::Help => "Hulp",
        Context::Start => "Sessie kiezen",
        Context::AnnotateKind => "Soort aantekening",
        Context::Annotate => "Aantekening typen",
        Context::Header => "Deelnemers en agenda",
        Context::Agenda => "Agenda",
        Context::FollowUp => "Opvolging",
        Context::Input => "Invoer",
        Context::Palette => "Palet",
    }
}

/// Every fixed Dutch text.
pub static NL: Texts = Texts {
    lang: Lang::Nl,
    app_name: "duiden",
    tab_trend: "Trend",
    tab_compare: "Vergelijken",
    tab_overview: "Verschillen",
    pane_series: "Reeksen",
    pane_chart: "Grafiek",
    pane_legend: "Legenda",
    pane_notes: "Aantekeningen",
    chart_empty: "Nog geen reeks gekozen. Kies links een reeks met ↑/↓ en druk op Spatie of Enter.",
    chart_no_values: "De gekozen reeksen hebben geen bekende waarden.",
    chart_too_small: "te weinig ruimte voor de grafiek",
    too_small: "Venster te klein: minimaal 40×10 tekens",
    mixed_units: "let op: verschillende eenheden in één grafiek",
    provisional_legend: "open symbool = voorlopig",
    provisional_value: " (voorlopig)",
    small_count: "klein aantal (buiten de kamer <10)",
    synthetic: "synthetisch",
    help_title: "Toetsen",
    light_theme: "licht thema",
    line_braille: "lijnen fijn (braille)",
    line_half_block: "lijnen in halve blokken",
    line_block: "lijnen in blokken",
    grid_on: "rasterpunten aan",
    grid_off: "rasterpunten uit",
    dark_theme: "donker thema",
    contrast_theme: "contrastthema (zwart-wit, vette lijnen)",
    cleared: "grafiek leeggemaakt",
    unknown_value: "onbekend (.)",
    as_delivered: "zoals geleverd",
    as_delivered_long: "perioden automatisch: zoals geleverd, of gelijkgetrokken naar de grofste lengte",
    no_session: "geen sessie: alleen kijken",
    need_session: "aantekeningen vragen een sessie: start duiden opnieuw en kies een sessie",
    read_only: "alleen lezen",
    annotation_new_title: "Nieuwe aantekening",
    annotation_edit_title: "Aantekening bewerken",
    pick_kind: "Soort (één toets):",
    said_by: "gezegd door",
    status: "status",
    owner: "eigenaar",
    text_placeholder: "Typ wat er gezegd wordt…",
    range_started: "periode kiezen: beweeg de cursor en maak de aantekening",
    range_cleared: "periodekeuze gestopt",
    zoom_at_most: "verder inzoomen kan niet: kies met het bereik minstens twee perioden",
    zoomed_out: "de hele reeks",
    closing_question: "Welke vraagstukken verder onderzoeken?",
    agenda_saved: "agenda opgeslagen",
    following: "meekijken: dit scherm volgt de facilitator (alleen lezen)",
    following_read_only: "meekijken: de facilitator bedient het beeld; q stopt",
    talking_points: "Gespreksnotities (niet op de beamer)",
    signals_busy: "Signalen: bezig met zoeken…",
    signals_none: "Niets dat opvalt volgens de methoden van duiden signalen (zie de README, Signalen).",
    tab_signals: "Signalen",
    agenda_title: "Agenda",
    closing_none: "Nog geen onderzoeksvragen in deze sessie: leg ze vast als aantekening (soort onderzoeksvraag).",
    no_chart_for_note: "kies eerst een reeks in de grafiek om een aantekening aan te hangen",
    nothing_to_undo: "niets om ongedaan te maken",
    nothing_to_redo: "niets om opnieuw te doen",
    start_title: "Sessie",
    start_continue: "Doorgaan met",
    start_new: "＋ Nieuwe sessie",
    start_unreadable: "⚠ Kan niet lezen:",
    start_unreadable_note: "Let op: een sessiebestand van vandaag kan niet gelezen worden (zie de lijst). De nieuwe sessie wordt een apart bestand; het onleesbare bestand blijft zoals het is.",
    start_view_only: "Alleen kijken (geen sessie)",
    new_title_prompt: "Titel van de nieuwe sessie:",
    default_session_title: "Duiden van data",
    follow_up_title: "Openstaande vragen en acties",
    follow_up_empty: "Geen openstaande onderzoeksvragen of acties uit vorige sessies of deze sessie.",
    follow_up_note: "– niet gewogen; alles komt in de notulen",
    follow_up_owner_prompt: "Eigenaar",
    follow_up_theme_prompt: "Thema (voor de agenda)",
    agenda_session_title: "Agendasessie",
    agenda_session_none: "Geen open onderzoeksvragen om te bespreken.",
    agenda_session_walk: "vorige / volgende vraag",
    follow_up_this_session: "deze sessie",
    follow_up_criteria_for_questions: "criteria gelden alleen voor onderzoeksvragen",
    follow_up_merge_questions_only: "alleen onderzoeksvragen kunnen worden samengevoegd",
    follow_up_merge_cancelled: "samenvoegen geannuleerd",
    follow_up_merge_mark: "⇢ wordt samengevoegd",
    not_weighed: "niet gewogen",
    no_owner: "geen",
    data_changed: "let op: de data is veranderd sinds deze sessie (andere inhoud-hash)",
    col_period: "periode",
    col_kind: "soort verschil",
    col_region: "regio",
    reference_per_region: "de referentie van elke regio (ref)",
    incomplete: "onvolledig",
    diff_detail: "Duiding",
    no_difference: "Geen benoemd verschil in deze periode.",
    overview_title: "Alle benoemde verschillen, grootste eerst",
    overview_empty: "Geen verschillen gevonden met dit filter.",
    all: "alle",
    col_kind_short: "soort",
    col_domain: "domein",
    col_indicator: "indicator",
    col_sources: "bronnen",
    supplier: "leverancier",
    rhythm: "ritme",
    delay: "vertraging",
    definition: "definitie",
    population: "populatie",
    caveats: "kanttekeningen",
    difference: "verschil",
    header_title: "Sessie: facilitator, deelnemers, agenda",
    header_explain: "Eén per regel: 'facilitator: naam', 'deelnemer: naam | rol | organisatie' (rol: toegang, aanbieder, beleid, analist, overig), 'agenda: domein/indicator | toelichting'.",
    header_saved: "sessiegegevens opgeslagen",
    review_mode: "terugkijken · alleen lezen",
    review_tab_notes: "Aantekeningen",
    review_tab_questions: "Vragenlijst",
    review_sessions: "Sessies",
    review_no_sessions: "Geen sessiebestanden in deze map. Een sessie begint met `cargo run --release`.",
    review_no_notes: "Geen aantekeningen die bij de filters passen.",
    review_no_questions: "Geen onderzoeksvragen die bij de filters passen.",
    review_detail: "Aantekening",
    review_question_detail: "Vraag en geschiedenis",
    review_broken: "kan niet gelezen worden",
    review_not_here: "terugkijken is alleen lezen: aantekenen en notulen in een sessie",
    review_search: "zoeken",
    review_kind: "soort",
    review_status: "status",
    review_domain: "domein",
    review_role: "rol",
    review_period: "periode",
    review_period_hint: "bijv. 2023, 2023-Q1 of 2022..2024",
    review_filters_cleared: "filters gewist",
    review_data_changed: "let op: de dataset is gewijzigd sinds deze sessie (andere inhoud-hash); de cijfers kunnen afwijken van wat toen getoond werd",
    or: " of ",
    busy: "bezig",
    overview_busy: "De verschillen tussen bronnen worden gezocht…",
};

/// The short names of the transform keys.
fn transform_hint(a: Action) -> &'static str {
    use Action::*;
    match a {
        PerInhabitants => "per inwoners",
        IndexAtCursor => "index",
        YearOnYear => "t.o.v. vorig jaar",
        MovingAverage => "voortschrijdend",
        YearToDate => "jaar tot nu",
        _ => "",
    }
}

/// After a save that failed, and taking over a session.
fn save_help(a: Action) -> &'static str {
    use Action::*;
    match a {
        ReloadSession => {
            "na een mislukte opslag: het bestand opnieuw inlezen en de getypte aantekening eraan toevoegen"
        }
        SaveCopy => {
            "na een mislukte opslag: de sessie met de getypte aantekening als kopie bewaren"
        }
        ShowBoth => "na een mislukte opslag: tonen wat verschilt tussen bestand en scherm",
        TakeOver => {
            "sessie van een ander overnemen als die weg is (of, bevestigd, het slot verbreken)"
        }
        _ => "",
    }
}

/// After a save that failed, and taking over a session.
fn save_hint(a: Action) -> &'static str {
    use Action::*;
    match a {
        ReloadSession => "herladen en toevoegen",
        SaveCopy => "kopie bewaren",
        ShowBoth => "verschil tonen",
        TakeOver => "overnemen",
        _ => "",
    }
}
