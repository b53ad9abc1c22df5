//! Where the person is and what they read, as a table: the element's `region`, its
//! `lang`, the page's `<html lang>` and the browser's languages, most specific first;
//! unknown countries, areas that aren't countries, junk and empty values. Then the
//! region table itself, and what the texts say for each region: the region's own numbers
//! and services, the NHS only in the UK, and never a number where the country is unknown.
#![cfg(not(target_arch = "wasm32"))]

use leg_pain_quiz::knowledge::{KnowledgeBase, TriageLevel};
use leg_pain_quiz::quiz::Person;
use leg_pain_quiz::region::{resolve, Signals};
use leg_pain_quiz::report::{emergency_calls, numbers, outcome};

fn kb() -> KnowledgeBase {
    leg_pain_quiz::knowledge::embedded()
}

struct Case {
    region: Option<&'static str>,
    lang: Option<&'static str>,
    page: &'static str,
    browser: &'static [&'static str],
    want_region: Option<&'static str>,
    want_locale: &'static str,
    /// How many console warnings, and a word each must hold.
    warns: &'static [&'static str],
}

const fn case(
    region: Option<&'static str>,
    lang: Option<&'static str>,
    page: &'static str,
    browser: &'static [&'static str],
    want_region: Option<&'static str>,
    want_locale: &'static str,
    warns: &'static [&'static str],
) -> Case {
    Case { region, lang, page, browser, want_region, want_locale, warns }
}

const NONE: &[&str] = &[];
const UNKNOWN: &[&str] = &["local emergency number"];

