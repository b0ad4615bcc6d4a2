//! Exporting the view on screen (`E`): the slide is drawn on a worker, written as a new file
//! through the session's writer (beside the session) or, without a writable session, through
//! the store's gate into the exports folder; then a converter makes the PNG on a worker. The
//! status line names what was written; Esc stops the PNG.

use super::App;
use crate::report::slide::raster::{self, RasterError};
use crate::report::slide::{Slide, slide};
use crate::session::SessionError;
use crate::session::store;
use crate::tui::background::{Outcome, Task};
use crate::tui::i18n::{first_key, t};
use crate::tui::keymap::Action;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// An SVG's name is taken when the SVG or the PNG of that name is there.
const KINDS: [&str; 2] = ["svg", "png"];

impl App {
    /// Draws the view on screen as a slide on a worker; written when it is ready.
    pub(super) fn export_view(&mut self) {
        if self.background.is_running(&Task::ExportView) {
            return;
        }
        let Some(view) = self.current_view() else {
            self.shared.message = Some(t().export_nothing().to_string());
            return;
        };
        let dataset = Arc::clone(&self.shared.dataset);
        let today = crate::session::model::today();
        self.background.start(Task::ExportView, move |_| {
            Outcome::Slide(slide(&dataset, &view, today).map(Box::new))
        });
    }

    /// Writes the slide and starts its PNG.
    pub(super) fn slide_drawn(&mut self, drawn: Option<Box<Slide>>) {
        let Some(s) = drawn else {
            self.shared.message = Some(t().export_nothing().to_string());
            return;
        };
        let bytes = s.svg.as_bytes();
        let written = match self.export_writer() {
            Some(w) => w.write_export(&s.stem, "svg", &KINDS, bytes),
            None => {
                let dir = store::exports_dir(&self.shared.setup.dir);
                store::write_export(&dir, &s.stem, "svg", &KINDS, bytes)
            }
        };
        let svg = match written {
            Ok(svg) => svg,
            Err(e) => {
                self.shared.message = Some(t().export_failed(&t().session_error(&e)));
                return;
            }
        };
        let cancel = first_key(&self.shared.keymap, self.context(), Action::Cancel);
        let shown = svg.display().to_string();
        self.shared.message = Some(t().export_png_busy(&shown, &cancel));
        let path_var = std::env::var_os("PATH");
        self.background
            .start(Task::ExportPng(svg.clone()), move |ctx| {
                let cancelled = || ctx.is_cancelled();
                Outcome::Png(raster::png_of(path_var.as_deref(), &svg, &cancelled))
            });
    }

    /// Writes the PNG beside its SVG, or says why there is none.
    pub(super) fn png_made(&mut self, svg: &Path, made: Result<Vec<u8>, RasterError>) {
        let shown = svg.display().to_string();
        let png = match made {
            Ok(png) => png,
            Err(RasterError::Cancelled) => return,
            Err(RasterError::NoConverter) => {
                let message = t().export_no_converter(&shown, &raster::looked_for());
                self.shared.message = Some(message);
                return;
            }
            Err(RasterError::Failed(name, why)) => {
                let why = format!("{name}: {why}");
                self.shared.message = Some(t().export_png_failed(&shown, &why));
                return;
            }
        };
        self.shared.message = Some(match self.write_png(svg, &png) {
            Ok(out) => t().export_both_written(&shown, &out.display().to_string()),
            Err(e) => t().export_png_failed(&shown, &t().session_error(&e)),
        });
    }

    /// The PNG under the SVG's name: through the writer when the SVG is beside its session.
    fn write_png(&mut self, svg: &Path, png: &[u8]) -> Result<PathBuf, SessionError> {
        let stem = svg
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        let dir = store::parent_folder(svg);
        match self.export_writer() {
            Some(w) if store::parent_folder(w.path()) == dir => {
                w.write_export(&stem, "png", &[], png)
            }
            _ => store::write_export(&dir, &stem, "png", &[], png),
        }
    }

    /// The session's writer, when the session may be written; exports of a session opened
    /// read-only, or without one, go to the exports folder.
    pub(super) fn export_writer(&mut self) -> Option<&mut crate::session::SessionWriter> {
        self.shared.session.as_mut().and_then(|s| s.writer().ok())
    }
}
