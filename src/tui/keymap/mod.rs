//! The keymap: one table per context (screen, review tab, popup) that drives dispatch, the `?`
//! help and the status-line hints. The defaults are `default.toml`; a user's `duiden.toml`
//! (working directory, else the config folder) gives an action other keys under
//! `[toetsen.<context>]`. Errors name file:line:column; a key bound twice in one context is a
//! conflict, named with both actions.

mod action;
mod context;
mod key;

pub use action::Action;
pub use context::Context;
pub use key::KeyChord;

use crate::load::diagnostic::line_col;
use crate::tui::i18n::t;
use crossterm::event::KeyEvent;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use toml::Spanned;

const DEFAULT: &str = include_str!("default.toml");
/// The file name looked for in the working directory and the config folder.
pub const CONFIG_NAME: &str = "duiden.toml";

/// The bindings of one context, in the order the help shows them.
type Table = Vec<(Action, Vec<KeyChord>)>;

#[derive(Debug, Clone)]
pub struct Keymap {
    tables: HashMap<Context, Table>,
    /// The user's file the bindings were read from, if any (shown in the help).
    pub source: Option<PathBuf>,
}

/// Why a keymap file was refused: one `file:line:column: …` line per problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeymapError(pub Vec<String>);

impl std::fmt::Display for KeymapError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0.join("\n"))
    }
}

type SpannedTable = BTreeMap<Spanned<String>, Spanned<Vec<Spanned<String>>>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    toetsen: BTreeMap<Spanned<String>, SpannedTable>,
    /// Read by [`crate::tui::display`].
    #[serde(default, rename = "weergave")]
    _display: Option<serde::de::IgnoredAny>,
}

/// Where a binding came from, for messages.
#[derive(Clone, Copy)]
struct Origin<'a> {
    file: &'a str,
    text: &'a str,
}

impl Origin<'_> {
    fn at(&self, span: std::ops::Range<usize>, message: impl std::fmt::Display) -> String {
        let (line, col) = line_col(self.text, span.start);
        format!("{}:{line}:{col}: {message}", self.file)
    }
}

impl Default for Keymap {
    fn default() -> Keymap {
        let mut map = Keymap {
            tables: HashMap::new(),
            source: None,
        };
        let origin = Origin {
            file: "default.toml",
            text: DEFAULT,
        };
        // The embedded table is checked by a test; an error here is a build mistake.
        let tables: BTreeMap<Spanned<String>, SpannedTable> =
            toml::from_str(DEFAULT).expect("default keymap parses");
        map.apply(origin, tables).expect("default keymap is valid");
        map
    }
}

impl Keymap {
    /// The defaults with the user's `duiden.toml` on top: from the working directory, else the
    /// config folder; the defaults alone when neither exists.
    pub fn find() -> Result<Keymap, KeymapError> {
        match config_candidates().into_iter().find(|p| p.is_file()) {
            Some(path) => Keymap::load(&path),
            None => Ok(Keymap::default()),
        }
    }

    /// The defaults with the bindings of `path` on top.
    pub fn load(path: &Path) -> Result<Keymap, KeymapError> {
        let file = path.display().to_string();
        let text = crate::load::diagnostic::read_utf8(path)
            .map_err(|d| KeymapError(vec![d.to_string()]))?;
        let mut map = Keymap::from_toml(&file, &text)?;
        map.source = Some(path.to_path_buf());
        Ok(map)
    }

    /// The defaults with the bindings of a `duiden.toml` text on top; `file` names it in errors.
    pub fn from_toml(file: &str, text: &str) -> Result<Keymap, KeymapError> {
        let origin = Origin { file, text };
        let config: ConfigFile = toml::from_str(text).map_err(|e| {
            let at = e.span().map_or(0, |s| s.start);
            KeymapError(vec![origin.at(at..at, e.message().trim())])
        })?;
        let mut map = Keymap::default();
        map.apply(origin, config.toetsen)?;
        Ok(map)
    }

    /// Sets every action named in `tables` to exactly its listed keys, then checks conflicts.
    fn apply(
        &mut self,
        origin: Origin,
        tables: BTreeMap<Spanned<String>, SpannedTable>,
    ) -> Result<(), KeymapError> {
        let mut errors = Vec::new();
        // Where each (context, action) was set, to point at the user's line in a conflict.
        let mut set_at: HashMap<(Context, Action), std::ops::Range<usize>> = HashMap::new();
        for (ctx_name, bindings) in tables {
            let Some(ctx) = context_named(ctx_name.get_ref()) else {
                errors.push(origin.at(ctx_name.span(), unknown_context(ctx_name.get_ref())));
                continue;
            };
            for (action_name, keys) in bindings {
                let Some(action) = action_named(action_name.get_ref()) else {
                    errors
                        .push(origin.at(action_name.span(), unknown_action(action_name.get_ref())));
                    continue;
                };
                let mut chords = Vec::new();
                for k in keys.get_ref() {
                    match KeyChord::parse(k.get_ref()) {
                        Ok(c) if ctx.takes_text() && types_text(&c) => errors.push(
                            origin.at(k.span(), t().keymap_plain_key(k.get_ref(), ctx.name())),
                        ),
                        Ok(c) if !chords.contains(&c) => chords.push(c),
                        Ok(_) => {}
                        Err(e) => errors.push(origin.at(k.span(), e)),
                    }
                }
                set_at.insert((ctx, action), action_name.span());
                let table = self.tables.entry(ctx).or_default();
                match table.iter_mut().find(|(a, _)| *a == action) {
                    Some((_, old)) => *old = chords,
                    None => table.push((action, chords)),
                }
            }
        }
        for table in self.tables.values_mut() {
            // The help lists actions in declaration order, whatever order the file used.
            table.sort_by_key(|(a, _)| *a);
        }
        errors.extend(self.conflicts(origin, &set_at));
        if errors.is_empty() {
            Ok(())
        } else {
            Err(KeymapError(errors))
        }
    }

