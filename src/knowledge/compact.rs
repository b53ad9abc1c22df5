//! Reads the knowledge base back from the compact form `build.rs` writes with
//! [`encode`](super::encode): a `shape` of small numbers (lengths, counts, flags, variant
//! indexes, as LEB128) and one `text` holding every string in order.
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

pub type Decoded<T> = Result<T, DecodeError>;

/// What is left to read.
pub struct Reader<'a> {
    shape: &'a [u8],
    text: &'static str,
}

impl<'a> Reader<'a> {
    pub fn new(shape: &'a [u8], text: &'static str) -> Self {
        Reader { shape, text }
    }

    pub fn error(&self, what: &'static str) -> DecodeError {
        DecodeError { what, shape_left: self.shape.len() }
    }

    /// Reads a whole value and checks nothing is left over.
    pub fn read_all<T: Decode>(mut self) -> Decoded<T> {
        let value = T::decode(&mut self)?;
        if self.shape.is_empty() && self.text.is_empty() {
            Ok(value)
        } else {
            Err(self.error("data is left over after the last field"))
        }
    }

    fn byte(&mut self) -> Decoded<u8> {
        let (first, rest) = self.shape.split_first().ok_or_else(|| self.error("the shape ends early"))?;
        self.shape = rest;
        Ok(*first)
    }

    /// An unsigned LEB128 number: a length, a count, or an enum's variant index.
    pub fn count(&mut self) -> Decoded<usize> {
        let (mut value, mut shift) = (0usize, 0u32);
        loop {
            let byte = self.byte()?;
            if shift >= usize::BITS - 7 {
                return Err(self.error("a number is too large"));
            }
            value |= usize::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Ok(value);
            }
            shift += 7;
        }
    }

    /// A variant index below `variants`.
    pub fn variant(&mut self, variants: usize) -> Decoded<usize> {
        let index = self.count()?;
        if index < variants {
            Ok(index)
        } else {
            Err(self.error("an unknown enum variant"))
        }
    }
}

/// A type that can be read from the compact form.
pub trait Decode: Sized {
    fn decode(r: &mut Reader) -> Decoded<Self>;
}

impl Decode for bool {
    fn decode(r: &mut Reader) -> Decoded<bool> {
        match r.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(r.error("a flag that is neither 0 nor 1")),
        }
    }
}

impl Decode for u32 {
    fn decode(r: &mut Reader) -> Decoded<u32> {
        let n = r.count()?;
        u32::try_from(n).map_err(|_| r.error("a number is too large"))
    }
}

impl Decode for i32 {
    /// Zigzag-encoded, so small negative numbers stay short.
    fn decode(r: &mut Reader) -> Decoded<i32> {
        let n = u32::decode(r)?;
        Ok((n >> 1) as i32 ^ -((n & 1) as i32))
    }
}

impl Decode for f64 {
    fn decode(r: &mut Reader) -> Decoded<f64> {
        if r.shape.len() < 8 {
            return Err(r.error("the shape ends inside a number"));
        }
        let (bytes, rest) = r.shape.split_at(8);
        r.shape = rest;
        let mut eight = [0u8; 8];
        eight.copy_from_slice(bytes);
        Ok(f64::from_le_bytes(eight))
    }
}

impl Decode for Cow<'static, str> {
    /// Borrowed from the text: the base never copies a string.
    fn decode(r: &mut Reader) -> Decoded<Self> {
        let len = r.count()?;
        if len > r.text.len() || !r.text.is_char_boundary(len) {
            return Err(r.error("a string runs past the text or cuts a character"));
        }
        let (text, rest) = r.text.split_at(len);
        r.text = rest;
        Ok(Cow::Borrowed(text))
    }
}

impl<T: Decode + Clone> Decode for Cow<'static, [T]> {
    fn decode(r: &mut Reader) -> Decoded<Self> {
        let n = r.count()?;
        // Every item takes at least one byte of shape or text: a larger count is damage,
        // and must not reserve memory for it.
        if n > r.shape.len() + r.text.len() {
            return Err(r.error("a list is longer than the data"));
        }
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            items.push(T::decode(r)?);
        }
        Ok(Cow::Owned(items))
    }
}

impl<T: Decode> Decode for Option<T> {
    fn decode(r: &mut Reader) -> Decoded<Self> {
        Ok(if bool::decode(r)? { Some(T::decode(r)?) } else { None })
    }
}

impl<A: Decode, B: Decode> Decode for (A, B) {
    fn decode(r: &mut Reader) -> Decoded<Self> {
        Ok((A::decode(r)?, B::decode(r)?))
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
            fn decode(r: &mut $crate::knowledge_compact::Reader) -> $crate::knowledge_compact::Decoded<Self> {
                Ok($name { $( $field: $crate::knowledge_compact::Decode::decode(r)? ),* })
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
            fn decode(r: &mut $crate::knowledge_compact::Reader) -> $crate::knowledge_compact::Decoded<Self> {
                let index = r.variant(Self::VARIANTS.len())?;
                Ok(Self::VARIANTS[index])
            }
        }
    };
}
