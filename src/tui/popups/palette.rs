//! The command palette (`:` or Ctrl-P): one fuzzy search over the commands of the screen it was
//! opened on, every series and every indicator of the dataset. The commands come from the keymap
//! tables, so an action bound in the context shows up here by itself; choosing one runs it as its
//! key would. Matching is nucleo's (helix's matcher): case-insensitive, `e` finds `é`.

use crate::model::Dataset;
use crate::tui::components::browser::{Browser, Node};
use crate::tui::components::hit::{MouseInput, contains, inner};
use crate::tui::components::list_view::ListView;
use crate::tui::i18n::{PaletteKind, action_help, key_label, t};
use crate::tui::keymap::{Action, Context, Keymap};
use crate::tui::style::Theme;
use crossterm::event::{KeyCode, KeyEvent};
use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32String};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui_textarea::TextArea;

/// What choosing a row does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Runs the action as its key in the context the palette was opened from.
    Command(Action),
    /// Shows a series or all sources of an indicator in the trend tab, as the browser does.
    Node(Node),
}

/// One row the palette can show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub kind: PaletteKind,
    pub target: Target,
    /// What is searched and shown.
    pub text: String,
    /// The command's first key, right-aligned; empty for series.
    pub key: String,
}

/// An entry that matches the query, with the positions of the matched characters once it has
/// been on screen (finding them costs more than the score, and few rows are shown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub entry: usize,
    pub indices: Option<Vec<u32>>,
}

/// Rows whose matched characters are found with the ranking: the first screen.
const MARKED_FIRST: usize = 64;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PaletteOutcome {
    Continue,
    Cancel,
    Choose(Target),
}

pub struct Palette {
    pub entries: Vec<Entry>,
    query: TextArea<'static>,
    /// The matching entries, best first.
    pub hits: Vec<Hit>,
    pub view: ListView,
    matcher: Matcher,
    pattern: Pattern,
    /// Each entry's text as the matcher reads it, converted once.
    haystacks: Vec<Utf32String>,
    /// The query the hits are for: a longer one only narrows them.
    matched: Option<String>,
}

/// Actions that make no sense from a list: moving a cursor or selection, closing, choosing, and
/// the palette itself.
fn offered(action: Action) -> bool {
    use Action::*;
    !matches!(
        action,
        Up | Down | Left | Right | PageUp | PageDown | Home | End | Cancel | Activate | Palette
    )
}

/// The commands of `ctx` (its own table first, then the ones it inherits), each with its help
/// text and first key.
pub fn commands(keys: &Keymap, ctx: Context) -> Vec<Entry> {
    keys.rows(ctx)
        .into_iter()
        .filter(|(a, _)| offered(*a))
        .map(|(action, chords)| Entry {
            kind: PaletteKind::Command,
            target: Target::Command(action),
            text: action_help(action).to_string(),
            key: chords.first().map(key_label).unwrap_or_default(),
        })
        .collect()
}

/// Every indicator ("all sources") and series, named as the browser names them.
pub fn series(dataset: &Dataset, browser: &Browser) -> Vec<Entry> {
    browser
        .listing(dataset)
        .into_iter()
        .map(|(node, names)| {
            let (kind, text) = match node {
                Node::Series { .. } => {
                    let parts: Vec<&str> = (names.iter().map(String::as_str))
                        .filter(|n| !n.is_empty())
                        .collect();
                    (PaletteKind::Series, parts.join(" · "))
                }
                _ => (
                    PaletteKind::Indicator,
                    t().palette_all_sources(&names[0], &names[1]),
                ),
            };
            Entry {
                kind,
                target: Target::Node(node),
                text,
                key: String::new(),
            }
        })
        .collect()
}

impl Palette {
    /// The palette of `ctx`: its commands first, then the dataset's indicators and series.
    pub fn new(keys: &Keymap, ctx: Context, dataset: &Dataset, browser: &Browser) -> Palette {
        let mut entries = commands(keys, ctx);
        entries.extend(series(dataset, browser));
        Palette::with_entries(entries)
    }

    pub fn with_entries(entries: Vec<Entry>) -> Palette {
        let mut query = TextArea::default();
        query.set_placeholder_text(t().palette_placeholder());
        query.set_cursor_line_style(Style::default());
        let haystacks = (entries.iter())
            .map(|e| Utf32String::from(e.text.as_str()))
            .collect();
        let mut palette = Palette {
            entries,
            query,
            hits: Vec::new(),
            view: ListView::default(),
            matcher: Matcher::new(Config::DEFAULT),
            pattern: Pattern::default(),
            haystacks,
            matched: None,
        };
        palette.refilter();
        palette
    }

