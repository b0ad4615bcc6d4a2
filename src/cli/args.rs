//! The command line in the user's language: help, usage and errors in Dutch or English. The
//! language is settled before parsing (`--taal` in the raw arguments, else the locale); the
//! derive's command then gets that language's texts, and clap's errors are said in our words.

use super::Cli;
use super::words::{Problem, Words, about_en, arg_en, did_you_mean, error_head, value_en, words};
use crate::tui::i18n::Lang;
use clap::builder::{PossibleValue, StyledStr};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};
use std::ffi::OsString;
use std::process::ExitCode;

/// The arguments as a [`Cli`], or the exit code after saying why not: help and version on
/// stdout with 0, errors on stderr with 2.
pub fn parse(args: Vec<OsString>) -> Result<Cli, ExitCode> {
    let lang = lang_in(&args).unwrap_or_else(Lang::from_env);
    let mut cmd = command(lang);
    let args = taal_after_command(args, &cmd);
    cmd.try_get_matches_from_mut(args)
        .and_then(|m| Cli::from_arg_matches(&m))
        .map_err(|e| report(&e, lang))
}

/// `duiden --taal en controleer X` is `duiden controleer --taal en X`: the language may be named
/// before the command too (the main command's own options may not, since `duiden DATASET` and
/// `duiden COMMAND` exclude each other).
fn taal_after_command(mut args: Vec<OsString>, cmd: &Command) -> Vec<OsString> {
    let names: Vec<&str> = cmd.get_subcommands().map(|c| c.get_name()).collect();
    let text = |a: &OsString| a.to_str().unwrap_or("").to_string();
    let Some(at) = args.iter().position(|a| names.contains(&text(a).as_str())) else {
        return args;
    };
    let is_taal = |a: &OsString| text(a) == "--taal" || text(a).starts_with("--taal=");
    let Some(i) = args[..at].iter().position(is_taal) else {
        return args;
    };
    let n = if text(&args[i]) == "--taal" { 2 } else { 1 };
    if i + n > at {
        // No value before the command: clap says so.
        return args;
    }
    let moved: Vec<OsString> = args.drain(i..i + n).collect();
    let at = at - n;
    args.splice(at + 1..at + 1, moved);
    args
}

/// `--taal X` or `--taal=X` in the raw arguments (before a `--`), when X is a language.
pub fn lang_in(args: &[OsString]) -> Option<Lang> {
    let args: Vec<&str> = args.iter().map(|a| a.to_str().unwrap_or("")).collect();
    let end = args.iter().position(|a| *a == "--").unwrap_or(args.len());
    args[..end].iter().enumerate().find_map(|(i, a)| {
        let value = match a.strip_prefix("--taal") {
            Some("") => args.get(i + 1).copied()?,
            Some(rest) => rest.strip_prefix('=')?,
            None => return None,
        };
        Lang::parse(value)
    })
}

/// The whole command line in `lang`: every command's about, arguments, headings, usage and the
/// help and version flags.
pub fn command(lang: Lang) -> Command {
    let mut cmd = localize(Cli::command(), lang);
    // The usage lines clap writes name "[OPTIONS]" and "[COMMAND]": say them in the language.
    let mut built = cmd.clone();
    built.build();
    let w = words(lang);
    cmd = cmd.override_usage(usage_of(&mut built, w));
    for sub in built
        .get_subcommands_mut()
        .filter(|s| s.get_name() != "help")
    {
        let usage = usage_of(sub, w);
        cmd = cmd.mut_subcommand(sub.get_name(), |s| s.override_usage(usage));
    }
    // clap adds its `help` command while building; only its texts change afterwards.
    cmd.build();
    let template = template(&cmd, w);
    cmd.mut_subcommand("help", |s| {
        s.about(w.help_command)
            .help_template(template)
            .subcommand_help_heading(w.commands)
            .subcommand_value_name(w.command_value)
    })
}

fn usage_of(cmd: &mut Command, w: &Words) -> StyledStr {
    let usage = cmd.render_usage().ansi().to_string();
    let usage = usage
        .split_once("Usage:")
        .map_or(usage.as_str(), |(_, u)| u);
    // Drop the style reset that followed the heading.
    let usage = usage.trim_start_matches("\u{1b}[0m").trim_start();
    StyledStr::from(usage.replace("[OPTIONS]", w.options_value))
}

/// clap's default help layout with the usage heading in the language.
fn template(cmd: &Command, w: &Words) -> StyledStr {
    let style = cmd.get_styles().get_usage();
    StyledStr::from(format!(
        "{{before-help}}{{about-with-newline}}\n{}{}:{} {{usage}}\n\n{{all-args}}{{after-help}}",
        style.render(),
        w.usage,
        style.render_reset()
    ))
}

/// One command and its subcommands in `lang`.
fn localize(mut cmd: Command, lang: Lang) -> Command {
    let name = cmd.get_name().to_string();
    let w = words(lang);
    if lang == Lang::En
        && let Some((about, long)) = about_en(&name)
    {
        cmd = cmd.about(about).long_about(long);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in &ids {
        cmd = cmd.mut_arg(id, |a| localize_arg(a, &name, lang));
    }
    let long =
        cmd.get_long_about().is_some() || cmd.get_arguments().any(|a| a.get_long_help().is_some());
    let (help, long_help) = if long {
        (w.help_more, Some(w.help_summary))
    } else {
        (w.help, None)
    };
    cmd = cmd.disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(help)
            .long_help(long_help)
            .help_heading(w.options),
    );
    if cmd.get_version().is_some() {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(w.version)
                .help_heading(w.options),
        );
    }
    let template = template(&cmd, w);
    cmd = cmd
        .help_template(template)
        .subcommand_help_heading(w.commands)
        .subcommand_value_name(w.command_value);
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(&sub, |s| localize(s, lang));
    }
    cmd
}

