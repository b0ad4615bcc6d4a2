//! The catalog's shape: every fixed text of the interface is a field of [`Texts`], so the static
//! of each language (`nl::NL`, `en::EN`) must fill all of them or the build fails. Texts with
//! values in them are methods (`messages.rs`, `names.rs`) that match on the language, so a
//! missing translation is a build error too.

use super::Lang;

macro_rules! texts {
    ($($(#[doc = $doc:literal])* $name:ident,)*) => {
        /// Every fixed text of the interface, in one language.
        pub struct Texts {
            pub lang: Lang,
            $($(#[doc = $doc])* pub $name: &'static str,)*
        }

        impl Texts {
            /// (field name, text) of every fixed text: what the catalog tests compare.
            pub fn fields(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($name), self.$name),)*]
            }
        }
    };
}

texts! {
    app_name,
    tab_trend,
    tab_compare,
    tab_overview,
    pane_series,
    pane_chart,
    pane_legend,
    pane_notes,
    /// In the chart when no series is chosen.
    chart_empty,
    chart_no_values,
    chart_too_small,
    /// Below 40×10: the whole screen says only this.
    too_small,
    mixed_units,
    provisional_legend,
    /// After a provisional value in the legend: " (voorlopig)".
    provisional_value,
    /// After [`crate::tui::i18n::SMALL_MARK`] in the legend of a source from records.
    small_count,
    synthetic,
    help_title,
    light_theme,
    dark_theme,
    contrast_theme,
    /// The chart's line style after `lijnstijl`.
    line_braille,
    line_half_block,
    line_block,
    grid_on,
    grid_off,
    cleared,
    unknown_value,
    /// The chart's granularity when nothing is aggregated.
    as_delivered,
    as_delivered_long,
    no_session,
    need_session,
    read_only,
    annotation_new_title,
    annotation_edit_title,
    pick_kind,
    said_by,
    status,
    owner,
    text_placeholder,
    range_started,
    range_cleared,
    zoom_at_most,
    zoomed_out,
    closing_question,
    agenda_saved,
    agenda_title,
    closing_none,
    following,
    following_read_only,
    talking_points,
    signals_busy,
    signals_none,
    tab_signals,
    no_chart_for_note,
    nothing_to_undo,
    nothing_to_redo,
    start_title,
    start_continue,
    start_new,
    /// Before a session file of today that cannot be read, listed with why.
    start_unreadable,
    /// Above the title of a new session when a file of today cannot be read.
    start_unreadable_note,
    start_view_only,
    new_title_prompt,
    /// Title a new session gets when none is typed; recorded in the (Dutch) session file.
    default_session_title,
    follow_up_title,
    follow_up_empty,
    /// The end of the follow-up's criteria note (see `follow_up_criteria_note`).
    follow_up_note,
    follow_up_owner_prompt,
    follow_up_theme_prompt,
    agenda_session_title,
    agenda_session_none,
    agenda_session_walk,
    follow_up_this_session,
    follow_up_criteria_for_questions,
    follow_up_merge_questions_only,
    follow_up_merge_cancelled,
    follow_up_merge_mark,
    not_weighed,
    no_owner,
    data_changed,
    col_period,
    col_kind,
    /// Column of the regio (gemeente) in the tables, with several regios.
    col_region,
    /// What the comparison compares against when each regio has its own reference.
    reference_per_region,
    incomplete,
    diff_detail,
    no_difference,
    overview_title,
    overview_empty,
    /// A filter that lets everything through.
    all,
    col_kind_short,
    col_domain,
    col_indicator,
    col_sources,
    /// Source metadata labels in the comparison's detail.
    supplier,
    rhythm,
    delay,
    definition,
    population,
    caveats,
    /// "verschil: …" before the difference an annotation was made on.
    difference,
    header_title,
    header_explain,
    header_saved,
    review_mode,
    review_tab_notes,
    review_tab_questions,
    review_sessions,
    review_no_sessions,
    review_no_notes,
    review_no_questions,
    review_detail,
    review_question_detail,
    review_broken,
    review_not_here,
    review_search,
    review_kind,
    review_status,
    review_domain,
    review_role,
    review_period,
    review_period_hint,
    review_filters_cleared,
    review_data_changed,
    /// Between alternatives: " of ".
    or,
    /// Before what runs in the background: "bezig: …".
    busy,
    /// The overview while the differences are being found.
    overview_busy,
}
