//! `verify`: every tab of a docs page run as written, and its request compared on the
//! wire with the curl block beside it (feature `proxy`).
//!
//! A page's tab groups ([`groups`]: `<hfoptions>`, `<inferencesnippet>`, MDX
//! `<Tabs>`, consecutive fences of different languages) that hold a curl block, and
//! its `<!-- snippet -->` regions, are verified group by group: the curl block (for a
//! region, its source: the curl command, or the spec written as curl) runs with real
//! curl through a session of the [recording proxy](crate::proxy), then every other
//! block runs through a session of its own ([`Verifier`] says how: a folder of its
//! own, dummy values, sample files, a deadline, a network namespace where the machine
//! allows it), and each block's one request is compared with the curl block's
//! ([`compare`]). A difference is an error at the block's line (`request-differs`);
//! a block that tries the network without the proxy, an error (`bypasses-proxy`); a
//! block that cannot be run to one request, a note with the reason (`not-verified`).
//!
//! ```no_run
//! use inference_snippets::verify::{Options, Summary, Verifier};
//!
//! let verifier = Verifier::new(Options::new("/tmp/cache".into(), "/tmp/runs".into(), "/usr/bin:/bin".into()))?;
//! let page = "```sh\ncurl https://router.huggingface.co/v1/chat/completions -d '{}'\n```\n\
//!             ```py\nimport requests\nrequests.post('https://router.huggingface.co/v1/chat/completions', data='{}')\n```\n";
//! let report = verifier.page(page, "page.md", std::path::Path::new("."));
//! let mut summary = Summary::default();
//! summary.add(&report);
//! assert_eq!(summary.totals(), [1, 0, 0]);
//! # Ok::<(), std::io::Error>(())
//! ```

pub mod block;
mod bridge;
pub mod compare;
pub mod groups;
mod lock;
mod page;
mod report;
mod run;
pub mod runtime;
pub mod sandbox;

use std::ffi::OsString;
use std::io;
use std::path::PathBuf;

pub use lock::{Waiting, silent};
pub use page::task_of;
pub use report::{BlockReport, GroupReport, PageReport, Summary, Verdict};
pub use runtime::{Found, setup};
pub use sandbox::{Bounds, Isolation};

use crate::proxy::{Proxy, Trust};

/// What a verifier is given by its front end: the library reads no environment.
#[derive(Clone, Debug)]
pub struct Options {
    /// Where the runtimes live: a venv per install line, the npm packages.
    pub cache: PathBuf,
    /// Where each run gets its folder (emptied per run).
    pub work: PathBuf,
    /// The `PATH` runtimes are found on and run with.
    pub path: OsString,
    /// Each run's bounds.
    pub bounds: Bounds,
    /// Whether to isolate runs as far as the machine allows (namespaces, caps).
    pub isolate: bool,
    /// Keep each run's folder (for a bug report).
    pub keep: bool,
    /// What a build outside the sandbox (cargo's, for a Rust block) keeps of the
    /// front end's environment besides `PATH`: cargo's and rustup's own variables
    /// (`CARGO_HOME`, `RUSTUP_HOME`, `CARGO_BUILD_JOBS`...), `HOME`, the proxy for the
    /// registry ([`build_env`] chooses them). Never a token: a block's
    /// `env!("HF_TOKEN")` would compile it in.
    pub build_env: Vec<(OsString, OsString)>,
    /// Told when a run has waited a few seconds for another process preparing the
    /// same part of the cache (a venv, the npm packages); [`silent`] by default.
    pub waiting: Waiting,
}

impl Options {
    /// The default bounds, isolated, folders removed after each run.
    pub fn new(cache: PathBuf, work: PathBuf, path: OsString) -> Options {
        Options {
            cache,
            work,
            path,
            bounds: Bounds::default(),
            isolate: true,
            keep: false,
            build_env: Vec::new(),
            waiting: silent,
        }
    }
}

/// Runs blocks through the proxy: the run's CA and trust files, what is installed,
/// what isolation the machine allows.
pub struct Verifier {
    options: Options,
    proxy: Proxy,
    trust: Trust,
    found: Vec<Found>,
    isolation: Isolation,
    runs: std::sync::atomic::AtomicUsize,
}

impl Verifier {
    /// A verifier: a proxy with a new CA, its trust files in `work`, the runtimes
    /// found on `path`, the isolation probed.
    pub fn new(mut options: Options) -> io::Result<Verifier> {
        std::fs::create_dir_all(&options.work)?;
        std::fs::create_dir_all(&options.cache)?;
        // Runs change folder: every path they are given is absolute.
        options.work = std::fs::canonicalize(&options.work)?;
        options.cache = std::fs::canonicalize(&options.cache)?;
        let proxy = Proxy::start()?;
        let trust = proxy.write_trust(&options.work)?;
        let found = runtime::find(&options.path);
        let isolation = if options.isolate {
            Isolation::probe(&options.path)
        } else {
            Isolation::none()
        };
        Ok(Verifier {
            options,
            proxy,
            trust,
            found,
            isolation,
            runs: std::sync::atomic::AtomicUsize::new(0),
        })
    }

