//! The test harness: runs the browser tests on a few workers and reports them as
//! `cargo test` does (one line a test, the failures, and the `test result:` line that
//! scripts/test.sh sums), with tests that can't run here reported as ignored.
//!
//! Hand-written rather than a harness crate: the one we used brought a command-line
//! parser whose build took longer than the tests it ran. It understands what `cargo test
//! -- …` passes to it: one filter, `--exact`, `--test-threads N`, `--list`, and the
//! output flags of libtest (which it has no use for: nothing is captured).

use std::collections::VecDeque;
use std::io::Write;
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::Instant;

pub struct Arguments {
    filter: Option<String>,
    exact: bool,
    list: bool,
    threads: Option<usize>,
}

pub struct Trial {
    pub name: &'static str,
    pub run: Box<dyn FnOnce() + Send>,
    /// Reported as not run (the reason is printed before the run).
    pub ignored: bool,
}

impl Arguments {
    pub fn from_env() -> Arguments {
        Arguments::parse(std::env::args().skip(1)).unwrap_or_else(|message| {
            eprintln!("error: {message}");
            std::process::exit(2)
        })
    }

    fn parse(args: impl IntoIterator<Item = String>) -> Result<Arguments, String> {
        let mut parsed = Arguments { filter: None, exact: false, list: false, threads: None };
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let threads = |value: Option<String>| -> Result<Option<usize>, String> {
                let value = value.ok_or("--test-threads needs a number")?;
                value.parse().map(Some).map_err(|_| format!("--test-threads takes a number, not `{value}`"))
            };
            match arg.as_str() {
                "--exact" => parsed.exact = true,
                "--list" => parsed.list = true,
                "--test-threads" => parsed.threads = threads(args.next())?,
                _ if arg.starts_with("--test-threads=") => {
                    parsed.threads = threads(arg.split_once('=').map(|(_, n)| n.to_string()))?
                }
                // Nothing is captured and there is one output format.
                "--nocapture" | "--show-output" | "--quiet" | "-q" | "--color=never" | "--color=auto" => {}
                _ if arg.starts_with('-') => return Err(format!("unknown option `{arg}`")),
                _ if parsed.filter.is_some() => return Err(format!("one filter only, and `{arg}` is a second")),
                _ => parsed.filter = Some(arg),
            }
        }
        Ok(parsed)
    }

    fn selects(&self, name: &str) -> bool {
        match &self.filter {
            None => true,
            Some(filter) if self.exact => name == filter,
            Some(filter) => name.contains(filter.as_str()),
        }
    }
}

/// Runs the selected trials and says how it went: success when none failed.
pub fn run(args: &Arguments, trials: Vec<Trial>) -> ExitCode {
    let total = trials.len();
    let selected: Vec<Trial> = trials.into_iter().filter(|t| args.selects(t.name)).collect();
    let filtered_out = total - selected.len();
    if args.list {
        for trial in &selected {
            println!("{}: test", trial.name);
        }
        return ExitCode::SUCCESS;
    }
    let started = Instant::now();
    println!("\nrunning {} tests", selected.len());
    let (ignored, to_run): (Vec<Trial>, Vec<Trial>) = selected.into_iter().partition(|t| t.ignored);
    for trial in &ignored {
        println!("test {} ... ignored", trial.name);
    }
    let queue = Mutex::new(to_run.into_iter().collect::<VecDeque<Trial>>());
    let failed = Mutex::new(Vec::new());
    let passed = Mutex::new(0usize);
    let workers = args.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let Some(trial) = queue.lock().unwrap_or_else(|e| e.into_inner()).pop_front() else { break };
                // A thread of its own, named after the test, so a panic says which test.
                let outcome = std::thread::Builder::new()
                    .name(trial.name.to_string())
                    .spawn(trial.run)
                    .expect("a thread for the test")
                    .join();
                let verdict = if outcome.is_ok() { "ok" } else { "FAILED" };
                println!("test {} ... {verdict}", trial.name);
                let _ = std::io::stdout().flush();
                match outcome {
                    Ok(()) => *passed.lock().unwrap_or_else(|e| e.into_inner()) += 1,
                    Err(_) => failed.lock().unwrap_or_else(|e| e.into_inner()).push(trial.name),
                }
            });
        }
    });
    let failed = failed.into_inner().unwrap_or_else(|e| e.into_inner());
    let passed = passed.into_inner().unwrap_or_else(|e| e.into_inner());
    if !failed.is_empty() {
        println!("\nfailures:");
        for name in &failed {
            println!("    {name}");
        }
    }
    let verdict = if failed.is_empty() { "ok" } else { "FAILED" };
    println!(
        "\ntest result: {verdict}. {passed} passed; {} failed; {} ignored; 0 measured; {filtered_out} filtered out; finished in {:.2}s\n",
        failed.len(),
        ignored.len(),
        started.elapsed().as_secs_f64()
    );
    if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Arguments, String> {
        Arguments::parse(args.iter().map(|a| a.to_string()))
    }

    #[test]
    fn reads_what_cargo_test_passes() {
        let args = parse(&["journeys", "--test-threads=3", "--nocapture"]).unwrap();
        assert_eq!(args.filter.as_deref(), Some("journeys"));
        assert_eq!(args.threads, Some(3));
        assert!(args.selects("journeys::keyboard_only") && !args.selects("edges::tabs"));
        let exact = parse(&["--exact", "edges::tabs", "--test-threads", "1"]).unwrap();
        assert!(exact.selects("edges::tabs") && !exact.selects("edges::tabs_two"));
        assert_eq!(exact.threads, Some(1));
    }

    #[test]
    fn refuses_what_it_would_misread() {
        assert!(parse(&["a", "b"]).is_err());
        assert!(parse(&["--test-threads=many"]).is_err());
        assert!(parse(&["--bench-mode"]).is_err());
    }
}
