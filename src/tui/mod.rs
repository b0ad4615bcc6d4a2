//! The terminal interface: app state (`app`), actions (`action`), key table (`keys`), screens
//! (`tabs`), overlays (`popups`), widgets (`components`), texts in two languages (`i18n`) and theme (`style`).
//! It receives a loaded [`Dataset`](crate::model::Dataset) and never reads files itself.

pub mod app;
pub mod background;
pub mod closing;
pub mod colours;
pub mod components;
pub mod display;
pub mod i18n;
pub mod keymap;
pub mod popups;
pub mod present;
pub mod review;
pub mod startup;
pub mod style;
pub mod tabs;
pub mod terminal;

use app::{App, Popup};
use crossterm::event::{self, Event, KeyEventKind};
use i18n::t;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
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
            Paragraph::new(t().too_small)
                .style(theme.warning())
                .wrap(ratatui::widgets::Wrap { trim: true }),
            area,
        );
    }
    small
}

/// Draws the whole screen: title bar, the current tab, status bar, and any overlay. Reads the
/// state only: every hit area and scroll position was settled by the last update.
pub fn draw(frame: &mut Frame, app: &App) {
    let theme = &app.shared.theme;
    if clear_or_too_small(frame, theme) {
        return;
    }
    let area = closing::talking_points(frame, app, frame.area());
    let status = if app.presentation && app.agenda_status().is_some_and(|s| s.closing) {
        let [top, body, status] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(5),
            Constraint::Length(1),
        ])
        .areas(area);
        if let Some(s) = app.agenda_status() {
            frame.render_widget(
                Paragraph::new(Line::from(closing::status_spans(app, &s))),
                top,
            );
        }
        closing::draw(frame, app, body);
        status
    } else if app.presentation {
        present::draw(frame, app, area)
    } else {
        let [header, body, status] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(5),
            Constraint::Length(1),
        ])
        .areas(area);
        draw_title(frame, app, header);
        let closing = app.agenda_status().is_some_and(|s| s.closing);
        match app.tab {
            _ if closing => closing::draw(frame, app, body),
            tabs::Tab::Trend => tabs::trend::draw(frame, app, body),
            tabs::Tab::Compare => tabs::compare::draw(frame, app, body),
            tabs::Tab::Overview => tabs::overview::draw(frame, app, body),
            tabs::Tab::Signals => tabs::signals::draw(frame, app, body),
        }
        status
    };
    let hints = app
        .shared
        .keymap
        .hint(app.context(), hint_actions(app.context()));
    // An export's progress shows once a key has cleared its message.
    let busy = (app.background.current())
        .filter(|(task, _)| {
            matches!(
                task,
                background::Task::ExportView
                    | background::Task::ExportPng(_)
                    | background::Task::ExportTable
            )
        })
        .map(|(task, progress)| busy_text(task, progress));
    let message = app.shared.message.as_deref().or(busy.as_deref());
    status_line(frame, theme, message, &hints, status);
    let keys = &app.shared.keymap;
    match &app.popup {
        Some(Popup::Help { context, scroll }) => {
            popups::help::draw(frame, theme, keys, *context, area, *scroll)
        }
        Some(Popup::Start(f)) => f.draw(frame, theme, keys, area),
        Some(Popup::Annotate(f)) => f.draw(frame, theme, keys, area),
        Some(Popup::FollowUp(f)) => f.draw(frame, theme, keys, area),
        Some(Popup::Header(f)) => f.draw(frame, theme, keys, area),
        Some(Popup::Agenda(e)) => e.draw(frame, app, area),
        Some(Popup::Palette(p)) => p.draw(frame, theme, keys, area),
        None => {}
    }
}

