//! End-to-end tests: the release build (`dist/`, made by scripts/test.sh) served on
//! loopback and used in headless Chromium as a person would.
//!
//! A custom harness ([`harness`](lpq_browser_tests::harness)) so that, without a build or a browser, every test is
//! reported as ignored ("not run") with the reason, instead of failing or passing
//! silently. scripts/test.sh sets LPQ_REQUIRE_BROWSER=1, which turns that into a failure.

mod accessibility;
mod early;
mod edges;
mod embedding;
mod journeys;
mod large_text;
mod locales;
mod package;
mod regions;
mod results_page;
mod screens;
mod visual;

pub use lpq_browser_tests::{browser, harness, server};

use server::Server;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Every browser test, by module and name.
macro_rules! browser_tests {
    ($($module:ident :: $test:ident),* $(,)?) => {
        vec![$( (concat!(stringify!($module), "::", stringify!($test)), $module::$test as fn()) ),*]
    };
}

fn main() -> std::process::ExitCode {
    let args = harness::Arguments::from_env();
    let tests = browser_tests![
        journeys::cramps_with_a_low_magnesium_diet,
        journeys::harmless_cramps_are_self_care_with_no_nutrient,
        journeys::vegan_with_tingling_feet,
        journeys::pregnant_with_restless_legs,
        journeys::sepsis_signs_interrupt_at_once,
        journeys::sick_day_medicines_interrupt_with_the_pause_advice,
        journeys::child_path_growing_pains_and_a_limp,
        journeys::emergency_interrupt_then_continue,
        journeys::change_an_answer_on_the_check_page,
        journeys::reload_half_way_and_resume,
        journeys::corrupted_saved_answers_start_afresh_with_a_notice,
        journeys::keyboard_only,
        early::the_first_screen_shows_before_the_wasm_and_keeps_a_start,
        embedding::two_widgets_on_a_hostile_page_are_independent,
        embedding::styles_do_not_cross_the_boundary,
        embedding::host_events_by_default_tell_only_progress,
        embedding::detailed_events_only_when_the_host_asks,
        embedding::strict_csp_page_and_demo_work_cleanly,
        embedding::theme_and_lang_attributes,
        embedding::storage_attributes,
        embedding::loads_from_another_origin,
        embedding::erase_removes_the_saved_answers,
        embedding::without_webassembly_the_warning_signs_show,
        embedding::full_page_in_an_iframe,
        edges::storage_that_fails_is_told_not_hidden,
        edges::copy_tells_the_truth,
        edges::an_old_tab_never_overwrites_a_newer_session,
        edges::storage_keys_are_unique_across_shadow_roots_and_clones,
        edges::a_broken_platform_shows_the_warning_signs,
        edges::empty_attribute_values_fall_back_with_a_warning,
        edges::a_forged_session_never_skips_an_emergency,
        edges::unreadable_saved_answers_never_count_as_erased,
        edges::the_widget_moves_only_on_its_own_history_entries,
        edges::a_results_link_over_saved_answers_waits_for_the_person,
        edges::a_slow_language_file_shows_the_warning_signs_meanwhile,
        edges::the_warning_signs_need_nothing_but_the_loader,
        edges::a_failed_language_download_is_tried_again,
        edges::a_remounted_widget_resumes_and_saves,
        edges::distinct_storage_keys_make_distinct_links,
        results_page::the_first_screen_holds_the_summary,
        results_page::results_fit_their_height_budgets,
        results_page::a_results_link_reopens_them_and_a_tampered_one_is_refused,
        results_page::the_browser_back_button_steps_through_the_quiz,
        results_page::saved_on_this_device_visibly_and_pregnancy_only_for_the_session,
        results_page::the_page_shows_the_engines_report,
        locales::a_journey_in_each_language_reaches_the_right_number,
        locales::switching_language_keeps_the_answers,
        locales::the_fallback_speaks_the_page_language,
        regions::every_combination_dials_only_its_countrys_number,
        regions::the_page_without_javascript_names_no_number,
        accessibility::axe_and_layout_on_every_screen,
        accessibility::axe_finds_a_planted_violation_inside_the_widget,
        accessibility::progress_and_errors_are_announced,
        accessibility::focus_is_always_visible,
        accessibility::each_new_heading_takes_focus_in_view,
        visual::screenshots_of_every_screen,
        visual::print_gives_a_handout_without_buttons,
        package::a_vite_react_host_reaches_the_results,
        package::a_cdn_style_page_checks_every_file,
        package::a_tampered_file_is_refused_by_its_hash,
        large_text::every_screen_fits_at_200_and_400_percent,
        large_text::one_tap_on_erase_loses_nothing,
    ];
    let missing = missing_prerequisite();
    if let Some(why) = &missing {
        if std::env::var("LPQ_REQUIRE_BROWSER").is_ok_and(|v| v == "1") {
            eprintln!("browser tests cannot run: {why}");
            return std::process::ExitCode::FAILURE;
        }
        eprintln!("browser tests not run: {why}. `bash scripts/test.sh` builds the widget and runs them.");
    }
    // One browser per worker, reused from test to test (each gets it clean).
    browser::reuse_browsers();
    // The longest tests first (by the last run's times, or on a fresh clone by
    // [`LONGEST`]), so that the workers finish together instead of one running a long
    // test alone at the end.
    for name in LONGEST {
        assert!(tests.iter().any(|(test, _)| test == name), "LONGEST names `{name}`, which is not a test");
    }
    let last = last_times();
    let mut tests = tests;
    tests.sort_by(|a, b| {
        let time = |name: &str| match last.is_empty() {
            false => last.get(name).copied().unwrap_or(f64::INFINITY),
            true => LONGEST.iter().rev().position(|t| *t == name).map_or(0.0, |i| i as f64 + 1.0),
        };
        time(b.0).total_cmp(&time(a.0))
    });
    let trials = tests
        .into_iter()
        .map(|(name, test)| harness::Trial {
            name,
            run: Box::new(move || {
                let started = std::time::Instant::now();
                test();
                TIMINGS.lock().unwrap_or_else(|e| e.into_inner()).push((name, started.elapsed().as_secs_f64()));
            }),
            ignored: missing.is_some(),
        })
        .collect();
    let conclusion = harness::run(&args, trials);
    browser::stop_idle_browsers();
    print_slowest(10);
    save_times();
    conclusion
}