/// An argument's help, value name and heading in `lang`; its default and possible values are
/// written into the help in the language (clap would write them in English).
fn localize_arg(arg: Arg, command: &str, lang: Lang) -> Arg {
    let w = words(lang);
    let id = arg.get_id().to_string();
    let english = arg_en(command, &id);
    let (help, arg) = match (lang, english) {
        (Lang::En, Some((help, value_name))) => {
            let arg = match value_name {
                Some(v) => arg.value_name(v),
                None => arg,
            };
            (help.to_string(), arg)
        }
        _ => (
            arg.get_help().map(|h| h.to_string()).unwrap_or_default(),
            arg,
        ),
    };
    let heading = if arg.is_positional() {
        w.arguments
    } else {
        w.options
    };
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let takes_values = arg.get_action().takes_values();
    let values: Vec<PossibleValue> = if takes_values {
        arg.get_possible_values()
    } else {
        Vec::new()
    };
    let default =
        (!defaults.is_empty()).then(|| format!("[{}: {}]", w.default, defaults.join(", ")));
    let described = values.iter().any(|v| v.get_help().is_some());
    let mut short = vec![help.clone()];
    short.extend(default.clone());
    if !values.is_empty() {
        let names: Vec<&str> = values.iter().map(PossibleValue::get_name).collect();
        short.push(format!("[{}: {}]", w.possible_values, names.join(", ")));
    }
    // Values with their own help are listed one per line in the long help, as clap does.
    let long = described.then(|| {
        let width = values.iter().map(|v| v.get_name().len()).max().unwrap_or(0) + 1;
        let mut text = format!("{help}\n\n{}:", w.possible_values_heading);
        for v in &values {
            let what = match lang {
                Lang::En => value_en(command, &id, v.get_name()).map(str::to_string),
                Lang::Nl => v.get_help().map(|h| h.to_string()),
            };
            let name = format!("{}:", v.get_name());
            text.push_str(&format!("\n- {name:<width$} {}", what.unwrap_or_default()));
        }
        if let Some(d) = &default {
            text.push_str(&format!("\n\n{d}"));
        }
        text
    });
    let arg = match long {
        Some(long) => arg.long_help(long),
        None => arg,
    };
    let arg = arg.help(short.join(" ")).help_heading(heading);
    // A flag has no values to hide (clap refuses the setting on one).
    if takes_values {
        arg.hide_default_value(true).hide_possible_values(true)
    } else {
        arg
    }
}

/// Says a parse outcome: help and version as clap writes them (stdout, 0), errors in the
/// language (stderr, 2).
fn report(e: &clap::Error, lang: Lang) -> ExitCode {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            ExitCode::SUCCESS
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            ExitCode::from(2)
        }
        _ => {
            eprint!("{}", error_text(e, lang));
            ExitCode::from(2)
        }
    }
}

/// A clap error in our words: what is wrong, a suggestion or the possible values, the usage.
pub fn error_text(e: &clap::Error, lang: Lang) -> String {
    let w = words(lang);
    let get = |k: ContextKind| context(e, k).map(|v| v.join(", "));
    let problem = Problem {
        arg: get(ContextKind::InvalidArg).unwrap_or_default(),
        value: get(ContextKind::InvalidValue).unwrap_or_default(),
        command: get(ContextKind::InvalidSubcommand).unwrap_or_default(),
        prior: context(e, ContextKind::PriorArg)
            .unwrap_or_default()
            .iter()
            .map(|a| format!("'{a}'"))
            .collect::<Vec<_>>()
            .join(", "),
    };
    let mut out = format!("{}: {}\n", w.error, error_head(lang, e.kind(), &problem));
    let suggestion = [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .find_map(get);
    if let Some(s) = suggestion {
        out.push_str(&format!("\n  {}: {}\n", w.tip, did_you_mean(lang, &s)));
    }
    if let Some(valid) = get(ContextKind::ValidValue) {
        out.push_str(&format!("  {}: {valid}\n", w.possible_values));
    }
    if let Some(usage) = get(ContextKind::Usage) {
        let usage = usage
            .split_once("Usage:")
            .map_or(usage.as_str(), |(_, u)| u);
        out.push_str(&format!("\n{}: {}\n", w.usage, usage.trim()));
    }
    out.push_str(&format!("\n{}\n", w.more_info));
    out
}

/// A context value of an error as plain texts (one, or the items of a list).
fn context(e: &clap::Error, kind: ContextKind) -> Option<Vec<String>> {
    let texts = match e.get(kind)? {
        ContextValue::String(s) => vec![s.clone()],
        ContextValue::Strings(v) => v.clone(),
        ContextValue::StyledStr(s) => vec![s.to_string()],
        ContextValue::StyledStrs(v) => v.iter().map(ToString::to_string).collect(),
        ContextValue::Number(n) => vec![n.to_string()],
        _ => return None,
    };
    (!texts.is_empty()).then_some(texts)
}

#[cfg(test)]
mod tests;
