//! Presentation mode, for the projector: the trend chart fills the screen under a large title
//! (indicator, domein, period length, unit, zoom), with the legend and its readout below it and
//! every source credited in a footer. Keys stay those of the trend chart; the look is the
//! presentation's own (heavier lines, no grid), kept apart from the working screen's.

use crate::report::credits::{SourceCredit, credits};
use crate::tui::app::App;
use crate::tui::components::text::fit_middle;
use crate::tui::i18n::t;
use crate::tui::style::{Theme, symbol};
use crate::tui::tabs::trend;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use tui_big_text::{BigText, PixelSize};

/// Rows of a title in large letters (quadrant pixels: a letter is 4 × 4 cells).
const BIG_ROWS: u16 = 4;
const BIG_COLUMNS_PER_CHAR: usize = 4;
/// At most this many rows of source credits; the rest is cut with "…".
const MAX_FOOTER_ROWS: u16 = 4;

/// Where the parts of the presentation are on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PresentationLayout {
    pub title: Rect,
    /// The title in large letters, or one bold line when it does not fit.
    pub big: bool,
    pub subtitle: Rect,
    pub chart: Rect,
    pub legend: Rect,
    pub footer: Rect,
    pub status: Rect,
}

/// The presentation's title: the indicator (or indicators) in the chart.
pub fn title(app: &App) -> String {
    let mut names: Vec<&str> = (app.trend.chart.series.iter())
        .map(|s| s.indicator_label.as_str())
        .collect();
    names.dedup();
    match names.len() {
        0 => t().pane_chart.to_string(),
        _ => names.join(" | "),
    }
}

/// What the title does not say: domein, period length, unit, transform and zoom.
fn subtitle(app: &App) -> String {
    let trend = &app.trend;
    let chart = &trend.chart;
    let mut parts: Vec<String> = Vec::new();
    let mut domains: Vec<&str> = chart.series.iter().map(|s| s.key.domein.as_str()).collect();
    domains.dedup();
    parts.extend(domains.iter().map(|d| d.to_string()));
    if !trend.kind.is_trend() {
        parts.push(trend.view_label(&app.shared.dataset));
    }
    parts.push(trend.length_label());
    let transform = (chart.transform.as_ref())
        .map(|tf| t().transform_name(tf, trend.transform_age(&app.shared.dataset)));
    // A per-inhabitant unit is the transform's name: said once.
    if !chart.unit.is_empty() && transform.as_ref() != Some(&chart.unit) {
        parts.push(chart.unit.clone());
    }
    parts.extend(transform);
    if let Some((from, to)) = trend.zoom {
        parts.push(t().zoomed(&t().period_short(&from), &t().period_short(&to)));
    }
    parts.join(" · ")
}

impl PresentationLayout {
    pub fn of(app: &App, area: Rect) -> PresentationLayout {
        let width = area.width.saturating_sub(2) as usize;
        let big = area.height >= 30 && title(app).chars().count() * BIG_COLUMNS_PER_CHAR <= width;
        let title_rows = if big { BIG_ROWS } else { 1 };
        let footer_rows = (footer_lines(app, width).len() as u16).clamp(1, MAX_FOOTER_ROWS);
        let legend_rows = legend_height(app, area);
        let [title, subtitle, chart, legend, footer, status] = Layout::vertical([
            Constraint::Length(title_rows),
            Constraint::Length(1),
            Constraint::Min(8),
            Constraint::Length(legend_rows),
            Constraint::Length(footer_rows),
            Constraint::Length(1),
        ])
        .areas(area);
        PresentationLayout {
            title,
            big,
            subtitle,
            chart,
            legend,
            footer,
            status,
        }
    }
}

/// The legend's rows: one a series (two when a name needs them and the screen is tall), the
/// marks and readout at the cursor, its border; at most a third of the screen.
fn legend_height(app: &App, area: Rect) -> u16 {
    let width = area.width.saturating_sub(2) as usize;
    let extra = trend::legend_extra_rows(app, width);
    let cap = (area.height / 3).max(3) as usize;
    // Two lines for a long series only when they all fit; else one line each, no blank rows.
    let wrapped = trend::legend_rows(&app.trend.chart, width) + extra + 2;
    let rows = if wrapped <= cap {
        wrapped
    } else {
        app.trend.chart.series.len() + extra + 2
    };
    rows.clamp(3, cap) as u16
}

