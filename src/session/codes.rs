//! The codes of questions and actions (V-0007, A-0012) across a session folder, which is the
//! programme's register: a code never changes and never repeats.
//!
//! Sessions written before codes existed get them when the folder is read, deterministically:
//! sessions in the order of (date, file name), items in id order, each numbered with the lowest
//! number of its kind that no stored code holds. New items are numbered after the highest code in
//! the folder (see [`next_code`]), so the numbers given to older items do not shift when new
//! sessions are added. Once a session is written again, its codes are stored in it.
//!
//! Two sessions written at the same time on two machines can give out the same code: the earlier
//! session keeps it, the later item gets a new one (after the highest), and a [`CodeNotice`]
//! says so; that code is stored when the later session is written again.

use super::model::{Code, CodeKind, Session};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// A code given twice in the folder, and the new code the later item got.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeNotice {
    pub code: Code,
    /// The session file that keeps the code.
    pub kept_in: String,
    /// The session file and id of the item that got a new code.
    pub session: String,
    pub id: u64,
    pub new: Code,
}

impl fmt::Display for CodeNotice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "code {} staat in {} en in {} (id {}); {} houdt hem, de vraag in {} heet nu {}",
            self.code, self.kept_in, self.session, self.id, self.kept_in, self.session, self.new
        )
    }
}

/// The indices of `sessions` in register order: by date, then file name.
fn register_order(sessions: &[(String, Session)]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..sessions.len()).collect();
    order.sort_by(|a, b| {
        let (na, sa) = &sessions[*a];
        let (nb, sb) = &sessions[*b];
        (sa.date, na).cmp(&(sb.date, nb))
    });
    order
}

/// Gives every question and action in `sessions` a code that is unique in the folder: fills in
/// the missing ones and renumbers the later of two equal codes. Only the sessions in memory
/// change; a writer stores them when it next saves its session.
pub fn assign(sessions: &mut [(String, Session)]) -> Vec<CodeNotice> {
    let order = register_order(sessions);
    let mut holder: HashMap<Code, String> = HashMap::new();
    let mut missing = Vec::new();
    let mut duplicates = Vec::new();
    for &si in &order {
        let (name, s) = &sessions[si];
        for (ai, a) in s.annotations.iter().enumerate() {
            let Some(kind) = CodeKind::of(a.kind) else {
                continue;
            };
            match a.code {
                Some(c) if holder.contains_key(&c) => duplicates.push((si, ai, c)),
                Some(c) => {
                    holder.insert(c, name.clone());
                }
                None => missing.push((si, ai, kind)),
            }
        }
    }
    let mut taken: HashSet<Code> = holder.keys().copied().collect();
    let mut cursor: HashMap<CodeKind, u32> = HashMap::new();
    for (si, ai, kind) in missing {
        let n = cursor.entry(kind).or_insert(0);
        let code = loop {
            *n += 1;
            let c = Code::new(kind, *n);
            if !taken.contains(&c) {
                break c;
            }
        };
        taken.insert(code);
        sessions[si].1.annotations[ai].code = Some(code);
    }
    let mut notices = Vec::new();
    for (si, ai, code) in duplicates {
        let new = after_highest(taken.iter().copied(), code.kind);
        taken.insert(new);
        let (name, s) = &mut sessions[si];
        let a = &mut s.annotations[ai];
        a.code = Some(new);
        notices.push(CodeNotice {
            code,
            kept_in: holder.get(&code).cloned().unwrap_or_default(),
            session: name.clone(),
            id: a.id,
            new,
        });
    }
    notices
}

fn after_highest(codes: impl Iterator<Item = Code>, kind: CodeKind) -> Code {
    let max = codes
        .filter(|c| c.kind == kind)
        .map(|c| c.number)
        .max()
        .unwrap_or(0);
    Code::new(kind, max.saturating_add(1))
}

/// The code a new item of `kind` gets: one after the highest of its kind in `sessions` (read
/// with [`assign`], so older items count with the codes they were given).
pub fn next_code(sessions: &[(String, Session)], kind: CodeKind) -> Code {
    after_highest(all_codes(sessions), kind)
}

fn all_codes(sessions: &[(String, Session)]) -> impl Iterator<Item = Code> + '_ {
    sessions
        .iter()
        .flat_map(|(_, s)| s.annotations.iter().filter_map(|a| a.code))
}

/// The annotation with `code` in `sessions`: (session file name, annotation).
pub fn find(
    sessions: &[(String, Session)],
    code: Code,
) -> Option<(&str, &super::model::Annotation)> {
    sessions.iter().find_map(|(name, s)| {
        s.annotations
            .iter()
            .find(|a| a.code == Some(code))
            .map(|a| (name.as_str(), a))
    })
}

#[cfg(test)]
mod tests;
