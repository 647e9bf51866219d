//! `cargo bench --bench proxy`: what the recording proxy adds to one request. Each
//! iteration opens a connection, sends a chat request and reads the whole answer, as
//! a snippet does:
//!
//! - `direct_http`: to a minimal loopback server (a thread per connection, as the
//!   proxy has, reading the head and body and writing a fixed answer): the floor;
//! - `session_http`: through a session as a proxy (`POST http://host/...`);
//! - `direct_https`: the same minimal server behind TLS (rustls, an ECDSA P-256
//!   certificate, as the proxy's leaves): the floor of an https request;
//! - `session_https`: through a session by `CONNECT`, with a TLS handshake (a rustls
//!   client trusting the run's CA) and the request inside, as `https_proxy` makes
//!   every https snippet do;
//! - `session_https_kept`: more requests in one tunnel already open.
//!
//! What the proxy adds to a request is `session_http - direct_http` (parsing,
//! recording, answering) and `session_https - direct_https` (that, the `CONNECT`
//! round trip and the leaf lookup); the TLS handshake is what any https endpoint
//! costs. On a busy machine, compare the `fastest` columns.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;

use divan::{Bencher, black_box};
use inference_snippets::Task;
use inference_snippets::proxy::{Answers, Limits, Proxy, Session};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer, ServerName};
use rustls::{
    ClientConfig, ClientConnection, RootCertStore, ServerConfig, ServerConnection, StreamOwned,
};

fn main() {
    divan::main();
}

const BODY: &str =
    r#"{"model":"meta-llama/Llama-3.1-8B-Instruct","messages":[{"role":"user","content":"Hi"}]}"#;

fn request(target: &str, host: &str, close: bool) -> Vec<u8> {
    format!(
        "POST {target} HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer hf_dummy\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nConnection: {}\r\n\r\n{BODY}",
        BODY.len(),
        if close { "close" } else { "keep-alive" },
    )
    .into_bytes()
}

/// A connection to a loopback port, writes sent at once (as curl, Python and Node do).
fn connect(port: u16) -> TcpStream {
    let stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream.set_nodelay(true).expect("TCP_NODELAY");
    stream
}

/// Reads one answer with a `Content-Length`; returns its body's length.
fn read_answer<R: BufRead>(reader: &mut R) -> usize {
    let mut length = 0;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).expect("answer head");
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().expect("a length");
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).expect("answer body");
    length
}

/// The floor: a loopback server that reads a request and writes a fixed answer, in
/// TLS when `tls` is given.
fn direct_server(tls: Option<Arc<ServerConfig>>) -> u16 {
    let listener = TcpListener::bind(("127.0.0.1", 0)).expect("bind");
    let port = listener.local_addr().expect("address").port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let tls = tls.clone();
            std::thread::spawn(move || {
                let _ = stream.set_nodelay(true);
                match tls {
                    Some(config) => {
                        let Ok(connection) = ServerConnection::new(config) else {
                            return;
                        };
                        answer_one(StreamOwned::new(connection, stream));
                    }
                    None => answer_one(stream),
                }
            });
        }
    });
    port
}

fn answer_one<S: Read + Write>(stream: S) {
    let mut reader = BufReader::new(stream);
    let mut length = 0;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0; length];
    if reader.read_exact(&mut body).is_err() {
        return;
    }
    let answer = br#"{"choices":[{"message":{"content":"Hello"}}]}"#;
    let head = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        answer.len()
    );
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(answer);
    let stream = reader.get_mut();
    let _ = stream.write_all(&bytes);
    let _ = stream.flush();
}

#[divan::bench(sample_count = 300)]
fn direct_http(bencher: Bencher) {
    let port = direct_server(None);
    let request = request("/v1/chat/completions", "127.0.0.1", true);
    bencher.bench(|| {
        let mut stream = connect(port);
        stream.write_all(&request).expect("send");
        black_box(read_answer(&mut BufReader::new(stream)))
    });
}

/// A session whose connections take any number of requests (the kept tunnel's).
fn session() -> (Proxy, Session) {
    let limits = Limits {
        requests: usize::MAX,
        ..Limits::default()
    };
    let proxy = Proxy::with(Answers::default(), limits).expect("proxy");
    let session = proxy.session(Some(Task::ChatCompletion)).expect("session");
    (proxy, session)
}