#[rustfmt::skip]
const CASES: &[Case] = &[
    // The element's lang names the country.
    case(None, Some("es-CO"), "en", &["en-US"], Some("CO"), "es", NONE),
    case(None, Some("es-CL"), "", &[], Some("CL"), "es", NONE),
    case(None, Some("es-PE"), "", &[], Some("PE"), "es", NONE),
    case(None, Some("es-MX"), "", &[], Some("MX"), "es", NONE),
    case(None, Some("en-ZA"), "", &[], Some("ZA"), "en-GB", NONE),
    case(None, Some("en-SG"), "", &[], Some("SG"), "en-GB", NONE),
    case(None, Some("en-PH"), "", &[], Some("PH"), "en-GB", NONE),
    case(None, Some("en-IN"), "", &[], Some("IN"), "en-GB", NONE),
    case(None, Some("en-US"), "", &[], Some("US"), "en-US", NONE),
    case(None, Some("en-gb"), "", &["en-US"], Some("GB"), "en-GB", NONE),
    case(None, Some("en-UK"), "", &[], Some("GB"), "en-GB", NONE),
    case(None, Some("es_ES"), "", &[], Some("ES"), "es", NONE),
    case(None, Some("zh-Hant-HK"), "", &[], Some("HK"), "en-GB", &["not one the widget speaks"]),
    // An area, not a country: the next signal is asked; nothing else: unknown.
    case(None, Some("es-419"), "", &[], None, "es", UNKNOWN),
    case(None, Some("es-419"), "es-CO", &[], Some("CO"), "es", NONE),
    case(None, Some("es-419"), "", &["es-AR", "en-US"], Some("AR"), "es", NONE),
    // A country without numbers: unknown, never the next signal's number.
    case(None, Some("es-ZZ"), "en-US", &["en-US"], None, "es", UNKNOWN),
    case(None, Some("es-GQ"), "", &["en-GB"], None, "es", UNKNOWN),
    case(None, Some("es-AD"), "", &["es-ES"], None, "es", UNKNOWN),
    // The page's language names the country even when the widget doesn't speak it.
    case(None, None, "fr-FR", &["en-US"], Some("FR"), "en-GB", NONE),
    case(None, None, "de-DE", &["de"], Some("DE"), "en-GB", NONE),
    case(None, None, "it-IT", &[], Some("IT"), "en-GB", NONE),
    case(None, None, "pt-BR", &[], Some("BR"), "en-GB", NONE),
    case(None, None, "es-CO", &["en-US"], Some("CO"), "es", NONE),
    case(None, None, "en-US", &[], Some("US"), "en-US", NONE),
    // A page language the widget doesn't speak gets English, not the browser's language.
    case(None, None, "fr", &["es-ES"], Some("ES"), "en-GB", NONE),
    case(None, None, "fr", &["en-US"], Some("US"), "en-US", NONE),
    // Only the browser says.
    case(None, None, "", &["es-MX", "en-US"], Some("MX"), "es", NONE),
    case(None, None, "", &["de-AT"], Some("AT"), "en-GB", NONE),
    case(None, None, "", &["fr", "en-NZ"], Some("NZ"), "en-GB", NONE),
    // Nothing says where: unknown, in the language there is.
    case(None, None, "", &[], None, "en-GB", UNKNOWN),
    case(None, Some("es"), "", &["es"], None, "es", UNKNOWN),
    case(None, Some("en"), "en", &["en"], None, "en-GB", UNKNOWN),
    // The region attribute overrides everything.
    case(Some("MX"), Some("es-CO"), "es-ES", &["en-US"], Some("MX"), "es", NONE),
    case(Some("us"), Some("en"), "", &[], Some("US"), "en-US", NONE),
    case(Some(" uk "), None, "", &[], Some("GB"), "en-GB", NONE),
    case(Some("GB"), Some("en-US"), "", &[], Some("GB"), "en-US", NONE),
    case(Some("CA"), None, "fr-CA", &[], Some("CA"), "en-GB", NONE),
    // A region attribute that isn't a country with numbers: unknown, never the lang's.
    case(Some("ZZ"), Some("en-GB"), "", &[], None, "en-GB", &["region=\"ZZ\""]),
    case(Some("LATAM"), Some("es-MX"), "", &[], None, "es", &["region=\"LATAM\""]),
    case(Some("<b>"), Some("es-MX"), "", &[], None, "es", &["region=\"<b>\""]),
    // Empty values: a warning each, and the next signal.
    case(Some(""), Some("es-CO"), "", &[], Some("CO"), "es", &["region=\"\" is empty"]),
    case(Some("  "), None, "en-IE", &[], Some("IE"), "en-GB", &["is empty"]),
    case(None, Some(""), "es-PE", &[], Some("PE"), "es", &["lang=\"\" is empty"]),
    case(Some(""), Some(""), "", &[], None, "en-GB", &["region=\"\" is empty", "lang=\"\" is empty", "local emergency number"]),
    // Junk languages.
    case(None, Some("klingon"), "", &["es-CL"], Some("CL"), "en-GB", &["lang=\"klingon\""]),
    case(None, Some("12345"), "en-AU", &[], Some("AU"), "en-GB", &["lang=\"12345\""]),
    case(None, Some("-"), "", &[], None, "en-GB", &["lang=\"-\"", "local emergency number"]),
];

