//! English texts.

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
        Quit => "quit",
        Help => "show / close this help",
        Palette => "palette: find a command, series or indicator by typing part of its name",
        Cancel => "close the window, stop a range or an input",
        Up => "previous line",
        Down => "next line",
        Left => "collapse; in the chart: cursor one period back",
        Right => "expand; in the chart: cursor one period on",
        PageUp => "a page up; in the chart: 12 periods back",
        PageDown => "a page down; in the chart: 12 periods on",
        Home => "first",
        End => "last",
        Activate => "expand, choose or open; in Differences: compare",
        Toggle => "add the series to / remove it from the chart",
        NextPane => "next pane",
        PrevPane => "previous pane",
        ShowTrend => "Trend tab",
        ShowCompare => "Compare tab",
        ShowOverview => "Differences tab",
        ShowSignals => {
            "Signals tab: what stands out, with the reason; Enter shows, A puts on the agenda"
        }
        ToggleTheme => "theme: dark → light → high contrast (black and white, bold lines)",
        CycleGranularity => "periods: as delivered → month → quarter → half year → year (by kind)",
        ClearChart => "clear the chart",
        Annotate => "annotation at the cursor, range or difference",
        EditNote => "edit the annotation (Annotations pane)",
        DeleteNote => "delete the annotation (Annotations pane)",
        CycleStatus => "next status of the question or action",
        Undo => "undo the last change",
        Redo => "redo what was undone",
        WriteMinutes => "write the minutes (Markdown) next to the session file",
        FollowUp => "open questions and actions: status, criteria, owner, merge",
        EditHeader => "session: edit facilitator, participants (with role) and agenda",
        ChooseSession => "choose a session: a recent one, a new one, or only look",
        CycleReference => "another reference source",
        FilterKind => "filter by kind (next value)",
        FilterDomain => "filter by domain (next value)",
        FilterStatus => "filter by status (next value)",
        FilterRole => "filter by role (next value)",
        FilterPeriod => "filter by period: 2023, 2023-Q1 or 2022..2024",
        ClearFilters => "clear every filter",
        Search => "search text, names, owner, difference and indicator",
        ShowNotes => "annotations per session",
        ShowQuestions => "backlog (every research question)",
        KindObservation => "observation",
        KindExplanation => "explanation",
        KindDataQuality => "data quality",
        KindQuestion => "research question",
        KindAction => "action",
        Save => "save",
        Newline => "new line",
        NextPerson => "who said it: next participant",
        NextRole => "role: next",
        NextKind => "kind: next",
        NextStatus => "status: next (question or action)",
        NextOwner => "owner: next participant (question or action)",
        EditOwner => "type the owner",
        Merge => "mark a question to merge; on another question: merge",
        Link => "link the question to another: related to, replaces",
    }
}

/// The follow-up's weighing, theme, readings and the agenda session.
fn programme_help(a: Action) -> &'static str {
    use Action::*;
    match a {
        WeighRelevance => "weigh the programme's 1st criterion: – → lowest → … → highest",
        WeighUrgency => "weigh the 2nd criterion",
        WeighFeasibility => "weigh the 3rd criterion",
        WeighSupport => "weigh the 4th criterion",
        Weigh5 => "weigh the 5th criterion",
        Weigh6 => "weigh the 6th criterion",
        Weigh7 => "weigh the 7th criterion",
        Weigh8 => "weigh the 8th criterion",
        Weigh9 => "weigh the 9th criterion",
        EditTheme => "type the question's theme (for the agenda)",
        CycleReading => "reading of the chosen role: supports → disagrees → not said",
        NextReadingRole => "reading per role: choose the next role",
        AgendaSession => "half-yearly agenda session: the open questions one at a time, large",
        DecideScheduled => "decision: on the agenda (with a reason)",
        DecideDropped => "decision: dropped (with a reason)",
        DecideLater => "decision: back to later (with a reason)",
        _ => "",
    }
}

