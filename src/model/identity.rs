//! One identity per source: the colour and marker shape a bron has in every chart, on screen and
//! in the minutes. It follows the order of `[[bronnen]]` in `dataset.toml`, so "the orange line"
//! is the same source in every tab and every export; `kleur` and `symbool` override it there.
//!
//! A bron shown with several breakdowns (wijken, aanbieders) keeps its colour; the breakdowns are
//! told apart by a variant number that each reader shows in its own way (a digit as symbol on
//! screen, a digit marker and a dash pattern in the minutes).

/// A colour as red, green, blue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// The identity colours, each in a tone for a dark background (the projector theme) and one for
/// white paper: Okabe-Ito (colour-blind safe), without yellow (the cursor's colour on screen and
/// unreadable on paper).
pub const IDENTITY_COLOURS: [(Rgb, Rgb); 7] = [
    (Rgb(230, 159, 0), Rgb(200, 125, 0)),    // oranje
    (Rgb(86, 180, 233), Rgb(0, 114, 178)),   // blauw
    (Rgb(0, 158, 115), Rgb(0, 130, 95)),     // groen
    (Rgb(204, 121, 167), Rgb(170, 70, 140)), // paars
    (Rgb(213, 94, 0), Rgb(213, 94, 0)),      // vermiljoen
    (Rgb(255, 255, 255), Rgb(0, 0, 0)),      // wit op donker, zwart op papier
    (Rgb(0, 114, 178), Rgb(0, 60, 130)),     // donkerblauw
];

/// The number of marker shapes; shape `i` of a source is `index % SHAPES`. Readers map the
/// shape number to their own glyph or drawing.
pub const SHAPES: usize = 11;

/// Marks that mean something else on the time axis (a context event, a trend break) or are the
/// variant numbers of breakdowns: a `symbool` may not be one of them.
pub const RESERVED_SYMBOLS: [char; 2] = ['◆', '╫'];

/// Colour names a `kleur` may use besides `#rrggbb`.
const NAMED: [(&str, Rgb); 12] = [
    ("oranje", Rgb(230, 159, 0)),
    ("blauw", Rgb(0, 114, 178)),
    ("lichtblauw", Rgb(86, 180, 233)),
    ("groen", Rgb(0, 158, 115)),
    ("paars", Rgb(204, 121, 167)),
    ("rood", Rgb(213, 94, 0)),
    ("geel", Rgb(240, 228, 66)),
    ("zwart", Rgb(0, 0, 0)),
    ("wit", Rgb(255, 255, 255)),
    ("grijs", Rgb(128, 128, 128)),
    ("bruin", Rgb(140, 81, 10)),
    ("roze", Rgb(240, 120, 170)),
];

/// The names `kleur` accepts, for the error message.
pub fn colour_names() -> Vec<&'static str> {
    NAMED.iter().map(|(n, _)| *n).collect()
}

/// A `kleur` value: a name from [`colour_names`] or `#rrggbb`.
pub fn parse_colour(text: &str) -> Option<Rgb> {
    let t = text.trim().to_lowercase();
    if let Some((_, c)) = NAMED.iter().find(|(n, _)| *n == t) {
        return Some(*c);
    }
    let hex = t.strip_prefix('#')?;
    if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
}

/// Why a `symbool` cannot be used, or `None` when it can: one visible character that is not a
/// time-axis mark and not a digit (digits number the breakdowns of one source).
pub fn symbol_problem(text: &str) -> Option<SymbolProblem> {
    let mut chars = text.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return Some(SymbolProblem::NotOneCharacter);
    };
    if RESERVED_SYMBOLS.contains(&c) || c.is_ascii_digit() {
        return Some(SymbolProblem::Reserved);
    }
    if c.is_whitespace() || c.is_control() || ('\u{300}'..='\u{36F}').contains(&c) {
        return Some(SymbolProblem::Invisible);
    }
    if is_wide(c) {
        return Some(SymbolProblem::Wide);
    }
    None
}

