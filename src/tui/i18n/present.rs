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

    /// The readout's difference line starts with the reference: "Δ ● t.o.v. Gemeente:".
    pub fn readout_against(&self, reference: &str) -> String {
        match self.lang {
            Nl => format!("t.o.v. {reference}:"),
            En => format!("against {reference}:"),
        }
    }
}
