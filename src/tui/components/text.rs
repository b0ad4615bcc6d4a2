//! Fitting text into a width without losing the part that tells lines apart.

/// `text` in at most `width` characters. When it is longer, the part after the last " · " (the
/// breakdown: wijk, aanbieder, regio) is kept and the part before it is shortened with "…";
/// without such a part the middle is cut, so beginning and end both stay.
pub fn fit_middle(text: &str, width: usize) -> String {
    let len = text.chars().count();
    if len <= width {
        return text.to_string();
    }
    if width <= 1 {
        return "…".chars().take(width).collect();
    }
    if let Some(at) = text.rfind(" · ") {
        let (head, tail) = (&text[..at], &text[at..]);
        let tail_len = tail.chars().count();
        // Keep at least a few letters of the head so the source is still recognisable.
        if tail_len + 4 <= width {
            let keep = width - tail_len - 1;
            let head: String = head.chars().take(keep).collect();
            return format!("{head}…{tail}");
        }
        // A breakdown too long to keep whole ("regio GM0772, wijk Stratum"): its last parts
        // tell it apart most (a wijk lies in one regio), then the last part alone.
        let parts: Vec<&str> = tail[" · ".len()..].split(", ").collect();
        for k in 1..parts.len() {
            let rest = format!(" · {}", parts[k..].join(", "));
            if rest.chars().count() + 4 <= width {
                return fit_middle(&format!("{head}{rest}"), width);
            }
        }
        let last = parts[parts.len() - 1];
        // Then without its label: "Woensel-Noord" names the wijk, "wijk Woe…" does not.
        let value = last.split_once(' ').map_or(last, |(_, v)| v);
        for part in [last, value] {
            let part_len = part.chars().count();
            if part_len < width {
                let head: String = head.chars().take(width - 1 - part_len).collect();
                return format!("{head}…{part}");
            }
        }
    }
    let front = (width - 1).div_ceil(2);
    let back = width - 1 - front;
    let start: String = text.chars().take(front).collect();
    let end: String = text.chars().skip(len - back).collect();
    format!("{start}…{end}")
}

/// `text` over lines of at most `width` characters, broken between words; a word longer than a
/// line is broken inside. Nothing is left out: for text that must be read whole (an event).
pub fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        let used = line.chars().count();
        if used > 0 && used + 1 + word.len() <= width {
            line.push(' ');
            line.extend(&word);
            continue;
        }
        if used > 0 {
            lines.push(std::mem::take(&mut line));
        }
        while word.len() > width {
            lines.push(word.drain(..width).collect());
        }
        line.extend(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_word() {
        let t = "Corona: minder aanmeldingen (voorjaar 2020 ca. 30% lager), herstel.";
        let lines = wrap_words(t, 20);
        assert!(lines.iter().all(|l| l.chars().count() <= 20), "{lines:?}");
        assert_eq!(lines.join(" "), t);
        assert_eq!(wrap_words("kort", 20), vec!["kort"]);
        assert_eq!(wrap_words("abcdefgh ij", 3), vec!["abc", "def", "gh", "ij"]);
        assert_eq!(wrap_words("", 5), vec![""]);
    }

    #[test]
    fn keeps_the_distinguishing_part() {
        let t = "gemeente-registratie · wijk Woensel-Noord";
        assert_eq!(fit_middle(t, 60), t);
        let short = fit_middle(t, 30);
        assert_eq!(short.chars().count(), 30);
        assert!(short.ends_with(" · wijk Woensel-Noord"), "{short}");
        assert!(short.starts_with("gemeen"), "{short}");
        // Without a breakdown the middle goes.
        let m = fit_middle("aanbieders-maandrapportage-jeugd", 15);
        assert_eq!(m, "aanbied…e-jeugd");
        assert_eq!(m.chars().count(), 15);
        assert_eq!(fit_middle("abc", 1), "…");
        // A long breakdown keeps its last parts, then its last part alone.
        let t = "Gemeente: registratie · regio GM0772, wijk Woensel-Noord";
        assert_eq!(fit_middle(t, 30), "Gemeente… · wijk Woensel-Noord");
        assert_eq!(fit_middle(t, 22), "Gem…wijk Woensel-Noord");
        assert_eq!(fit_middle(t, 19), "…wijk Woensel-Noord");
        // Narrower still: the wijk's name without its label, not a cut through it.
        assert_eq!(fit_middle(t, 15), "G…Woensel-Noord");
        assert_eq!(fit_middle(t, 14), "…Woensel-Noord");
        assert_eq!(fit_middle("abc", 0), "");
    }
}
