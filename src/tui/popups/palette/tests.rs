use super::*;
use crate::tui::i18n::{Lang, set_lang};
use crossterm::event::KeyModifiers;
use nucleo_matcher::Utf32Str;
use std::path::Path;

fn sample() -> Dataset {
    crate::load::load_dataset(&Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld"))
        .expect("sample loads")
}

fn palette_with(keys: &Keymap, ctx: Context) -> (Dataset, Palette) {
    set_lang(Lang::Nl);
    let dataset = sample();
    let browser = Browser::new(&dataset);
    let p = Palette::new(keys, ctx, &dataset, &browser);
    (dataset, p)
}

fn palette(ctx: Context) -> (Dataset, Palette) {
    palette_with(&Keymap::default(), ctx)
}

fn type_text(p: &mut Palette, text: &str) {
    for c in text.chars() {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        assert_eq!(p.handle(None, key), PaletteOutcome::Continue);
    }
}

fn command(p: &Palette, action: Action) -> Option<&Entry> {
    p.entries
        .iter()
        .find(|e| e.target == Target::Command(action))
}

fn top(p: &Palette) -> &Entry {
    p.hit_entry(0).expect("something matches")
}

#[test]
fn commands_are_the_bound_actions_of_the_screen_with_their_first_key() {
    let (_, p) = palette(Context::Trend);
    let per = command(&p, Action::PerInhabitants).expect("a trend action");
    assert_eq!((per.kind, per.key.as_str()), (PaletteKind::Command, "%"));
    assert_eq!(per.text, action_help(Action::PerInhabitants));
    assert_eq!(command(&p, Action::ShowCompare).unwrap().key, "2");
    assert_eq!(command(&p, Action::Quit).unwrap().key, "q");
    // Cursor moves, closing, choosing and the palette itself are no commands.
    for a in [Action::Up, Action::Left, Action::Cancel, Action::Activate] {
        assert!(command(&p, a).is_none(), "{a:?}");
    }
    assert!(command(&p, Action::Palette).is_none());
    // Another screen's own actions are not offered.
    assert!(command(&p, Action::CycleReference).is_none());
    let (_, compare) = palette(Context::Compare);
    assert_eq!(command(&compare, Action::CycleReference).unwrap().key, "r");
    assert!(command(&compare, Action::PerInhabitants).is_none());
}

#[test]
fn commands_follow_the_users_keymap() {
    let keys = Keymap::from_toml(
        "duiden.toml",
        "[toetsen.trend]\nbereik = [\"f\", \"v\"]\n[toetsen.algemeen]\nnotulen = []\n",
    )
    .unwrap();
    let (_, p) = palette_with(&keys, Context::Trend);
    assert_eq!(command(&p, Action::ToggleRange).unwrap().key, "f");
    // An action without a key is not offered: it could not run from its key either.
    assert!(command(&p, Action::WriteMinutes).is_none());
}

#[test]
fn every_series_and_indicator_is_listed_once_by_its_names() {
    let (dataset, p) = palette(Context::Trend);
    let of = |kind| p.entries.iter().filter(move |e| e.kind == kind);
    assert_eq!(of(PaletteKind::Series).count(), dataset.series.len());
    let mut indicators: Vec<(&str, &str)> = (dataset.series.iter())
        .map(|s| (s.key.domein.as_str(), s.key.indicator.as_str()))
        .collect();
    indicators.sort();
    indicators.dedup();
    assert_eq!(of(PaletteKind::Indicator).count(), indicators.len());
    // Display names, with the breakdown where it tells series of one indicator apart.
    let texts: Vec<&str> = of(PaletteKind::Series).map(|e| e.text.as_str()).collect();
    assert!(
        texts.contains(&"jeugd · Jongeren met jeugdhulp (%) · bbv-begroting-2020 · regio NL01")
    );
    assert!(texts.contains(&"jeugd · Jeugdigen in zorg · cbs-beleidsinformatie"));
    assert!(
        of(PaletteKind::Indicator).any(|e| e.text == "jeugd · Jeugdigen in zorg · alle bronnen")
    );
}

#[test]
fn an_empty_query_lists_the_screens_own_commands_first() {
    let (_, p) = palette(Context::Trend);
    assert_eq!(p.hits.len(), p.entries.len());
    let keys = Keymap::default();
    let own: Vec<Target> = (keys.table(Context::Trend).into_iter())
        .filter(|(a, _)| offered(*a))
        .map(|(a, _)| Target::Command(a))
        .collect();
    let first: Vec<Target> = (0..own.len())
        .map(|i| p.hit_entry(i).unwrap().target.clone())
        .collect();
    assert_eq!(first, own);
    assert_eq!(p.hit_entry(own.len()).unwrap().kind, PaletteKind::Command);
}

#[test]
fn perinw_finds_per_inwoners_and_marks_the_matched_characters() {
    let (_, mut p) = palette(Context::Trend);
    type_text(&mut p, "perinw");
    assert_eq!(top(&p).target, Target::Command(Action::PerInhabitants));
    let text: Vec<char> = top(&p).text.chars().collect();
    let marked: String = (p.hits[0].indices.iter().flatten())
        .map(|&i| text[i as usize])
        .collect();
    assert_eq!(marked, "perinw");
    // "per 10.000 inwoners" indicators match too, below.
    assert!(
        (p.hits.iter().skip(1)).any(|h| p.entries[h.entry].text.contains("per 10.000 inwoners"))
    );
}

#[test]
fn a_sloppy_query_finds_the_series() {
    let (dataset, mut p) = palette(Context::Trend);
    // Letters left out, words in another order, no capitals or diaeresis.
    type_text(&mut p, "wijktm jgdhlp");
    // The indicator, then its one series (equal scores keep the tree's order).
    assert_eq!(
        top(&p).text,
        "jeugd · Jongeren met jeugdhulp via wijkteam · alle bronnen"
    );
    let Some(Target::Node(Node::Series { series })) = p.hit_entry(1).map(|e| e.target.clone())
    else {
        panic!("a series second: {:?}", p.hit_entry(1));
    };
    assert_eq!(dataset.series[series].key.indicator, "jongeren_wijkteam");
    let (_, mut p) = palette(Context::Trend);
    type_text(&mut p, "clienten maatwrk cbs");
    assert_eq!(
        top(&p).text,
        "wmo · Cliënten met Wmo-maatwerkvoorziening · cbs-beleidsinformatie"
    );
    let (_, mut p) = palette(Context::Trend);
    type_text(&mut p, "instroom bijstand alle");
    assert_eq!(top(&p).kind, PaletteKind::Indicator);
    assert_eq!(
        top(&p).text,
        "participatie · Instroom bijstand · alle bronnen"
    );
}

#[test]
fn keys_move_edit_choose_and_cancel() {
    let (_, mut p) = palette(Context::Trend);
    type_text(&mut p, "tabblad");
    let n = p.hits.len();
    assert!(n >= 4, "the four tab commands");
    p.handle(Some(Action::Down), KeyEvent::from(KeyCode::Down));
    assert_eq!(p.view.selected, 1);
    let second = p.hit_entry(1).unwrap().target.clone();
    assert_eq!(
        p.handle(Some(Action::Activate), KeyEvent::from(KeyCode::Enter)),
        PaletteOutcome::Choose(second)
    );
    // Backspace widens the search again and starts at the top.
    p.handle(None, KeyEvent::from(KeyCode::Backspace));
    assert_eq!(p.query(), "tabbla");
    assert_eq!(p.view.selected, 0);
    // Enter keys that are no action (Shift-Enter) do not make the query two lines.
    p.handle(None, KeyEvent::new(KeyCode::Enter, KeyModifiers::SHIFT));
    assert_eq!(p.query(), "tabbla");
    type_text(&mut p, "xqxq");
    assert!(p.hits.is_empty());
    assert_eq!(
        p.handle(Some(Action::Activate), KeyEvent::from(KeyCode::Enter)),
        PaletteOutcome::Continue
    );
    assert_eq!(
        p.handle(Some(Action::Cancel), KeyEvent::from(KeyCode::Esc)),
        PaletteOutcome::Cancel
    );
}

#[test]
fn english_kinds_and_indicator_rows() {
    set_lang(Lang::En);
    let dataset = sample();
    let p = Palette::new(
        &Keymap::default(),
        Context::Trend,
        &dataset,
        &Browser::new(&dataset),
    );
    assert_eq!(t().palette_kind(p.entries[0].kind), "command");
    assert!(
        p.entries
            .iter()
            .any(|e| e.text == "jeugd · Jeugdigen in zorg · all sources")
    );
    assert_eq!(
        command(&p, Action::ShowCompare).unwrap().text,
        "Compare tab"
    );
    set_lang(Lang::Nl);
}

#[test]
fn long_names_keep_their_end_and_commands_their_start() {
    assert_eq!(visible(3, 5, true), [Some(0), Some(1), Some(2)]);
    assert_eq!(
        visible(10, 5, true),
        [Some(0), Some(1), None, Some(8), Some(9)]
    );
    assert_eq!(
        visible(10, 5, false),
        [Some(0), Some(1), Some(2), Some(3), None]
    );
    assert!(visible(10, 0, true).is_empty());
}

#[test]
fn matched_characters_are_found_for_the_rows_on_screen() {
    let (_, mut p) = palette(Context::Trend);
    type_text(&mut p, "e");
    let n = p.hits.len();
    assert!(n > MARKED_FIRST + 30, "{n} hits");
    assert!(p.hits[..MARKED_FIRST].iter().all(|h| h.indices.is_some()));
    assert!(p.hits[MARKED_FIRST].indices.is_none());
    p.handle(Some(Action::End), KeyEvent::from(KeyCode::End));
    p.settle(Rect::new(0, 0, 80, 24));
    assert_eq!(p.view.selected, n - 1);
    let last = p.hits[n - 1].indices.as_ref().expect("marked once shown");
    assert_eq!(last.len(), 1);
    assert!(
        p.hits[MARKED_FIRST].indices.is_none(),
        "not shown, not marked"
    );
}

#[test]
fn typing_on_narrows_to_what_a_fresh_search_finds() {
    let (_, mut p) = palette(Context::Trend);
    let all = |p: &mut Palette, query: &str| -> Vec<usize> {
        let pattern = Pattern::new(
            query,
            CaseMatching::Ignore,
            Normalization::Smart,
            AtomKind::Fuzzy,
        );
        let mut buf = Vec::new();
        let mut found: Vec<(u32, usize)> = (p.entries.iter().enumerate())
            .filter_map(|(i, e)| {
                let score = pattern.score(Utf32Str::new(&e.text, &mut buf), &mut p.matcher)?;
                Some((score, i))
            })
            .collect();
        found.sort_by_key(|&(s, i)| (std::cmp::Reverse(s), i));
        found.into_iter().map(|(_, i)| i).collect()
    };
    for (typed, query) in [("jgd", "jgd"), (" cbs 2", "jgd cbs 2"), ("0", "jgd cbs 20")] {
        type_text(&mut p, typed);
        assert_eq!(p.query(), query);
        let hits: Vec<usize> = p.hits.iter().map(|h| h.entry).collect();
        assert!(!hits.is_empty(), "{query}");
        assert_eq!(hits, all(&mut p, query), "{query}");
    }
    // Backspace widens again.
    p.handle(None, KeyEvent::from(KeyCode::Backspace));
    let hits: Vec<usize> = p.hits.iter().map(|h| h.entry).collect();
    assert_eq!(hits, all(&mut p, "jgd cbs 2"));
}
