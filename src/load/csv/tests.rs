//! The parser on its own: record positions, unclosed quotes, and generated bad input that must
//! never panic and must always point at a line of the file.

use super::*;
use crate::load::diagnostic::decode_utf8;
use proptest::prelude::*;

const SAMPLE: &str = include_str!("../../../datasets/voorbeeld/reeksen.csv");

fn path() -> &'static Path {
    Path::new("reeksen.csv")
}

/// Rows and diagnostics of `bytes` read as `reeksen.csv` (decoding included).
fn parse(bytes: Vec<u8>) -> (Vec<Row>, Vec<Diagnostic>) {
    let mut diags = Diagnostics::default();
    let rows = match decode_utf8(path(), bytes) {
        Ok(text) => parse_rows(path(), &text, &mut diags),
        Err(d) => {
            diags.push(d);
            Vec::new()
        }
    };
    let diagnostics = diags
        .into_result(())
        .err()
        .map_or(Vec::new(), |e| e.diagnostics);
    (rows, diagnostics)
}

/// Number of lines an editor shows for these bytes (at least 1). A UTF-8 file with CR line
/// ends only is an old Mac file: its lines end at CR, as the loader reads it.
fn physical_lines(bytes: &[u8]) -> usize {
    let cr_only =
        std::str::from_utf8(bytes).is_ok() && bytes.contains(&b'\r') && !bytes.contains(&b'\n');
    let end = if cr_only { b'\r' } else { b'\n' };
    let ends = bytes.iter().filter(|&&b| b == end).count();
    (ends + usize::from(bytes.last() != Some(&end))).max(1)
}

/// Every diagnostic and every row must point at a line of the file and a column ≥ 1.
fn check_positions(bytes: Vec<u8>) -> Result<(), TestCaseError> {
    let lines = physical_lines(&bytes);
    let len = bytes.len();
    let (rows, diagnostics) = parse(bytes);
    for d in &diagnostics {
        prop_assert!((1..=lines).contains(&d.line), "{d} outside 1..={lines}");
        prop_assert!(
            (1..=len + 2).contains(&d.column),
            "{d}: column out of range"
        );
        prop_assert!(!d.message.is_empty());
    }
    for r in &rows {
        prop_assert!(
            (2..=lines).contains(&r.obs.line),
            "row on line {}",
            r.obs.line
        );
    }
    Ok(())
}

#[test]
fn record_start_skips_blank_lines_and_crlf() {
    let text = "a,b\r\n\r\n\nc,d\n";
    let mut reader = ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut record = StringRecord::new();
    assert!(reader.read_record(&mut record).unwrap());
    assert_eq!(
        record_start(text.as_bytes(), record.position().unwrap()),
        (1, 0)
    );
    assert!(reader.read_record(&mut record).unwrap());
    let (line, byte) = record_start(text.as_bytes(), record.position().unwrap());
    assert_eq!((line, &text[byte..byte + 3]), (4, "c,d"));
}

#[test]
fn unclosed_quote_follows_csv_quoting() {
    assert_eq!(unclosed_quote(b"a,\"b\"\n", b','), None);
    // A doubled quote inside a quoted field is text, not the end.
    assert_eq!(unclosed_quote(b"a,\"b\"\"c\"\n", b','), None);
    assert_eq!(unclosed_quote(b"a,\"b\"\"\n", b','), Some((0, 2)));
    // A quote inside an unquoted field is text.
    assert_eq!(unclosed_quote(b"a,b\"c,d\n", b','), None);
    // Newlines inside the quoted field are counted; the field number is where the quote opens.
    assert_eq!(unclosed_quote(b"a;b;\"x\ny\";\"z\nw\n", b';'), Some((1, 4)));
    // Only the detected separator starts a field: with `;` the quote is inside the first field.
    assert_eq!(unclosed_quote(b"a,b,\"z", b';'), None);
    assert_eq!(unclosed_quote(b"a,b;\"z", b';'), Some((0, 2)));
}

#[test]
fn unclosed_quote_in_the_header_is_located() {
    let (rows, diags) = parse(b"periode,\"domein,indicator\nx\n".to_vec());
    assert!(rows.is_empty());
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!((diags[0].line, diags[0].column), (1, 2));
}

#[test]
fn unclosed_quote_after_a_bad_row_reports_both() {
    let text = "periode,domein,indicator,bron,waarde,opmerking\n\
                2021-01,jeugd,instroom,gemeente-registratie,elf,\n\
                \n\
                2021-02,jeugd,instroom,gemeente-registratie,11,\"open\n\
                2021-03,jeugd,instroom,gemeente-registratie,12,\n";
    let (_, diags) = parse(text.as_bytes().to_vec());
    let places: Vec<_> = diags.iter().map(|d| (d.line, d.column)).collect();
    assert_eq!(places, [(2, 5), (4, 6)], "{diags:?}");
    assert!(diags[1].message.contains("niet gesloten"), "{}", diags[1]);
}

#[test]
fn rows_of_empty_cells_are_skipped_like_blank_lines() {
    let text = "periode;domein;indicator;bron;waarde\n;;;;\n  \n2021;jeugd;instroom;cbs;1,5\n";
    let (rows, diags) = parse(text.as_bytes().to_vec());
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(rows.len(), 1);
    assert_eq!((rows[0].obs.line, rows[0].obs.value), (4, Some(1.5)));
}