#[divan::bench(sample_count = 300)]
fn session_http(bencher: Bencher) {
    let (_proxy, session) = session();
    let request = request(
        "http://router.huggingface.co/v1/chat/completions",
        "router.huggingface.co",
        true,
    );
    bencher.bench(|| {
        let mut stream = connect(session.port());
        stream.write_all(&request).expect("send");
        let length = read_answer(&mut BufReader::new(stream));
        black_box(session.take());
        length
    });
}

/// The ring provider, as the proxy's (see src/proxy/authority.rs).
fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    #[allow(deprecated)]
    Arc::new(rustls::crypto::ring::default_provider())
}

/// A TLS client that trusts `ca` (DER) only.
fn client_config(ca: &[u8]) -> Arc<ClientConfig> {
    let mut roots = RootCertStore::empty();
    roots
        .add(CertificateDer::from(ca.to_vec()))
        .expect("the CA");
    let config = ClientConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .expect("TLS versions")
        .with_root_certificates(roots)
        .with_no_client_auth();
    Arc::new(config)
}

/// A `CONNECT` tunnel to `router.huggingface.co:443` with TLS established in it.
fn tunnel(
    session: &Session,
    config: &Arc<ClientConfig>,
) -> BufReader<StreamOwned<ClientConnection, TcpStream>> {
    let mut stream = connect(session.port());
    stream
        .write_all(b"CONNECT router.huggingface.co:443 HTTP/1.1\r\nHost: router.huggingface.co:443\r\n\r\n")
        .expect("CONNECT");
    let mut established = [0; 39];
    stream
        .read_exact(&mut established)
        .expect("200 Connection established");
    assert_eq!(&established, b"HTTP/1.1 200 Connection established\r\n\r\n");
    let name = ServerName::try_from("router.huggingface.co").expect("a name");
    let connection = ClientConnection::new(Arc::clone(config), name).expect("TLS client");
    BufReader::new(StreamOwned::new(connection, stream))
}

/// A self-signed ECDSA P-256 certificate for router.huggingface.co, as a server's.
fn endpoint_certificate() -> (Arc<ServerConfig>, Vec<u8>) {
    let key = rcgen::KeyPair::generate().expect("key");
    let params =
        rcgen::CertificateParams::new(vec!["router.huggingface.co".to_owned()]).expect("params");
    let certificate = params.self_signed(&key).expect("certificate");
    let der = certificate.der().to_vec();
    let private = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));
    let mut config = ServerConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .expect("TLS versions")
        .with_no_client_auth()
        .with_single_cert(vec![CertificateDer::from(der.clone())], private)
        .expect("server config");
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    (Arc::new(config), der)
}

#[divan::bench(sample_count = 300)]
fn direct_https(bencher: Bencher) {
    let (server, der) = endpoint_certificate();
    let port = direct_server(Some(server));
    let config = client_config(&der);
    let request = request("/v1/chat/completions", "router.huggingface.co", true);
    bencher.bench(|| {
        let name = ServerName::try_from("router.huggingface.co").expect("a name");
        let connection = ClientConnection::new(Arc::clone(&config), name).expect("TLS client");
        let mut tls = BufReader::new(StreamOwned::new(connection, connect(port)));
        tls.get_mut().write_all(&request).expect("send");
        black_box(read_answer(&mut tls))
    });
}

#[divan::bench(sample_count = 300)]
fn session_https(bencher: Bencher) {
    let (proxy, session) = session();
    let config = client_config(proxy.ca_der());
    let request = request("/v1/chat/completions", "router.huggingface.co", true);
    bencher.bench(|| {
        let mut tls = tunnel(&session, &config);
        tls.get_mut().write_all(&request).expect("send");
        let length = read_answer(&mut tls);
        black_box(session.take());
        length
    });
}

#[divan::bench(sample_count = 300)]
fn session_https_kept(bencher: Bencher) {
    let (proxy, session) = session();
    let config = client_config(proxy.ca_der());
    let request = request("/v1/chat/completions", "router.huggingface.co", false);
    let mut tls = tunnel(&session, &config);
    bencher.bench_local(|| {
        tls.get_mut().write_all(&request).expect("send");
        let length = read_answer(&mut tls);
        black_box(session.take());
        length
    });
}
