//! Exporting the table on screen (`X`): the trend's values or the comparison from the view on
//! screen, or the signals list, built on a worker and written as a CSV and a Markdown file of
//! the same name, through the same gate as `E` (beside the session, else in the exports
//! folder; never over a file). The status line names both files.

use super::App;
use crate::report::table::{self, Language, Table};
use crate::session::SessionError;
use crate::session::store;
use crate::tui::background::{Outcome, Task};
use crate::tui::i18n::{Lang, t};
use crate::tui::tabs::Tab;
use std::path::PathBuf;
use std::sync::Arc;

/// A table's name is taken when its CSV or its Markdown is there: both get the same name.
const KINDS: [&str; 2] = ["csv", "md"];

impl App {
    /// Builds the table on screen on a worker; written when it is ready.
    pub(super) fn export_table(&mut self) {
        if self.background.is_running(&Task::ExportTable) {
            return;
        }
        let dataset = Arc::clone(&self.shared.dataset);
        let today = crate::session::model::today();
        let language = match t().lang {
            Lang::Nl => Language::Dutch,
            Lang::En => Language::English,
        };
        if self.tab == Tab::Signals {
            let Some(found) = self.signals.found.clone().filter(|f| !f.is_empty()) else {
                self.shared.message = Some(t().table_nothing().to_string());
                return;
            };
            self.background.start(Task::ExportTable, move |_| {
                let made = table::signals_table(&dataset, &found, today, language);
                Outcome::Table(made.map(Box::new))
            });
            return;
        }
        let Some(view) = self.current_view() else {
            self.shared.message = Some(t().table_nothing().to_string());
            return;
        };
        self.background.start(Task::ExportTable, move |_| {
            Outcome::Table(table::table(&dataset, &view, today, language).map(Box::new))
        });
    }

    /// Writes the table as CSV, then as Markdown under the CSV's name.
    pub(super) fn table_made(&mut self, made: Option<Box<Table>>) {
        let Some(made) = made else {
            self.shared.message = Some(t().table_nothing().to_string());
            return;
        };
        let csv = match self.write_table(&made.stem, "csv", &KINDS, &table::csv(&made)) {
            Ok(path) => path,
            Err(e) => {
                self.shared.message = Some(t().export_failed(&t().session_error(&e)));
                return;
            }
        };
        let stem = csv
            .file_stem()
            .map_or_else(|| made.stem.clone(), |s| s.to_string_lossy().into_owned());
        let shown = csv.display().to_string();
        let markdown = table::markdown(&made);
        self.shared.message = Some(
            match self.write_table(&stem, "md", &[], markdown.as_bytes()) {
                Ok(md) => t().table_written(&shown, &md.display().to_string()),
                Err(e) => t().table_half_written(&shown, &t().session_error(&e)),
            },
        );
    }

    /// A new file through the session's writer, else in the exports folder.
    fn write_table(
        &mut self,
        stem: &str,
        ext: &str,
        keep_free: &[&str],
        bytes: &[u8],
    ) -> Result<PathBuf, SessionError> {
        match self.export_writer() {
            Some(w) => w.write_export(stem, ext, keep_free, bytes),
            None => {
                let dir = store::exports_dir(&self.shared.setup.dir);
                store::write_export(&dir, stem, ext, keep_free, bytes)
            }
        }
    }
}
