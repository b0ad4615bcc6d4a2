//! The command line's own words in both languages: clap's headings, flags and error sentences,
//! and the English help of every argument (the Dutch help is the derive's doc comments).

use crate::tui::i18n::Lang;

/// clap's fixed words, in one language.
pub struct Words {
    pub usage: &'static str,
    pub arguments: &'static str,
    pub options: &'static str,
    pub commands: &'static str,
    /// The placeholder for a subcommand in a usage line.
    pub command_value: &'static str,
    /// The placeholder for options in a usage line.
    pub options_value: &'static str,
    pub default: &'static str,
    pub possible_values: &'static str,
    pub possible_values_heading: &'static str,
    pub help: &'static str,
    pub help_more: &'static str,
    pub help_summary: &'static str,
    pub version: &'static str,
    pub help_command: &'static str,
    pub error: &'static str,
    pub tip: &'static str,
    pub more_info: &'static str,
}

pub static NL: Words = Words {
    usage: "Gebruik",
    arguments: "Argumenten",
    options: "Opties",
    commands: "Commando's",
    command_value: "COMMANDO",
    options_value: "[OPTIES]",
    default: "standaard",
    possible_values: "mogelijke waarden",
    possible_values_heading: "Mogelijke waarden",
    help: "Toon de hulp",
    help_more: "Toon de hulp (meer met '--help')",
    help_summary: "Toon de hulp (een samenvatting met '-h')",
    version: "Toon de versie",
    help_command: "Toon deze hulp of de hulp van het gegeven commando",
    error: "fout",
    tip: "tip",
    more_info: "Meer uitleg: probeer '--help'.",
};

pub static EN: Words = Words {
    usage: "Usage",
    arguments: "Arguments",
    options: "Options",
    commands: "Commands",
    command_value: "COMMAND",
    options_value: "[OPTIONS]",
    default: "default",
    possible_values: "possible values",
    possible_values_heading: "Possible values",
    help: "Print help",
    help_more: "Print help (see more with '--help')",
    help_summary: "Print help (see a summary with '-h')",
    version: "Print version",
    help_command: "Print this help or the help of the given command",
    error: "error",
    tip: "tip",
    more_info: "For more information, try '--help'.",
};

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}

/// What a command-line error is about, as clap reports it.
#[derive(Debug, Default)]
pub struct Problem {
    /// The argument as clap shows it: "--taal <TAAL>".
    pub arg: String,
    /// The value given.
    pub value: String,
    /// The (sub)command involved.
    pub command: String,
    /// The arguments it conflicts with, each quoted: "'--thema <THEMA>', '[DATASET]'".
    pub prior: String,
}

/// The head line of a command-line error.
pub fn error_head(lang: Lang, kind: clap::error::ErrorKind, p: &Problem) -> String {
    use Lang::{En, Nl};
    use clap::error::ErrorKind as K;
    let (arg, value, other, prior) = (&p.arg, &p.value, &p.command, &p.prior);
    match (lang, kind) {
        (Nl, K::UnknownArgument) => format!("onbekend argument '{arg}'"),
        (En, K::UnknownArgument) => format!("unexpected argument '{arg}'"),
        (Nl, K::InvalidSubcommand) => format!("onbekend commando '{other}'"),
        (En, K::InvalidSubcommand) => format!("unrecognised command '{other}'"),
        (Nl, K::InvalidValue | K::NoEquals) if value.is_empty() => {
            format!("'{arg}' vraagt een waarde")
        }
        (En, K::InvalidValue | K::NoEquals) if value.is_empty() => {
            format!("'{arg}' needs a value")
        }
        (Nl, K::InvalidValue | K::ValueValidation | K::NoEquals) => {
            format!("ongeldige waarde '{value}' voor '{arg}'")
        }
        (En, K::InvalidValue | K::ValueValidation | K::NoEquals) => {
            format!("invalid value '{value}' for '{arg}'")
        }
        (Nl, K::TooManyValues | K::TooFewValues | K::WrongNumberOfValues) => {
            format!("verkeerd aantal waarden voor '{arg}'")
        }
        (En, K::TooManyValues | K::TooFewValues | K::WrongNumberOfValues) => {
            format!("wrong number of values for '{arg}'")
        }
        (Nl, K::ArgumentConflict) if arg.is_empty() => {
            format!("het commando '{other}' kan niet samen met {prior}")
        }
        (En, K::ArgumentConflict) if arg.is_empty() => {
            format!("the command '{other}' cannot be used with {prior}")
        }
        (Nl, K::ArgumentConflict) => format!("'{arg}' kan niet samen met {prior}"),
        (En, K::ArgumentConflict) => format!("'{arg}' cannot be used with {prior}"),
        (Nl, K::MissingRequiredArgument) => format!("verplicht argument ontbreekt: {arg}"),
        (En, K::MissingRequiredArgument) => format!("required argument missing: {arg}"),
        (Nl, K::MissingSubcommand) => "er ontbreekt een commando".to_string(),
        (En, K::MissingSubcommand) => "a command is missing".to_string(),
        (Nl, K::InvalidUtf8) => "een argument is geen geldige UTF-8".to_string(),
        (En, K::InvalidUtf8) => "an argument is not valid UTF-8".to_string(),
        (Nl, _) => "de opdrachtregel klopt niet".to_string(),
        (En, _) => "the command line is not valid".to_string(),
    }
}

