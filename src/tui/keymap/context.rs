//! Where a key is pressed: a screen, a review tab or a popup. Each has its own table; the main
//! screen's tabs also look in `algemeen`, the backlog in `terugkijken`.

use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
pub enum Context {
    /// Keys of every tab of the main screen.
    #[serde(rename = "algemeen")]
    Global,
    #[serde(rename = "trend")]
    Trend,
    #[serde(rename = "vergelijken")]
    Compare,
    #[serde(rename = "verschillen")]
    Overview,
    /// The signals tab.
    #[serde(rename = "signalen")]
    Signals,
    /// Review mode's annotations tab, and the keys of both review tabs.
    #[serde(rename = "terugkijken")]
    Review,
    /// Review mode's research-question backlog.
    #[serde(rename = "vragenlijst")]
    Backlog,
    #[serde(rename = "hulp")]
    Help,
    #[serde(rename = "start")]
    Start,
    /// The first step of a new annotation: one key picks the kind.
    #[serde(rename = "aantekening_soort")]
    AnnotateKind,
    /// Typing an annotation; keys not in this table go to the text.
    #[serde(rename = "aantekening")]
    Annotate,
    /// Editing facilitator, participants and agenda; other keys go to the text.
    #[serde(rename = "deelnemers")]
    Header,
    #[serde(rename = "opvolging")]
    FollowUp,
    /// The agenda list: go to an item, reorder, remove, plan time.
    #[serde(rename = "agenda")]
    Agenda,
    /// A one-line input (title, owner, search, period); other keys go to the text.
    #[serde(rename = "invoer")]
    Input,
    /// The command palette: typing goes into the search, these keys choose.
    #[serde(rename = "palet")]
    Palette,
}

impl Context {
    pub const ALL: &'static [Context] = &[
        Context::Global,
        Context::Trend,
        Context::Compare,
        Context::Overview,
        Context::Signals,
        Context::Review,
        Context::Backlog,
        Context::Help,
        Context::Start,
        Context::AnnotateKind,
        Context::Annotate,
        Context::Header,
        Context::FollowUp,
        Context::Agenda,
        Context::Input,
        Context::Palette,
    ];

    /// The tables a key is looked up in, first match wins (a key in two of them is a conflict).
    pub fn chain(self) -> &'static [Context] {
        match self {
            Context::Trend => &[Context::Trend, Context::Global],
            Context::Compare => &[Context::Compare, Context::Global],
            Context::Overview => &[Context::Overview, Context::Global],
            Context::Signals => &[Context::Signals, Context::Global],
            Context::Backlog => &[Context::Backlog, Context::Review],
            Context::Global => &[Context::Global],
            Context::Review => &[Context::Review],
            Context::Help => &[Context::Help],
            Context::Start => &[Context::Start],
            Context::AnnotateKind => &[Context::AnnotateKind],
            Context::Annotate => &[Context::Annotate],
            Context::Header => &[Context::Header],
            Context::FollowUp => &[Context::FollowUp],
            Context::Agenda => &[Context::Agenda],
            Context::Input => &[Context::Input],
            Context::Palette => &[Context::Palette],
        }
    }

    /// Contexts where unbound keys are typed text, so plain characters must not be bound.
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Context::Annotate | Context::Header | Context::Input | Context::Palette
        )
    }

    /// The name in `duiden.toml`.
    pub fn name(self) -> &'static str {
        match self {
            Context::Global => "algemeen",
            Context::Trend => "trend",
            Context::Compare => "vergelijken",
            Context::Overview => "verschillen",
            Context::Signals => "signalen",
            Context::Review => "terugkijken",
            Context::Backlog => "vragenlijst",
            Context::Help => "hulp",
            Context::Start => "start",
            Context::AnnotateKind => "aantekening_soort",
            Context::Annotate => "aantekening",
            Context::Header => "deelnemers",
            Context::FollowUp => "opvolging",
            Context::Agenda => "agenda",
            Context::Input => "invoer",
            Context::Palette => "palet",
        }
    }
}
