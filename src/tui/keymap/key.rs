//! One key with its modifiers, as written in `duiden.toml` ("ctrl-s", "shift-tab", "G", "pgdn")
//! and as the terminal reports it.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyChord {
    pub code: KeyCode,
    /// Only CONTROL and ALT (and SHIFT for non-character keys): the case of a letter is in `code`.
    pub mods: KeyModifiers,
}

const NAMED: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("space", KeyCode::Char(' ')),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("pgup", KeyCode::PageUp),
    ("pgdn", KeyCode::PageDown),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("delete", KeyCode::Delete),
    ("backspace", KeyCode::Backspace),
    ("insert", KeyCode::Insert),
];

impl KeyChord {
    pub fn new(code: KeyCode, mods: KeyModifiers) -> KeyChord {
        KeyChord { code, mods }.normalised()
    }

    /// The chord a terminal event stands for.
    pub fn from_event(key: KeyEvent) -> KeyChord {
        KeyChord::new(key.code, key.modifiers)
    }

    /// Shift is part of a character ("G", "?") and of BackTab; keep only what distinguishes.
    fn normalised(mut self) -> KeyChord {
        self.mods &= KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT;
        match self.code {
            KeyCode::Char(c) => {
                self.mods.remove(KeyModifiers::SHIFT);
                // Terminals report Ctrl-S as 's' with CONTROL, sometimes 'S': one chord.
                if self.mods.contains(KeyModifiers::CONTROL) {
                    self.code = KeyCode::Char(c.to_ascii_lowercase());
                }
            }
            KeyCode::BackTab => self.mods.remove(KeyModifiers::SHIFT),
            _ => {}
        }
        self
    }

    /// Parses "ctrl-s", "alt-enter", "shift-tab", "G", "?", "f5", "space". Returns what was
    /// expected when it does not parse.
    pub fn parse(text: &str) -> Result<KeyChord, String> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (prefix, m) = if lower.starts_with("ctrl-") {
                ("ctrl-", KeyModifiers::CONTROL)
            } else if lower.starts_with("alt-") {
                ("alt-", KeyModifiers::ALT)
            } else if lower.starts_with("shift-") {
                ("shift-", KeyModifiers::SHIFT)
            } else {
                break;
            };
            mods |= m;
            rest = &rest[prefix.len()..];
        }
        let code = parse_code(rest).ok_or_else(|| {
            let names = NAMED.iter().map(|(n, _)| *n).collect::<Vec<_>>();
            crate::tui::i18n::t().keymap_unknown_key(text, &names.join(", "))
        })?;
        let code = match (code, mods.contains(KeyModifiers::SHIFT)) {
            (KeyCode::Tab, true) => KeyCode::BackTab,
            (KeyCode::Char(c), true) if c.is_ascii_lowercase() => {
                KeyCode::Char(c.to_ascii_uppercase())
            }
            (code, _) => code,
        };
        Ok(KeyChord::new(code, mods))
    }

    /// The canonical written form, the one [`KeyChord::parse`] reads back.
    pub fn name(&self) -> String {
        let mut out = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            out.push_str("ctrl-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            out.push_str("alt-");
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            out.push_str("shift-");
        }
        match self.code {
            KeyCode::Char(' ') => out.push_str("space"),
            KeyCode::Char(c) => out.push(c),
            KeyCode::F(n) => out.push_str(&format!("f{n}")),
            code => {
                let name = NAMED
                    .iter()
                    .find(|(_, k)| *k == code)
                    .map_or("?", |(n, _)| n);
                out.push_str(name);
            }
        }
        out
    }
}

fn parse_code(text: &str) -> Option<KeyCode> {
    let mut chars = text.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Some(KeyCode::Char(c));
    }
    let lower = text.to_ascii_lowercase();
    if let Some((_, code)) = NAMED.iter().find(|(n, _)| *n == lower) {
        return Some(*code);
    }
    let n: u8 = lower.strip_prefix('f')?.parse().ok()?;
    (1..=12).contains(&n).then_some(KeyCode::F(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_names_round_trip() {
        for text in [
            "a",
            "G",
            "?",
            "ctrl-s",
            "alt-enter",
            "shift-enter",
            "backtab",
            "space",
            "f5",
            "pgdn",
            "delete",
            "1",
            "/",
        ] {
            let chord = KeyChord::parse(text).unwrap();
            assert_eq!(KeyChord::parse(&chord.name()).unwrap(), chord, "{text}");
        }
        assert_eq!(
            KeyChord::parse("shift-tab").unwrap(),
            KeyChord::parse("backtab").unwrap()
        );
        assert_eq!(
            KeyChord::parse("shift-g").unwrap(),
            KeyChord::parse("G").unwrap()
        );
        assert_eq!(KeyChord::parse("CTRL-S").unwrap().name(), "ctrl-s");
    }

    #[test]
    fn terminal_events_match_written_chords() {
        let ev = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(KeyChord::from_event(ev), KeyChord::parse("G").unwrap());
        let ev = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(
            KeyChord::from_event(ev),
            KeyChord::parse("shift-tab").unwrap()
        );
        let ev = KeyEvent::new(
            KeyCode::Char('S'),
            KeyModifiers::CONTROL | KeyModifiers::SHIFT,
        );
        assert_eq!(KeyChord::from_event(ev), KeyChord::parse("ctrl-s").unwrap());
    }

    #[test]
    fn refuses_what_is_not_a_key() {
        for text in ["", "ctrl-", "f13", "hello", "ctrl-foo"] {
            let err = KeyChord::parse(text).unwrap_err();
            assert!(err.contains("onbekende toets"), "{text}: {err}");
        }
    }
}