/// The chart's look and zoom, and presentation mode.
fn chart_help(a: Action) -> &'static str {
    use Action::*;
    match a {
        CycleLineStyle => "line style: fine (braille) → half blocks → blocks",
        ToggleGrid => "grid dots on / off",
        ZoomIn => "zoom in: to the chosen range, else half the span around the cursor",
        ZoomAll => "zoom out: the whole series",
        PanLeft => "shift a zoomed chart back by a quarter",
        PanRight => "shift a zoomed chart forward by a quarter",
        PerInhabitants => {
            "per 1,000 inhabitants → per 10,000 → none (each denominator in dataset.toml)"
        }
        IndexAtCursor => "index: the period under the cursor = 100 (again: off)",
        YearOnYear => "change on a year earlier: absolute → % → none",
        MovingAverage => "moving average over 3 → 12 periods → none",
        YearToDate => "year to date: added up from January (flows only; again: off)",
        SeasonView => "season: one line per year over the months, with the earlier years' band",
        BreakdownView => "breakdown by wijk or provider: side by side → stacked → change",
        PlacesView => "places side by side (gemeenten, the Netherlands), per 1,000 inhabitants",
        Presentation => "presentation: the chart alone, large, with source credits (again: back)",
        ToggleRange => "start / stop a period range in the chart",
        AgendaAdd => "put the view on screen on the agenda",
        AgendaOpen => "the agenda: go to an item, reorder, remove, plan time",
        AgendaNext => "next agenda item (after the last: the closing question)",
        AgendaPrev => "previous agenda item",
        ItemUp => "move the agenda item up",
        ItemDown => "move the agenda item down",
        ItemRemove => "remove the agenda item",
        MoreTime => "5 more minutes for this item",
        LessTime => "5 fewer minutes for this item",
        Export => "export the chart as SVG (and PNG) for slides, with title and source credits",
        ExportTable => {
            "export the table on screen (trend, comparison, signals) as CSV and Markdown"
        }
        _ => "",
    }
}

pub fn action_hint(a: Action) -> &'static str {
    use Action::*;
    match a {
        ReloadSession | SaveCopy | ShowBoth | TakeOver => save_hint(a),
        Quit => "quit",
        Help => "help",
        Palette => "palette",
        Cancel => "close",
        Up | Down => "line",
        Left | Right => "period",
        PageUp | PageDown => "page",
        Home | End => "first/last",
        Activate => "choose",
        Toggle => "series",
        NextPane | PrevPane => "pane",
        ShowTrend => "trend",
        ShowCompare => "compare",
        ShowOverview => "differences",
        ShowSignals => "signals",
        CycleLineStyle | ToggleGrid | ToggleTheme | CycleGranularity | ClearChart | ToggleRange
        | ZoomIn | ZoomAll | PerInhabitants | IndexAtCursor | YearOnYear | MovingAverage
        | YearToDate | SeasonView | BreakdownView | PlacesView | PanLeft | PanRight
        | Presentation | AgendaAdd | AgendaOpen | AgendaNext | AgendaPrev | ItemUp | ItemDown
        | ItemRemove | MoreTime | LessTime | Export | ExportTable => chart_hint(a),
        Annotate => "annotate",
        EditNote => "edit",
        DeleteNote => "delete",
        CycleStatus => "status",
        Undo => "undo",
        Redo => "redo",
        WriteMinutes => "minutes",
        FollowUp => "follow-up",
        EditHeader => "participants",
        ChooseSession => "session",
        CycleReference => "reference",
        FilterKind => "kind",
        FilterDomain => "domain",
        FilterStatus => "status",
        FilterRole => "role",
        FilterPeriod => "period",
        ClearFilters => "clear",
        Search => "search",
        ShowNotes => "annotations",
        ShowQuestions => "backlog",
        KindObservation => "observation",
        KindExplanation => "explanation",
        KindDataQuality => "data quality",
        KindQuestion => "question",
        KindAction => "action",
        Save => "save",
        Newline => "new line",
        NextPerson => "participant",
        NextRole => "role",
        NextKind => "kind",
        NextStatus => "status",
        NextOwner => "owner",
        EditOwner => "owner",
        Merge => "merge",
        Link => "link",
        WeighRelevance => "criterion 1",
        WeighUrgency => "criterion 2",
        WeighFeasibility => "criterion 3",
        WeighSupport => "criterion 4",
        Weigh5 => "criterion 5",
        Weigh6 => "criterion 6",
        Weigh7 => "criterion 7",
        Weigh8 => "criterion 8",
        Weigh9 => "criterion 9",
        EditTheme => "theme",
        CycleReading => "reading",
        NextReadingRole => "reading's role",
        AgendaSession => "agenda session",
        DecideScheduled => "schedule",
        DecideDropped => "drop",
        DecideLater => "later",
    }
}