    pub fn query(&self) -> String {
        self.query.lines().join(" ")
    }

    /// Matches the entries against the query and ranks them by score; ties (and an empty query)
    /// keep the entries' order, so the screen's own commands come first. Typing on only narrows
    /// (each word is matched on its own, a longer word matches fewer), so then only the current
    /// hits are matched again.
    fn refilter(&mut self) {
        let query = self.query();
        self.pattern = Pattern::new(
            &query,
            CaseMatching::Ignore,
            Normalization::Smart,
            AtomKind::Fuzzy,
        );
        // A backslash escapes the next character: "a\" then "a\ b" is no narrowing.
        let narrows = (self.matched.as_ref())
            .is_some_and(|m| query.starts_with(m.as_str()) && !query.contains('\\'));
        let candidates: Vec<usize> = match narrows {
            true => self.hits.iter().map(|h| h.entry).collect(),
            false => (0..self.entries.len()).collect(),
        };
        let mut scored: Vec<(u32, usize)> = Vec::new();
        for i in candidates {
            if let Some(score) =
                (self.pattern).score(self.haystacks[i].slice(..), &mut self.matcher)
            {
                scored.push((score, i));
            }
        }
        scored.sort_unstable_by_key(|&(score, i)| (std::cmp::Reverse(score), i));
        self.hits = (scored.into_iter())
            .map(|(_, entry)| Hit {
                entry,
                indices: None,
            })
            .collect();
        self.matched = Some(query);
        self.view = ListView::default();
        self.mark(0..MARKED_FIRST);
    }

    /// Finds the matched characters of the hits in `rows` that do not have them yet.
    fn mark(&mut self, rows: std::ops::Range<usize>) {
        let end = rows.end.min(self.hits.len());
        for hit in &mut self.hits[rows.start.min(end)..end] {
            if hit.indices.is_some() {
                continue;
            }
            let mut indices = Vec::new();
            let haystack = self.haystacks[hit.entry].slice(..);
            self.pattern
                .indices(haystack, &mut self.matcher, &mut indices);
            indices.sort_unstable();
            indices.dedup();
            hit.indices = Some(indices);
        }
    }

    /// The entry of a matching row.
    pub fn hit_entry(&self, row: usize) -> Option<&Entry> {
        self.entries.get(self.hits.get(row)?.entry)
    }

    /// A key: the palette's actions move and choose, anything else edits the query.
    pub fn handle(&mut self, action: Option<Action>, key: KeyEvent) -> PaletteOutcome {
        let n = self.hits.len();
        match action {
            Some(Action::Cancel) => return PaletteOutcome::Cancel,
            Some(Action::Activate) => {
                return match self.hit_entry(self.view.selected) {
                    Some(e) => PaletteOutcome::Choose(e.target.clone()),
                    None => PaletteOutcome::Continue,
                };
            }
            Some(a) => {
                self.view.step(a, n, 10);
            }
            // One line: a newline or tab is no part of a search.
            None if matches!(key.code, KeyCode::Enter | KeyCode::Tab | KeyCode::BackTab) => {}
            None => {
                if self.query.input(key) {
                    self.refilter();
                }
            }
        }
        PaletteOutcome::Continue
    }

    /// Keeps the selection on screen in the palette drawn over `area`.
    pub fn settle(&mut self, area: Rect) {
        let (_, list) = layout(area);
        self.view.settle(self.hits.len(), list.height as usize);
        let first = self.view.offset;
        self.mark(first..first + list.height as usize);
    }

    /// A click on a row chooses it; the wheel moves the selection.
    pub fn mouse(&mut self, m: MouseInput, area: Rect) -> PaletteOutcome {
        let (_, list) = layout(area);
        let (column, row) = m.at();
        if !contains(list, column, row) {
            return PaletteOutcome::Continue;
        }
        let n = self.hits.len();
        match m {
            MouseInput::ScrollUp(..) => {
                self.view.step(Action::Up, n, 1);
            }
            MouseInput::ScrollDown(..) => {
                self.view.step(Action::Down, n, 1);
            }
            MouseInput::Click(..) => {
                if let Some(i) = self.view.item_at(row - list.y, 1, n) {
                    self.view.selected = i;
                    if let Some(e) = self.hit_entry(i) {
                        return PaletteOutcome::Choose(e.target.clone());
                    }
                }
            }
        }
        PaletteOutcome::Continue
    }

