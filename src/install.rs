//! What a snippet needs installed beyond its language's standard library, said in
//! its ecosystem's words on the snippet's first line: `# pip install requests`,
//! `// npm install @huggingface/inference`, `// Cargo.toml: reqwest = ...`.

use crate::Client;
use crate::model::{Payload, Request};
use crate::render::Response;

/// Where a snippet's packages come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Ecosystem {
    /// PyPI, installed with pip.
    Pip,
    /// The npm registry.
    Npm,
    /// crates.io, written into Cargo.toml.
    Cargo,
}

/// The packages a snippet imports that its language does not ship.
///
/// # Example
/// ```
/// use inference_snippets::{Client, Request, Task, install};
/// use serde_json::json;
///
/// let request = Request::new("https://xyz.endpoints.huggingface.cloud/sdxl")
///     .json(json!({"inputs": "An astronaut riding a horse"}))
///     .task(Task::TextToImage);
/// // text_to_image returns a PIL image: Pillow is needed to save it.
/// let needs = install(&request, Client::HuggingfaceHub).unwrap();
/// assert_eq!(needs.line(), "# pip install huggingface_hub pillow");
/// assert_eq!(needs.packages(), ["huggingface_hub", "pillow"]);
/// // curl and Node's fetch need nothing.
/// assert!(install(&request, Client::Fetch).is_none());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Install {
    ecosystem: Ecosystem,
    packages: Vec<String>,
    /// What follows `Cargo.toml: `: each crate with its version and features.
    cargo_line: Option<String>,
}

impl Install {
    /// The ecosystem the packages come from.
    pub fn ecosystem(&self) -> Ecosystem {
        self.ecosystem
    }

    /// The package names, as the registry knows them.
    pub fn packages(&self) -> &[String] {
        &self.packages
    }

    /// The snippet's first line: a comment in the language, in the words its
    /// ecosystem uses to install.
    pub fn line(&self) -> String {
        match self.ecosystem {
            Ecosystem::Pip => format!("# pip install {}", self.packages.join(" ")),
            Ecosystem::Npm => format!("// npm install {}", self.packages.join(" ")),
            Ecosystem::Cargo => format!(
                "// Cargo.toml: {}",
                self.cargo_line.as_deref().unwrap_or_default()
            ),
        }
    }
}

/// What the snippet of `client` for `request` needs installed; `None` when the
/// language (or the tool: curl) has all it uses.
pub fn install(request: &Request, client: Client) -> Option<Install> {
    let packages = |ecosystem, names: &[&str]| {
        Some(Install {
            ecosystem,
            packages: names.iter().map(|name| (*name).to_owned()).collect(),
            cargo_line: None,
        })
    };
    match client {
        Client::Curl | Client::Fetch => None,
        Client::Requests => packages(Ecosystem::Pip, &["requests"]),
        Client::HuggingfaceHub => {
            let mut names = vec!["huggingface_hub"];
            names.extend(crate::render::huggingface_hub_extras(request.task));
            packages(Ecosystem::Pip, &names)
        }
        Client::HuggingfaceJs => packages(Ecosystem::Npm, &["@huggingface/inference"]),
        Client::OpenaiPython => packages(Ecosystem::Pip, &["openai"]),
        Client::OpenaiJs => packages(Ecosystem::Npm, &["openai"]),
        Client::Reqwest => Some(cargo(request)),
    }
}

/// reqwest's features (blocking; multipart for a form; the decoders for a
/// compressed answer, which also make it ask for one), and serde_json when the
/// snippet reads streamed JSON.
fn cargo(request: &Request) -> Install {
    let mut features = vec!["blocking"];
    if matches!(request.payload, Payload::Multipart(_)) {
        features.push("multipart");
    }
    if request.connection.compressed {
        features.extend(["gzip", "brotli", "deflate", "zstd"]);
    }
    let quoted: Vec<String> = features.iter().map(|f| format!("\"{f}\"")).collect();
    let mut line = format!(
        "reqwest = {{ version = \"0.13\", features = [{}] }}",
        quoted.join(", ")
    );
    let mut packages = vec!["reqwest".to_owned()];
    if matches!(
        Response::of(request),
        Response::ChatStream | Response::TokenStream
    ) {
        line.push_str(", serde_json = \"1\"");
        packages.push("serde_json".to_owned());
    }
    Install {
        ecosystem: Ecosystem::Cargo,
        packages,
        cargo_line: Some(line),
    }
}
