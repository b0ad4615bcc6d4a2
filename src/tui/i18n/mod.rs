//! The interface's language: Dutch by default, English with `--taal en` (or an English locale).
//! Every text the interface shows is in the catalog: fixed texts are fields of [`Texts`] with a
//! static per language (`nl::NL`, `en::EN`), texts with values are its methods that match on the
//! language, so a missing translation does not build. Call sites read `t().tab_trend` or
//! `t().series_added(name)`. Data (indicator names, bron ids, what people typed) stays as it is.
//!
//! The language is per thread: the interface runs on one thread, and tests of both languages can
//! run side by side.

mod conflict;
mod detail_en;
mod en;
mod errors;
mod lifecycle;
pub use lifecycle::LifeField;
mod messages;
mod names;
mod nl;
mod numbers;
mod palette;
mod present;
mod programme;
mod review;
mod signals;
mod texts;
mod transform;
mod views;

pub use messages::{DASH, NO_VALUE, SMALL_MARK};
pub use palette::PaletteKind;
pub use texts::Texts;

use crate::tui::keymap::{Action, Context, KeyChord, Keymap};
use crossterm::event::{KeyCode, KeyModifiers};
use std::cell::Cell;
use std::sync::atomic::{AtomicU8, Ordering};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Nl = 0,
    En = 1,
}

impl Lang {
    /// "nl" or "en" (also "nl_NL.UTF-8", "en-GB"): the language part of a locale name.
    pub fn parse(text: &str) -> Option<Lang> {
        let lower = text.to_ascii_lowercase();
        let code = lower.split(['_', '-', '.']).next().unwrap_or("");
        match code {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// From the environment's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), Dutch when unknown.
    pub fn from_env() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .find(|v| !v.is_empty())
            .and_then(|v| Lang::parse(&v))
            .unwrap_or_default()
    }
}

thread_local! {
    static LANG: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// The language of threads that did not set their own: background workers follow the
/// interface. 0 is Dutch, 1 English.
static PROCESS_LANG: AtomicU8 = AtomicU8::new(0);

/// Sets the language of this thread's interface.
pub fn set_lang(lang: Lang) {
    LANG.with(|l| l.set(Some(lang)));
}

/// Sets the language of this thread and of every thread that does not set its own.
pub fn set_process_lang(lang: Lang) {
    PROCESS_LANG.store(lang as u8, Ordering::Relaxed);
    set_lang(lang);
}

/// This thread's language, else the process's.
pub fn lang() -> Lang {
    LANG.with(|l| l.get())
        .unwrap_or_else(|| match PROCESS_LANG.load(Ordering::Relaxed) {
            1 => Lang::En,
            _ => Lang::Nl,
        })
}

/// The catalog of this thread's language.
pub fn t() -> &'static Texts {
    match lang() {
        Lang::Nl => &nl::NL,
        Lang::En => &en::EN,
    }
}

/// The catalog of a language.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Nl => &nl::NL,
        Lang::En => &en::EN,
    }
}

/// The first key of `action` in `ctx` as people read it ("Enter", "2"), for texts that name a
/// key; a dash when the user unbound it.
pub fn first_key(keys: &Keymap, ctx: Context, action: Action) -> String {
    keys.keys(ctx, action)
        .first()
        .map_or_else(|| DASH.to_string(), key_label)
}

/// What an action does, as the help says it.
pub fn action_help(action: Action) -> &'static str {
    match lang() {
        Lang::Nl => nl::action_help(action),
        Lang::En => en::action_help(action),
    }
}

/// A word or two for the status-line hints.
pub fn action_hint(action: Action) -> &'static str {
    match lang() {
        Lang::Nl => nl::action_hint(action),
        Lang::En => en::action_hint(action),
    }
}

/// The heading of a context's part of the help.
pub fn context_title(ctx: Context) -> &'static str {
    match lang() {
        Lang::Nl => nl::context_title(ctx),
        Lang::En => en::context_title(ctx),
    }
}

/// A key as the help shows it: "↑", "Ctrl-S", "Spatie", "G".
pub fn key_label(chord: &KeyChord) -> String {
    let mut out = String::new();
    if chord.mods.contains(KeyModifiers::CONTROL) {
        out.push_str("Ctrl-");
    }
    if chord.mods.contains(KeyModifiers::ALT) {
        out.push_str("Alt-");
    }
    if chord.mods.contains(KeyModifiers::SHIFT) {
        out.push_str("Shift-");
    }
    let space = match lang() {
        Lang::Nl => "Spatie",
        Lang::En => "Space",
    };
    let name = match chord.code {
        KeyCode::Char(' ') => space.to_string(),
        KeyCode::Char(c) if chord.mods.contains(KeyModifiers::CONTROL) => {
            c.to_ascii_uppercase().to_string()
        }
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Delete => "Del".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Insert => "Ins".into(),
        KeyCode::F(n) => format!("F{n}"),
        _ => chord.name(),
    };
    out.push_str(&name);
    out
}

/// The keys of one help row: "↑ / k".
pub fn keys_label(chords: &[KeyChord]) -> String {
    chords.iter().map(key_label).collect::<Vec<_>>().join(" / ")
}

#[cfg(test)]
#[path = "tests/mod.rs"]
mod catalog_tests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_catalogs_describe_every_action_and_context() {
        for lang in [Lang::Nl, Lang::En] {
            set_lang(lang);
            for a in Action::ALL {
                assert!(!action_help(*a).is_empty(), "{lang:?} {a:?}");
                assert!(!action_hint(*a).is_empty(), "{lang:?} {a:?}");
            }
            for c in Context::ALL {
                assert!(!context_title(*c).is_empty(), "{lang:?} {c:?}");
            }
        }
        set_lang(Lang::Nl);
        let nl = action_help(Action::Annotate);
        set_lang(Lang::En);
        assert_ne!(nl, action_help(Action::Annotate), "English is not Dutch");
        set_lang(Lang::Nl);
    }

    #[test]
    fn first_keys_follow_the_keymap() {
        set_lang(Lang::Nl);
        let keys = Keymap::from_toml(
            "duiden.toml",
            "[toetsen.algemeen]\ntab_vergelijken = [\"f5\"]\naantekening = []\n",
        )
        .unwrap();
        assert_eq!(
            first_key(&Keymap::default(), Context::Trend, Action::ShowCompare),
            "2"
        );
        assert_eq!(first_key(&keys, Context::Trend, Action::ShowCompare), "F5");
        assert_eq!(first_key(&keys, Context::Trend, Action::Annotate), DASH);
    }

    #[test]
    fn threads_without_their_own_language_follow_the_process() {
        set_lang(Lang::En);
        // A fresh thread of a test process that never set one: Dutch.
        let other = std::thread::spawn(lang).join().unwrap();
        assert_eq!(other, Lang::Nl);
        assert_eq!(lang(), Lang::En);
        set_lang(Lang::Nl);
    }

    #[test]
    fn locale_names_pick_the_language() {
        assert_eq!(Lang::parse("en_GB.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("nl-NL"), Some(Lang::Nl));
        assert_eq!(Lang::parse("de_DE"), None);
    }

    #[test]
    fn keys_are_labelled_for_people() {
        set_lang(Lang::Nl);
        let k = |t: &str| KeyChord::parse(t).unwrap();
        assert_eq!(keys_label(&[k("up"), k("k")]), "↑ / k");
        assert_eq!(key_label(&k("ctrl-s")), "Ctrl-S");
        assert_eq!(key_label(&k("space")), "Spatie");
        assert_eq!(key_label(&k("shift-tab")), "Shift-Tab");
    }
}