    /// A key that means two actions somewhere in one context's lookup chain.
    fn conflicts(
        &self,
        origin: Origin,
        set_at: &HashMap<(Context, Action), std::ops::Range<usize>>,
    ) -> Vec<String> {
        let mut out = Vec::new();
        for ctx in Context::ALL {
            let mut seen: HashMap<KeyChord, (Context, Action)> = HashMap::new();
            for table_ctx in ctx.chain() {
                for (action, chords) in self.tables.get(table_ctx).into_iter().flatten() {
                    for chord in chords {
                        match seen.get(chord) {
                            Some(&(other_ctx, other)) if other != *action => {
                                let here = set_at
                                    .get(&(*table_ctx, *action))
                                    .or_else(|| set_at.get(&(other_ctx, other)))
                                    .cloned()
                                    .unwrap_or(0..0);
                                let line = origin.at(
                                    here,
                                    t().keymap_conflict(
                                        &chord.name(),
                                        ctx.name(),
                                        (other.name(), other_ctx.name()),
                                        (action.name(), table_ctx.name()),
                                    ),
                                );
                                if !out.contains(&line) {
                                    out.push(line);
                                }
                            }
                            Some(_) => {}
                            None => {
                                seen.insert(*chord, (*table_ctx, *action));
                            }
                        }
                    }
                }
            }
        }
        out
    }

    /// The action a key press means in `ctx`, looking through the context's chain.
    pub fn action(&self, ctx: Context, key: KeyEvent) -> Option<Action> {
        let chord = KeyChord::from_event(key);
        ctx.chain().iter().find_map(|c| {
            self.tables
                .get(c)?
                .iter()
                .find(|(_, keys)| keys.contains(&chord))
                .map(|(a, _)| *a)
        })
    }

    /// The keys of `action` in `ctx` (or its chain), in the order written.
    pub fn keys(&self, ctx: Context, action: Action) -> &[KeyChord] {
        ctx.chain()
            .iter()
            .find_map(|c| {
                let (_, keys) = self.tables.get(c)?.iter().find(|(a, _)| *a == action)?;
                Some(keys.as_slice())
            })
            .unwrap_or(&[])
    }

    /// The bound actions of one table (not its chain), with their keys.
    pub fn table(&self, ctx: Context) -> Vec<(Action, &[KeyChord])> {
        self.tables
            .get(&ctx)
            .into_iter()
            .flatten()
            .filter(|(_, keys)| !keys.is_empty())
            .map(|(a, keys)| (*a, keys.as_slice()))
            .collect()
    }

    /// Every bound action of `ctx` with its keys, the context's own first: the help rows.
    pub fn rows(&self, ctx: Context) -> Vec<(Action, &[KeyChord])> {
        let mut out: Vec<(Action, &[KeyChord])> = Vec::new();
        for c in ctx.chain() {
            for (action, keys) in self.tables.get(c).into_iter().flatten() {
                if !keys.is_empty() && !out.iter().any(|(a, _)| a == action) {
                    out.push((*action, keys.as_slice()));
                }
            }
        }
        out
    }
}

/// A plain character (no ctrl/alt) is text where the context takes text.
fn types_text(c: &KeyChord) -> bool {
    use crossterm::event::{KeyCode, KeyModifiers};
    matches!(c.code, KeyCode::Char(_))
        && !c.mods.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
}

fn context_named(name: &str) -> Option<Context> {
    Context::ALL.iter().copied().find(|c| c.name() == name)
}

fn action_named(name: &str) -> Option<Action> {
    Action::ALL.iter().copied().find(|a| a.name() == name)
}

fn unknown_context(name: &str) -> String {
    let names: Vec<&str> = Context::ALL.iter().map(|c| c.name()).collect();
    t().keymap_unknown_context(name, &names.join(", "))
}

fn unknown_action(name: &str) -> String {
    t().keymap_unknown_action(name)
}

/// `duiden.toml` in the working directory, then in the user's config folder.
pub fn config_candidates() -> Vec<PathBuf> {
    let mut out = vec![PathBuf::from(CONFIG_NAME)];
    let env = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let dir = if cfg!(windows) {
        env("APPDATA")
    } else if cfg!(target_os = "macos") {
        env("HOME").map(|h| h.join("Library/Application Support"))
    } else {
        env("XDG_CONFIG_HOME").or_else(|| env("HOME").map(|h| h.join(".config")))
    };
    if let Some(d) = dir {
        out.push(d.join("duiden").join(CONFIG_NAME));
    }
    out
}

impl Keymap {
    /// "Enter opslaan · Esc sluiten": the first key and a short word for each action that has a
    /// key in `ctx`, for status lines and popup footers.
    pub fn hint(&self, ctx: Context, actions: &[Action]) -> String {
        actions
            .iter()
            .filter_map(|a| {
                let key = self.keys(ctx, *a).first()?;
                Some(format!(
                    "{} {}",
                    crate::tui::i18n::key_label(key),
                    crate::tui::i18n::action_hint(*a)
                ))
            })
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

#[cfg(test)]
mod tests;
