//! The progress of `duiden afleiden` on stderr: redrawn in place on a terminal (at most ten
//! times a second), a few plain lines otherwise so logs are not flooded.

use crate::derive::Progress;
use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

pub struct Meter {
    started: Instant,
    drawn: Option<Instant>,
    terminal: bool,
    /// Plain output: the next quarter to report.
    next_quarter: usize,
    /// "regels" (CSV lines) or "rijen" (Parquet rows).
    word: &'static str,
}

/// `1234567` as `1.234.567`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

fn seconds(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s < 10.0 {
        format!("{s:.1} s").replace('.', ",")
    } else if s < 120.0 {
        format!("{s:.0} s")
    } else {
        format!("{:.0} min", s / 60.0)
    }
}

impl Meter {
    pub fn new(word: &'static str) -> Self {
        Meter {
            started: Instant::now(),
            drawn: None,
            terminal: std::io::stderr().is_terminal(),
            next_quarter: 1,
            word,
        }
    }

    /// The line for `p`: rows, share of the estimated total and the time left.
    fn line(&self, p: Progress) -> String {
        let mut line = format!("{} gelezen: {}", self.word, thousands(p.rows));
        if let Some(total) = p.total.filter(|&t| t > 0 && p.rows > 0 && p.rows < t) {
            let share = p.rows as f64 / total as f64;
            let left = self.started.elapsed().mul_f64((1.0 - share) / share);
            line.push_str(&format!(
                " van ongeveer {} ({:.0}%), nog ongeveer {}",
                thousands(total),
                share * 100.0,
                seconds(left)
            ));
        }
        line
    }

    pub fn update(&mut self, p: Progress) {
        let mut err = std::io::stderr().lock();
        if self.terminal {
            if self
                .drawn
                .is_some_and(|t| t.elapsed() < Duration::from_millis(100))
            {
                return;
            }
            self.drawn = Some(Instant::now());
            let _ = write!(err, "\r\x1b[2K{}", self.line(p));
            let _ = err.flush();
            return;
        }
        if self.drawn.is_none() {
            self.drawn = Some(Instant::now());
            let _ = writeln!(err, "{}", self.line(p));
        }
        // Plain output: one line per quarter at most.
        let Some(total) = p.total.filter(|&t| t > 0) else {
            return;
        };
        let quarter = p.rows * 4 / total;
        if quarter >= self.next_quarter && quarter < 4 {
            self.next_quarter = quarter + 1;
            let _ = writeln!(err, "{}", self.line(p));
        }
    }

    /// The last line: all rows read, and how long it took.
    pub fn finish(&mut self, rows: usize) {
        let mut err = std::io::stderr().lock();
        if self.terminal {
            let _ = write!(err, "\r\x1b[2K");
        }
        let _ = writeln!(
            err,
            "{} gelezen: {} in {}",
            self.word,
            thousands(rows),
            seconds(self.started.elapsed())
        );
    }

    /// Ends a line drawn in place, before a message.
    pub fn interrupt_line(&mut self) {
        if self.terminal && self.drawn.is_some() {
            let _ = writeln!(std::io::stderr());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped_with_dots() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(300), "300");
        assert_eq!(thousands(1000), "1.000");
        assert_eq!(thousands(10_000_000), "10.000.000");
    }

    #[test]
    fn the_line_estimates_the_time_left_from_the_share_read() {
        let mut m = Meter::new("regels");
        m.started = Instant::now() - Duration::from_secs(2);
        let line = m.line(Progress {
            rows: 250,
            total: Some(1000),
        });
        assert!(
            line.starts_with("regels gelezen: 250 van ongeveer 1.000 (25%), nog ongeveer 6"),
            "{line}"
        );
        let done = m.line(Progress {
            rows: 1000,
            total: Some(1000),
        });
        assert_eq!(done, "regels gelezen: 1.000");
    }
}
