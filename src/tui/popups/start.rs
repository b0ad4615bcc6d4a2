//! Choosing the session at start: continue one of today's sessions, start a new one, or only look.

use crate::tui::i18n::t;
use crate::tui::keymap::{Action, Context, Keymap};
use crate::tui::style::Theme;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{ListItem, Paragraph};
use ratatui_textarea::TextArea;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq)]
pub enum StartOption {
    Continue {
        path: PathBuf,
        title: String,
    },
    /// A session file of today that cannot be read, with why (file:line:column: problem):
    /// listed so it is not passed over, opening it shows the whole error.
    Unreadable {
        path: PathBuf,
        why: String,
    },
    New,
    ViewOnly,
}

#[derive(Debug, Clone, PartialEq)]
pub enum StartOutcome {
    Continue,
    Open(PathBuf),
    Create(String),
    ViewOnly,
}

pub struct StartForm {
    pub options: Vec<StartOption>,
    pub selected: usize,
    /// Set while typing the title of a new session.
    pub title: Option<TextArea<'static>>,
}

impl StartForm {
    /// `today` lists today's sessions on this dataset as (path, title).
    pub fn new(today: Vec<(PathBuf, String)>) -> StartForm {
        let mut options: Vec<StartOption> = today
            .into_iter()
            .map(|(path, title)| StartOption::Continue { path, title })
            .collect();
        options.push(StartOption::New);
        options.push(StartOption::ViewOnly);
        StartForm {
            options,
            selected: 0,
            title: None,
        }
    }

    /// Lists session files of today that cannot be read, each with why, before the new session.
    pub fn with_unreadable(mut self, unreadable: Vec<(PathBuf, String)>) -> StartForm {
        let at = self
            .options
            .iter()
            .position(|o| *o == StartOption::New)
            .unwrap_or(0);
        let rows = unreadable
            .into_iter()
            .map(|(path, why)| StartOption::Unreadable { path, why });
        self.options.splice(at..at, rows);
        self
    }

    /// Whether a session file of today cannot be read.
    fn has_unreadable(&self) -> bool {
        self.options
            .iter()
            .any(|o| matches!(o, StartOption::Unreadable { .. }))
    }

    /// The choice list's keys, or the one-line input's while the title is typed.
    pub fn context(&self) -> Context {
        if self.title.is_some() {
            Context::Input
        } else {
            Context::Start
        }
    }

    /// An action of this popup's context; unbound keys are typed into the title.
    pub fn handle(&mut self, action: Option<Action>, key: KeyEvent) -> StartOutcome {
        if let Some(field) = &mut self.title {
            match action {
                Some(Action::Cancel) => self.title = None,
                Some(Action::Save) => {
                    let title = field.lines().join(" ").trim().to_string();
                    let title = if title.is_empty() {
                        t().default_session_title.to_string()
                    } else {
                        title
                    };
                    return StartOutcome::Create(title);
                }
                _ => {
                    field.input(key);
                }
            }
            return StartOutcome::Continue;
        }
        match action {
            Some(Action::Up) => self.selected = self.selected.saturating_sub(1),
            Some(Action::Down) => self.selected = (self.selected + 1).min(self.options.len() - 1),
            Some(Action::Cancel) => return StartOutcome::ViewOnly,
            Some(Action::Activate) => match &self.options[self.selected] {
                StartOption::Continue { path, .. } | StartOption::Unreadable { path, .. } => {
                    return StartOutcome::Open(path.clone());
                }
                StartOption::ViewOnly => return StartOutcome::ViewOnly,
                StartOption::New => {
                    let mut field = TextArea::new(vec![t().default_session_title.to_string()]);
                    field.move_cursor(ratatui_textarea::CursorMove::End);
                    self.title = Some(field);
                }
            },
            _ => {}
        }
        StartOutcome::Continue
    }

    pub fn draw(&self, frame: &mut Frame, theme: &Theme, keys: &Keymap, area: Rect) {
        let width = area.width.saturating_sub(6).clamp(20, 80);
        let height =
            (self.options.len() as u16 + 6 + 3 * u16::from(self.has_unreadable())).min(area.height);
        let inner = super::frame_popup(
            frame,
            theme,
            area,
            (width, height),
            t().start_title,
            &match self.title {
                Some(_) => keys.hint(Context::Input, &[Action::Save, Action::Cancel]),
                None => keys.hint(
                    Context::Start,
                    &[Action::Down, Action::Activate, Action::Cancel],
                ),
            },
        );
        if let Some(field) = &self.title {
            let note = if self.has_unreadable() { 4 } else { 0 };
            let [note_area, prompt, input] = ratatui::layout::Layout::vertical([
                ratatui::layout::Constraint::Length(note),
                ratatui::layout::Constraint::Length(2),
                ratatui::layout::Constraint::Length(3),
            ])
            .areas(inner);
            // Never a silent second file beside one that cannot be read.
            frame.render_widget(
                Paragraph::new(t().start_unreadable_note)
                    .wrap(ratatui::widgets::Wrap { trim: true })
                    .style(theme.base()),
                note_area,
            );
            frame.render_widget(
                Paragraph::new(t().new_title_prompt).style(theme.base()),
                prompt,
            );
            super::draw_editor(frame, theme, field, input);
            return;
        }
        let items: Vec<ListItem> = self
            .options
            .iter()
            .map(|o| {
                ListItem::new(Line::raw(match o {
                    StartOption::Continue { path, title } => format!(
                        "{} {title} ({})",
                        t().start_continue,
                        path.file_name()
                            .map(|f| f.to_string_lossy())
                            .unwrap_or_default()
                    ),
                    StartOption::Unreadable { why, .. } => {
                        format!("{} {why}", t().start_unreadable)
                    }
                    StartOption::New => t().start_new.to_string(),
                    StartOption::ViewOnly => t().start_view_only.to_string(),
                }))
            })
            .collect();
        super::draw_choices(frame, theme, items, self.selected, inner);
    }
}
