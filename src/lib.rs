//! Code snippets that send one inference request, for six clients.
//!
//! Every path through the library reads something into a [`Request`] (a JSON spec
//! with [`parse_spec`], or the builder) and renders it for a [`Client`]:
//!
//! ```
//! use inference_snippets::{Client, Task, parse_spec, render};
//!
//! let request = parse_spec(
//!     r#"{"url": "https://xyz.endpoints.huggingface.cloud/distilbert-sentiment",
//!         "json": {"inputs": "Deploying my first endpoint was an amazing experience."},
//!         "task": "text-classification"}"#,
//!     "spec.json",
//! )?;
//! assert_eq!(request.task, Some(Task::TextClassification));
//! let python = render(&request, Client::HuggingfaceHub)?;
//! assert!(python.contains("client.text_classification("));
//! # Ok::<(), inference_snippets::Error>(())
//! ```
//!
//! An OpenAPI 3.0 or 3.1 document (JSON or YAML) gives a request per operation with
//! [`parse_openapi`], and a note for each operation it cannot build, saying why.
//!
//! A snippet sends exactly the request, or is not written: a client that cannot
//! express a request returns a refusal ([`Error::is_refusal`]) whose hint names
//! the client that can.
//!
//! Front ends (the `snippet` binary, the Python and Node packages in `bindings/`) run
//! a conversion through [`Input`]: the request read with where its text writes each
//! field, made ready, and rendered for a [`Choice`] of clients, every problem placed
//! in the text the user wrote. [`to_spec`] gives a request back as its JSON spec.
//!
//! Problems are data: every error holds a [`Diagnostic`] (a stable [`Code`], a
//! [`Severity`], the [`Place`] in its input, the [`Field`] of the request, and
//! [`Hint`]s that each front end words through [`Words`]); warnings are
//! diagnostics too.

mod client;
mod curl;
mod diagnostic;
pub mod docs;
mod error;
mod file;
mod input;
mod install;
mod lines;
mod mime;
mod model;
mod names;
mod openapi;
#[cfg(feature = "proxy")]
pub mod proxy;
mod quote;
mod render;
mod router;
mod secret;
mod spec;
mod suggest;
mod task;
mod template;
mod text;
mod validate;
#[cfg(feature = "proxy")]
pub mod verify;

pub use client::{Client, Kind, Language};
pub use curl::{CurlOptions, Parsed, Places, Shell, parse_curl, parse_curl_args};
pub use diagnostic::{
    Argument, Code, Diagnostic, ERRORS_URL, Field, Hint, LibraryWords, Place, Severity, Words,
};
pub use error::Error;
pub use file::{decode_text, read_text, write_atomic};
pub use input::{Choice, Input, Snippets};
pub use install::{Ecosystem, Install};
pub use mime::guess as guess_mime;
pub use model::{
    Connection, FileBytes, JsonTemplate, Part, PartContent, Payload, Request, Slot, Token,
};
pub use openapi::{
    CodeSample, LangStyle, OpenApiOptions, Operation, OperationSamples, Operations, SampleDrift,
    SampleOptions, Samples, openapi_samples, parse_openapi,
};
pub use render::{
    AllSnippets, LeftOut, Options, Snippet, Wire, caveats, install, render, render_all,
    render_all_explained, render_all_with, render_default, render_default_with, render_with,
};
pub use secret::protect_tokens;
pub use spec::{DEFAULT_TEXT_TYPE, locate_in_spec, parse_spec, to_spec};
pub use suggest::closest;
pub use task::{Task, UnknownTask};
pub use text::{Escapes, Segment, Text, Var};
