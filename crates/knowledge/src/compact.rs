//! Reads the knowledge base back from the compact form `build.rs` writes with
//! [`encode`](super::encode): a `shape` of small numbers (counts, flags, variant indexes,
//! as LEB128) and one `text` holding every string in order, each ended by a NUL. A NUL
//! costs gzip far less than a length in the shape would (about 1.9 KB less for the base).
//!
//! Why not static Rust data: a static copy of the base is mostly pointers and lengths
//! (a 12-byte header for each of its thousands of strings and lists), which gzip can
//! hardly shrink. In this form the structure costs a few kilobytes, the text stays
//! together where it compresses best, and every string is borrowed from it.
//!
//! The readers are not written by hand: [`compact_struct!`](crate::compact_struct) and
//! [`compact_enum!`](crate::compact_enum) define each model type and its reader from one
//! declaration, reading fields in the order they are declared, which is the order serde
//! writes them in. Anything that doesn't fit (an unknown variant, a flag that isn't 0 or
//! 1, a string cut mid-character, data left over) is an error, never a guess.

use std::borrow::Cow;

/// What was wrong with compact data, and where the reader had got to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    pub what: &'static str,
    /// Bytes of shape left when the error was found.
    pub shape_left: usize,
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the knowledge base data is damaged: {} ({} bytes of shape left)", self.what, self.shape_left)
    }
}

/// What is left to read. The first error is kept and reading stops there: every later
/// read gives an empty value, and [`read_all`](Reader::read_all) reports the error. (A
/// sticky error rather than a `Result` at every field keeps the reader's code small in
/// the wasm: it reads thousands of fields through a few generic functions.)
pub struct Reader<'a> {
    shape: &'a [u8],
    text: &'static str,
    error: Option<DecodeError>,
    /// The questions read so far, with their choices' ids: conditions point into them.
    pub questions: Vec<(Cow<'static, str>, Vec<Cow<'static, str>>)>,
}

impl<'a> Reader<'a> {
    pub fn new(shape: &'a [u8], text: &'static str) -> Self {
        Reader { shape, text, error: None, questions: Vec::new() }
    }

    /// Records the first error and stops reading.
    pub fn fail(&mut self, what: &'static str) {
        if self.error.is_none() {
            self.error = Some(DecodeError { what, shape_left: self.shape.len() });
        }
        self.shape = &[];
        self.text = "";
    }

    /// Reads a whole value and checks it read cleanly, with nothing left over.
    pub fn read_all<T: Decode>(mut self) -> Result<T, DecodeError> {
        let value = T::decode(&mut self);
        if self.error.is_none() && !(self.shape.is_empty() && self.text.is_empty()) {
            self.fail("data is left over after the last field");
        }
        match self.error {
            None => Ok(value),
            Some(e) => Err(e),
        }
    }

    fn byte(&mut self) -> u8 {
        match self.shape.split_first() {
            Some((first, rest)) => {
                self.shape = rest;
                *first
            }
            None => {
                self.fail("the shape ends early");
                0
            }
        }
    }

    /// An unsigned LEB128 number: a length, a count, or an enum's variant index.
    pub fn count(&mut self) -> usize {
        match read_leb128(&mut self.shape).map(usize::try_from) {
            Some(Ok(n)) => n,
            Some(Err(_)) => {
                self.fail("a number is too large");
                0
            }
            None => {
                self.fail("the shape ends early, or a number is too large");
                0
            }
        }
    }

    /// A list's length. Every item takes at least one byte of shape or text: a larger
    /// count is damage (0 here, the reader failed), and must not reserve memory for it.
    /// Apart from the lists' generic reader, so that each item type's copy is just its loop.
    #[inline(never)]
    fn list_len(&mut self) -> usize {
        let n = self.count();
        if n > self.shape.len() + self.text.len() {
            self.fail("a list is longer than the data");
            return 0;
        }
        n
    }

    /// A variant index below `variants` (0 after an error).
    pub fn variant(&mut self, variants: usize) -> usize {
        let index = self.count();
        if index >= variants {
            self.fail("an unknown enum variant");
            return 0;
        }
        index
    }
}

