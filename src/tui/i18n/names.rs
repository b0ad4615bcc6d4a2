//! The interface's words for the core's enums, periods and dates. The core's `.dutch()` forms
//! stay for the Dutch minutes and reports; the screen takes these, in its own language. Each
//! match names both languages, so a missing word is a build error.

use super::Lang::{En, Nl};
use super::texts::Texts;
use crate::analysis::AggError;
use crate::analysis::mismatch::MismatchKind;
use crate::model::{Granularity, Period, Soort};
use crate::session::{Anchor, Annotation, AnnotationKind, QuestionStatus, Role};

// The Dutch month names are the model's, as the minutes use them.
use crate::model::period::{MONTHS_LONG as MONTHS_NL, MONTHS_SHORT as MONTHS_SHORT_NL};

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_SHORT_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl Texts {
    pub fn role(&self, r: Role) -> &'static str {
        use Role::*;
        match (self.lang, r) {
            (Nl, Toegang) => "toegang",
            (En, Toegang) => "access",
            (Nl, Aanbieder) => "aanbieder",
            (En, Aanbieder) => "provider",
            (Nl, Beleid) => "beleid",
            (En, Beleid) => "policy",
            (Nl, Analist) => "analist",
            (En, Analist) => "analyst",
            (Nl, Overig) => "overig",
            (En, Overig) => "other",
        }
    }

    /// The kind of an annotation: "observatie", "onderzoeksvraag", …
    pub fn kind(&self, k: AnnotationKind) -> &'static str {
        use AnnotationKind::*;
        match (self.lang, k) {
            (Nl, Observatie) => "observatie",
            (En, Observatie) => "observation",
            (Nl, Verklaring) => "verklaring",
            (En, Verklaring) => "explanation",
            (Nl, Datakwaliteit) => "datakwaliteit",
            (En, Datakwaliteit) => "data quality",
            (Nl, Onderzoeksvraag) => "onderzoeksvraag",
            (En, Onderzoeksvraag) => "research question",
            (Nl, Actie) => "actie",
            (En, Actie) => "action",
        }
    }

    pub fn question_status(&self, s: QuestionStatus) -> &'static str {
        use QuestionStatus::*;
        match (self.lang, s) {
            (Nl, Open) => "nieuw",
            (En, Open) => "new",
            (Nl, Geagendeerd) => "geagendeerd",
            (En, Geagendeerd) => "on the agenda",
            (Nl, InOnderzoek) => "in onderzoek",
            (En, InOnderzoek) => "being studied",
            (Nl, Beantwoord) => "beantwoord",
            (En, Beantwoord) => "answered",
            (Nl, Vervallen) => "vervallen",
            (En, Vervallen) => "dropped",
            (Nl, Samengevoegd) => "samengevoegd",
            (En, Samengevoegd) => "merged",
        }
    }

    pub fn granularity(&self, g: Granularity) -> &'static str {
        use Granularity::*;
        match (self.lang, g) {
            (Nl, Month) => "maand",
            (En, Month) => "month",
            (Nl, Quarter) => "kwartaal",
            (En, Quarter) => "quarter",
            (Nl, HalfYear) => "halfjaar",
            (En, HalfYear) => "half year",
            (Nl, Year) => "jaar",
            (En, Year) => "year",
        }
    }

    /// How an indicator adds up over time: stroom, stand, ratio.
    pub fn soort(&self, s: Soort) -> &'static str {
        use Soort::*;
        match (self.lang, s) {
            (Nl, Stroom) => "stroom",
            (En, Stroom) => "flow",
            (Nl, Stand) => "stand",
            (En, Stand) => "stock",
            (Nl | En, Ratio) => "ratio",
        }
    }

    /// Short label of a kind of difference, for tables and filters.
    pub fn mismatch(&self, k: MismatchKind) -> &'static str {
        use MismatchKind::*;
        match (self.lang, k) {
            (Nl, Unit) => "eenheid",
            (En, Unit) => "unit",
            (Nl, MissingPeriod) => "ontbrekende periode",
            (En, MissingPeriod) => "missing period",
            (Nl, WithinRounding) => "afronding",
            (En, WithinRounding) => "rounding",
            (Nl, Vintage) => "voorlopig/definitief",
            (En, Vintage) => "provisional/final",
            (Nl, Definition) => "definitie",
            (En, Definition) => "definition",
            (Nl, StockFlow) => "stand-stroom",
            (En, StockFlow) => "stock-flow",
            (Nl, StockDiscontinuity) => "standbreuk",
            (En, StockDiscontinuity) => "stock break",
            (Nl, Lag) => "vertraging",
            (En, Lag) => "delay",
            (Nl, TrendBreak) => "trendbreuk",
            (En, TrendBreak) => "trend break",
            (Nl, BudgetVsRealisation) => "begroot/gerealiseerd",
            (En, BudgetVsRealisation) => "budget/actual",
            (Nl, PartsNotSumToTotal) => "delen≠totaal",
            (En, PartsNotSumToTotal) => "parts≠total",
            (Nl, Direction) => "richting",
            (En, Direction) => "direction",
            (Nl, Unexplained) => "onverklaard",
            (En, Unexplained) => "unexplained",
        }
    }

    /// One sentence that explains a kind of difference to the room, without a verdict.
    pub fn mismatch_explanation(&self, k: MismatchKind) -> &'static str {
        match self.lang {
            Nl => explanation_nl(k),
            En => explanation_en(k),
        }
    }

    /// "mrt 2021", "K1 2021", "H1 2021", "2021" (English "Mar 2021", "Q1 2021").
    pub fn period_short(&self, p: &Period) -> String {
        if p.is_season_slot() {
            return self.season_slot(p, true);
        }
        let (y, i) = (p.year, p.index);
        match (self.lang, p.granularity) {
            (Nl, Granularity::Month) => format!("{} {y}", MONTHS_SHORT_NL[month(i)]),
            (En, Granularity::Month) => format!("{} {y}", MONTHS_SHORT_EN[month(i)]),
            (Nl, Granularity::Quarter) => format!("K{i} {y}"),
            (En, Granularity::Quarter) => format!("Q{i} {y}"),
            (Nl | En, Granularity::HalfYear) => format!("H{i} {y}"),
            (Nl | En, Granularity::Year) => y.to_string(),
        }
    }

    /// A month or quarter of no year (the season chart): "mrt"/"maart", "K1"/"1e kwartaal".
    fn season_slot(&self, p: &Period, short: bool) -> String {
        let with_year = self.period_long(&Period { year: 2000, ..*p });
        let with_year = match short {
            true => self.period_short(&Period { year: 2000, ..*p }),
            false => with_year,
        };
        with_year.trim_end_matches("2000").trim_end().to_string()
    }

    /// "maart 2021", "1e kwartaal 2021", "2e halfjaar 2021", "2021".
    pub fn period_long(&self, p: &Period) -> String {
        if p.is_season_slot() {
            return self.season_slot(p, false);
        }
        let (y, i) = (p.year, p.index);
        match (self.lang, p.granularity) {
            (Nl, Granularity::Month) => format!("{} {y}", MONTHS_NL[month(i)]),
            (En, Granularity::Month) => format!("{} {y}", MONTHS_EN[month(i)]),
            (Nl, Granularity::Quarter) => format!("{i}e kwartaal {y}"),
            (En, Granularity::Quarter) => format!("{} quarter {y}", ordinal(i)),
            (Nl, Granularity::HalfYear) => format!("{i}e halfjaar {y}"),
            (En, Granularity::HalfYear) => format!("{} half {y}", ordinal(i)),
            (Nl | En, Granularity::Year) => y.to_string(),
        }
    }

    /// "juni 2021 t/m december 2021", or one period.
    pub fn period_range(&self, from: &Period, to: &Period) -> String {
        if from == to {
            self.period_long(from)
        } else {
            self.between(&self.period_long(from), &self.period_long(to))
        }
    }

    fn between(&self, from: &str, to: &str) -> String {
        match self.lang {
            Nl => format!("{from} t/m {to}"),
            En => format!("{from} to {to}"),
        }
    }

    /// The period or range an annotation points at.
    pub fn anchor_period(&self, a: &Anchor) -> String {
        let (from, to) = a.range();
        self.period_range(&from, &to)
    }

    /// "5 november 2026".
    pub fn date(&self, d: jiff::civil::Date) -> String {
        let p = Period::month(i32::from(d.year()), d.month() as u8);
        format!("{} {}", d.day(), self.period_long(&p))
    }

    /// "5 nov 2026" ("5 Nov 2026"): a date in a list row.
    pub fn date_short(&self, d: jiff::civil::Date) -> String {
        format!("{} {}", self.day_month(d), d.year())
    }

    /// "5 nov" ("5 Nov"): a date within the year.
    pub fn day_month(&self, d: jiff::civil::Date) -> String {
        let m = month(d.month().clamp(1, 12) as u8);
        match self.lang {
            Nl => format!("{} {}", d.day(), MONTHS_SHORT_NL[m]),
            En => format!("{} {}", d.day(), MONTHS_SHORT_EN[m]),
        }
    }

    /// How a person is named: "Sanne de Vries (aanbieder)", the role without a name, the name
    /// without a role; empty when neither is known.
    pub fn person(&self, rol: Option<Role>, naam: &str) -> String {
        let naam = naam.split_whitespace().collect::<Vec<_>>().join(" ");
        match (rol, naam.is_empty()) {
            (Some(r), true) => self.role(r).to_string(),
            (Some(r), false) => format!("{naam} ({})", self.role(r)),
            (None, _) => naam,
        }
    }

    /// Who made an annotation.
    pub fn who(&self, a: &Annotation) -> String {
        self.person(Some(a.role), &a.name)
    }

    /// Why a series cannot be shown at the chosen granularity.
    pub fn agg_error(&self, e: &AggError) -> String {
        match (self.lang, e) {
            (Nl, AggError::TooFine { series, wanted }) => format!(
                "reeks is per {} beschikbaar; per {} kan niet zonder te verzinnen",
                self.granularity(*series),
                self.granularity(*wanted)
            ),
            (En, AggError::TooFine { series, wanted }) => format!(
                "the series is available per {}; per {} would mean making figures up",
                self.granularity(*series),
                self.granularity(*wanted)
            ),
            (Nl, AggError::RatioWithoutParts { indicator }) => format!(
                "{indicator} is een ratio: optellen of middelen geeft een onjuist cijfer, en teller en noemer ontbreken om hem opnieuw te berekenen"
            ),
            (En, AggError::RatioWithoutParts { indicator }) => format!(
                "{indicator} is a ratio: adding or averaging gives a wrong figure, and its numerator and denominator are missing to compute it again"
            ),
        }
    }
}