fn draw_title(frame: &mut Frame, app: &App, header: Rect) {
    let theme = &app.shared.theme;
    let tabs = [
        (tabs::Tab::Trend, t().tab_trend),
        (tabs::Tab::Compare, t().tab_compare),
        (tabs::Tab::Overview, t().tab_overview),
        (tabs::Tab::Signals, t().tab_signals),
    ];
    // On a narrow screen the other tabs show their number only, so the current one stays named
    // beside the session label.
    let narrow = header.width < 100;
    let mut title = tab_bar(
        theme,
        tabs.iter().map(|(tab, name)| {
            let current = app.tab == *tab;
            (if narrow && !current { "" } else { *name }, current)
        }),
    );
    // While the agenda is walked its place and clock come first (after the name), before the
    // tabs: on a narrow screen the tabs give way, not the item.
    match app.agenda_status() {
        Some(status) => {
            let mut spans = vec![title.spans.remove(0), Span::raw(" ")];
            spans.extend(closing::status_spans(app, &status));
            spans.push(Span::raw(" "));
            spans.append(&mut title.spans);
            title.spans = spans;
        }
        None => title.spans.push(Span::styled(
            format!("  {}", app.dataset().meta.titel),
            theme.title(),
        )),
    }
    // The session (and whether it is read-only) is always visible, right-aligned.
    let (session, session_style) = match &app.shared.session {
        Some(s) => {
            let ro = s.read_only().is_some();
            let label =
                t().session_label(&s.session().title, &t().date_short(s.session().date), ro);
            let style = if ro {
                theme.warning()
            } else {
                theme.base().fg(theme.accent)
            };
            (label, style)
        }
        None => (format!(" {} ", t().no_session), theme.dimmed()),
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
}

/// The actions whose keys the status line names, per context.
pub fn hint_actions(ctx: keymap::Context) -> &'static [keymap::Action] {
    use keymap::{Action as A, Context as C};
    match ctx {
        C::Trend => &[
            A::Help,
            A::NextPane,
            A::Toggle,
            A::ToggleRange,
            A::Annotate,
            A::Presentation,
            A::ShowCompare,
            A::ShowOverview,
            A::Quit,
        ],
        C::Compare => &[
            A::Help,
            A::CycleReference,
            A::CycleGranularity,
            A::Annotate,
            A::ShowTrend,
            A::ShowOverview,
            A::Quit,
        ],
        C::Overview => &[
            A::Help,
            A::Activate,
            A::FilterKind,
            A::FilterDomain,
            A::ShowTrend,
            A::Quit,
        ],
        C::Signals => &[A::Help, A::Activate, A::AgendaAdd, A::ShowTrend, A::Quit],
        C::Review => &[
            A::Help,
            A::Search,
            A::FilterKind,
            A::FilterPeriod,
            A::ClearFilters,
            A::Activate,
            A::ShowQuestions,
            A::Quit,
        ],
        C::Backlog => &[A::Help, A::Search, A::Activate, A::ShowNotes, A::Quit],
        C::Help => &[A::Down, A::Cancel],
        _ => &[A::Cancel],
    }
}

/// "bezig: verschillen zoeken ▰▰▰▱▱▱▱▱ 40%": what runs in the background, with a bar when the
/// amount is known.
pub fn busy_text(task: &background::Task, progress: crate::jobs::Progress) -> String {
    let what = format!("{}: {}", t().busy, t().task_label(task));
    match progress.fraction() {
        Some(f) => {
            let filled = (f * 10.0).round().clamp(0.0, 10.0) as usize;
            format!(
                "{what} {}{} {:>3.0}%",
                "▰".repeat(filled),
                "▱".repeat(10 - filled),
                f * 100.0
            )
        }
        None => format!("{what}…"),
    }
}

/// The message (or nothing) on the left, the context's key hints on the right when they fit.
pub fn status_line(
    frame: &mut Frame,
    theme: &style::Theme,
    message: Option<&str>,
    hints: &str,
    area: Rect,
) {
    let hint_w = hints.chars().count() as u16 + 2;
    let line = match message {
        Some(m) => {
            let m_w = m.chars().count() as u16 + 1;
            let mut spans = vec![Span::styled(format!(" {m}"), theme.base().fg(theme.accent))];
            if m_w + hint_w <= area.width {
                let pad = area.width - m_w - hint_w + 1;
                spans.push(Span::raw(" ".repeat(pad as usize)));
                spans.push(Span::styled(format!("{hints} "), theme.dimmed()));
            }
            Line::from(spans)
        }
        None => {
            let hints = fit_hints(hints, area.width.saturating_sub(1) as usize);
            Line::from(Span::styled(format!(" {hints}"), theme.dimmed()))
        }
    };
    frame.render_widget(Paragraph::new(line).style(theme.base()), area);
}

/// The hints cut to `width` characters, never inside a hint: one that does not fit is left out
/// whole, and the separator before it stays as a sign that the help (`?`) lists more.
pub fn fit_hints(hints: &str, width: usize) -> String {
    if hints.chars().count() <= width {
        return hints.to_string();
    }
    let cut: String = hints.chars().take(width).collect();
    match cut.rfind('·') {
        Some(i) => cut[..i + '·'.len_utf8()].to_string(),
        None => cut,
    }
}

/// The app name and numbered tabs, the current one highlighted: the start of every title bar.
pub fn tab_bar<'a>(theme: &style::Theme, tabs: impl Iterator<Item = (&'a str, bool)>) -> Line<'a> {
    let mut title = Line::from(vec![Span::styled(
        format!(" {} ", t().app_name),
        theme.title().add_modifier(Modifier::REVERSED),
    )]);
    for (i, (name, current)) in tabs.enumerate() {
        let style = if current {
            theme.title().add_modifier(Modifier::REVERSED)
        } else {
            theme.dimmed()
        };
        title.spans.push(Span::raw(" "));
        let label = match name {
            "" => format!(" {} ", i + 1),
            _ => format!(" {} {name} ", i + 1),
        };
        title.spans.push(Span::styled(label, style));
    }
    title
}

