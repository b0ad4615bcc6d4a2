//! The kind column of the comparison tables. A row can hold a kind per source pair; when they do
//! not all fit, the first ones keep their name and the others show only their source's mark
//! ("✖ definitie · ▼"): a name is never cut off inside ("▼ tre"). The detail pane under the
//! table names them all.

use ratatui::layout::{Constraint, Layout, Rect};

/// One kind in a row: the chart mark of the source it is about (empty for a kind of the whole
/// row, such as parts against a total) and its name.
pub(super) struct KindEntry {
    pub mark: String,
    pub name: String,
}

/// The width the last column gets in a bordered table `table_width` wide with `widths`, as the
/// table lays it out (one space between columns, no highlight symbol).
pub(super) fn last_column_width(widths: &[Constraint], table_width: u16) -> usize {
    let inner = Rect::new(0, 0, table_width.saturating_sub(2), 1);
    let columns = Layout::horizontal(widths.iter().copied())
        .spacing(1)
        .split(inner);
    columns.last().map_or(0, |r| r.width as usize)
}

/// The entries joined with " · " in at most `width` characters: as many names whole as fit,
/// from the first, and the rest by their mark alone (a kind of the whole row without a mark as
/// "…"). When not even the marks fit, the marks are given anyway and the table cuts them.
pub(super) fn fit(entries: &[KindEntry], width: usize) -> String {
    let text = |named: usize| {
        let parts: Vec<String> = (entries.iter().enumerate())
            .map(|(i, e)| match (i < named, e.mark.is_empty()) {
                (true, true) => e.name.clone(),
                (true, false) => format!("{} {}", e.mark, e.name),
                (false, true) => "…".to_string(),
                (false, false) => e.mark.clone(),
            })
            .collect();
        parts.join(" · ")
    };
    (0..=entries.len())
        .rev()
        .map(text)
        .find(|t| t.chars().count() <= width)
        .unwrap_or_else(|| text(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(mark: &str, name: &str) -> KindEntry {
        KindEntry {
            mark: mark.into(),
            name: name.into(),
        }
    }

    #[test]
    fn names_stay_whole_or_give_way_to_their_mark() {
        let kinds = [entry("✖", "definitie"), entry("▼", "trendbreuk")];
        assert_eq!(fit(&kinds, 40), "✖ definitie · ▼ trendbreuk");
        assert_eq!(fit(&kinds, 26), "✖ definitie · ▼ trendbreuk");
        assert_eq!(fit(&kinds, 25), "✖ definitie · ▼");
        assert_eq!(fit(&kinds, 10), "✖ · ▼");
        let with_row = [entry("✖", "definitie"), entry("", "delen≠totaal")];
        assert_eq!(fit(&with_row, 20), "✖ definitie · …");
        assert_eq!(fit(&[], 5), "");
    }

    #[test]
    fn the_last_column_gets_what_the_table_leaves() {
        let widths = [
            Constraint::Length(9),
            Constraint::Length(20),
            Constraint::Min(12),
        ];
        // 50 wide: 48 inside the borders, 9 + 1 + 20 + 1 before the last column.
        assert_eq!(last_column_width(&widths, 50), 17);
    }
}