/// In a language file's text, a string that stands for the built-in base's string at the
/// same place: most of a locale's strings (ids, sources, numbers) are the base's own, and
/// the wasm already carries them. (In the built-in base's text, each word a language file
/// gives is an empty string: the knowledge base holds none of its own.)
pub const SAME: &str = "\u{1}";

/// Which base a language file was written against: the first string of its text, eight
/// hex digits of the FNV-1a hash of the base's text. A file written for another release's
/// base is refused even where it holds as many strings.
pub fn fingerprint(base: &str) -> [u8; 8] {
    let mut hash: u32 = 0x811c_9dc5;
    for b in base.bytes() {
        hash = (hash ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    let mut out = [0; 8];
    for (i, digit) in out.iter_mut().enumerate() {
        *digit = b"0123456789abcdef"[(hash >> (28 - 4 * i) & 0xf) as usize];
    }
    out
}

/// The next string of `rest`, up to its NUL, and `rest` moved past it.
fn next<'t>(rest: &mut &'t str) -> Option<&'t str> {
    let (s, tail) = rest.split_once('\0')?;
    *rest = tail;
    Some(s)
}

/// A language file's text made whole: its [`fingerprint`] checked, then each word the
/// built-in text (`base`) leaves out (an empty string there) replaced by the file's next
/// string of its first part, and each other string of `base` by the next of its second
/// part, where that isn't [`SAME`] (see `language_files`). Also returns what follows:
/// the doctor's words in English ([`doctor_words`]), or nothing. A file written for
/// another base, or cut short, is refused, never read out of step.
pub fn with_base<'t>(base: &str, text: &'t str) -> Result<(String, &'t str), DecodeError> {
    let other = DecodeError { what: "a language file made for another version, or cut short", shape_left: 0 };
    let Some((mark, mut given)) = text.split_once('\0') else { return Err(other) };
    if mark.as_bytes() != fingerprint(base) {
        return Err(other);
    }
    // The second part starts after as many strings as the base leaves out.
    let (mut ours, mut rest) = (base, given);
    while let Some(s) = next(&mut ours) {
        if s.is_empty() && next(&mut rest).is_none() {
            return Err(other);
        }
    }
    let mut out = String::with_capacity(base.len() + text.len());
    let mut ours = base;
    while let Some(s) = next(&mut ours) {
        let theirs =
            if s.is_empty() { next(&mut given) } else { next(&mut rest).map(|t| if t == SAME { s } else { t }) };
        match theirs {
            Some(t) if t != SAME => out.push_str(t),
            _ => return Err(other),
        }
        out.push('\0');
    }
    Ok((out, rest))
}

/// The built-in base's text with each word it leaves out (an empty string) replaced by the
/// next of `words` (a language file's third part): the doctor's summary's words in
/// British English, [`SAME`] for the others (which that summary never reads). `None` when
/// they don't match one for one.
pub fn doctor_words(base: &str, mut words: &str) -> Option<String> {
    let mut out = String::with_capacity(base.len() + words.len());
    let mut ours = base;
    while let Some(s) = next(&mut ours) {
        out.push_str(if s.is_empty() { next(&mut words)? } else { s });
        out.push('\0');
    }
    words.is_empty().then_some(out)
}

/// Appends `n` as unsigned LEB128: seven bits a byte, lowest first, the top bit set on
/// every byte but the last. The one writer of the compact shape and of results links.
pub fn write_leb128(out: &mut Vec<u8>, mut n: u64) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Reads an unsigned LEB128 number off the front of `rest`: `None` when it is cut short
/// or longer than 64 bits.
pub fn read_leb128(rest: &mut &[u8]) -> Option<u64> {
    let (mut n, mut shift) = (0u64, 0);
    loop {
        let (byte, tail) = rest.split_first()?;
        *rest = tail;
        if shift > 56 {
            return None;
        }
        n |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Some(n);
        }
        shift += 7;
    }
}

/// A type that can be read from the compact form.
pub trait Decode: Sized {
    fn decode(r: &mut Reader) -> Self;
}

impl Decode for bool {
    fn decode(r: &mut Reader) -> bool {
        match r.byte() {
            0 => false,
            1 => true,
            _ => {
                r.fail("a flag that is neither 0 nor 1");
                false
            }
        }
    }
}

