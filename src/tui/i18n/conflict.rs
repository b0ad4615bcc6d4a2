//! Texts for a save that failed: the form that keeps the typed text, the copy, and what differs
//! when another program changed the session file.

use super::Lang::{En, Nl};
use super::texts::Texts;
use crate::session::Annotation;
use crate::session::compare::SessionDiff;
use std::path::Path;

/// Longest part of an annotation's text quoted in a difference line.
const QUOTE: usize = 60;

fn quote(a: &Annotation) -> String {
    let line = a.text.lines().next().unwrap_or("");
    let short: String = line.chars().take(QUOTE).collect();
    if short.len() < a.text.len() {
        format!("{short}…")
    } else {
        short
    }
}

impl Texts {
    /// In the form, after a failed save: the text stays.
    pub fn save_failed_keeps_text(&self, error: &str) -> String {
        match self.lang {
            Nl => format!("NIET opgeslagen; uw tekst blijft hier staan. {error}"),
            En => format!("NOT saved; your text stays here. {error}"),
        }
    }

    /// Above the path field of a copy.
    pub fn copy_path_prompt(&self) -> &'static str {
        match self.lang {
            Nl => {
                "Waar moet de kopie (sessie met deze aantekening) komen? Pas het pad zo nodig aan."
            }
            En => {
                "Where should the copy (the session with this annotation) go? Change the path if needed."
            }
        }
    }

    /// The annotation went into a copy of the session, not into the session.
    pub fn copy_saved(&self, path: &Path) -> String {
        match self.lang {
            Nl => format!(
                "niet in de sessie, wel bewaard in een kopie: {}",
                path.display()
            ),
            En => format!("not in the session, but kept in a copy: {}", path.display()),
        }
    }

    /// No place took the copy either.
    pub fn copy_failed(&self, error: &str) -> String {
        match self.lang {
            Nl => format!(
                "ook de kopie kon niet opgeslagen worden; de tekst blijft hier staan. {error}"
            ),
            En => {
                format!("the copy could not be saved either; the text stays here. {error}")
            }
        }
    }

    /// The session file changed outside duiden, short for the form.
    pub fn changed_on_disk(&self) -> &'static str {
        match self.lang {
            Nl => "Het sessiebestand is buiten duiden veranderd; niets overschreven.",
            En => "The session file was changed outside duiden; nothing overwritten.",
        }
    }

    /// After reloading the changed file, before saving the typed annotation on top.
    pub fn reloaded(&self) -> &'static str {
        match self.lang {
            Nl => "bestand opnieuw ingelezen; de aantekening is eraan toegevoegd",
            En => "file read again; the annotation was added to it",
        }
    }

    /// What differs between the file on disk (first) and the screen (second), a line each.
    pub fn session_differences(&self, d: &SessionDiff) -> Vec<String> {
        if d.is_empty() {
            return vec![match self.lang {
                Nl => "bestand en scherm hebben dezelfde aantekeningen".to_string(),
                En => "file and screen have the same annotations".to_string(),
            }];
        }
        let mut out = Vec::new();
        for a in &d.only_first {
            out.push(match self.lang {
                Nl => format!("alleen in het bestand: #{} {}", a.id, quote(a)),
                En => format!("only in the file: #{} {}", a.id, quote(a)),
            });
        }
        for a in &d.only_second {
            out.push(match self.lang {
                Nl => format!("alleen hier: #{} {}", a.id, quote(a)),
                En => format!("only here: #{} {}", a.id, quote(a)),
            });
        }
        for (disk, _) in &d.changed {
            out.push(match self.lang {
                Nl => format!("in het bestand anders: #{} {}", disk.id, quote(disk)),
                En => format!("different in the file: #{} {}", disk.id, quote(disk)),
            });
        }
        if d.header {
            out.push(match self.lang {
                Nl => "facilitator, deelnemers of agenda verschillen".to_string(),
                En => "facilitator, participants or agenda differ".to_string(),
            });
        }
        if d.follow_up {
            out.push(match self.lang {
                Nl => "wijzigingen van eerdere vragen verschillen".to_string(),
                En => "changes to earlier questions differ".to_string(),
            });
        }
        out
    }
}

impl Texts {
    /// The holder of a read-only session saved: the screen shows it.
    pub fn holder_saved(&self) -> &'static str {
        match self.lang {
            Nl => "alleen lezen: de andere opener sloeg op; nieuwe aantekeningen staan erbij",
            En => "read-only: the other opener saved; new annotations are shown",
        }
    }

    /// The holder is gone.
    pub fn session_free(&self, key: &str) -> String {
        match self.lang {
            Nl => format!("de sessie is vrijgekomen: {key} om hem te bewerken"),
            En => format!("the session is free now: {key} to edit it"),
        }
    }

    /// First press on a lock that is still held by a holder that cannot save here: one of this
    /// machine that is `gone`, or one of another machine or an unreadable lock.
    pub fn confirm_break_lock(&self, holder: &str, lock: &Path, key: &str, gone: bool) -> String {
        let lock = lock.display();
        match (self.lang, gone) {
            (Nl, true) => format!(
                "{holder}; dat proces bestaat niet meer op deze computer; slot: {lock}. Nogmaals {key} verbreekt het slot"
            ),
            (Nl, false) => format!(
                "{holder}; slot: {lock}. Is duiden daar (andere computer, onleesbaar slot) zeker gesloten? Nogmaals {key} verbreekt het slot"
            ),
            (En, true) => format!(
                "{holder}; that process no longer exists on this computer; lock: {lock}. {key} again breaks the lock"
            ),
            (En, false) => format!(
                "{holder}; lock: {lock}. Is duiden surely closed there (another computer, unreadable lock)? {key} again breaks the lock"
            ),
        }
    }

    /// The take-over key on a lock whose holder still runs on this machine: never broken.
    pub fn holder_running(&self, holder: &str) -> String {
        match self.lang {
            Nl => format!(
                "{holder}; dat proces draait nog op deze computer, dus niet over te nemen: sluit duiden daar, dan komt de sessie vrij"
            ),
            En => format!(
                "{holder}; that process still runs on this computer, so it cannot be taken over: close duiden there and the session becomes free"
            ),
        }
    }

    /// A read-only message with the key that takes the session over.
    pub fn with_take_over(&self, message: &str, key: &str) -> String {
        match self.lang {
            Nl => format!("{message} · {key} overnemen"),
            En => format!("{message} · {key} take over"),
        }
    }

    pub fn taken_over(&self) -> &'static str {
        match self.lang {
            Nl => "sessie overgenomen: opnieuw ingelezen en nu te bewerken",
            En => "session taken over: read again and now editable",
        }
    }

    pub fn still_held(&self, holder: &str) -> String {
        match self.lang {
            Nl => format!("niet overgenomen, nog steeds {holder}"),
            En => format!("not taken over, still {holder}"),
        }
    }

    pub fn already_writable(&self) -> &'static str {
        match self.lang {
            Nl => "deze sessie is al te bewerken",
            En => "this session can be edited already",
        }
    }
}
