//! Command line: `duiden [DATASET]` opens the interface, `duiden controleer DATASET` validates.
//! Help and errors are in the interface's language (`args`).

use crate::load::load_dataset;
use crate::model::Dataset;
use crate::session::store;
use crate::tui::app::{App, SessionSetup};
use crate::tui::i18n::{Lang, set_process_lang, t};
use crate::tui::keymap::Keymap;
use crate::tui::startup::Startup;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

mod afleiden;
mod progress;
pub use afleiden::Tel;
mod args;
mod differences;
mod exports;
mod filter;
mod importeer;
mod meekijken;
mod sample;
mod signalen;
mod weergave;
mod words;

pub use args::{command, error_text, lang_in, parse};
pub use sample::{SAMPLE_DIR, sample_dir};
use weergave::display;
pub use weergave::{Kleuren, Lijnen, Thema, Weergave};

#[derive(Debug, Parser)]
#[command(
    name = "duiden",
    version,
    about = "Cijfers duiden in de sessie 'duiden van data': trends, verschillen tussen bronnen, aantekeningen en notulen",
    long_about = "duiden toont reeksen (instroom, uitstroom, stand, kosten) uit een datasetmap naast elkaar, \
zodat programmaleider, toegang, aanbieders en beleid samen trends en verschillen tussen bronnen kunnen duiden.\n\n\
Zonder DATASET opent duiden het meegeleverde voorbeeld: datasets/voorbeeld in de werkmap, anders \
naast het programma (of tot drie mappen erboven), anders de kopie die in het programma zit.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Datasetmap met reeksen.csv en dataset.toml (standaard: het voorbeeld)
    pub dataset: Option<PathBuf>,

    #[command(flatten)]
    pub weergave: Weergave,

    /// Open (of vervolg) deze sessie; zonder deze optie biedt duiden de sessies van vandaag of een nieuwe aan
    #[arg(long, value_name = "BESTAND")]
    pub sessie: Option<PathBuf>,

    /// Map met sessiebestanden
    #[arg(long, value_name = "MAP", default_value = "sessions")]
    pub sessies: PathBuf,

    /// Begin in presentatiemodus: alleen de grafiek, groot, met bronvermelding (P wisselt)
    #[arg(long)]
    pub presentatie: bool,

    /// Taal van de interface en de hulp (standaard: uit de locale, anders nl)
    #[arg(long, value_enum, global = true)]
    pub taal: Option<Taal>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The interface's language (`--taal`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Taal {
    Nl,
    En,
}

