//! Texts with values in them: status-line messages, titles with counts, lines built from a
//! session's data. Each names both languages; key names come in as labels from the keymap.

use super::Lang::{En, Nl};
use super::texts::Texts;
use crate::analysis::mismatch::{Detail, MismatchKind};
use crate::model::{Granularity, SourceMeta};
use crate::session::{Anchor, ChangeKind, Difference, ReadOnlyReason};
use crate::tui::background::Task;
use crate::tui::i18n::first_key;
use crate::tui::keymap::{Action, Context, Keymap};

/// An unweighed criterion or a missing value in a list: a dash, in every language.
pub const DASH: &str = "–";
/// No value for a period in the legend or a table cell.
pub const NO_VALUE: &str = "—";
/// After a count from 1 to 9 of a source from records: shown in the room, marked (exports
/// write "<10").
pub const SMALL_MARK: &str = "‹10";

impl Texts {
    pub fn series_added(&self, name: &str) -> String {
        match self.lang {
            Nl => format!("toegevoegd: {name}"),
            En => format!("added: {name}"),
        }
    }

    pub fn series_removed(&self, name: &str) -> String {
        match self.lang {
            Nl => format!("verwijderd: {name}"),
            En => format!("removed: {name}"),
        }
    }

    pub fn max_series(&self, n: usize) -> String {
        match self.lang {
            Nl => format!("maximaal {n} reeksen in één grafiek"),
            En => format!("at most {n} series in one chart"),
        }
    }

    pub fn cursor_title(&self, period: &str) -> String {
        match self.lang {
            Nl | En => format!("Cursor: {period}"),
        }
    }

    /// "per kwartaal".
    pub fn per_granularity(&self, g: Granularity) -> String {
        match self.lang {
            Nl | En => format!("per {}", self.granularity(g)),
        }
    }

    /// What the chart does at the chosen granularity (said when it changes).
    pub fn granularity_shown(&self, g: Option<Granularity>) -> String {
        let Some(g) = g else {
            return self.as_delivered_long.to_string();
        };
        let per = self.per_granularity(g);
        match self.lang {
            Nl => format!(
                "{per}: stroom opgeteld, stand aan het eind van de periode, ratio herberekend of niet"
            ),
            En => format!(
                "{per}: flows added up, stocks at the end of the period, ratios recomputed or not"
            ),
        }
    }

    /// The chart's granularity in its title.
    /// The period length the chart chose because the series differ: "per halfjaar
    /// (gelijkgetrokken)".
    pub fn granularity_aligned(&self, g: Granularity) -> String {
        let per = self.per_granularity(g);
        match self.lang {
            Nl => format!("{per} (gelijkgetrokken)"),
            En => format!("{per} (aligned)"),
        }
    }

    pub fn granularity_label(&self, g: Option<Granularity>) -> String {
        match g {
            None => self.as_delivered.to_string(),
            Some(g) => self.per_granularity(g),
        }
    }

    /// Why the open session cannot be changed, for the status line.
    pub fn read_only_reason(&self, reason: &ReadOnlyReason) -> String {
        match reason {
            ReadOnlyReason::HeldBy {
                user,
                host,
                pid,
                since,
            } => self.held_by(user, host, *pid, since),
            ReadOnlyReason::LockFailed(e) => match self.lang {
                Nl => format!("alleen lezen: sessie kan niet vergrendeld worden: {e}"),
                En => format!("read-only: the session cannot be locked: {e}"),
            },
            ReadOnlyReason::Review => self.review_not_here.to_string(),
        }
    }

    /// When a holder took the session, day and time ("26 nov 16:50"), so an old lock shows its
    /// age; the text as written when it is no time.
    fn since(&self, since: &str) -> String {
        match crate::session::LocalTime::parse(since) {
            Ok(t) => {
                let clock = t.datetime().time().strftime("%H:%M").to_string();
                format!("{} {clock}", self.day_month(t.date()))
            }
            Err(_) => since.to_string(),
        }
    }

