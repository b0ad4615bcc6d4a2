//! The annotation form after a save: closed when it worked; kept, with the text and what can be
//! done, when it did not (a read-only folder, a full disk, a file another program changed).

use super::{App, Popup};
use crate::session::compare::compare;
use crate::session::{Annotation, SessionError};
use crate::tui::i18n::t;
use crate::tui::popups::annotate::{AnnotateForm, Failed, FormOutcome};

/// Why a save failed, as the form shows it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SaveFailure {
    pub message: String,
    pub changed_on_disk: bool,
}

impl SaveFailure {
    pub(super) fn of(e: &SessionError) -> SaveFailure {
        let changed_on_disk = matches!(e, SessionError::ChangedOnDisk { .. });
        SaveFailure {
            // The form is small: the short form when it says all (the path is in the title).
            message: if changed_on_disk {
                t().changed_on_disk().to_string()
            } else {
                t().session_error(e)
            },
            changed_on_disk,
        }
    }
}

impl App {
    /// Acts on what the annotation form asked for after a key.
    pub(super) fn annotate_outcome(&mut self, mut form: Box<AnnotateForm>, outcome: FormOutcome) {
        match outcome {
            FormOutcome::Continue => self.popup = Some(Popup::Annotate(form)),
            FormOutcome::Cancel => {}
            FormOutcome::Save(a) => {
                self.save_or_keep(form, *a);
            }
            FormOutcome::Reload(a) => {
                let reloaded = self.writer().map(|w| w.reload());
                match reloaded {
                    Some(Err(e)) => self.keep(form, SaveFailure::of(&e)),
                    _ => {
                        self.refresh_notes();
                        if self.save_or_keep(form, *a) {
                            self.shared.message = Some(t().reloaded().to_string());
                        }
                    }
                }
            }
            FormOutcome::SaveCopy(a, to) => self.save_copy(form, *a, &to),
            FormOutcome::ShowBoth => {
                let lines = self.writer().map(|w| match w.on_disk() {
                    Ok(disk) => t().session_differences(&compare(&disk, w.session())),
                    Err(e) => vec![t().session_error(&e)],
                });
                if let Some(f) = form.failed.as_mut() {
                    f.both = lines.unwrap_or_default();
                }
                self.popup = Some(Popup::Annotate(form));
            }
        }
    }

    /// Saves; on failure the form stays with its text and the reason. Says whether it saved.
    fn save_or_keep(&mut self, form: Box<AnnotateForm>, a: Annotation) -> bool {
        match self.save_annotation(a, form.editing) {
            Ok(()) => true,
            Err(failure) => {
                self.keep(form, failure);
                false
            }
        }
    }

    fn keep(&mut self, mut form: Box<AnnotateForm>, failure: SaveFailure) {
        // Beside the session, unless writing there is what failed.
        let copy_to = self
            .writer()
            .map(|w| w.proposed_copy_path(!failure.changed_on_disk))
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        form.failed = Some(Failed {
            message: t().save_failed_keeps_text(&failure.message),
            changed_on_disk: failure.changed_on_disk,
            both: Vec::new(),
            copy_to,
            copy_error: None,
        });
        self.popup = Some(Popup::Annotate(form));
    }

    /// Writes the session with the typed annotation as a copy at `to` and closes the form; when
    /// that fails too, the form stays with the path to change.
    fn save_copy(&mut self, mut form: Box<AnnotateForm>, a: Annotation, to: &std::path::Path) {
        let editing = form.editing;
        let result = self.writer().map(|w| {
            w.save_copy(to, |s| {
                let mut a = a.clone();
                a.time = crate::session::now_local();
                match s.get_mut(a.id) {
                    Some(cur) if editing => *cur = a,
                    _ => {
                        s.add(a);
                    }
                }
            })
        });
        match result {
            Some(Ok(())) => self.shared.message = Some(t().copy_saved(to)),
            Some(Err(e)) => {
                if let Some(f) = form.failed.as_mut() {
                    f.copy_error = Some(t().copy_failed(&t().session_error(&e)));
                }
                self.popup = Some(Popup::Annotate(form));
            }
            None => {}
        }
    }
}