    /// The programs the runtime table names, and the version of each found.
    pub fn runtimes(&self) -> &[Found] {
        &self.found
    }

    /// What isolation runs get on this machine.
    pub fn isolation(&self) -> &Isolation {
        &self.isolation
    }

    fn next_run(&self) -> usize {
        self.runs.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
    }
}

/// The pages of `paths` verified, with their summary: what every front end reports.
#[derive(Clone, Debug)]
pub struct Verified {
    /// Each page, in the order of [`docs::markdown_files`](crate::docs::markdown_files).
    pub pages: Vec<PageReport>,
    /// Their counts.
    pub summary: Summary,
}

impl Verified {
    /// Every finding (differences, bypasses, notes), page by page.
    pub fn findings(&self) -> Vec<&crate::Diagnostic> {
        self.pages
            .iter()
            .flat_map(PageReport::diagnostics)
            .collect()
    }
}

impl Verifier {
    /// Verifies the Markdown and MDX pages of `paths` (files, or folders searched as
    /// `docs` does; the current folder when empty). A page that cannot be read is an
    /// error.
    pub fn paths(&self, paths: &[PathBuf]) -> Result<Verified, crate::Error> {
        let mut verified = Verified {
            pages: Vec::new(),
            summary: Summary::default(),
        };
        for file in crate::docs::markdown_files(paths)? {
            let text = crate::read_text(&file)?;
            let base = file.parent().unwrap_or(std::path::Path::new("."));
            let page = self.page(&text, &file.display().to_string(), base);
            verified.summary.add(&page);
            verified.pages.push(page);
        }
        Ok(verified)
    }

    /// What a report says besides the findings: the runtimes and the isolation, as
    /// JSON (`{"runtimes": [...], "isolation": "..."}`).
    pub fn describe(&self) -> serde_json::Value {
        let runtimes: Vec<String> = self
            .found
            .iter()
            .map(|found| match &found.version {
                // `curl 7.88.1 (x86_64-pc-linux-gnu) libcurl/...`: up to the platform.
                Some(version) => {
                    let short = version.split(" (").next().unwrap_or(version);
                    format!("{}: {short}", found.program)
                }
                None => format!("{}: not found", found.program),
            })
            .collect();
        serde_json::json!({"runtimes": runtimes, "isolation": self.isolation.describe()})
    }
}

/// The cache folder a front end uses when it is given none: `explicit` (such as
/// `$SNIPPET_CACHE_DIR`), else `$XDG_CACHE_HOME`, else `$HOME/.cache`, then
/// `inference-snippets/verify`; the front end reads the variables.
///
/// ```
/// use std::path::PathBuf;
/// use inference_snippets::verify::default_cache;
///
/// let cache = default_cache(None, None, Some("/home/me".into()));
/// assert_eq!(cache, PathBuf::from("/home/me/.cache/inference-snippets/verify"));
/// ```
pub fn default_cache(
    explicit: Option<OsString>,
    xdg_cache_home: Option<OsString>,
    home: Option<OsString>,
) -> PathBuf {
    let given =
        |value: Option<OsString>| value.filter(|value| !value.is_empty()).map(PathBuf::from);
    if let Some(dir) = given(explicit) {
        return dir;
    }
    given(xdg_cache_home)
        .or_else(|| given(home).map(|home| home.join(".cache")))
        .unwrap_or_else(|| PathBuf::from(".cache"))
        .join("inference-snippets")
        .join("verify")
}

/// What a build outside the sandbox keeps of the front end's environment `vars`
/// ([`Options::build_env`]): cargo's and rustup's own variables (`CARGO_*`,
/// `RUSTUP_*`, `RUSTC`, `RUSTC_WRAPPER`), `HOME`, and what reaches a registry (the
/// proxy variables, `SSL_CERT_FILE`, `SSL_CERT_DIR`); nothing else, tokens least of
/// all. The front end reads the variables.
///
/// ```
/// use inference_snippets::verify::build_env;
///
/// let kept = build_env([
///     ("CARGO_HOME".into(), "/c".into()),
///     ("HF_TOKEN".into(), "hf_x".into()),
///     ("HOME".into(), "/home/me".into()),
/// ]);
/// assert_eq!(kept, [("CARGO_HOME".into(), "/c".into()), ("HOME".into(), "/home/me".into())]);
/// ```
pub fn build_env(
    vars: impl IntoIterator<Item = (OsString, OsString)>,
) -> Vec<(OsString, OsString)> {
    const NAMES: &[&str] = &[
        "HOME",
        "RUSTC",
        "RUSTC_WRAPPER",
        "https_proxy",
        "HTTPS_PROXY",
        "http_proxy",
        "HTTP_PROXY",
        "no_proxy",
        "NO_PROXY",
        "SSL_CERT_FILE",
        "SSL_CERT_DIR",
    ];
    vars.into_iter()
        .filter(|(name, _)| {
            let name = name.to_string_lossy();
            name.starts_with("CARGO_") || name.starts_with("RUSTUP_") || NAMES.contains(&&*name)
        })
        .collect()
}
