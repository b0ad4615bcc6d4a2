use super::*;
use crossterm::event::{KeyCode, KeyModifiers};

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn defaults_load_and_every_action_is_bound_somewhere() {
    let map = Keymap::default();
    for action in Action::ALL {
        let bound = Context::ALL
            .iter()
            .any(|c| !map.keys(*c, *action).is_empty());
        assert!(bound, "{} has no key in any context", action.name());
    }
}

#[test]
fn tabs_inherit_the_global_keys_and_popups_do_not() {
    let map = Keymap::default();
    assert_eq!(
        map.action(Context::Trend, key(KeyCode::Char('a'))),
        Some(Action::Annotate)
    );
    assert_eq!(
        map.action(Context::Trend, key(KeyCode::Char('v'))),
        Some(Action::ToggleRange)
    );
    assert_eq!(map.action(Context::Compare, key(KeyCode::Char('v'))), None);
    assert_eq!(map.action(Context::Annotate, key(KeyCode::Char('a'))), None);
    assert_eq!(
        map.action(Context::Backlog, key(KeyCode::Char('/'))),
        Some(Action::Search)
    );
}

#[test]
fn the_theme_key_means_the_same_in_every_mode() {
    let map = Keymap::default();
    let t = KeyChord::parse("T").unwrap();
    assert_eq!(map.keys(Context::Trend, Action::ToggleTheme), &[t]);
    assert_eq!(map.keys(Context::Review, Action::ToggleTheme), &[t]);
    // And Ctrl-S saves in both text forms.
    let s = KeyChord::parse("ctrl-s").unwrap();
    assert!(map.keys(Context::Annotate, Action::Save).contains(&s));
    assert!(map.keys(Context::Header, Action::Save).contains(&s));
}

#[test]
fn a_user_file_rebinds_an_action() {
    let map =
        Keymap::from_toml("duiden.toml", "[toetsen.trend]\nbereik = [\"f\", \"f2\"]\n").unwrap();
    assert_eq!(
        map.action(Context::Trend, key(KeyCode::Char('f'))),
        Some(Action::ToggleRange)
    );
    assert_eq!(
        map.action(Context::Trend, key(KeyCode::F(2))),
        Some(Action::ToggleRange)
    );
    assert_eq!(map.action(Context::Trend, key(KeyCode::Char('v'))), None);
}

#[test]
fn errors_name_file_line_and_column() {
    let text = "[toetsen.trend]\nbereik = [\"f\"]\nvliegen = [\"f4\"]\n";
    let err = Keymap::from_toml("duiden.toml", text).unwrap_err();
    assert_eq!(err.0.len(), 1, "{err}");
    assert!(
        err.0[0].starts_with("duiden.toml:3:1: onbekende actie \"vliegen\""),
        "{err}"
    );

    let text = "[toetsen.trend]\nbereik = [\"ctrl-\"]\n";
    let err = Keymap::from_toml("duiden.toml", text).unwrap_err();
    assert!(
        err.0[0].starts_with("duiden.toml:2:11: onbekende toets"),
        "{err}"
    );

    let text = "[toetsen.grafiek]\n";
    let err = Keymap::from_toml("duiden.toml", text).unwrap_err();
    assert!(
        err.0[0].starts_with("duiden.toml:1:10: onbekende context \"grafiek\""),
        "{err}"
    );

    let text = "[toetsen.trend]\nbereik = \"b\"\n";
    let err = Keymap::from_toml("duiden.toml", text).unwrap_err();
    assert!(err.0[0].starts_with("duiden.toml:2:10:"), "{err}");
}

#[test]
fn conflicts_are_named_with_both_actions() {
    // `a` is already "aantekening" in [algemeen], which the trend tab also uses.
    let text = "[toetsen.trend]\nbereik = [\"a\"]\n";
    let err = Keymap::from_toml("duiden.toml", text).unwrap_err();
    let all = err.to_string();
    assert!(all.contains("duiden.toml:2:1: toets \"a\""), "{all}");
    assert!(
        all.contains("\"aantekening\"") && all.contains("\"bereik\""),
        "{all}"
    );
}

#[test]
fn plain_letters_are_refused_where_the_user_types_text() {
    let text = "[toetsen.aantekening]\nopslaan = [\"s\"]\n";
    let err = Keymap::from_toml("duiden.toml", text).unwrap_err();
    assert!(err.0[0].contains("gewone tekst in [aantekening]"), "{err}");
}

#[test]
fn an_empty_list_unbinds() {
    let map = Keymap::from_toml("x.toml", "[toetsen.algemeen]\nthema = []\n").unwrap();
    assert_eq!(map.action(Context::Trend, key(KeyCode::Char('T'))), None);
    assert!(
        !map.rows(Context::Trend)
            .iter()
            .any(|(a, _)| *a == Action::ToggleTheme)
    );
}
