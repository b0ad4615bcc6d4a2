//! Texts of the projector: zoom, the presentation's title and source credits, the readout, and
//! exporting the view for slides and its table.

use super::Lang::{En, Nl};
use super::texts::Texts;

impl Texts {
    /// After zooming: what is shown and how to get back.
    pub fn zoomed(&self, from: &str, to: &str) -> String {
        match self.lang {
            Nl => format!("ingezoomd: {from} – {to}"),
            En => format!("zoomed in: {from} – {to}"),
        }
    }

    /// A source's publication in the footer.
    pub fn credit_vintage(&self, vintage: &str) -> String {
        match self.lang {
            Nl => format!("peildatum {vintage}"),
            En => format!("as of {vintage}"),
        }
    }

    /// The last period of a source in the footer, when its publication date is not known.
    pub fn credit_through(&self, period: &str) -> String {
        match self.lang {
            Nl => format!("t/m {period}"),
            En => format!("to {period}"),
        }
    }

    /// The credit of a source without its own `bronvermelding`.
    pub fn credit_default(&self, supplier: &str) -> String {
        match self.lang {
            Nl => format!("Bron: {supplier}"),
            En => format!("Source: {supplier}"),
        }
    }

    /// The readout's difference line starts with the reference: "Δ ● t.o.v. Gemeente:".
    pub fn readout_against(&self, reference: &str) -> String {
        match self.lang {
            Nl => format!("t.o.v. {reference}:"),
            En => format!("against {reference}:"),
        }
    }

    /// After putting a view on the agenda.
    pub fn agenda_added(&self, n: usize, title: &str, open: &str) -> String {
        match self.lang {
            Nl => format!("op de agenda als punt {n}: {title} ({open}: agenda)"),
            En => format!("on the agenda as item {n}: {title} ({open}: agenda)"),
        }
    }

    pub fn agenda_empty(&self, add: &str) -> String {
        match self.lang {
            Nl => format!("de agenda is leeg: zet het beeld op het scherm erop met {add}"),
            En => format!("the agenda is empty: put the view on screen on it with {add}"),
        }
    }

    /// "4:12", "1:02:05".
    pub fn clock(&self, seconds: u64) -> String {
        let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
        if h > 0 {
            format!("{h}:{m:02}:{s:02}")
        } else {
            format!("{m}:{s:02}")
        }
    }

    /// Time spent and planned: "4:12 / 10:00", or only the time spent.
    pub fn agenda_time(&self, spent: u64, budget_minutes: Option<u32>) -> String {
        match budget_minutes {
            Some(m) => format!("{} / {}", self.clock(spent), self.clock(u64::from(m) * 60)),
            None => self.clock(spent),
        }
    }

    /// "agendapunt 3/7 · titel".
    pub fn agenda_position(&self, number: usize, count: usize, title: &str) -> String {
        match self.lang {
            Nl => format!("agendapunt {number}/{count} · {title}"),
            En => format!("agenda item {number}/{count} · {title}"),
        }
    }

    /// "vraag 2 van 5".
    pub fn question_of(&self, i: usize, n: usize) -> String {
        match self.lang {
            Nl => format!("vraag {i} van {n}"),
            En => format!("question {i} of {n}"),
        }
    }

    /// What an agenda item shows: "trend · per kwartaal", "vergelijken · zoals geleverd".
    pub fn view_kind_label(
        &self,
        kind: crate::model::ViewKind,
        g: Option<crate::model::Granularity>,
    ) -> String {
        let what = match (self.lang, kind) {
            (Nl | En, crate::model::ViewKind::Trend) => "trend",
            (Nl, crate::model::ViewKind::Compare) => "vergelijken",
            (En, crate::model::ViewKind::Compare) => "compare",
            (_, other) => {
                return format!(
                    "{} · {}",
                    self.view_name(other, None),
                    self.granularity_label(g)
                );
            }
        };
        format!("{what} · {}", self.granularity_label(g))
    }

    /// `E` on an empty chart.
    pub fn export_nothing(&self) -> &'static str {
        match self.lang {
            Nl => "niets te exporteren: de grafiek is leeg",
            En => "nothing to export: the chart is empty",
        }
    }

    /// The SVG is written, the PNG is being made.
    pub fn export_png_busy(&self, svg: &str, cancel: &str) -> String {
        match self.lang {
            Nl => format!("geëxporteerd: {svg}; PNG maken… ({cancel} stopt)"),
            En => format!("exported: {svg}; making the PNG… ({cancel} stops)"),
        }
    }

    /// Both files written.
    pub fn export_both_written(&self, svg: &str, png: &str) -> String {
        match self.lang {
            Nl => format!("geëxporteerd: {svg} en {png}"),
            En => format!("exported: {svg} and {png}"),
        }
    }

    /// The SVG written, no converter on the PATH; `looked_for` names the ones looked for.
    pub fn export_no_converter(&self, svg: &str, looked_for: &str) -> String {
        match self.lang {
            Nl => format!("geëxporteerd: {svg}; PNG: geen omzetter gevonden ({looked_for})"),
            En => format!("exported: {svg}; PNG: no converter found ({looked_for})"),
        }
    }

    /// The SVG written, the PNG not: which converter and why, or which file.
    pub fn export_png_failed(&self, svg: &str, why: &str) -> String {
        match self.lang {
            Nl => format!("geëxporteerd: {svg}; PNG mislukt: {why}"),
            En => format!("exported: {svg}; PNG failed: {why}"),
        }
    }

    /// Nothing written.
    pub fn export_failed(&self, why: &str) -> String {
        match self.lang {
            Nl => format!("niet geëxporteerd: {why}"),
            En => format!("not exported: {why}"),
        }
    }

    /// `X` with no table on screen.
    pub fn table_nothing(&self) -> &'static str {
        match self.lang {
            Nl => "niets te exporteren: geen tabel op het scherm",
            En => "nothing to export: no table on screen",
        }
    }

    /// Both files of the table written.
    pub fn table_written(&self, csv: &str, md: &str) -> String {
        match self.lang {
            Nl => format!("tabel geëxporteerd: {csv} en {md}"),
            En => format!("table exported: {csv} and {md}"),
        }
    }

    /// The CSV written, the Markdown not.
    pub fn table_half_written(&self, csv: &str, why: &str) -> String {
        match self.lang {
            Nl => format!("tabel geëxporteerd: {csv}; Markdown mislukt: {why}"),
            En => format!("table exported: {csv}; Markdown failed: {why}"),
        }
    }
}
