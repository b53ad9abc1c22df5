//! Writes the widget's language files (`<locale>.kb`, see `lpq_knowledge::language_files`)
//! into the folder given: `lpq-locales <folder>`. The Trunk hook (scripts/minify.sh)
//! runs it on every build; any error stops the build.

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("usage: lpq-locales <folder to write the language files into>");
        return ExitCode::FAILURE;
    };
    match lpq_knowledge::language_files::write(std::path::Path::new(&dir)) {
        Ok(0) => {
            eprintln!("lpq-locales: no locale files in {}", lpq_knowledge::LOCALES_DIR);
            ExitCode::FAILURE
        }
        Ok(n) => {
            eprintln!("lpq-locales: {n} language files written to {}", dir.to_string_lossy());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("lpq-locales: {e}");
            ExitCode::FAILURE
        }
    }
}
