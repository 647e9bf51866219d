//! The recording proxy: snippets run as written, against their real host names
//! (`router.huggingface.co`, `api.openai.com`, an endpoint's URL), and every request
//! they send is recorded and answered on 127.0.0.1. Nothing is ever forwarded.
//!
//! A [`Proxy`] owns a certificate authority made for the run and the answering table
//! ([`Answers`]). Each snippet run gets a [`Session`]: a listener on a loopback port of
//! its own, so that runs in parallel, which all send to the same host names, are told
//! apart by port. The run's environment ([`Session::environment`]) points its runtime
//! at that port (`HTTPS_PROXY` and the like) and makes it trust the CA (files written
//! by [`Proxy::write_trust`]); afterwards [`Session::take`] returns what arrived.
//!
//! A session takes proxy requests (`GET http://host/path HTTP/1.1`), `CONNECT
//! host:443` tunnels, where it terminates TLS with a leaf certificate for the host
//! signed by the run's CA (ALPN: `http/1.1` only), and requests sent to it directly
//! (plain or TLS). Each request is recorded with its method, absolute URL, headers in
//! wire order with their names as sent, and body (decoded from `chunked`), then
//! answered: an auxiliary rule's answer (the Hub's provider mapping...), else what an
//! inference endpoint of the session's task would answer ([`answer`]). Everything a
//! client sends is bounded ([`Limits`]).
//!
//! ```
//! use std::io::{Read, Write};
//! use std::net::TcpStream;
//!
//! use inference_snippets::Task;
//! use inference_snippets::proxy::Proxy;
//!
//! let proxy = Proxy::start()?;
//! let session = proxy.session(Some(Task::TextClassification))?;
//! // What curl sends for `http_proxy=http://127.0.0.1:PORT curl http://xyz.cloud/a -d x`.
//! let mut client = TcpStream::connect(("127.0.0.1", session.port()))?;
//! client.write_all(b"POST http://xyz.cloud/a HTTP/1.1\r\nHost: xyz.cloud\r\n\
//!     Content-Length: 1\r\nConnection: close\r\n\r\nx")?;
//! let mut answer = String::new();
//! client.read_to_string(&mut answer)?;
//! assert!(answer.starts_with("HTTP/1.1 200 OK"));
//! let traffic = session.take();
//! assert_eq!(traffic.requests[0].url, "http://xyz.cloud/a");
//! assert_eq!(traffic.requests[0].body, b"x");
//! # Ok::<(), std::io::Error>(())
//! ```

mod answer;
mod authority;
mod auxiliary;
mod connection;
mod recorder;
mod request;
mod runtime;
mod session;
mod traffic;
mod truststore;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

pub use answer::{Answer, FLAC, MP4, PNG, answer, streamed};
pub use auxiliary::{Answers, Auxiliary, HUB, PROVIDERS};
pub use request::{Incoming, Limits, read_request};
pub use runtime::{Environment, environment};
pub use session::Session;
pub use traffic::{Recorded, Traffic, Via};

use crate::Task;
use authority::Authority;

/// Tells the task an inference request's answer is shaped for (`None`: the route's
/// shape, else a generic JSON object).
pub type TaskOf = Arc<dyn Fn(&Recorded) -> Option<Task> + Send + Sync>;

/// The run's CA and answering table; sessions are made from it.
pub struct Proxy {
    authority: Arc<Authority>,
    answers: Arc<Answers>,
    limits: Limits,
}

impl Proxy {
    /// A proxy with a new CA, the default [`Answers`] and the default [`Limits`].
    pub fn start() -> io::Result<Proxy> {
        Proxy::with(Answers::default(), Limits::default())
    }

    /// A proxy with a new CA, answering from `answers`, within `limits`.
    pub fn with(answers: Answers, limits: Limits) -> io::Result<Proxy> {
        Ok(Proxy {
            authority: Arc::new(Authority::new()?),
            answers: Arc::new(answers),
            limits,
        })
    }

    /// A new session on its own loopback port; its inference answers are shaped for
    /// `task` (JSON of the task's shape, OpenAI shapes on OpenAI routes whatever the
    /// task, a generic JSON object when neither tells).
    pub fn session(&self, task: Option<Task>) -> io::Result<Session> {
        self.session_with(Arc::new(move |_: &Recorded| task), None)
    }

    /// A session whose inference answers are shaped for the task `task_of` tells from
    /// each request, on loopback port `preferred` when it is free (else any): a
    /// harness serving the requests of many tasks on one listener, such as the
    /// project's conformance suite, which files them by the first segment of their
    /// path and keeps its port from run to run (compiled snippets hold it).
    pub fn session_with(&self, task_of: TaskOf, preferred: Option<u16>) -> io::Result<Session> {
        Session::start(
            Arc::clone(&self.authority),
            Arc::clone(&self.answers),
            self.limits,
            task_of,
            preferred,
        )
    }

    /// The CA certificate in PEM, for `CURL_CA_BUNDLE`, `SSL_CERT_FILE`,
    /// `NODE_EXTRA_CA_CERTS`...
    pub fn ca_pem(&self) -> &str {
        self.authority.pem()
    }

    /// The CA certificate in DER.
    pub fn ca_der(&self) -> &[u8] {
        self.authority.der()
    }

    /// A Java truststore (JKS, password [`Trust::JAVA_PASSWORD`]) holding the CA.
    pub fn java_truststore(&self) -> Vec<u8> {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default();
        let millis = u64::try_from(now.as_millis()).unwrap_or(u64::MAX);
        truststore::jks("inference-snippets-proxy", self.authority.der(), millis)
    }

    /// Writes into `dir` (which must exist) what runtimes read to trust the CA and to
    /// use the proxy: `proxy-ca.pem`, `proxy-truststore.jks` and the Node preload
    /// `proxy-preload.cjs`.
    pub fn write_trust(&self, dir: &Path) -> io::Result<Trust> {
        let trust = Trust {
            ca_pem: dir.join("proxy-ca.pem"),
            java_truststore: dir.join("proxy-truststore.jks"),
            node_preload: dir.join("proxy-preload.cjs"),
        };
        fs::write(&trust.ca_pem, self.ca_pem())?;
        fs::write(&trust.java_truststore, self.java_truststore())?;
        fs::write(&trust.node_preload, runtime::NODE_PRELOAD)?;
        Ok(trust)
    }
}

/// The files [`Proxy::write_trust`] wrote: what [`environment`] points runtimes at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trust {
    /// The CA certificate, PEM.
    pub ca_pem: PathBuf,
    /// The CA in a Java truststore (JKS), password [`Trust::JAVA_PASSWORD`].
    pub java_truststore: PathBuf,
    /// The CommonJS preload that makes Node's `fetch` use the proxy variables.
    pub node_preload: PathBuf,
}

impl Trust {
    /// The password of the Java truststore.
    pub const JAVA_PASSWORD: &'static str = truststore::PASSWORD;
}