    pub fn draw(&self, frame: &mut Frame, theme: &Theme, keys: &Keymap, area: Rect) {
        let popup = popup_area(area);
        super::frame_popup(
            frame,
            theme,
            area,
            (popup.width, popup.height),
            t().palette_title(),
            &keys.hint(
                Context::Palette,
                &[Action::Down, Action::Activate, Action::Cancel],
            ),
        );
        let (query, list) = layout(area);
        super::draw_editor(frame, theme, &self.query, query);
        if self.hits.is_empty() {
            let nothing = Paragraph::new(format!("  {}", t().palette_nothing()));
            frame.render_widget(nothing.style(theme.dimmed()), list);
            return;
        }
        let end = (self.view.offset + list.height as usize).min(self.hits.len());
        let lines: Vec<Line> = (self.view.offset..end)
            .map(|i| row_line(theme, self, i, list.width as usize))
            .collect();
        frame.render_widget(Paragraph::new(lines).style(theme.base()), list);
    }
}

/// The palette's box over `area`: wide enough for a series' names, most of the height.
fn popup_area(area: Rect) -> Rect {
    let width = area.width.saturating_sub(4).clamp(40, 110).min(area.width);
    let height = area.height.saturating_sub(2).clamp(8, 30).min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// The query box and the list, inside the palette over `area`.
fn layout(area: Rect) -> (Rect, Rect) {
    let [query, list] = Layout::vertical([Constraint::Length(3), Constraint::Min(1)])
        .areas(inner(popup_area(area)));
    (query, list)
}

/// Width of the kind column ("indicator" and a space).
const KIND_WIDTH: usize = 10;

/// One row: a marker when selected, the kind, the text with the matched characters marked, and
/// the key at the right edge.
fn row_line<'a>(theme: &Theme, palette: &'a Palette, row: usize, width: usize) -> Line<'a> {
    let hit = &palette.hits[row];
    let entry = &palette.entries[hit.entry];
    let selected = row == palette.view.selected;
    let base = if selected {
        theme.selected()
    } else {
        theme.base()
    };
    let marked = match selected {
        true => base.add_modifier(Modifier::UNDERLINED),
        false => base.fg(theme.accent).add_modifier(Modifier::BOLD),
    };
    let key_w = entry.key.chars().count();
    let room = width.saturating_sub(2 + KIND_WIDTH + key_w + 1);
    let mut spans = vec![
        Span::styled(if selected { "▶ " } else { "  " }, base),
        Span::styled(
            format!("{:<KIND_WIDTH$}", t().palette_kind(entry.kind)),
            if selected { base } else { theme.dimmed() },
        ),
    ];
    // Character positions: the matcher counts characters the same way for the texts here
    // (no combining marks in names or help texts).
    let chars: Vec<char> = entry.text.chars().collect();
    let keep_end = entry.kind != PaletteKind::Command;
    let marks = hit.indices.as_deref().unwrap_or_default();
    let shown = visible(chars.len(), room, keep_end);
    let used = shown.len();
    // Runs of marked and unmarked characters, one span each.
    let mut run = (String::new(), false);
    for at in shown {
        let (c, is_match) = match at {
            Some(i) => (chars[i], marks.binary_search(&(i as u32)).is_ok()),
            None => ('…', false),
        };
        if is_match != run.1 && !run.0.is_empty() {
            let text = std::mem::take(&mut run.0);
            spans.push(Span::styled(text, if run.1 { marked } else { base }));
        }
        run.0.push(c);
        run.1 = is_match;
    }
    spans.push(Span::styled(run.0, if run.1 { marked } else { base }));
    let pad = width.saturating_sub(2 + KIND_WIDTH + used + key_w);
    spans.push(Span::styled(" ".repeat(pad), base));
    let key_style = if selected {
        base
    } else {
        base.fg(theme.accent)
    };
    spans.push(Span::styled(entry.key.clone(), key_style));
    Line::from(spans)
}

/// The character positions that fit in `room` columns, `None` for an ellipsis: all of them, or
/// the start and, for names (whose end tells the sources of an indicator apart), the end.
fn visible(count: usize, room: usize, keep_end: bool) -> Vec<Option<usize>> {
    if count <= room {
        return (0..count).map(Some).collect();
    }
    if room == 0 {
        return Vec::new();
    }
    let tail = if keep_end { (room - 1) / 2 } else { 0 };
    let head = room - 1 - tail;
    (0..head)
        .map(Some)
        .chain([None])
        .chain((count - tail..count).map(Some))
        .collect()
}

#[cfg(test)]
mod tests;