/// What the event loop drives: the main interface, or review mode.
pub trait Screen {
    fn draw(&self, frame: &mut Frame);
    /// A terminal event; key releases are filtered out before.
    fn handle_event(&mut self, event: Event);
    /// The terminal's size, at start and after every resize.
    fn resize(&mut self, area: Rect);
    fn should_quit(&self) -> bool;
    /// Work runs in the background: the loop wakes up to show progress.
    fn busy(&self) -> bool;
    /// Applies what the background finished.
    fn tick(&mut self);
    /// A signal ends the program: keep what the user typed (save it), then quit.
    fn terminate(&mut self);
}

impl Screen for App {
    fn draw(&self, frame: &mut Frame) {
        draw(frame, self);
    }

    fn handle_event(&mut self, event: Event) {
        App::handle_event(self, event);
    }

    fn resize(&mut self, area: Rect) {
        App::resize(self, area);
    }

    fn should_quit(&self) -> bool {
        self.should_quit
    }

    fn busy(&self) -> bool {
        !self.background.is_idle()
    }

    fn tick(&mut self) {
        App::tick(self);
    }

    fn terminate(&mut self) {
        App::save_before_exit(self);
    }
}

impl Screen for review::ReviewApp {
    fn draw(&self, frame: &mut Frame) {
        review::draw(frame, self);
    }

    fn handle_event(&mut self, event: Event) {
        review::ReviewApp::handle_event(self, event);
    }

    fn resize(&mut self, area: Rect) {
        review::ReviewApp::resize(self, area);
    }

    fn should_quit(&self) -> bool {
        self.should_quit
    }

    fn busy(&self) -> bool {
        review::ReviewApp::busy(self)
    }

    fn tick(&mut self) {
        review::ReviewApp::tick(self);
    }

    fn terminate(&mut self) {
        // Review mode writes nothing.
        self.should_quit = true;
    }
}

/// Runs a screen until the user quits or a signal ends it. The terminal is restored on every
/// path out; Ctrl-Z and `kill -TSTP` suspend and `fg` resumes with a full redraw. Every frame
/// is brought to the terminal's colour `depth` before it is flushed.
pub fn run(screen: &mut impl Screen, depth: colours::ColourDepth) -> anyhow::Result<()> {
    let signals = terminal::Signals::install();
    // crossterm drops every colour by itself when NO_COLOR is set; the depth decides instead,
    // since --kleuren and duiden.toml may ask for colour against NO_COLOR.
    crossterm::style::force_color_output(depth != colours::ColourDepth::NoColour);
    let mut guard = terminal::TerminalGuard::enter()?;
    let size = guard.terminal.size()?;
    screen.resize(Rect::new(0, 0, size.width, size.height));
    while !screen.should_quit() {
        let drawn = guard.terminal.draw(|f| {
            screen.draw(f);
            colours::map_buffer(f.buffer_mut(), depth);
        });
        if let Err(e) = drawn {
            // The terminal is gone: what was typed is still saved and the lock released.
            screen.terminate();
            return Err(e.into());
        }
        // Wake up now and then even when idle: a signal must be seen without a key press.
        let wait = if screen.busy() { TICK } else { IDLE };
        let mut pending = Vec::new();
        if event::poll(wait)? {
            pending.push(event::read()?);
        }
        while event::poll(Duration::from_millis(0))? {
            pending.push(event::read()?);
        }
        for ev in pending {
            match ev {
                Event::Key(key) if key.kind == KeyEventKind::Release => {}
                Event::Key(key) if is_suspend_key(&key) => signals_suspend(&mut guard, screen)?,
                other => screen.handle_event(other),
            }
        }
        if signals.take_suspend() {
            signals_suspend(&mut guard, screen)?;
        }
        if signals.take_terminate() {
            // Typed text is saved and the session's lock released as on a normal quit.
            screen.terminate();
            break;
        }
        screen.tick();
    }
    Ok(())
}

/// Ctrl-Z: in raw mode the terminal sends it as a key instead of stopping the process.
fn is_suspend_key(key: &crossterm::event::KeyEvent) -> bool {
    cfg!(unix)
        && key
            .modifiers
            .contains(crossterm::event::KeyModifiers::CONTROL)
        && matches!(key.code, crossterm::event::KeyCode::Char('z' | 'Z'))
}

/// Suspends, and after `fg` lays the screen out for the terminal's size then.
fn signals_suspend(
    guard: &mut terminal::TerminalGuard,
    screen: &mut impl Screen,
) -> anyhow::Result<()> {
    guard.suspend()?;
    let size = guard.terminal.size()?;
    screen.resize(Rect::new(0, 0, size.width, size.height));
    Ok(())
}

/// How often an idle screen checks for signals.
const IDLE: Duration = Duration::from_millis(200);

/// How often the screen is redrawn while work runs in the background.
const TICK: Duration = Duration::from_millis(50);
