//! Where the person is and which language they read: worked out from the signals a page
//! gives, most specific first. Pure Rust, so the native tests check it as a table; the
//! wasm (`embed.rs`) passes it what the element and the page say, and the loader's
//! no-WebAssembly fallback follows the same order (a browser test checks they agree).
//!
//! Region: the element's `region` attribute; the region in the element's `lang`; the
//! region in the page's `<html lang>` (even a language the widget doesn't speak:
//! `fr-FR` is France); the regions in the browser's languages; else unknown. The first
//! signal that names a country decides: a country the table doesn't have is unknown
//! (never the next signal's number, which may be another country's). A region that is
//! an area, not a country (`es-419`), names none and the next signal is asked.
//!
//! Language: the element's `lang`; the page's `<html lang>`; the browser's languages;
//! else English. A `lang` the widget doesn't speak gets English: American English for
//! the United States, British English everywhere else.

/// What the page says, as raw attribute values (`None`: no attribute).
#[derive(Clone, Debug, Default)]
pub struct Signals<'a> {
    /// The element's `region` attribute.
    pub region: Option<&'a str>,
    /// The element's `lang` attribute.
    pub lang: Option<&'a str>,
    /// The page's `<html lang>` (empty when it has none).
    pub page: &'a str,
    /// `navigator.languages`, in order.
    pub browser: &'a [&'a str],
}

/// Where the person is and what they read, with what the host should be told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    pub locale: &'static str,
    /// A region of the table, or `None`: no call button, "your local emergency number".
    pub region: Option<String>,
    /// Console warnings for the host, each naming what it asked for.
    pub warnings: Vec<String>,
}

/// What a region subtag or `region` value names.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Named {
    /// No region in it (`es`), or an area that isn't a country (`419`).
    Nothing,
    /// A country code: in the table or not.
    Country(String),
    /// Not a region at all (`x y`, `12`).
    Junk,
}

fn country(value: &str) -> Named {
    let v = value.trim().to_ascii_uppercase();
    match v.len() {
        0 => Named::Nothing,
        2 if v.bytes().all(|b| b.is_ascii_uppercase()) => Named::Country(if v == "UK" { "GB".into() } else { v }),
        3 if v.bytes().all(|b| b.is_ascii_digit()) => Named::Nothing,
        _ => Named::Junk,
    }
}

/// The region subtag of a language tag (`es-CO` → `CO`, `zh-Hant-HK` → `HK`,
/// `es-419` → nothing), skipping a script subtag.
fn region_of_tag(tag: &str) -> Named {
    for part in tag.trim().split(['-', '_']).skip(1) {
        match part.len() {
            2 | 3 => return country(part),
            4 => continue,
            _ => return Named::Nothing,
        }
    }
    Named::Nothing
}

/// The locale a language tag asks for, if the widget speaks it; English by `region`.
fn locale_of(tag: &str, region: Option<&str>) -> Option<&'static str> {
    let t = tag.trim().to_ascii_lowercase();
    let primary = t.split(['-', '_']).next().unwrap_or("");
    match primary {
        "es" => Some("es"),
        "en" if t == "en-us" => Some("en-US"),
        "en" if t == "en-gb" => Some("en-GB"),
        "en" => Some(english(region)),
        _ => None,
    }
}

fn english(region: Option<&str>) -> &'static str {
    if region == Some("US") {
        "en-US"
    } else {
        "en-GB"
    }
}

/// Whether a warning says the widget names no number. (`ends_with`, not `contains`: a
/// substring search brings about 2 KB of searcher code into the wasm for these two uses.)
pub fn says_no_number(warning: &str) -> bool {
    warning.ends_with("with no call button.")
}

/// Works out the region and locale. `known` says whether the table has a region.
pub fn resolve(s: &Signals, known: &dyn Fn(&str) -> bool) -> Resolved {
    let mut warnings = Vec::new();
    let lang = s.lang.map(str::trim);
    if lang == Some("") {
        warnings.push("leg-pain-quiz: lang=\"\" is empty; using the page's language.".to_string());
    }
    let lang = lang.filter(|l| !l.is_empty());

    // Region: the first signal that names a country decides.
    let mut region = None;
    let mut decided = false;
    if let Some(raw) = s.region {
        match country(raw) {
            Named::Nothing => warnings
                .push(["leg-pain-quiz: region=\"", raw, "\" is empty; using the region in the language."].concat()),
            Named::Country(c) if known(&c) => {
                region = Some(c);
                decided = true;
            }
            _ => {
                warnings.push(
                    [
                        "leg-pain-quiz: region=\"",
                        raw,
                        "\" is not a country the widget has numbers for; \
                         it says \"call your local emergency number\" with no call button.",
                    ]
                    .concat(),
                );
                decided = true;
            }
        }
    }
    let tags = lang.into_iter().chain(Some(s.page.trim()).filter(|p| !p.is_empty())).chain(s.browser.iter().copied());
    if !decided {
        for tag in tags {
            match region_of_tag(tag) {
                Named::Nothing => continue,
                Named::Country(c) if known(&c) => region = Some(c),
                _ => warnings.push(
                    [
                        "leg-pain-quiz: the language \"",
                        tag,
                        "\" names a region the widget has no numbers for; \
                         it says \"call your local emergency number\" with no call button.",
                    ]
                    .concat(),
                ),
            }
            break;
        }
    }
    if region.is_none() && !warnings.iter().any(|w| says_no_number(w)) {
        warnings.push(
            "leg-pain-quiz: nothing on the page says which country the person is in (set region=\"GB\", …); \
             it says \"call your local emergency number\" with no call button."
                .to_string(),
        );
    }

    // Language: the element's, else the page's, else the browser's first one it speaks.
    let r = region.as_deref();
    let page = Some(s.page.trim()).filter(|p| !p.is_empty());
    let locale = if let Some(l) = lang {
        locale_of(l, r).unwrap_or_else(|| {
            let fallback = english(r);
            warnings.push(
                [
                    "leg-pain-quiz: lang=\"",
                    l,
                    "\" is not one the widget speaks (en-GB, en-US, es); using ",
                    fallback,
                    ".",
                ]
                .concat(),
            );
            fallback
        })
    } else if let Some(p) = page {
        locale_of(p, r).unwrap_or_else(|| english(r))
    } else {
        s.browser.iter().find_map(|b| locale_of(b, r)).unwrap_or_else(|| english(r))
    };
    Resolved { locale, region, warnings }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags() {
        assert_eq!(region_of_tag("es-CO"), Named::Country("CO".into()));
        assert_eq!(region_of_tag("zh-Hant-HK"), Named::Country("HK".into()));
        assert_eq!(region_of_tag("es-419"), Named::Nothing);
        assert_eq!(region_of_tag("en"), Named::Nothing);
        assert_eq!(region_of_tag("en-u1"), Named::Junk);
    }
}
