//! Choosing the session at start: continue one of today's sessions, start a new one, or only look.

use crate::tui::strings;
use crate::tui::style::Theme;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{ListItem, Paragraph};
use ratatui_textarea::TextArea;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq)]
pub enum StartOption {
    Continue { path: PathBuf, title: String },
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

    pub fn handle_key(&mut self, key: KeyEvent) -> StartOutcome {
        if let Some(t) = &mut self.title {
            match key.code {
                KeyCode::Esc => self.title = None,
                KeyCode::Enter => {
                    let title = t.lines().join(" ").trim().to_string();
                    let title = if title.is_empty() {
                        strings::DEFAULT_SESSION_TITLE.to_string()
                    } else {
                        title
                    };
                    return StartOutcome::Create(title);
                }
                _ => {
                    t.input(key);
                }
            }
            return StartOutcome::Continue;
        }
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => self.selected = self.selected.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => {
                self.selected = (self.selected + 1).min(self.options.len() - 1)
            }
            KeyCode::Esc => return StartOutcome::ViewOnly,
            KeyCode::Enter => match &self.options[self.selected] {
                StartOption::Continue { path, .. } => return StartOutcome::Open(path.clone()),
                StartOption::ViewOnly => return StartOutcome::ViewOnly,
                StartOption::New => {
                    let mut t = TextArea::new(vec![strings::DEFAULT_SESSION_TITLE.to_string()]);
                    t.move_cursor(ratatui_textarea::CursorMove::End);
                    self.title = Some(t);
                }
            },
            _ => {}
        }
        StartOutcome::Continue
    }

    pub fn draw(&self, frame: &mut Frame, theme: &Theme, area: Rect) {
        let width = area.width.saturating_sub(6).clamp(20, 80);
        let height = (self.options.len() as u16 + 6).min(area.height);
        let inner = super::frame_popup(
            frame,
            theme,
            area,
            (width, height),
            strings::START_TITLE,
            strings::START_HELP,
        );
        if let Some(t) = &self.title {
            let [prompt, input] = ratatui::layout::Layout::vertical([
                ratatui::layout::Constraint::Length(2),
                ratatui::layout::Constraint::Length(3),
            ])
            .areas(inner);
            frame.render_widget(
                Paragraph::new(strings::NEW_TITLE_PROMPT).style(theme.base()),
                prompt,
            );
            super::draw_editor(frame, theme, t, input);
            return;
        }
        let items: Vec<ListItem> = self
            .options
            .iter()
            .map(|o| {
                ListItem::new(Line::raw(match o {
                    StartOption::Continue { path, title } => format!(
                        "{} {title} ({})",
                        strings::START_CONTINUE,
                        path.file_name()
                            .map(|f| f.to_string_lossy())
                            .unwrap_or_default()
                    ),
                    StartOption::New => strings::START_NEW.to_string(),
                    StartOption::ViewOnly => strings::START_VIEW_ONLY.to_string(),
                }))
            })
            .collect();
        super::draw_choices(frame, theme, items, self.selected, inner);
    }
}