impl Decode for u32 {
    fn decode(r: &mut Reader) -> u32 {
        let n = r.count();
        u32::try_from(n).unwrap_or_else(|_| {
            r.fail("a number is too large");
            0
        })
    }
}

impl Decode for i32 {
    /// Zigzag-encoded, so small negative numbers stay short.
    fn decode(r: &mut Reader) -> i32 {
        let n = u32::decode(r);
        (n >> 1) as i32 ^ -((n & 1) as i32)
    }
}

impl Decode for f64 {
    /// Stored in hundredths (see `encode.rs`): the division is exact to the nearest
    /// double, so the amount reads back as the TOML wrote it.
    fn decode(r: &mut Reader) -> f64 {
        r.count() as f64 / 100.0
    }
}

impl Decode for Cow<'static, str> {
    /// Borrowed from the text, up to its NUL: the base never copies a string.
    fn decode(r: &mut Reader) -> Self {
        let Some((text, rest)) = r.text.split_once('\0') else {
            r.fail("a string runs past the text");
            return Cow::Borrowed("");
        };
        r.text = rest;
        Cow::Borrowed(text)
    }
}

impl<T: Decode + Clone> Decode for Cow<'static, [T]> {
    fn decode(r: &mut Reader) -> Self {
        let n = r.list_len();
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            items.push(T::decode(r));
        }
        Cow::Owned(items)
    }
}

impl<T: Decode> Decode for Option<T> {
    fn decode(r: &mut Reader) -> Self {
        if bool::decode(r) {
            Some(T::decode(r))
        } else {
            None
        }
    }
}

impl<A: Decode, B: Decode> Decode for (A, B) {
    fn decode(r: &mut Reader) -> Self {
        (A::decode(r), B::decode(r))
    }
}

/// Declares a model struct and its compact reader together, so the reader can't fall
/// out of step with the fields: it reads them in declaration order, as serde writes them.
#[macro_export]
macro_rules! compact_struct {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$field_meta:meta])* pub $field:ident : $ty:ty ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        pub struct $name {
            $( $(#[$field_meta])* pub $field: $ty ),*
        }

        impl $crate::knowledge_compact::Decode for $name {
            fn decode(r: &mut $crate::knowledge_compact::Reader) -> Self {
                $name { $( $field: $crate::knowledge_compact::Decode::decode(r) ),* }
            }
        }
    };
}

/// Declares a struct whose fields are all [`Text`](crate::knowledge::Text), with a reader
/// that reads them in one loop: a struct of many texts (the screens' words) would
/// otherwise be a call per field in the wasm.
#[macro_export]
macro_rules! compact_texts {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$field_meta:meta])* pub $field:ident : Text ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        // Laid out as an array of texts, so the reader can fill one (see below).
        #[repr(C)]
        pub struct $name {
            $( $(#[$field_meta])* pub $field: Text ),*
        }

        impl $crate::knowledge_compact::Decode for $name {
            fn decode(r: &mut $crate::knowledge_compact::Reader) -> Self {
                const FIELDS: usize = [$(stringify!($field)),*].len();
                let texts: [Text; FIELDS] = core::array::from_fn(|_| $crate::knowledge_compact::Decode::decode(r));
                // SAFETY: a `#[repr(C)]` struct whose FIELDS fields are all `Text` has the
                // layout of `[Text; FIELDS]` (same size, checked by `transmute`, same
                // alignment, no padding), and the texts are read in field order.
                unsafe { std::mem::transmute::<[Text; FIELDS], $name>(texts) }
            }
        }
    };
}

/// Declares a field-less enum and its compact reader: the variant index serde writes,
/// checked against the number of variants.
#[macro_export]
macro_rules! compact_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $( $(#[$variant_meta:meta])* $variant:ident ),* $(,)? }
    ) => {
        $(#[$meta])*
        pub enum $name { $( $(#[$variant_meta])* $variant ),* }

        impl $name {
            /// Every variant, in declaration order.
            pub const VARIANTS: &'static [$name] = &[$($name::$variant),*];
        }

        impl $crate::knowledge_compact::Decode for $name {
            fn decode(r: &mut $crate::knowledge_compact::Reader) -> Self {
                Self::VARIANTS[r.variant(Self::VARIANTS.len())]
            }
        }
    };
}
