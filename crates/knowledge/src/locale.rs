//! Locales: the knowledge base's words in another language or for another region,
//! authored as TOML in `crates/knowledge/locales/<locale>.toml` and keyed by the same ids as
//! the knowledge base, so the engine never sees a language:
//!
//! ```toml
//! disclaimer = "…"
//! [questions.age]
//! prompt = "¿Qué edad tienes?"
//! [questions.age.choices.under_13]
//! label = "Menos de 13"
//! [triage.urgent.variants.0]
//! action = "…"
//! ```
//!
//! A path names a table field by key, an entry of a list by its id (`level` for triage,
//! `tag` for food cautions, its position where it has none), then the field. Only words
//! are translated: ids, conditions, tags and sources are the base's own and can't be
//! given. One kind of number can: a food's `amounts`, where a region's products differ
//! (fortified cereal has several times more iron in the US than in the UK); the same
//! nutrients, other figures. A complete locale (Spanish) gives every text; a regional one
//! (US English) gives only what differs from the base (British English).
//!
//! Used by `build.rs` (which writes each locale's knowledge base next to the widget) and
//! by the tests; the wasm only reads the result.

use toml::{Table, Value};

/// Fields that are never words: ids, conditions, numbers, flags, tags and references.
const NOT_WORDS: &[&str] = &[
    "id",
    "level",
    "when",
    "unless",
    "replaces",
    "no_tests",
    "supplement",
    "show_if",
    "withhold_when",
    "test_only_when",
    "young_when",
    "them_when",
    "child_when",
    "first_when",
    "sources",
    "tests",
    "nutrient",
    "nutrients",
    "tags",
    "excludes",
    "cautions",
    "diet",
    "url",
    "kind",
    "version",
    "reviewed",
    "next_review",
    "usda_ndb",
    "routine_at",
    "strong_means",
    "weight",
    "supports_only",
    "transient",
    "direct",
    "self_managed",
    "defers_nutrients",
    "leads",
    "may_be_low",
    "replaced_by",
    "not_beside",
    "shortfall_sign",
    "exclusive",
    "neutral",
    "sensitive",
    "part",
    "strong",
    "moderate",
    "possible",
    "tag",
];

/// Whole collections kept as written: the sources name the pages they are, and the
/// regions are phone numbers.
const KEPT: &[&str] = &["sources", "regions", "strength"];

/// The field that names an entry of `collection` in a path.
fn key_field(collection: &str) -> &'static str {
    match collection {
        "triage" => "level",
        "food_cautions" => "tag",
        _ => "id",
    }
}

/// Every text of `base` a locale can give, as (path, value): a string or a list of
/// strings, in the base's order.
pub fn texts(base: &Table) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    walk(base, "", &mut out);
    out
}

fn walk(table: &Table, path: &str, out: &mut Vec<(String, Value)>) {
    for (key, value) in table {
        // Field names are words in the screens' own table (`[ui] part`, `sources`), and a
        // list of entries is walked whatever it is called (the `nutrients` themselves).
        let entries = value.as_array().is_some_and(|items| items.iter().any(Value::is_table));
        if (NOT_WORDS.contains(&key.as_str()) && path != "ui" && !entries)
            || (path.is_empty() && KEPT.contains(&key.as_str()))
        {
            continue;
        }
        let here = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
        match value {
            Value::String(_) => out.push((here, value.clone())),
            // A list of words (an empty one has nothing to translate).
            Value::Array(items) if !items.is_empty() && items.iter().all(Value::is_str) => {
                out.push((here, value.clone()))
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    if let Value::Table(entry) = item {
                        let name = entry
                            .get(key_field(key))
                            .and_then(Value::as_str)
                            .map_or_else(|| i.to_string(), str::to_string);
                        walk(entry, &format!("{here}.{name}"), out);
                    }
                }
            }
            Value::Table(inner) if key == "amounts" => out.push((here, Value::Table(inner.clone()))),
            Value::Table(inner) => walk(inner, &here, out),
            _ => {}
        }
    }
}

/// A food's amounts: a region may give its own, and a complete locale needn't.
pub fn is_amounts(path: &str) -> bool {
    path.ends_with(".amounts")
}

/// The texts a locale file gives, as (path, value).
pub fn given(locale: &Table) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    flatten(locale, "", &mut out);
    out
}

fn flatten(table: &Table, path: &str, out: &mut Vec<(String, Value)>) {
    for (key, value) in table {
        let here = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
        match value {
            Value::Table(inner) if key != "amounts" => flatten(inner, &here, out),
            _ => out.push((here, value.clone())),
        }
    }
}

/// `base` with the locale's texts in place. `complete`: the locale must give every text.
/// Errors name each key that is unknown, missing, or of the wrong shape.
pub fn apply(base: &Table, locale: &Table, complete: bool) -> Result<Table, Vec<String>> {
    let texts = texts(base);
    let given = given(locale);
    let mut errors = Vec::new();
    for (path, value) in &given {
        match texts.iter().find(|(p, _)| p == path) {
            None => errors.push(format!("`{path}` is not a text of the knowledge base")),
            Some((_, english)) => {
                let same_shape = match (english, value) {
                    (Value::String(_), Value::String(s)) => !s.trim().is_empty(),
                    (Value::Array(a), Value::Array(b)) => {
                        a.len() == b.len() && b.iter().all(|v| v.as_str().is_some_and(|s| !s.trim().is_empty()))
                    }
                    (Value::Table(a), Value::Table(b)) => {
                        a.len() == b.len()
                            && b.iter().all(|(k, v)| a.contains_key(k) && (v.is_float() || v.is_integer()))
                    }
                    _ => false,
                };
                if !same_shape {
                    errors.push(format!("`{path}` must be {}", describe(english)));
                }
            }
        }
    }
    if complete {
        for (path, english) in &texts {
            if !is_amounts(path) && !given.iter().any(|(p, _)| p == path) {
                errors.push(format!("`{path}` is missing (in English: {english})"));
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut out = base.clone();
    for (path, value) in given {
        set(&mut out, &path, value);
    }
    Ok(out)
}

fn describe(value: &Value) -> String {
    match value {
        Value::Array(a) => format!("a list of {} texts", a.len()),
        Value::Table(a) => {
            format!("amounts for the same nutrients ({})", a.keys().cloned().collect::<Vec<_>>().join(", "))
        }
        _ => "a text".to_string(),
    }
}

/// Sets the text at `path` (known to exist: `apply` checked it against `texts`).
fn set(table: &mut Table, path: &str, value: Value) {
    let parts: Vec<&str> = path.split('.').collect();
    let mut current = table;
    let mut i = 0;
    while i < parts.len() - 1 {
        let key = parts[i];
        let next = current.get_mut(key).expect("a path `texts` found");
        current = match next {
            Value::Table(inner) => inner,
            Value::Array(items) => {
                let name = parts[i + 1];
                i += 1;
                let position = items
                    .iter()
                    .position(|item| item.get(key_field(key)).and_then(Value::as_str) == Some(name))
                    .or_else(|| name.parse().ok())
                    .expect("an entry `texts` found");
                items[position].as_table_mut().expect("entries are tables")
            }
            _ => unreachable!("`texts` only walks tables and lists of tables"),
        };
        i += 1;
    }
    current.insert(parts[parts.len() - 1].to_string(), value);
}

/// The locale files in `dir`, as (locale name, table), in name order.
pub fn files(dir: &std::path::Path) -> Vec<(String, Table)> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut out: Vec<(String, Table)> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().to_string();
            let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (name, toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Locales that give every text; the others are regional variants of the base.
pub const COMPLETE: &[&str] = &["es"];