/// The hints of the chart's, the agenda's and the exports' actions.
fn chart_hint(a: Action) -> &'static str {
    use Action::*;
    match a {
        CycleLineStyle => "line style",
        ToggleGrid => "grid",
        ZoomIn => "zoom",
        ZoomAll => "whole series",
        PerInhabitants | IndexAtCursor | YearOnYear | MovingAverage | YearToDate => {
            transform_hint(a)
        }
        SeasonView => "season",
        BreakdownView => "breakdown",
        PlacesView => "places",
        PanLeft | PanRight => "pan",
        Presentation => "presentation",
        AgendaAdd => "to agenda",
        AgendaOpen => "agenda",
        AgendaNext | AgendaPrev => "agenda item",
        ItemUp | ItemDown => "move",
        ItemRemove => "remove",
        MoreTime | LessTime => "time",
        Export => "export",
        ExportTable => "table",
        ToggleTheme => "theme",
        CycleGranularity => "periods",
        ClearChart => "clear",
        ToggleRange => "range",
        _ => "",
    }
}

pub fn context_title(c: Context) -> &'static str {
    match c {
        Context::Global => "Everywhere",
        Context::Trend => "Trend",
        Context::Compare => "Compare",
        Context::Overview => "Differences",
        Context::Signals => "Signals",
        Context::Review => "Look back",
        Context::Backlog => "Backlog",
        Context::Help => "Help",
        Context::Start => "Choose a session",
        Context::AnnotateKind => "Kind of annotation",
        Context::Annotate => "Typing an annotation",
        Context::Header => "Participants and agenda",
        Context::Agenda => "Agenda",
        Context::FollowUp => "Follow-up",
        Context::Input => "Input",
        Context::Palette => "Palette",
    }
}

