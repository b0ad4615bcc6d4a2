//! Texts of the projector: zoom, the presentation's title and source credits, the readout, and
//! exporting the view for slides.

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
}
