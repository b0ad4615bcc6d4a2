//! `duiden meekijken SESSIE`: a read-only screen that follows what the facilitator's duiden
//! shows for that session (same view, cursor and agenda item), with the item's talking points.

use super::weergave::{Weergave, display};
use super::{keymap, recorded_dataset};
use crate::load::load_dataset;
use crate::session::store;
use crate::tui::app::App;
use crate::tui::i18n::t;
use crate::tui::startup::Startup;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub(super) fn run(session: PathBuf, weergave: Weergave) -> ExitCode {
    let (keys, display) = match keymap().and_then(|k| Ok((k, display(weergave)?))) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let s = match store::load(&session) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{}", t().session_error(&e));
            return ExitCode::FAILURE;
        }
    };
    let folder = session.parent().unwrap_or(Path::new("."));
    let path = match recorded_dataset(&s.dataset.path, folder) {
        Ok(p) => p,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    if !path.is_dir()
        && let Err(e) = load_dataset(&path)
    {
        eprintln!("{}", t().load_error(&e));
        eprintln!("duiden: {}", t().dataset_not_opened(&path));
        return ExitCode::FAILURE;
    }
    let theme = display.theme;
    let build_theme = theme.clone();
    let build_keys = std::sync::Arc::clone(&keys);
    let mut startup = Startup::dataset(path.clone(), theme, keys, move |dataset| {
        let mut app = App::with_keymap(dataset, build_theme.kind, build_keys);
        app.shared.theme = build_theme;
        app.following(session, s)
    });
    super::run_screen(&mut startup, display.depth, &path)
}
