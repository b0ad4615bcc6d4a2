//! Follow-up at the start of a session: open research questions and actions of earlier sessions
//! on this dataset, whose status can be updated here (recorded in this session's minutes).

use crate::session::Annotation;
use crate::tui::strings;
use crate::tui::style::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph, Wrap};

pub struct FollowUp {
    /// (session file name, annotation with its latest status)
    pub items: Vec<(String, Annotation)>,
    pub selected: usize,
}

impl FollowUp {
    pub fn selected_item(&self) -> Option<&(String, Annotation)> {
        self.items.get(self.selected)
    }

    pub fn draw(&self, frame: &mut Frame, theme: &Theme, area: Rect) {
        let width = area.width.saturating_sub(4).clamp(20, 120);
        let height = area.height.saturating_sub(4).clamp(5, 30);
        let inner = super::frame_popup(
            frame,
            theme,
            area,
            (width, height),
            strings::FOLLOW_UP_TITLE,
            strings::FOLLOW_UP_HELP,
        );
        if self.items.is_empty() {
            frame.render_widget(
                Paragraph::new(strings::FOLLOW_UP_EMPTY)
                    .style(theme.dimmed())
                    .wrap(Wrap { trim: true }),
                inner,
            );
            return;
        }
        let items: Vec<ListItem> = self
            .items
            .iter()
            .map(|(file, a)| {
                let status = a.status.map(|s| s.dutch()).unwrap_or_default();
                let owner = if a.eigenaar.is_empty() {
                    String::new()
                } else {
                    format!(" · {}", a.eigenaar)
                };
                ListItem::new(vec![
                    Line::from(vec![
                        Span::styled(
                            format!("{} {} [{status}]", a.soort.marker(), a.soort.dutch()),
                            theme.base().fg(theme.accent).add_modifier(Modifier::BOLD),
                        ),
                        Span::styled(
                            format!(
                                " {} · {} · {}{owner} · {file}",
                                a.anker.indicator,
                                a.anker.dutch_period(),
                                a.rol.dutch()
                            ),
                            theme.dimmed(),
                        ),
                    ]),
                    Line::from(Span::styled(
                        format!("   {}", a.tekst.lines().next().unwrap_or_default()),
                        theme.base(),
                    )),
                ])
            })
            .collect();
        super::draw_choices(frame, theme, items, self.selected, inner);
    }
}
