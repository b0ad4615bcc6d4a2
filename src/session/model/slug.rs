//! File-name-safe titles.

/// Longest slug [`slug`] returns.
pub(super) const SLUG_MAX: usize = 50;

/// A file-name-safe form of a title: ASCII, lowercase, words joined by dashes, at most 50
/// characters, never empty ("sessie").
/// "Duiden van data: jeugd & Wmo!" → "duiden-van-data-jeugd-wmo".
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in title.chars().flat_map(fold_to_ascii) {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    if out.len() > SLUG_MAX {
        // Cut at a word boundary when one is reasonably close.
        let cut = match out[..=SLUG_MAX].rfind('-') {
            Some(i) if i >= SLUG_MAX / 2 => i,
            _ => SLUG_MAX,
        };
        out.truncate(cut);
        while out.ends_with('-') {
            out.pop();
        }
    }
    if out.is_empty() {
        "sessie".to_string()
    } else {
        out
    }
}

/// Latin letters with diacritics to their base letters; other characters unchanged.
fn fold_to_ascii(c: char) -> impl Iterator<Item = char> {
    let s: &'static str = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'Ç' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ĳ' | 'Ĳ' => "ij",
        'ñ' | 'Ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => "o",
        'œ' | 'Œ' => "oe",
        'ß' => "ss",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        _ => "",
    };
    let (one, many) = if s.is_empty() {
        (Some(c), None)
    } else {
        (None, Some(s.chars()))
    };
    one.into_iter().chain(many.into_iter().flatten())
}