/// The tests that take longest, longest first: the order they start in when there is no
/// last run to go by (a fresh clone), before the others in the order listed above.
const LONGEST: &[&str] = &[
    "large_text::every_screen_fits_at_200_and_400_percent",
    "package::a_vite_react_host_reaches_the_results",
    "visual::screenshots_of_every_screen",
    "accessibility::axe_and_layout_on_every_screen",
    "regions::every_combination_dials_only_its_countrys_number",
    "locales::a_journey_in_each_language_reaches_the_right_number",
    "journeys::keyboard_only",
    "visual::print_gives_a_handout_without_buttons",
];

/// How long each test that passed took, in seconds.
static TIMINGS: std::sync::Mutex<Vec<(&str, f64)>> = std::sync::Mutex::new(Vec::new());

/// The `n` slowest tests of the run, slowest first.
fn print_slowest(n: usize) {
    let mut timings = TIMINGS.lock().unwrap_or_else(|e| e.into_inner()).clone();
    if timings.is_empty() {
        return;
    }
    timings.sort_by(|a, b| b.1.total_cmp(&a.1));
    println!("slowest {} of {} browser tests:", n.min(timings.len()), timings.len());
    for (name, seconds) in timings.iter().take(n) {
        println!("  {seconds:6.1} s  {name}");
    }
}

/// Where each test's time in the last run is kept: `<seconds>\t<name>` a line.
fn times_file() -> PathBuf {
    repo_root().join("target/browser-test-times.tsv")
}

/// The times of the last run, by test name (none if there was none).
fn last_times() -> std::collections::HashMap<String, f64> {
    let text = std::fs::read_to_string(times_file()).unwrap_or_default();
    text.lines()
        .filter_map(|line| line.split_once('\t'))
        .filter_map(|(seconds, name)| Some((name.to_string(), seconds.parse().ok()?)))
        .collect()
}

/// Keeps this run's times for the next run's order, adding to the last run's (a run
/// of a few tests keeps the others' times).
fn save_times() {
    let mut times = last_times();
    for (name, seconds) in TIMINGS.lock().unwrap_or_else(|e| e.into_inner()).iter() {
        times.insert(name.to_string(), *seconds);
    }
    let text: String = times.iter().map(|(name, seconds)| format!("{seconds:.1}\t{name}\n")).collect();
    let _ = std::fs::write(times_file(), text);
}

/// Why the browser tests can't run here, if they can't.
fn missing_prerequisite() -> Option<String> {
    if !dist().join("leg-pain-quiz.js").exists() {
        return Some(format!("no built widget in {}", dist().display()));
    }
    for (name, fallback) in [("CHROMIUM", "/usr/bin/chromium"), ("CHROMEDRIVER", "/usr/bin/chromedriver")] {
        let path = std::env::var(name).ok().filter(|v| !v.is_empty()).unwrap_or_else(|| fallback.to_string());
        if !Path::new(&path).exists() {
            return Some(format!("{path} is missing"));
        }
    }
    None
}

/// The built widget. scripts/test.sh builds it and sets LPQ_DIST.
pub fn dist() -> PathBuf {
    std::env::var("LPQ_DIST").map(PathBuf::from).unwrap_or_else(|_| repo_root().join("dist"))
}

/// The repository root (this package lives in tests/browser).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// One server for the whole run, serving dist/ as any static host would.
pub fn site() -> &'static Server {
    static SITE: OnceLock<Server> = OnceLock::new();
    SITE.get_or_init(|| Server::start(dist(), vec![]))
}

/// Where tests write screenshots and PDFs for people to look at (git-ignored).
pub fn output_dir() -> PathBuf {
    let dir = repo_root().join("tests/e2e-output");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A screenshot of the whole page at the browser's size, `{name}-390x844.png` in
/// [`output_dir`], for people to read as the person would.
pub fn phone_screenshot(b: &browser::Browser, name: &str) {
    let path = output_dir().join(format!("{name}-390x844.png"));
    b.screenshot(&path);
    assert!(std::fs::read(&path).expect("screenshot written").starts_with(b"\x89PNG"), "{name}");
}
