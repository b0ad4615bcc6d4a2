//! Texts with values for review mode (`duiden terugkijken`) and for the keymap file's errors.

use super::Lang::{En, Nl};
use super::texts::Texts;
use crate::session::ItemChange;
use crate::session::backlog::{Event, HistoryEntry};

impl Texts {
    /// "Alle sessies (37 aantekeningen)"
    pub fn review_all_sessions(&self, notes: usize) -> String {
        match (self.lang, notes) {
            (Nl, 1) => "Alle sessies (1 aantekening)".to_string(),
            (Nl, _) => format!("Alle sessies ({notes} aantekeningen)"),
            (En, 1) => "All sessions (1 annotation)".to_string(),
            (En, _) => format!("All sessions ({notes} annotations)"),
        }
    }

    /// A question merged into another one: "samengevoegd in nr 14 (5 nov)".
    pub fn review_merged_into(&self, other: &str) -> String {
        match self.lang {
            Nl => format!("samengevoegd in {other}"),
            En => format!("merged into {other}"),
        }
    }

    /// A question others were merged into: "samengevoegd met nr 4 (10 sep)".
    pub fn review_merged_with(&self, others: &str) -> String {
        match self.lang {
            Nl => format!("samengevoegd met {others}"),
            En => format!("merged with {others}"),
        }
    }

    /// "1 samengevoegd": questions of a session merged into another one.
    pub fn review_merged_count(&self, n: usize) -> String {
        match self.lang {
            Nl => format!("{n} samengevoegd"),
            En => format!("{n} merged"),
        }
    }

    /// "3 open"
    pub fn review_open(&self, n: usize) -> String {
        match self.lang {
            Nl | En => format!("{n} open"),
        }
    }

    pub fn review_notes_title(&self, shown: usize, total: usize) -> String {
        match (self.lang, shown == total) {
            (Nl, true) => format!("Aantekeningen ({total})"),
            (Nl, false) => format!("Aantekeningen ({shown} van {total})"),
            (En, true) => format!("Annotations ({total})"),
            (En, false) => format!("Annotations ({shown} of {total})"),
        }
    }

    pub fn review_questions_title(&self, shown: usize, total: usize) -> String {
        let count = match (self.lang, shown == total) {
            (Nl | En, true) => total.to_string(),
            (Nl, false) => format!("{shown} van {total}"),
            (En, false) => format!("{shown} of {total}"),
        };
        match self.lang {
            Nl => format!("Onderzoeksvragen ({count}) · open eerst, dan op prioriteit"),
            En => format!("Research questions ({count}) · open first, then by priority"),
        }
    }

    pub fn review_no_dataset(&self, pad: &str, error: &str) -> String {
        match self.lang {
            Nl => format!("dataset {pad} van deze sessie kan niet geopend worden: {error}"),
            En => format!("dataset {pad} of this session cannot be opened: {error}"),
        }
    }

    pub fn review_bad_period(&self, error: &str) -> String {
        match self.lang {
            Nl => format!("periode niet herkend: {error}; {}", self.review_period_hint),
            En => format!(
                "period not recognised: {error}; {}",
                self.review_period_hint
            ),
        }
    }

    /// A period filter's text that is no period; `detail` is the reader's (Dutch) reason.
    pub fn not_a_period(&self, text: &str, detail: &str) -> String {
        match self.lang {
            Nl => detail.to_string(),
            En => format!("'{text}' is not a period"),
        }
    }

    /// A period filter whose end lies before its start.
    pub fn reversed_range(&self, from: &str, to: &str) -> String {
        match self.lang {
            Nl => format!("{to} ligt vóór {from}"),
            En => format!("{to} lies before {from}"),
        }
    }

    /// A chart opened from review mode; `back` names the keys that return to the list.
    pub fn review_opened(&self, session: &str, date: &str, back: &str) -> String {
        match self.lang {
            Nl => format!(
                "{} · {back}: terug naar de lijst · grafiek uit {session} ({date})",
                self.read_only
            ),
            En => format!(
                "{} · {back}: back to the list · chart from {session} ({date})",
                self.read_only
            ),
        }
    }

    /// "prioriteit 11"
    pub fn review_priority(&self, p: u32) -> String {
        match self.lang {
            Nl => format!("prioriteit {p}"),
            En => format!("priority {p}"),
        }
    }

    /// Where and by whom a question was asked.
    pub fn review_origin(&self, date: &str, title: &str, file: &str, id: u64, who: &str) -> String {
        match self.lang {
            Nl => format!("gesteld {date} in {title} ({file} nr {id}) door {who}"),
            En => format!("asked {date} in {title} ({file} no. {id}) by {who}"),
        }
    }

    pub fn review_also_asked(&self, text: &str) -> String {
        match self.lang {
            Nl => format!("ook gesteld: “{text}”"),
            En => format!("also asked: “{text}”"),
        }
    }