#[test]
fn header_problems_are_all_reported() {
    let (_, diags) = parse(b"periode,domein,periode,indicator,,bron,waarde\n".to_vec());
    let places: Vec<_> = diags.iter().map(|d| (d.line, d.column)).collect();
    assert_eq!(places, [(1, 3), (1, 5)], "{diags:?}");
    assert!(diags[0].message.contains("'periode' staat twee keer"));
    assert!(
        diags[1]
            .message
            .contains("kolom 5 in de kopregel heeft geen naam")
    );
}

#[test]
fn ragged_rows_are_each_reported_and_the_rest_still_checked() {
    let text = "periode,domein,indicator,bron,waarde\n\
                2021,jeugd,instroom\n\
                2022,jeugd,instroom,cbs,tien\n\
                2023,jeugd,instroom,cbs,1,2\n";
    let (_, diags) = parse(text.as_bytes().to_vec());
    let places: Vec<_> = diags.iter().map(|d| (d.line, d.column)).collect();
    assert_eq!(places, [(2, 1), (3, 5), (4, 1)], "{diags:?}");
}

#[test]
fn sample_parses_with_a_line_per_row() {
    let (rows, diags) = parse(SAMPLE.as_bytes().to_vec());
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(rows.len(), SAMPLE.lines().count() - 1);
    assert!(rows.iter().zip(2..).all(|(r, line)| r.obs.line == line));
}

/// A generated `reeksen.csv` with multi-line quoted notes, blank lines and a chosen line ending:
/// the text, the line of each record, and the line of the record with the bad value.
fn generated(
    notes: &[(u8, usize)],
    blanks: &[usize],
    crlf: bool,
    semicolon: bool,
    bad: usize,
) -> (String, Vec<usize>, usize) {
    let eol = if crlf { "\r\n" } else { "\n" };
    let sep = if semicolon { ";" } else { "," };
    let mut text = [
        "periode",
        "domein",
        "indicator",
        "bron",
        "waarde",
        "opmerking",
    ]
    .join(sep);
    text.push_str(eol);
    let mut line = 2;
    let (mut good, mut bad_line) = (Vec::new(), 0);
    for (i, (&(kind, newlines), &blank)) in notes.iter().zip(blanks).enumerate() {
        for _ in 0..blank {
            text.push_str(eol);
            line += 1;
        }
        let note = match kind % 3 {
            0 => String::new(),
            1 => "plain note".to_string(),
            _ => format!("\"say \"\"hi\"\"{sep} then{}end\"", eol.repeat(newlines)),
        };
        let value = if i == bad { "fout" } else { "12" };
        let fields = [
            &format!("{}", 1900 + i),
            "jeugd",
            "instroom",
            "cbs",
            value,
            &note,
        ];
        text.push_str(&fields.join(sep));
        text.push_str(eol);
        if i == bad {
            bad_line = line;
        } else {
            good.push(line);
        }
        line += 1 + if kind % 3 == 2 { newlines } else { 0 };
    }
    (text, good, bad_line)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn lines_are_physical_lines_with_quoted_newlines(
        notes in prop::collection::vec((any::<u8>(), 0usize..4), 1..25),
        blanks in prop::collection::vec(prop::sample::select(vec![0usize, 0, 0, 1, 2]), 25),
        crlf in any::<bool>(),
        semicolon in any::<bool>(),
        bad in any::<prop::sample::Index>(),
    ) {
        let bad = bad.index(notes.len());
        let (text, good, bad_line) = generated(&notes, &blanks, crlf, semicolon, bad);
        let (rows, diags) = parse(text.into_bytes());
        prop_assert_eq!(diags.len(), 1, "{:?}", diags);
        prop_assert_eq!((diags[0].line, diags[0].column), (bad_line, 5));
        prop_assert!(diags[0].message.contains("'fout'"));
        let lines: Vec<usize> = rows.iter().map(|r| r.obs.line).collect();
        prop_assert_eq!(lines, good);
        for r in rows.iter().filter(|r| r.obs.note.as_deref().is_some_and(|n| n.starts_with("say"))) {
            let note = r.obs.note.as_deref().unwrap_or_default();
            prop_assert!(note.starts_with("say \"hi\"") && note.ends_with("end"), "{}", note);
        }
    }

    #[test]
    fn random_bytes_never_panic_and_point_into_the_file(
        with_header in any::<bool>(),
        body in prop::collection::vec(
            prop_oneof![
                any::<u8>(),
                prop::sample::select(b"\"\",,;;\n\n\r.x0123456789-KW*abc ".to_vec()),
            ],
            0..400,
        ),
    ) {
        let mut bytes = Vec::new();
        if with_header {
            bytes.extend_from_slice(b"periode,domein,indicator,bron,waarde,status,opmerking\n");
        }
        bytes.extend_from_slice(&body);
        check_positions(bytes)?;
    }

    #[test]
    fn mutated_sample_never_panics_and_points_into_the_file(
        edits in prop::collection::vec(
            (
                any::<prop::sample::Index>(),
                0u8..3,
                prop::sample::select(b"\"\",;\n\r.x09\xC3\xFF ".to_vec()),
            ),
            1..12,
        ),
    ) {
        let head: String = SAMPLE.lines().take(40).flat_map(|l| [l, "\n"]).collect();
        let mut bytes = head.into_bytes();
        for (at, kind, b) in edits {
            let i = at.index(bytes.len());
            match kind {
                0 => bytes.insert(i, b),
                1 => bytes[i] = b,
                _ => {
                    bytes.remove(i);
                }
            }
        }
        check_positions(bytes)?;
    }
}