    /// Someone else has the session open (`pid` 0: unknown who).
    fn held_by(&self, user: &str, host: &str, pid: u32, since: &str) -> String {
        let since = &self.since(since);
        let with = |word: &str, v: &str| {
            if v.is_empty() {
                String::new()
            } else {
                format!(" {word} {v}")
            }
        };
        match self.lang {
            Nl if pid == 0 => format!(
                "alleen lezen: sessie is in gebruik door een ander proces{} (slot onleesbaar)",
                with("sinds", since)
            ),
            En if pid == 0 => format!(
                "read-only: the session is in use by another process{} (lock unreadable)",
                with("since", since)
            ),
            Nl => format!(
                "alleen lezen: sessie is in gebruik{} op {host}{} (proces {pid})",
                with("door", user),
                with("sinds", since)
            ),
            En => format!(
                "read-only: the session is in use{} on {host}{} (process {pid})",
                with("by", user),
                with("since", since)
            ),
        }
    }

    pub fn not_saved(&self, error: &str) -> String {
        match self.lang {
            Nl => format!("NIET opgeslagen: {error}"),
            En => format!("NOT saved: {error}"),
        }
    }

    pub fn saved(&self, kind: &str, period: &str) -> String {
        match self.lang {
            Nl => format!("opgeslagen: {kind} over {period}"),
            En => format!("saved: {kind} on {period}"),
        }
    }

    /// `undo_key` brings it back.
    pub fn deleted(&self, kind: &str, undo_key: &str) -> String {
        match self.lang {
            Nl => format!("{kind} verwijderd ({undo_key} zet hem terug)"),
            En => format!("{kind} deleted ({undo_key} brings it back)"),
        }
    }

    pub fn status_set(&self, status: &str) -> String {
        match self.lang {
            Nl => format!("status: {status} (opgeslagen)"),
            En => format!("status: {status} (saved)"),
        }
    }

    pub fn owner_set(&self, owner: &str) -> String {
        let owner = self.owner_or_none(owner);
        match self.lang {
            Nl => format!("{}: {owner} (opgeslagen)", self.owner),
            En => format!("{}: {owner} (saved)", self.owner),
        }
    }

    /// "eigenaar Pim"
    pub fn owner_line(&self, owner: &str) -> String {
        format!("{} {}", self.owner, self.owner_or_none(owner))
    }