/// "did you mean …?" after an error.
pub fn did_you_mean(lang: Lang, what: &str) -> String {
    match lang {
        Lang::Nl => format!("bedoelt u '{what}'?"),
        Lang::En => format!("did you mean '{what}'?"),
    }
}

/// English about (and long about) of a command, by name.
pub fn about_en(command: &str) -> Option<(&'static str, Option<&'static str>)> {
    Some(match command {
        "duiden" => (
            "Make sense of figures in the 'duiden van data' session: trends, differences between sources, annotations and minutes",
            Some(
                "duiden shows series (instroom, uitstroom, stand, kosten) from a dataset folder side by side, so that \
the programme leader, access team, providers and policy can make sense of trends and of differences between \
sources together.\n\nWithout DATASET duiden opens the bundled sample: datasets/voorbeeld in the working \
directory, else next to the program (or up to three folders above it), else the copy built into the program.",
            ),
        ),
        "controleer" => (
            "Check a dataset folder: a summary when it is valid, else every error with file:line:column",
            None,
        ),
        "verschillen" => (
            "Named differences between sources, largest first (for preparation and scripts)",
            None,
        ),
        "signalen" => (
            "What stands out, as talking points for the session: changes, level shifts, season, differences, stopped deliveries",
            None,
        ),
        "importeer" => (
            "Read figure files (CBS open data, StatLine) and add them to a dataset folder",
            None,
        ),
        "afleiden" => (
            "Derive monthly instroom, uitstroom and stand from a registration extract (one row per client per provision)",
            None,
        ),
        "notulen" => (
            "Write a session's minutes as Markdown or HTML (to the screen or to --uit)",
            None,
        ),
        "meekijken" => (
            "Follow (read-only) what the facilitator of this session shows, with the talking points",
            None,
        ),
        "terugkijken" => (
            "Look back (read-only): every session, annotations per indicator, search and filters, the backlog",
            None,
        ),
        "vragen" => (
            "Every research question from every session, open first and by priority, with its history",
            None,
        ),
        _ => return None,
    })
}

/// English help and value name of an argument, by command and argument id.
pub fn arg_en(command: &str, arg: &str) -> Option<(&'static str, Option<&'static str>)> {
    if command == "importeer"
        && let Some(help) = import_arg_en(arg)
    {
        return Some(help);
    }
    if let Some(help) = session_arg_en(command, arg) {
        return Some(help);
    }
    if command == "afleiden"
        && let Some(help) = derive_arg_en(arg)
    {
        return Some(help);
    }
    const DATASET: &str = "Dataset folder with reeksen.csv and dataset.toml";
    const LANGUAGE: &str =
        "Language of the interface and the help (default: from the locale, else nl)";
    const OUT: &str = "Write to this file instead of the screen";
    const SESSIONS: &str = "Folder with session files";
    Some(match (command, arg) {
        ("duiden" | "controleer", "dataset") => (
            "Dataset folder with reeksen.csv and dataset.toml (default: the sample)",
            None,
        ),
        ("verschillen", "dataset") => (DATASET, None),
        (_, "thema") => (
            "Colour theme: donker (dark, for the projector), licht (light) or contrast (black and white, bold lines) [default: donker or from duiden.toml]",
            Some("THEME"),
        ),
        (_, "kleuren") => (
            "Number of colours of the terminal (default: from NO_COLOR, COLORTERM and TERM, or duiden.toml)",
            Some("NUMBER"),
        ),
        (_, "lijnen") => (
            "Lines in the chart: braille (fine), half or blok (for a font without braille; the default with TERM=linux)",
            Some("STYLE"),
        ),
        ("duiden", "sessie") => (
            "Open (or continue) this session; without it duiden offers today's sessions or a new one",
            Some("FILE"),
        ),
        ("duiden", "sessies") => (SESSIONS, Some("FOLDER")),
        (_, "taal") => (LANGUAGE, Some("LANGUAGE")),
        ("verschillen", "domein") => (
            "Only this domain (jeugd, wmo, participatie, …)",
            Some("DOMAIN"),
        ),
        ("verschillen", "indicator") => ("Only this indicator", Some("INDICATOR")),
        ("verschillen", "formaat") => ("Output format", Some("FORMAT")),
        ("verschillen", "drempel") => (
            "Threshold for an unexplained difference, in percent",
            Some("THRESHOLD"),
        ),
        ("notulen", "sessie") => (
            "Session file (sessions/<date>-<title>.toml)",
            Some("SESSION"),
        ),
        ("notulen", "uit") => (OUT, Some("FILE.md|FILE.html")),
        ("notulen", "formaat") => (
            "Output format: md (Markdown) or html (one file with charts)",
            Some("FORMAT"),
        ),
        ("terugkijken" | "vragen", "map") => (SESSIONS, Some("FOLDER")),

        ("vragen", "formaat") => ("Output format: md (Markdown) or csv", Some("FORMAT")),
        ("vragen", "uit") => (OUT, Some("FILE")),
        ("verschillen" | "vragen", "scheiding") => ("CSV field separator", Some("CHAR")),
        ("notulen" | "vragen", "overschrijf") => (
            "Also write --uit over a file duiden did not write itself",
            None,
        ),
        ("notulen" | "verschillen" | "vragen", "kleine_aantallen") => (
            "Show counts of 1 to 9 from records (default: <10); the output says so at the top",
            None,
        ),
        _ => return None,
    })
}

