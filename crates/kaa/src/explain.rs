//! `kaa --explain FILE`.
use crate::cli::Options;
use crate::Loaded;
use std::process::ExitCode;

pub fn run(_opts: &Options, _loaded: &Loaded, _src: &kaa_syntax::source::Source) -> ExitCode {
    ExitCode::from(2)
}
