//! Texts of the projector: zoom, the presentation's title and source credits, the readout.

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
}
