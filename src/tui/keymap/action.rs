//! Everything a key can ask for. A TOML keymap names these actions (Dutch names, as the user
//! reads them in the help); each screen and popup handles the ones of its context.

use serde::Deserialize;

macro_rules! actions {
    ($($(#[$doc:meta])* $name:ident = $toml:literal,)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
        pub enum Action {
            $($(#[$doc])* #[serde(rename = $toml)] $name,)*
        }

        impl Action {
            /// Every action, in declaration order.
            pub const ALL: &'static [Action] = &[$(Action::$name,)*];

            /// The name used in `duiden.toml`.
            pub fn name(self) -> &'static str {
                match self {
                    $(Action::$name => $toml,)*
                }
            }
        }
    };
}

actions! {
    Quit = "stoppen",
    Help = "hulp",
    Cancel = "annuleren",
    Up = "omhoog",
    Down = "omlaag",
    Left = "links",
    Right = "rechts",
    PageUp = "pagina_omhoog",
    PageDown = "pagina_omlaag",
    Home = "begin",
    End = "einde",
    /// Enter: open, choose, show.
    Activate = "kiezen",
    /// Space: add or remove the selected series.
    Toggle = "reeks_aan_uit",
    NextPane = "volgend_paneel",
    PrevPane = "vorig_paneel",
    ShowTrend = "tab_trend",
    ShowCompare = "tab_vergelijken",
    ShowOverview = "tab_verschillen",
    /// What stands out in the dataset (`duiden signalen`).
    ShowSignals = "tab_signalen",
    ToggleTheme = "thema",
    CycleGranularity = "perioden",
    ClearChart = "grafiek_leeg",
    /// Chart lines: braille, half blocks, blocks.
    CycleLineStyle = "lijnstijl",
    /// Grid dots at the y ticks on or off.
    ToggleGrid = "raster",
    ToggleRange = "bereik",
    /// Zoom into the selected range, or halve the shown span around the cursor.
    ZoomIn = "inzoomen",
    /// Back to the whole series.
    ZoomAll = "hele_reeks",
    /// Shift a zoomed chart a quarter of its span back or forward.
    PanLeft = "schuif_links",
    PanRight = "schuif_rechts",
    /// Transforms of the shown series: per 1.000 / 10.000 inhabitants (each declared
    /// denominator), an index at the cursor, the change on a year earlier (absolute, %), a moving
    /// average (3, 12 periods), the year to date. Each key cycles its own and ends in none.
    PerInhabitants = "per_inwoners",
    IndexAtCursor = "index",
    YearOnYear = "tov_vorig_jaar",
    MovingAverage = "voortschrijdend",
    YearToDate = "jaar_tot_nu",
    /// One line per year over the months of the year (again: the trend).
    SeasonView = "seizoen",
    /// The parts of a source: small multiples → stacked → change per part → the trend.
    BreakdownView = "uitsplitsing",
    /// Places side by side, per 1.000 inwoners where possible (again: the trend).
    PlacesView = "plaatsen",
    /// The chart alone on the screen, for the projector.
    Presentation = "presentatie",
    /// Put the view on screen on the agenda.
    AgendaAdd = "op_agenda",
    /// The agenda: go to an item, reorder, remove, plan its time.
    AgendaOpen = "agenda",
    AgendaNext = "agenda_volgende",
    AgendaPrev = "agenda_vorige",
    /// Move the chosen agenda item up or down.
    ItemUp = "punt_omhoog",
    ItemDown = "punt_omlaag",
    ItemRemove = "punt_verwijderen",
    MoreTime = "tijd_meer",
    LessTime = "tijd_minder",
    /// The view on screen as SVG (and PNG when a converter is there), for slides.
    Export = "exporteren",
    /// The table on screen (trend values, comparison, signals) as CSV and Markdown.
    ExportTable = "tabel_exporteren",
    Annotate = "aantekening",
    EditNote = "bewerken",
    DeleteNote = "verwijderen",
    CycleStatus = "status",
    Undo = "ongedaan_maken",
    Redo = "opnieuw",
    WriteMinutes = "notulen",
    FollowUp = "opvolging",
    EditHeader = "deelnemers",
    /// Continue another session, start a new one, or only look.
    ChooseSession = "sessie_kiezen",
    CycleReference = "referentie",
    FilterKind = "filter_soort",
    FilterDomain = "filter_domein",
    FilterStatus = "filter_status",
    FilterRole = "filter_rol",
    FilterPeriod = "filter_periode",
    ClearFilters = "filters_wissen",
    Search = "zoeken",
    ShowNotes = "tab_aantekeningen",
    ShowQuestions = "tab_vragenlijst",
    KindObservation = "soort_observatie",
    KindExplanation = "soort_verklaring",
    KindDataQuality = "soort_datakwaliteit",
    KindQuestion = "soort_onderzoeksvraag",
    KindAction = "soort_actie",
    Save = "opslaan",
    Newline = "nieuwe_regel",
    NextPerson = "volgende_deelnemer",
    NextRole = "volgende_rol",
    NextKind = "volgende_soort",
    NextStatus = "volgende_status",
    NextOwner = "volgende_eigenaar",
    EditOwner = "eigenaar",
    Merge = "samenvoegen",
    /// Link a question to another by its code (hangt samen met, vervangt).
    Link = "koppelen",
    WeighRelevance = "weeg_relevantie",
    WeighUrgency = "weeg_urgentie",
    WeighFeasibility = "weeg_haalbaarheid",
    WeighSupport = "weeg_breed_gedragen",
    /// The programme's criteria 5..9 (1..4 keep their old names, so user keymaps stay valid).
    Weigh5 = "weeg_5",
    Weigh6 = "weeg_6",
    Weigh7 = "weeg_7",
    Weigh8 = "weeg_8",
    Weigh9 = "weeg_9",
    /// Type the question's theme on the research agenda.
    EditTheme = "vraagthema",
    /// The roles' reading of a question: the next role's support → disagreement → not said.
    CycleReading = "lezing_per_rol",
    /// Which role the reading key changes: the next one.
    NextReadingRole = "lezing_rol",
    /// The half-yearly agenda session: the open questions one at a time, large.
    AgendaSession = "agendasessie",
    /// Decisions in the agenda session, each with a reason typed after it.
    DecideScheduled = "besluit_agenderen",
    DecideDropped = "besluit_vervallen",
    DecideLater = "besluit_later",
    /// After a failed save because another program changed the file: take the file's version
    /// and add what was typed to it.
    ReloadSession = "herladen",
    /// After a failed save: write the session with what was typed as a copy elsewhere.
    SaveCopy = "kopie_opslaan",
    /// After a failed save because the file changed: what differs between file and screen.
    ShowBoth = "beide_tonen",
    /// A session another process held: edit it now that the holder is gone, or (confirmed)
    /// break a lock nobody releases.
    TakeOver = "overnemen",
    /// Find a command, series or indicator by typing part of its name.
    Palette = "palet",
}