impl From<Taal> for Lang {
    fn from(t: Taal) -> Lang {
        match t {
            Taal::Nl => Lang::Nl,
            Taal::En => Lang::En,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Formaat {
    Tekst,
    Csv,
    Json,
}

/// The field separator of a CSV export (`--scheiding`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Scheiding {
    /// Puntkomma, met BOM en decimale komma: Excel met Nederlandse instellingen opent het in kolommen
    #[value(name = ";", alias = "puntkomma", alias = "semicolon")]
    Puntkomma,
    /// Komma (RFC 4180, zonder BOM, decimale punt): voor scripts en Engelstalige programma's
    #[value(name = ",", alias = "komma", alias = "comma")]
    Komma,
}

impl From<Scheiding> for crate::report::Separator {
    fn from(s: Scheiding) -> Self {
        match s {
            Scheiding::Puntkomma => crate::report::Separator::Semicolon,
            Scheiding::Komma => crate::report::Separator::Comma,
        }
    }
}

/// Format of the minutes (`duiden notulen --formaat`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NotulenFormaat {
    /// Markdown
    Md,
    /// Eén HTML-bestand met grafieken, zonder externe bestanden (openen in een browser, afdrukken op A4)
    Html,
}

/// Format of the research-question backlog (`duiden vragen --formaat`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum VragenFormaat {
    /// Markdown, voor de halfjaarlijkse agendasessie
    Md,
    /// CSV, één vraag per regel, voor het portaal
    Csv,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Controleer een datasetmap: samenvatting bij succes, anders alle fouten met bestand:regel:kolom
    Controleer {
        /// Datasetmap met reeksen.csv en dataset.toml (standaard: het voorbeeld)
        dataset: Option<PathBuf>,
    },
    /// Benoemde verschillen tussen bronnen, grootste eerst (voor voorbereiding en scripts)
    Verschillen {
        /// Datasetmap met reeksen.csv en dataset.toml
        dataset: PathBuf,
        /// Alleen dit domein (jeugd, wmo, participatie, …)
        #[arg(long)]
        domein: Option<String>,
        /// Alleen deze indicator
        #[arg(long)]
        indicator: Option<String>,
        /// Uitvoerformaat
        #[arg(long, value_enum, default_value_t = Formaat::Tekst)]
        formaat: Formaat,
        /// Drempel voor een onverklaard verschil, in procenten
        #[arg(long, default_value_t = 5.0)]
        drempel: f64,
        /// Scheidingsteken van CSV
        #[arg(long, value_enum, default_value = ";", value_name = "TEKEN")]
        scheiding: Scheiding,
        /// Toon aantallen van 1 t/m 9 uit registratiedata (standaard: <10); de uitvoer zegt het bovenaan
        #[arg(long)]
        kleine_aantallen: bool,
    },
    /// Wat opvalt, als gesprekspunten voor de sessie: veranderingen, niveausprongen, seizoen, verschillen, gestopte leveringen
    Signalen(signalen::Args),
    /// Lees cijferbestanden (CBS open data, StatLine) in en voeg ze toe aan een datasetmap
    Importeer {
        /// Bestanden om in te lezen; de indeling wordt uit het bestand zelf herkend
        #[arg(required = true, value_name = "BESTAND")]
        bestanden: Vec<PathBuf>,
        /// Datasetmap om aan toe te voegen (nieuw of bestaand)
        #[arg(long, default_value = importeer::DEFAULT_TARGET, value_name = "DATASETMAP")]
        naar: PathBuf,
        /// Domein van de ingelezen indicatoren (jeugd, wmo, participatie, …)
        #[arg(long)]
        domein: Option<String>,
        /// Bron-id in plaats van een id uit de tabel- of bestandsnaam
        #[arg(long, value_name = "ID")]
        bron: Option<String>,
        /// Kaartbestand voor spreadsheets (welke cellen welke reeks zijn)
        #[arg(long, value_name = "kaart.toml")]
        kaart: Option<PathBuf>,
        /// Houd een oudere publicatie van dezelfde tabel als eigen bron (standaard: vervangen)
        #[arg(long)]
        vintage_apart: bool,
        /// Schrijf voor een spreadsheet een voorstel voor de kaart (<naam>.kaart.toml) in plaats van te importeren
        #[arg(long)]
        voorstel: bool,
    },
    /// Leid maandelijkse instroom, uitstroom en stand af uit een registratie-extract (één regel per cliënt per voorziening)
    Afleiden {
        /// Het extract (CSV), gepseudonimiseerd
        #[arg(value_name = "EXTRACT")]
        extract: PathBuf,
        /// Datasetmap om aan toe te voegen (nieuw of bestaand)
        #[arg(long, default_value = importeer::DEFAULT_TARGET, value_name = "DATASETMAP")]
        naar: PathBuf,
        /// Kaartbestand: kolomnamen en datumnotatie van het extract
        #[arg(long, value_name = "kaart.toml")]
        kaart: Option<PathBuf>,
        /// Wat telt als één: personen of trajecten (cliënt en voorziening)
        #[arg(long, value_enum, default_value_t = Tel::Personen)]
        tel: Tel,
        /// Een herstart binnen zoveel dagen na een einde is voortzetting, geen nieuwe instroom
        #[arg(long, default_value_t = crate::derive::DEFAULT_GAP_DAYS, value_name = "DAGEN")]
        herstart_dagen: u32,
        /// Ook uitsplitsen naar wijk, aanbieder en/of voorziening (met komma's)
        #[arg(long, value_name = "wijk,aanbieder,voorziening")]
        per: Vec<String>,
    },
    /// Schrijf de notulen van een sessie als Markdown of HTML (naar het scherm of naar --uit)
    Notulen {
        /// Sessiebestand (sessions/<datum>-<titel>.toml)
        sessie: PathBuf,
        /// Schrijf naar dit bestand in plaats van naar het scherm
        #[arg(long, value_name = "BESTAND.md|BESTAND.html")]
        uit: Option<PathBuf>,
        /// Uitvoerformaat: md (Markdown) of html (één bestand met grafieken)
        #[arg(long, value_enum, default_value_t = NotulenFormaat::Md)]
        formaat: NotulenFormaat,
        /// Schrijf --uit ook over een bestand dat duiden niet zelf schreef
        #[arg(long)]
        overschrijf: bool,
        /// Toon aantallen van 1 t/m 9 uit registratiedata (standaard: <10); de uitvoer zegt het bovenaan
        #[arg(long)]
        kleine_aantallen: bool,
    },
    /// Terugkijken (alleen lezen): alle sessies, aantekeningen per indicator, zoeken en filteren, de vragenlijst
    Terugkijken {
        /// Map met sessiebestanden
        #[arg(default_value = "sessions")]
        map: PathBuf,
        #[command(flatten)]
        weergave: Weergave,
    },
    /// Meekijken (alleen lezen): volgt wat de facilitator van deze sessie laat zien, met de gespreksnotities
    Meekijken {
        /// Sessiebestand van de facilitator (sessions/<datum>-<titel>.toml)
        sessie: PathBuf,
        #[command(flatten)]
        weergave: Weergave,
    },
    /// Alle onderzoeksvragen uit alle sessies, open eerst en op prioriteit, met hun geschiedenis
    Vragen {
        /// Map met sessiebestanden
        #[arg(default_value = "sessions")]
        map: PathBuf,
        /// Uitvoerformaat: md (Markdown) of csv
        #[arg(long, value_enum, default_value_t = VragenFormaat::Md)]
        formaat: VragenFormaat,
        /// Schrijf naar dit bestand in plaats van naar het scherm
        #[arg(long, value_name = "BESTAND")]
        uit: Option<PathBuf>,
        /// Scheidingsteken van CSV
        #[arg(long, value_enum, default_value = ";", value_name = "TEKEN")]
        scheiding: Scheiding,
        /// Schrijf --uit ook over een bestand dat duiden niet zelf schreef
        #[arg(long)]
        overschrijf: bool,
        /// Toon aantallen van 1 t/m 9 uit registratiedata (standaard: <10); de uitvoer zegt het bovenaan
        #[arg(long)]
        kleine_aantallen: bool,
    },
}

