//! What a snippet needs installed beyond its language's standard library, said in
//! its ecosystem's words on the snippet's first line: `# pip install requests`,
//! `// npm install @huggingface/inference`, `// Cargo.toml: reqwest = ...`. Which
//! packages a client's snippet needs is its row of the client table.

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
    /// Packagist, installed with Composer.
    Composer,
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
    /// `packages` from PyPI.
    pub(crate) fn pip(packages: &[&str]) -> Install {
        Install::of(Ecosystem::Pip, packages)
    }

    /// `packages` from the npm registry.
    pub(crate) fn npm(packages: &[&str]) -> Install {
        Install::of(Ecosystem::Npm, packages)
    }

    /// `packages` from Packagist, installed with Composer.
    pub(crate) fn composer(packages: &[&str]) -> Install {
        Install::of(Ecosystem::Composer, packages)
    }

    /// `packages` from crates.io, as `line` writes them into Cargo.toml.
    pub(crate) fn cargo(packages: &[&str], line: String) -> Install {
        Install {
            cargo_line: Some(line),
            ..Install::of(Ecosystem::Cargo, packages)
        }
    }

    fn of(ecosystem: Ecosystem, packages: &[&str]) -> Install {
        Install {
            ecosystem,
            packages: packages.iter().map(|name| (*name).to_owned()).collect(),
            cargo_line: None,
        }
    }

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
            Ecosystem::Composer => format!("// composer require {}", self.packages.join(" ")),
            Ecosystem::Cargo => format!(
                "// Cargo.toml: {}",
                self.cargo_line.as_deref().unwrap_or_default()
            ),
        }
    }
}
