//! Turns the authored knowledge base (TOML files in `src/knowledge/data/`) into static
//! Rust data. The TOML stays the source of truth; serde loads it here into the real
//! model types (so a schema error stops the build and names the file), and the result
//! is written out as Rust code. The wasm then carries no parser and no start-up cost.

#[allow(dead_code)]
#[path = "src/knowledge/model.rs"]
mod model;

mod rust_code {
    //! A serde serializer that writes a value as a Rust constant expression.

    use serde::ser::{self, Serialize};
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

    pub fn to_rust<T: Serialize>(value: &T) -> Result<String, Error> {
        let mut out = Writer { out: String::new() };
        value.serialize(&mut out)?;
        Ok(out.out)
    }

    pub struct Writer {
        out: String,
    }

    type R = Result<(), Error>;

    impl<'a> ser::Serializer for &'a mut Writer {
        type Ok = ();
        type Error = Error;
        type SerializeSeq = Self;
        type SerializeTuple = Self;
        // Shapes the knowledge base never uses: serde's `Impossible` stands in for them.
        type SerializeTupleStruct = ser::Impossible<(), Error>;
        type SerializeTupleVariant = ser::Impossible<(), Error>;
        type SerializeMap = ser::Impossible<(), Error>;
        type SerializeStruct = Self;
        type SerializeStructVariant = ser::Impossible<(), Error>;

        fn serialize_bool(self, v: bool) -> R {
            self.out += if v { "true" } else { "false" };
            Ok(())
        }
        fn serialize_i8(self, v: i8) -> R { self.serialize_i64(v.into()) }
        fn serialize_i16(self, v: i16) -> R { self.serialize_i64(v.into()) }
        fn serialize_i32(self, v: i32) -> R { self.serialize_i64(v.into()) }
        fn serialize_i64(self, v: i64) -> R {
            self.out += &v.to_string();
            Ok(())
        }
        fn serialize_u8(self, v: u8) -> R { self.serialize_u64(v.into()) }
        fn serialize_u16(self, v: u16) -> R { self.serialize_u64(v.into()) }
        fn serialize_u32(self, v: u32) -> R { self.serialize_u64(v.into()) }
        fn serialize_u64(self, v: u64) -> R {
            self.out += &v.to_string();
            Ok(())
        }
        fn serialize_f32(self, v: f32) -> R { self.serialize_f64(v.into()) }
        fn serialize_f64(self, v: f64) -> R {
            self.out += &format!("{v:?}_f64");
            Ok(())
        }
        fn serialize_char(self, v: char) -> R {
            self.out += &format!("{v:?}");
            Ok(())
        }
        fn serialize_str(self, v: &str) -> R {
            self.out += &format!("::std::borrow::Cow::Borrowed({v:?})");
            Ok(())
        }
        fn serialize_bytes(self, _: &[u8]) -> R { Err(Error("bytes are not supported".into())) }
        fn serialize_none(self) -> R {
            self.out += "None";
            Ok(())
        }
        fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> R {
            self.out += "Some(";
            value.serialize(&mut *self)?;
            self.out += ")";
            Ok(())
        }
        fn serialize_unit(self) -> R {
            self.out += "()";
            Ok(())
        }
        fn serialize_unit_struct(self, name: &'static str) -> R {
            self.out += name;
            Ok(())
        }
        fn serialize_unit_variant(self, name: &'static str, _: u32, variant: &'static str) -> R {
            // serde hands over the renamed (snake_case) variant; Rust wants CamelCase.
            let camel: String = variant
                .split('_')
                .map(|w| w[..1].to_ascii_uppercase() + &w[1..])
                .collect();
            self.out += &format!("{name}::{camel}");
            Ok(())
        }
        fn serialize_newtype_struct<T: ?Sized + Serialize>(self, name: &'static str, value: &T) -> R {
            self.out += &format!("{name}(");
            value.serialize(&mut *self)?;
            self.out += ")";
            Ok(())
        }
        fn serialize_newtype_variant<T: ?Sized + Serialize>(self, _: &'static str, _: u32, _: &'static str, _: &T) -> R {
            Err(Error("enum variants with data are not supported".into()))
        }
        fn serialize_seq(self, _: Option<usize>) -> Result<Self, Error> {
            self.out += "::std::borrow::Cow::Borrowed(&[";
            Ok(self)
        }
        fn serialize_tuple(self, _: usize) -> Result<Self, Error> {
            self.out += "(";
            Ok(self)
        }
        fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, Error> {
            Err(Error("tuple structs are not supported".into()))
        }
        fn serialize_tuple_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self::SerializeTupleVariant, Error> {
            Err(Error("tuple variants are not supported".into()))
        }
        fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
            Err(Error("maps are not supported: use a list of pairs".into()))
        }
        fn serialize_struct(self, name: &'static str, _: usize) -> Result<Self, Error> {
            self.out += &format!("{name} {{ ");
            Ok(self)
        }
        fn serialize_struct_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self::SerializeStructVariant, Error> {
            Err(Error("struct variants are not supported".into()))
        }
    }

    impl ser::SerializeSeq for &mut Writer {
        type Ok = ();
        type Error = Error;
        fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> R {
            value.serialize(&mut **self)?;
            self.out += ", ";
            Ok(())
        }
        fn end(self) -> R {
            self.out += "])";
            Ok(())
        }
    }
    impl ser::SerializeTuple for &mut Writer {
        type Ok = ();
        type Error = Error;
        fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> R {
            value.serialize(&mut **self)?;
            self.out += ", ";
            Ok(())
        }
        fn end(self) -> R {
            self.out += ")";
            Ok(())
        }
    }
    impl ser::SerializeStruct for &mut Writer {
        type Ok = ();
        type Error = Error;
        fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> R {
            self.out += key;
            self.out += ": ";
            value.serialize(&mut **self)?;
            self.out += ", ";
            Ok(())
        }
        fn end(self) -> R {
            self.out += "}";
            Ok(())
        }
    }
}

use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new("src/knowledge/data");
    println!("cargo:rerun-if-changed={}", dir.display());
    println!("cargo:rerun-if-changed=src/knowledge/model.rs");
    let mut files: Vec<_> = fs::read_dir(dir)
        .expect("src/knowledge/data must exist")
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();

    // Merge the files: top-level arrays with the same key are concatenated.
    let mut merged = toml::Table::new();
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let table: toml::Table = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for (key, value) in table {
            match (merged.get_mut(&key), value) {
                (None, value) => {
                    merged.insert(key, value);
                }
                (Some(toml::Value::Array(existing)), toml::Value::Array(more)) => existing.extend(more),
                (Some(_), _) => panic!("{}: key `{key}` is defined in two files", path.display()),
            }
        }
    }
    let kb: model::KnowledgeBase = toml::Value::Table(merged)
        .try_into()
        .unwrap_or_else(|e| panic!("src/knowledge/data: the knowledge base doesn't fit the model: {e}"));
    let code = rust_code::to_rust(&kb).expect("the knowledge base converts to Rust");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("knowledge.rs");
    fs::write(&out, code).expect("OUT_DIR is writable");
}