/// Every fixed English text.
pub static EN: Texts = Texts {
    lang: Lang::En,
    app_name: "duiden",
    tab_trend: "Trend",
    tab_compare: "Compare",
    tab_overview: "Differences",
    pane_series: "Series",
    pane_chart: "Chart",
    pane_legend: "Legend",
    pane_notes: "Annotations",
    chart_empty: "No series chosen yet. Pick a series on the left with ↑/↓ and press Space or Enter.",
    chart_no_values: "The chosen series have no known values.",
    chart_too_small: "not enough room for the chart",
    too_small: "Window too small: at least 40×10 characters",
    mixed_units: "note: different units in one chart",
    provisional_legend: "open symbol = provisional",
    provisional_value: " (provisional)",
    small_count: "small count (outside the room <10)",
    synthetic: "synthetic",
    help_title: "Keys",
    light_theme: "light theme",
    line_braille: "fine lines (braille)",
    line_half_block: "lines in half blocks",
    line_block: "lines in blocks",
    grid_on: "grid dots on",
    grid_off: "grid dots off",
    dark_theme: "dark theme",
    contrast_theme: "high-contrast theme (black and white, bold lines)",
    cleared: "chart cleared",
    unknown_value: "unknown (.)",
    as_delivered: "as delivered",
    as_delivered_long: "periods automatic: as delivered, or aligned to the coarsest length",
    no_session: "no session: view only",
    need_session: "annotations need a session: start duiden again and choose a session",
    read_only: "read-only",
    annotation_new_title: "New annotation",
    annotation_edit_title: "Edit annotation",
    pick_kind: "Kind (one key):",
    said_by: "said by",
    status: "status",
    owner: "owner",
    text_placeholder: "Type what is being said…",
    range_started: "choosing a period: move the cursor and make the annotation",
    range_cleared: "period choice stopped",
    zoom_at_most: "cannot zoom in further: choose at least two periods with the range",
    zoomed_out: "the whole series",
    closing_question: "Which questions to research further?",
    agenda_saved: "agenda saved",
    following: "following: this screen follows the facilitator (read-only)",
    following_read_only: "following: the facilitator steers the view; q quits",
    talking_points: "Talking points (not on the projector)",
    signals_busy: "Signals: looking…",
    signals_none: "Nothing stands out by the methods of duiden signalen (see the README, Signalen).",
    tab_signals: "Signals",
    agenda_title: "Agenda",
    closing_none: "No research questions in this session yet: record them as an annotation (kind research question).",
    no_chart_for_note: "first choose a series in the chart to attach an annotation to",
    nothing_to_undo: "nothing to undo",
    nothing_to_redo: "nothing to redo",
    start_title: "Session",
    start_continue: "Continue with",
    start_new: "＋ New session",
    start_unreadable: "⚠ Cannot read:",
    start_unreadable_note: "Note: a session file of today cannot be read (see the list). The new session becomes a separate file; the unreadable file stays as it is.",
    start_view_only: "View only (no session)",
    new_title_prompt: "Title of the new session:",
    default_session_title: "Duiden van data",
    follow_up_title: "Open questions and actions",
    follow_up_empty: "No open research questions or actions from earlier sessions or this session.",
    follow_up_note: "– not weighed; all goes into the minutes",
    follow_up_owner_prompt: "Owner",
    follow_up_theme_prompt: "Theme (for the agenda)",
    agenda_session_title: "Agenda session",
    agenda_session_none: "No open research questions to discuss.",
    agenda_session_walk: "previous / next question",
    follow_up_this_session: "this session",
    follow_up_criteria_for_questions: "criteria apply to research questions only",
    follow_up_merge_questions_only: "only research questions can be merged",
    follow_up_merge_cancelled: "merge cancelled",
    follow_up_merge_mark: "⇢ to be merged",
    not_weighed: "not weighed",
    no_owner: "none",
    data_changed: "note: the data changed since this session (different content hash)",
    col_period: "period",
    col_kind: "kind of difference",
    col_region: "region",
    reference_per_region: "each region's reference (ref)",
    incomplete: "incomplete",
    diff_detail: "Interpretation",
    no_difference: "No named difference in this period.",
    overview_title: "All named differences, largest first",
    overview_empty: "No differences found with this filter.",
    all: "all",
    col_kind_short: "kind",
    col_domain: "domain",
    col_indicator: "indicator",
    col_sources: "sources",
    supplier: "supplier",
    rhythm: "frequency",
    delay: "delay",
    definition: "definition",
    population: "population",
    caveats: "caveats",
    difference: "difference",
    header_title: "Session: facilitator, participants, agenda",
    header_explain: "One per line: 'facilitator: name', 'deelnemer: name | role | organisation' (role, in Dutch: toegang, aanbieder, beleid, analist, overig), 'agenda: domain/indicator | note'.",
    header_saved: "session details saved",
    review_mode: "look back · read-only",
    review_tab_notes: "Annotations",
    review_tab_questions: "Backlog",
    review_sessions: "Sessions",
    review_no_sessions: "No session files in this folder. A session starts with `cargo run --release`.",
    review_no_notes: "No annotations match the filters.",
    review_no_questions: "No research questions match the filters.",
    review_detail: "Annotation",
    review_question_detail: "Question and history",
    review_broken: "cannot be read",
    review_not_here: "looking back is read-only: annotations and minutes belong in a session",
    review_search: "search",
    review_kind: "kind",
    review_status: "status",
    review_domain: "domain",
    review_role: "role",
    review_period: "period",
    review_period_hint: "e.g. 2023, 2023-Q1 or 2022..2024",
    review_filters_cleared: "filters cleared",
    review_data_changed: "note: the dataset changed since this session (different content hash); the figures may differ from what was shown then",
    or: " or ",
    busy: "busy",
    overview_busy: "Looking for differences between sources…",
};

/// The short names of the transform keys.
fn transform_hint(a: Action) -> &'static str {
    use Action::*;
    match a {
        PerInhabitants => "per inhabitants",
        IndexAtCursor => "index",
        YearOnYear => "on a year earlier",
        MovingAverage => "moving average",
        YearToDate => "year to date",
        _ => "",
    }
}

/// After a save that failed, and taking over a session.
fn save_help(a: Action) -> &'static str {
    use Action::*;
    match a {
        ReloadSession => "after a failed save: read the file again and add the typed annotation",
        SaveCopy => "after a failed save: keep the session with the typed annotation as a copy",
        ShowBoth => "after a failed save: show what differs between the file and the screen",
        TakeOver => {
            "take over a session another process held once it is gone (or, confirmed, break the lock)"
        }
        _ => "",
    }
}

/// After a save that failed, and taking over a session.
fn save_hint(a: Action) -> &'static str {
    use Action::*;
    match a {
        ReloadSession => "reload and add",
        SaveCopy => "keep a copy",
        ShowBoth => "show difference",
        TakeOver => "take over",
        _ => "",
    }
}