/// English help of an argument of `afleiden`.
fn derive_arg_en(arg: &str) -> Option<(&'static str, Option<&'static str>)> {
    Some(match ("afleiden", arg) {
        ("afleiden", "extract") => ("The extract (CSV), pseudonymised", Some("EXTRACT")),
        ("afleiden", "naar") => (
            "Dataset folder to add to (new or existing)",
            Some("DATASET_FOLDER"),
        ),
        ("afleiden", "kaart") => (
            "Mapping file: the extract's column names and date format",
            Some("kaart.toml"),
        ),
        ("afleiden", "tel") => (
            "What counts as one: persons or trajectories (client and provision)",
            Some("UNIT"),
        ),
        ("afleiden", "herstart_dagen") => (
            "A restart within this many days of an end is a continuation, not new instroom",
            Some("DAYS"),
        ),
        ("afleiden", "per") => (
            "Also split by wijk, aanbieder and/or voorziening (comma-separated)",
            Some("wijk,aanbieder,voorziening"),
        ),
        _ => return None,
    })
}

/// English help of an argument of `importeer`.
fn import_arg_en(arg: &str) -> Option<(&'static str, Option<&'static str>)> {
    Some(match ("importeer", arg) {
        ("importeer", "bestanden") => (
            "Files to read; the layout is recognised from the file itself",
            Some("FILE"),
        ),
        ("importeer", "naar") => (
            "Dataset folder to add to (new or existing)",
            Some("DATASET_FOLDER"),
        ),
        ("importeer", "domein") => (
            "Domain of the imported indicators (jeugd, wmo, participatie, …)",
            Some("DOMAIN"),
        ),
        ("importeer", "bron") => (
            "Source id instead of one made from the table or file name",
            Some("ID"),
        ),
        ("importeer", "kaart") => (
            "Mapping file for spreadsheets (which cells are which series)",
            Some("kaart.toml"),
        ),
        ("importeer", "vintage_apart") => (
            "Keep an older publication of the same table as a source of its own (default: replace it)",
            None,
        ),
        ("importeer", "voorstel") => (
            "For a spreadsheet, write a proposed mapping (<name>.kaart.toml) instead of importing",
            None,
        ),
        _ => return None,
    })
}

/// English help of a possible value, by command, argument and value.
pub fn value_en(command: &str, arg: &str, value: &str) -> Option<&'static str> {
    Some(match (command, arg, value) {
        ("afleiden", "tel", "personen") => "Persons: a client counts once per domein per month",
        ("afleiden", "tel", "trajecten") => "Trajectories: client and provision together",
        ("notulen", "formaat", "md") => "Markdown",
        ("notulen", "formaat", "html") => {
            "One HTML file with charts, without external files (open in a browser, print on A4)"
        }
        ("vragen", "formaat", "md") => "Markdown, for the half-yearly agenda session",
        ("vragen", "formaat", "csv") => "CSV, one question per line, for the portal",
        ("verschillen" | "vragen", "scheiding", ";") => {
            "Semicolon, with a BOM and decimal comma: Excel with Dutch settings opens it in columns"
        }
        ("verschillen" | "vragen", "scheiding", ",") => {
            "Comma (RFC 4180, no BOM, decimal point): for scripts and English-language programs"
        }
        _ => return None,
    })
}

/// English help of the arguments of the session screen's own options and of `signalen`.
fn session_arg_en(command: &str, arg: &str) -> Option<(&'static str, Option<&'static str>)> {
    Some(match (command, arg) {
        ("signalen", "dataset") => ("Dataset folder with reeksen.csv and dataset.toml", None),
        ("signalen", "formaat") => ("Output format", Some("FORMAT")),
        ("signalen", "domein") => (
            "Only this domain (jeugd, wmo, participatie, …)",
            Some("DOMAIN"),
        ),
        ("signalen", "indicator") => ("Only this indicator", Some("INDICATOR")),
        ("signalen", "max") => ("At most this many signals of each kind", Some("N")),
        ("duiden", "presentatie") => (
            "Start in presentation mode: the chart alone, large, with source credits (P toggles)",
            None,
        ),
        ("meekijken", "sessie") => (
            "The facilitator's session file (sessions/<date>-<title>.toml)",
            Some("SESSION"),
        ),
        _ => return None,
    })
}