pub fn run(mut cli: Cli) -> ExitCode {
    // Set before anything is drawn, for this (the interface's) thread and any worker.
    set_process_lang(cli.taal.map_or_else(Lang::from_env, Lang::from));
    match cli.command.take() {
        Some(Command::Controleer { dataset }) => match dataset.map_or_else(sample_dir, Ok) {
            Ok(dataset) => controleer(&dataset),
            Err(message) => fail(&message),
        },
        Some(Command::Notulen {
            sessie,
            uit,
            formaat,
            overschrijf,
            kleine_aantallen,
        }) => exports::notulen(
            &sessie,
            exports::Output::new(uit, overschrijf),
            formaat,
            kleine_aantallen,
        ),
        Some(Command::Verschillen {
            dataset,
            domein,
            indicator,
            formaat,
            drempel,
            scheiding,
            kleine_aantallen,
        }) => differences::verschillen(
            &dataset,
            (domein.as_deref(), indicator.as_deref()),
            differences::formaat_of(formaat, scheiding),
            (drempel, kleine_aantallen),
        ),
        Some(Command::Signalen(args)) => signalen::run(args),
        Some(Command::Vragen {
            map,
            formaat,
            uit,
            scheiding,
            overschrijf,
            kleine_aantallen,
        }) => exports::vragen(
            &map,
            (formaat, scheiding),
            exports::Output::new(uit, overschrijf),
            kleine_aantallen,
        ),
        Some(Command::Terugkijken { map, weergave, .. }) => terugkijken(&map, weergave),
        Some(Command::Meekijken { sessie, weergave }) => meekijken::run(sessie, weergave),
        Some(c @ (Command::Importeer { .. } | Command::Afleiden { .. })) => into_dataset(c),
        None => open_tui(cli),
    }
}

/// `importeer` and `afleiden`: files into a dataset folder.
fn into_dataset(command: Command) -> ExitCode {
    match command {
        Command::Importeer {
            bestanden,
            naar,
            domein,
            bron,
            kaart,
            vintage_apart,
            voorstel,
        } => importeer::run(&importeer::Args {
            propose: voorstel,
            files: bestanden,
            naar,
            opts: crate::import::Options {
                domein,
                bron,
                kaart,
            },
            vintage_apart,
        }),
        Command::Afleiden {
            extract,
            naar,
            kaart,
            tel,
            herstart_dagen,
            per,
        } => afleiden::run(&afleiden::Args {
            extract,
            naar,
            kaart,
            trajecten: tel == Tel::Trajecten,
            herstart_dagen,
            per,
        }),
        _ => ExitCode::FAILURE,
    }
}

