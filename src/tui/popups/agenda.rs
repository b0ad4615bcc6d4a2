//! The agenda list: each item with its number, title, what it shows, its planned and spent
//! time. Enter goes to an item; items move, go, and get time here (saved at once).

use crate::tui::app::App;
use crate::tui::i18n::t;
use crate::tui::keymap::{Action, Context};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Wrap};

pub struct AgendaEditor {
    pub selected: usize,
}

impl AgendaEditor {
    pub fn new(selected: usize) -> AgendaEditor {
        AgendaEditor { selected }
    }

    pub fn draw(&self, frame: &mut Frame, app: &App, area: Rect) {
        let theme = &app.shared.theme;
        let keys = &app.shared.keymap;
        let agenda = app
            .shared
            .session
            .as_ref()
            .map_or(&[][..], |s| s.session().agenda.as_slice());
        let hint = keys.hint(
            Context::Agenda,
            &[
                Action::Activate,
                Action::ItemUp,
                Action::ItemRemove,
                Action::MoreTime,
                Action::Cancel,
            ],
        );
        let height = (agenda.len() as u16 * 2 + 4).clamp(8, area.height.saturating_sub(2));
        let inner = super::frame_popup(
            frame,
            theme,
            area,
            (area.width.saturating_sub(6).min(100), height),
            t().agenda_title,
            &hint,
        );
        if agenda.is_empty() {
            let add = crate::tui::i18n::first_key(keys, Context::Trend, Action::AgendaAdd);
            frame.render_widget(
                Paragraph::new(t().agenda_empty(&add))
                    .style(theme.dimmed())
                    .wrap(Wrap { trim: true }),
                inner,
            );
            return;
        }
        let current = app.agenda_walk.current;
        let items: Vec<ListItem> = (agenda.iter().enumerate())
            .map(|(i, item)| {
                let walking = current == Some(i);
                let mark = if walking { "▶" } else { " " };
                let time = t().agenda_time(item.spent_seconds, item.budget_minutes);
                let view = item.view_spec();
                let mut what = format!(
                    "{}/{} · {}",
                    view.domein,
                    view.indicator,
                    t().view_kind_label(view.kind, view.granularity)
                );
                if let Some(tf) = &view.transform {
                    what.push_str(&format!(" · {}", t().transform_name(tf, None)));
                }
                if let Some((from, to)) = view.range {
                    what.push_str(&format!(
                        " · {}",
                        t().zoomed(&t().period_short(&from), &t().period_short(&to))
                    ));
                }
                ListItem::new(vec![
                    Line::from(vec![
                        Span::styled(format!("{mark}{:>2}. ", i + 1), theme.title()),
                        Span::styled(
                            app.agenda_title(item),
                            theme.base().add_modifier(Modifier::BOLD),
                        ),
                        Span::styled(format!("  {time}"), theme.dimmed()),
                    ]),
                    Line::from(Span::styled(format!("     {what}"), theme.dimmed())),
                ])
            })
            .collect();
        let mut state =
            ListState::default().with_selected(Some(self.selected.min(agenda.len() - 1)));
        frame.render_stateful_widget(
            List::new(items).highlight_style(theme.selected()),
            inner,
            &mut state,
        );
    }
}
