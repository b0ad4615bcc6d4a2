//! The terminal interface: app state (`app`), actions (`action`), key table (`keys`), screens
//! (`tabs`), overlays (`popups`), widgets (`components`), texts (`strings`) and theme (`style`).
//! It receives a loaded [`Dataset`](crate::model::Dataset) and never reads files itself.

pub mod action;
pub mod app;
pub mod components;
pub mod keys;
mod notes;
pub mod open_session;
pub mod popups;
pub mod review;
pub mod strings;
pub mod style;
pub mod tabs;
pub mod terminal;

use action::Action;
use app::{App, Popup};
use crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEventKind};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::time::Duration;

/// Paints the background; on a terminal below 40×10 says so (wrapped, so it reads on the smallest
/// one) and returns true: nothing else fits.
pub fn clear_or_too_small(frame: &mut Frame, theme: &style::Theme) -> bool {
    let area = frame.area();
    frame.render_widget(ratatui::widgets::Block::default().style(theme.base()), area);
    let small = area.width < 40 || area.height < 10;
    if small {
        frame.render_widget(
            Paragraph::new(strings::TOO_SMALL)
                .style(theme.warning())
                .wrap(ratatui::widgets::Wrap { trim: true }),
            area,
        );
    }
    small
}

/// Draws the whole screen: title bar, the current tab, status bar, and any overlay.
pub fn draw(frame: &mut Frame, app: &mut App) {
    let area = frame.area();
    if clear_or_too_small(frame, &app.theme) {
        return;
    }
    let [header, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(5),
        Constraint::Length(1),
    ])
    .areas(area);

    let theme = &app.theme;
    let tabs = [
        (tabs::Tab::Trend, strings::TAB_TREND),
        (tabs::Tab::Compare, strings::TAB_COMPARE),
        (tabs::Tab::Overview, strings::TAB_OVERVIEW),
    ];
    let mut title = tab_bar(
        theme,
        tabs.iter().map(|(tab, name)| (*name, app.tab == *tab)),
    );
    title.spans.push(Span::styled(
        format!("  {}", app.dataset.meta.titel),
        theme.title(),
    ));
    // The session (and whether it is read-only) is always visible, right-aligned.
    let (session, session_style) = match &app.session {
        Some(s) if s.read_only.is_some() => (
            strings::session_label(&s.session.titel, &s.session.date.to_string(), true),
            theme.warning(),
        ),
        Some(s) => (
            strings::session_label(&s.session.titel, &s.session.date.to_string(), false),
            theme.base().fg(theme.accent),
        ),
        None => (format!(" {} ", strings::NO_SESSION), theme.dimmed()),
    };
    let session_width = (session.chars().count() as u16).min(header.width / 2);
    let [left, right] =
        Layout::horizontal([Constraint::Min(10), Constraint::Length(session_width)]).areas(header);
    frame.render_widget(Paragraph::new(title).style(theme.base()), left);
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(session, session_style)))
            .alignment(ratatui::layout::Alignment::Right),
        right,
    );

    match app.tab {
        tabs::Tab::Trend => tabs::trend::draw(frame, app, body),
        tabs::Tab::Compare => tabs::compare::draw(frame, app, body),
        tabs::Tab::Overview => tabs::overview::draw(frame, app, body),
    }

    let theme = &app.theme;
    let status_line = match &app.message {
        Some(m) => Line::from(Span::styled(format!(" {m}"), theme.base().fg(theme.accent))),
        None => Line::from(Span::styled(
            format!(" {}", strings::STATUS_HINT),
            theme.dimmed(),
        )),
    };
    frame.render_widget(Paragraph::new(status_line).style(theme.base()), status);

    match &app.popup {
        Some(Popup::Help(scroll)) => popups::help::draw(frame, &app.theme, area, *scroll),
        Some(Popup::Start(f)) => f.draw(frame, &app.theme, area),
        Some(Popup::Annotate(f)) => f.draw(frame, &app.theme, area),
        Some(Popup::FollowUp(f)) => f.draw(frame, &app.theme, area),
        Some(Popup::Header(f)) => f.draw(frame, &app.theme, area),
        None => {}
    }
}

/// The app name and numbered tabs, the current one highlighted: the start of every title bar.
pub fn tab_bar<'a>(theme: &style::Theme, tabs: impl Iterator<Item = (&'a str, bool)>) -> Line<'a> {
    let mut title = Line::from(vec![Span::styled(
        format!(" {} ", strings::APP_NAME),
        theme.title().add_modifier(Modifier::REVERSED),
    )]);
    for (i, (name, current)) in tabs.enumerate() {
        let style = if current {
            theme.title().add_modifier(Modifier::REVERSED)
        } else {
            theme.dimmed()
        };
        title.spans.push(Span::raw(" "));
        title
            .spans
            .push(Span::styled(format!(" {} {name} ", i + 1), style));
    }
    title
}

/// Maps a terminal event other than a key press to an action (keys go to `App::handle_key`).
pub fn action_for_event(event: Event) -> Option<Action> {
    match event {
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: m.column,
                row: m.row,
            }),
            MouseEventKind::ScrollUp => Some(Action::ScrollUp),
            MouseEventKind::ScrollDown => Some(Action::ScrollDown),
            _ => None,
        },
        Event::Resize(..) => Some(Action::Resize),
        _ => None,
    }
}

/// What the event loop drives: the main interface, or review mode.
pub trait Screen {
    fn draw(&mut self, frame: &mut Frame);
    /// A terminal event; key releases are filtered out before.
    fn handle_event(&mut self, event: Event);
    fn should_quit(&self) -> bool;
}

impl Screen for App {
    fn draw(&mut self, frame: &mut Frame) {
        draw(frame, self);
    }

    fn handle_event(&mut self, event: Event) {
        match event {
            Event::Key(key) => self.handle_key(key),
            other => {
                if let Some(action) = action_for_event(other) {
                    self.update(action);
                }
            }
        }
    }

    fn should_quit(&self) -> bool {
        self.should_quit
    }
}

impl Screen for review::ReviewApp {
    fn draw(&mut self, frame: &mut Frame) {
        review::draw(frame, self);
    }

    fn handle_event(&mut self, event: Event) {
        review::ReviewApp::handle_event(self, event);
    }

    fn should_quit(&self) -> bool {
        self.should_quit
    }
}

/// Runs a screen until the user quits. The terminal is restored on every path out.
pub fn run(mut screen: impl Screen) -> anyhow::Result<()> {
    let mut guard = terminal::TerminalGuard::enter()?;
    while !screen.should_quit() {
        guard.terminal.draw(|f| screen.draw(f))?;
        // Block for the first event, then drain what queued up so a burst of keys costs one frame.
        let mut pending = vec![event::read()?];
        while event::poll(Duration::from_millis(0))? {
            pending.push(event::read()?);
        }
        for ev in pending {
            match ev {
                Event::Key(key) if key.kind == KeyEventKind::Release => {}
                other => screen.handle_event(other),
            }
        }
    }
    Ok(())
}