/// The user's keymap (`duiden.toml`), or its errors (file:line:column) on stderr and exit code
/// 2, before the terminal is touched.
fn keymap() -> Result<Arc<Keymap>, ExitCode> {
    Keymap::find().map(Arc::new).map_err(|e| {
        eprintln!("{e}");
        ExitCode::from(2)
    })
}

/// Review mode: reads the folder once (in the background), never writes. Datasets are loaded when a chart is opened;
/// a session's `dataset.pad` is relative to the working directory, as recorded.
fn terugkijken(dir: &Path, weergave: Weergave) -> ExitCode {
    let (keys, display) = match keymap().and_then(|k| Ok((k, display(weergave)?))) {
        Ok(found) => found,
        Err(code) => return code,
    };
    if let Err(e) = std::fs::read_dir(dir) {
        eprintln!(
            "duiden: sessiemap {} kan niet gelezen worden: {e}",
            dir.display()
        );
        return ExitCode::FAILURE;
    }
    let folder = dir.to_path_buf();
    let loader: crate::tui::review::DatasetLoader = std::sync::Arc::new(move |pad, job| {
        let path = recorded_dataset(pad, &folder)?;
        match crate::load::load_dataset_with_progress(&path, &|done, total| job.report(done, total))
        {
            Some(result) => result.map_err(|e| t().load_error(&e)),
            // Cancelled: the result is dropped unseen.
            None => Err(String::new()),
        }
    });
    // The folder is read on a worker while the screen shows its progress.
    let theme = display.theme;
    let (name, build_theme, build_keys) = (dir.display().to_string(), theme.clone(), keys.clone());
    let mut startup = Startup::sessions(dir.to_path_buf(), theme, keys, move |files| {
        let mut app = crate::tui::review::ReviewApp::new(&name, files, build_theme, loader);
        app.keymap = build_keys;
        app
    });
    match crate::tui::run(&mut startup, display.depth) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("duiden: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Where the dataset a session recorded is: its `dataset.pad` relative to the working directory
/// (as recorded), else relative to the project the session folder belongs to (the folder above
/// `sessions/`), so a session opens from anywhere; the sample when nothing was recorded or the
/// sample was recorded and is not at either place.
fn recorded_dataset(pad: &str, session_dir: &Path) -> Result<PathBuf, String> {
    if pad.trim().is_empty() {
        return sample_dir();
    }
    let as_recorded = PathBuf::from(pad);
    if as_recorded.is_dir() || as_recorded.is_absolute() {
        return Ok(as_recorded);
    }
    match session_dir.parent().map(|p| p.join(pad)) {
        Some(beside) if beside.is_dir() => Ok(beside),
        _ if Path::new(pad) == Path::new(SAMPLE_DIR) => sample_dir(),
        _ => Ok(as_recorded),
    }
}

/// Says why on stderr and fails.
fn fail(message: &str) -> ExitCode {
    eprintln!("{message}");
    ExitCode::FAILURE
}

fn open_tui(cli: Cli) -> ExitCode {
    let (keys, display) = match keymap().and_then(|k| Ok((k, display(cli.weergave)?))) {
        Ok(found) => found,
        Err(code) => return code,
    };
    // A session given on the command line is read first: it names its own dataset.
    let open = match &cli.sessie {
        Some(path) => match store::load(path) {
            Ok(s) => Some((path.clone(), s)),
            Err(e) => {
                // Never continue on (and never overwrite) a session file that does not parse.
                eprintln!("{}", t().session_error(&e));
                eprintln!(
                    "duiden: herstel het sessiebestand of start zonder --sessie een nieuwe sessie"
                );
                return ExitCode::FAILURE;
            }
        },
        None => None,
    };
    let found = match (&cli.dataset, &open) {
        (Some(dir), _) => Ok(dir.clone()),
        (None, Some((file, s))) => {
            recorded_dataset(&s.dataset.path, file.parent().unwrap_or(Path::new(".")))
        }
        (None, None) => sample_dir(),
    };
    let path = match found {
        Ok(path) => path,
        Err(message) => return fail(&message),
    };
    // A folder that is not there is said at once, without opening the screen.
    if !path.is_dir()
        && let Err(e) = load_dataset(&path)
    {
        eprintln!("{}", t().load_error(&e));
        eprintln!("duiden: {}", t().dataset_not_opened(&path));
        return ExitCode::FAILURE;
    }
    let theme = display.theme;
    let setup = SessionSetup {
        dir: cli.sessies.clone(),
        // The sample is recorded by its usual name wherever it was found (also the unpacked
        // copy): `recorded_dataset` finds it again from anywhere.
        dataset_pad: if cli.dataset.is_none() && open.is_none() {
            SAMPLE_DIR.to_string()
        } else {
            dataset_pad(&path)
        },
    };
    // The dataset loads on a worker while the screen shows its progress.
    let build_keys = std::sync::Arc::clone(&keys);
    let presenting = cli.presentatie;
    let build_theme = theme.clone();
    let mut startup = Startup::dataset(path.clone(), theme, keys, move |dataset| {
        let mut app = App::with_keymap(dataset, build_theme.kind, build_keys);
        // The line style from the flags or the file, not only the theme's default.
        app.shared.theme = build_theme;
        app.with_sessions(setup, open)
            .with_warnings_noted()
            .presenting(presenting)
    });
    run_screen(&mut startup, display.depth, &path)
}

/// Runs a screen that first loads the dataset at `path`; a dataset that does not load is said
/// on stderr after the terminal is restored.
fn run_screen(
    startup: &mut Startup<App>,
    depth: crate::tui::colours::ColourDepth,
    path: &Path,
) -> ExitCode {
    if let Err(e) = crate::tui::run(startup, depth) {
        eprintln!("duiden: {e:#}");
        return ExitCode::FAILURE;
    }
    match startup.failed.take() {
        Some(e) => {
            eprintln!("{e}");
            eprintln!("duiden: {}", t().dataset_not_opened(path));
            ExitCode::FAILURE
        }
        None => ExitCode::SUCCESS,
    }
}

/// The dataset path as sessions record it: relative to the working directory when possible, so a
/// session file stays valid in another checkout.
fn dataset_pad(path: &Path) -> String {
    let cwd = std::env::current_dir().ok();
    let rel = cwd
        .as_deref()
        .and_then(|c| path.strip_prefix(c).ok())
        .unwrap_or(path);
    rel.display().to_string()
}

fn controleer(path: &Path) -> ExitCode {
    match load_dataset(path) {
        Ok(d) => {
            // Warnings (exit 0): the dataset loads, but these are probably not meant.
            let (list, omitted) = crate::load::warnings::warnings(&d);
            t().warnings(&list, omitted)
                .iter()
                .for_each(|w| eprintln!("{w}"));
            emit(&summary(&d));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", t().load_error(&e));
            let n = e.diagnostics.len() + e.omitted;
            eprintln!("{}", t().error_count(n, path));
            ExitCode::FAILURE
        }
    }
}

/// Human summary of a valid dataset.
pub fn summary(d: &Dataset) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(out, "{} ({})", d.meta.titel, d.path.display());
    let span = d
        .period_span()
        .map(|(a, b)| format!("{} t/m {}", a.dutch_long(), b.dutch_long()))
        .unwrap_or_else(|| "geen perioden".into());
    let _ = writeln!(
        out,
        "{} reeksen, {} waarden, {span}",
        d.series.len(),
        d.observation_count()
    );
    let _ = writeln!(out, "Domeinen:");
    for dom in d.domains() {
        let inds = d.indicators(dom);
        let _ = writeln!(
            out,
            "  {dom}: {} indicatoren ({})",
            inds.len(),
            inds.join(", ")
        );
    }
    let _ = writeln!(out, "Bronnen:");
    for s in &d.meta.bronnen {
        let n = d.series.iter().filter(|x| x.key.bron == s.id).count();
        let synth = if s.synthetisch { " [synthetisch]" } else { "" };
        let _ = writeln!(out, "  {:<28} {:>4} reeksen  {}{synth}", s.id, n, s.naam);
    }
    let _ = writeln!(
        out,
        "Inhoud-hash: {}",
        &d.content_hash[..16.min(d.content_hash.len())]
    );
    out
}

/// Writes command output; a closed pipe (`| head`) just ends the output instead of panicking.
fn emit(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}
