use super::grid::{Cell, column_index, column_name, serial_date};
use super::values::{NumberFormat, figure_of, number_of_text, period_of};
use crate::import::{Figure, Missing};
use crate::model::Period;

fn text(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

#[test]
fn header_cells_become_periods() {
    let m = Period::month;
    let cases = [
        (text("jan-23"), m(2023, 1)),
        (text("Feb-23"), m(2023, 2)),
        (text("mrt 2023"), m(2023, 3)),
        (text("maart 2023"), m(2023, 3)),
        (text("May-23"), m(2023, 5)),
        (text("okt '23"), m(2023, 10)),
        (text("Oct-2023"), m(2023, 10)),
        (text("2023-07"), m(2023, 7)),
        (text("2023MM08"), m(2023, 8)),
        (text("2023-09-30"), m(2023, 9)),
        (text("31-12-2023"), m(2023, 12)),
        (text("44927"), m(2023, 1)),
        (Cell::Number(45292.0), m(2024, 1)),
        (Cell::Date(2023, 2, 1), m(2023, 2)),
        (text("K2 2023"), Period::quarter(2023, 2)),
        (text("2023 1e halfjaar"), Period::half(2023, 1)),
        (text("3e kwartaal 2023"), Period::quarter(2023, 3)),
        (Cell::Number(2022.0), Period::year(2022)),
    ];
    for (cell, want) in cases {
        assert_eq!(period_of(&cell), Some((want, false)), "{cell:?}");
    }
    assert_eq!(period_of(&text("jun-23*")), Some((m(2023, 6), true)));
    for not in [
        text("Totaal"),
        text("Indicator"),
        Cell::Number(44.0),
        text("jan"),
        Cell::Empty,
        text("13-2023"),
    ] {
        assert_eq!(period_of(&not), None, "{not:?}");
    }
}

#[test]
fn date_serials_follow_excel() {
    assert_eq!(serial_date(44927.0), Some((2023, 1, 1)));
    assert_eq!(serial_date(45000.5), Some((2023, 3, 15)));
    assert_eq!(serial_date(400.0), None);
}

#[test]
fn dutch_and_english_number_text() {
    let nl = NumberFormat::Nl;
    assert_eq!(number_of_text("1.234,5", nl), Ok(1234.5));
    assert_eq!(number_of_text("1.234", nl), Ok(1234.0));
    assert_eq!(number_of_text("-12,75", nl), Ok(-12.75));
    assert_eq!(number_of_text("€ 1.234.567,89", nl), Ok(1_234_567.89));
    assert_eq!(number_of_text("12,5%", nl), Ok(12.5));
    assert_eq!(number_of_text("1\u{a0}234", nl), Ok(1234.0));
    for bad in ["1.23", "1,2,3", "12a", "", "1.234.5", ",5.", "--1"] {
        let e = number_of_text(bad, nl).unwrap_err();
        assert!(
            e.starts_with("verwacht een getal in Nederlandse notatie"),
            "{bad}: {e}"
        );
    }
    assert_eq!(number_of_text("1,234.5", NumberFormat::En), Ok(1234.5));
    assert!(number_of_text("1.234,5", NumberFormat::En).is_err());
    assert_eq!(number_of_text("12,5", NumberFormat::Auto), Ok(12.5));
}

#[test]
fn value_cells_become_figures_or_say_why_not() {
    let nl = NumberFormat::Nl;
    assert_eq!(
        figure_of(&Cell::Number(3.0), nl),
        Ok(Some(Figure::Value(3.0)))
    );
    assert_eq!(figure_of(&Cell::Empty, nl), Ok(None));
    assert_eq!(figure_of(&text("  "), nl), Ok(None));
    assert_eq!(
        figure_of(&text("x"), nl),
        Ok(Some(Figure::Missing(Missing::Confidential)))
    );
    assert_eq!(
        figure_of(&text("."), nl),
        Ok(Some(Figure::Missing(Missing::Unknown)))
    );
    assert!(matches!(
        figure_of(&text("-"), nl),
        Ok(Some(Figure::Missing(Missing::Other(_))))
    ));
    assert!(matches!(
        figure_of(&Cell::Error("#DIV/0!".into()), nl),
        Ok(Some(Figure::Missing(Missing::Other(w)))) if w.contains("#DIV/0!")
    ));
    assert!(
        figure_of(&Cell::Date(2023, 1, 1), nl)
            .unwrap_err()
            .contains("datum")
    );
    assert!(figure_of(&Cell::Number(f64::NAN), nl).is_err());
}

#[test]
fn column_names_round_trip() {
    for (i, name) in [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA")] {
        assert_eq!(column_name(i), name);
        assert_eq!(column_index(name), Some(i));
    }
    assert_eq!(column_index("b"), Some(1));
    assert_eq!(column_index("Periode"), None);
    assert_eq!(column_index("A1"), None);
}
