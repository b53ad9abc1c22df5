//! A link that reopens the results: the answers packed into a short text for the part of
//! the address after `#`, which browsers never send to a server.
//!
//! The text is base64url of: a format version (1 byte), a fingerprint of the
//! questionnaire (4 bytes: the question and choice ids, so a link from another version
//! is recognised, not misread), one LEB128 bitmask per question (bit i: choice i), and a
//! checksum of everything before it (4 bytes). A damaged, cut or edited link fails the
//! checksum; nothing in it is trusted before that.
//!
//! A question added with an `assumed` choice (who the answers are about) is left out of
//! the fingerprint and its mask comes after all the others: a link made before it was
//! asked has no mask for it, still opens, and the engine takes the assumed answer.

use super::{Answers, Cleaned};
use crate::knowledge::compact::{read_leb128, write_leb128};
use crate::knowledge::{KnowledgeBase, Question};

const FORMAT: u8 = 1;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// Not a results link, or damaged, cut short or edited.
    Damaged,
    /// Made by another version of the quiz, with other questions or choices (a
    /// fingerprint can't tell older from newer).
    OtherVersion,
    /// Made by a newer version of the quiz: its format is one this version doesn't know.
    Newer,
}

/// The name of a widget's results in a link's `#` part: `lpq-` and its storage key,
/// percent-encoded but for letters, digits, `-`, `_`, `.` and `~`, so that distinct keys
/// never share a name (`x y` is `lpq-x%20y`, `x_y` stays `lpq-x_y`), and the name is the
/// same text the browser's `location.hash` gives back. Keys of only letters, digits, `-`
/// and `_` keep the name they always had, so their links still open.
pub fn param(storage_key: &str) -> String {
    // Hex digits by hand: `format!("{:02X}")` would bring the formatting code for hex.
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::from("lpq-");
    for b in storage_key.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.extend(['%', HEX[usize::from(b >> 4)] as char, HEX[usize::from(b & 15)] as char]);
        }
    }
    out
}

/// The link text for these answers (cleaned first).
pub fn encode(kb: &KnowledgeBase, answers: &Answers) -> String {
    let cleaned = Cleaned::new(kb, answers);
    let mut bytes = vec![FORMAT];
    bytes.extend_from_slice(&fingerprint(kb).to_le_bytes());
    for q in in_link_order(kb) {
        let mask = q
            .choices
            .iter()
            .enumerate()
            .filter(|(_, c)| cleaned.choices_of(&q.id).any(|x| x.id == c.id))
            .fold(0u64, |m, (i, _)| m | 1 << i);
        write_leb128(&mut bytes, mask);
    }
    let check = fnv(&bytes);
    bytes.extend_from_slice(&check.to_le_bytes());
    base64url(&bytes)
}

/// The answers in a link, or why it can't be used.
pub fn decode(kb: &KnowledgeBase, text: &str) -> Result<Answers, LinkError> {
    let bytes = unbase64url(text).ok_or(LinkError::Damaged)?;
    if bytes.len() < 9 {
        return Err(LinkError::Damaged);
    }
    let (body, check) = bytes.split_at(bytes.len() - 4);
    if fnv(body).to_le_bytes() != check {
        return Err(LinkError::Damaged);
    }
    if body[0] > FORMAT {
        return Err(LinkError::Newer);
    }
    if body[0] != FORMAT || body[1..5] != fingerprint(kb).to_le_bytes() {
        return Err(LinkError::OtherVersion);
    }
    let mut rest = &body[5..];
    let mut answers = Answers::new();
    for q in in_link_order(kb) {
        if rest.is_empty() && added_later(q) {
            // A link from before the question was asked.
            continue;
        }
        let mask = read_leb128(&mut rest).ok_or(LinkError::Damaged)?;
        if q.choices.len() < 64 && mask >> q.choices.len() != 0 {
            return Err(LinkError::Damaged);
        }
        let chosen = q.choices.iter().enumerate().filter(|(i, _)| mask & 1 << i != 0).map(|(_, c)| c.id.to_string());
        answers.set(&q.id, chosen.collect());
    }
    if !rest.is_empty() {
        return Err(LinkError::Damaged);
    }
    Ok(answers)
}

/// Questions with an assumed answer were added later: links made before them lack them.
fn added_later(q: &Question) -> bool {
    q.choices.iter().any(|c| c.assumed)
}

/// The questions in the order their masks are written: those added later last.
fn in_link_order(kb: &KnowledgeBase) -> Vec<&Question> {
    let (mut order, later): (Vec<&Question>, Vec<&Question>) = kb.questions.iter().partition(|q| !added_later(q));
    order.extend(later);
    order
}

/// Changes whenever a question or choice is added, removed, renamed or reordered (but
/// for a question added later with an assumed answer, which old links can do without).
fn fingerprint(kb: &KnowledgeBase) -> u32 {
    let mut text = Vec::new();
    for q in kb.questions.iter().filter(|q| !added_later(q)) {
        text.extend_from_slice(q.id.as_bytes());
        for c in q.choices.iter() {
            text.push(b'.');
            text.extend_from_slice(c.id.as_bytes());
        }
        text.push(b';');
    }
    fnv(&text)
}

/// FNV-1a, 32 bits: enough to catch a damaged or edited link.
fn fnv(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |h, b| (h ^ u32::from(*b)).wrapping_mul(0x0100_0193))
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url(bytes: &[u8]) -> String {
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

fn unbase64url(text: &str) -> Option<Vec<u8>> {
    let values: Vec<u32> =
        text.bytes().map(|c| ALPHABET.iter().position(|a| *a == c).map(|v| v as u32)).collect::<Option<_>>()?;
    if values.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(values.len() * 3 / 4);
    for chunk in values.chunks(4) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, v)| n | v << (18 - 6 * i));
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    // Only the one spelling: the last letter's unused low bits must be zero, or a changed
    // last letter would decode to the same bytes and an edited link would pass.
    (base64url(&out) == text).then_some(out)
}