    /// One line of a question's history: "gesteld (open)", "status geagendeerd; urgentie hoog",
    /// "vraag 3 uit … samengevoegd met vraag 2 uit …".
    pub fn history_entry(&self, entry: &HistoryEntry) -> String {
        match &entry.event {
            Event::Raised => {
                let status = self.question_status(entry.status);
                match self.lang {
                    Nl => format!("gesteld ({status})"),
                    En => format!("asked ({status})"),
                }
            }
            Event::Changed(c) => {
                let mut d = self.change(c);
                if !c.note.trim().is_empty() {
                    d.push_str(&format!(" — {}", c.note.trim()));
                }
                match (self.lang, d.is_empty()) {
                    (Nl, true) => "gewijzigd".to_string(),
                    (En, true) => "changed".to_string(),
                    (Nl | En, false) => d,
                }
            }
            Event::Merged { with } => {
                let (id, file) = (entry.item.id, &entry.item.session);
                match self.lang {
                    Nl => format!(
                        "vraag {id} uit {file} samengevoegd met vraag {} uit {}",
                        with.id, with.session
                    ),
                    En => format!(
                        "question {id} from {file} merged into question {} from {}",
                        with.id, with.session
                    ),
                }
            }
        }
    }

    /// "status geagendeerd; eigenaar Pim; urgentie hoog"
    fn change(&self, c: &ItemChange) -> String {
        let mut parts = Vec::new();
        if let Some(s) = c.status {
            parts.push(format!("{} {}", self.status, self.question_status(s)));
        }
        match (&c.owner, self.lang) {
            (None, _) => {}
            (Some(e), Nl) if e.is_empty() => parts.push("geen eigenaar".to_string()),
            (Some(e), En) if e.is_empty() => parts.push("no owner".to_string()),
            (Some(e), Nl | En) => parts.push(format!("{} {e}", self.owner)),
        }
        if !c.criteria.is_empty() {
            parts.push(self.criteria_weighed(&c.criteria));
        }
        parts.join("; ")
    }

    /// A plain character bound where typing goes to the text.
    pub fn keymap_plain_key(&self, key: &str, context: &str) -> String {
        match self.lang {
            Nl => format!(
                "\"{key}\" is gewone tekst in [{context}]: gebruik ctrl-, alt- of een benoemde toets"
            ),
            En => format!("\"{key}\" is plain text in [{context}]: use ctrl-, alt- or a named key"),
        }
    }

    /// One key for two actions in one context; the names are the file's.
    pub fn keymap_conflict(
        &self,
        key: &str,
        context: &str,
        first: (&str, &str),
        second: (&str, &str),
    ) -> String {
        let ((a, a_ctx), (b, b_ctx)) = (first, second);
        match self.lang {
            Nl => format!(
                "toets \"{key}\" hoort in [{context}] bij twee acties: \"{a}\" ([{a_ctx}]) en \"{b}\" ([{b_ctx}])"
            ),
            En => format!(
                "key \"{key}\" means two actions in [{context}]: \"{a}\" ([{a_ctx}]) and \"{b}\" ([{b_ctx}])"
            ),
        }
    }

    pub fn keymap_unknown_context(&self, name: &str, known: &str) -> String {
        match self.lang {
            Nl => format!("onbekende context \"{name}\": verwacht een van {known}"),
            En => format!("unknown context \"{name}\": expected one of {known}"),
        }
    }

    pub fn keymap_unknown_action(&self, name: &str) -> String {
        match self.lang {
            Nl => format!(
                "onbekende actie \"{name}\": de namen staan in de hulp (?) en in src/tui/keymap/default.toml"
            ),
            En => format!(
                "unknown action \"{name}\": the names are in the help (?) and in src/tui/keymap/default.toml"
            ),
        }
    }

    pub fn keymap_unknown_key(&self, text: &str, names: &str) -> String {
        match self.lang {
            Nl => format!(
                "onbekende toets \"{text}\": verwacht een teken (a, G, ?), een naam ({names}) of f1–f12, eventueel met ctrl-, alt- of shift- ervoor"
            ),
            En => format!(
                "unknown key \"{text}\": expected a character (a, G, ?), a name ({names}) or f1–f12, optionally with ctrl-, alt- or shift- before it"
            ),
        }
    }

    /// Under the help: the theme and line style on screen.
    pub fn display_now(&self, theme: &str, lines: &str) -> String {
        match self.lang {
            Nl => format!("Nu: {theme} · {lines} (T en L wisselen; [weergave] in duiden.toml)"),
            En => format!("Now: {theme} · {lines} (T and L switch; [weergave] in duiden.toml)"),
        }
    }

    /// A `[weergave]` setting with a value it does not take.
    pub fn display_bad_value(&self, setting: &str, value: &str, choices: &str) -> String {
        match self.lang {
            Nl => format!(
                "[weergave] {setting} = \"{value}\" bestaat niet: verwacht een van {choices}"
            ),
            En => format!(
                "[weergave] {setting} = \"{value}\" does not exist: expected one of {choices}"
            ),
        }
    }

    pub fn display_not_text(&self, setting: &str) -> String {
        match self.lang {
            Nl => format!("[weergave] {setting} verwacht een waarde tussen aanhalingstekens"),
            En => format!("[weergave] {setting} expects a value in quotes"),
        }
    }

    pub fn display_unknown_setting(&self, name: &str) -> String {
        match self.lang {
            Nl => format!(
                "onbekende instelling \"{name}\" in [weergave]: verwacht thema, kleuren of lijnen"
            ),
            En => format!(
                "unknown setting \"{name}\" in [weergave]: expected thema, kleuren or lijnen"
            ),
        }
    }
}
