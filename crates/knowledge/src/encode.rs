//! Writes a knowledge base in the compact form [`compact`](super::compact) reads: numbers
//! (counts, flags, variant indexes) go to `shape` as LEB128, every string goes to `text`
//! with a NUL after it, in serde's field order. Used by `build.rs` only; the wasm just reads.
//!
//! A condition's reference (`"leg_signs.cold_pale"`) is written as the question's and
//! the choice's place among those already written, not as text: the reader knows them by
//! then (questions come first in the base, and a follow-up names only earlier ones).

use serde::ser::{self, Impossible, Serialize};
use std::fmt::{self, Display};

#[derive(Debug)]
pub struct Error(String);

impl Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for Error {}
impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

#[derive(Default)]
pub struct Compact {
    pub shape: Vec<u8>,
    pub text: String,
    /// The structs being written, innermost last (to tell a question's id from others').
    structs: Vec<&'static str>,
    /// Questions written so far, with their choices' ids: what references point into.
    questions: Vec<(String, Vec<String>)>,
    /// The fields being written, outermost first (the base's own field, then inner ones).
    keys: Vec<&'static str>,
    /// Where each string of `text` is, in order: the base's field it is under and the field
    /// that holds it (`("questions", "hint")`), for splitting the text between the wasm and
    /// the language files (see `language_files`).
    pub fields: Vec<(&'static str, &'static str)>,
}

pub fn encode<T: Serialize>(value: &T) -> Result<Compact, Error> {
    let mut out = Compact::default();
    value.serialize(&mut out)?;
    Ok(out)
}

impl Compact {
    fn count(&mut self, n: u64) {
        super::compact::write_leb128(&mut self.shape, n);
    }
}

fn unsupported(what: &str) -> Error {
    Error(format!("{what} are not supported in the knowledge base"))
}

type R = Result<(), Error>;

impl ser::Serializer for &mut Compact {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeStruct = Self;
    // Shapes the knowledge base never uses.
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStructVariant = Impossible<(), Error>;

    fn serialize_bool(self, v: bool) -> R {
        self.shape.push(v.into());
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> R {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> R {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> R {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> R {
        if i32::try_from(v).is_err() {
            return Err(Error(format!("{v} does not fit in an i32")));
        }
        self.count(((v << 1) ^ (v >> 63)) as u64);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> R {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> R {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> R {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> R {
        self.count(v);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> R {
        self.serialize_f64(v.into())
    }
    /// Amounts are stored in hundredths, as a count: two bytes instead of eight for a
    /// food's "2.9 mg". A figure with finer detail, or negative, can't be stored.
    fn serialize_f64(self, v: f64) -> R {
        let hundredths = (v * 100.0).round();
        if !(0.0..=u32::MAX as f64).contains(&hundredths) || hundredths / 100.0 != v {
            return Err(Error(format!("{v} is not a non-negative amount in hundredths")));
        }
        self.count(hundredths as u64);
        Ok(())
    }
    fn serialize_char(self, _: char) -> R {
        Err(unsupported("chars"))
    }
    /// Each string ends with a NUL (see `compact`), so none may hold one; nor be the mark
    /// the language files' mark (`compact::SAME`); nor be empty, which in the wasm's text
    /// marks a word a language file gives (leave an empty field out instead).
    fn serialize_str(self, v: &str) -> R {
        if v.is_empty() || v.contains('\0') || v == super::compact::SAME {
            return Err(Error(format!("{v:?} is empty, holds a NUL character, or is only U+0001")));
        }
        self.text.push_str(v);
        self.text.push('\0');
        let (outer, inner) = (self.keys.first().copied(), self.keys.last().copied());
        self.fields.push((outer.unwrap_or(""), inner.unwrap_or("")));
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> R {
        Err(unsupported("bytes"))
    }
    fn serialize_none(self) -> R {
        self.shape.push(0);
        Ok(())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> R {
        self.shape.push(1);
        value.serialize(self)
    }
    fn serialize_unit(self) -> R {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> R {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, index: u32, _: &'static str) -> R {
        self.count(index.into());
        Ok(())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, name: &'static str, value: &T) -> R {
        if name != "Reference" {
            return value.serialize(self);
        }
        // Written as text first, then replaced by the places it names.
        let start = self.text.len();
        let shape = self.shape.len();
        let fields = self.fields.len();
        value.serialize(&mut *self)?;
        let mut reference = self.text.split_off(start);
        reference.pop(); // its NUL
        self.shape.truncate(shape);
        self.fields.truncate(fields);
        let (negated, plain) = match reference.strip_prefix('!') {
            Some(rest) => (true, rest),
            None => (false, reference.as_str()),
        };
        let (question, choice) =
            plain.split_once('.').ok_or_else(|| Error(format!("`{reference}` is not a reference")))?;
        let q = self.questions.iter().position(|(id, _)| id == question);
        let c = q.and_then(|q| self.questions[q].1.iter().position(|id| id == choice));
        let (Some(q), Some(c)) = (q, c) else {
            return Err(Error(format!("`{reference}` names a question or choice not written before it")));
        };
        self.shape.push(negated.into());
        self.count(q as u64);
        self.count(c as u64);
        Ok(())
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(self, _: &'static str, _: u32, _: &'static str, _: &T) -> R {
        Err(unsupported("enum variants with data"))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Self, Error> {
        let len = len.ok_or_else(|| unsupported("lists of unknown length"))?;
        self.count(len as u64);
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, Error> {
        Ok(self)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, Error> {
        Err(unsupported("tuple structs"))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(unsupported("tuple variants"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(unsupported("maps (use a list of pairs)"))
    }
    fn serialize_struct(self, name: &'static str, _: usize) -> Result<Self, Error> {
        self.structs.push(name);
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(unsupported("struct variants"))
    }
}

impl ser::SerializeSeq for &mut Compact {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> R {
        value.serialize(&mut **self)
    }
    fn end(self) -> R {
        Ok(())
    }
}

impl ser::SerializeTuple for &mut Compact {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> R {
        value.serialize(&mut **self)
    }
    fn end(self) -> R {
        Ok(())
    }
}

impl ser::SerializeStruct for &mut Compact {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> R {
        let start = self.text.len();
        self.keys.push(key);
        let written = value.serialize(&mut **self);
        self.keys.pop();
        written?;
        if key == "id" {
            let id = self.text[start..].trim_end_matches('\0').to_string();
            match self.structs.last() {
                Some(&"Question") => self.questions.push((id, Vec::new())),
                Some(&"Choice") => {
                    self.questions.last_mut().ok_or_else(|| unsupported("choices outside a question"))?.1.push(id)
                }
                _ => {}
            }
        }
        Ok(())
    }
    fn end(self) -> R {
        self.structs.pop();
        Ok(())
    }
}