/// Draws the presentation; returns where the status line goes.
pub fn draw(frame: &mut Frame, app: &App, area: Rect) -> Rect {
    let theme = &app.shared.theme;
    let layout = PresentationLayout::of(app, area);
    let text = title(app);
    if layout.big {
        let big = BigText::builder()
            .pixel_size(PixelSize::Quadrant)
            .style(theme.title())
            .lines(vec![Line::from(text)])
            .build();
        let inset = Rect {
            x: layout.title.x + 1,
            width: layout.title.width.saturating_sub(1),
            ..layout.title
        };
        frame.render_widget(big, inset);
    } else {
        frame.render_widget(
            Paragraph::new(Span::styled(format!(" {text}"), theme.title())),
            layout.title,
        );
    }
    // The agenda's place and clock, right-aligned on the subtitle's row; the subtitle gives way.
    let status = app
        .agenda_status()
        .map(|s| Line::from(crate::tui::closing::status_spans(app, &s)));
    let status_width = status.as_ref().map_or(0, |l| l.width() as u16 + 1);
    let [left, right] = Layout::horizontal([
        Constraint::Min(10),
        Constraint::Length(status_width.min(layout.subtitle.width.saturating_sub(20))),
    ])
    .areas(layout.subtitle);
    let text = fit_end(&subtitle(app), left.width.saturating_sub(1) as usize);
    frame.render_widget(
        Paragraph::new(Span::styled(format!(" {text}"), theme.base())).style(theme.base()),
        left,
    );
    if let Some(status) = status {
        frame.render_widget(
            Paragraph::new(status).alignment(ratatui::layout::Alignment::Right),
            right,
        );
    }
    trend::draw_body(frame, app, layout.chart);
    trend::draw_legend(frame, app, layout.legend);
    let lines = footer_lines(app, layout.footer.width.saturating_sub(2) as usize);
    frame.render_widget(
        Paragraph::new(lines).style(theme.base()),
        Rect {
            x: layout.footer.x + 1,
            width: layout.footer.width.saturating_sub(2),
            ..layout.footer
        },
    );
    layout.status
}

/// The source credits, one source after the other, wrapped to `width`.
fn footer_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = &app.shared.theme;
    let chart = &app.trend.chart;
    let list = credits(app.dataset(), chart.series.iter().map(|s| &s.key));
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut current: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for c in &list {
        let Some(s) = chart.series.iter().find(|s| s.key.bron == c.bron) else {
            continue;
        };
        let mark = format!("{} ", symbol(&s.identity, false));
        let text = credit_text(c, width.saturating_sub(mark.chars().count()));
        let n = mark.chars().count() + text.chars().count();
        if used > 0 && used + 3 + n > width {
            lines.push(Line::from(std::mem::take(&mut current)));
            used = 0;
        }
        if used > 0 {
            current.push(Span::raw("   "));
            used += 3;
        }
        current.push(Span::styled(
            mark,
            theme.series(&s.identity).add_modifier(Modifier::BOLD),
        ));
        current.push(Span::styled(text, theme.dimmed()));
        used += n;
    }
    if !current.is_empty() {
        lines.push(Line::from(current));
    }
    lines
}

/// "CBS: Beleidsinformatie … · peildatum 2023-12-14 · Bron: CBS" in at most `width`
/// characters: the name gives way first, so how recent and whose the figures are stay.
fn credit_text(c: &SourceCredit, width: usize) -> String {
    let recency = match (&c.vintage, &c.through) {
        (Some(v), _) => Some(t().credit_vintage(v)),
        (None, Some(p)) => Some(t().credit_through(&t().period_short(p))),
        (None, None) => None,
    };
    let credit = match (&c.credit, c.leverancier.is_empty()) {
        (Some(text), _) => text.clone(),
        (None, false) => t().credit_default(&c.leverancier),
        (None, true) => t().credit_default(&c.naam),
    };
    // The credit keeps its start ("Bron: CBS …") in at most half the line.
    let credit = fit_end(&credit, (width / 2).max(16));
    let tail: String = [recency, Some(credit)]
        .into_iter()
        .flatten()
        .map(|p| format!(" · {p}"))
        .collect();
    let name_room = width.saturating_sub(tail.chars().count()).max(10);
    fit_middle(&format!("{}{tail}", fit_middle(&c.naam, name_room)), width)
}

/// The presentation's own look: the high-contrast theme, heavier lines than fine braille (a
/// line style the user chose stays when it is heavier) and no grid dots.
pub fn presentation_theme(working: &Theme) -> Theme {
    let mut theme = Theme::of(crate::tui::style::ThemeKind::HighContrast);
    if working.marker_chosen && working.marker != ratatui::symbols::Marker::Braille {
        theme.choose_marker(working.marker);
    }
    if theme.marker == ratatui::symbols::Marker::Braille {
        theme.marker = ratatui::symbols::Marker::HalfBlock;
    }
    theme.grid_dots = false;
    theme
}

/// `text` cut at the end to `width` characters, with "…" when cut.
fn fit_end(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let cut: String = text.chars().take(width.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}
