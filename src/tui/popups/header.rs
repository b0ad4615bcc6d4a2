//! Editing the session header (facilitator, participants, agenda) as lines of text.

use crate::session::header::{Header, from_lines};
use crate::tui::i18n::t;
use crate::tui::keymap::{Action, Context, Keymap};
use crate::tui::style::Theme;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui_textarea::TextArea;

pub enum HeaderOutcome {
    Continue,
    Cancel,
    Save(Header),
}

pub struct HeaderForm {
    pub text: TextArea<'static>,
    /// Problems of the last save attempt, one per line.
    pub errors: Vec<String>,
}

impl HeaderForm {
    pub fn new(lines: Vec<String>) -> HeaderForm {
        let mut text = TextArea::new(lines);
        text.set_cursor_line_style(ratatui::style::Style::default());
        HeaderForm {
            text,
            errors: Vec::new(),
        }
    }

    /// Enter makes a new line (this is a list); unbound keys are typed.
    pub fn handle(&mut self, action: Option<Action>, key: KeyEvent) -> HeaderOutcome {
        match action {
            Some(Action::Cancel) => HeaderOutcome::Cancel,
            Some(Action::Save) => match from_lines(self.text.lines()) {
                Ok(h) => HeaderOutcome::Save(h),
                Err(errors) => {
                    self.errors = errors.iter().map(|e| t().line_error(e)).collect();
                    HeaderOutcome::Continue
                }
            },
            _ => {
                self.text.input(key);
                HeaderOutcome::Continue
            }
        }
    }

    pub fn draw(&self, frame: &mut Frame, theme: &Theme, keys: &Keymap, area: Rect) {
        let inner = super::frame_popup(
            frame,
            theme,
            area,
            (
                area.width.saturating_sub(6).min(110),
                area.height.saturating_sub(4),
            ),
            t().header_title,
            &keys.hint(Context::Header, &[Action::Save, Action::Cancel]),
        );
        let [help, body, errors] = Layout::vertical([
            Constraint::Length(3),
            Constraint::Min(3),
            Constraint::Length(self.errors.len().min(4) as u16),
        ])
        .areas(inner);
        frame.render_widget(
            Paragraph::new(t().header_explain)
                .style(theme.dimmed())
                .wrap(Wrap { trim: true }),
            help,
        );
        super::draw_editor(frame, theme, &self.text, body);
        frame.render_widget(
            Paragraph::new(self.errors.join("\n")).style(theme.warning()),
            errors,
        );
    }
}
