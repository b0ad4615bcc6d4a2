//! What the user (or the app itself) asks for. Keys and mouse map to actions; only
//! `App::update` changes state.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    /// Enter: expand, or show only the selected series.
    Activate,
    /// Space: add or remove the selected series from the chart.
    Toggle,
    NextPane,
    PrevPane,
    ToggleHelp,
    ClearChart,
    /// Show the chart as delivered, or per maand/kwartaal/halfjaar/jaar.
    CycleGranularity,
    ToggleTheme,
    /// Close the topmost popup.
    Close,
    /// Mouse click at a screen cell.
    Click {
        column: u16,
        row: u16,
    },
    ScrollUp,
    ScrollDown,
    Resize,
    /// `a`: annotate the cursor period or selected range.
    Annotate,
    /// `v`: start or stop selecting a period range on the chart.
    ToggleRange,
    /// `u`: undo the last change to the session.
    Undo,
    /// `n`: write the minutes next to the session file.
    WriteMinutes,
    /// `o`: open items of earlier sessions.
    ShowFollowUp,
    /// `e`: edit the selected annotation.
    Edit,
    /// `x` / Delete: delete the selected annotation.
    Delete,
    /// `s`: next status of the selected question or action.
    CycleStatus,
    /// `1` `2` `3`: trend, comparison, mismatch overview.
    ShowTab(super::tabs::Tab),
    /// `i`: edit facilitator, participants and agenda of the session.
    EditHeader,
    /// `r`: next reference source in the comparison.
    CycleReference,
    /// `f`: filter the overview by kind.
    CycleKindFilter,
    /// `d`: filter the overview by domain.
    CycleDomainFilter,
}

/// What the user asks for in review mode (`duiden terugkijken`); nothing here writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewAction {
    Quit,
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    /// Enter: open the chart the annotation (or question) was made on.
    Activate,
    /// Tab: between the session list and the annotations.
    NextPane,
    /// `1` `2`: annotations per session, or the research-question backlog.
    ShowNotes,
    ShowQuestions,
    /// `/`: full-text search.
    Search,
    CycleKind,
    CycleStatus,
    CycleDomain,
    CycleRole,
    /// `t`: type a period range.
    Period,
    /// `x`: clear every filter.
    ClearFilters,
    ToggleHelp,
    ToggleTheme,
    Close,
}