#[test]
fn region_and_language_come_from_the_most_specific_signal() {
    let kb = kb();
    let known = |id: &str| kb.region(id).is_some();
    let mut failures = Vec::new();
    for (i, c) in CASES.iter().enumerate() {
        let s = Signals { region: c.region, lang: c.lang, page: c.page, browser: c.browser };
        let r = resolve(&s, &known);
        let warned_ok = r.warnings.len() == c.warns.len()
            && c.warns.iter().all(|want| r.warnings.iter().filter(|got| got.contains(want)).count() == 1);
        if r.region.as_deref() != c.want_region || r.locale != c.want_locale || !warned_ok {
            failures.push(format!(
                "case {i} (region {:?}, lang {:?}, page {:?}, browser {:?}): got {:?} {} {:?}; want {:?} {} {:?}",
                c.region,
                c.lang,
                c.page,
                c.browser,
                r.region,
                r.locale,
                r.warnings,
                c.want_region,
                c.want_locale,
                c.warns
            ));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases wrong:\n{}", failures.len(), CASES.len(), failures.join("\n"));
}

/// The countries the issue names, with their own numbers.
#[test]
fn the_table_has_each_countrys_own_numbers_and_a_source() {
    let kb = kb();
    for (id, want) in [
        ("GB", &["999"][..]),
        ("US", &["911"]),
        ("CO", &["123"]),
        ("CL", &["131"]),
        ("PE", &["106", "116"]),
        ("ZA", &["10177", "112"]),
        ("SG", &["995"]),
        ("PH", &["911"]),
        ("IN", &["112", "108"]),
        ("FR", &["112", "15"]),
        ("DE", &["112"]),
        ("IT", &["112", "118"]),
        ("BR", &["192"]),
        ("AU", &["000"]),
        ("NZ", &["111"]),
        ("ES", &["112"]),
        ("MX", &["911"]),
    ] {
        let r = kb.region(id).unwrap_or_else(|| panic!("{id} is in the table"));
        assert_eq!(emergency_calls(Some(r)), want, "{id}");
    }
    for absent in ["LATAM", "ZZ", "GQ", "AD"] {
        assert!(kb.region(absent).is_none(), "{absent} has no numbers: the widget must not guess");
    }
    assert!(kb.regions.len() >= 50, "{} regions", kb.regions.len());
}

/// Every text that names a number or a service, for each region and for an unknown one:
/// the placeholders filled, the region's own numbers, the NHS only in the UK, and no
/// number at all where the country is unknown.
#[test]
fn texts_name_the_regions_own_numbers_and_services_and_the_nhs_only_in_the_uk() {
    let kb = kb();
    let mut texts: Vec<&str> = vec![&kb.emergency.call];
    for f in kb.red_flags.iter() {
        texts.push(&f.guidance);
        texts.extend(f.do_not.as_deref());
        texts.extend(f.action.as_deref());
    }
    for g in kb.triage.iter() {
        texts.push(&g.heading);
        texts.push(&g.action);
        texts.extend(g.variants.iter().map(|v| &*v.action));
        texts.extend(g.while_waiting.iter().map(|w| &**w));
    }
    for (_, list) in kb.advice_lists() {
        for a in list.iter() {
            texts.push(&a.text);
            texts.extend(a.action.as_deref());
        }
    }
    let regions: Vec<_> = kb.regions.iter().map(Some).chain([None]).collect();
    for region in regions {
        let id = region.map_or("unknown", |r| &r.id);
        for t in &texts {
            let filled = numbers(&kb, &(*t).to_string().into(), region);
            for p in ["{emergency}", "{same_day}", "{ed}"] {
                assert!(!filled.contains(p), "{id}: {p} left in {filled:?}");
            }
            if id != "GB" {
                assert!(!filled.contains("NHS") && !filled.contains("A&E"), "{id}: {filled:?}");
            }
            if region.is_none() && t.contains("{emergency}") {
                assert!(filled.contains("your local emergency number"), "{filled:?}");
            }
        }
    }
    // The emergency outcome: the buttons dial the region's numbers, none where unknown.
    let flag = kb.red_flags.iter().find(|f| f.level == TriageLevel::Emergency).expect("an emergency flag");
    let action = |level| kb.guidance(level).expect("guidance for each level").action.clone();
    let fr =
        outcome(&kb, kb.region("FR"), TriageLevel::Emergency, &action(TriageLevel::Emergency), &[flag], Person::Myself);
    assert_eq!(fr.call, ["112", "15"]);
    assert!(fr.action.contains("112 or 15"), "{}", fr.action);
    let unknown = outcome(&kb, None, TriageLevel::Emergency, &action(TriageLevel::Emergency), &[flag], Person::Myself);
    assert!(unknown.call.is_empty(), "no call button where the country is unknown");
    assert!(unknown.action.contains("your local emergency number"), "{}", unknown.action);
    let gb = outcome(&kb, kb.region("GB"), TriageLevel::Urgent, &action(TriageLevel::Urgent), &[], Person::Myself);
    assert_eq!(gb.call, ["111"]);
    assert!(gb.action.contains("NHS 111"), "{}", gb.action);
    let au = outcome(&kb, kb.region("AU"), TriageLevel::Urgent, &action(TriageLevel::Urgent), &[], Person::Myself);
    assert!(au.call.is_empty() && au.action.contains("healthdirect"), "{}", au.action);
}