/// Characters a terminal draws two cells wide (CJK, emoji): a chart symbol takes one cell.
fn is_wide(c: char) -> bool {
    const WIDE: [(u32, u32); 9] = [
        (0x1100, 0x115F),
        (0x2E80, 0xA4CF),
        (0xAC00, 0xD7A3),
        (0xF900, 0xFAFF),
        (0xFE30, 0xFE4F),
        (0xFF00, 0xFF60),
        (0xFFE0, 0xFFE6),
        (0x1F300, 0x1FAFF),
        (0x20000, 0x3FFFD),
    ];
    let u = c as u32;
    WIDE.iter().any(|(a, b)| (*a..=*b).contains(&u))
}

/// What is wrong with a `symbool`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymbolProblem {
    NotOneCharacter,
    /// The event or break mark, or a digit.
    Reserved,
    Invisible,
    /// Two cells wide on a terminal (CJK, emoji).
    Wide,
}

/// Digits, then letters, number the breakdowns of one source (variant 1, 2, ...).
const VARIANT_MARKS: &str = "123456789abcdefghijklmnopqrstuvwxyz";

/// The mark of a breakdown of one source, or `None` for variant 0 (the source's own symbol).
pub fn variant_mark(variant: usize) -> Option<char> {
    let n = VARIANT_MARKS.len();
    (variant > 0).then(|| VARIANT_MARKS.as_bytes()[(variant - 1) % n] as char)
}

/// The identity of a source: its place in `[[bronnen]]` and its overrides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SourceIdentity {
    pub index: usize,
    pub colour: Option<Rgb>,
    pub symbol: Option<char>,
}

impl SourceIdentity {
    /// The colour for a dark background or for paper.
    pub fn colour_on(&self, dark: bool) -> Rgb {
        self.colour.unwrap_or_else(|| {
            let (on_dark, on_light) = IDENTITY_COLOURS[self.index % IDENTITY_COLOURS.len()];
            if dark { on_dark } else { on_light }
        })
    }

    /// The marker shape number when no `symbool` overrides it.
    pub fn shape(&self) -> usize {
        self.index % SHAPES
    }
}

/// The identity of one line: its source's, plus which breakdown of that source it is when the
/// chart shows several of them (0 for the only or the total series, then 1, 2, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SeriesIdentity {
    pub source: SourceIdentity,
    pub variant: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse_by_name_and_hex() {
        assert_eq!(parse_colour("Oranje"), Some(Rgb(230, 159, 0)));
        assert_eq!(parse_colour("#0a0B0c"), Some(Rgb(10, 11, 12)));
        assert_eq!(parse_colour("#12345"), None);
        assert_eq!(parse_colour("#12345g"), None);
        assert_eq!(parse_colour("oranjeachtig"), None);
    }

    #[test]
    fn symbols_must_be_one_free_visible_character() {
        assert_eq!(symbol_problem("★"), None);
        assert_eq!(symbol_problem("◆"), Some(SymbolProblem::Reserved));
        assert_eq!(symbol_problem("╫"), Some(SymbolProblem::Reserved));
        assert_eq!(symbol_problem("3"), Some(SymbolProblem::Reserved));
        assert_eq!(symbol_problem("ab"), Some(SymbolProblem::NotOneCharacter));
        assert_eq!(symbol_problem(""), Some(SymbolProblem::NotOneCharacter));
        assert_eq!(symbol_problem(" "), Some(SymbolProblem::Invisible));
        assert_eq!(symbol_problem("😀"), Some(SymbolProblem::Wide));
        assert_eq!(symbol_problem("中"), Some(SymbolProblem::Wide));
    }

    #[test]
    fn identity_cycles_colours_and_shapes_with_different_periods() {
        let pairs: std::collections::HashSet<(Rgb, usize)> = (0..IDENTITY_COLOURS.len() * SHAPES)
            .map(|index| {
                let id = SourceIdentity {
                    index,
                    ..Default::default()
                };
                (id.colour_on(true), id.shape())
            })
            .collect();
        assert_eq!(pairs.len(), IDENTITY_COLOURS.len() * SHAPES);
    }
}