    fn owner_or_none<'a>(&self, owner: &'a str) -> &'a str {
        if owner.is_empty() {
            self.no_owner
        } else {
            owner
        }
    }

    /// "? onderzoeksvraag nr 2 [open]": the number is the item's id in its session.
    /// "nr 2", or with the session it is from: "nr 2 (10 sep)".
    pub fn item_number(&self, id: u64, session: Option<&str>) -> String {
        let nr = match self.lang {
            Nl => format!("nr {id}"),
            En => format!("no. {id}"),
        };
        match session {
            Some(s) => format!("{nr} ({s})"),
            None => nr,
        }
    }

    /// "? onderzoeksvraag nr 2 (10 sep) [open]"; `number` from [`Texts::item_number`].
    pub fn item_title(&self, marker: &str, kind: &str, number: &str, status: &str) -> String {
        format!("{marker} {kind} {number} [{status}]")
    }

    pub fn near_duplicate(&self, number: &str) -> String {
        match self.lang {
            Nl => format!("lijkt op {number}"),
            En => format!("looks like {number}"),
        }
    }

    /// A question is marked for merging: `merge_key` on another one merges, `cancel_key` stops.
    pub fn merge_marked(&self, number: &str, merge_key: &str, cancel_key: &str) -> String {
        match self.lang {
            Nl => format!(
                "vraag {number} gemarkeerd: kies de vraag waarin hij opgaat en druk {merge_key} ({cancel_key} annuleert)"
            ),
            En => format!(
                "question {number} marked: choose the question it goes into and press {merge_key} ({cancel_key} cancels)"
            ),
        }
    }

    pub fn merged(&self, from: u64, into: u64, into_place: &str) -> String {
        match self.lang {
            Nl => format!("vraag {from} samengevoegd met vraag {into} ({into_place}) (opgeslagen)"),
            En => format!("question {from} merged into question {into} ({into_place}) (saved)"),
        }
    }

    pub fn minutes_written(&self, path: &str) -> String {
        match self.lang {
            Nl => format!("notulen geschreven: {path}"),
            En => format!("minutes written: {path}"),
        }
    }

    /// The open session in the title bar.
    pub fn session_label(&self, title: &str, date: &str, read_only: bool) -> String {
        let word = match self.lang {
            Nl => "sessie",
            En => "session",
        };
        if read_only {
            format!(" {word}: {title}, {date} ({}) ", self.read_only)
        } else {
            format!(" {word}: {title}, {date} ")
        }
    }

    /// Where an annotation points: domein · indicator · period · sources (· differences).
    pub fn anchor_line(&self, a: &Anchor) -> String {
        let mut s = format!(
            "{} · {} · {} · {}",
            a.domain,
            a.indicator,
            self.anchor_period(a),
            a.sources.join(", ")
        );
        if let Some(regio) = &a.region {
            s.push_str(&format!(" · {} {regio}", self.col_region));
        }
        let v = self.differences(a);
        if !v.is_empty() {
            s.push_str(&format!(" · {}: {v}", self.difference));
        }
        s
    }

    /// Everything an anchor says about differences, on one line: the named differences, then
    /// the sentence an older session file recorded (as it was written); empty when none.
    pub fn differences(&self, a: &Anchor) -> String {
        let mut parts: Vec<String> = a
            .differences
            .iter()
            .map(|d| self.named_difference(d))
            .collect();
        if !a.legacy_difference.trim().is_empty() {
            parts.push(
                a.legacy_difference
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
        parts.join("; ")
    }

    /// "onverklaard in maart 2021: aanbieders-maandrapportage 440 tegen 412 in
    /// gemeente-registratie (+6,8%, aantal)"; without a second source "stand-stroom in 2021 in
    /// gemeente-registratie".
    pub fn named_difference(&self, d: &Difference) -> String {
        let (against, unknown) = match self.lang {
            Nl => ("tegen", "onbekend"),
            En => ("against", "unknown"),
        };
        let period = self.period_long(&d.period);
        crate::report::text::difference_sentence(
            d,
            &crate::report::text::DifferenceWords {
                kind: self.mismatch(d.kind),
                period: &period,
                against,
                unknown,
                number: &|v| self.num(v, 2),
                percent: &|f| self.pct(f),
            },
        )
    }

    /// What a named difference (or a compared cell) consists of, in one sentence with the
    /// figures and sources.
    pub fn detail(&self, d: &Detail) -> String {
        match self.lang {
            // The screen's Dutch is the report's: one wording for `duiden verschillen` and here.
            Nl => crate::report::describe_detail(d),
            En => super::detail_en::detail(d),
        }
    }

    /// What a background task is doing, for the status line.
    pub fn task_label(&self, task: &Task) -> String {
        match (self.lang, task) {
            (Nl, Task::DetectMismatches) => "verschillen tussen bronnen zoeken".to_string(),
            (Nl, Task::FindSignals) => "signalen zoeken".to_string(),
            (En, Task::FindSignals) => "looking for signals".to_string(),
            (En, Task::DetectMismatches) => "finding differences between sources".to_string(),
            (Nl, Task::LoadDataset(pad)) => format!("dataset {pad} laden"),
            (En, Task::LoadDataset(pad)) => format!("loading dataset {pad}"),
            (Nl, Task::ReadSessions) => "sessiemap lezen".to_string(),
            (En, Task::ReadSessions) => "reading the session folder".to_string(),
            (Nl, Task::RenderMinutes) => "notulen maken".to_string(),
            (En, Task::RenderMinutes) => "making the minutes".to_string(),
            (Nl, Task::ExportView) => "grafiek exporteren".to_string(),
            (En, Task::ExportView) => "exporting the chart".to_string(),
            (Nl, Task::ExportPng(_)) => "PNG maken".to_string(),
            (En, Task::ExportPng(_)) => "making the PNG".to_string(),
            (Nl, Task::ExportTable) => "tabel exporteren".to_string(),
            (En, Task::ExportTable) => "exporting the table".to_string(),
        }
    }

    pub fn job_failed(&self, why: &str) -> String {
        match self.lang {
            Nl => format!("mislukt: {why}"),
            En => format!("failed: {why}"),
        }
    }

    /// The name of a difference as the room should take it: a unit difference that remains
    /// after converting is named for what remains.
    pub fn kind_label(&self, kind: MismatchKind, detail: Option<&Detail>) -> String {
        match self.lang {
            Nl => crate::report::detail::kind_label(kind, detail),
            En => match crate::report::detail::remaining_after_conversion(kind, detail) {
                Some(rel) => format!(
                    "unit converted; then {}% unexplained",
                    self.num(rel.abs() * 100.0, 0)
                ),
                None => self.mismatch(kind).to_string(),
            },
        }
    }

    /// A series converted to the axis's unit: "(omgerekend uit x 1.000 euro)".
    pub fn converted_from(&self, unit: &str) -> String {
        match self.lang {
            Nl => format!("(omgerekend uit {unit})"),
            En => format!("(converted from {unit})"),
        }
    }

    /// A series left off the chart because its unit would need a panel beyond `max`.
    pub fn left_out_unit(&self, unit: &str, max: usize) -> String {
        match self.lang {
            Nl => format!("niet getoond: {unit} zou een {}e paneel worden", max + 1),
            En => format!("not shown: {unit} would need panel {}", max + 1),
        }
    }

    /// The annotation form after one Esc with text typed; `key` is the cancel key ("Esc").
    pub fn discard_typed(&self, key: &str) -> String {
        match self.lang {
            Nl => format!(
                "Getypte tekst weggooien? Nog eens {key} gooit hem weg; elke andere toets typt verder."
            ),
            En => format!(
                "Discard the typed text? {key} again discards it; any other key goes on typing."
            ),
        }
    }

    pub fn job_cancelled(&self, task: &Task) -> String {
        match self.lang {
            Nl => format!("gestopt: {}", self.task_label(task)),
            En => format!("stopped: {}", self.task_label(task)),
        }
    }

    /// Title of the comparison's table.
    /// Title of the comparison's table; `unit` is what Δ is counted in (the reference's unit).
    pub fn diff_table(&self, reference: &str, unit: &str) -> String {
        let unit = if unit.is_empty() {
            String::new()
        } else {
            match self.lang {
                Nl => format!(" · Δ in {unit}"),
                En => format!(" · Δ in {unit}"),
            }
        };
        match self.lang {
            Nl => format!("Verschillen per periode t.o.v. {reference}{unit} (* = voorlopig)"),
            En => format!("Differences per period against {reference}{unit} (* = provisional)"),
        }
    }

    /// Which regio the selected row is, and the source it is compared against there.
    pub fn region_reference(&self, region: &str, reference: &str) -> String {
        match self.lang {
            Nl => format!("{region} · referentie: {reference}"),
            En => format!("{region} · reference: {reference}"),
        }
    }

    /// A source's name and what dataset.toml says about it.
    pub fn source_meta_line(&self, s: &SourceMeta) -> String {
        let mut parts = vec![format!("  {}", s.naam)];
        for (label, v) in [
            (self.supplier, &s.leverancier),
            (self.rhythm, &s.ritme),
            (self.delay, &s.vertraging),
            (self.definition, &s.definitie),
            (self.population, &s.populatie),
            (self.caveats, &s.kanttekeningen),
        ] {
            if !v.is_empty() {
                parts.push(format!("{label}: {v}"));
            }
        }
        parts.join(" · ")
    }

    /// The overview's filter line, with the keys of the two filters and of opening a difference.
    pub fn overview_filter(
        &self,
        kind: Option<&str>,
        domain: Option<&str>,
        n: usize,
        keys: &Keymap,
    ) -> String {
        let (kind, domain) = (kind.unwrap_or(self.all), domain.unwrap_or(self.all));
        let key = |a| first_key(keys, Context::Overview, a);
        let (k, d, open) = (
            key(Action::FilterKind),
            key(Action::FilterDomain),
            key(Action::Activate),
        );
        let found = self.differences_found(n);
        match self.lang {
            Nl => format!(
                "soort: {kind} ({k}) · domein: {domain} ({d}) · {found} · {open}: vergelijken"
            ),
            En => {
                format!("kind: {kind} ({k}) · domain: {domain} ({d}) · {found} · {open}: compare")
            }
        }
    }

    /// The comparison before anything was chosen; `key` opens it.
    pub fn compare_empty(&self, key: &str) -> String {
        match self.lang {
            Nl => format!(
                "Kies in het tabblad Trend een indicator (of in Verschillen een verschil) en druk op {key}."
            ),
            En => format!(
                "Choose an indicator in the Trend tab (or a difference in Differences) and press {key}."
            ),
        }
    }

    /// The annotation pane of an indicator without annotations.
    pub fn notes_empty(&self, range_key: &str, annotate_key: &str) -> String {
        match self.lang {
            Nl => format!(
                "Nog geen aantekeningen bij deze indicator. Grafiek: {range_key} kiest een periode, {annotate_key} maakt een aantekening."
            ),
            En => format!(
                "No annotations on this indicator yet. Chart: {range_key} picks a period, {annotate_key} makes an annotation."
            ),
        }
    }

    /// What undo or redo just reverted.
    pub fn undone(&self, kind: ChangeKind, redo: bool) -> String {
        use ChangeKind::*;
        let what = match (self.lang, kind) {
            (Nl, Created) => "sessie aangemaakt",
            (En, Created) => "session created",
            (Nl, AnnotationAdded) => "aantekening toegevoegd",
            (En, AnnotationAdded) => "annotation added",
            (Nl, AnnotationEdited) => "aantekening gewijzigd",
            (En, AnnotationEdited) => "annotation edited",
            (Nl, AnnotationDeleted) => "aantekening verwijderd",
            (En, AnnotationDeleted) => "annotation deleted",
            (Nl, HeaderEdited) => "deelnemers en agenda gewijzigd",
            (En, HeaderEdited) => "participants and agenda edited",
            (Nl, AgendaEdited) => "agenda gewijzigd",
            (En, AgendaEdited) => "agenda edited",
            (Nl, ItemChanged) => "vraag of actie gewijzigd",
            (En, ItemChanged) => "question or action changed",
            (Nl, Merged) => "vragen samengevoegd",
            (En, Merged) => "questions merged",
        };
        match (self.lang, redo) {
            (Nl, true) => format!("opnieuw gedaan: {what}"),
            (Nl, false) => format!("ongedaan gemaakt: {what}"),
            (En, true) => format!("redone: {what}"),
            (En, false) => format!("undone: {what}"),
        }
    }

    /// The help's last line: the user's keymap file.
    pub fn keymap_from(&self, path: &str) -> String {
        match self.lang {
            Nl => format!("toetsen uit {path} (de rest zoals standaard)"),
            En => format!("keys from {path} (the rest as default)"),
        }
    }

    /// The help's last line without a keymap file: where one is looked for.
    pub fn keymap_default(&self, candidates: &str) -> String {
        match self.lang {
            Nl => {
                format!("standaardtoetsen; eigen toetsen in {candidates} onder [toetsen.<context>]")
            }
            En => format!("default keys; your own keys in {candidates} under [toetsen.<context>]"),
        }
    }
}