/// Index into the month tables, safe for any index.
fn month(index: u8) -> usize {
    usize::from(index.clamp(1, 12)) - 1
}

fn ordinal(n: u8) -> String {
    let suffix = match n {
        1 => "st",
        2 => "nd",
        3 => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn explanation_nl(k: MismatchKind) -> &'static str {
    use MismatchKind::*;
    match k {
        Unit => {
            "De bronnen gebruiken een andere eenheid of noemer, dus de getallen zijn pas na omrekening te vergelijken."
        }
        MissingPeriod => {
            "Eén bron heeft voor deze periode geen (volledig) cijfer, door late of ontbrekende levering of geheimhouding ('.'), en onbekend is niet hetzelfde als nul."
        }
        WithinRounding => {
            "Het verschil is niet groter dan de afronding van de bronnen (CBS rondt af op 5) en zegt dus niets over de werkelijkheid."
        }
        Vintage => {
            "Het ene cijfer is voorlopig en het andere definitief: latere publicaties herzien eerdere cijfers."
        }
        Definition => {
            "De bronnen tellen iets anders (andere definitie of populatie, bijv. met en zonder pgb); hun gebruikelijke niveauverschil verklaart het verschil."
        }
        StockFlow => {
            "Beginstand plus instroom min uitstroom komt niet uit op de eindstand, bijvoorbeeld door een andere peildatum of doordat wie twee keer instroomt één keer telt."
        }
        StockDiscontinuity => {
            "De beginstand in de ene publicatie sluit niet aan op de eindstand in de vorige: tussen de publicaties is herzien."
        }
        Lag => {
            "De ene bron loopt achter op de andere: verschoven met de opgegeven vertraging verdwijnt het verschil (grotendeels); wat overblijft staat erbij."
        }
        TrendBreak => {
            "Voor één bron is de methode of definitie vanaf deze periode veranderd, zodat cijfers over de breuk heen niet zonder meer te vergelijken zijn; een sprong over de breuk wordt afgezet tegen de gewone verandering van die reeks."
        }
        BudgetVsRealisation => {
            "Een begroting is een verwachting vooraf en geen meting, dus een verschil met de realisatie vraagt om uitleg, niet om correctie."
        }
        PartsNotSumToTotal => {
            "De delen (wijken, aanbieders of indicatoren die deel van een andere zijn) tellen niet op tot het totaal, bijvoorbeeld omdat niet iedereen aan een deel is toe te wijzen."
        }
        Direction => {
            "De bronnen meten hetzelfde in eenheden die niet om te rekenen zijn, dus alleen de richting en de relatieve verandering over dezelfde periode zijn te vergelijken."
        }
        Unexplained => {
            "Het verschil is groter dan de drempel en geen van de bekende oorzaken past: een vraag voor de bronhouders."
        }
    }
}

fn explanation_en(k: MismatchKind) -> &'static str {
    use MismatchKind::*;
    match k {
        Unit => {
            "The sources use a different unit or denominator, so the figures can only be compared after conversion."
        }
        MissingPeriod => {
            "One source has no (complete) figure for this period, through late or missing delivery or confidentiality ('.'), and unknown is not the same as zero."
        }
        WithinRounding => {
            "The difference is no larger than the rounding of the sources (CBS rounds to 5) and so says nothing about reality."
        }
        Vintage => {
            "One figure is provisional and the other final: later publications revise earlier figures."
        }
        Definition => {
            "The sources count something different (another definition or population, e.g. with and without pgb); their usual level difference explains it."
        }
        StockFlow => {
            "Starting stock plus inflow minus outflow does not come to the closing stock, for example through another reference date or because someone who enters twice counts once."
        }
        StockDiscontinuity => {
            "The starting stock in one publication does not match the closing stock in the previous one: figures were revised between the publications."
        }
        Lag => {
            "One source runs behind the other: shifted by the declared delay the difference (largely) disappears; what remains is shown."
        }
        TrendBreak => {
            "For one source the method or definition changed from this period on, so figures across the break cannot simply be compared; a jump across the break is set against the series' usual change."
        }
        BudgetVsRealisation => {
            "A budget is an expectation beforehand, not a measurement, so a difference with the actual figure asks for an explanation, not a correction."
        }
        PartsNotSumToTotal => {
            "The parts (districts, providers or indicators declared part of another) do not add up to the total, for example because not everyone can be assigned to a part."
        }
        Direction => {
            "The sources measure the same thing in units that cannot be converted, so only the direction and the relative change over the same span can be compared."
        }
        Unexplained => {
            "The difference is larger than the threshold and none of the known causes fits: a question for the source holders."
        }
    }
}
